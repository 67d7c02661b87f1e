"""Long articles are parsed in windows and attributed whole."""

from __future__ import annotations

from contract import assert_contract
from hypothesis import given
from hypothesis import strategies as st

from models.windows import WINDOW_CHARS, batches, windowed, windows


@given(text=st.text(st.sampled_from("ab \n\t"), max_size=300), size=st.integers(1, 50))
def test_windows_rebuild_the_text_and_stay_within_their_size(text, size):
    pieces = windows(text, size)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= size for p in pieces) or pieces == [""]


def test_windows_end_at_a_line_break_where_there_is_one():
    text = ("word " * 30 + "\n") * 10
    assert all(p.endswith("\n") for p in windows(text, 400)[:-1])


@given(lengths=st.lists(st.integers(1, 30), max_size=40), max_size=st.integers(1, 60))
def test_batches_keep_order_and_their_budget(lengths, max_size):
    texts = ["x" * n for n in lengths]
    found = list(batches(windowed(texts, size=10), max_size=max_size, max_items=4))
    flat = [piece for batch in found for piece, _ in batch]
    assert "".join(flat) == "".join(texts) and sum(last for b in found for _, last in b) == len(texts)
    assert all(len(b) <= 4 and (len(b) == 1 or sum(len(p) for p, _ in b) <= max_size) for b in found)


def test_an_article_longer_than_a_window_is_attributed_as_one(attributor):
    opening = "The city's mayor, Sarah Johnson, opened the bridge on Monday.\n\n"
    filler = "The river rose again in the night and the road stayed closed to traffic.\n\n"
    closing = '"We will rebuild the road by spring," Johnson said.\n'
    text = opening + filler * (2 * WINDOW_CHARS // len(filler)) + closing
    result = attributor.extract(text, "long").to_dict()
    assert_contract(text, result, "long")
    quote = result["quotes"][-1]
    assert quote["text"] == "We will rebuild the road by spring," and quote["speaker"]["name"] == "Sarah Johnson"
    assert quote["speaker"]["title"] == "city's mayor"
