"""Role nouns are read off where news sets nouns beside names."""

import spacy
from spacy.tokens import Doc, Span

from models import role_nouns
from models.lexicon import load_lexicon


def test_a_noun_in_apposition_to_a_name_is_beside_it():
    words = ["Dana", "Holt", ",", "a", "speechwriter", ",", "left", "the", "election"]
    heads = [1, 6, 1, 4, 1, 1, 6, 8, 6]
    deps = ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "det", "dobj"]
    tags = ["NNP", "NNP", ",", "DT", "NN", ",", "VBD", "DT", "NN"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    doc.ents = [Span(doc, 0, 2, "PERSON")]
    assert dict(role_nouns.roles_beside_names(doc, load_lexicon())) == {"speechwriter": True, "election": False}


def test_learned_nouns_are_in_the_lexicon_and_tell_roles_from_other_groups():
    lexicon = load_lexicon()
    assert lexicon.role_nouns and lexicon.is_role_word("speechwriters") and not lexicon.is_role_word("voters")
