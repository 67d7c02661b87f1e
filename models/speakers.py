"""Speakers and coreference: from a source noun phrase to the entity it names.

One `SpeakerResolver` is built per document. It indexes the PERSON entities once
(full names by surname, titles by person, positions for pronouns), so resolving a
mention costs a dictionary look-up or a binary search, never a scan of the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .entities import headline_mentions, is_headline, is_name_word
from .entity_types import BODIES, PLACES, SPEAKERS
from .lexicon import Lexicon
from .spans import (
    CLOSING_BRACKETS,
    agent_of,
    closes_a_bracket,
    dateline_end,
    is_loose_mark,
    joins_compound,
    past_stray_article,
    proper_nouns,
    relative_antecedent,
    tokens_in,
)
from .titles import (
    appositive_role,
    author_line,
    group_role,
    lede_descriptions,
    name_without_title,
    names_an_office,
    person_titles,
    role_descriptions,
    role_head,
    role_phrase,
    singular,
    untagged_name,
    untagged_people,
)

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
FIRST_PERSON = frozenset({"i", "me", "my"})
CUT_DEPS = frozenset({"relcl", "acl", "advcl"})
KEPT_PREPOSITIONS = frozenset({"of", "from", "at", "for", "with"})
GROUP_PREPOSITIONS = frozenset({"on", "in", "to"})
#: prepositions after a document noun whose object is not who wrote it (`polls in Ohio`, `a
#: filing with the SEC`, `a letter to Congress`)
NOT_AUTHOR_PREPOSITIONS = frozenset({"in", "on", "about", "across", "with", "to", "against", "over"})
PRONOUN_WINDOW = 40
#: how far back (in tokens) a definite description looks for the person it describes
DESCRIPTION_WINDOW = 60
#: how far back (in tokens) `it` or `they` looks for the organisation or group that spoke
BODY_WINDOW = 120
#: how far (in tokens) a role that speaks in the lede looks ahead for the person it is
LEDE_WINDOW = 150
#: votes a first name's usual gender counts for against the article's own evidence
FIRST_NAME_WEIGHT = 1.5


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a mention refers to."""

    name: str | None
    kind: str
    title: str | None = None


def majority(votes: Counter[str]) -> str | None:
    """`m` or `f` if it has more votes than any other answer, else None.

    >>> majority(Counter(m=2, f=1)), majority(Counter(m=1, f=1)), majority(Counter())
    ('m', None, None)
    """
    (top, n), *rest = votes.most_common(2) or [(None, 0)]
    return top if top in ("m", "f") and (not rest or rest[0][1] < n) else None


@dataclass(slots=True)
class Person:
    name: str
    roles: list[str] = field(default_factory=list)  # stated beside the name
    headline_roles: list[str] = field(default_factory=list)  # `Union leader vows ...`: informal, a fallback
    described_roles: list[str] = field(default_factory=list)  # `... the Vermont senator said`: inferred
    affiliations: list[str] = field(default_factory=list)
    gender_votes: Counter[str] = field(default_factory=Counter)

    @property
    def evidenced_gender(self) -> str | None:
        """`m` or `f` where the article's evidence agrees, else None."""
        return majority(self.gender_votes)

    @property
    def titles(self) -> list[str]:
        return list(dict.fromkeys(self.roles + self.headline_roles + self.described_roles + self.affiliations))


NICKNAME_QUOTES = str.maketrans("", "", '"“”')


def name_key(name: str) -> str:
    """A name as it is compared: lower case, one apostrophe, no double quotes round a nickname,
    no generational suffix (so that `Biden` is the surname of `Joseph R. Biden Jr.`).

    >>> name_key("James O’Neill") == name_key("james o'neill"), name_key('Robert "Bobby" Scott')
    (True, 'robert bobby scott')
    >>> name_key("Joseph R. Biden Jr.")
    'joseph r. biden'
    """
    return GENERATION.sub("", name.lower().replace("’", "'").translate(NICKNAME_QUOTES))


#: a generational suffix after a surname
GENERATION = re.compile(r",? (?:jr|sr)\.?$|,? (?:ii|iii|iv)$")
#: words of a description that do not tell one holder of a role from another
GENERIC_WORDS = frozenset({"the", "a", "an", "of", "former", "then", "current", "new", "his", "her", "its", "their"})


def first_name(full_name: str) -> str | None:
    """The lower-cased given name of a full name, if it has one that is a word.

    >>> [first_name(n) for n in ("Hillary Clinton", "J. Smith", "Obama", "Mary-Kate Olsen")]
    ['hillary', None, None, 'mary-kate']
    """
    words = full_name.split()
    if len(words) < 2 or not words[0].replace("-", "").isalpha() or len(words[0]) < 2:
        return None
    return words[0].lower()


def description_words_of(text: str) -> set[str]:
    """The distinctive words of a title, singular and lower-case."""
    return {singular(w) for w in text.lower().replace("-", " ").split() if w not in GENERIC_WORDS}


def description_words(head: Token) -> set[str]:
    """The distinctive words of the description headed by `head`, without the head itself or
    its owner (`Pagliano's lawyer`: the role is `lawyer`, as the title is)."""
    owned = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    return description_words_of(" ".join(t.text for t in head.subtree if t.i < head.i and t.i not in owned))


def proper_description_words(head: Token) -> set[str]:
    """The words of a description that name a party, place or body (`Democratic`, `Vermont`):
    a title that names another one describes someone else (`SpeakerResolver._names_another`)."""
    return {singular(t.lower_) for t in head.subtree
            if t.i < head.i and (t.ent_type_ in BODIES | PLACES or t.pos_ == "PROPN")}


def _names_the_subject(token: Token) -> bool:
    """Whether a name is its clause's subject or set beside it (`The head of the army, General
    Sir Roly Walker, warned`)."""
    return token.dep_ in SUBJECT_DEPS or (token.dep_ == "appos" and token.head.dep_ in SUBJECT_DEPS)


def is_or_owns_subject(token: Token, lexicon: Lexicon) -> bool:
    """Whether a token heads a subject or names the owner of a thing that is one: `Boeing said`,
    `Boeing's shares fell`, `Boeing shares fell`, `Shares of Boeing fell` (what a later `it` or
    `the company` most likely is); not of a person (`The FBI director said`: the director acts).

    >>> import spacy
    >>> from models.lexicon import load_lexicon
    >>> doc = Doc(spacy.blank("en").vocab, words=["Shares", "of", "Boeing", "fell"], heads=[3, 0, 1, 3],
    ...           deps=["nsubj", "prep", "pobj", "ROOT"])
    >>> [t.text for t in doc if is_or_owns_subject(t, load_lexicon())]
    ['Shares', 'Boeing']
    """
    if token.dep_ in SUBJECT_DEPS:
        return True
    owned = token.head if token.dep_ in ("poss", "compound") else \
        token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return owned is not None and owned.dep_ in SUBJECT_DEPS and not lexicon.is_role_word(owned.lower_)


def is_definite(head: Token) -> bool:
    """`the governor`, `Former DNC chairman`: a description of one known person; `a senior
    official` is an anonymous one, and `his lawyer` depends on whose."""
    determiners = [c for c in head.children if c.dep_ in ("det", "nummod", "poss")]
    return all(c.lower_ == "the" for c in determiners)


def describes_one_person(head: Token) -> bool:
    """A definite role description (`the governor`), or one owned by a name that says more than
    the role (`Obama's former campaign strategist`, `Connecticut's tax commissioner`; not
    `Germany's president`, which the title `President` alone cannot tell from another's)."""
    determiners = [c for c in head.children if c.dep_ in ("det", "nummod", "poss")]
    owned = any(c.dep_ == "poss" for c in determiners)
    return all(c.lower_ == "the" or (c.dep_ == "poss" and c.pos_ == "PROPN") for c in determiners) \
        and (not owned or bool(description_words(head)))


SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "&"})


def initials(name: str) -> str:
    """The acronym a name's capitalised words spell.

    >>> initials("International Monetary Fund"), initials("Commission on Presidential Debates")
    ('IMF', 'CPD')
    """
    return "".join(w[0] for w in name.split() if w.lower() not in SMALL_WORDS and w[0].isupper())


def is_acronym(text: str) -> bool:
    """`IMF`, `U.N.`: two to six capitals, dots allowed."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def bracketed_aliases(doc: Doc, ents: tuple[Span, ...]) -> dict[str, str]:
    """Short names an article defines in brackets after an organisation: `the Federal Reserve
    (Fed)` gives `fed` -> `Federal Reserve`."""
    aliases = {}
    for ent in ents:
        if ent.label_ != "ORG" or ent.end + 2 >= len(doc) or doc[ent.end].text != "(":
            continue
        close = next((k for k in range(ent.end + 1, min(ent.end + 4, len(doc))) if doc[k].text == ")"), None)
        if close is not None and close > ent.end + 1:
            short = doc[ent.end + 1:close].text
            aliases[name_key(short)] = strip_article(ent.text)
    return aliases


def bare_org_name(text: str) -> str:
    """`the Pentagon's` -> `Pentagon`: an organisation's name without article or possessive."""
    return strip_article(text).removesuffix("'s").removesuffix("’s")


#: a singular noun of nationality the recogniser may not label NORP: `Frenchman`, `Irishwoman`
NATIONALITY_NOUN = re.compile(r"(?:english|french|irish|scots|welsh|dutch|country|china)(?:wo)?man")


def is_proper_name(name: str) -> bool:
    """Whether a source's name is a proper name, not a description of it.

    >>> is_proper_name("Food and Drug Administration"), is_proper_name("senator's office")
    (True, False)
    """
    return any(word[:1].isupper() for word in name.split())


def _bare_the(head: Token) -> bool:
    """`the billionaire`, `the 78-year-old tycoon`: `the` and nothing else before the noun but an
    age; `the gambling tycoon` describes someone the article may not have named yet."""
    before = list(head.lefts)
    return any(c.dep_ == "det" and c.lower_ == "the" for c in before) and all(
        (c.dep_ == "det" and c.lower_ == "the") or any(t.like_num for t in c.subtree) for c in before)


def is_epithet(head: Token) -> bool:
    """Whether a source head is a definite epithet of nationality or age, which sports and
    feature writing use for a person just named: `the Spaniard`, `the Frenchman`, `the 24-year-old`."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return False
    nationality = head.tag_ == "NNP" and (head.ent_type_ == "NORP" or NATIONALITY_NOUN.fullmatch(head.lower_))
    age = head.lower_ == "old" and any(c.lower_ == "year" and any(n.like_num for n in c.children)
                                       for c in head.children)
    return bool(nationality or age)


def strip_article(text: str) -> str:
    """`The Pentagon` -> `Pentagon`; other determiners (`two diplomats`) stay."""
    head, _, rest = text.partition(" ")
    return rest if head.lower() == "the" and rest else text


def mention_bounds(subject: Token) -> tuple[int, int]:
    """Token bounds of the source phrase: the subject with its modifiers and appositions,
    without a relative clause that trails it, nor the possessive ending of an owner (`the
    mayor's view`: `the mayor`)."""
    start, end = subject.left_edge.i, subject.right_edge.i + 1
    start = max(start, min(dateline_end(subject), subject.i))  # `JACKSON, Miss. - Judge X`: not `Miss. -`
    while start >= 2 and joins_compound(subject.doc[start - 1]):  # `Co-founder X`, where `Co-` hangs elsewhere
        start -= 2
    start = past_stray_article(subject, start)
    for child in subject.children:
        cut = child.dep_ in CUT_DEPS or (child.dep_ == "prep" and not _narrows(subject, child)) \
            or (child.dep_ == "case" and subject.dep_ == "poss")
        if child.i > subject.i and cut:
            end = min(end, child.left_edge.i)
    doc = subject.doc
    bracket_checked = False  # `Sen. X (D-Calif.)` keeps its `)`; one check, so a run of `)))` stays linear
    while end > start + 1 and is_loose_mark(doc[end - 1]):
        if not bracket_checked and doc[end - 1].text in CLOSING_BRACKETS:
            bracket_checked = True
            if closes_a_bracket(doc, start, end):
                break
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space or doc[start].pos_ == "SCONJ"):
        start += 1  # `though one of them, X`: the parser may hang a clause's subordinator on its subject
    return start, end


def _narrows(subject: Token, prep: Token) -> bool:
    """Whether a prepositional phrase tells which source is meant (`officials of the party`,
    `experts on Korea`, `advisers to the president`), rather than when or how it spoke
    (`X on Tuesday`, `officials in a statement`): `on`, `in` and `to` only narrow a plural or
    one of a group (`one GOP source in the room`)."""
    if prep.lower_ in KEPT_PREPOSITIONS:
        return True
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    one_of_many = any(c.lower_ == "one" for c in subject.children if c.dep_ in ("nummod", "det"))
    return (subject.tag_ in ("NNS", "NNPS") or one_of_many) and prep.lower_ in GROUP_PREPOSITIONS and bool(objects) \
        and all(o.ent_type_ not in ("DATE", "TIME") and o.pos_ != "PRON" for o in objects)


def head_bounds(subject: Token) -> tuple[int, int]:
    """The subject with only the compound words before it: a fallback mention."""
    start = subject.i
    while start > 0 and subject.doc[start - 1].dep_ == "compound" and subject.doc[start - 1].head.i >= start:
        start -= 1
    return start, subject.i + 1


def surname_order(names: list[str]) -> list[str]:
    """Distinct names in the order they claim a bare surname: the fullest form first, then
    the one named most often, then the first named; the same on every run.

    >>> surname_order(["Chelsea Clinton", "Hillary Clinton", "Clinton", "Hillary Clinton"])
    ['Hillary Clinton', 'Chelsea Clinton', 'Clinton']
    """
    counts = Counter(names)
    first = {name: i for i, name in reversed(list(enumerate(names)))}
    return sorted(counts, key=lambda n: (-len(n.split()), -counts[n], first[n]))


def listed(names: list[str]) -> str:
    """`X and Y`, `X, Y and Z`.

    >>> listed(["Ann Lee"]), listed(["Ann Lee", "Bo Ma"]), listed(["A", "B", "C"])
    ('Ann Lee', 'Ann Lee and Bo Ma', 'A, B and C')
    """
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def conjunction_chain(head: Token, most: int = 12) -> list[Token]:
    """The conjuncts of a head, following the chain the parser builds for a list (`X, Y and Z`:
    Y hangs on X, Z on Y); at most `most`, so a run-on list costs no more."""
    found, frontier = [], [head]
    while frontier and len(found) < most:
        token = frontier.pop()
        for child in token.children:
            if child.dep_ == "conj":
                found.append(child)
                frontier.append(child)
    return sorted(found[:most], key=lambda t: t.i)


def owned_nouns(doc: Doc, lexicon: Lexicon) -> dict[str, list[tuple[int, str]]]:
    """Organisation nouns told apart by a proper name (`the Clinton campaign`, `Clinton's
    campaign`): noun -> (token, `Clinton campaign`) in text order, read in one pass."""
    found: dict[str, list[tuple[int, str]]] = {}
    for token in tokens_in(doc, lexicon.org_nouns):
        if token.tag_ != "NN":
            continue
        owner = [c for c in token.children if c.i < token.i and c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
        if owner:
            words = [t.text for t in owner[-1].subtree if t.pos_ == "PROPN"]
            found.setdefault(token.lower_, []).append((token.i, " ".join([*words, token.text])))
    return found


def _looks_like_a_name(token: Token) -> bool:
    """A proper noun, or a capitalised word the tagger took for a common one (headlines,
    transcript labels: `WALLACE`)."""
    return token.pos_ == "PROPN" or (token.pos_ == "NOUN" and (token.is_title or token.is_upper))


class SpeakerResolver:
    """Resolves source phrases of one document to names, kinds and titles."""

    def __init__(self, doc: Doc, lexicon: Lexicon, quoted: Callable[[int], bool] | None = None) -> None:
        """`quoted(char)` tells whether a character stands inside quotation marks: a person named
        there is spoken of, and no antecedent of the speaker's own `he` after it."""
        self.doc = doc
        self.lexicon = lexicon
        self.quoted = quoted or (lambda char: False)
        self.people: dict[str, Person] = {}
        self.by_word: dict[str, str] = {}
        self.full_forms: dict[str, list[tuple[int, str]]] = {}  # name word -> (token, full name) of subjects
        self.entity_at: dict[int, Span] = {}
        self.orgs: list[tuple[int, str, str]] = []  # (root token, root word, name) of each ORG entity
        self.defined_aliases: dict[str, str] = {}  # short name -> full name, as the article defines them
        self.positions: list[int] = []  # where people are named, NER's or by a title
        self.names_at: list[str] = []
        self.mentions: list[int] = []  # those and lone names NER missed: what a `he` looks back to
        self.mention_names: list[str] = []
        self.speaker_positions: list[int] = []
        self.documents: list[tuple[int, str, str]] = []  # (token, noun, name) of each named poll or report
        self.bodies: list[tuple[int, Resolved]] = []  # organisations and groups that spoke, in text order
        self.speaker_names: list[str] = []
        self.owned_nouns = owned_nouns(doc, lexicon)
        self.lede: dict[int, str] = {}  # a role that speaks before anyone is named -> who it is
        self.first_at: dict[str, int] = {}  # person -> the token where they are first named
        self._index_people()

    def _index_people(self) -> None:
        ents = self.doc.ents  # built anew on each access: read once
        found = person_titles(ents, self.lexicon)
        untagged = untagged_people(self.doc, self.lexicon)
        names = {id(ent): name_without_title(ent, self.lexicon) for ent, _, _ in found}
        mentions = sorted([*((ent.start, names[id(ent)]) for ent, _, _ in found),
                           *((at, name) for name, _, at in untagged)])
        headline = headline_mentions(self.doc, [ent for ent, _, _ in found])
        in_body = {name for at, name in mentions if at not in headline}
        ordered = surname_order([name for _, name in mentions if name_key(name).strip()])
        # a title-case headline may run a verb into a name (`Lawmakers Rip Donald Trump`): of the
        # full names, the body's claim a surname first
        for name in sorted(ordered, key=lambda name: (len(name.split()) < 2, name not in in_body)):
            words = name_key(name).split()
            self.by_word.setdefault(words[-1], name)
            if len(words) > 1 and name in in_body:  # in a title-case headline only the last word
                self.by_word.setdefault(words[0], name)  # may be a surname: `Obama Seeks Aid`
        actors = sorted([*((ent.start, names[id(ent)]) for ent, _, _ in found if ent.root.dep_ in SUBJECT_DEPS),
                         *((at, name) for name, _, at in untagged if self.doc[at].dep_ in SUBJECT_DEPS)])
        # named as the one who acts: `Jeh Johnson says`, not `a photo of Heidi Cruz`
        for at, name in [(at, name) for at, name in actors if at not in headline]:
            words = name_key(name).split()
            if len(words) > 1:
                for word in {words[0], words[-1]}:
                    self.full_forms.setdefault(word, []).append((at, name))
        for ent in ents:
            for i in range(ent.start, ent.end):
                self.entity_at[i] = ent
        self.orgs = [(ent.root.i, ent.root.lower_, bare_org_name(ent.text))
                     for ent in ents if ent.label_ == "ORG" and len(ent) > 1]
        self.defined_aliases = bracketed_aliases(self.doc, ents)
        for ent in ents:  # an organisation that does something is what a later `it` may be
            if ent.label_ == "ORG" and ent.root.dep_ in SUBJECT_DEPS:
                self.note_body(ent.root.i, self.organization(ent.text, ent.root.i))
        for ent, title, is_role in found:
            name = self.canonical(names[id(ent)], ent.start, self.honorific_gender(ent.start))
            person = self.people.setdefault(name, Person(name))
            if title:
                (person.roles if is_role else person.affiliations).append(title)
            self.positions.append(ent.root.i)
            self.names_at.append(name)
            self.first_at.setdefault(name, ent.root.i)
        self._gather_gender([(ent, self.canonical(names[id(ent)], ent.start, self.honorific_gender(ent.start)))
                             for ent, _, _ in found])
        for name, title, at in untagged:
            self.add_person(name, title, at)
        self._index_untagged_mentions()
        self._lede_descriptions()
        self._roles_from_descriptions()
        self.author = self._author()

    def _index_untagged_mentions(self) -> None:
        """`Trump has record low support ... He recently pitched`: a name the article has used,
        where NER labelled it no PERSON (it often takes a lone surname for an organisation), is
        a mention of that person all the same, for the pronouns and descriptions after it."""
        outside = [(at, name) for at, name in zip(self.positions, self.names_at, strict=True)
                   if not self.quoted(self.doc[at].idx)]
        self.mentions, self.mention_names = [at for at, _ in outside], [name for _, name in outside]
        indexed = set(self.positions)
        for token in proper_nouns(self.doc):
            if token.ent_type_ == "PERSON" or token.i in indexed or token.dep_ == "compound" \
                    or self.quoted(token.idx) or not self._is_known_name(token):
                continue  # `the Trump campaign` names no one
            if is_headline(token.sent):
                continue
            words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            name = " ".join(t.text for t in [*words, token])  # `Ivana Trump` stays Ivana
            name = self.canonical(name, token.i, self.honorific_gender(token.i))
            if name in self.people:
                k = bisect_left(self.mentions, token.i)
                self.mentions.insert(k, token.i)
                self.mention_names.insert(k, name)

    def _author(self) -> str | None:
        """The author an opinion piece names in its closing line, with the role given there."""
        line = author_line(self.doc)
        if line is None:
            return None
        ent, role = line
        name = self.canonical(name_without_title(ent, self.lexicon), ent.start)
        title = role_phrase(role, self.lexicon, beside_name=True)
        person = self.people.setdefault(name, Person(name))
        if title and title not in person.roles:
            person.roles.insert(0, title)
        return name

    def _lede_descriptions(self) -> None:
        """`A New York judge ruled C. ... Judge Frank Nervo said D`: a role that speaks before
        anyone is named is the first person named after it as a subject, within `LEDE_WINDOW`
        tokens; that person takes the role, and the description resolves to them. (Later in an
        article a role that speaks unnamed is as often someone never named: `an officer`.)"""
        if not self.positions:
            return
        named = list(zip(self.positions, self.names_at, strict=True))
        heads = lede_descriptions(self.doc, self.lexicon, self._first_named_below_headline())
        for head in heads:
            # not someone its own sentence speaks of (`X says Obama should ...`), nor the next
            # sentence's if that restates the role (`Former DNC chairman calls ... A former DNC chairman says`)
            sentences = [head.sent, *(h.sent for h in heads if h.i > head.i and h.lower_ == head.lower_)]
            in_sentence = {name for at, name in named for s in sentences if s.start <= at < s.end}
            sentence = sentences[-1]
            subject = next((name for at, name in named if sentence.end <= at <= head.i + LEDE_WINDOW
                            and _names_the_subject(self.doc[at]) and name not in in_sentence), None)
            role = role_phrase(head, self.lexicon, beside_name=True)
            if subject is not None and role is not None:
                # after a role stated beside the name: `Prime minister faces revolt ... Work and
                # Pensions Secretary X said`, `Lawmaker urges ... Rep. X`
                self.people[subject].headline_roles.append(role)
                self.lede[head.i] = subject

    def _first_named_below_headline(self) -> int:
        """Where the first person is named below the headline, when the article opens with one (a
        first line of one sentence); a headline's own names (`... Under Obama`) end no lede."""
        line_end = next((t.i for t in self.doc if "\n" in t.text_with_ws), None)  # its last token
        headline = line_end is not None and self.doc[0].sent.end > line_end
        below = [at for at in self.positions if headline and at > line_end]
        return (below or self.positions)[0]

    def _roles_from_descriptions(self) -> None:
        """`Sanders ... the Vermont senator acknowledged`: a definite description of a role soon
        after a person is named describes that person (the latest one named as a subject, else
        the latest one named), unless someone else already holds that role."""
        for head in role_descriptions(self.doc, self.lexicon):
            telling = bool(description_words(head) - {singular(head.lower_)})
            role = role_phrase(head, self.lexicon, beside_name=telling)  # `the New York businessman`
            # a bare `the director` may be someone named later with that role only if no one
            # named before fits; `the New York attorney general` is whoever holds those words
            bare = not description_words(head) - {singular(head.lower_)}
            if role is None or self.person_described(head, head.i, earlier_only=bare) is not None:
                continue
            gender = self.lexicon.gender_words.get(head.lower_)
            name = self._stated_of(head) or self._described_antecedent(head.i, gender)
            if name is not None:
                self.people[name].described_roles.append(role)

    def _stated_of(self, head: Token) -> str | None:
        """The person a description is stated of (`Rudy Giuliani is the former mayor`), where the
        subject is a name."""
        if head.dep_ != "attr":
            return None
        subject = next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS), None)
        k = bisect_left(self.positions, subject.i) if subject is not None else len(self.positions)
        return self.names_at[k] if k < len(self.positions) and self.positions[k] == subject.i else None

    def _described_antecedent(self, i: int, gender: str | None = None) -> str | None:
        """In its own sentence a description is not the subject's (`Sanders advised Clinton, as
        the Democratic nominee ...`: Clinton), nor, in a clause that subject governs, that
        person's; before it, the latest subject, else the latest named.
        A gendered description (`the businessman`, `the congresswoman`) passes over people the
        article has shown to be of the other gender."""
        lo, hi = bisect_left(self.positions, i - DESCRIPTION_WINDOW), bisect_left(self.positions, i)
        recent = [(at, name) for at, name in zip(self.positions[lo:hi], self.names_at[lo:hi], strict=True)
                  if gender is None or self._gender_of(name) in (None, gender)]
        sentence_start = self.doc[i].sent.start
        is_subject = {at: self.doc[at].dep_ in SUBJECT_DEPS for at, _ in recent}
        same = [name for at, name in recent if at >= sentence_start and not is_subject[at]]
        # nor, named earlier, the subject whose clause holds it (`Bornstein said the candidate was well`)
        holders = {name for at, name in recent if at >= sentence_start and is_subject[at]
                   and self.doc[at].head in self.doc[i].ancestors}
        earlier = [(at, name) for at, name in recent if at < sentence_start and name not in holders]
        subjects = [name for at, name in earlier if is_subject[at]]
        return (same or subjects or [name for _, name in earlier] or [None])[-1]

    def canonical(self, name: str, at: int | None = None, gender: str | None = None) -> str:
        """The fullest form of a person's name in this document (`Blinken` -> `Antony Blinken`);
        a name is only ever completed, never swapped for another person's (`Jeh Johnson` stays).

        A mention at token `at` is completed by the latest full name before it that holds its
        words and was the subject of its clause, as a reader does (`Jeh Johnson said ... Johnson
        added` is Jeh, even where Gary Johnson is named more often); with none before, by the
        first after. A mention's honorific `gender` (`Mr. Obama`) rules out full names of the
        other gender (Michelle Obama).
        """
        words = [w for w in name_key(name).split() if w not in self.lexicon.honorifics]
        if not words:
            return name
        if at is not None:
            fits = [(i, full) for i, full in self.full_forms.get(words[-1], ())
                    if set(words) <= set(name_key(full).split()) and self._may_be(full, gender)]
            fits = [fit for fit in fits if self._is_known(fit[1], gender)] or self._of_gender(words, gender) or fits
            if fits:
                before = [full for i, full in fits if i <= at]
                name = before[-1] if before else fits[0][1]
                words = name_key(name).split()
        full = self.by_word.get(words[-1]) or self.by_word.get(words[0])
        fits_full = full and set(words) <= set(name_key(full).split()) and self._may_be(full, gender)
        return full if fits_full else name

    def _may_be(self, full_name: str, gender: str | None) -> bool:
        """Whether a full name can be a mention's of that gender: what the article has told of
        the person, or their first name, does not say otherwise."""
        return gender is None or self._told_gender(full_name) in (None, gender)

    def _is_known(self, full_name: str, gender: str | None) -> bool:
        """Whether a full name is known to be of that gender (`Mr. Obama`: Barack, of two)."""
        return gender is not None and self._told_gender(full_name) == gender

    def _of_gender(self, words: list[str], gender: str | None) -> list[tuple[int, str]]:
        """The one person named so far, subject or not, whose name holds `words` and who is known
        to be of `gender` (`Barack Obama and his wife, Michelle Obama, ...`: `Mr. Obama`)."""
        if gender is None:
            return []
        known = [(self.first_at.get(full, 0), full) for full in self.people
                 if set(words) <= set(name_key(full).split()) and self._is_known(full, gender)]
        return known if len(known) == 1 else []

    def _told_gender(self, full_name: str) -> str | None:
        told = self._gender_of(full_name) if full_name in self.people else None
        return told or self.lexicon.first_names.get(first_name(full_name) or "")

    def honorific_gender(self, start: int) -> str | None:
        """The gender an honorific at or right before token `start` tells (`Mr.`, `Mrs.`)."""
        for i in (start, start - 1):
            gender = self.lexicon.honorifics.get(self.doc[i].lower_) if 0 <= i < len(self.doc) else None
            if gender in ("m", "f"):
                return gender
        return None

    def add_person(self, name: str, title: str, at: int) -> Resolved:
        """Record a person NER missed, so later mentions (`Austin`, `he`) find them."""
        words = name_key(name).split() or [name]
        for word in {words[-1], words[0]}:
            self.by_word.setdefault(word, name)
        name = self.canonical(name, at)
        self._note_role(name, title)
        indexes = [(self.positions, self.names_at)]
        if not self.quoted(self.doc[at].idx):
            indexes.append((self.mentions, self.mention_names))
        for positions, names in indexes:
            k = bisect_left(positions, at)
            positions.insert(k, at)
            names.insert(k, name)
        self.first_at[name] = min(self.first_at.get(name, at), at)
        return self.person(name)

    def _note_role(self, name: str, role: str) -> None:
        """Give a person a role, once."""
        person = self.people.setdefault(name, Person(name))
        if role not in person.roles:
            person.roles.append(role)

    def person(self, name: str) -> Resolved:
        """A person with the title they are best known by: of the roles stated beside their name,
        the first that names an office (`Secretary of State`), else the first role noun that is no
        relation to someone else (`Democratic presidential nominee` before `rival`); else, in the
        same way, a role the headline gives them, then one a description was taken to give them;
        else what a relative clause says they do (`who led the party`), else any role, else an
        affiliation."""
        person = self.people.get(name)
        if person is None:
            return Resolved(name, "person")
        return Resolved(name, "person", self._best_title(person))

    def _best_title(self, person: Person) -> str | None:
        for roles in (person.roles, person.headline_roles, person.described_roles):
            offices = [role for role in roles if names_an_office(role, self.lexicon)]
            positions = [role for role in roles if not self._relational(role) and self._names_a_role(role)]
            if offices or positions:
                return (offices or positions)[0]
        # `who led the party for years`: what a relative clause says the person does, else a relation
        stated = [role for role in person.roles if not self._relational(role)]
        return (stated + person.roles + person.headline_roles + person.described_roles + person.affiliations
                or [None])[0]

    def _names_a_role(self, role: str) -> bool:
        """`former Leeds defender`, not `led the party` (a relative clause's predicate)."""
        return self._is_role(singular(role_head(role)))

    def _relational(self, role: str) -> bool:
        return singular(role_head(role)) in self.lexicon.relational_roles

    def note_body(self, i: int, resolved: Resolved) -> None:
        """Remember an organisation or group that spoke at token `i`: what a later `it` or `they`
        most likely stands for."""
        if resolved.name and resolved.kind in ("organization", "group"):
            insort(self.bodies, (i, resolved), key=lambda body: body[0])

    def _body_before(self, i: int, kind: str) -> Resolved:
        """`it` (an organisation) or `they` (a group or organisation): the latest such source
        before token `i`, within `BODY_WINDOW` tokens; else a source of that kind, unnamed."""
        kinds = ("organization",) if kind == "organization" else ("group", "organization")
        for at, resolved in reversed(self.bodies):
            if i - at > BODY_WINDOW:
                break
            if at < i and resolved.kind in kinds:
                return resolved
        return Resolved(None, kind)

    def note_speaker(self, i: int, name: str) -> None:
        """Remember a person who spoke at token `i`: the likeliest antecedent of a later `he`."""
        k = bisect_left(self.speaker_positions, i)
        self.speaker_positions.insert(k, i)
        self.speaker_names.insert(k, name)

    def latest_person_before(self, i: int, gender: str | None = None, epithets: bool = True) -> str | None:
        """The latest speaker before token `i`, else the latest person named before it; of the
        people not known to be of another `gender` than the pronoun's."""
        spoke, named = bisect_left(self.speaker_positions, i), bisect_left(self.mentions, i)
        preferred = (self._subjects_of_previous_sentence(i, epithets),  # already in order of preference
                     self.speaker_names[max(0, spoke - PRONOUN_WINDOW):spoke][::-1],
                     self.mention_names[max(0, named - PRONOUN_WINDOW):named][::-1])
        for names in preferred:
            for name in names:
                if gender is None or self._gender_of(name) in (None, gender):
                    return name
        return None

    def _subjects_of_previous_sentence(self, i: int, epithets: bool = True) -> list[str]:
        """People named as subjects in the sentence before token `i`'s: the subject of its main verb
        first, then the others in text order (`X told reporters Y was ...`: X). With `epithets`, a
        subject epithet counts as the person it stands for (`The Spaniard saved three match
        points. "Q," he said`), found as for a pronoun but without looking through epithets again."""
        sent = self.doc[i].sent
        if sent.start == 0:
            return []
        previous = self.doc[sent.start - 1].sent
        lo, hi = bisect_left(self.mentions, previous.start), bisect_left(self.mentions, previous.end)
        subjects = [(self.doc[at].head.dep_ != "ROOT", at, name)
                    for at, name in zip(self.mentions[lo:hi], self.mention_names[lo:hi], strict=True)
                    if _names_the_subject(self.doc[at])]
        if epithets:
            subjects += [(t.head.dep_ != "ROOT", t.i, name) for t in previous
                         if t.dep_ in SUBJECT_DEPS and is_epithet(t) and not self.quoted(t.idx)
                         and (name := self.latest_person_before(t.i, epithets=False)) is not None]
        return [name for *_, name in sorted(subjects, key=lambda triple: triple[:2])]

    def _gender_of(self, name: str) -> str | None:
        """The gender the article's evidence gives a person, with their first name's usual gender
        as `FIRST_NAME_WEIGHT` votes: one parse-read pronoun does not outweigh `Barack`, two do."""
        person = self.people.get(name)
        if person is None:
            return None
        usual = self.lexicon.first_names.get(first_name(person.name) or "")
        return majority(person.gender_votes + Counter({usual: FIRST_NAME_WEIGHT}) if usual else person.gender_votes)

    def _agrees(self, resolved: Resolved, gender: str | None) -> bool:
        return gender is None or resolved.name is None or self._gender_of(resolved.name) in (None, gender)

    def _gather_gender(self, mentions: list[tuple[Span, str]]) -> None:
        """Gender evidence for each person: an honorific or gendered role word beside a mention
        (`Mrs. Scott`, `spokeswoman Ana Ruiz`), and the pronoun subject of a clause the person's
        own verb reports. Other pronouns near a name are no evidence: people speak of others
        (`Warren said his bank ...`)."""
        for ent, name in mentions:
            before = self.doc[ent.start - 1].lower_ if ent.start else ""
            for word in (before, *(t.lower_ for t in ent), *(t.lower_ for t in ent.root.children)):
                gender = self.lexicon.honorifics.get(word) or self.lexicon.gender_words.get(word)
                if gender in ("m", "f") and word not in PERSON_PRONOUNS:
                    self.people[name].gender_votes[gender] += 1
            pronoun = self._own_clause_pronoun(ent.root)
            if pronoun is not None:
                self.people[name].gender_votes[self.lexicon.gender_words[pronoun.lower_]] += 1

    def _own_clause_pronoun(self, subject: Token) -> Token | None:
        """`X said she would ...`: the `he` or `she` that is the subject of the clause X's own verb
        reports, mostly X again (a majority over the article decides). The verb must be one of
        saying or thinking, and the clause must follow it: in `He added ..., should X attempt`
        the parser's `ccomp` runs backwards."""
        verb = subject.head
        reporting = verb.lower_ in self.lexicon.speech or verb.lower_ in self.lexicon.belief
        if subject.dep_ != "nsubj" or not reporting:
            return None
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.i > verb.i:
                for child in clause.children:
                    if child.dep_ == "nsubj" and child.lower_ in ("he", "she"):
                        return child
        return None

    def person_described(self, head: Token, before: int, earlier_only: bool = False) -> str | None:
        """The person a definite description stands for (`the Democratic nominee`, `the governor`):
        among the people with a title holding its head word, the one whose title matches its other
        words best; on a tie the latest named before it, then the first named after
        (`earlier_only`: only people named before). A title that shares none of the
        description's telling words is not its (`the Vermont senator` is no `former senator`), nor
        one that names another party, place or body (`the Democratic nominee` is no
        `Republican nominee`)."""
        wanted, role = description_words(head), singular(head.lower_)
        telling, proper = wanted - {role}, proper_description_words(head)
        best, best_score = None, float("-inf")
        people = self._people_by_recency(before)
        if earlier_only:
            people = [name for name in people if self.first_at.get(name, len(self.doc)) < before]
        for name in people:
            for title in self.people[name].titles:
                words = description_words_of(title)
                if role not in words or (telling and not telling & words) or self._names_another(title, proper):
                    continue
                # shared words count; words the title adds count against (`vice presidential nominee`)
                score = 1 + len(wanted & words) - 0.5 * len(words - wanted - {role})
                if score > best_score:
                    best, best_score = name, score
        return best

    def _names_another(self, title: str, proper: set[str]) -> bool:
        """`Republican presidential nominee` for `the Democratic nominee`: the title names a party,
        place or body (a capitalised word that is no office word) and not the description's."""
        named = {singular(w.lower()) for w in title.split() if w[:1].isupper()} - self.lexicon.titles
        return bool(proper and named) and not proper & named

    def _people_by_recency(self, i: int) -> list[str]:
        """Every person named, the latest before token `i` first, then those named after it."""
        k = bisect_left(self.positions, i)
        return list(dict.fromkeys([*reversed(self.names_at[:k]), *self.names_at[k:]]))

    def resolve(self, head: Token, mention: str) -> Resolved:
        """Name, kind and title for the source phrase `mention` headed by `head`: the first of
        `RESOLVERS` that knows, else the phrase as a common noun."""
        for resolver in self.RESOLVERS:
            resolved = resolver(self, head, mention)
            if resolved is not None:
                return resolved
        return self._common_noun(head, mention)

    def _by_people_together(self, head: Token, mention: str) -> Resolved | None:
        """`Obama and Clinton`: several people named as one source."""
        return self._people_together(head)

    def _by_person_entity(self, head: Token, mention: str) -> Resolved | None:
        ent = self.entity_at.get(head.i)
        if ent is None or ent.label_ != "PERSON":
            return None
        name = name_without_title(ent, self.lexicon)
        return self.person(self.canonical(name, head.i, self.honorific_gender(ent.start)))

    def _by_apposed_person(self, head: Token, mention: str) -> Resolved | None:
        """`Presidential candidates X and Y`, `the senator, X`: the person named beside the head."""
        appos = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None) \
            or self._person_beside_apposed_role(head)
        misplaced = None if appos is not None else self._person_apposed_to_role_phrase(head)
        appos = appos or misplaced
        if appos is None:
            return self._apposed_untagged_name(head)
        together = self._people_together(appos)
        if together is not None:
            return Resolved(together.name, together.kind, group_role(head, self.lexicon))
        name = self.canonical(name_without_title(self.entity_at[appos.i], self.lexicon), appos.i)
        role = role_phrase(head, self.lexicon, beside_name=True) if misplaced is not None else None
        if role:  # the role the recogniser's apposition missed
            self._note_role(name, role)
        return self.person(name)

    def _person_beside_apposed_role(self, head: Token) -> Token | None:
        """`The audit's author, former state comptroller Diane Foster,`: the person the parser
        set beside a second role that is itself set beside the head."""
        return next((name for role in head.children if role.dep_ == "appos" and role.tag_ == "NN"
                     for name in role.children if name.dep_ == "appos" and name.ent_type_ == "PERSON"), None)

    def _person_apposed_to_role_phrase(self, head: Token) -> Token | None:
        """`A spokesman for the Kremlin, Dmitry Peskov,` with the name hung on `Kremlin`: a person
        set off after a role's phrase is the one the role describes, not the body's apposition."""
        if not self._is_role(head.lower_):
            return None
        return next((t for t in head.subtree if t.ent_type_ == "PERSON" and self._set_off_after_role_phrase(t, head)
                     and t.head.ent_type_ != "PERSON"), None)

    def _set_off_after_role_phrase(self, name: Token, head: Token) -> bool:
        """Whether `name` is set off by a comma as the apposition of the object of a preposition
        of `head` (`A spokesman for the Kremlin, Dmitry Peskov`)."""
        return name.i > head.i and name.dep_ == "appos" and name.head.dep_ == "pobj" and name.head.head.head == head \
            and self.doc[name.left_edge.i - 1].text == ","

    def _apposed_untagged_name(self, head: Token) -> Resolved | None:
        """`Her mother, Ana, 61,`: a proper noun the recogniser missed, set beside a person's role
        or relation, is that person's name; the role is the title."""
        if not (self._is_role(head.lower_) or head.lower_ in self.lexicon.relational_roles):
            return None
        name = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN" and not c.ent_type_
                     and self.doc[c.left_edge.i - 1].text == ","), None) or self._untagged_name_after_role_phrase(head)
        if name is None:
            return None
        words, role = self.doc[name.left_edge.i:name.i + 1].text, role_phrase(head, self.lexicon, beside_name=True)
        return self.add_person(words, role, name.i) if role else Resolved(words, "person")  # later `Ana` finds her

    def _untagged_name_after_role_phrase(self, head: Token) -> Token | None:
        """`The mayor of Marathon, Stergios Tsirkas,` with the name hung on `Marathon`: two or three
        name words the recogniser missed, set off after the role's phrase."""
        return next((t for t in head.subtree if t.pos_ == "PROPN" and not t.ent_type_
                     and self._set_off_after_role_phrase(t, head) and 2 <= t.i - t.left_edge.i + 1 <= 3
                     and all(is_name_word(w.text) for w in self.doc[t.left_edge.i:t.i + 1])), None)

    def _by_relative_antecedent(self, head: Token, mention: str) -> Resolved | None:
        """`X, who said ...`: the relative pronoun stands for its antecedent."""
        antecedent = relative_antecedent(head)
        return None if antecedent is None else self.resolve(antecedent, self._mention_text(antecedent))

    def _by_person_pronoun(self, head: Token, mention: str) -> Resolved | None:
        """`he`, `she`: the person it stands for."""
        return self._person_for(head) if head.lower_ in PERSON_PRONOUNS else None

    def _person_for(self, pronoun: Token) -> Resolved:
        """Whom a `he`, `she` or `his` stands for: the person subject earlier in the sentence if
        that agrees, else the latest person of that gender named before."""
        gender = self.lexicon.gender_words.get(pronoun.lower_)
        earlier = self._person_subject_before(pronoun)
        if earlier is not None:
            resolved = self.resolve(earlier, self._mention_text(earlier))
            said_of = self.lexicon.gender_words.get(earlier.lower_)  # `the man`, `his son`
            if self._agrees(resolved, gender) and said_of in (None, gender):
                return resolved
        name = self.latest_person_before(pronoun.i, gender)
        return self.person(name) if name else Resolved(None, "person")

    def _by_epithet(self, head: Token, mention: str) -> Resolved | None:
        """`the Spaniard`, `the Frenchman`, `the 24-year-old`, `the billionaire`: a definite epithet
        of nationality, age or station (`data/epithets.txt`) stands for a person named before, as a
        `he` or `she` does; one of station first for the person whose title holds it."""
        if is_epithet(head):
            name = self.latest_person_before(head.i)
        elif head.lower_ in self.lexicon.epithets and head.tag_ == "NN" and _bare_the(head):
            name = self.person_described(head, head.i) or self.latest_person_before(head.i)  # `the billionaire`
        else:
            return None
        return self.person(name) if name else None

    def _by_first_person(self, head: Token, mention: str) -> Resolved | None:
        """The writer's own `I` (quotation marks hide any other's): the author, if named."""
        if head.lower_ not in FIRST_PERSON:
            return None
        return self.person(self.author) if self.author else Resolved(None, "person")

    def _by_body_pronoun(self, head: Token, mention: str) -> Resolved | None:
        """`it`, `they`: the body whose subject phrase opened the pronoun's sentence (`The
        company's shares rose after it said`), else the body or group that acted before."""
        kind = self.lexicon.pronouns.get(head.lower_)
        if kind is None:
            return None
        earlier = self._organization_earlier_in_sentence(head) if kind == "organization" else None
        return earlier or self._body_before(head.i, kind)

    def _organization_earlier_in_sentence(self, head: Token) -> Resolved | None:
        """The named organisation that is, or owns, a subject before `head` in its sentence."""
        earlier = self._body_subject_before(head)
        if earlier is None:
            return None
        resolved = self.resolve(earlier, self._mention_text(earlier))
        return resolved if resolved.kind == "organization" and resolved.name else None

    def _body_subject_before(self, pronoun: Token) -> Token | None:
        """The organisation earlier in the pronoun's sentence that is a subject or owns one (`The
        company's shares`), at most `PRONOUN_WINDOW` tokens back; the nearest."""
        doc, own = pronoun.doc, pronoun.left_edge.i  # `The Cupertino company`: its own words name no other body
        for i in range(min(own, pronoun.i) - 1, max(pronoun.sent.start, pronoun.i - PRONOUN_WINDOW) - 1, -1):
            token = doc[i]
            if is_or_owns_subject(token, self.lexicon) and not self.quoted(token.idx) \
                    and (token.ent_type_ in BODIES or token.lower_ in self.lexicon.org_nouns):
                return token
        return None

    def _by_known_name(self, head: Token, mention: str) -> Resolved | None:
        """A surname or name the article used before, though untagged here."""
        if not self._is_known_name(head):
            return None
        return self.person(self.canonical(head.text, head.i))

    def _by_untagged_name(self, head: Token, mention: str) -> Resolved | None:
        untagged = untagged_name(head, self.lexicon)
        return None if untagged is None else self.add_person(*untagged, head.i)

    def _by_counted_group(self, head: Token, mention: str) -> Resolved | None:
        """`One Republican`, `some Democrats`: a group of the phrase as written."""
        ent = self.entity_at.get(head.i)
        if ent is None or ent.label_ != "NORP" or len(strip_article(mention).split()) <= len(ent):
            return None
        return Resolved(strip_article(mention), "group")

    def _by_organisation(self, head: Token, mention: str) -> Resolved | None:
        ent = self.entity_at.get(head.i) or self._apposed_body(head)
        return self.organization(ent.text, head.i) if ent is not None and ent.label_ in BODIES else None

    def _apposed_body(self, head: Token) -> Span | None:
        """`The prime contractor, Orbital Dynamics`, `the record label Northern Light Music`: the
        organisation named beside a noun that is no person's role, or a role a body holds as
        well (`data/body_roles.txt`); a people is none (`critics, many of them Catholics`)."""
        word = singular(head.lower_)
        if head.pos_ != "NOUN" or (self._is_role(word) and word not in self.lexicon.body_roles):
            return None
        appos = next((c for c in head.rights if c.dep_ == "appos" and c.i in self.entity_at), None)
        return None if appos is None or appos.ent_type_ == "NORP" else self.entity_at[appos.i]

    def _by_document(self, head: Token, mention: str) -> Resolved | None:
        """`the poll`, `a Bloomberg poll`: a document stands for its owner."""
        return self._document(head) if head.lower_ in self.lexicon.document_nouns else None

    RESOLVERS: tuple[Callable[[SpeakerResolver, Token, str], Resolved | None], ...] = (
        _by_people_together, _by_person_entity, _by_apposed_person, _by_relative_antecedent,
        _by_person_pronoun, _by_epithet, _by_first_person, _by_body_pronoun, _by_known_name, _by_untagged_name,
        _by_counted_group, _by_organisation, _by_document)

    def _document(self, head: Token) -> Resolved | None:
        """A poll, report or study as its source: its author where the phrase names one (`an
        analysis by Lily Batchelder`), else named with its owner (`A Bloomberg poll`), or a bare
        `the poll` as the latest one named before."""
        author = self._author_of(head)
        if author is not None:
            return self.resolve(author, self._mention_text(author))
        source = self._document_source(head)
        if source is not None:
            insort(self.documents, (head.i, singular(head.lower_), source), key=lambda d: d[0])
            return self.organization(source)
        if any(c.dep_ in ("amod", "prep") or c.lower_ in ("a", "an") for c in head.children):
            return None  # `recent polls in Ohio` are polls of their own, not the last one named
        kind = singular(head.lower_)
        named = [name for at, noun, name in self.documents if at < head.i and noun == kind]
        return Resolved(named[-1], "organization") if named else None

    def _person_subject_before(self, pronoun: Token) -> Token | None:
        """`While a ministry official did not confirm it, he suggested ...`: the person that is
        the subject of an earlier clause of the pronoun's own sentence (at most
        `PRONOUN_WINDOW` tokens back, so a sentence of thousands of tokens costs no more)."""
        doc, found = pronoun.doc, None
        for i in range(pronoun.i - 1, max(-1, pronoun.i - PRONOUN_WINDOW), -1):
            token = doc[i]
            if token.dep_ in SUBJECT_DEPS and token.lower_ not in self.lexicon.pronouns \
                    and token.lower_ not in PERSON_PRONOUNS and not self.quoted(token.idx) \
                    and self._names_a_person(token):
                found = token
            if token.is_sent_start:
                break
        return found

    def _names_a_person(self, token: Token) -> bool:
        ent = self.entity_at.get(token.i)
        if ent is not None:
            return ent.label_ == "PERSON" or self._is_known_name(token)  # NER's ORG `Fowler`
        return token.tag_ in ("NN", "NNP") and self._is_role(token.lower_)

    def _is_known_name(self, token: Token) -> bool:
        """A surname or name the article has given a person, whatever NER labelled it."""
        return _looks_like_a_name(token) and name_key(token.text) in self.by_word

    def _mention_text(self, head: Token) -> str:
        start, end = mention_bounds(head)
        return self.doc[start:end].text

    def organization(self, text: str, at: int = 0) -> Resolved:
        text = bare_org_name(text)
        full = self.lexicon.aliases.get(text.lower()) or self.full_org_name(text, at) or text
        return Resolved(full, "organization")

    def full_org_name(self, text: str, at: int) -> str | None:
        """The fuller name of an organisation the article names, for a short one at token `at`:
        `IMF` (its initials), `the fund`, `the Times` (its head word, and only its words); the
        latest named before, else the first named after."""
        words = name_key(text).split()
        if not words:
            return None
        if name_key(text) in self.defined_aliases:  # `the Federal Reserve (Fed)`: the article's own
            return self.defined_aliases[name_key(text)]
        def fits(root: str, name: str) -> bool:
            if is_acronym(text):
                return initials(name) == text.replace(".", "")
            if len(words) == 1 and text[:1].isupper() and name_key(name).split()[:1] == words:
                return True  # `Peabody` for `Peabody Energy`
            return root == words[-1] and set(words) < set(name_key(name).split())
        before = [name for i, root, name in self.orgs if i < at and fits(root, name)]
        after = [name for i, root, name in self.orgs if i >= at and fits(root, name)]
        return (before[-1:] or after[:1] or [None])[0]

    def _named_earlier(self, head: Token) -> str | None:
        """`the campaign` after `the Clinton campaign` (or `Clinton's campaign`): the latest earlier
        phrase with the same organisation noun and a proper name to tell which one it is."""
        if head.lower_ not in self.lexicon.org_nouns or len(list(head.children)) > 1:
            return None  # `the campaign`, not `the new campaign`
        named = self.owned_nouns.get(head.lower_, [])
        k = bisect_left(named, head.i, key=lambda pair: pair[0])
        return named[k - 1][1] if k else None

    def _person_name(self, token: Token) -> str | None:
        """The full name a token stands for, if it is (part of) a known person's name."""
        ent = self.entity_at.get(token.i)
        if ent is not None and ent.label_ == "PERSON":
            return self.canonical(name_without_title(ent, self.lexicon), token.i)
        if token.pos_ == "PROPN" and name_key(token.text) in self.by_word:  # `Austin`, tagged as the city
            return self.canonical(token.text, token.i)
        return None

    def _people_together(self, head: Token) -> Resolved | None:
        """`Blinken and Austin said ...`: one source made of every person in the conjunction
        (`X, Y and Z`: the parser chains each to the one before)."""
        own = self.entity_at.get(head.i)  # `the National Oceanic and Atmospheric Administration` is one
        conjuncts = [t for t in conjunction_chain(head) if own is None or self.entity_at.get(t.i) is not own]
        if not conjuncts:
            return None
        names = [self._person_name(t) for t in (head, *conjuncts)]
        if None not in names:
            return Resolved(listed(names), "group")
        bodies = [self.entity_at.get(t.i) for t in (head, *conjuncts)]  # `France and Germany said`
        if all(ent is not None and ent.label_ in BODIES for ent in bodies):
            return Resolved(listed([self.organization(ent.text, ent.root.i).name for ent in bodies]), "group")
        return None

    def _author_of(self, document: Token) -> Token | None:
        """Who wrote or released a document, named in its own phrase: `a study by X`, `a report
        released by X`, `research conducted by X`, `X's statement`, `her statement` (a person or
        a body the NER names, or a person's pronoun); not who only handled it (`emails obtained
        by X`)."""
        owner = next((c for c in document.children if c.dep_ == "poss"), None)
        if owner is not None and (owner.lower_ in PERSON_PRONOUNS or owner.ent_type_ in SPEAKERS):
            return owner
        for child in document.children:
            if child.dep_ == "prep" and child.lower_ == "by":  # `a study by X`
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ == "prep" and child.lower_ == "from":  # `a statement from the mayor's office`
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
                if source is not None and self._owned_office(source):
                    return source
                continue
            else:  # `a report released by X`
                authored = child.dep_ == "acl" and child.lower_ in self.lexicon.authoring_verbs
                source = agent_of(child) if authored else None
            ent = self.entity_at.get(source.i) if source is not None else None
            if ent is not None and ent.label_ in SPEAKERS:
                return source
        return None

    def _owned_office(self, token: Token) -> bool:
        """`the mayor's office`, `the city council`: an organisation noun its owner names (data
        `from Iowa`, a survey `from the organization` name no author)."""
        return token.pos_ == "NOUN" and token.lower_ in self.lexicon.org_nouns \
            and any(c.dep_ in ("poss", "compound") and c.tag_ != "PRP$" for c in token.children)

    def _document_source(self, head: Token) -> str | None:
        """`A Bloomberg poll` -> `Bloomberg poll` (its owner and itself: either is what a reader
        would name); `reports from NATO` -> `NATO`."""
        modifiers = [c for c in head.lefts if c.dep_ in ("compound", "nmod")
                     or (c.dep_ == "amod" and c.ent_type_ in BODIES)]  # `Ukrainian`, not `new`
        if modifiers:
            start = min(m.left_edge.i for m in modifiers)
            return self.doc[start:head.i + 1].text
        body = self._body_in(head)
        return body.text if body is not None else None

    def _body_in(self, head: Token) -> Span | None:
        """The organisation named in a phrase attached to the noun: `reports from NATO`, not the
        place a poll is about (`polls in Pennsylvania`) nor the body a document went to (`a
        filing with the SEC`, `a letter to Congress`)."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ in NOT_AUTHOR_PREPOSITIONS:
                continue
            for token in prep.subtree:
                ent = self.entity_at.get(token.i)
                if ent is not None and ent.label_ in BODIES:
                    return ent
        return None

    def _common_noun(self, head: Token, mention: str) -> Resolved:
        if head.i in self.lede:
            return self.person(self.lede[head.i])
        lower = head.lower_
        before_apposition = self._before_apposition(head, mention)
        plain = strip_article(before_apposition)
        if is_definite(head) and head.tag_ == "NN":  # `the fund`, `the commission`
            full = self.full_org_name(head.text, head.i) or self._named_earlier(head)
            if full is not None:
                return Resolved(full, "organization")
            acted = (self._reported_by_its_subject(head) or self._organization_earlier_in_sentence(head)
                     or self._body_before(head.i, "organization")) if lower in self.lexicon.trade_nouns else None
            if acted is not None and acted.name and is_proper_name(acted.name):
                return acted  # `Amazon said ... The retailer added`; not `The airline said ... the hospital`
        if lower in self.lexicon.org_nouns or plain.lower() in self.lexicon.org_nouns:
            return Resolved(self._with_owner(head, plain), "organization")
        role = role_phrase(head, self.lexicon) or (appositive_role(head, self.lexicon, beside_name=False)
                                                   if before_apposition != mention else None)
        if head.pos_ == "PROPN" and len(plain.split()) == 1 and (full := self.full_org_name(plain, head.i)):
            return Resolved(full, "organization")  # `CNS` for `Christian News Service`
        if head.tag_ == "NNPS":
            return Resolved(mention, "group", role)
        if head.pos_ == "PROPN":  # `Brown, 42,`: the name, without what is set beside it
            return Resolved(strip_article(self.doc[mention_bounds(head)[0]:head.i + 1].text), "group", role)
        if head.tag_ == "NNS":
            return Resolved(self._with_owner(head, mention), "group", group_role(head, self.lexicon))
        if role or self._is_role(lower):
            if describes_one_person(head):
                name = self.person_described(head, head.i)
                if name:
                    return self.person(name)
            return Resolved(plain, "person", role)
        return Resolved(plain, "unknown")

    def _reported_by_its_subject(self, head: Token) -> Resolved | None:
        """`Semicon Global will cut 4,000 jobs, the company said`: a trade noun that reports a
        clause before it speaks of that clause's subject, where this is a proper name and no
        person's or place's, whatever entity NER took it for (here a location)."""
        if head.dep_ not in SUBJECT_DEPS:
            return None
        clause = next((c for c in head.head.children if c.dep_ == "ccomp" and c.i < head.i), None)
        if clause is None:
            return None
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ in ("PERSON", "GPE", "NORP") \
                or self._is_known_name(subject):
            return None
        ent = self.entity_at.get(subject.i)
        return self.organization(ent.text if ent is not None else self.doc[head_bounds(subject)[0]:subject.i + 1].text,
                                 subject.i)

    def _before_apposition(self, head: Token, mention: str) -> str:
        """The source phrase `mention` up to an apposition set off after its head (`the victim's
        mother, a nurse at the hospital` is named `the victim's mother`; the apposition is her
        title) or a relative clause set off inside it (`a person close to the talks, who spoke
        on condition of anonymity`)."""
        start = mention_bounds(head)[0]
        mention_end = self.doc[start].idx + len(mention)
        asides = [c for c in head.rights if c.dep_ == "appos"] + [
            t for t in head.subtree if t.i > head.i and t.dep_ == "relcl" and self.doc[t.left_edge.i - 1].text == ","]
        aside = min((c for c in asides if c.left_edge.idx < mention_end), key=lambda c: c.left_edge.i, default=None)
        if aside is None or not mention.startswith(self.doc[start].text):
            return mention
        end = aside.left_edge.i
        while end > start + 1 and is_loose_mark(self.doc[end - 1]):
            end -= 1
        return self.doc[start:end].text

    def _with_owner(self, head: Token, phrase: str) -> str:
        """`His aides` -> `Robert C. Scott's aides`: a group or body that is someone's, by `his` or
        `her`, is named with its owner, whom the pronoun resolves to."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if owner is None or not phrase.lower().startswith(owner.lower_ + " "):
            return phrase
        resolved = self._person_for(owner)
        return f"{resolved.name}'s {phrase[len(owner.text) + 1:]}" if resolved.name else phrase

    def _is_role(self, word: str) -> bool:
        return self.lexicon.is_role_word(word)
