"""Speaker labels: `Name: statement` lines of headlines and transcripts."""


def test_headline_label_names_a_source_the_article_names(extract):
    text = ("Ortiz: City Will Rebuild the Old Bridge by Spring\n\n"
            "Mayor Lena Ortiz told residents on Monday that work would start soon.")
    headline = extract(text)[0]
    assert headline["text"] == "City Will Rebuild the Old Bridge by Spring"
    assert headline["cue"]["text"] == ":" and headline["speaker"]["mention"]["text"] == "Ortiz"
    assert headline["speaker"]["name"] == "Lena Ortiz" and headline["type"] == "indirect"


def test_a_headline_label_may_say_whom_its_source_spoke_to(extract):
    text = ("Ortiz to Harbour Workers: The Old Bridge Will Be Rebuilt\n\n"
            "Mayor Lena Ortiz told a union meeting on Monday that work would start soon.")
    headline = extract(text)[0]
    assert headline["text"] == "The Old Bridge Will Be Rebuilt" and headline["cue"]["text"] == ":"
    assert (headline["speaker"]["mention"]["text"], headline["speaker"]["name"]) == ("Ortiz", "Lena Ortiz")


def test_transcript_lines_inside_one_long_quotation_are_one_quote_each(extract):
    text = ("The interview of Senator Paul Brandt by Anna Holt, as aired:\n\n"
            '"HOLT: Where were you on the night of the vote, Senator?\n\n'
            '"BRANDT: I was at home with my family, as I have said many times.\n\n'
            '"HOLT: Thank you for your time today."')
    lines = [q for q in extract(text) if q["cue"] and q["cue"]["text"] == ":"]
    assert [q["speaker"]["mention"]["text"] for q in lines] == ["HOLT", "BRANDT", "HOLT"]
    assert lines[1]["text"] == "I was at home with my family, as I have said many times."
    assert all(q["type"] == "direct" and len(q["fragments"]) == 1 for q in lines)


def test_poll_label_is_a_document_source(extract):
    q = extract("Poll: Voters in the north favour the new rail line\n\nThe survey asked 900 people.")[0]
    assert q["speaker"]["mention"]["text"] == "Poll" and q["text"].startswith("Voters in the north")


def test_section_labels_and_unknown_words_are_not_sources(extract):
    assert extract("UPDATE: The story now gives the right date for the vote.") == []
    assert extract("Bottom Line: the city will rebuild the bridge before the spring.") == []


INTERVIEW = ("Senator Maria Lopez spoke with Tom Reed of The Herald about the budget. Lopez has led the "
             "finance committee since 2021.\n\n"
             "Q: Will the budget pass?\n\n"
             "A: I think it will pass by Friday, but it will be close.\n\n"
             "Q: What about the schools?\n\n"
             "A: The schools will get every dollar we promised.\n")


def test_an_interviews_answers_are_the_interviewees(extract):
    answers = [q for q in extract(INTERVIEW) if q["speaker"] and q["speaker"]["mention"]["text"] == "A"]
    assert [q["text"] for q in answers] == ["I think it will pass by Friday, but it will be close.",
                                            "The schools will get every dollar we promised."]
    assert {(q["speaker"]["name"], q["speaker"]["title"]) for q in answers} == {("Maria Lopez", "Senator")}



def test_an_i_inside_a_labelled_line_is_the_labels_speaker(extract):
    text = "Chris Wallace moderated the debate.\n\nWALLACE: I think the debate will be fair to both of them.\n"
    nested = [q for q in extract(text) if q["speaker"] and q["speaker"]["mention"]["text"] == "I"]
    assert [(q["text"], q["speaker"]["name"]) for q in nested] \
        == [("the debate will be fair to both of them", "Chris Wallace")]
