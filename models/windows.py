"""Long texts in bounded pieces, so that the memory a parse needs does not grow with the article.

spaCy's tok2vec layer holds its intermediate arrays for every token of every document in a
batch at once: about 15 kB per token. A 200,000-character article (46,000 tokens of prose)
parsed whole peaks near 800 MB, and a batch of them at that times the batch size. Cutting each
text into windows at paragraph breaks (where the parse has a sentence boundary anyway) and
parsing a bounded number of tokens at a time keeps the peak fixed, whatever the request holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sized
from typing import TypeVar

#: longest window of one text, in characters
WINDOW_CHARS = 10_000
#: most tokens parsed in one batch (the tok2vec peak is about 15 kB per token)
BATCH_TOKENS = 10_000
_LINE_BREAK = re.compile(r"\n")
_SPACE = re.compile(r"\s")


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> int | None:
    """End of the last match of `pattern` in text[start:end], or None."""
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 (the last one is wanted)
        pass
    return found.end() if found else None


def cut_point(text: str, start: int, size: int = WINDOW_CHARS) -> int:
    """Where the window that begins at `start` ends: after the last line break in its second half,
    else after its last white space there, else at `size` characters.

    >>> text = "a" * 6 + "\\n" + "b" * 10
    >>> cut_point(text, 0, size=10), cut_point(text, 0, size=100)
    (7, 17)
    """
    end = start + size
    if end >= len(text):
        return len(text)
    middle = start + size // 2
    return _last_match(_LINE_BREAK, text, middle, end) or _last_match(_SPACE, text, middle, end) or end


def windows(text: str, size: int = WINDOW_CHARS) -> list[str]:
    """`text` as consecutive pieces of at most `size` characters; joined, they are `text` again.

    >>> windows("one two three", size=8)
    ['one two ', 'three']
    """
    pieces, start = [], 0
    while start < len(text):
        end = cut_point(text, start, size)
        pieces.append(text[start:end])
        start = end
    return pieces or [text]


def windowed(texts: Iterable[str], size: int = WINDOW_CHARS) -> Iterator[tuple[str, bool]]:
    """The windows of `texts`, in order, each with whether it is the last of its text.

    >>> list(windowed(["ab cd", "ef"], size=3))
    [('ab ', False), ('cd', True), ('ef', True)]
    """
    for text in texts:
        pieces = windows(text, size)
        for n, piece in enumerate(pieces):
            yield piece, n == len(pieces) - 1


Item = TypeVar("Item", bound=tuple[Sized, bool])


def batches(items: Iterable[Item], max_size: int = BATCH_TOKENS, max_items: int = 16) -> Iterator[list[Item]]:
    """`(piece, last)` items in batches of at most `max_items` whose pieces' lengths add up to at
    most `max_size` (a longer piece is a batch of its own).

    >>> [[p for p, _ in b] for b in batches([("abc", 0), ("de", 1), ("f", 1)], max_size=4)]
    [['abc'], ['de', 'f']]
    """
    batch: list[Item] = []
    size = 0
    for item in items:
        if batch and (size + len(item[0]) > max_size or len(batch) >= max_items):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item[0])
    if batch:
        yield batch
