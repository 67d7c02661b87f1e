"""Indexes over one document, built once, so that no question about a position scans the text.

`TextIndex` answers questions about characters (which paragraph, which quotation, how many
letters); `TokenIndex` about tokens (the first at a character, the sentence of a token).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .marks import QuotedSpan, paragraphs
from .spans import DASHES
from .types import Range


class TextIndex:
    """Constant-time questions about positions in the text: paragraph, quotation, letters."""

    def __init__(self, text: str, quoted: list[QuotedSpan], lexicon: Lexicon) -> None:
        self.text = text
        self.quoted = quoted
        self.opens = [q.open_at for q in quoted]
        self.paras = list(paragraphs(text))
        self.para_starts = [s for s, _ in self.paras]
        self.boiler = [bool(lexicon.boilerplate.search(text[s:e])) for s, e in self.paras]
        self.alnum = [0, *accumulate(ch.isalnum() for ch in text)]

    def paragraph(self, i: int) -> int:
        return max(0, bisect_right(self.para_starts, i) - 1)

    def is_boilerplate(self, i: int) -> bool:
        return bool(self.paras) and self.boiler[self.paragraph(i)]

    def letters(self, start: int, end: int) -> int:
        return self.alnum[end] - self.alnum[start]

    def quote_at(self, i: int) -> QuotedSpan | None:
        """The quotation whose marks enclose position `i`."""
        k = bisect_right(self.opens, i) - 1
        for j in (k, k - 1):
            if j >= 0 and self.quoted[j].open_at <= i <= self.quoted[j].close_at:
                return self.quoted[j]
        return None

    def overlapping(self, start: int, end: int) -> list[QuotedSpan]:
        k = max(0, bisect_left(self.opens, start) - 1)
        out = []
        while k < len(self.quoted) and self.quoted[k].open_at < end:
            q = self.quoted[k]
            if q.close_at > start:
                out.append(q)
            k += 1
        return out

    def paragraph_start(self, i: int) -> int:
        return self.para_starts[self.paragraph(i)] if self.paras else 0

    def last_visible_char(self, i: int) -> str:
        """The last character before `i` in its paragraph that is not white space, or ''."""
        j, start = i - 1, self.paragraph_start(i)
        while j >= start and self.text[j].isspace():
            j -= 1
        return self.text[j] if j >= start else ""

    def paragraph_ends_with(self, k: int, char: str) -> bool:
        """Whether paragraph `k`'s last visible character is `char`."""
        start, end = self.paras[k]
        return self.text[start:end].rstrip().endswith(char)

    def standalone(self, q: QuotedSpan) -> bool:
        """Whether a quotation is a sentence of its own, not a phrase inside the writer's."""
        before = self.last_visible_char(q.open_at)
        return not before or before in ":,;.!?([" or before in DASHES


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, read from one array instead of building every
    sentence `Span` (the same list as `[s.start for s in doc.sents]`)."""
    if not len(doc):
        return []
    starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    return starts if starts and starts[0] == 0 else [0, *starts]


class TokenIndex:
    """Tokens by character offset and by sentence, so no question scans the document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = doc.to_array(IDX).tolist() if len(doc) else []
        self.sent_starts = sentence_starts(doc)

    def first_at(self, char: int) -> int:
        """Index of the first token starting at or after `char`."""
        return bisect_left(self.starts, char)

    def sentence(self, i: int) -> Range:
        """Token range of the sentence holding token `i`."""
        k = bisect_right(self.sent_starts, i) - 1
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return self.sent_starts[k], end

    def between(self, start: int, end: int) -> list[Token]:
        """Tokens starting in the character range [start, end)."""
        return [self.doc[k] for k in range(self.first_at(start), self.first_at(end))]
