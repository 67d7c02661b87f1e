"""Titles: the role a text gives a person, before the name, in apposition or by affiliation.

`US Secretary of State Antony Blinken`, `Andriy Yermak, chief of staff to the Ukrainian
president,`, `his national security adviser, Mike Waltz`, `X, a nursing home owner`,
`X, who served as director of Y` and `Olena Prokopenko of the German Marshall Fund` all
state a role; every PERSON entity of the document is read once, and each title found is
kept for the person it belongs to.

Next to a name the vocabulary is open: any common noun there names a role unless it is a
date, a number or a word of `data/not_roles.txt` (ages, home towns). Away from a name (`a
senior official said`) only the words of `data/titles.txt` make a phrase a role.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .entities import is_headline
from .entity_types import PLACES
from .lexicon import Lexicon, load_lexicon, singular  # noqa: F401  (load_lexicon: the doctests)
from .spans import (
    DASHES,
    after_a_hyphen,
    dateline_end,
    joins_compound,
    joins_words,
    past_stray_article,
    proper_nouns,
    tokens_in,
)

MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
ROLE_PREPOSITIONS = frozenset({"of", "to", "for", "at", "with"})
GROUP_PREPOSITIONS = ROLE_PREPOSITIONS | {"on", "in"}  # `experts on Korea`, `officers in the unit`
AFFILIATION_PREPOSITIONS = frozenset({"of", "from", "at", "with"})
#: entity types of common nouns that never name a role (`Monday`, `three`, `Ohio`)
NOT_ROLE_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "GPE", "LOC"})
#: verbs whose `as` phrase in a relative clause states a role (`who served as director`)
SERVE_VERBS = frozenset({"serve", "serves", "served", "serving", "work", "works", "worked", "working"})
DROP_AT_EDGES = frozenset({"the", "a", "an", ",", "'s", "’s"})
#: modifiers that make `the X` pick someone out rather than refer back to someone named
NOT_ANAPHORIC = frozenset({"only", "first", "last", "next", "other", "new", "same"})
#: words before a group's role noun that count its members rather than describe them
GROUP_QUANTIFIERS = frozenset({"other", "several", "many", "some", "few", "most", "all", "both", "two", "three"})


def has_title_word(tokens: list[Token], lexicon: Lexicon) -> bool:
    return names_an_office(" ".join(t.lower_ for t in tokens), lexicon)


def names_an_office(text: str, lexicon: Lexicon) -> bool:
    """Whether a title holds a word (or phrase) of the hand-kept `data/titles.txt`.

    >>> lexicon = load_lexicon()
    >>> names_an_office("democratic presidential nominee", lexicon), names_an_office("rival", lexicon)
    (True, False)
    """
    text = text.lower()
    return any(w in lexicon.titles for w in text.split()) \
        or any(" " in title and title in text for title in lexicon.titles)


def role_head(role: str) -> str:
    """The head word of a role phrase: its last word before any preposition.

    >>> role_head("chief of staff to the president"), role_head("Democratic presidential nominee")
    ('chief', 'nominee')
    """
    words = role.lower().split()
    cut = next((k for k, word in enumerate(words) if k and word in GROUP_PREPOSITIONS), len(words))
    return words[cut - 1] if cut else ""


def clean(tokens: list[Token]) -> str | None:
    """Title text from tokens: possessive pronouns (`his`), determiners, possessive endings,
    commas and a sentence's opening adverb dropped at the edges; `the family's attorneys` keeps
    its possessor."""
    tokens = [t for t in tokens if t.tag_ != "PRP$"]
    while tokens and (tokens[0].lower_ in DROP_AT_EDGES or tokens[0].is_punct
                      or (tokens[0].pos_ == "ADV" and tokens[0].is_sent_start)):  # `Later [Sen.] X`
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in DROP_AT_EDGES or tokens[-1].is_punct):
        tokens = tokens[:-1]
    text = "".join(t.text_with_ws if k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1 else t.text + " "
                   for k, t in enumerate(tokens))  # a space where words were left out between
    return text.strip() or None


def is_role_noun(token: Token, lexicon: Lexicon) -> bool:
    """A common noun that can name a role next to a name: not a date, a number or a home town."""
    return token.pos_ == "NOUN" and token.ent_type_ not in NOT_ROLE_ENTITIES and not token.like_num \
        and token.lower_ not in lexicon.not_roles


def _role_head(head: Token, lexicon: Lexicon) -> bool:
    """`owner` in `a nursing home owner`; `attorneys` in `one of the family's attorneys`."""
    if head.lower_ == "one":
        return any(p.lower_ == "of" and any(is_role_noun(o, lexicon) for o in p.children if o.dep_ == "pobj")
                   for p in head.children if p.dep_ == "prep")
    # one person holds a singular role: a plural beside a name is the parser's mistake (`X and her aides`)
    return (is_role_noun(head, lexicon) and head.tag_ != "NNS") or head.lower_ in lexicon.titles


def role_phrase(head: Token, lexicon: Lexicon, beside_name: bool = False) -> str | None:
    """The title a role noun heads: its modifiers, itself, its `of`/`to`/`for`/`at`/`with` phrases
    and, beside a name, the roles coordinated with it.

    `his newly named national security adviser` gives `national security adviser`. Beside a
    name (`beside_name`) any role noun will do; elsewhere the phrase needs a title word.
    """
    keep = [head]
    owners = {t for c in head.children if _owner(c) for t in c.subtree}  # `the driver's sister` is no driver
    for child in head.children:
        modifier = child.i < head.i and (child.dep_ in MODIFIER_DEPS or child in owners) \
            and (child.tag_ not in ("VBN", "VBG") or after_a_hyphen(child))  # `Florida-based`, not `newly named`
        role_of = child.i > head.i and child.dep_ == "prep" and child.lower_ in ROLE_PREPOSITIONS
        joined = beside_name and child.i > head.i and child.dep_ in ("conj", "cc")
        # `playwright-in-residence`; the hyphen of `front-runner`, which the parser hangs on the head
        hyphened = joins_words(child) or (child.i == head.i + 2 and after_a_hyphen(child))  # not `X, Kang Hoon-sik`
        if modifier or role_of or joined or hyphened:
            keep.extend(child.subtree)
    keep.extend(_hyphened_before(head))
    keep = up_to_an_aside(without_second_roles(sorted(set(keep), key=lambda t: t.i), head, lexicon), head)
    named = has_title_word([t for t in keep if t not in owners], lexicon) or (beside_name and _role_head(head, lexicon))
    return clean(keep) if named else None


def _owner(child: Token) -> bool:
    """`Apple's chief executive`, `the union's president`: the body that owns a role says where
    it is held, as `of Apple` does; a person who owns one (`Trump's favorite TV doctor`) tells a
    relation, not an office, and a possessive pronoun (`his adviser`) names no one."""
    return child.dep_ == "poss" and child.tag_ != "PRP$" and child.ent_type_ != "PERSON"


def _hyphened_before(head: Token) -> list[Token]:
    """`the company's co-founder`: the words a hyphen joins to the head from before, with the
    modifiers of the first, where the parser hung them beside the head instead of on it."""
    doc, first = head.doc, head
    while first.i >= 2 and joins_compound(doc[first.i - 1]):
        first = doc[first.i - 2]
    if first is head:
        return []
    modifiers = [t for c in first.children if c.i < first.i and c.dep_ in MODIFIER_DEPS for t in c.subtree]
    return [*modifiers, *doc[first.i:head.i]]


def role_word(token: Token) -> Token:
    """The head of the role a token opens: itself, or where the parser hung the rest of a
    hyphenated compound beside it rather than under it, the compound's last word (`founder`
    for `co` in `co-founder`)."""
    doc, last = token.doc, token
    while last.i + 2 < len(doc) and joins_compound(doc[last.i + 1]):
        last = doc[last.i + 2]
    return token if last.i <= token.right_edge.i else last


def without_second_roles(tokens: list[Token], head: Token, lexicon: Lexicon) -> list[Token]:
    """`playwright at Wheaton College and artistic director of X`: a role the parser joined to a
    word inside the first role's phrase starts a second title; the first ends before its `and`."""
    second = next((t for t in tokens if t.dep_ == "conj" and t.head.i != head.i and t.head.i > head.i
                   and names_an_office(t.lower_, lexicon)), None)
    if second is None:
        return tokens
    cut = min([second.left_edge.i, *(c.i for c in second.head.children if c.dep_ == "cc" and c.i < second.i)])
    return [t for t in tokens if t.i < cut]


def up_to_an_aside(tokens: list[Token], head: Token) -> list[Token]:
    """A title's tokens up to the first comma, dash or bracket after its head, and without the
    relative clauses inside it: `lawyer for the club, who has ...` is `lawyer for the club`."""
    aside = {t.i for t in tokens if t.dep_ in ("relcl", "acl") and t.i != head.i and not _noun_gerund(t)
             for t in t.subtree}
    kept = []
    for t in tokens:
        if t.i > head.i and (t.text in (",", "(", ";", "--") or (t.text in DASHES and not joins_words(t))):
            break
        if t.i not in aside:
            kept.append(t)
    return kept


def _noun_gerund(token: Token) -> bool:
    """`education organizing` in `senior associate for education organizing at X`: a gerund
    right after its noun, not set off, names an activity within the role, not an aside."""
    return token.dep_ == "acl" and token.tag_ == "VBG" and token.i == token.head.i + 1


def premodifier_title(ent: Span, lexicon: Lexicon) -> str | None:
    """`US Secretary of State Antony Blinken`: the role words before the name."""
    start = name_tokens(ent, lexicon)[0].i
    leading = [t for t in ent if t.lower_ in lexicon.titles and t.i < ent.root.i]  # NER kept the title
    return title_before(ent.root, start, lexicon, leading)


def title_before(root: Token, name_start: int, lexicon: Lexicon, extra: list[Token] = (),
                 beside_name: bool = True) -> str | None:
    """The role words that modify the name headed by `root` and stand before `name_start`
    (`Wild coach`, `Republican presidential nominee`)."""
    name = root.doc[name_start:root.i + 1]  # `Commissioner` may hang on `James` in `... James O'Neill`
    first = dateline_end(root)  # `JACKSON, Miss. - Judge X`: `Miss.` is the dateline's
    before = [t for part in name for child in part.children if child.i < name_start and child.dep_ in MODIFIER_DEPS
              for t in child.subtree if first <= t.i < name_start]
    tokens = sorted({*before, *extra} - {t for t in before if t.lower_ in lexicon.honorifics}, key=lambda t: t.i)
    tokens = _after_a_lost_verb(tokens)
    if not tokens:  # `lead author Dr. X`: the honorific is no part of the role
        return None
    tokens = sorted({*tokens, *_hyphened_before(tokens[0])}, key=lambda t: t.i)  # `Co-founder X`
    named = has_title_word(tokens, lexicon) or (beside_name and _role_compound(tokens, name_start, lexicon)
                                                and not _indefinite(tokens))
    return clean(tokens) if named else None


def _after_a_lost_verb(tokens: list[Token]) -> list[Token]:
    """`Manchester United sacked manager X`, parsed as one noun phrase: a past verb right after a
    noun among the words before a name is the verb of a clause the parser lost, and the role
    starts after it (`Retired Lt. Gen. X`, `newly appointed manager X` have no subject there)."""
    lost = [k for k, t in enumerate(tokens) if k and t.tag_ in ("VBD", "VBN") and not after_a_hyphen(t)
            and tokens[k - 1].pos_ in ("NOUN", "PROPN") and tokens[k - 1].i == t.i - 1
            and not after_a_hyphen(tokens[k - 1])]  # `tea-party backed candidate`: one modifier
    return tokens[lost[-1] + 1:] if lost else tokens


def _indefinite(tokens: list[Token]) -> bool:
    """`another potential hazard [Rubio is navigating]`: a phrase that opens with an indefinite
    article is a noun of its own that the parser ran into the name, not a role before it (a role
    there comes with a title word: `a Republican senator, X`)."""
    first = tokens[0]
    article = first.doc[first.i - 1] if first.i else None
    return article is not None and article.dep_ == "det" and article.lower_ in ("a", "an", "another")


def _role_compound(tokens: list[Token], name_start: int, lexicon: Lexicon) -> bool:
    """`Wild coach [X]`, `nursing home owner [X]`: a singular role noun compounded right before the
    name. Plural nouns there are the parser's mistakes (`three times [X] said`)."""
    last = tokens[-1]
    return last.i == name_start - 1 and last.dep_ == "compound" and last.tag_ == "NN" \
        and is_role_noun(last, lexicon)


def untagged_name(head: Token, lexicon: Lexicon) -> tuple[str, str] | None:
    """(name, title) for `Defense Secretary Lloyd Austin` when NER missed the person.

    A proper noun whose own modifiers hold a role word names a person.
    """
    if head.pos_ != "PROPN" or head.lower_ in lexicon.titles:
        return None
    start = head.i
    doc = head.doc
    while start > 0:
        before = doc[start - 1]
        if before.pos_ == "PROPN" and before.head.i == head.i and before.lower_ not in lexicon.titles:
            start -= 1
        elif start > 1 and joins_words(before) and doc[start - 2].pos_ == "PROPN":  # `Jean-Marc`
            start -= 2
        else:
            break
    if start == head.i and head.ent_type_ in PLACES:  # `Beijing, a partner of ...` is a place
        return None
    title = title_before(head, start, lexicon, beside_name=False) or appositive_role(head, lexicon, beside_name=False)
    if title is None and head.dep_ == "conj" and _title_comma_name(head.head, start):
        title = role_phrase(head.head, lexicon)
    if title is None:
        return None
    return "".join(t.text_with_ws for t in doc[start:head.i + 1]).strip(), title


def appositive_role(name: Token, lexicon: Lexicon, beside_name: bool = True) -> str | None:
    """The role in apposition to `name`; `beside_name=False` when it is not yet known that the
    name is a person's (then only a title word says so)."""
    for child in name.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON" and set_off(name, child):
            title = role_phrase(role_word(child), lexicon, beside_name)
            if title:
                return _with_trailing_role_phrase(title, child, name)
    return None


def set_off(first: Token, second: Token) -> bool:
    """Whether an apposition is set off as one: a comma, dash or bracket between the two phrases."""
    a, b = sorted((first, second), key=lambda t: t.i)
    between = a.doc[a.right_edge.i + 1 if a.right_edge.i < b.left_edge.i else a.i + 1:b.left_edge.i + 1]
    return any(t.text in (",", "(", "--") or (t.text in DASHES and not joins_words(t)) for t in between)


def appositive_title(ent: Span, lexicon: Lexicon) -> str | None:
    """`Andriy Yermak, chief of staff ...` and `his adviser, Mike Waltz`."""
    root = ent.root
    title = appositive_role(root, lexicon)
    if title:
        return title
    # `director-general`: the tagger may read a hyphenated role's last word as an adjective
    role_like = root.head.pos_ in ("NOUN", "PROPN", "NUM") or after_a_hyphen(root.head)
    if root.dep_ == "appos" and role_like and root.head.ent_type_ != "PERSON" \
            and (set_off(root.head, root) or root.head.i == _before_honorifics(ent, lexicon) - 1):
        # `police Chief [appos] X`, `lead author [appos] Dr. X`
        return role_phrase(root.head, lexicon, beside_name=True) or _shared_role(root.head, root, lexicon)
    if root.dep_ == "conj" and root.head.dep_ == "appos" and set_off(root.head.head, root.head):
        return _shared_role(root.head.head, root.head, lexicon)  # the second of `two developers, X and Y`
    if root.dep_ == "conj" and _title_comma_name(root.head, ent.start):  # `US Defense Secretary, Lloyd Austin`
        return role_phrase(root.head, lexicon)
    return None


def _before_honorifics(ent: Span, lexicon: Lexicon) -> int:
    """Where a name starts with the honorifics before it (`Dr. Maria Chen`: at `Dr.`)."""
    start = ent.start
    while start > 0 and ent.doc[start - 1].lower_ in lexicon.honorifics:
        start -= 1
    return start


def _shared_role(group: Token, first: Token, lexicon: Lexicon) -> str | None:
    """`two Vermont developers, X and Y`: a plural role set beside several names is each one's."""
    several = any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in first.children)
    return group_role(group, lexicon) if group.tag_ == "NNS" and several else None


def _with_trailing_role_phrase(title: str, appos: Token, name: Token) -> str:
    """`chief of staff to the president` when the parser hung `to the president` on the name."""
    for child in name.children:
        if child.dep_ == "prep" and child.lower_ in ROLE_PREPOSITIONS and child.i == appos.right_edge.i + 1:
            return f"{title} {clean(list(child.subtree))}"
    return title


def _title_comma_name(title: Token, name_start: int) -> bool:
    """Whether `title` ends right before `, <name>`: the parser's conjunction for an apposition."""
    doc = title.doc
    return name_start >= 2 and title.i == name_start - 2 and doc[name_start - 1].text == "," \
        and not any(t.dep_ == "det" for t in title.children)


def relative_role(ent: Span, lexicon: Lexicon) -> str | None:
    """`X, who is a lawyer for Y`, `X, who served as director of Y` and `X, who heads Y`: the
    role a relative clause on the name states."""
    for clause in ent.root.children:
        if clause.dep_ != "relcl" or not any(c.lower_ == "who" for c in clause.children if c.dep_ == "nsubj"):
            continue
        for child in clause.children:
            if child.dep_ == "attr":
                return role_phrase(child, lexicon, beside_name=True)
            if child.dep_ == "prep" and child.lower_ == "as" and clause.lower_ in SERVE_VERBS:
                role = next((o for o in child.children if o.dep_ == "pobj"), None)
                return role_phrase(role, lexicon, beside_name=True) if role is not None else None
        led = next((c for c in clause.children if c.dep_ == "dobj"), None)  # an office, not a study
        if clause.lower_ in lexicon.office_verbs and led is not None and led.lower_ not in lexicon.document_nouns:
            office = [*(c for c in clause.lefts if c.dep_ == "aux"), clause,
                      *(t for c in clause.rights if c.dep_ in ("dobj", "prt") for t in c.subtree)]
            return clean(up_to_an_aside(sorted(office, key=lambda t: t.i), clause))  # not `since 2024`
    return None


def affiliation(ent: Span, lexicon: Lexicon) -> str | None:
    """`Olena Prokopenko of the German Marshall Fund`, `NBC's Dante Chinni`: the body a person
    speaks for."""
    for child in ent.root.children:
        possessive = child.dep_ == "poss" or any(c.dep_ == "case" for c in child.children)  # or a compound with 's
        if possessive and child.ent_type_ == "ORG" and child.i < ent.start:
            return clean(list(child.subtree))
        if child.dep_ == "prep" and child.lower_ in AFFILIATION_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.ent_type_ == "ORG" or _described_body(obj)
                                           or _named_body(obj, lexicon)):  # not a home town
                    return clean(up_to_an_aside(list(obj.subtree), obj))
    return None


def _described_body(name: Token) -> bool:
    """`oil broker PVM`, `consultancy Capital Economics`: an unlabelled proper name after a common
    noun that says what it is names a body, whatever the recogniser made of it."""
    return name.pos_ == "PROPN" and not name.ent_type_ and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < name.i for c in name.children)


def _named_body(name: Token, lexicon: Lexicon) -> bool:
    """`the Dana-Farber Cancer Institute`: a capitalised organisation word heading a proper name
    the recogniser did not label an organisation (it took `Dana` for a person)."""
    return name.pos_ == "PROPN" and name.is_title and name.lower_ in lexicon.org_nouns \
        and name.ent_type_ in ("", "PERSON") and any(c.dep_ == "compound" for c in name.children)


def title_of(ent: Span, lexicon: Lexicon) -> tuple[str | None, bool]:
    """A person's title at one mention, and whether it is a role (not a bare affiliation)."""
    title = premodifier_title(ent, lexicon) or appositive_title(ent, lexicon) or relative_role(ent, lexicon) \
        or post_nominal_title(ent, lexicon)
    if title:
        return title, True
    return affiliation(ent, lexicon), False


def post_nominal_title(ent: Span, lexicon: Lexicon) -> str | None:
    """`Jacob Rees-Mogg MP`: letters after the name that name an office (`MP`, not `OBE`)."""
    after = [t for t in ent if t.i > name_tokens(ent, lexicon)[-1].i]
    return next((t.text for t in after if t.lower_ in lexicon.titles), None)


def name_tokens(ent: Span, lexicon: Lexicon) -> list[Token]:
    """The tokens of a PERSON entity that are the name: without a possessive, a title or an
    honorific NER swallowed (`Secretary Austin`, `Dame Judi Dench`), the end of a phrase that
    hangs outside the name (`[Secretary of] Agriculture Tomas Brandt`), a quotation mark NER
    took in (`Donald Trump ''`) or the letters after a name (`Jacob Rees-Mogg MP`)."""
    tokens = [t for t in ent if not t.is_space and t.tag_ != "POS" and t.text not in ("'s", "’s")] or [ent.root]
    while len(tokens) > 1 and (tokens[0].lower_ in lexicon.titles or tokens[0].lower_ in lexicon.honorifics
                               or not ent.start <= tokens[0].head.i < ent.end or tokens[0].is_quote):
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].is_quote or tokens[-1].text in lexicon.post_nominals):
        tokens = tokens[:-1]
    return tokens


def name_without_title(ent: Span, lexicon: Lexicon) -> str:
    """The name part of a PERSON entity: `Secretary Austin` gives `Austin`, `Blinken's` `Blinken`."""
    text = "".join(t.text_with_ws for t in name_tokens(ent, lexicon)).strip()
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text


def person_titles(ents: Iterable[Span], lexicon: Lexicon) -> list[tuple[Span, str | None, bool]]:
    """Each PERSON entity of `ents` with the title stated at that mention."""
    return [(ent, *title_of(ent, lexicon)) for ent in ents if ent.label_ == "PERSON"]


def untagged_people(doc: Doc, lexicon: Lexicon) -> list[tuple[str, str, int]]:
    """(name, title, token index) of each titled name NER did not label PERSON.

    `Secretary of Defense Lloyd Austin` often comes out as an ORG; its title is what says
    it names a person. Only the last word of a name is tried, once.
    """
    found = []
    for token in proper_nouns(doc):  # only proper nouns can end a name
        last_of_name = not (token.dep_ == "compound" and token.head.pos_ == "PROPN")
        if last_of_name and token.ent_type_ != "PERSON":
            named = untagged_name(token, lexicon)
            if named is not None and len(named[0].split()) >= 2:
                found.append((*named, token.i))
    return found


def role_descriptions(doc: Doc, lexicon: Lexicon) -> list[Token]:
    """Heads of definite descriptions of one person's role that stand apart from any name:
    `the Vermont senator acknowledged`, `as the attorney general`. (`Sen. X`, `X, the senator`
    and `the senator, X` are read with the name.)"""
    found = []
    for token in tokens_in(doc, lexicon.titles | lexicon.role_nouns):
        if token.tag_ != "NN" or token.ent_type_ == "PERSON":
            continue
        determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
        beside_a_name = token.dep_ in ("compound", "appos") or any(
            c.dep_ == "appos" or c.ent_type_ == "PERSON" for c in token.children)
        defining = any(c.dep_ in ("relcl", "acl") or c.tag_ == "JJS" or c.lower_ in NOT_ANAPHORIC
                       for c in token.children)  # `the only candidate who ...` picks one out anew
        if determiners == ["the"] and not beside_a_name and not defining:
            found.append(token)
    return found


def _capitalised_by_place(token: Token) -> bool:
    """`Lawmaker urges ...`, `Retired General Reveals ...`: a common noun the tagger took for a
    proper one because it opens a line or stands in a title-case headline."""
    return token.i == token.sent.start or is_headline(token.sent)


def lede_descriptions(doc: Doc, lexicon: Lexicon, before: int) -> list[Token]:
    """Heads of role descriptions that are the subject of a clause before token `before` (the
    first person named below the headline): `A New York judge ruled ...`, `A former DNC chairman
    says ...`. News often opens so and names the person in the next paragraph."""
    found = []
    for token in tokens_in(doc, lexicon.titles | lexicon.role_nouns):
        if token.i >= before or token.dep_ != "nsubj" or token.ent_type_ == "PERSON" \
                or not (token.tag_ == "NN" or (token.tag_ == "NNP" and _capitalised_by_place(token))):
            continue
        determiners = [c for c in token.children if c.dep_ in ("det", "poss")]
        plain = all(c.lower_ in ("a", "an", "the") or c.ent_type_ in PLACES | {"ORG"} for c in determiners)
        if plain and not any(c.dep_ == "appos" for c in token.children):
            found.append(token)
    return found


def group_role(head: Token, lexicon: Lexicon) -> str | None:
    """The role of an occupational group, with its modifiers and without quantifiers: `Several
    former RT journalists` -> `former RT journalists`; `critics` and `voters` hold no office."""
    if not is_occupation(head.lower_, lexicon):
        return None
    keep = [head]
    for child in head.children:
        quantifier = child.dep_ in ("det", "poss", "nummod", "predet") or child.lower_ in GROUP_QUANTIFIERS
        describes = child.i < head.i and not quantifier and child.dep_ in (*MODIFIER_DEPS, "cc", "conj")
        narrows = child.i > head.i and child.dep_ == "prep" and child.lower_ in GROUP_PREPOSITIONS \
            and not any(o.ent_type_ in ("DATE", "TIME") for o in child.children)  # `leaders on Thursday`
        if describes or narrows:
            keep.extend(child.subtree)
    # `BRUSSELS - European leaders`: the place is the dateline's; `a move economists say`: not the move's
    first = max(dateline_end(head), past_stray_article(head, head.left_edge.i))
    return clean(up_to_an_aside(sorted((t for t in keep if t.i >= first), key=lambda t: t.i), head))


def is_occupation(word: str, lexicon: Lexicon) -> bool:
    """A role word of `data/titles.txt`, singular or plural, or a word for a practitioner (`-ist`).

    >>> lexicon = load_lexicon()
    >>> [is_occupation(w, lexicon) for w in ("senators", "journalists", "critics", "boss")]
    [True, True, False, True]
    """
    return lexicon.is_role_word(word) or singular(word).endswith("ist")


def author_line(doc: Doc) -> tuple[Span, Token] | None:
    """An opinion piece's closing line, `X is playwright-in-residence at Y.`: the PERSON it opens
    with and the head of the role it gives (the author, whose `I` the piece's cues speak for)."""
    if not len(doc):
        return None
    last = doc[-1].sent
    while last.start > 0 and "\n" not in doc[last.start - 1].text_with_ws:  # back to the paragraph's start
        last = doc[last.start - 1].sent
    root = last.root
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    role = next((c for c in root.children if c.dep_ in ("attr", "acomp") and c.pos_ == "NOUN"), None)
    if root.lower_ not in ("is", "was") or subject is None or role is None or subject.ent_type_ != "PERSON":
        return None
    ent = next(e for e in doc.ents if e.start <= subject.i < e.end)
    return (ent, role) if ent.start == last.start and last.start > 0 else None  # a line of its own
