"""Spans on the parse: token and character ranges of content, trimmed of what is not said.

General helpers the cue rules share: the character range of tokens, a content range without
a leading `that`, edge punctuation or a trailing aside (`..., who ...`), and the source token
of a verb. They know no cue words; the rules in `reported.py` do.
"""

from __future__ import annotations

import re
from functools import cache

import numpy
from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import PROPN
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .entity_types import SPEAKERS
from .types import Range

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLAUSE_DEPS = ("ccomp",)
INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "acl", "prep", "advmod", "acomp"})
#: subjects of an adjective that are no one: `It is worth noting C` is the writer's aside
EXPLETIVES = frozenset({"it", "there"})
LEADING_JUNK = frozenset({"that", "whether", ",", ":", "-", "—", "–", ";"})
TRAILING_JUNK = frozenset({".", ",", ";", ":", "-", "—", "–", "!", "?"})
SEPARATORS = frozenset({",", "—", "–", "-"})
ASIDE_DEPS = frozenset({"relcl", "appos"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
ASIDE_WINDOW = 80  # tokens looked back for a trailing aside: bounded, however long the content
DASHES = frozenset("-–—―")
#: a wire dateline that opens a paragraph: `LONDON (Reuters) -`, `BUFFALO, N.Y. (AP) —`; the place
#: in capitals, a state or country after a comma, a date, the agency in brackets, then a dash
DATELINE = re.compile(r"[A-Z][A-Z.'’]*[A-Z.](?: [A-Z][A-Z.'’]*){0,3}"  # the place, in four words at most
                      r"(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?"  # its state or country
                      r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"  # the date: `, Dec. 11`
                      r"(?: ?\([^()\n]{1,40}\))? ?(?:-- ?|[–—] ?|- )")  # the agency, the dash (`AP-GfK` has none)
#: the most tokens a dateline runs to (`CAMBRIDGE, Mass., Dec. 11 (UPI) —` is 11)
MAX_DATELINE_TOKENS = 12


def joins_words(token: Token) -> bool:
    """A hyphen inside a compound word (`Florida-based`, `Urban-Brookings`), not a dash that
    sets off an aside: nothing separates it from the words either side."""
    doc = token.doc
    return token.text in DASHES and not token.whitespace_ and 0 < token.i < len(doc) - 1 \
        and not doc[token.i - 1].whitespace_


def joins_compound(token: Token) -> bool:
    """A hyphen proper inside a compound word (`co-founder`); a dash with no space either side
    may still set off an aside (`the Post—even the devil`).

    >>> import spacy
    >>> doc = spacy.blank("en")("the co-founder and the Post—even the devil")
    >>> [joins_compound(t) for t in doc if t.text in "-—"]
    [True, False]
    """
    return token.text == "-" and joins_words(token)


def after_a_hyphen(token: Token) -> bool:
    """The last word of a hyphenated compound: `based` in `Florida-based`."""
    return token.i > 0 and joins_words(token.doc[token.i - 1])


@cache
def _string_ids(words: frozenset[str]) -> numpy.ndarray:
    return numpy.array(sorted(get_string_id(w) for w in words), dtype=numpy.uint64)


def tokens_in(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens of a document whose lower-case form is one of `words`, found in one array
    pass rather than by making every token an object."""
    if not len(doc):
        return []
    hits = numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), _string_ids(words)))
    return [doc[i] for i in hits.tolist()]


def proper_nouns(doc: Doc) -> list[Token]:
    """The proper nouns of a document, found in one array pass (names can only be among them)."""
    if not len(doc):
        return []
    return [doc[i] for i in numpy.flatnonzero(doc.to_array(POS) == PROPN).tolist()]


def token_range(tokens: list[Token] | Span) -> Range:
    """Character range covering the tokens, without trailing white space."""
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


OPENING_BRACKETS, CLOSING_BRACKETS = "([{", ")]}"


def is_loose_mark(token: Token) -> bool:
    """Punctuation or space a phrase does not end on; a percent sign is part of its number
    (`42% say C`: the speaker is `42%`).

    >>> import spacy
    >>> [is_loose_mark(t) for t in spacy.blank("en")("42% ,")]
    [False, False, True]
    """
    return token.is_space or (token.is_punct and token.text != "%")


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds [start, end) without leading 'that', punctuation at either edge or a trailing coordinator."""
    while start < end and (doc[start].lower_ in LEADING_JUNK or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in TRAILING_JUNK or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"):
        end -= 1  # a coordinator left dangling where the next conjunct was cut off (`would do and`)
    return start, end


def closes_a_bracket(doc: Doc, start: int, end: int) -> bool:
    """Whether the last token of [start, end) closes a bracket opened inside the span: it belongs
    to the span then, as the words it encloses do.

    >>> import spacy
    >>> doc = spacy.blank("en")("Sen. Alex Padilla (D-Calif.)")
    >>> closes_a_bracket(doc, 0, len(doc)), closes_a_bracket(doc, len(doc) - 1, len(doc))
    (True, False)
    """
    closing = doc[end - 1].text
    if closing not in CLOSING_BRACKETS:
        return False
    opening = OPENING_BRACKETS[CLOSING_BRACKETS.index(closing)]
    depth = sum((t.text == opening) - (t.text == closing) for t in doc[start:end - 1])
    return depth > 0


def through_closing_bracket(doc: Doc, start: int, end: int) -> int:
    """The end of [start, end), taking in the next token where it closes a bracket the span left
    open (`approved by the board (and its chair)`: the parser hangs `)` outside the clause)."""
    return end + 1 if end < len(doc) and closes_a_bracket(doc, start, end + 1) else end


def without_trailing_asides(doc: Doc, start: int, end: int) -> int:
    """The end of the content before trailing asides set off by a comma or dash.

    `units were spotted in the area, where forces have been active` and `Rubio -- a senator
    who ...`: a relative clause or an apposition after the comma is the writer's addition.
    (Participle clauses, `..., leading to ...`, are kept: annotators count them as said.)
    """
    i = end - 1
    while i > max(start, end - ASIDE_WINDOW):
        if doc[i].text in SEPARATORS and i + 1 < end:
            if not _aside_from(doc[i + 1], i, end):
                break
            end = i
        i -= 1
    return end


def _aside_from(first: Token, separator: int, end: int) -> bool:
    """Whether the tokens from `first` to `end` are one relative clause or apposition that
    hangs from a word before the separator."""
    root = first
    while separator < root.head.i < end and root.head.i != root.i:
        root = root.head
    if root.dep_ not in ASIDE_DEPS or root.head.i >= separator or root.left_edge.i <= separator \
            or root.right_edge.i + 1 < end:
        return False
    # an apposition after a comma may be the next item of a list (`more artillery, more
    # munitions`): only one that follows a dash or describes a name is an aside
    return root.dep_ != "appos" or first.doc[separator].text != "," or root.head.pos_ == "PROPN"


def agent_of(verb: Token) -> Token | None:
    """The noun of a passive verb's `by` phrase (`C was reported by the Post`: Post), if any."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: `the senator` in `the senator, who said ...`."""
    clause = pronoun.head
    if pronoun.lower_ not in RELATIVE_PRONOUNS or clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    antecedent = clause.head
    if antecedent.dep_ == "appos" and antecedent.head.ent_type_ == "PERSON":
        return antecedent.head  # `X, a staffer at the agency who said ...`: X
    return antecedent


def past_stray_article(subject: Token, start: int) -> int:
    """`a move economists say C`: an `a` cannot go with a plural head, so the parser compounded a
    phrase the speaker does not belong to onto it (`a move | economists`); the mention starts
    after that phrase's singular nouns.

    >>> import spacy
    >>> doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=["a", "move", "economists", "say"],
    ...     heads=[2, 2, 3, 3], deps=["det", "compound", "nsubj", "ROOT"], tags=["DT", "NN", "NNS", "VBP"])
    >>> past_stray_article(doc[2], 0)
    2
    """
    doc = subject.doc
    if subject.tag_ not in ("NNS", "NNPS") or doc[start].lower_ not in ("a", "an") or doc[start].head != subject:
        return start
    end = start + 1
    while end < subject.i and doc[end].dep_ == "compound" and doc[end].tag_ in ("NN", "NNP"):
        end += 1
    return end if end > start + 1 else start


def subtree_bounds(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def after_dateline(doc: Doc, start: int) -> int:
    """The first token after a dateline that opens the paragraph at token `start`, else `start`:
    `LONDON (Reuters) - The firm will C, its chief said` did not say where it was written.

    >>> import spacy
    >>> doc = spacy.blank("en")("BUFFALO, N.Y. (AP) — The mayor will run, aides said.")
    >>> doc[after_dateline(doc, 0)].text
    'The'
    """
    if start >= len(doc) or (start > 0 and "\n" not in doc[start - 1].text_with_ws):
        return start
    # a dateline is a few tokens: match on them, not on `doc.text`, which is built anew at each call
    found = DATELINE.match(doc[start:start + MAX_DATELINE_TOKENS + 1].text_with_ws)
    if found is None:
        return start
    end = doc[start].idx + found.end()
    while start < len(doc) and doc[start].idx < end:
        start += 1
    return start


def content_ranges(doc: Doc, bounds: list[tuple[int, int]], asides: bool = True) -> tuple[Range, ...]:
    """Trimmed, non-empty character ranges for token bounds; trailing asides cut unless `asides` is off."""
    out = []
    for start, end in bounds:
        start, end = trim_tokens(doc, after_dateline(doc, start), end)
        if asides and end - start > 2:
            start, end = trim_tokens(doc, start, without_trailing_asides(doc, start, end))
        end = through_closing_bracket(doc, start, end)
        if start < end:
            out.append(token_range(doc[start:end]))
    return tuple(out)


def inside(i: int, ranges: tuple[Range, ...]) -> bool:
    """Whether character `i` lies in one of the ranges."""
    return any(s <= i < e for s, e in ranges)


def subject_of(verb: Token, content: tuple[Range, ...] = ()) -> Token | None:
    """The source of a cue: its own subject, or that of the verb it hangs from.

    `X said A and added B`, `X spoke, saying B`, `X responded by saying B` and `X was quick to
    point out B` share X (the climb passes through a preposition or an adjective, where an
    expletive `it` is no one's: `It is worth noting B`); in `X, who said B` the source
    is `who`, standing for X. A subject inside the content (the parser's mistake in
    `"A: B," he said`) is passed over; of two subjects the parser gave one verb (`BUFFALO, N.Y.
    -- "...," the mayor said`), the nearer one is taken.
    """
    token, via_adjective = verb, False
    for _ in range(5):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and not inside(c.idx, content)]
        if subjects:  # `who` in `X, who said C`: the resolver finds X
            subject = min(subjects, key=lambda c: abs(c.i - token.i))  # two? the nearer (not a dateline)
            return None if via_adjective and subject.lower_ in EXPLETIVES else _past_dateline(subject)
        if token.dep_ not in INHERIT_DEPS or token.head.i == token.i:
            return name_left_of(token) or subject_of_set_off_participle(token)
        via_adjective = via_adjective or token.dep_ == "acomp"
        # a cue joined to a reported clause climbs past it to the verb that reports it
        token = token.head.head if _joins_a_reported_clause(token) else token.head
    return None


def _past_dateline(subject: Token) -> Token:
    """`BERLIN (Reuters) - Chancellor X said C`: where the parser made the dateline's place the
    subject and the speaker its apposition, the apposition is the subject."""
    end = dateline_end(subject)
    if subject.i >= end:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i >= end), subject)


def dateline_end(token: Token) -> int:
    """The first token after the dateline that opens the paragraph of `token`, if `token` is
    near enough that paragraph's start to be in one; else 0.

    >>> import spacy
    >>> doc = spacy.blank("en")("JACKSON, Miss. - Judge Carlton Reeves ruled.")
    >>> doc[dateline_end(doc[6])].text
    'Judge'
    """
    doc, start = token.doc, token.i
    for _ in range(MAX_DATELINE_TOKENS):
        if start == 0 or "\n" in doc[start - 1].text_with_ws:
            return after_dateline(doc, start)
        start -= 1
    return 0


def name_left_of(verb: Token) -> Token | None:
    """`..., Obama and Clinton call them ...` with the names parsed into the phrase before: a
    finite verb with no subject takes the named entity right before it (the first of a list)."""
    if verb.tag_ not in ("VBP", "VBZ", "VBD") or verb.i == 0:
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" or name.ent_type_ not in SPEAKERS:
        return None
    while name.dep_ == "conj" and name.head.pos_ == "PROPN":
        name = name.head
    return name


def subject_of_set_off_participle(verb: Token) -> Token | None:
    """`Judge X, sentencing at Leeds Crown Court, said C`: where the parser made the subject the
    participle's, set off by commas before a verb left with none, it is the verb's.

    >>> import spacy
    >>> doc = Doc(spacy.blank("en").vocab, words=["Walsh", ",", "sentencing", "here", ",", "said", "no"],
    ...           heads=[2, 2, 5, 2, 5, 5, 5], deps=["nsubj", "punct", "advcl", "advmod", "punct", "ROOT", "dobj"])
    >>> subject_of_set_off_participle(doc[5]).text
    'Walsh'
    """
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    for clause in verb.lefts:
        if clause.dep_ != "advcl" or not (clause.tag_ in ("VBG", "VBN") or clause.lower_.endswith("ing")):
            continue
        subject = next((c for c in clause.lefts if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.i + 1 < clause.i and doc[subject.i + 1].text == ",":
            return subject
    return None


def _joins_a_reported_clause(verb: Token) -> bool:
    """`X noted that K had warned allies and accused them of ...`, `X said the tax was unfair,
    arguing that ...`: the parser joins `accused` or `arguing` to the reported clause, but a cue
    verb there is X's next statement, not K's."""
    trailing = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text in SEPARATORS
    return ((verb.dep_ == "conj" or trailing) and verb.head.dep_ in CLAUSE_DEPS
            and verb.head.head.pos_ in ("VERB", "AUX"))
