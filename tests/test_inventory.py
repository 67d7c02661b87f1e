"""The cue inventory counts frames against gold cues; the learned list is what it kept."""

from collections import Counter

import spacy
from spacy.tokens import Doc

from models import inventory
from models.inventory import CLAUSE, INFINITIVE, MIN_PRECISION, OBJECT, PASSIVE, Counts, GoldCue, count, frame_of, learn
from models.lexicon import load_lexicon


def parsed(words, heads, deps, pos):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    return doc


def test_frames_of_a_verb_with_a_clause_and_with_an_infinitive():
    shows = parsed(["Polls", "show", "he", "leads"], [1, 1, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp"],
                   ["NOUN", "VERB", "PRON", "VERB"])
    wants = parsed(["She", "wants", "to", "win"], [1, 1, 3, 1], ["nsubj", "ROOT", "aux", "xcomp"],
                   ["PRON", "VERB", "PART", "VERB"])
    assert frame_of(shows[1])[1] == CLAUSE and frame_of(wants[1])[1] == INFINITIVE
    assert frame_of(shows[0]) is None


def test_count_and_learn_keep_only_precise_frames():
    doc = parsed(["Polls", "show", "he", "leads"], [1, 1, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp"],
                 ["NOUN", "VERB", "PRON", "VERB"])
    counts = count([(doc, [GoldCue(6, 10, ((11, 19),))])] * 3 + [(doc, [])])
    assert counts.seen[("show", CLAUSE)] == 4 and counts.gold[("show", CLAUSE)] == 3
    assert [c.form for c in learn(counts, min_seen=4, min_precision=0.7)] == ["show"]
    assert learn(counts, min_seen=4, min_precision=0.8) == []


def test_a_nominal_frame_needs_more_precision_than_a_propositional_one():
    # at 0.4 `plans to C` is kept while `pushed X` is not: a noun object is as often a topic
    seen = Counter({("plans", INFINITIVE): 10, ("pushed", OBJECT): 10})
    gold = Counter({("plans", INFINITIVE): 4, ("pushed", OBJECT): 4})
    kept = learn(Counts(seen, gold), min_seen=5, min_precision=0.3, min_precision_nominal=0.5)
    assert [(c.form, c.frame) for c in kept] == [("plans", INFINITIVE)]
    assert len(learn(Counts(seen, gold), min_seen=5, min_precision=0.3, min_precision_nominal=0.4)) == 2


def test_a_rare_form_is_judged_with_the_other_forms_of_its_lemma():
    # `accuses` seen twice cannot be judged alone; with `accused` (8, 7 of them cues) its lemma
    # clears the thresholds, so both forms are kept. `reporting`, seen often enough, is judged on
    # its own record even though `reported` is a good cue
    seen = Counter({("accused", OBJECT): 8, ("accuses", OBJECT): 2, ("reported", CLAUSE): 10,
                    ("reporting", CLAUSE): 10})
    gold = Counter({("accused", OBJECT): 7, ("accuses", OBJECT): 1, ("reported", CLAUSE): 9,
                    ("reporting", CLAUSE): 2})
    lemmas = {("accused", OBJECT): "accuse", ("accuses", OBJECT): "accuse", ("reported", CLAUSE): "report",
              ("reporting", CLAUSE): "report"}
    kept = {c.form: c for c in learn(Counts(seen, gold, lemmas), min_seen=5, min_precision=0.5)}
    assert set(kept) == {"accused", "accuses", "reported"}
    assert (kept["accuses"].precision, kept["accuses"].seen, kept["accuses"].lemma) == (0.8, 10, "accuse")
    assert kept["accused"].lemma == ""  # judged on its own eight


def test_without_a_lemma_a_rare_form_is_not_judged():
    counts = Counts(Counter({("accuses", OBJECT): 2}), Counter({("accuses", OBJECT): 2}))
    assert learn(counts, min_seen=5) == []


def test_the_learned_list_is_loaded_with_its_precision():
    learned = load_lexicon().learned
    assert learned and all(MIN_PRECISION <= p <= 1 for p in learned.values())


def test_no_topic_verb_is_learned_with_a_nominal_or_gerund_complement():
    lexicon = load_lexicon()
    topics = [(form, frame) for form, frame in lexicon.learned if form in lexicon.topic_verbs]
    assert all(frame in (CLAUSE, INFINITIVE) for _, frame in topics), topics


def test_a_nominal_complement_counts_only_when_it_is_the_content():
    # `Critics praised the plan`: a cue whose content is the object counts; one whose content is
    # elsewhere (`told reporters` + a later clause) does not
    doc = parsed(["Critics", "praised", "the", "plan"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"],
                 ["NOUN", "VERB", "DET", "NOUN"])
    assert frame_of(doc[1])[1] == OBJECT
    counts = count([(doc, [GoldCue(8, 15, ((16, 24),))]), (doc, [GoldCue(8, 15, ((0, 7),))])])
    assert counts.seen[("praised", OBJECT)] == 2 and counts.gold[("praised", OBJECT)] == 1


def test_an_object_with_a_document_for_subject_is_a_frame_of_its_own():
    # `the survey showed a lead` is a finding; `the mayor showed courage` is not
    words, heads = ["The", "survey", "showed", "a", "lead"], [1, 2, 2, 4, 2]
    deps, pos = ["det", "nsubj", "ROOT", "det", "dobj"], ["DET", "NOUN", "VERB", "DET", "NOUN"]
    survey = parsed(words, heads, deps, pos)
    mayor = parsed(["The", "mayor", "showed", "some", "courage"], heads, deps, pos)
    documents = frozenset({"survey"})
    assert frame_of(survey[2], documents)[1] == inventory.DOCUMENT_OBJECT and frame_of(mayor[2], documents)[1] == OBJECT
    assert frame_of(survey[2])[1] == OBJECT
    counts = count([(survey, [GoldCue(11, 17, ((18, 24),))])], documents=documents)
    assert counts.gold[("showed", inventory.DOCUMENT_OBJECT)] == 1 and counts.seen[("showed", OBJECT)] == 0


def test_an_infinitive_counts_only_when_it_is_the_content():
    # `Trump continued to tell reporters in every interview he was eligible`: a gold cue may span
    # `continued to tell reporters` while the content is the clause inside; that is no
    # attribution by `continued to C`
    words = ["Trump", "continued", "to", "tell", "reporters", "in", "every", "interview", "he", "was", "eligible"]
    doc = parsed(words, [1, 1, 3, 1, 3, 3, 7, 5, 9, 3, 9],
                 ["nsubj", "ROOT", "aux", "xcomp", "dobj", "prep", "det", "pobj", "nsubj", "ccomp", "acomp"],
                 ["PROPN", "VERB", "PART", "VERB", "NOUN", "ADP", "DET", "NOUN", "PRON", "AUX", "ADJ"])
    assert frame_of(doc[1])[1] == INFINITIVE
    text = doc.text
    clause = text.index("he was")
    inner = GoldCue(6, text.index(" in every"), ((clause, len(text)),))
    whole = GoldCue(6, 15, ((text.index("to tell"), len(text)),))
    counts = count([(doc, [inner]), (doc, [whole])])
    assert counts.seen[("continued", INFINITIVE)] == 2 and counts.gold[("continued", INFINITIVE)] == 1


def test_a_raising_verb_is_measured_by_the_whole_clause_it_draws():
    # `Most voters in the state seemed to favour the plan`: the rules attribute the whole clause
    words = ["Most", "voters", "in", "the", "state", "seemed", "to", "favour", "the", "plan"]
    doc = parsed(words, [1, 5, 1, 4, 2, 5, 7, 5, 9, 7],
                 ["amod", "nsubj", "prep", "det", "pobj", "ROOT", "aux", "xcomp", "det", "dobj"],
                 ["ADJ", "NOUN", "ADP", "DET", "NOUN", "VERB", "PART", "VERB", "DET", "NOUN"])
    seemed = doc.text.index("seemed")
    whole = GoldCue(seemed, seemed + 6, ((0, len(doc.text)),))
    assert count([(doc, [whole])]).gold[("seemed", INFINITIVE)] == 0  # the infinitive alone: too little
    assert count([(doc, [whole])], whole_clause=frozenset({"seemed"})).gold[("seemed", INFINITIVE)] == 1


def test_a_passive_with_its_agent_is_a_frame_of_its_own():
    # `The plan was backed by the council`: the subject is the content, the agent the source
    words = ["The", "plan", "was", "backed", "by", "the", "council"]
    doc = parsed(words, [1, 3, 3, 3, 3, 6, 4], ["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj"],
                 ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN"])
    complement, frame = frame_of(doc[3])
    assert (complement.text, frame) == ("plan", PASSIVE)
    no_agent = parsed(words[:4], [1, 3, 3, 3], ["det", "nsubjpass", "auxpass", "ROOT"], ["DET", "NOUN", "AUX", "VERB"])
    assert frame_of(no_agent[3])[1] == inventory.AGENTLESS_PASSIVE


def test_an_agentless_passive_is_measured_by_its_whole_clause():
    # `The coach was accused of cheating`: no one named accuses; the gold content is the clause
    # from its subject, which the frame must draw (the verb's own words alone are too little)
    words = ["The", "coach", "was", "accused", "of", "cheating"]
    doc = parsed(words, [1, 3, 3, 3, 3, 4], ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pobj"],
                 ["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN"])
    assert frame_of(doc[3]) == (doc[3], inventory.AGENTLESS_PASSIVE)
    accused = doc.text.index("accused")
    gold = GoldCue(accused, accused + 7, ((0, 9), (accused + 8, len(doc.text))))
    assert count([(doc, [gold])]).gold[("accused", inventory.AGENTLESS_PASSIVE)] == 1


def test_an_agentless_passive_needs_the_stricter_threshold():
    counts = Counts(Counter({("signed", inventory.AGENTLESS_PASSIVE): 10, ("signed", "clause"): 10}),
                    Counter({("signed", inventory.AGENTLESS_PASSIVE): 3, ("signed", "clause"): 3}))
    assert [(c.form, c.frame) for c in learn(counts)] == [("signed", "clause")]


def test_a_gerund_right_after_its_verb_is_a_frame_of_its_own():
    # `She reported raising funds`; not the progressive `she's raising funds` misparsed as a verb
    words, heads = ["She", "reported", "raising", "funds"], [1, 1, 1, 2]
    deps, pos = ["nsubj", "ROOT", "xcomp", "dobj"], ["PRON", "VERB", "VERB", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
              tags=["PRP", "VBD", "VBG", "NNS"])
    complement, frame = frame_of(doc[1])
    assert (complement.text, frame) == ("raising", inventory.GERUND)
    progressive = Doc(spacy.blank("en").vocab, words=["She", "’s", "raising", "funds"], heads=heads, deps=deps,
                      pos=pos, tags=["PRP", "VBZ", "VBG", "NNS"])
    assert frame_of(progressive[1]) is None
