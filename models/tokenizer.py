"""A guard around spaCy's tokenizer for text with very long runs of non-space characters.

spaCy's tokenizer peels prefixes and suffixes off a whitespace-delimited chunk one at a time,
which is quadratic in the chunk's length: 10,000 quotation marks with no space between them
take 11 s, 200,000 would take an hour. Cutting such runs into pieces of at most `MAX_RUN`
characters, tokenizing each piece and joining the docs keeps the cost linear and the text
(and so every offset) exactly as given. Text without such runs goes to spaCy untouched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Doc

MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def pieces(text: str, max_run: int = MAX_RUN) -> Iterator[str]:
    """`text` cut inside long non-space runs only, so that no piece holds a run over `max_run`.

    >>> [len(p) for p in pieces("ab " + "x" * 250, max_run=100)]
    [103, 100, 50]
    """
    start = 0
    for run in re.finditer(rf"\S{{{max_run + 1},}}", text):
        cut = run.start() + max_run
        while cut < run.end():
            yield text[start:cut]
            start, cut = cut, cut + max_run
    yield text[start:]


class BoundedTokenizer:
    """Wraps a tokenizer; long non-space runs are tokenized piece by piece."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if not _LONG_RUN.search(text):
            return self.tokenizer(text)
        docs = [self.tokenizer(piece) for piece in pieces(text)]
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str):  # the rest of spaCy's tokenizer API (vocab, pipe, ...)
        return getattr(self.tokenizer, name)
