"""Checks every result must pass, whatever the input: shared by the engine, API and server tests."""

from __future__ import annotations

from collections.abc import Iterator

from models import is_blank
from models.types import ATTRIBUTION_KINDS


def spans_of(result: dict) -> Iterator[dict]:
    for q in result["quotes"]:
        yield q
        yield from q["fragments"]
        if q["cue"]:
            yield q["cue"]
        if q["speaker"] and q["speaker"]["mention"]:
            yield q["speaker"]["mention"]
    for s in result["speakers"]:
        yield from s["mentions"]


def assert_offsets_exact(text: str, result: dict) -> None:
    """Every span indexes `text`; a quote runs from its first fragment to its last."""
    for span in spans_of(result):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"]:span["end"]] == span["text"]
        assert not is_blank(span["text"]), span
    for q in result["quotes"]:
        assert q["fragments"], q
        assert q["start"] == q["fragments"][0]["start"] and q["end"] == q["fragments"][-1]["end"]
        assert all(a["end"] <= b["start"] for a, b in zip(q["fragments"], q["fragments"][1:], strict=False))


def assert_ids_consistent(result: dict) -> None:
    """Quote and speaker ids are unique and point at each other both ways."""
    quotes = {q["id"]: q for q in result["quotes"]}
    speakers = {s["id"]: s for s in result["speakers"]}
    assert len(quotes) == len(result["quotes"]) and len(speakers) == len(result["speakers"])
    for q in result["quotes"]:
        assert 0 <= q["confidence"] <= 1 and q["kind"] in ATTRIBUTION_KINDS
        if q["speaker"] is not None:
            assert q["id"] in speakers[q["speaker"]["id"]]["quote_ids"]
    for s in result["speakers"]:
        for quote_id in s["quote_ids"]:
            assert quotes[quote_id]["speaker"]["id"] == s["id"]


def assert_contract(text: str, result: dict, id: str | None = None) -> None:
    assert result["id"] == id and result["meta"]["chars"] == len(text)
    assert_offsets_exact(text, result)
    assert_ids_consistent(result)
