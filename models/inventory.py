"""The cue inventory: which word forms, in which syntactic frame, annotators mark as attributions.

Learned from an annotated corpus (PolNeAR train), never from the texts the engine is measured
on. For every token that stands in one of the frames below, the inventory counts how often
it occurs and how often a gold cue covers it; the ratio is the precision a rule would have if
it fired on that form in that frame everywhere. Frames that clear a threshold become
`data/learned_cues.tsv`, which `reported.learned_cue` reads; the rest stay out.

Frames (the cue token, then what its content is):

- `clause`: a verb with a finite clausal complement (`shows that C`, `wrote C`);
- `infinitive`: a verb with a to-infinitive complement (`wants to C`, `promised to C`);
- `noun_clause`: a noun with a that-clause or to-infinitive (`the claim that C`, `his promise to C`).

Regenerate with `quote-attribution inventory --train ../shared/eval/polnear-train.jsonl`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

CLAUSE, INFINITIVE, NOUN_CLAUSE = "clause", "infinitive", "noun_clause"
#: fewest occurrences in the corpus for a frame to be judged at all
MIN_SEEN = 8
#: least precision (gold cue / occurrences) for a frame to be kept
MIN_PRECISION = 0.6
HEADER = ("# Learned cues: form, frame, precision and occurrences in PolNeAR train, written by\n"
          "# `quote-attribution inventory` (models/inventory.py); do not edit by hand.\n")


def _is_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def frame_of(token: Token) -> tuple[Token, str] | None:
    """(the complement, the frame) a token heads, or None.

    A verb's `ccomp` is a clause; its `xcomp` with `to`, an infinitive; a noun's `acl`/`ccomp`
    with `that` or `to`, a noun clause.
    """
    if token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            if child.dep_ == "ccomp":
                return child, CLAUSE
        for child in token.children:
            if child.dep_ == "xcomp" and _is_infinitive(child):
                return child, INFINITIVE
    elif token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("acl", "ccomp") and (_has_that(child) or _is_infinitive(child)):
                return child, NOUN_CLAUSE
    return None


def frames(doc: Doc) -> Iterator[tuple[Token, str]]:
    """Every (cue candidate, frame) of a parsed document."""
    for token in doc:
        found = frame_of(token)
        if found is not None:
            yield token, found[1]


@dataclass(frozen=True, slots=True)
class Learned:
    form: str
    frame: str
    precision: float
    seen: int


def count(docs: Iterable[tuple[Doc, list[tuple[int, int]]]]) -> tuple[Counter, Counter]:
    """(occurrences, occurrences under a gold cue) per (form, frame), over (doc, gold cue spans)."""
    seen, gold = Counter(), Counter()
    for doc, cues in docs:
        covered = {i for start, end in cues for i in range(start, end)}
        for token, frame in frames(doc):
            key = (token.lower_, frame)
            seen[key] += 1
            gold[key] += token.idx in covered
    return seen, gold


def learn(seen: Counter, gold: Counter, min_seen: int = MIN_SEEN,
          min_precision: float = MIN_PRECISION) -> list[Learned]:
    """The frames that clear both thresholds, most precise first.

    >>> learn(Counter({("shows", "clause"): 10, ("went", "clause"): 10}),
    ...       Counter({("shows", "clause"): 9, ("went", "clause"): 1}))
    [Learned(form='shows', frame='clause', precision=0.9, seen=10)]
    """
    kept = [Learned(form, frame, round(gold[(form, frame)] / n, 3), n) for (form, frame), n in seen.items()
            if n >= min_seen and gold[(form, frame)] / n >= min_precision]
    return sorted(kept, key=lambda c: (-c.precision, -c.seen, c.form, c.frame))


def write(learned: list[Learned], path: Path) -> None:
    rows = "".join(f"{c.form}\t{c.frame}\t{c.precision}\t{c.seen}\n" for c in learned)
    path.write_text(HEADER + rows, encoding="utf-8")


def gold_docs(nlp, path: Path, batch_size: int = 32) -> Iterator[tuple[Doc, list[tuple[int, int]]]]:
    """Each article of a gold JSONL file parsed (without the rules), with its gold cue spans."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    cues = [[(q["cue"]["start"], q["cue"]["end"]) for q in row["quotes"] if q.get("cue")] for row in rows]
    texts = (row["text"] for row in rows)
    yield from zip(nlp.pipe(texts, batch_size=batch_size, disable=["quote_attribution"]), cues, strict=True)
