"""Reported speech: cue words on the dependency parse, with their content and source.

Each rule looks at one cue token and its dependents only, so the whole pass is linear
in the number of tokens. A `Cue` says where the cue is, what the content is (one or
more character ranges) and which token heads the source noun phrase.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from .entity_types import INSTITUTIONS, SPEAKERS
from .inventory import AGENTLESS_PASSIVE, DOCUMENT_OBJECT, INFINITIVE, NOUN_CLAUSE, PREP_OBJECT, frame_of
from .inventory import OBJECT as OBJECT_FRAME
from .inventory import PASSIVE as PASSIVE_FRAME
from .lexicon import Lexicon
from .marks import DOUBLE_MARK
from .spans import (
    CLAUSE_DEPS,
    SEPARATORS,
    SUBJECT_DEPS,
    agent_of,
    content_ranges,
    relative_antecedent,
    subject_of,
    subtree_bounds,
    token_range,
    trim_tokens,
)
from .types import Range

#: how a cue was found; the confidence table is keyed by these names
CLAUSAL, BELIEF, OBJECT, SMALL_CLAUSE, PHRASAL, ACCORDING, INVERTED, NOUN, PARENTHETICAL, PASSIVE, LEARNED = (
    "clausal", "belief", "object", "small_clause", "phrasal", "according", "inverted", "noun", "parenthetical",
    "passive", "learned")
DOCUMENT, RAISING, AS_CLAUSE, CAST_AS, REFUSAL, QUOTED_NAME, TRAILING, AGENTLESS, HEARSAY = (
    "document", "raising", "as_clause", "cast_as", "refusal", "quoted_name", "trailing", "agentless", "hearsay")

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: subjects that stand for things: a belief verb after them reports no one's belief
THING_SUBJECTS = frozenset({"it", "that", "which", "there", "what"})
LIST_DEPS = frozenset({"oprd", "dobj", "appos", "conj", "npadvmod"})
#: the longest `as` phrase read for quoted words (`as a "human leech who will bleed the country"`)
MAX_CAST_TOKENS = 60
#: what a short answer may be about: `said no to the war`, `said the same of Trump`
ANSWER_PREPOSITIONS = frozenset({"to", "of", "about"})
#: the most words between a naming verb and the quoted name (`called the former secretary "X"`)
MAX_NAMED_WORDS = 8
#: what ends the words a naming verb names: `called for "X"`, `called and said "X"`
STOP_POS = frozenset({"VERB", "AUX", "SCONJ", "CCONJ", "ADP"})
#: the heads of a clause a view is of: `In his view, C` (C's root), `said that, in her view, C`
VIEW_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "conj", "relcl", "parataxis"})
#: what opens a question: `would not say whether C`, `has not disclosed how many C`
QUESTION_WORDS = frozenset({"whether", "if", "what", "who", "whom", "whose", "why", "how", "when", "where", "which"})
#: `asked not to be named`: a source's condition of anonymity
ANONYMITY_PARTICIPLES = frozenset({"named", "identified", "quoted"})
#: verbs of having and being: `had access to X as a "donor"` casts no one as anything
#: subjects of a belief verb set off inside a clause that make it a hedge (`it is, I think, too late`)
HEDGING_SUBJECTS = frozenset({"i", "we", "you"})
HAVE_BE = frozenset({"have", "has", "had", "having", "be", "is", "are", "was", "were", "been", "being"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One attribution found on the parse."""

    rule: str
    cue: Range
    content: tuple[Range, ...]
    source: Token | None  # the speaker's token: a subject, a passive agent, `according to`'s object
    trigger: Token  # the token the rule fired on: a verb, a noun, `according`, `in`


def is_negated(verb: Token, lexicon: Lexicon) -> bool:
    """`did not confirm`, `without specifying`, `declined to say`, `refrained from confirming`:
    speech that did not happen."""
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ in ("without", "from"):
        return head.lower_ == "without" or head.head.lower_ in lexicon.refusals
    if verb.dep_ == "conj" and head.dep_ == "xcomp" and not _children(verb, *SUBJECT_DEPS) \
            and not any(c.dep_ == "cc" and c.lower_ == "but" for c in head.children):
        verb, head = head, head.head  # `refused to release X or explain Y`: Y was not explained either
    return verb.dep_ == "xcomp" and head.lower_ in lexicon.refusals


def _children(verb: Token, *deps: str) -> list[Token]:
    return [child for child in verb.children if child.dep_ in deps]


def _cue_range(verb: Token, lexicon: Lexicon, extra: Token | None = None) -> Range:
    """The cue: the verb, with a particle or an audience that belongs to it (`told reporters`)."""
    tokens = [verb]
    if extra is not None:
        tokens.append(extra)
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.i == verb.i + 1 and child.lower_ in lexicon.hearers:
            tokens.append(child)
    tokens.sort(key=lambda t: t.i)
    if tokens[-1].i - tokens[0].i + 1 != len(tokens):
        tokens = [verb]
    return token_range(tokens)


def clausal_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`X said (that) C`, `C, X said`, `..., saying C`, `told X to C`."""
    form = verb.lower_
    lemma = (lexicon.speech.get(form) or lexicon.belief.get(form) or lexicon.objects.get(form)
             or lexicon.small_clause.get(form))
    if lemma is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    clauses = _after_subject(verb, _children(verb, *CLAUSE_DEPS))
    if form not in lexicon.speech and form not in lexicon.belief and form not in lexicon.objects:
        clauses = [c for c in clauses if c.i > verb.i]  # `C: X called it "Y"`: a naming verb names after it
    noun = None
    if not clauses and lemma in lexicon.infinitive_cues:
        clauses = [c for c in _children(verb, "xcomp") if any(t.dep_ == "aux" for t in c.children)] \
            or _adverbial_infinitive(verb)
    if not clauses and lemma in lexicon.question_verbs:
        clauses = _question_clauses(verb)
    if not clauses:
        clauses = _that_clauses(verb)
    if not clauses:
        noun, clauses = _noun_with_clause(verb)
    if not clauses:
        clauses = _gerund_subject_clause(verb)
    if not clauses and lemma == "say":
        clauses = _object_read_for_a_clause(verb)
    if not clauses and form in lexicon.speech:
        clauses = _fronted_words(verb) or _clause_before_subject(verb)
    clauses = [c for c in clauses if not _statement_beside(c, verb, lexicon) and not _asks_anonymity(c)]
    if not clauses:
        return None
    bounds = [_clause_bounds(c, lexicon, verb) for c in clauses]
    bounds[-1] = (bounds[-1][0], _quoted_sequel_end(verb, bounds[-1][1], lexicon))
    content = content_ranges(verb.doc, bounds)
    if not content:
        return None
    rule = CLAUSAL if form in lexicon.speech or form in lexicon.objects else BELIEF
    # a passive participle's asker is its `by` phrase or no one named, never the one asked
    subject = agent_of(verb) if _passive_participle(verb) else \
        subject_of(verb, content) or _document_modified(verb, lexicon) or _speaker_after(verb, clauses, lexicon)
    if rule == BELIEF and subject is not None and _stands_for_a_thing(subject, lexicon):
        return None  # `it means C`, `that shows C`: a fact implies, nobody holds a belief
    return Cue(rule, _cue_range(verb, lexicon, noun), content, subject, verb)


def _after_subject(verb: Token, clauses: list[Token]) -> list[Token]:
    """`Prices rose: 42% say they are worse off`: where the cue runs straight on into what was
    said, a clause the parser hung on it from before its subject is a sentence of its own, not
    the first half of what was said (that would set the cue off: `C1, she said, C2`)."""
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    doc = verb.doc
    runs_on = verb.i + 1 < len(doc) and not doc[verb.i + 1].is_punct and any(c.i > verb.i for c in clauses)
    if subject is None or not runs_on:
        return clauses
    return [c for c in clauses if c.i > verb.i or c.right_edge.i >= subject.left_edge.i]


def _asks_anonymity(clause: Token) -> bool:
    """`who asked not to be named because C`: the condition a source spoke on, not what it said."""
    return clause.lower_ in ANONYMITY_PARTICIPLES and bool(_children(clause, "auxpass")) \
        and bool(_children(clause, "neg"))


def _speaker_after(verb: Token, clauses: list[Token], lexicon: Lexicon) -> Token | None:
    """`C, warned Mohamed Ali, an adviser at X`: a cue after its clause with no subject has its
    speaker where the parser put an object (on PolNeAR train the speaker 12 times in 12, verbs of
    telling aside: `C, told Fox News` names the hearer)."""
    if clauses[0].i > verb.i or not verb.doc[verb.i - 1].is_punct \
            or lexicon.speech.get(verb.lower_) in lexicon.addressee_verbs:
        return None
    return next((c for c in _children(verb, "dobj", "dative") if c.left_edge.i == verb.i + 1), None)


def _passive_participle(verb: Token) -> bool:
    """`Asked whether he would run, the governor said ...`: a participle opening the sentence
    without a subject of its own is passive; the governor was asked, he did not ask (the tagger
    may read a sentence-initial `Told` as a past tense)."""
    return verb.tag_ in ("VBN", "VBD") and verb.dep_ in ("advcl", "acl") and verb.i < verb.head.i \
        and not _children(verb, *SUBJECT_DEPS, "auxpass", "mark", "aux")


def _statement_beside(clause: Token, verb: Token, lexicon: Lexicon) -> bool:
    """`Half said C1; a third said C2`: the parser may hang the first statement on the second
    verb as its clause; a cue with a subject and a clause of its own, before a verb that has a
    clause after it, is a statement beside the other, not one reported in it. After the verb,
    a speech verb with its own subject joined by `and`/`but` to the clause before it is the
    next statement (`Half said C1, and a third said the same of Y`)."""
    if not (lexicon.is_cue_form(clause.lower_) and _children(clause, *SUBJECT_DEPS)):
        return False
    if clause.i < verb.i:
        return bool(_children(clause, *CLAUSE_DEPS)) and any(c.i > verb.i for c in _children(verb, *CLAUSE_DEPS))
    if clause.lower_ not in lexicon.speech:
        return False
    before = [c for c in _children(verb, *CLAUSE_DEPS) if c.i < clause.i]
    joined = any(c.dep_ == "cc" and c.i < clause.left_edge.i for b in before for c in b.children)
    return bool(before) and joined


def _adverbial_infinitive(verb: Token) -> list[Token]:
    """`tells his supporters at a rally to "go and vote"`: after an adjunct the parser may take
    what the hearer is told to do for a purpose clause; with a hearer before it, it is the
    content."""
    hearer = next((c for c in _children(verb, "dobj", "dative") if c.i > verb.i), None)
    return [c for c in _children(verb, "advcl") if hearer is not None and c.i > hearer.i
            and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)]


def _question_clauses(verb: Token) -> list[Token]:
    """`asked workers if they would vote`: the parser makes the question an adverbial clause."""
    return [c for c in _children(verb, "advcl") if c.i > verb.i and c.left_edge.lower_ == "if"
            and any(m.dep_ == "mark" and m.i == c.left_edge.i for m in c.children)]


def _that_clauses(verb: Token) -> list[Token]:
    """`tweeted in the early hours that C`: after an adjunct, the parser may take the reported
    clause for an adverbial one, or a relative clause of the adjunct's noun; a clause opened by
    the conjunction `that` with a subject of its own is what was said (on PolNeAR train 6 of 7
    adverbial and 5 of 5 relative such are marked)."""
    in_adjunct = [c for prep in _children(verb, "prep") for obj in _children(prep, "pobj")
                  for c in _children(obj, "relcl", "acl")]  # `said following a vote in 2001 that C`
    return [c for c in _children(verb, "advcl") + in_adjunct if c.i > verb.i and c.left_edge.lower_ == "that"
            and c.left_edge.head == c and c.left_edge.dep_ in ("mark", "advmod") and _children(c, *SUBJECT_DEPS)]


def _gerund_subject_clause(verb: Token) -> list[Token]:
    """`said legalizing it could create jobs` parsed as `said [legalizing [it could create jobs]]`:
    a gerund right after the cue that holds a clause is that clause's subject, and the whole is
    what was said (on PolNeAR train the 6 quotes it adds are all marked)."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.head != verb or after.dep_ != "xcomp" or after.tag_ != "VBG":
        return []
    return [after] if any(c.dep_ == "ccomp" for c in after.children) else []


def _object_read_for_a_clause(verb: Token) -> list[Token]:
    """`says the movement that is sweeping the country appeals to C`: where the parser read the
    clause's verb as a noun, `say`'s object holds a finite verb or quotation marks; a plain noun
    (`said goodbye`, `said nothing about it`) is not what was said."""
    doc = verb.doc
    objects = [c for c in _children(verb, "dobj") if c.i > verb.i and c.pos_ != "PRON"
               and not any(t.text in SEPARATORS for t in doc[verb.i + 1:c.left_edge.i + 1])]  # `says, an aside`
    return [o for o in objects if _reads_as_clause(o) or _verb_read_as_modifier(o)]


def _verb_read_as_modifier(phrase: Token) -> bool:
    """`said the drug extended survival`: the parser read a past verb as a participle modifying
    the noun after it, with its subject hung on it (`drug`): a clause, not a noun phrase (`said
    the damaged car` has nothing before the participle)."""
    return any(t.tag_ == "VBN" and t.dep_ == "amod" and any(c.i < t.i and c.pos_ in ("NOUN", "PROPN")
                                                            for c in t.children) for t in phrase.subtree)


def _fronted_words(verb: Token) -> list[Token]:
    """`The deal signals "the end" for the union, said X`: with the speaker after the cue, the
    words that open the sentence before its comma are what was said, even where the parser read
    them as a noun phrase (the cue's subject or object)."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "," or not any(c.i > verb.i for c in _children(verb, *SUBJECT_DEPS)):
        return []
    return [c for c in verb.lefts if c.right_edge.i == verb.i - 2 and c.left_edge.i == verb.sent.start
            and c.dep_ in ("nsubj", "dobj", "npadvmod") and _reads_as_clause(c)]


def _clause_before_subject(verb: Token) -> list[Token]:
    """`As the mayor spoke, a girl was hurt, police said.`: a cue that ends its sentence after
    its subject and a comma reports what opens the sentence, even where the parser hung that
    clause on it as an adverbial or left it unlabelled instead of a complement."""
    doc, sent = verb.doc, verb.sent
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECT_DEPS), None)
    end = sent.end
    while end > verb.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if subject is None or end != verb.i + 1 or subject.left_edge.i < 2 or doc[subject.left_edge.i - 1].text != ",":
        return []
    opening = [c for c in verb.lefts if c.i < subject.left_edge.i and not c.is_punct]
    if len(opening) != 1 or opening[0].dep_ not in ("advcl", "dep", "nsubj", "npadvmod", "dobj"):
        return []
    phrase = opening[0]
    starts_sentence = phrase.left_edge.i == sent.start or all(t.is_punct for t in doc[sent.start:phrase.left_edge.i])
    ends_at_comma = phrase.right_edge.i == subject.left_edge.i - 2
    return [phrase] if starts_sentence and ends_at_comma and _reads_as_clause(phrase) else []


def _reads_as_clause(phrase: Token) -> bool:
    """Whether a phrase holds a finite verb or quotation marks: a clause the parser misread."""
    return _has_quote_mark(phrase.doc[phrase.left_edge.i:phrase.right_edge.i + 1]) \
        or any(t.tag_ in FINITE_TAGS for t in phrase.subtree)


def _document_modified(verb: Token, lexicon: Lexicon) -> Token | None:
    """`reports from NATO indicating that C`, `a poll showing C`: a cue that modifies a
    document noun has the document as its source (the parser may hang the cue on the noun's
    preposition: `from NATO indicating`)."""
    token = verb
    while token.dep_ in ("acl", "pcomp", "prep") and token.pos_ != "NOUN":
        token = token.head
    return token if token.pos_ == "NOUN" and token.lower_ in lexicon.document_nouns else None


def _clause_bounds(clause: Token, lexicon: Lexicon, verb: Token) -> tuple[int, int]:
    """The reported clause, from its subject if the parser hung that on the cue, up to a cue
    verb joined to it that is the speaker's next statement (`noted that K had warned allies |
    and accused them`; see `_next_statement`)."""
    start, end = subtree_bounds(clause)
    if _subject_stranded(clause, verb, lexicon) or start < verb.i < end:
        start = verb.i + 1  # `which Mr. Clarke says he will keep open`: the fronted word is not said
    if start > verb.i:
        start = _after_time_of_saying(clause, start)
    if clause.dep_ == "xcomp":
        start = _addressee_start(verb, clause, start, lexicon)
    end = _before_appended_comment(clause.doc, start, end, lexicon)
    for joined in _children(clause, "conj", "advcl"):
        if joined.i > clause.i and _next_statement(joined, lexicon) and not _leans_on_the_clause(joined, clause, verb):
            end = min(end, joined.left_edge.i)
            while end > start and clause.doc[end - 1].dep_ in ("cc", "mark"):
                end -= 1
    return start, end


def _before_appended_comment(doc: Doc, start: int, end: int, lexicon: Lexicon) -> int:
    """`said the firm overcharged customers, a claim the company rejects`: an indefinite noun of
    saying set off after the reported clause sums it up for someone else's comment on it (the
    parser often hangs it inside the clause); the clause ends before it."""
    for comma in (t for t in doc[start + 1:end - 2] if t.text == ","):
        after = doc[comma.i + 1:min(comma.i + 4, end)]
        if after[0].lower_ in ("a", "an") and any(t.lower_ in lexicon.speech_nouns for t in after[1:]):
            return comma.i
    return end


def _next_statement(joined: Token, lexicon: Lexicon) -> bool:
    """`noted that K had warned allies | and accused them`: a cue verb joined to the reported
    clause without a subject is the speaker's next statement; a speech verb with a subject of
    its own, joined by `and` or by a contrasting `while` or `though`, is someone else's (`they
    were worried, | and 4 in 10 said C`, `demand held, | though analysts cautioned C`; on PolNeAR
    train 11 gained, 2 lost). `C1 but that C2` goes on."""
    own_subject = bool(_children(joined, *SUBJECT_DEPS))
    marks = {m.lower_ for m in _children(joined, "mark")}
    if any(a.tag_ == "MD" for a in _children(joined, "aux")):
        return False  # `said it had made changes and would appeal`: a modal goes on with what was said
    if joined.dep_ == "conj":  # `C1 but that C2`: a second clause of the same report
        return lexicon.is_cue_form(joined.lower_) and (not own_subject or (joined.lower_ in lexicon.speech
                                                                           and not marks))
    contrast = bool(marks & {"while", "whereas", "though", "although"})
    return own_subject and contrast and joined.lower_ in lexicon.speech


def _leans_on_the_clause(joined: Token, clause: Token, verb: Token) -> bool:
    """`said he'd build a wall and make them pay`, `said he has not held dinners and never
    called a donor`: a verb in the form the reported clause's auxiliary asks for, and in
    another form than the cue's, shares that auxiliary, so it goes on with what was said
    (`said he would veto it and urged Congress to act` starts the speaker's next statement)."""
    auxiliaries = _children(clause, "aux")
    wanted = {"VB": any(a.tag_ in ("MD", "TO") for a in auxiliaries),
              "VBN": any(a.lemma_ == "have" for a in auxiliaries)}
    return wanted.get(joined.tag_, False) and joined.tag_ != verb.tag_


def _quoted_sequel_end(verb: Token, end: int, lexicon: Lexicon) -> int:
    """`said he had offers, but "the offers were to use it"`: a clause joined to the cue that
    goes on in the speaker's quoted words is still what was said; so is one that opens with the
    conjunction `that` (`said C1, and that C2`), which only a complement does, and an adjective
    (`said she was "gutted" but proud`), which is no second predicate of the speaker's."""
    doc = verb.doc
    for conj in _children(verb, "conj"):
        if conj.i < end or lexicon.is_cue_form(conj.lower_):
            continue
        joined = all(t.dep_ == "cc" or t.text == "," or t.tag_ == "''" for t in doc[end:conj.left_edge.i])
        if joined and conj.pos_ == "ADJ":  # `told X she was "gutted" but proud`: no predicate of the cue's
            return conj.right_edge.i + 1
        if joined and _children(conj, *SUBJECT_DEPS) and (
                _has_quote_mark(doc[conj.left_edge.i:conj.right_edge.i + 1]) or _opens_with_that(conj)):
            return conj.right_edge.i + 1
    return end


def _opens_with_that(clause: Token) -> bool:
    first = clause.left_edge
    return first.lower_ == "that" and first.dep_ == "mark" and first.head == clause


def _addressee_start(verb: Token, clause: Token, start: int, lexicon: Lexicon) -> int:
    """`told residents to stay indoors`, `asked the crowd to welcome him`: who is to act is part
    of what was said, with the infinitive; an audience that belongs to the cue (`told reporters`)
    is not."""
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < clause.i), None)
    if addressee is None or addressee.lower_ in lexicon.hearers or addressee.right_edge.i + 1 != start:
        return start
    return addressee.left_edge.i


def _after_time_of_saying(clause: Token, start: int) -> int:
    """`told voters this weekend he would C`, `said on Tuesday it would C`: a date opening a
    clause after its cue, before the clause's subject, is when it was said (the parser hangs it
    on the clause); before the cue (`Last month, X sought ..., Y reported`) it is part of what
    was said."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    for child in clause.children:
        when = _date_named(child)
        if when is not None and child.left_edge.i == start and subject is not None and child.i < subject.i:
            return child.right_edge.i + 1
    return start


def _date_named(phrase: Token) -> Token | None:
    """The date or time a phrase names: `Monday` (`said Monday C`), or a named day or date after
    a preposition (`said on Monday C`, not `said "on her worst day" she'd C`)."""
    when = phrase if phrase.dep_ == "npadvmod" else \
        next((o for o in _children(phrase, "pobj") if o.tag_ in ("NNP", "CD")), None) if phrase.dep_ == "prep" else None
    return when if when is not None and when.ent_type_ in ("DATE", "TIME") else None


def _subject_stranded(clause: Token, verb: Token, lexicon: Lexicon) -> bool:
    """`The U.S. alleges China, having entered ..., has upheld ...`: a finite reported clause
    with no subject, its subject parsed as the cue's object: the content starts at the cue."""
    doc = verb.doc
    if not verb.i + 1 < clause.left_edge.i or lexicon.speech.get(verb.lower_) in lexicon.addressee_verbs:
        return False
    if any(verb.i < other.i < clause.left_edge.i for other in verb.children if other.dep_ in CLAUSE_DEPS):
        return False  # the gap holds another reported clause
    if any(c.dep_ in (*SUBJECT_DEPS, "expl", "csubj") for c in clause.children):
        return False
    finite = clause.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS for c in clause.children)
    return finite and not any("\n" in t.text for t in doc[verb.i + 1:clause.left_edge.i])


def _noun_with_clause(verb: Token) -> tuple[Token | None, list[Token]]:
    """`expressed concern that C`, `raised fears that C`, `elaborated on the fact that C`: the
    clause hangs from the object, or from the object of the verb's preposition."""
    objects = _children(verb, "dobj") + [o for p in _children(verb, "prep") for o in _children(p, "pobj")]
    for obj in objects:
        clauses = [c for c in obj.children if c.dep_ in ("acl", "ccomp")
                   and any(t.dep_ == "mark" and t.lower_ == "that" for t in c.children)]
        if clauses:
            return obj, clauses
    return None, []


def noun_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`raised concern that C`, `issued a warning that C`: a light verb and a noun of saying."""
    if verb.lower_ not in lexicon.light_verbs or verb.pos_ not in ("VERB", "AUX"):
        return None
    noun, clauses = _noun_with_clause(verb)
    if noun is None or noun.lower_ not in lexicon.speech_nouns:
        return None
    content = content_ranges(verb.doc, [subtree_bounds(c) for c in clauses])
    subject = subject_of(verb, content)
    if not content or not can_speak(subject, lexicon):
        return None
    return Cue(NOUN, _cue_range(verb, lexicon, noun), content, subject, verb)


def _stands_for_a_thing(subject: Token, lexicon: Lexicon) -> bool:
    """`it shows C`, `that means C`: a subject that stands for a fact, not a source. A relative
    pronoun stands for its antecedent: `the police department, which reported C` has one."""
    if subject.lower_ not in THING_SUBJECTS:
        return False
    antecedent = relative_antecedent(subject)
    return antecedent is None or not (can_speak(antecedent, lexicon) or antecedent.lower_ in lexicon.document_nouns)


def can_speak(subject: Token | None, lexicon: Lexicon) -> bool:
    """Whether a subject names someone who can say things: `This deployment raises concerns
    that ...` reports no speech; `Seoul raised concerns that ...` does."""
    if subject is None:
        return False
    if subject.ent_type_ in SPEAKERS or subject.pos_ in ("PRON", "PROPN"):
        return True
    word = subject.lower_
    return lexicon.is_role_word(word) or word in lexicon.org_nouns


def inverted_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`C, X said` where the parser made `said` a dependent of C's verb, or its conjunct with no
    coordinator (rule `trailing`: unlike the dependent, reliable without quotation marks)."""
    hung = verb.dep_ in ("parataxis", "ccomp", "advcl") or _unjoined_conj(verb)
    if lexicon.speech.get(verb.lower_) is None or not hung:
        return None
    head = verb.head
    if head.i > verb.i or _children(verb, *CLAUSE_DEPS) or not _children(verb, *SUBJECT_DEPS) \
            or _reports_its_object(verb, lexicon):
        return None
    start, _ = subtree_bounds(head)
    verb_start, verb_end = subtree_bounds(verb)
    if speaks_after_a_comma(verb):  # what the parser hung on `said` before its comma is C's
        verb_start = verb.i - 1
    bounds = [(start, verb_start)]
    if verb_end < head.right_edge.i + 1:
        bounds.append((verb_end, head.right_edge.i + 1))
    content = content_ranges(verb.doc, bounds)
    if not content:
        return None
    rule = TRAILING if verb.dep_ == "conj" or speaks_after_a_comma(verb) else INVERTED
    return Cue(rule, _cue_range(verb, lexicon), content, subject_of(verb, content), verb)


def speaks_after_a_comma(verb: Token) -> bool:
    """`C, said X`: a cue set after a comma and before its own subject is the writer's way of
    naming the source of all that comes before it, however the parser hung it; as reliable
    without quotation marks as the trailing rule."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and subject.i > verb.i > 0 and verb.doc[verb.i - 1].text == ","


def _unjoined_conj(verb: Token) -> bool:
    """`C, the minister told a panel`: the parser may join a trailing cue to C's verb as a
    conjunct; with no coordinator between them (after C's last conjunct before the cue) and a
    comma before it, it is not one."""
    head, start = verb.head, verb.left_edge.i
    # a coordinator before another conjunct joins that one (`A, but B, said X`)
    after = max((c.right_edge.i for c in head.children if c.dep_ == "conj" and c.i < verb.i), default=head.i)
    return verb.dep_ == "conj" and start > 0 and verb.doc[start - 1].text == "," \
        and not any(c.dep_ in ("cc", "preconj") and after < c.i < verb.i for c in head.children) \
        and verb.doc[start].pos_ != "SCONJ"  # `A, though one of them wrote B`: a clause of its own


def _reports_its_object(verb: Token, lexicon: Lexicon) -> bool:
    """`C as sources report a military presence`: a verb with an object other than its hearer
    (`C, X told reporters`) reports that object, not the clause it hangs on."""
    return lexicon.speech.get(verb.lower_) not in lexicon.addressee_verbs and bool(_children(verb, "dobj"))


def as_clause_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`As The Hill reported, C`: a speech verb in an opening `as` clause, set off by a comma,
    with no complement of its own; the clause it opens is what was said. (After the clause,
    `C, as X proposes` is as often the writer's comparison: measured on train, not drawn.) A
    phrasal cue of a clause counts with its particle (`As experts have pointed out, C`)."""
    particle = _clause_particle(verb, lexicon)
    if (lexicon.speech.get(verb.lower_) is None and particle is None) or verb.dep_ != "advcl" \
            or verb.i > verb.head.i:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
            or _children(verb, *CLAUSE_DEPS, "dobj") or not _children(verb, *SUBJECT_DEPS):
        return None
    doc, head = verb.doc, verb.head
    verb_end = verb.right_edge.i + (0 if verb.right_edge.text == "," else 1)  # the comma may hang on the cue
    if verb_end >= len(doc) or doc[verb_end].text != ",":
        return None
    content = content_ranges(doc, [(verb_end, head.right_edge.i + 1)])
    if not content:
        return None
    return Cue(AS_CLAUSE, _cue_range(verb, lexicon, particle), content, subject_of(verb, content), verb)


def _clause_particle(verb: Token, lexicon: Lexicon) -> Token | None:
    """The particle that makes `verb` a phrasal cue of a clause (`pointed out`, `made clear`)."""
    return next((c for c in verb.children if c.i > verb.i
                 and lexicon.phrasal.get((verb.lower_, c.lower_)) == "clause"), None)


def cast_as_cue(token: Token, lexicon: Lexicon) -> Cue | None:
    """`Reid has gone after Trump as a "human leech"`, `admires Putin as a "strong leader"`: someone
    who can speak casts an object as words the article quotes. The quotation marks after `as`
    carry the attribution, so the verb may be any but one of having or being (a cue form is left
    to its own rules); without them it is not drawn. On PolNeAR train 10 of 14 such quotes are
    marked; any verb, any subject and no check of either, 0.45."""
    if token.lower_ != "as" or token.dep_ != "prep" or token.right_edge.i - token.i > MAX_CAST_TOKENS:
        return None  # a phrase longer than any characterisation: not read, so a run of them costs no more
    if not _holds_quote_mark(token):
        return None
    verb = token.head if token.head.pos_ in ("VERB", "AUX") else token.head.head
    cast = _cast_object(verb, token)
    if verb.pos_ != "VERB" or verb.lower_ in lexicon.trigger_forms or verb.lower_ in HAVE_BE or cast is None \
            or token.head not in (verb, cast) or is_negated(verb, lexicon):
        return None
    content = content_ranges(verb.doc, [(cast.left_edge.i, _cast_end(token, lexicon))])
    source = subject_of(verb, content)
    if not content or not can_speak(source, lexicon) or _stands_for_a_thing(source, lexicon):
        return None
    return Cue(CAST_AS, _cue_range(verb, lexicon), content, source, token)


def quoted_name_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`he called Rubio "Little Marco" multiple times`, `called that "beyond preposterous"`: a
    naming verb whose parse holds no object and predicate (the small-clause rule's) but whose
    words run, with no punctuation, verb or preposition between, into quotation marks; what it
    names and the quoted name are the content. On PolNeAR train 20 of 35 such are marked (most
    of the others are characterisations a reader would mark too: `called Wall Street bankers
    "fat cats"`)."""
    if lexicon.small_clause.get(verb.lower_) not in lexicon.naming_verbs or verb.pos_ != "VERB":
        return None
    doc = verb.doc
    opening = next((t for t in doc[verb.i + 2:verb.i + 1 + MAX_NAMED_WORDS] if DOUBLE_MARK.fullmatch(t.text)
                    or t.is_punct or t.pos_ in STOP_POS), None)
    if opening is None or not DOUBLE_MARK.fullmatch(opening.text) or doc[verb.i + 1].is_punct:
        return None
    closing = _closing_mark(opening)
    if closing is None:
        return None
    while closing.i + 2 < len(doc) and doc[closing.i + 1].lower_ in ("and", "or", ",") \
            and DOUBLE_MARK.fullmatch(doc[closing.i + 2].text):  # `called people "losers" and "sad"`
        following = _closing_mark(doc[closing.i + 2])
        if following is None:  # an item left open: the name ends at the last closed one
            break
        closing = following
    content = content_ranges(doc, [(verb.i + 1, closing.i + 1)])
    if not content:
        return None
    return Cue(QUOTED_NAME, _cue_range(verb, lexicon), content, subject_of(verb, content), verb)


def _closing_mark(opening: Token) -> Token | None:
    """The next double quotation mark after an opening one, within a characterisation's length."""
    return next((t for t in opening.doc[opening.i + 1:opening.i + MAX_CAST_TOKENS] if DOUBLE_MARK.fullmatch(t.text)),
                None)


def _cast_object(verb: Token, as_: Token) -> Token | None:
    """What a verb casts as something: its object (`admires Putin as`), else the object of a
    preposition right after it (`has gone after Trump as`), before the `as`."""
    for child in verb.children:
        if child.dep_ == "dobj" and verb.i < child.i < as_.i:
            return child
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.dep_ == "prep" and after.head == verb:
        return next((o for o in after.children if o.dep_ == "pobj" and o.i < as_.i), None)
    return None


def parenthetical_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`Acts of protest, Mr. Obama said, are acts of patriotism`, `His leverage, they believe, is
    intact`: the cue set off by commas inside the clause it reports (the parser makes it a
    parataxis of that clause's verb)."""
    speech = verb.lower_ in lexicon.speech
    if not (speech or verb.lower_ in lexicon.belief) or verb.dep_ != "parataxis":
        return None
    if _children(verb, *CLAUSE_DEPS) or _reports_its_object(verb, lexicon) or not _children(verb, *SUBJECT_DEPS):
        return None
    doc, head = verb.doc, verb.head
    verb_start, verb_end = subtree_bounds(verb)
    verb_start, verb_end = trim_tokens(doc, _after_opening_clause(verb, verb_start), verb_end)
    before_comma = verb_start > 0 and doc[verb_start - 1].text == ","
    after = doc[verb_end] if verb_end < len(doc) else None
    closing = after is None or after.text in (",", ".", "!", "?") or after.is_space
    if not (before_comma and closing):
        return None
    start, end = subtree_bounds(head)
    if verb_end >= trim_tokens(doc, start, end)[1] and head.dep_ == "advcl" and head.head.i > verb_end:
        start, end = subtree_bounds(head.head)  # `Though A was easy, he said, B would be hard`
    if verb_end >= trim_tokens(doc, start, end)[1]:
        return None  # sentence-final: `C, X said.` is the inverted rule's
    content = content_ranges(doc, [(start, verb_start), (verb_end, end)])
    if not content:
        return None
    subject = _set_off_subject(verb)
    source = subject if subject is not None and subject.dep_ == "appos" else subject_of(verb, content)
    if not speech and (source is None or source.lower_ in HEDGING_SUBJECTS):
        return None  # `I think`, `you know`: a hedge in speech, not a belief reported
    return Cue(PARENTHETICAL if speech else BELIEF, _cue_range(verb, lexicon), content, source, verb)


def _after_opening_clause(verb: Token, start: int) -> int:
    """Where a parenthetical cue starts: at its subject when the parser hung the clause before
    the comma on the cue (`If the talks fail, X warned, C`: `If the talks fail` is what X said)."""
    subject = _set_off_subject(verb)
    if subject is None or subject.i > verb.i:
        return start
    at = subject.left_edge.i
    return at if at > start and verb.doc[at - 1].text == "," else start


def _set_off_subject(verb: Token) -> Token | None:
    """The subject of a parenthetical cue. Where the parser took the noun that ends the phrase
    before the comma for the subject and the speaker for its apposition (`To understand the
    city, Mayor Ray Diaz said, C`: `city, Mayor Ray Diaz`), the apposition is the subject."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.i > verb.i:
        return subject
    doc = verb.doc
    appos = next((c for c in subject.rights if c.dep_ == "appos" and c.right_edge.i == verb.i - 1), None)
    opens_after_comma = subject.left_edge.i > 0 and doc[subject.left_edge.i - 1].text == ","
    if appos is None or opens_after_comma or doc[appos.left_edge.i - 1].text != ",":
        return subject
    return appos


def small_clause_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`called it X`, `described X as Y`: the content is object + predicate."""
    if verb.lower_ not in lexicon.small_clause:
        return None
    objects = _children(verb, "dobj") or _first_of_two_predicates(verb)
    predicates = [c for c in verb.children if c.i > verb.i and c not in objects and (
        c.dep_ in ("oprd", "ccomp", "xcomp", "attr") or (c.dep_ == "prep" and c.lower_ == "as")
        or (c.dep_ == "advcl" and c.left_edge.lower_ == "as"))]  # `as politically motivated`, a clause
    if objects and not predicates and any(
            (t.lower_ == "as" or t.dep_ == "appos") and t.i > objects[0].i for t in objects[0].subtree):
        predicates = objects[:1]  # `as Y` or `"Y"` parsed inside the object
    if len(objects) >= 2 and not predicates and verb.doc[objects[1].left_edge.i - 1].text not in SEPARATORS:
        objects, predicates = objects[:1], objects[1:2]  # `called it "the difference"` as two objects
    if not objects or not predicates:
        return None
    start = objects[0].left_edge.i
    end = max(p.right_edge.i for p in predicates) + 1
    for adjunct in verb.rights:  # `called it X during the campaign`: the adjunct is part of it
        if adjunct.i >= end and adjunct.dep_ == "prep" and verb.doc[adjunct.i - 1].text not in SEPARATORS:
            end = adjunct.right_edge.i + 1
    content = content_ranges(verb.doc, [(start, end)])
    if not content:
        return None
    return Cue(SMALL_CLAUSE, _cue_range(verb, lexicon), content, subject_of(verb, content), verb)


def _first_of_two_predicates(verb: Token) -> list[Token]:
    """`called Trump a "liar"` parsed with no object and two predicates: the first is the object."""
    predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
    return predicates[:1] if len(predicates) >= 2 else []


def passive_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`The launch was condemned as a breach of the accords by the minister`: as in the active
    small clause, the content is what is characterised (`The launch`) and the predicate (`a
    breach of the accords`); the source is the agent, which the parser may hang inside the
    predicate."""
    if (verb.lower_ not in lexicon.small_clause and verb.lower_ not in lexicon.objects) \
            or not _children(verb, "nsubjpass"):
        return None
    predicate = next((c for c in verb.rights if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")), None)
    if predicate is None and verb.lower_ not in lexicon.objects:
        return None
    if predicate is None:  # the verb's own agent, not one of a verb joined to it
        agent, source = None, agent_of(verb)
    else:
        agent = next((t for t in (*verb.rights, *predicate.subtree) if t.dep_ in ("agent", "prep")
                      and t.lower_ == "by" and t.i > predicate.i), None)
        source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if source is None:
        return None
    subject = _children(verb, "nsubjpass")[0]
    bounds = [subtree_bounds(subject)]
    if predicate is not None:
        bounds.append((predicate.i + 1 if predicate.lower_ == "as" else predicate.left_edge.i, agent.i))
    content = content_ranges(verb.doc, bounds)
    if not content:
        return None
    return Cue(PASSIVE, _cue_range(verb, lexicon), content, source, verb)


def phrasal_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`called for X`, `pointed out that C`, `made clear C`; the object may be a gerund's
    clause right after the particle (`called for tripling the fund`: 12 of 18 marked on PolNeAR
    train; not `called a charlatan by doctors for promoting X`)."""
    form = verb.lower_
    if verb.pos_ != "VERB":
        return None
    for particle in _particles(verb):
        role = lexicon.phrasal.get((form, particle.lower_))
        if role is None or particle.i < verb.i or _names_a_time(particle):
            continue
        if role == "object":  # `called for more artillery`, `called for tripling the fund`
            targets = _children(particle, "pobj") or [c for c in _children(verb, "dobj") if c.i > particle.i] \
                or [c for c in _children(particle, "pcomp") if c.tag_ == "VBG" and particle.i == verb.i + 1]
        else:
            targets = _children(verb, "ccomp") or _children(particle, "ccomp")
        if not targets or all(t.pos_ == "PRON" and t.left_edge == t.right_edge for t in targets):
            continue  # `warned against it`: a pronoun says nothing of what was said
        bounds = [(max(start, particle.i + 1), end) for start, end in map(subtree_bounds, targets)]
        if role == "object":
            bounds[-1] = (bounds[-1][0], _predicate_end(verb, _list_end(verb, bounds[-1][1]), lexicon))
        content = content_ranges(verb.doc, bounds)
        if content:
            return Cue(PHRASAL, _cue_range(verb, lexicon, particle), content, subject_of(verb, content), verb)
    return None


def _names_a_time(particle: Token) -> bool:
    """`Police were called to the house on Friday`: a preposition whose object is a date or a
    time says when, and is no particle of the verb (`called on Congress to act`)."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in particle.children)


def _particles(verb: Token) -> list[Token]:
    """The verb's own children, and the word right after it when the parser hung that on the
    verb's clause instead (`made clear it plans ...`, with `clear` read as the clause's)."""
    nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    misplaced = [nxt] if nxt is not None and nxt.head.head == verb and nxt.head.dep_ == "ccomp" else []
    return [*verb.children, *misplaced]


def _predicate_end(verb: Token, end: int, lexicon: Lexicon) -> int:
    """`called on people to protest peacefully`, `urged Congress to act`: an infinitive after the
    object says what the object is to do; object and predicate are the content together. After
    an adjunct the parser may take it for a purpose clause (`announced plans this week to close
    two plants`: on PolNeAR train 19 gained, 1 lost); then it ends before an aside."""
    doc = verb.doc
    for child in verb.rights:
        if child.left_edge.i >= end and child.dep_ in ("xcomp", "advcl") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children) \
                and doc[child.left_edge.i - 1].text not in SEPARATORS:
            end = child.right_edge.i + 1 if child.dep_ == "xcomp" else _before_aside(child)
    for child in verb.rights:
        if child.dep_ == "prep" and child.i == end and (child.lower_ not in lexicon.adjunct_preps
                                                        or _quotes_words(child, lexicon)):
            end = _phrase_end(child, lexicon)
    for child in verb.rights:  # `heralded the deal with the union as a "breakthrough"`: the cast is said too
        if child.dep_ == "prep" and child.lower_ == "as" and child.i >= end \
                and child.right_edge.i - child.i <= MAX_CAST_TOKENS and _holds_quote_mark(child):
            end = _cast_end(child, lexicon)
    return _past_open_quotation(verb, end, lexicon)


def _past_open_quotation(verb: Token, end: int, lexicon: Lexicon) -> int:
    """`called the ruling "judicial activism at its worst."`, with the parser's object ending at
    `activism`: content that opens a quotation runs on to its close, in the same sentence,
    unless someone else speaks outside the quotation on the way (`praised X, who vowed "..."`)."""
    doc, depth, speaks = verb.doc, 0, False
    for token in doc[verb.i + 1:verb.sent.end]:
        if token.i >= end and depth <= 0:
            return end
        depth += 1 if token.tag_ == "``" else -1 if token.tag_ == "''" else 0
        speaks = speaks or (depth == 0 and token.lower_ in lexicon.trigger_forms
                            and bool(_children(token, *SUBJECT_DEPS)))
        if token.i >= end and depth == 0:
            return end if speaks else token.i + 1
    return end


def _finding_end(verb: Token) -> int:
    """`the poll showed X with a lead over Y, earning 51 percent`: what a document shows is
    the rest of its predicate, up to a clause joined to it with a subject of its own."""
    end = verb.right_edge.i + 1
    for joined in _children(verb, "conj"):
        if joined.i > verb.i and _children(joined, *SUBJECT_DEPS):
            end = min(end, joined.left_edge.i)
    return end


def _before_aside(clause: Token) -> int:
    """Where a clause's words end before the first aside set off by a separator."""
    return next((t.i for t in clause.doc[clause.i:clause.right_edge.i + 1] if t.text in SEPARATORS),
                clause.right_edge.i + 1)


def _phrase_end(prep: Token, lexicon: Lexicon) -> int:
    """Where a preposition's phrase after the object ends: an `as` phrase may end early."""
    return _cast_end(prep, lexicon) if prep.lower_ == "as" else prep.right_edge.i + 1


def _cast_end(as_: Token, lexicon: Lexicon) -> int:
    """Where an `as` phrase's words end: `blasted X as a "disgrace" Wednesday on a radio show`
    is parsed with the day and the show hung on `disgrace`, but they are when and where it was
    said; after the closing mark, a time or a preposition of circumstance ends the phrase."""
    doc = as_.doc
    for token in doc[as_.i + 2:as_.right_edge.i + 1]:
        adjunct = token.dep_ == "npadvmod" or (token.dep_ == "prep" and token.lower_ in lexicon.adjunct_preps)
        if adjunct and token.head.i < token.i and DOUBLE_MARK.fullmatch(doc[token.i - 1].text) \
                and token.left_edge.i == token.i:
            return token.i
    return _comparison_end(doc, as_.right_edge.i + 1)


def _comparison_end(doc: Doc, end: int) -> int:
    """`rated 32% of the claims as "false", compared to 11% of the others`: a comparison right
    after the words is part of what was said, wherever the parser hung it (on PolNeAR train 28
    gold contents hold `compared to/with`, 11 stop before it)."""
    at = end
    while at < min(len(doc), end + 2) and (doc[at].text == "," or DOUBLE_MARK.fullmatch(doc[at].text)):
        at += 1
    if at + 1 < len(doc) and doc[at].lower_ == "compared" and doc[at + 1].lower_ in ("to", "with"):
        return max(end, doc[at].right_edge.i + 1)
    return end


def _quotes_words(prep: Token, lexicon: Lexicon) -> bool:
    """`likened the migrants to a "vicious snake"`, `credited X with holding "the continent
    together"`: quoted words in a phrase after the object say what the object was called or
    credited with, whatever the preposition; not so where a speech verb in the phrase has them
    (`by announcing that C was "true"` is a cue of its own)."""
    phrase = prep.doc[prep.i + 1:prep.right_edge.i + 1]
    return _holds_quote_mark(prep) and not any(t.lower_ in lexicon.speech and t.pos_ == "VERB" for t in phrase)


def _holds_quote_mark(token: Token) -> bool:
    """Whether a double quotation mark stands among a token and the words it heads to its right."""
    return _has_quote_mark(token.doc[token.i:token.right_edge.i + 1])


def _has_quote_mark(tokens: Span) -> bool:
    return any(DOUBLE_MARK.fullmatch(t.text) for t in tokens)


def _list_end(verb: Token, end: int) -> int:
    """`called for more artillery, more air defences, more munitions`: the parser often hangs
    the rest of a list on the verb; the content runs to the end of the list."""
    doc = verb.doc
    for child in verb.children:
        if child.i <= end or child.dep_ not in LIST_DEPS or child.pos_ not in ("NOUN", "PROPN"):
            continue
        if child.left_edge.i in (end, end + 1) and end < len(doc) and doc[end].text == ",":
            end = child.right_edge.i + 1
    return end


def object_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`condemned the launch`, `proposed appointing a trade prosecutor`: communication verbs
    whose object, a noun phrase or a gerund's clause, is what was said. On PolNeAR train the
    gerund is marked 14 times in 23."""
    if verb.lower_ not in lexicon.objects or verb.pos_ != "VERB":
        return None
    objects = [c for c in _children(verb, "dobj") if c.i > verb.i] \
        or [c for c in _children(verb, "xcomp") if c.tag_ == "VBG" and c.i > verb.i  # `proposed appointing X`
            and not _children(c, "neg")]  # `defended not paying X` says nothing was said
    if not objects:
        return None
    start, end = subtree_bounds(objects[0])
    end = _predicate_end(verb, end, lexicon)
    for child in verb.children:
        if child.i >= end and child.dep_ == "prep" and child.lower_ in ("of", "for", "as"):
            end = max(end, _phrase_end(child, lexicon))
    if end - start == 1 and objects[0].pos_ == "PRON":
        return None
    content = content_ranges(verb.doc, [(start, end)])
    if not content:
        return None
    return Cue(OBJECT, _cue_range(verb, lexicon), content, subject_of(verb, content), verb)


def according_cue(token: Token, lexicon: Lexicon) -> Cue | None:
    """`C, according to X`: the source is X and the content the rest of the sentence. An opening
    `According to X, C` whose parse hung C inside X's phrase ends the phrase at the comma."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or source is None:
        return None
    sent = token.sent
    phrase_start, phrase_end = subtree_bounds(token)
    if phrase_start == sent.start and phrase_end >= sent.end - 1:  # the parse swallowed C into X's phrase
        phrase_end = next((t.i + 1 for t in token.doc[source.i:phrase_end] if t.text == ","), phrase_end)
    content = content_ranges(token.doc, [(sent.start, phrase_start), (phrase_end, sent.end)])
    if not content:
        return None
    return Cue(ACCORDING, token_range([token, to]), content, source, token)


def document_cue(token: Token, lexicon: Lexicon) -> Cue | None:
    """`In a Des Moines Register poll, C`: a poll, report or statement that opens its sentence
    is the source of the clause it introduces."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.head.dep_ != "ROOT" or token.i > token.head.i:
        return None
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lower_ not in lexicon.document_nouns or token.i != token.sent.start \
            or lexicon.is_cue_form(token.head.lower_):  # `In a statement, X said C`: X's own cue
        return None
    phrase_end = subtree_bounds(token)[1]
    content = content_ranges(token.doc, [(phrase_end, token.sent.end)])
    return Cue(DOCUMENT, token_range([token]), content, source, token) if content else None


def view_cue(token: Token, lexicon: Lexicon) -> Cue | None:
    """`In his view, C`, `C, in Professor Ruiz's opinion`, `in the view of many economists, C`:
    a noun of opinion after `in`, with its holder, makes the clause the phrase sits in that
    holder's view (on PolNeAR train 8 of 13 `in X's view` are marked, most others inside quotes)."""
    noun = next((c for c in token.children if c.dep_ == "pobj"), None) if token.lower_ == "in" else None
    if noun is None or token.dep_ != "prep" or noun.lower_ not in lexicon.opinion_nouns:
        return None
    of = next((c for c in _children(noun, "prep") if c.lower_ == "of"), None)
    owner = _children(noun, "poss")
    holder = next(iter(owner or (_children(of, "pobj") if of is not None else [])), None)
    if holder is None or (owner and of is not None) or not _set_off_phrase(token):
        return None  # `wrong in its view of the market`: what is viewed, not a view held
    clause = token.head
    while clause.dep_ not in VIEW_CLAUSE_DEPS and clause.head != clause:
        clause = clause.head
    (start, end), (phrase_start, phrase_end) = subtree_bounds(clause), subtree_bounds(token)
    content = content_ranges(token.doc, [(start, phrase_start), (phrase_end, end)])
    return Cue(BELIEF, token_range([noun]), content, holder, token) if content else None


def _set_off_phrase(prep: Token) -> bool:
    """Whether a prepositional phrase opens its sentence or is set off by a comma."""
    doc, (start, end) = prep.doc, subtree_bounds(prep)
    return start == prep.sent.start or doc[start - 1].text == "," or (end < len(doc) and doc[end].text == ",")


def learned_cue(token: Token, lexicon: Lexicon) -> Cue | None:
    """A form the cue inventory learned in its frame (`data/learned_cues.tsv`): `the poll shows
    C`, `wants to C`, `the claim that C`, `his promise to C`, `X supports C`, `referring to C`,
    `X was accused of C` (said by no one named)."""
    found = frame_of(token, lexicon.document_nouns)
    if found is not None and found[1] == INFINITIVE and token.lower_ in lexicon.raising \
            and (token.lower_, found[1]) in lexicon.learned:
        return raising_cue(token)
    if found is None or (token.lower_, found[1]) not in lexicon.learned or token.lower_ in lexicon.raising:
        return None  # a raising verb's frame is `raising_cue`'s
    clause, frame = found
    if frame == INFINITIVE and _asks_anonymity(clause):
        return None
    if frame == OBJECT_FRAME and token.lower_ in lexicon.belief and _names_a_person(clause, lexicon):
        return None  # `who knew him for decades`: an acquaintance, not a belief
    if frame == AGENTLESS_PASSIVE:
        return _agentless_passive_cue(token)
    start, end = subtree_bounds(clause)
    if frame == DOCUMENT_OBJECT:
        end = _finding_end(token)
    elif frame == OBJECT_FRAME or frame.startswith(PREP_OBJECT):
        end = _predicate_end(token, end, lexicon)
    content = content_ranges(token.doc, [(start, end)])
    if not content:
        return None
    source = _noun_source(token) if frame == NOUN_CLAUSE else agent_of(token) if frame == PASSIVE_FRAME \
        else subject_of(token, content)
    if source is not None and _stands_for_a_thing(source, lexicon):
        return None
    cue = [token, clause.head] if frame.startswith(PREP_OBJECT) else [token]  # `referring to`
    rule = REFUSAL if token.lower_ in lexicon.refusals else LEARNED
    return Cue(rule, token_range(cue), content, source, token)


def _names_a_person(phrase: Token, lexicon: Lexicon) -> bool:
    """A person's pronoun or name alone (`him`, `Obama`): someone known, not something held."""
    return lexicon.pronouns.get(phrase.lower_) == "person" or (phrase.ent_type_ == "PERSON" and not any(
        c.dep_ in ("acl", "relcl", "prep") for c in phrase.children))


def unanswered_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`did not immediately respond to a request for comment`: a request left unanswered, a
    refusal whose content is what was not answered (on PolNeAR train 19 of 34 are marked)."""
    if lexicon.speech.get(verb.lower_) not in lexicon.answer_verbs or not _children(verb, "neg"):
        return None
    to = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "to"), None)
    asked = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if asked is None:
        return None
    content = content_ranges(verb.doc, [subtree_bounds(asked)])
    if not content:
        return None
    return Cue(REFUSAL, token_range([verb, to]) if to.i == verb.i + 1 else token_range([verb]), content,
               subject_of(verb, content), verb)


def withheld_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`would not say whether C`, `has not disclosed how many C`: a question the speaker left
    unanswered is a refusal, as `declined to say whether C` is (on PolNeAR train 10 of the 11
    it adds are marked). `did not say that C` is no refusal: a statement not made."""
    if lexicon.speech.get(verb.lower_) not in lexicon.disclosure_verbs or not _children(verb, "neg"):
        return None
    question = next((c for c in _children(verb, "ccomp", "xcomp") if c.i > verb.i
                     and c.left_edge.lower_ in QUESTION_WORDS), None)
    if question is None:
        return None
    content = content_ranges(verb.doc, [subtree_bounds(question)])
    return Cue(REFUSAL, token_range([verb]), content, subject_of(verb, content), verb) if content else None


def short_answer_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`46 percent of voters said yes`, `he said no to the war`, `a novel says so`, `73 percent
    said the same of Y`, `X said as much`: an answer right after a speech verb, and hung on it,
    is what was said (on PolNeAR train 20 of 21 one-word answers are marked)."""
    if verb.lower_ not in lexicon.speech:
        return None
    answer = next((c for c in verb.rights if c.left_edge.i == verb.i + 1), None)
    if answer is None or verb.doc[verb.i + 1:answer.i + 1].text.lower() not in lexicon.short_answers:
        return None
    end = answer.i + 1
    after = verb.doc[end] if end < len(verb.doc) else None
    if after is not None and after.lower_ in ANSWER_PREPOSITIONS and after.head in (verb, answer):
        end = after.right_edge.i + 1  # `no to the war`, `the same of Y`; not `in an interview`
    content = content_ranges(verb.doc, [(verb.i + 1, end)], asides=False)
    return Cue(CLAUSAL, token_range([verb]), content, subject_of(verb, content), verb) if content else None


def raising_cue(verb: Token) -> Cue | None:
    """`X is expected to C`, `X seemed to C`: what is attributed is the whole clause, `X is
    expected to C` (its subject belongs to the infinitive), and no one in the sentence holds
    it: the writer, or people unnamed."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in THING_SUBJECTS:
        return None
    content = content_ranges(verb.doc, [(subject.left_edge.i, verb.right_edge.i + 1)])
    return Cue(RAISING, token_range([verb]), content, None, verb) if content else None


def _agentless_passive_cue(verb: Token) -> Cue | None:
    """`X was accused of C`, `X is widely seen as C`: what is attributed is the subject and
    what the verb says of it, without the verb (the cue) or an aside set off after either;
    no one in the sentence holds it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ in THING_SUBJECTS:
        return None
    content = content_ranges(verb.doc, [subtree_bounds(subject), (verb.i + 1, _before_set_off(verb))])
    return Cue(AGENTLESS, token_range([verb]), content, None, verb) if len(content) == 2 else None


def _before_set_off(verb: Token) -> int:
    """Where a verb's phrase ends: before the first dependent after it that a comma or a dash
    sets off (`X refused, which prompted Y`: the aside is the writer's), else at its end."""
    return next((c.left_edge.i - 1 for c in verb.rights if c.left_edge.i - 1 > verb.i
                 and verb.doc[c.left_edge.i - 1].text in SEPARATORS), verb.right_edge.i + 1)


def impersonal_cue(verb: Token, lexicon: Lexicon) -> Cue | None:
    """`it seems C`, `it appears that C`, `it seems to me that C`: a raising verb with an empty
    `it` holds its clause for whoever it seems so to, the experiencer after `to`, else the writer
    (on PolNeAR train 12 of 18 such clauses are marked)."""
    if verb.lower_ not in lexicon.raising or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.lefts):
        return None
    clause = next((c for c in _children(verb, "ccomp") if c.i > verb.i), None)
    if clause is None or any(verb.i < c.i < clause.i for c in _children(verb, "acomp", "oprd", "attr")):
        return None  # `it seems unlikely that C` is the writer's judgement of C, not C held
    content = content_ranges(verb.doc, [subtree_bounds(clause)])
    to = next((c for c in _children(verb, "prep") if c.lower_ == "to" and c.i < clause.i), None)
    experiencer = next((o for o in _children(to, "pobj")), None) if to is not None else None
    return Cue(RAISING, token_range([verb]), content, experiencer, verb) if content else None


def hearsay_cue(adverb: Token, lexicon: Lexicon) -> Cue | None:
    """`X reportedly met Y`, `Reportedly, X met Y`: the clause the adverb modifies, from its
    subject to its end (before an aside set off by a comma), is what others said; no one in the
    sentence said it. On a cue verb (`X reportedly said C`) the adverb only hedges its quote."""
    verb = adverb.head
    if adverb.lower_ not in lexicon.hearsay_adverbs or adverb.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") \
            or lexicon.is_cue_form(verb.lower_) or verb.lower_ in lexicon.belief:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or subject.lower_ in THING_SUBJECTS:
        return None
    content = content_ranges(verb.doc, [(subject.left_edge.i, _before_set_off(verb))])
    return Cue(HEARSAY, token_range([adverb]), content, None, adverb) if content else None


def _noun_source(noun: Token) -> Token | None:
    """Whose claim or promise a noun of saying is: its possessor (`his promise`), or the subject
    of the verb it is the object of (`X made the claim that C`)."""
    owner = next((c for c in noun.children if c.dep_ in ("poss", "nsubj")), None)  # `Trump claims`, as a noun
    if owner is not None or noun.dep_ not in ("dobj", "attr"):
        return owner
    return next((c for c in noun.head.children if c.dep_ in SUBJECT_DEPS), None)


RULES: tuple[Callable[[Token, Lexicon], Cue | None], ...] = (
    unanswered_cue, withheld_cue, according_cue, document_cue, view_cue, phrasal_cue, clausal_cue, short_answer_cue,
    noun_cue, parenthetical_cue, small_clause_cue, passive_cue, inverted_cue, as_clause_cue, object_cue,
    impersonal_cue, learned_cue, cast_as_cue, quoted_name_cue, hearsay_cue)


def find_cues(doc: Doc, lexicon: Lexicon, skip: Callable[[int], bool]) -> Iterator[Cue]:
    """Every cue of the document, in text order; `skip(char)` hides cues inside quotations."""
    if not len(doc):
        return
    for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), lexicon.trigger_ids)).tolist():
        token = doc[i]
        if skip(token.idx):
            continue
        cue = next((cue for rule in RULES if (cue := rule(token, lexicon)) is not None), None)
        if cue is not None and (cue.rule == REFUSAL or not is_negated(token, lexicon)) \
                and not _recalled_by_a_body(cue, lexicon):
            yield cue


def _recalled_by_a_body(cue: Cue, lexicon: Lexicon) -> bool:
    """`Ford recalled 40,000 trucks`: a body that recalls takes goods or envoys back; only a
    person recalls what was said or done (`data/memory_verbs.txt`)."""
    source = cue.source
    return cue.trigger.lower_ in lexicon.memory_verbs and source is not None \
        and (source.ent_type_ in INSTITUTIONS or source.lower_ in lexicon.org_nouns)
