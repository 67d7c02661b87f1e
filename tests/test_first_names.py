"""First names' usual gender, learned from the evidence articles give."""

from collections import Counter

from models import first_names
from models.lexicon import load_lexicon


def test_evidence_comes_from_the_article_not_from_the_list(attributor):
    nlp = attributor.nlp
    doc = nlp("Mrs. Dana Holt spoke first. Robin Vale said he would wait. Kim Lee said nothing.")
    found = set(first_names.evidence(doc, load_lexicon()))
    assert ("dana", "f") in found and ("robin", "m") in found
    assert not any(name == "kim" for name, _ in found)  # no evidence, no vote


def test_a_name_counts_once_an_article_and_only_agreement_is_kept(attributor):
    nlp = attributor.nlp
    docs = [nlp("Mrs. Dana Holt spoke. Mrs. Holt left.")] * 2 + [nlp("Mr. Dana Roe spoke.")]
    counts = first_names.count(docs, load_lexicon())
    assert counts[("dana", "f")] == 2 and counts[("dana", "m")] == 1
    assert first_names.learn(counts, min_articles=2, min_agreement=0.6)[0].gender == "f"
    assert first_names.learn(counts, min_articles=2, min_agreement=0.9) == []


def test_written_file_is_what_the_lexicon_reads(tmp_path):
    path = tmp_path / "first_names.tsv"
    first_names.write(first_names.learn(Counter({("tom", "m"): 3})), path)
    rows = [line.split("\t") for line in path.read_text().splitlines() if not line.startswith("#")]
    assert rows == [["tom", "m", "1.0", "3"]]
