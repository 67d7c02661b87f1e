"""Attributions inside attributions, and split quotes found from both sides of their cue."""

from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from models.nesting import outermost
from models.reported import Cue


def texts(quotes):
    return [(q["cue"]["text"], q["text"]) for q in quotes]


def test_a_belief_inside_what_someone_said_is_part_of_their_quote(extract):
    quotes = extract("The mayor said she thinks the plan will fail.")
    assert texts(quotes) == [("said", "she thinks the plan will fail")]


def test_what_is_expected_is_part_of_what_the_named_source_said(extract):
    # `expected` and `said` report the same words; the quote is the club's, not no one's
    quotes = extract("The striker is expected to miss the final, the club said.")
    assert texts(quotes) == [("said", "The striker is expected to miss the final")]
    assert quotes[0]["speaker"]["mention"]["text"] == "the club"


def test_a_trailing_participle_is_the_speakers_next_statement(extract):
    quotes = extract("The senator said the tax was unfair, arguing that families would pay more.")
    assert texts(quotes) == [("said", "the tax was unfair"), ("arguing", "families would pay more")]
    assert {q["speaker"]["mention"]["text"] for q in quotes} == {"The senator"}


def test_a_participle_inside_the_clause_is_not_cut_off(extract):
    quotes = extract("The minister noted that prices had doubled, leading to protests in the capital.")
    assert texts(quotes) == [("noted", "prices had doubled, leading to protests in the capital")]


def test_according_to_after_a_cue_attributes_the_whole_sentence(extract):
    # the parser hangs `according to` inside the reported clause: each cue holds the other
    quotes = extract("He said the economy was growing, according to two people at the meeting.")
    assert [(q["cue"]["text"], q["text"], q["speaker"]["mention"]["text"]) for q in quotes] == [
        ("according to", "He said the economy was growing", "two people at the meeting")]


def test_split_quote_around_its_cue_is_one_quote(extract):
    quotes = extract('"The bridge is safe," Ms. Lane said, "but the road needs work."')
    assert len(quotes) == 1
    assert [f["text"] for f in quotes[0]["fragments"]] == ["The bridge is safe,", "but the road needs work."]
    assert quotes[0]["speaker"]["name"] == "Lane"


def test_quotes_of_two_sentences_stay_two(extract):
    quotes = extract('"We will rebuild," the mayor said. "It will take a year," the engineer added.')
    assert texts(quotes) == [("said", "We will rebuild,"), ("added", "It will take a year,")]


# outermost() against its definition, on cues with made-up extents: a cue is dropped when its
# word lies inside another cue's content.
WORDS = 40


def _cues(spans: list[tuple[int, int, int]]) -> list[Cue]:
    doc = Doc(Vocab(), words=["w"] * WORDS, spaces=[True] * WORDS)
    for token in doc:
        token.tag_ = "VBD"
    return [Cue("clausal", (doc[at].idx, doc[at].idx + 1), ((doc[start].idx, doc[end - 1].idx + 1),), None, doc[at])
            for at, start, end in spans]


def _inside(at: int, cue: Cue) -> bool:
    return any(start <= at < end for start, end in cue.content)


def _by_definition(cues: list[Cue]) -> list[Cue]:
    def nested(k: int) -> bool:
        return any(j != k and _inside(cues[k].cue[0], other) for j, other in enumerate(cues))
    return [cue for k, cue in enumerate(cues) if not nested(k)]


span = st.tuples(st.integers(0, WORDS - 1), st.integers(0, WORDS - 1), st.integers(1, 12)).map(
    lambda t: (t[0], t[1], min(WORDS, t[1] + t[2])))


@given(st.lists(span, max_size=12, unique_by=lambda t: t[0]))
def test_outermost_drops_exactly_the_nested_cues(spans):
    cues = _cues(spans)
    assert outermost(cues) == _by_definition(cues)


def test_a_joined_clause_that_quotes_someone_is_a_quote_of_its_own(extract):
    quotes = extract('She said tenants would not qualify, and when pressed on why, the housing director '
                     'replied, "The fund is meant for owners."')
    assert texts(quotes) == [("said", "tenants would not qualify"), ("replied", "The fund is meant for owners.")]
    assert [q["type"] for q in quotes] == ["indirect", "direct"]


def test_a_quotation_in_a_subordinate_belief_stays_in_the_outer_quote(extract):
    quotes = extract('She said she had not called for his resignation because she believed "the city '
                     'needs calm."')
    assert [q["cue"]["text"] for q in quotes] == ["said"]


def test_said_after_a_comma_names_the_source_of_the_clause_with_a_cue_inside(rules_on):
    """`The data show C, said X`, with `said` parsed as a complement of `show`: the writer names
    X as the source of all before the comma, `show` with it."""
    text = "The data show that prices will fall, said Tom Li."
    quote, = rules_on(text, [
        ("The", "DT", "DET", "det", 1, "O"), ("data", "NNS", "NOUN", "nsubj", 2, "O"),
        ("show", "VBP", "VERB", "ROOT", 2, "O"), ("that", "IN", "SCONJ", "mark", 6, "O"),
        ("prices", "NNS", "NOUN", "nsubj", 6, "O"), ("will", "MD", "AUX", "aux", 6, "O"),
        ("fall", "VB", "VERB", "ccomp", 2, "O"), (",", ",", "PUNCT", "punct", 8, "O"),
        ("said", "VBD", "VERB", "ccomp", 2, "O"), ("Tom", "NNP", "PROPN", "compound", 10, "B-PERSON"),
        ("Li", "NNP", "PROPN", "nsubj", 8, "I-PERSON"), (".", ".", "PUNCT", "punct", 2, "O")])
    assert [f.text for f in quote.fragments] == ["The data show that prices will fall"]
    assert (quote.cue.text, quote.mention.text, quote.type) == ("said", "Tom Li", "indirect")
