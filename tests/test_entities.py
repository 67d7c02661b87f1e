"""Repairs to the recogniser's names: where a PERSON entity starts and ends."""

import spacy
from spacy.tokens import Span

from models.entities import given_names_left_out, is_name_word, names_before_post_nominals


def test_a_given_name_with_accents_the_recogniser_left_out_joins_the_surname():
    doc = spacy.blank("en")("officer Ángela Chen said")
    for token in doc[1:3]:
        token.pos_ = "PROPN"
    doc[1].head, doc[1].dep_ = doc[2], "compound"
    doc.ents = [Span(doc, 2, 3, "PERSON")]
    assert [s.text for s in given_names_left_out(doc, doc.ents, set(), {"officer"})] == ["Ángela Chen"]


def test_name_words_are_capitalised_words_in_any_cased_alphabet():
    assert all(is_name_word(w) for w in ("Ana", "Óscar", "Łukasz", "Ngozi", "Okafor-Hume"))
    assert not any(is_name_word(w) for w in ("NATO", "iPhone", "A", "B2B", "said"))


def test_letters_after_a_name_join_its_entity_but_only_after_a_person():
    doc = spacy.blank("en")("Jacob Rees-Mogg MP and Acme Ltd MP said")
    doc.ents = [Span(doc, 0, 4, "PERSON"), Span(doc, 6, 8, "ORG")]
    assert [s.text for s in names_before_post_nominals(doc, doc.ents, {"MP"})] == ["Jacob Rees-Mogg MP"]


def test_a_person_s_post_nominals_are_no_part_of_the_name_and_an_office_among_them_is_a_title(extract):
    quotes = extract("Jacob Rees-Mogg MP said the deal was dead. Kwame Asante KC said his client was innocent.")
    assert [(q["speaker"]["name"], q["speaker"]["title"]) for q in quotes] == [
        ("Jacob Rees-Mogg", "MP"), ("Kwame Asante", None)]


def test_an_honorific_the_recogniser_took_in_is_no_part_of_the_name(extract):
    text = "Dame Judi Dench said the theatre must survive. Dench added that she would perform there again."
    assert [q["speaker"]["name"] for q in extract(text)] == ["Judi Dench", "Judi Dench"]


def test_a_headline_title_the_recogniser_took_for_a_name_is_the_role_named_below(extract):
    text = ("Pope calls for ceasefire in Christmas message\n\n"
            "Pope Leo XIV called on Sunday for an immediate ceasefire in Sudan.")
    assert [q["speaker"]["name"] for q in extract(text)] == ["Leo XIV", "Leo XIV"]


def test_a_name_right_after_a_person_s_role_is_a_person_whatever_the_recogniser_said(extract):
    quotes = extract("Her son, the novelist Chike Okafor, said his mother had never complained.")
    assert (quotes[0]["speaker"]["name"], quotes[0]["speaker"]["title"]) == ("Chike Okafor", "novelist")
