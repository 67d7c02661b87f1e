from models.marks import double_quotes, find_quoted_spans, single_quotes


def texts(text, spans):
    return [[text[s:e] for s, e in q.pieces] for q in spans]


def test_straight_and_curly_double_quotes():
    text = 'He said "we will go." She said “we will not.”'
    assert texts(text, double_quotes(text)) == [["we will go."], ["we will not."]]


def test_guillemets_and_low_nine_marks():
    text = "Er sagte „nein“ und «jamais»."
    assert texts(text, find_quoted_spans(text)) == [["nein"], ["jamais"]]


def test_quote_over_paragraphs_has_one_piece_a_paragraph():
    text = '"First part of the quote.\n\n"Second part," she said.'
    spans = double_quotes(text)
    assert texts(text, spans) == [["First part of the quote.", "Second part,"]]


def test_stray_mark_costs_only_its_paragraph():
    text = 'A stray " mark here.\n\nThen "a real quote" follows.'
    assert texts(text, double_quotes(text)) == [["a real quote"]]


def test_odd_number_of_marks_keeps_later_quotes():
    text = '"Open and never closed\n\n"Closed," he said. Later "fine" again.'
    assert ["fine"] in texts(text, double_quotes(text))


def test_single_quotes_as_primary_marks_in_a_headline():
    text = "Minister vows 'firm' response to the plan"
    assert texts(text, find_quoted_spans(text)) == [["firm"]]


def test_apostrophes_are_not_quotes():
    text = "Russia's army and the soldiers' families don't agree, it's said."
    assert single_quotes(text, []) == []


def test_single_quotes_nested_in_double_quotes_belong_to_them():
    text = '"He called it \'a farce\' today," she said.'
    spans = find_quoted_spans(text)
    assert len(spans) == 1 and not spans[0].single


def test_two_apostrophes_as_double_marks():
    text = "''It is over,'' said the coach. ''We lost.'' Then he left the club's office."
    assert [text[q.start:q.end] for q in find_quoted_spans(text)] == ["It is over,", "We lost."]


def test_two_apostrophe_quote_is_attributed(extract):
    q = extract("''The plan is dead,'' said Mara Quinn, the council leader.")[0]
    assert q["type"] == "direct" and q["text"] == "The plan is dead," and q["speaker"]["name"] == "Mara Quinn"
