"""Hostile and odd input: no exception but the documented ones, exact offsets, bounded time.

Time bounds are ratios to prose measured in the same run (seconds per character of a seed
article), loose enough for noise and tight enough to catch a quadratic blow-up, which shows
as a ratio in the hundreds.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from contract import assert_contract
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import EmptyTextError, is_blank, load

ROOT = Path(__file__).resolve().parent.parent
PROSE = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), database=None)

# article-like text: names, cue verbs, every kind of quotation mark, line breaks, odd characters
ATOMS = ["Ana Ruiz", "the minister", "she", "They", "said", "told reporters", "according to", "called it",
         "that", "the plan", "was", "a failure", ",", ".", ":", " - ", "\n\n", "\n", '"', "“", "”", "‘",
         "’", "'", "«", "»", "„", "\u00a0", "\r\n", "\x00", "😀", "\u200b", "é", "Straße"]
article_like = st.lists(st.sampled_from(ATOMS), max_size=80).map(" ".join)
any_text = st.text(st.characters(exclude_categories=()), max_size=400)  # surrogates too


@pytest.fixture(scope="module")
def big():
    return load(max_chars=200_000)


@pytest.fixture(scope="module")
def prose_rate(attributor) -> float:
    """Seconds per character of a real article, best of three."""
    return min(timed(attributor, PROSE)[0] for _ in range(3)) / len(PROSE)


def timed(attributor, text: str) -> tuple[float, dict]:
    started = time.perf_counter()
    result = attributor.extract(text).to_dict()
    return time.perf_counter() - started, result


def check_any(attributor, text: str) -> None:
    try:
        result = attributor.extract(text, "p").to_dict()
    except EmptyTextError:
        assert is_blank(text)
        return
    assert_contract(text, result, "p")


@PROPERTY
@given(text=any_text)
def test_any_unicode_string(attributor, text):
    check_any(attributor, text)


@PROPERTY
@given(text=article_like)
def test_any_article_like_string(attributor, text):
    check_any(attributor, text)


def nested_quotes(depth: int) -> str:
    opens = "".join(f'{"“" if i % 2 == 0 else "‘"}level {i} said ' for i in range(depth))
    return opens + "".join("’" if i % 2 else "”" for i in range(depth))


PATHOLOGICAL = {
    "10,000 straight quotation marks": '"' * 10_000,
    "10,000 curly marks, alternating": "“”" * 5_000,
    "5,000 guillemet pairs": "«" * 5_000 + "»" * 5_000,
    "10,000 apostrophes": "'" * 10_000,
    "5,000 tiny quotes": '"a," said b. ' * 5_000,
    "200,000 characters, no punctuation": ("word " * 40_000)[:200_000],
    "nested 2,000 deep": nested_quotes(2_000),
    "3,000 opening marks, none closed": "“He said " * 3_000,
    "control characters": "".join(chr(c) for c in range(32)) * 500 + PROSE,
    "50,000 line breaks": "\n" * 50_000 + '"Yes," she said.',
    "one 100,000-character word": "a" * 100_000,
    "6,000 run-on cues between quotes": "'a' 'b' said 'c' " * 6_000,
}
#: marks-only text has one token per character, prose about one per five: it may cost more per char
MAX_RATIO = 10


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_input_in_time_proportional_to_size(big, prose_rate, name):
    text = PATHOLOGICAL[name]
    seconds, result = timed(big, text)
    assert_contract(text, result)
    assert seconds / len(text) <= MAX_RATIO * prose_rate, f"{seconds:.1f} s for {len(text)} chars"


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\u00a0\u2003", "\r\n" * 100, "\ufeff\x1e\x85"])
def test_only_white_space_is_a_clear_error(attributor, text):
    with pytest.raises(EmptyTextError):
        attributor.extract(text)


def test_lone_surrogates_in_json_are_answered(client):
    body = '{"text": "The mayor said \\ud800 the road \\udfff was closed.", "id": "s"}'
    r = client.post("/v1/quotes", data=body, content_type="application/json")
    assert r.status_code == 200
    assert_contract(json.loads(body)["text"], r.get_json(), "s")


@pytest.mark.parametrize("body", [
    "null", "1", '"text"', "[]", "true", '{"text": null}', '{"text": []}', '{"text": {}}', '{"text": 1.5}',
    '{"text": "x", "id": []}', '{"text": "x", "id": {}}', '{"id": "x"}',
])
def test_wrong_shapes_for_one_article_are_422(client, body):
    r = client.post("/v1/quotes", data=body, content_type="application/json")
    assert r.status_code == 422 and r.mimetype == "application/problem+json" and r.get_json()["errors"]


@pytest.mark.parametrize("body", [
    "null", "{}", '{"articles": null}', '{"articles": "x"}', '{"articles": {"text": "x"}}',
])
def test_wrong_shapes_for_a_batch_are_422(client, body):
    r = client.post("/v1/quotes/batch", data=body, content_type="application/json")
    assert r.status_code == 422 and r.get_json()["errors"]


@pytest.mark.parametrize("articles", [
    "[null]", "[1]", "[[]]", '[{"text": 1}]', '[{"text": "ok"}, {"text": "  "}]', '[{"text": "ok", "id": 3}]',
])
def test_wrong_shapes_of_an_article_are_422_in_its_place(client, articles):
    r = client.post("/v1/quotes/batch", data=f'{{"articles": {articles}}}', content_type="application/json")
    assert r.status_code == 200
    statuses = [x["status"] for x in r.get_json()["results"]]
    assert statuses[-1] == 422 and all(s == 200 for s in statuses[:-1])
    assert r.get_json()["results"][-1]["error"]["errors"]


def test_unknown_fields_are_ignored_at_every_level(client):
    body = {"text": "The mayor said the road was closed.", "lang": "en", "meta": {"a": [1]}}
    assert client.post("/v1/quotes", json=body).status_code == 200
    batch = {"articles": [{**body, "id": "1"}], "options": {"x": 1}}
    assert client.post("/v1/quotes/batch", json=batch).status_code == 200
