"""Attributions inside attributions: which of two nested cues is the quote a reader marks.

`The mayor said she thinks the plan will fail` holds two cues, `said` and `thinks`, the second
inside the content of the first. A reader marks one attribution, the mayor's: what she thinks
is part of what she said (the seeds' `ANNOTATION.md` leaves speech reported inside someone
else's out, and PolNeAR dev nests 6 of its 1,845 reported attributions). So a cue whose word
lies inside another cue's content is dropped, with two exceptions. A participle that trails the
clause after a comma (`X said C, arguing that D`) is the speaker's next statement, a quote of
its own, and the first quote ends at that comma. So is a clause of its own joined to the content
whose cue introduces a quotation (`X said C, and Y replied, "Q"`; `split_quoting_clauses`).

Two cues can each lie in the other's content: in `He said the economy grew, according to two
aides` the parser hangs `according to` on `grew`, so it is inside what `said` reports, while
`He said ...` is what `according to` attributes. The writer's `according to` names the source
of the whole sentence, so the other content is cut before it and the usual check then keeps
the aides' attribution (before, both were dropped and the sentence gave nothing).

The check sorts every content fragment once and answers each cue by bisection, so a document
with thousands of cues costs O(n log n), not a comparison of every pair.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Token

from .reported import ACCORDING, BELIEF, Cue, speaks_after_a_comma
from .spans import SEPARATORS, inside

#: what may stand before a trailing participle: `, arguing`, `-- arguing`, `— arguing`
PARTICIPLE_SEPARATORS = SEPARATORS | {"--"}
#: how a clause of its own is joined into another's content: `C1, and Y replied, "Q"`
JOINED_DEPS = frozenset({"conj", "parataxis"})


def outermost(cues: list[Cue]) -> list[Cue]:
    """The cues a reader marks, in their given order: each nested cue is dropped, each trailing
    participle kept and the content it trails cut before it.

    `The mayor said she thinks the plan will fail`: [`said`, `thinks`] -> [`said`];
    `X said C, arguing that D`: [`said` (C, arguing that D), `arguing` (D)] ->
    [`said` (C), `arguing` (D)].
    """
    cues = _without_trailing_sources(cues)
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


def split_quoting_clauses(kept: list[Cue], claimed: list[Cue]) -> tuple[list[Cue], list[Cue]]:
    """`She said C, and when pressed, the mother replied, "Q"`: a cue whose content is a
    quotation (`claimed`: those the attributor typed direct) that an earlier cue's content
    claimed, in a clause of its own joined to that content, is a quote of its own; the earlier
    content ends before its clause. Returns the kept cues, cut where needed, and the claimed
    cues that stand on their own again.

    >>> split_quoting_clauses([], [])
    ([], [])
    """
    freed = []
    for inner in claimed:
        k = next((k for k, cue in enumerate(kept) if inside(inner.cue[0], cue.content)), None)
        start = _quoting_clause_start(inner, kept[k]) if k is not None else None
        cut = _cut_at(kept[k], start) if start is not None else None
        if cut is not None and cut.content != kept[k].content:  # else the quotation stays claimed
            kept[k] = cut
            freed.append(inner)
    return kept, freed


def _quoting_clause_start(inner: Cue, outer: Cue) -> Token | None:
    """Where the clause of a cue that introduces a quotation starts inside another cue's
    content (with the coordinator or comma joining it), if it has a subject of its own and is
    joined as a clause of its own; not `because she believed "C"` or `a voice that said "C"`."""
    doc = inner.trigger.doc
    if inner.rule == BELIEF or inner.trigger.dep_ not in JOINED_DEPS:
        return None
    subject = next((c for c in inner.trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    start = inner.trigger.left_edge
    if subject is None or not inside(subject.idx, outer.content) or start.idx <= outer.content[0][0]:
        return None
    while start.i > 0 and (doc[start.i - 1].is_punct or doc[start.i - 1].dep_ == "cc"):
        start = doc[start.i - 1]
    return start


def _without_trailing_sources(cues: list[Cue]) -> list[Cue]:
    """Each cue's content cut before the last trailing source inside it whose own content holds
    that cue's word: `He said C, according to D` -> `said` (C), `according to` (He said C);
    `The data show C, said X` -> `show` (C), `said` (The data show C)."""
    sources = sorted((cue.trigger.idx, k) for k, cue in enumerate(cues) if _names_a_trailing_source(cue))
    if not sources:
        return cues
    at = [idx for idx, _ in sources]
    out = []
    for cue in cues:
        start, end = cue.content[-1]
        i = bisect_left(at, end) - 1
        source = cues[sources[i][1]] if i >= 0 and at[i] >= start else None
        if source is not None and source is not cue and inside(cue.cue[0], source.content):
            cue = _cut_at(cue, _separator_before(source.trigger))
        out.append(cue)
    return out


def _names_a_trailing_source(cue: Cue) -> bool:
    """`according to D`, and `, said X` after all it reports (the parser may hang `said` inside
    the clause before it, as a complement of that clause's own cue)."""
    return cue.rule == ACCORDING or (cue.content[-1][1] <= cue.cue[0] and speaks_after_a_comma(cue.trigger))


def _separator_before(token: Token) -> Token:
    """The comma or dash that sets a phrase off, else the phrase's first word."""
    before = token.doc[token.i - 1] if token.i > 0 else token
    return before if before.text in PARTICIPLE_SEPARATORS else token


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
