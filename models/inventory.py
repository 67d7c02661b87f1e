"""The cue inventory: which word forms, in which syntactic frame, annotators mark as attributions.

Learned from an annotated corpus (PolNeAR train), never from the texts the engine is measured
on. For every token that stands in one of the frames below, the inventory counts how often
it occurs and how often a gold cue covers it; the ratio is the precision a rule would have if
it fired on that form in that frame everywhere. Frames that clear a threshold become
`data/learned_cues.tsv`, which `reported.learned_cue` reads; the rest stay out.

Frames (the cue token, then what its content is):

- `clause`: a verb with a finite clausal complement (`shows that C`, `wrote C`);
- `infinitive`: a verb with a to-infinitive complement (`wants to C`, `promised to C`);
- `gerund`: a verb with a gerund complement that is not a `to`-infinitive (`reported raising
  $9 million`, `denied taking the money`);
- `noun_clause`: a noun with a that-clause or to-infinitive (`the claim that C`, `his promise to C`);
- `object`: a verb with a subject and a direct object (`X praised C`, `X denounced C`);
- `document_object`: the same with a document or a finding for subject (`the poll showed C`):
  data show what a person would only be said to hold, so the form is judged apart;
- `prep:P`: a verb with a subject and a preposition P right after it (`referring to C`, `called for C`);
- `passive`: a passive verb with its agent, the subject is the content (`C was first reported by X`);
- `agentless_passive`: a passive verb with no agent, the whole clause is the content and no one
  in it holds it (`X was accused of C`, `X is widely seen as C`).

An occurrence counts for a frame when a gold cue covers the token and the complement is the gold
content: for a clause or infinitive, as the scorer pairs quotes (Jaccard >= 0.5 over letters and
digits: `continued to tell reporters in every interview C` is C's attribution by `tell`); for a
nominal complement, which the rules extend (`accused X | of Y`), when at least half of it lies in
the content (`told reporters` + a later clause does not count).

A form seen fewer than `MIN_SEEN` times is judged with the other forms of its lemma in the same
frame (`accuses`, seen twice, with `accused` and `accusing`): one tense is no different a cue
from another, and pooling lets a form rare in the corpus count on its lemma's evidence. A form
seen often enough is judged on its own (`reported` and `reporting` are not the same cue).

Regenerate with `quote-attribution inventory --train ../shared/eval/polnear-train.jsonl`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from .spans import agent_of

CLAUSE, INFINITIVE, NOUN_CLAUSE, OBJECT, PASSIVE = "clause", "infinitive", "noun_clause", "object", "passive"
AGENTLESS_PASSIVE, GERUND = "agentless_passive", "gerund"
#: frames whose complement is a proposition, judged as the scorer pairs quotes
PROPOSITIONAL = frozenset({CLAUSE, INFINITIVE, GERUND, NOUN_CLAUSE, AGENTLESS_PASSIVE})
DOCUMENT_OBJECT = "document_object"
#: a form of `be` before a gerund is a progressive tense, even where the parser takes it for a verb
BE_FORMS = frozenset({"be", "is", "are", "am", "was", "were", "been", "being", "'s", "’s", "'re", "’re", "'m", "’m"})
PREP_OBJECT = "prep:"  # + the preposition: `referring to X` is ("referring", "prep:to")
#: fewest occurrences in the corpus for a frame to be judged at all. Learned on one half of train
#: and scored on the other, 3 found more marked quotes than 5 (loose F1 0.680 -> 0.682)
MIN_SEEN = 3
#: least precision (gold cue / occurrences) for a propositional frame (clause, infinitive, noun
#: clause) to be kept. Its occurrences include the ones the engine drops anyway (nested in a
#: quote, no speaker), so the quotes it adds are right more often than this: learned on one half
#: of train and scored on the other, the frames between 0.2 and 0.5 added 310 quotes, 187 of them
#: marked
MIN_PRECISION = 0.2
#: least precision for a nominal frame (object, preposition, passive): more often a cue than not.
#: A noun complement is as often a topic as a proposition (`shown no signs`, `pushed Europe`); on
#: the held-out half, nominal frames below 0.5 cost more precision than they won in recall
MIN_PRECISION_NOMINAL = 0.5
#: least precision for an agentless passive (`X was accused of C`), whose content is the whole
#: clause and whose source is no one in it: learned on one half of train and scored on the
#: other, the forms between 0.3 and 0.4 were right 27 times in 100 they fired, those between 0.4
#: and 0.5, 35 (break-even for F1 there is about 36)
MIN_PRECISION_AGENTLESS = 0.4
#: least Jaccard overlap of a complement and a gold content for the two to be the same quote
MIN_OVERLAP = 0.5
HEADER = ("# Learned cues: form, frame, precision, occurrences in PolNeAR train and, where the form was\n"
          "# judged with its lemma's other forms, the lemma; written by\n"
          "# `quote-attribution inventory` (models/inventory.py); do not edit by hand.\n")


def _is_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def frame_of(token: Token, documents: frozenset[str] = frozenset()) -> tuple[Token, str] | None:
    """(the complement, the frame) a token heads, or None.

    A verb's `ccomp` is a clause; its `xcomp` with `to`, an infinitive; else, with a subject
    of its own, its direct object (`X supports Y`; `document_object` where the subject is one
    of `documents`: `the poll shows Y`) or the object of its first preposition (`X referred to
    Y`, frame `prep:to`); failing all of those, a gerund after it (`X reported raising Y`); a
    noun's `acl`/`ccomp` with `that` or `to`, a noun clause.
    """
    if token.pos_ in ("VERB", "AUX"):
        for child in token.children:
            if child.dep_ == "ccomp":
                return child, CLAUSE
        for child in token.children:
            if child.dep_ == "xcomp" and _is_infinitive(child):
                return child, INFINITIVE
        return _passive_subject_of(token) or _agentless_passive(token) or _object_of(token, documents) \
            or _gerund_of(token)
    elif token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("acl", "ccomp") and (_has_that(child) or _is_infinitive(child)):
                return child, NOUN_CLAUSE
    return None


def _gerund_of(verb: Token) -> tuple[Token, str] | None:
    """A gerund the verb takes as its complement, with no subject or marker of its own (`reported
    raising $9 million`; not `said, adding C`, which the comma sets off, nor the progressive
    `he's raising`, misparsed): (gerund, GERUND)."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or verb.pos_ != "VERB" or verb.lower_ in BE_FORMS:
        return None
    if after.head != verb or after.tag_ != "VBG" or after.dep_ not in ("xcomp", "dobj"):
        return None
    return None if any(c.dep_ in ("aux", "mark", "nsubj") for c in after.children) else (after, GERUND)


def _passive_subject_of(verb: Token) -> tuple[Token, str] | None:
    """The subject of a passive verb that names its agent (`C was reported by X`): (subject, PASSIVE)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return (subject, PASSIVE) if subject is not None and agent_of(verb) is not None else None


def _agentless_passive(verb: Token) -> tuple[Token, str] | None:
    """A passive verb with its subject before it and no agent (`X was accused of C`): (the verb,
    AGENTLESS_PASSIVE); the content runs from the subject to the end of the verb's phrase."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or agent_of(verb) is not None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return (verb, AGENTLESS_PASSIVE) if subject is not None and subject.i < verb.i else None


def _object_of(verb: Token, documents: frozenset[str]) -> tuple[Token, str] | None:
    """The nominal complement of a verb that has a subject: (dobj, OBJECT or DOCUMENT_OBJECT)
    or (pobj, `prep:P`)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.tag_ != "VBG":
        return None  # a passive or subjectless verb has no one to hold the view (`supporting X` may)
    for child in verb.children:
        if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child, DOCUMENT_OBJECT if subject is not None and subject.lower_ in documents else OBJECT
    for child in verb.children:
        if child.dep_ == "prep" and child.i == verb.i + 1:
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            return (obj, PREP_OBJECT + child.lower_) if obj is not None else None
    return None


def frames(doc: Doc, documents: frozenset[str] = frozenset()) -> Iterator[tuple[Token, Token, str]]:
    """Every (cue candidate, its complement, frame) of a parsed document."""
    for token in doc:
        found = frame_of(token, documents)
        if found is not None:
            yield token, *found


@dataclass(frozen=True, slots=True)
class Learned:
    form: str
    frame: str
    precision: float
    seen: int  # the occurrences the precision was measured on: the form's own, or its lemma's
    lemma: str = ""  # set when the form was judged with the other forms of its lemma


@dataclass(slots=True)
class Counts:
    """Occurrences of each (form, frame), how many a gold attribution draws that way, and
    each form's lemma (the form itself where the parse has none)."""

    seen: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    lemmas: dict[tuple[str, str], str] = field(default_factory=dict)  # (form, frame) -> lemma

    def by_lemma(self) -> tuple[Counter, Counter]:
        """(occurrences, gold) per (lemma, frame): every form of a lemma pooled."""
        seen, gold = Counter(), Counter()
        for (form, frame), n in self.seen.items():
            key = (self.lemmas.get((form, frame), form), frame)
            seen[key] += n
            gold[key] += self.gold[(form, frame)]
        return seen, gold


@dataclass(frozen=True, slots=True)
class GoldCue:
    """A gold attribution as the inventory needs it: its cue and its content, in characters."""

    start: int
    end: int
    content: tuple[tuple[int, int], ...] = ()


def _takes_content(token: Token, complement: Token, frame: str, cue: GoldCue, first: Token | None = None) -> bool:
    """Whether a gold cue over `token` has the frame's complement as its content.

    A clause or infinitive must be the content as the scorer pairs quotes (at least half of the
    letters and digits of the two shared, Jaccard >= 0.5): `continued to tell reporters in every
    interview C` is an attribution of C by `tell`, not of the infinitive by `continued`. A nominal
    complement is where the content starts (the rules extend it: `accused X | of Y`), so at least
    half of it must lie in the content: `told reporters` + a later clause does not count. `first`
    is where the drawn content starts, if not at the complement (`X seemed to C`: at X).
    """
    if not cue.start <= token.idx < cue.end:
        return False
    text = token.doc.text
    first, last = first or complement.left_edge, complement.right_edge
    drawn = _letters(text, ((first.idx, last.idx + len(last.text)),))
    content = _letters(text, cue.content)
    if frame in PROPOSITIONAL:
        return bool(drawn) and len(drawn & content) >= MIN_OVERLAP * len(drawn | content)
    return bool(drawn) and len(drawn & content) >= len(drawn) / 2


def _clause_start(token: Token, frame: str, whole_clause: frozenset[str]) -> Token | None:
    """Where a frame's drawn content starts, if not at its complement: at the subject of a
    raising verb's infinitive or of an agentless passive (`X seemed to C`, `X was accused of C`)."""
    if frame == AGENTLESS_PASSIVE or (frame == INFINITIVE and token.lower_ in whole_clause):
        return _subject_start(token)
    return None


def _subject_start(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject.left_edge if subject is not None else None


def _letters(text: str, ranges: Iterable[tuple[int, int]]) -> set[int]:
    """The positions of letters and digits in character ranges (how spans are compared)."""
    return {i for start, end in ranges for i in range(start, min(end, len(text))) if text[i].isalnum()}


def count(docs: Iterable[tuple[Doc, list[GoldCue]]], whole_clause: frozenset[str] = frozenset(),
          documents: frozenset[str] = frozenset()) -> Counts:
    """Occurrences and occurrences a gold attribution draws that way, per (form, frame).

    The forms of `whole_clause` (raising verbs) draw their infinitive with its subject, as the
    rules do: `X seemed to C` attributes `X seemed to C`. A subject among `documents` makes an
    object frame `document_object`.
    """
    counts = Counts()
    seen, gold = counts.seen, counts.gold
    for doc, cues in docs:
        by_start = {}
        for cue in cues:
            for i in range(cue.start, cue.end):
                by_start.setdefault(i, []).append(cue)
        for token, complement, frame in frames(doc, documents):
            key = (token.lower_, frame)
            seen[key] += 1
            counts.lemmas.setdefault(key, token.lemma_.lower() or token.lower_)
            first = _clause_start(token, frame, whole_clause)
            gold[key] += any(_takes_content(token, complement, frame, cue, first)
                             for cue in by_start.get(token.idx, ()))
    return counts


def learn(counts: Counts, min_seen: int = MIN_SEEN, min_precision: float = MIN_PRECISION,
          topic_verbs: frozenset[str] = frozenset(),
          min_precision_nominal: float = MIN_PRECISION_NOMINAL) -> list[Learned]:
    """The frames that clear both thresholds (a nominal frame and an agentless passive, their own
    precision thresholds), most precise first; a topic verb's nominal, gerund and passive frames
    never (`discussed the budget` names what was talked about, not what was said). A form seen fewer
    than `min_seen` times is judged on its lemma's pooled counts.

    >>> counts = Counts(Counter({("shows", "clause"): 10, ("went", "clause"): 10, ("discussed", "object"): 10}),
    ...                 Counter({("shows", "clause"): 9, ("went", "clause"): 1, ("discussed", "object"): 9}))
    >>> learn(counts, topic_verbs=frozenset({"discussed"}))
    [Learned(form='shows', frame='clause', precision=0.9, seen=10, lemma='')]
    """
    lemma_seen, lemma_gold = counts.by_lemma()
    kept = []
    for (form, frame), n in counts.seen.items():
        if form in topic_verbs and (_is_nominal(frame) or frame in (AGENTLESS_PASSIVE, GERUND)):
            continue  # `discussed the budget`, `mentioned raising taxes`: a topic, not a content
        lemma = "" if n >= min_seen else counts.lemmas.get((form, frame), form)
        seen, gold = (n, counts.gold[(form, frame)]) if not lemma else \
            (lemma_seen[(lemma, frame)], lemma_gold[(lemma, frame)])
        least = MIN_PRECISION_AGENTLESS if frame == AGENTLESS_PASSIVE else \
            min_precision_nominal if _is_nominal(frame) else min_precision
        if seen >= min_seen and gold / seen >= least:
            kept.append(Learned(form, frame, round(gold / seen, 3), seen, lemma))
    return sorted(kept, key=lambda c: (-c.precision, -c.seen, c.form, c.frame))


def _is_nominal(frame: str) -> bool:
    return frame in (OBJECT, DOCUMENT_OBJECT, PASSIVE) or frame.startswith(PREP_OBJECT)


def write(learned: list[Learned], path: Path) -> None:
    rows = "".join(f"{c.form}\t{c.frame}\t{c.precision}\t{c.seen}\t{c.lemma or '-'}\n" for c in learned)
    path.write_text(HEADER + rows, encoding="utf-8")


def gold_docs(nlp, path: Path, batch_size: int = 32) -> Iterator[tuple[Doc, list[GoldCue]]]:
    """Each article of a gold JSONL file parsed (without the rules), with its gold cues."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    cues = [[_gold_cue(q) for q in row["quotes"] if q.get("cue")] for row in rows]
    texts = (row["text"] for row in rows)
    yield from zip(nlp.pipe(texts, batch_size=batch_size, disable=["quote_attribution"]), cues, strict=True)


def _gold_cue(quote: dict) -> GoldCue:
    pieces = quote.get("fragments") or (quote.get("extra") or {}).get("content_fragments") or [quote.get("quote")]
    content = tuple((p["start"], p["end"]) for p in pieces if p)
    return GoldCue(quote["cue"]["start"], quote["cue"]["end"], content)
