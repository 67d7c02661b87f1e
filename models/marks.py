"""Quotation marks: find the quoted stretches of a text without parsing it.

A single pass over the characters pairs opening and closing marks paragraph by
paragraph. A mark left open at the end of a paragraph either continues into the next
paragraph (which then opens with a mark: the newspaper convention for a quote that runs
over several paragraphs) or is dropped as stray. So an odd number of marks never costs
more than the paragraph it sits in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‹")
SINGLE_CLOSE = frozenset("’›")
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
#: two-character double marks: `''` (archives and wires that had no `"`) and TeX-style ``` `` ```
PAIRED_MARKS = ("''", "``")
#: where a double mark may start: the loop jumps from one to the next, not char by char
DOUBLE_MARK = re.compile("|".join(re.escape(m) for m in (*PAIRED_MARKS, STRAIGHT_DOUBLE, *DOUBLE_OPEN, *DOUBLE_CLOSE)))
#: characters after which a straight mark opens a quote
OPENERS_BEFORE = frozenset(" \t\r\n([{—–-/:;“‘")
#: longest stretch a single-quote pair may span: further apart they are apostrophes
MAX_SINGLE_QUOTE_CHARS = 300


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """One quotation between marks; `pieces` are the quoted text without the marks.

    A quote over several paragraphs has one piece a paragraph.
    """

    open_at: int
    close_at: int
    pieces: tuple[tuple[int, int], ...]
    single: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each line of `text` that holds something but white space.

    >>> list(paragraphs("a\\n\\n b"))
    [(0, 1), (3, 5)]
    """
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        if end == -1:
            end = length
        if text[start:end].strip():
            yield start, end
        start = end + 1


def mark_length(text: str, i: int) -> int:
    """Length of the double quotation mark at `i` (1 or 2), or 0 where there is none."""
    if text.startswith(PAIRED_MARKS, i):
        return 2
    return 1 if _is_double(text[i]) else 0


def _around(text: str, i: int, width: int = 1) -> tuple[str, str]:
    """The characters before `text[i]` and after the `width` characters from `i` (a space past
    either end of the text).

    >>> _around('say "hi"', 4), _around("''", 0, 2)
    ((' ', 'h'), (' ', ' '))
    """
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    return before, after


def _role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the double mark at `i`."""
    ch = text[i]
    if text.startswith(PAIRED_MARKS, i):
        before, after = _around(text, i, 2)
        if ch == "`" or (before in OPENERS_BEFORE and not after.isspace()):
            return "open"
        return "close" if not before.isspace() else "either"
    if ch == "“":  # opens in English, closes in German after „
        before, after = _around(text, i)
        return "close" if not before.isspace() and not after.isalnum() and before not in OPENERS_BEFORE else "open"
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        # some feeds use the closing curly mark for both ends
        before, after = _around(text, i)
        return "open" if before.isspace() and after.isalnum() else "close"
    before, after = _around(text, i)
    if before in OPENERS_BEFORE and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or not after.isalnum()):
        return "close"
    return "either"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink (start, end) past white space at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_double(ch: str) -> bool:
    return ch == STRAIGHT_DOUBLE or ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    first = end - len(text[start:end].lstrip())
    return first < end and mark_length(text, first) > 0 and _role(text, first) == "open"


def double_quotes(text: str) -> list[QuotedSpan]:
    """Pair double quotation marks (straight, curly, low-9 and guillemets).

    >>> text = 'He said "yes." Then "no"'
    >>> [text[s:e] for q in double_quotes(text) for s, e in q.pieces]
    ['yes.', 'no']
    >>> text = "''It is over,'' he said."
    >>> [text[q.start:q.end] for q in double_quotes(text)]
    ['It is over,']
    """
    spans: list[QuotedSpan] = []
    paras = list(paragraphs(text))
    carried: list[tuple[int, int]] = []  # pieces of a quote that runs over paragraphs
    carried_open = -1
    for index, (p_start, p_end) in enumerate(paras):
        open_at, open_len, i = -1, 0, p_start
        while (found := DOUBLE_MARK.search(text, i, p_end)) is not None:
            i = found.start()
            length = mark_length(text, i)
            role = _role(text, i)
            if open_at < 0 and role != "close":
                open_at, open_len = i, length
            elif open_at >= 0 and role != "open":
                pieces = [*carried, _trim(text, open_at + open_len, i)]
                first_open = carried_open if carried else open_at
                spans.append(QuotedSpan(first_open, i + length - 1, tuple(pieces)))
                carried, carried_open, open_at = [], -1, -1
            elif open_at >= 0:
                open_at, open_len = i, length  # a second opener: the first one was stray
            i += length
        if open_at < 0:
            carried, carried_open = [], -1
            continue
        following = paras[index + 1] if index + 1 < len(paras) else None
        if following and _opens_paragraph(text, *following):
            if not carried:
                carried_open = open_at
            carried.append(_trim(text, open_at + open_len, p_end))
        else:
            carried, carried_open = [], -1
    return [q for q in spans if all(s < e for s, e in q.pieces)]


def _single_opens(text: str, i: int) -> bool:
    before, after = _around(text, i)
    return (before in OPENERS_BEFORE or before == '"') and after.isalpha()


def _single_closes(text: str, i: int) -> bool:
    before, after = _around(text, i)
    return (before.isalnum() or before in ".,!?") and not after.isalnum()


def single_quotes(text: str, outside: list[QuotedSpan]) -> list[QuotedSpan]:
    """Pair single marks used as primary quotation marks (British style, headlines).

    Apostrophes (`Russia's`, `don't`) never open or close; single marks inside a
    double-quoted span are nested quotes and belong to it.

    >>> text = "US vows 'firm' response"
    >>> [text[q.start:q.end] for q in single_quotes(text, [])]
    ['firm']
    """
    inside = sorted((q.open_at, q.close_at) for q in outside)
    spans: list[QuotedSpan] = []
    for p_start, p_end in paragraphs(text):
        open_at = -1
        for i in range(p_start, p_end):
            ch = text[i]
            if ch != STRAIGHT_SINGLE and ch not in SINGLE_OPEN and ch not in SINGLE_CLOSE:
                continue
            if _within(inside, i) or text.startswith("''", i) or (i and text.startswith("''", i - 1)):
                continue  # inside a double quote, or half of a `''` mark
            if open_at >= 0 and i - open_at > MAX_SINGLE_QUOTE_CHARS:
                open_at = -1
            if open_at < 0:
                if ch not in SINGLE_CLOSE and _single_opens(text, i):
                    open_at = i
            elif ch not in SINGLE_OPEN and _single_closes(text, i):
                start, end = _trim(text, open_at + 1, i)
                if start < end:
                    spans.append(QuotedSpan(open_at, i, ((start, end),), single=True))
                open_at = -1
    return spans


def _within(ranges: list[tuple[int, int]], i: int) -> bool:
    """Whether `i` falls inside one of the sorted, disjoint (open, close) ranges."""
    lo, hi = 0, len(ranges)
    while lo < hi:
        mid = (lo + hi) // 2
        if ranges[mid][1] < i:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(ranges) and ranges[lo][0] <= i <= ranges[lo][1]


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """All quotations in `text`, in order: double-quoted ones and primary single-quoted ones."""
    doubles = double_quotes(text)
    return sorted(doubles + single_quotes(text, doubles), key=lambda q: q.open_at)
