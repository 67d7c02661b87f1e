"""Evaluation against gold quotes, with the definitions of the project's reference scorer.

Spans are compared as sets of alphanumeric character positions; predicted and gold
quotes are paired one to one, greedily by Jaccard overlap (exact = 1.0, loose >= 0.5);
quote+speaker counts a loose pair whose speaker mentions overlap, or are both absent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

LOOSE = 0.5
QUOTE_TYPES = ("direct", "mixed", "indirect")
STOP_WORDS = frozenset({"the", "of", "a", "an"})

Row = dict[str, Any]


def letter_positions(text: str, spans: Iterable[dict | None]) -> frozenset[int]:
    """Positions of letters and digits covered by `spans`.

    >>> sorted(letter_positions("a, b", [{"start": 0, "end": 4}]))
    [0, 3]
    """
    return frozenset(i for s in spans if s for i in range(s["start"], min(s["end"], len(text)))
                     if text[i].isalnum())


def content_pieces(quote: Row) -> list[dict]:
    pieces = quote.get("fragments") or (quote.get("extra") or {}).get("content_fragments")
    return pieces or [quote["quote"]]


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").casefold()) if w not in STOP_WORDS}


def name_matches(gold: str | None, predicted: str | None) -> bool:
    gold_words = _words(gold)
    return bool(gold_words) and gold_words <= _words(predicted)


def title_matches(gold: str | None, predicted: str | None) -> bool:
    g, p = _words(gold), _words(predicted)
    if not g:
        return not p
    return bool(p) and len(g & p) / len(g | p) >= LOOSE


def prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def pair(gold_sets: list[frozenset[int]], pred_sets: list[frozenset[int]]) -> list[tuple[float, int, int]]:
    """Greedy one-to-one pairs (jaccard, gold index, predicted index), best overlap first."""
    candidates = sorted(((len(g & p) / len(g | p), i, j) for i, g in enumerate(gold_sets)
                         for j, p in enumerate(pred_sets) if g & p), reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    out = []
    for jaccard, i, j in candidates:
        if jaccard >= LOOSE and i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            out.append((jaccard, i, j))
    return out


def _speaker_ok(text: str, gold: Row, pred: Row) -> bool:
    gold_chars = letter_positions(text, [gold.get("speaker")])
    pred_speaker = pred.get("speaker")
    if not gold_chars:
        return pred_speaker is None
    return pred_speaker is not None and bool(gold_chars & letter_positions(text, [pred_speaker]))


def _cue_ok(text: str, gold: Row, pred: Row) -> bool:
    g, p = gold.get("cue"), pred.get("cue")
    if g is None or p is None:
        return g is None and p is None
    return letter_positions(text, [g]) == letter_positions(text, [p])


def score_article(text: str, gold: list[Row], pred: list[Row], counts: Counter) -> None:
    """Add one article's counts to `counts`."""
    gold_sets = [letter_positions(text, content_pieces(q)) for q in gold]
    pred_sets = [letter_positions(text, content_pieces(q)) for q in pred]
    counts["gold"] += len(gold)
    counts["pred"] += len(pred)
    all_gold = frozenset().union(*gold_sets)
    all_pred = frozenset().union(*pred_sets)
    counts["char_gold"] += len(all_gold)
    counts["char_pred"] += len(all_pred)
    counts["char_both"] += len(all_gold & all_pred)
    for q in gold:
        counts[f"gold_{q.get('type')}"] += 1
    for jaccard, i, j in pair(gold_sets, pred_sets):
        g, p = gold[i], pred[j]
        kind = g.get("type")
        counts["loose"] += 1
        counts[f"loose_{kind}"] += 1
        if jaccard == 1.0:
            counts["exact"] += 1
            counts[f"exact_{kind}"] += 1
        counts["type_ok"] += g.get("type") == p.get("type")
        if _speaker_ok(text, g, p):
            counts["speaker_ok"] += 1
            counts[f"qs_{kind}"] += 1
        counts["cue_ok"] += _cue_ok(text, g, p)
        if "speaker_name" in g:
            counts["named"] += 1
            if name_matches(g.get("speaker_name"), p.get("speaker_name")):
                counts["name_ok"] += 1
                titles = [g.get("speaker_title"), *(g.get("title_alts") or [])]  # the same role, worded otherwise
                counts["name_title_ok"] += any(title_matches(t, p.get("speaker_title")) for t in titles)


def score(gold_rows: dict[str, Row], pred_rows: dict[str, Row]) -> dict[str, Any]:
    """Precision, recall and F1 of predictions against gold, both keyed by article id."""
    counts: Counter = Counter()
    for article_id, gold in gold_rows.items():
        if article_id not in pred_rows:
            counts["missing"] += 1
        pred = (pred_rows.get(article_id) or {}).get("quotes") or []
        score_article(gold["text"], gold["quotes"], pred, counts)
    loose = counts["loose"]
    report: dict[str, Any] = {"articles": len(gold_rows), "gold_quotes": counts["gold"],
                              "pred_quotes": counts["pred"], "missing_articles": counts["missing"]}
    for key in ("exact", "loose"):
        report[key] = prf(counts[key], counts["pred"], counts["gold"])
    report["quote_speaker"] = prf(counts["speaker_ok"], counts["pred"], counts["gold"])
    report["chars"] = prf(counts["char_both"], counts["char_pred"], counts["char_gold"])
    for key in ("speaker", "cue", "type"):
        report[f"{key}_acc_on_matched"] = counts[f"{key}_ok"] / loose if loose else 0.0
    if counts["named"]:
        report["name_acc_on_matched"] = counts["name_ok"] / counts["named"]
        report["name_title_acc_on_matched"] = counts["name_title_ok"] / counts["named"]
        report["name_title_recall"] = counts["name_title_ok"] / counts["gold"]
    report["recall_by_type"] = {
        t: {"gold": counts[f"gold_{t}"], "loose": counts[f"loose_{t}"] / counts[f"gold_{t}"],
            "exact": counts[f"exact_{t}"] / counts[f"gold_{t}"],
            "quote_speaker": counts[f"qs_{t}"] / counts[f"gold_{t}"]}
        for t in QUOTE_TYPES if counts[f"gold_{t}"]}
    return report


def format_report(r: dict[str, Any]) -> str:
    """The report as a small table, one figure family a line."""
    lines = [f"articles {r['articles']}  gold quotes {r['gold_quotes']}  predicted {r['pred_quotes']}"]
    for key in ("exact", "loose", "quote_speaker", "chars"):
        m = r[key]
        lines.append(f"{key:14s} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}")
    lines.append(f"on loose pairs: speaker {r['speaker_acc_on_matched']:.3f}  cue {r['cue_acc_on_matched']:.3f}"
                 f"  type {r['type_acc_on_matched']:.3f}")
    if "name_acc_on_matched" in r:
        lines.append(f"resolved name {r['name_acc_on_matched']:.3f}  name+title "
                     f"{r['name_title_acc_on_matched']:.3f}  name+title recall {r['name_title_recall']:.3f}")
    for t, m in r["recall_by_type"].items():
        lines.append(f"recall {t:8s} n={m['gold']:5d}  loose {m['loose']:.3f}  exact {m['exact']:.3f}"
                     f"  quote+speaker {m['quote_speaker']:.3f}")
    return "\n".join(lines)


def as_scorer_row(result: Row) -> Row:
    """A contract result in the scorer's prediction shape."""
    quotes = []
    for q in result.get("quotes", []):
        speaker = q.get("speaker") or {}
        quotes.append({"type": q["type"], "quote": {"start": q["start"], "end": q["end"], "text": q["text"]},
                       "fragments": q.get("fragments"), "speaker": speaker.get("mention"),
                       "speaker_name": speaker.get("name"), "speaker_title": speaker.get("title"),
                       "cue": q.get("cue"), "confidence": q.get("confidence")})
    return {"id": result.get("id"), "quotes": quotes}
