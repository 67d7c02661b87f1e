"""Attributions inside attributions: which of two nested cues is the quote a reader marks.

`The mayor said she thinks the plan will fail` holds two cues, `said` and `thinks`, the second
inside the content of the first. A reader marks one attribution, the mayor's: what she thinks
is part of what she said (the seeds' `ANNOTATION.md` leaves speech reported inside someone
else's out, and PolNeAR dev nests 6 of its 1,845 reported attributions). So a cue whose word
lies inside another cue's content is dropped, with one exception: a participle that trails the
clause after a comma (`X said C, arguing that D`) is the speaker's next statement, a quote of
its own, and the first quote ends at that comma.

The check sorts every content fragment once and answers each cue by bisection, so a document
with thousands of cues costs O(n log n), not a comparison of every pair.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Token

from .reported import Cue
from .spans import SEPARATORS

#: what may stand before a trailing participle: `, arguing`, `-- arguing`, `— arguing`
PARTICIPLE_SEPARATORS = SEPARATORS | {"--"}


def outermost(cues: list[Cue]) -> list[Cue]:
    """The cues a reader marks, in their given order: each nested cue is dropped, each trailing
    participle kept and the content it trails cut before it.

    `The mayor said she thinks the plan will fail`: [`said`, `thinks`] -> [`said`];
    `X said C, arguing that D`: [`said` (C, arguing that D), `arguing` (D)] ->
    [`said` (C), `arguing` (D)].
    """
    covering = _Coverage(cues)
    cuts: dict[int, Token] = {}
    dropped: set[int] = set()
    for k, cue in enumerate(cues):
        outer = covering.outer_of(k)
        if outer is None:
            continue
        comma = _trailing_separator(cue, cues[outer])
        if comma is None:
            dropped.add(k)
        elif outer not in cuts or comma.i < cuts[outer].i:
            cuts[outer] = comma
    return [_cut_at(cue, cuts[k]) if k in cuts else cue for k, cue in enumerate(cues) if k not in dropped]


class _Coverage:
    """For each cue, the cue whose content reaches furthest past its cue word, if any covers it."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = cues
        fragments = sorted((start, end, k) for k, cue in enumerate(cues) for start, end in cue.content)
        self.starts = [start for start, _, _ in fragments]
        # the two furthest-reaching fragments of different cues among the first i + 1 by start
        self.best: list[tuple[tuple[int, int], tuple[int, int]]] = []
        first, second = (-1, -1), (-1, -1)  # (end, cue index)
        for _, end, k in fragments:
            if end > first[0]:
                first, second = (end, k), (first if first[1] != k else second)
            elif end > second[0] and k != first[1]:
                second = (end, k)
            self.best.append((first, second))

    def outer_of(self, k: int) -> int | None:
        """Another cue whose content holds cue `k`'s word (the one reaching furthest past it)."""
        at = self.cues[k].cue[0]
        i = bisect_right(self.starts, at) - 1
        if i < 0:
            return None
        first, second = self.best[i]
        end, outer = first if first[1] != k else second
        return outer if end > at else None


def _trailing_separator(inner: Cue, outer: Cue) -> Token | None:
    """The comma or dash before a participle that carries the outer content to its end: `X said
    C, arguing that D`."""
    trigger = inner.trigger
    if trigger.tag_ != "VBG" or trigger.i == 0 or inner.content[-1][1] < outer.content[-1][1]:
        return None
    before = trigger.doc[trigger.i - 1]
    return before if before.text in PARTICIPLE_SEPARATORS else None


def _cut_at(cue: Cue, separator: Token) -> Cue:
    """The cue with its content ending where the word before a separator ends."""
    word = separator.nbor(-1) if separator.i > 0 else separator
    while word.is_space and word.i > 0:  # a line break the parser made a token
        word = word.nbor(-1)
    stop = word.idx + len(word.text)
    content = tuple((start, min(end, stop)) for start, end in cue.content if start < stop)
    return replace(cue, content=content) if content else cue
