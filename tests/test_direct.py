"""Direct quotes and their attribution next to them."""

import pytest
import spacy
from spacy.tokens import Doc

from models.attribution import attribute
from models.indexes import TextIndex
from models.lexicon import load_lexicon
from models.marks import find_quoted_spans


def test_split_quote_is_one_quote_with_fragments(extract):
    text = '"We are ready," Kara Lind said. "But we need more time."'
    quotes = extract(text)
    assert len(quotes) == 1
    assert [f["text"] for f in quotes[0]["fragments"]] == ["We are ready,", "But we need more time."]
    assert quotes[0]["speaker"]["name"] == "Kara Lind"


def test_colon_introduced_quote(extract):
    quotes = extract('The general said: "The line will hold through the winter."')
    assert quotes[0]["type"] == "direct" and quotes[0]["text"] == "The line will hold through the winter."


def test_colon_cue_is_the_colon_whatever_space_follows_it(extract):
    for space in ("\u00a0", "  ", " "):
        q = extract(f'Senator Lena Ortiz, in 2019:{space}"We will not raise taxes."')[0]
        assert q["cue"]["text"] == ":" and q["text"] == "We will not raise taxes."


def test_dash_attribution(extract):
    quotes = extract('"Nothing is decided until everything is decided." - Maria Olsen')
    assert quotes[0]["speaker"]["mention"]["text"] == "Maria Olsen" and quotes[0]["cue"]["text"] == "-"


def test_quote_paragraph_continues_previous_speaker(extract):
    text = ('"The harvest failed," farmer Jon Dale said.\n\n'
            '"We have nothing left to sell and nobody to sell it to this year."')
    quotes = extract(text)
    assert len(quotes) == 2
    assert quotes[1]["speaker"]["name"] == quotes[0]["speaker"]["name"] == "Jon Dale"


def test_multi_sentence_quote_is_whole(extract):
    text = '"It was cold. It was dark. Nobody came," said the driver.'
    q = extract(text)[0]
    assert q["text"] == "It was cold. It was dark. Nobody came,"


def test_according_to_does_not_take_a_quote_with_its_own_speaker(extract):
    quotes = extract('"I am worried about it," Ana Ruiz said, according to the Daily Post.')
    assert quotes[0]["type"] == "direct" and quotes[0]["speaker"]["name"] == "Ana Ruiz"


def test_a_block_quote_after_a_paragraph_ending_in_a_colon_is_attributed(extract):
    text = ('Mayor Sarah Johnson spoke at length about the budget. She said:\n\n'
            '"We will not raise taxes this year, and we will not cut the bus routes either."')
    q = extract(text)[-1]
    assert q["type"] == "direct" and q["speaker"]["name"] == "Sarah Johnson" and q["cue"]["text"] == "said"


def test_a_dateline_is_not_the_speaker(extract):
    text = 'BUFFALO, N.Y. (AP) — "We will rebuild," the mayor said.\n\nThe city was flooded.'
    q = extract(text)[0]
    assert q["text"] == "We will rebuild," and q["speaker"]["mention"]["text"] == "the mayor"


def test_quote_after_a_mixed_one_is_the_same_speakers_own(extract):
    text = ('The answers are "not enough," says Sarah Johnson, head of the Vets Fund. '
            '"We compare it to the early days of a long war."')
    quotes = extract(text)
    assert [q["type"] for q in quotes] == ["mixed", "direct"]
    assert quotes[1]["text"] == "We compare it to the early days of a long war."
    assert quotes[1]["speaker"]["name"] == "Sarah Johnson"


def test_according_to_before_a_quote_attributes_it(extract):
    q = extract('According to Sarah Johnson, "the vote was never going to pass this year."')[0]
    assert q["type"] == "direct" and q["speaker"]["name"] == "Sarah Johnson"


@pytest.mark.parametrize("text, kind", [
    ('"The pumps have been failing for years," according to a senior engineer at the plant.', "direct"),
    ('Since the storm, "the pumps have been failing," according to a senior engineer.', "mixed"),
])
def test_according_to_right_after_a_quote_is_its_source(extract, text, kind):
    q = extract(text)[0]
    assert (q["type"], q["cue"]["text"]) == (kind, "according to")
    assert q["speaker"]["mention"]["text"].startswith("a senior engineer")


@pytest.mark.parametrize("text, cue, said", [
    ('Outside the hall, nurses chanted "No more cuts" until the vote.', "chanted", "No more cuts"),
    ('The coach simply said "Thank you for everything."', "said", "Thank you for everything."),
])
def test_a_quotation_right_after_a_speech_verb_is_what_it_says(extract, text, cue, said):
    assert [(q["type"], q["cue"]["text"], q["text"]) for q in extract(text)] == [("direct", cue, said)]


def test_a_single_word_in_quotation_marks_after_a_speech_verb_is_the_writers_term(extract):
    assert extract('Some voters cried "fraud" over the count.') == []


def test_according_to_after_a_quoted_speaker_does_not_take_the_quote(extract):
    q = extract('"We will not pay," Tom Reyes said, according to the Daily Star.')[0]
    assert q["speaker"]["name"] == "Tom Reyes"


def test_quote_after_a_reported_sentence_is_the_same_speakers(extract):
    text = ('The council may wait for the audit, Sarah Johnson said. "The other factor is money, and '
            'there is not enough of it."')
    quotes = extract(text)
    assert quotes[-1]["type"] == "direct" and quotes[-1]["speaker"]["name"] == "Sarah Johnson"


def test_quote_after_a_long_attribution_sentence_is_the_same_speakers(extract):
    text = ('"This is not reform," said Sarah Johnson, an economist who served as director of the '
            'city budget office and is now president of the Riverside Institute, a research group '
            'in the state capital. "It is anti-reform."')
    quotes = extract(text)
    assert [q["speaker"]["name"] for q in quotes] == ["Sarah Johnson"] * len(quotes)
    assert "It is anti-reform." in [f["text"] for q in quotes for f in q["fragments"]]


def test_a_subject_inside_the_quotation_is_not_the_speaker_of_the_cue_after_it():
    """The parser sometimes joins `said` to the quoted clause and leaves the name after the
    quotation hanging: the name before the verb speaks, not `We` inside the marks."""
    words = ["“", "We", "will", "rebuild", "it", ",", "”", "Mayor", "Tom", "Reyes", "said", "Monday", "."]
    spaces = [False, True, True, True, False, False, True, True, True, True, True, False, False]
    heads = [3, 3, 3, 3, 3, 3, 3, 9, 9, 3, 3, 10, 3]
    deps = ["punct", "nsubj", "aux", "ROOT", "dobj", "punct", "punct", "compound", "compound", "npadvmod",
            "conj", "npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PRON", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PROPN",
           "PUNCT"]
    ents = ["O"] * 8 + ["B-PERSON", "I-PERSON", "O", "B-DATE", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)
    lexicon = load_lexicon()
    drafts = attribute(doc, TextIndex(doc.text, find_quoted_spans(doc.text), lexicon), lexicon)
    assert [(d.type, d.source.text if d.source else None) for d in drafts] == [("direct", "Reyes")]


def test_a_speaker_the_parser_took_into_the_quoted_clause_is_the_source_not_content(rules_on):
    """`"...," Harlow police Chief X said`, parsed with the name in apposition to a noun of the
    quotation: the quotation is the content, direct, and the name after it the source."""
    quotes = rules_on("“We will get justice here,” Harlow police Chief Dana Whitcomb said Monday.", [
        ("“", "``", "PUNCT", "punct", 13, "O"), ("We", "PRP", "PRON", "nsubj", 3, "O"),
        ("will", "MD", "AUX", "aux", 3, "O"), ("get", "VB", "VERB", "ccomp", 13, "O"),
        ("justice", "NN", "NOUN", "dobj", 3, "O"), ("here", "RB", "ADV", "advmod", 3, "O"),
        (",", ",", "PUNCT", "punct", 3, "O"), ("”", "''", "PUNCT", "punct", 3, "O"),
        ("Harlow", "NNP", "PROPN", "appos", 4, "B-GPE"), ("police", "NN", "NOUN", "compound", 10, "O"),
        ("Chief", "NNP", "PROPN", "dobj", 8, "O"), ("Dana", "NNP", "PROPN", "compound", 12, "B-PERSON"),
        ("Whitcomb", "NNP", "PROPN", "appos", 10, "I-PERSON"), ("said", "VBD", "VERB", "ROOT", 13, "O"),
        ("Monday", "NNP", "PROPN", "npadvmod", 13, "B-DATE"), (".", ".", "PUNCT", "punct", 13, "O")])
    assert [(q.type, [f.text for f in q.fragments]) for q in quotes] == [("direct", ["We will get justice here,"])]
    speaker = quotes[0].speaker
    assert (speaker.name, speaker.title) == ("Dana Whitcomb", "police Chief")  # the title it hangs from


def test_a_document_that_reads_is_the_source_of_its_quotation(extract):
    q = extract('"We see charter schools offering parents hope," the petition reads.')[0]
    assert (q["cue"]["text"], q["speaker"]["mention"]["text"]) == ("reads", "the petition")


def test_as_x_put_it_attributes_the_quotation(extract):
    q = extract('As Ana Ruiz, a tax lawyer, recently put it, "Did he lower his taxes legally?"')[0]
    assert (q["type"], q["speaker"]["name"]) == ("direct", "Ana Ruiz")


def test_put_with_no_quotation_or_it_is_no_cue(extract):
    assert extract("He put the book on the shelf and said nothing.") == []


def test_chanted_and_shot_back_are_cues(extract):
    chanted = extract('"Build the bridge!" the crowd chanted outside the hall.')[0]
    shot_back = extract('"That is simply not true," Ana Ruiz shot back.')[0]
    assert chanted["speaker"]["mention"]["text"] == "the crowd" and shot_back["speaker"]["name"] == "Ana Ruiz"


def test_a_mixed_fragment_that_is_a_whole_quotation_keeps_both_its_marks(extract):
    """`C, X said: "Q"`: one quote of two fragments; the second holds a pair of marks, not half."""
    text = 'The council will probably delay the vote, Ms. Reyes said: "I expect a long night."'
    q = next(q for q in extract(text) if q["type"] == "mixed")
    assert [f["text"] for f in q["fragments"]] == ["The council will probably delay the vote",
                                                   '"I expect a long night."']
    assert all(text[f["start"]:f["end"]] == f["text"] for f in q["fragments"])


def test_a_split_quote_does_not_join_across_a_later_sentence_of_partly_quoted_words(extract):
    quotes = extract('"We will not follow a script," the prime minister said after the meeting. '
                     'The summit did "too little," he added on Twitter. "Europe risks a lot."')
    assert [[f["text"] for f in q["fragments"]] for q in quotes] == [
        ["We will not follow a script,"], ['The summit did "too little,"'], ["Europe risks a lot."]]


def test_a_split_quote_joins_across_partly_quoted_words_in_its_own_attribution(extract):
    quotes = extract('"It is cool working there," she said, describing how she builds "tubular mixers," '
                     'rods that control air. "And people are like family."')
    assert [f["text"] for f in quotes[0]["fragments"]] == ["It is cool working there,", "And people are like family."]


def test_a_clause_before_a_colon_introduces_its_subjects_words(extract):
    q = extract('The coach was blunt: "We didn\'t deserve to win."')
    assert [(x["text"], x["speaker"]["mention"]["text"]) for x in q] == [("We didn't deserve to win.", "The coach")]


def test_a_thing_before_a_colon_introduces_no_ones_words(extract):
    quotes = extract('The sign on the door was clear: "No entry after dark for anyone."')
    assert all(q["speaker"] is None for q in quotes)
