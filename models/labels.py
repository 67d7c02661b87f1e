"""Speaker labels: a line that opens with a name and a colon reports what that source said.

Headlines (`Sanders: Clinton needs to get away from personality`) and transcripts
(`WALLACE: If I may, sir, ...`) attribute without a verb. The label must name someone the
article names elsewhere as a person or organisation, or be a document noun (`Poll: ...`);
section labels (`UPDATE:`, `Editor's note:`) never count. One regular expression over the
text and one pass over the entities: linear in the length of the article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from spacy.tokens import Doc, Token

from .entity_types import NAMED_SOURCES
from .lexicon import Lexicon
from .types import Range

#: `Name: statement` on its own line; an opening mark before the name is allowed (transcripts)
LABELLED_LINE = re.compile(r"""(?m)^[ \t]*["“]?(?P<label>[^\n:"“”]{2,40}?):[ \t]+(?P<said>\S[^\n]*?)[ \t]*$""")
#: an interview transcript: question lines `Q: ...` and the interviewee's answer lines `A: ...`
QUESTION_LINE = re.compile(r"(?m)^[ \t]*Q:[ \t]+\S")
ANSWER_LINE = re.compile(r"(?m)^[ \t]*(?P<letter>A):[ \t]+(?P<said>\S[^\n]*?)[ \t]*$")
#: fewest question lines that make a transcript of an interview
MIN_QUESTIONS = 2
MAX_LABEL_WORDS = 3
MIN_STATEMENT_WORDS = 3
#: a headline label may say whom or where its source spoke to: `Obama on Climate Change:`,
#: `Clinton to Planned Parenthood:`, `Former AG Mukasey at RNC:`; the source is the words before
TOPIC_PREPOSITIONS = frozenset({"on", "to", "at", "about"})


@dataclass(frozen=True, slots=True)
class Label:
    """One labelled line: the colon is the cue, the label the source, the rest what was said."""

    colon: Range
    said: Range
    source: Token
    mention: Range


def names_in(doc: Doc) -> dict[str, tuple[int, int]]:
    """Each lower-cased word of a person's or organisation's name in `doc`, with the first
    and last character offsets where it was found."""
    found: dict[str, tuple[int, int]] = {}
    for ent in doc.ents:
        if ent.label_ in NAMED_SOURCES:
            for word in ent.text.lower().split():
                first, _ = found.get(word, (ent.start_char, 0))
                found[word] = (first, ent.start_char)
    return found


def is_source_label(label: str, named_elsewhere: Callable[[str], bool], lexicon: Lexicon) -> bool:
    """Whether the words before a colon name a source rather than a section.

    >>> from models.lexicon import load_lexicon
    >>> is_source_label("Sanders", lambda word: word == "sanders", load_lexicon())
    True
    >>> is_source_label("UPDATE", lambda word: True, load_lexicon())
    False
    """
    words = label.split()
    if not 1 <= len(words) <= MAX_LABEL_WORDS or not all(w[:1].isupper() for w in words):
        return False
    if label.lower() in lexicon.section_labels:
        return False
    last = words[-1].lower()
    return last in lexicon.document_nouns or named_elsewhere(last)


def labelled_lines(doc: Doc, text: str, lexicon: Lexicon) -> Iterator[Label]:
    """Each line of `doc` (whose text is `text`) that a source label opens."""
    known = None
    for match in LABELLED_LINE.finditer(text):
        if len(match["said"].split()) < MIN_STATEMENT_WORDS:
            continue
        known = names_in(doc) if known is None else known
        named_elsewhere = partial(_named_outside, known, match.span())
        start, end = source_part(*_stripped(match, "label"), text)
        if not is_source_label(text[start:end], named_elsewhere, lexicon):
            continue
        label = doc.char_span(start, end, alignment_mode="expand")
        colon = doc.char_span(match.end("label"), match.end("label") + 1, alignment_mode="expand")
        if label is None or colon is None or not len(label) or not len(colon):
            continue
        yield Label((colon.start_char, colon.end_char), match.span("said"), label.root,
                    (label.start_char, label.end_char))
    yield from interview_answers(doc, text)


def interview_answers(doc: Doc, text: str) -> Iterator[Label]:
    """`Q: ... A: ...`: in an interview transcript (two question lines or more) each answer line
    is the interviewee's, the person the article names most often before the first question
    (`Diane Guerrero` over the characters she plays; `Biden` over the reporters he spoke to)."""
    questions = [m.start() for m in QUESTION_LINE.finditer(text)]
    if len(questions) < MIN_QUESTIONS:
        return
    interviewee = _most_named_person(doc, questions[0])
    if interviewee is None:
        return
    for match in ANSWER_LINE.finditer(text):
        if match.start() > questions[0] and len(match["said"].split()) >= MIN_STATEMENT_WORDS:
            letter = match.start("letter")
            yield Label((letter + 1, letter + 2), match.span("said"), interviewee, (letter, letter + 1))


def _most_named_person(doc: Doc, before: int) -> Token | None:
    """The person named most often before character `before` (by surname; the first named on a
    tie), at their fullest mention."""
    people = [ent for ent in doc.ents if ent.label_ == "PERSON" and ent.end_char <= before]
    if not people:
        return None
    surnames = Counter(ent[-1].lower_ for ent in people)
    first: dict[str, int] = {}
    for k, ent in enumerate(people):
        first.setdefault(ent[-1].lower_, k)
    top = max(surnames, key=lambda name: (surnames[name], -first[name]))
    return max((ent for ent in people if ent[-1].lower_ == top), key=len).root


def source_part(start: int, end: int, text: str) -> tuple[int, int]:
    """The source's words of a label: those before a preposition that says whom or where it
    spoke to, if any come before it.

    >>> text = "Clinton to Planned Parenthood"
    >>> text[slice(*source_part(0, len(text), text))]
    'Clinton'
    """
    at = start
    for word in text[start:end].split(" "):
        if word.lower() in TOPIC_PREPOSITIONS and at > start:
            return start, at - 1
        at += len(word) + 1
    return start, end


def _named_outside(known: dict[str, tuple[int, int]], line: Range, word: str) -> bool:
    """Whether `word` is part of a name found outside `line`: a label does not vouch for itself."""
    return any(not line[0] <= at < line[1] for at in known.get(word, ()))


def _stripped(match: re.Match[str], group: str) -> tuple[int, int]:
    start, end = match.span(group)
    value = match[group]
    return start + len(value) - len(value.lstrip()), end - len(value) + len(value.rstrip())
