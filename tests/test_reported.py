"""Reported speech on sentences written for these tests."""

import signal

import pytest
import spacy
from spacy.tokens import Doc

from models.lexicon import load_lexicon
from models.reported import quoted_name_cue
from models.spans import after_dateline, subject_of


def only(quotes):
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_said_that_clause(extract):
    q = only(extract("The mayor said that the bridge would reopen in May."))
    assert (q["type"], q["text"]) == ("indirect", "the bridge would reopen in May")
    assert q["cue"]["text"] == "said" and q["speaker"]["mention"]["text"] == "The mayor"


def test_said_without_that(extract):
    q = only(extract("Officials warned the river could flood by Friday."))
    assert q["text"] == "the river could flood by Friday" and q["cue"]["text"] == "warned"


def test_inverted_order_with_title(extract):
    q = only(extract('"We have seen no movement," said Health Minister Clara Voss.'))
    assert q["type"] == "direct" and q["text"] == "We have seen no movement,"
    assert q["speaker"]["name"] == "Clara Voss" and q["speaker"]["title"] == "Health Minister"


def test_according_to_splits_content_around_the_source(extract):
    q = only(extract("The talks, according to three officials, will resume on Monday."))
    assert [f["text"] for f in q["fragments"]] == ["The talks", "will resume on Monday"]
    assert q["cue"]["text"] == "according to" and q["speaker"]["mention"]["text"] == "three officials"
    assert q["speaker"]["kind"] == "group"


def test_participle_shares_the_subject(extract):
    quotes = extract("Mayor Ada Brook spoke on Tuesday, saying that the budget was balanced.")
    q = only(quotes)
    assert q["cue"]["text"] == "saying" and q["speaker"]["name"] == "Ada Brook"


def test_small_clause_with_quoted_predicate_is_mixed(extract):
    q = only(extract('Senator Tom Hale called the bill "a disaster for farmers".'))
    assert q["type"] == "mixed" and q["text"].startswith("the bill")
    assert q["cue"]["text"] == "called"


def test_told_reporters_is_one_cue(extract):
    q = only(extract("The coach told reporters the team was ready."))
    assert q["cue"]["text"] == "told reporters" and q["text"] == "the team was ready"


def test_negated_speech_is_not_a_quote(extract):
    assert extract("The company did not confirm that the plant would close.") == []


def test_mixed_quote_keeps_its_marks(extract):
    q = only(extract('The minister said the deal was "dead in the water" after the vote.'))
    assert q["type"] == "mixed" and '"dead in the water"' in q["text"]


def test_trailing_relative_clause_is_the_writers_aside(extract):
    q = only(extract("The agency reported that troops had been seen near the river, where fighting has been heavy."))
    assert q["text"] == "troops had been seen near the river"


def test_trailing_participle_clause_stays_in_the_content(extract):
    q = only(extract("The minister noted that prices had doubled, leading to protests in the capital."))
    assert q["text"] == "prices had doubled, leading to protests in the capital"


def test_light_verb_with_a_noun_of_saying(extract):
    q = only(extract("The union has raised concern that the factory may close by winter."))
    assert q["text"] == "the factory may close by winter" and q["cue"]["text"] == "raised concern"
    assert q["speaker"]["mention"]["text"] == "The union"


def test_called_for_keeps_the_whole_list(extract):
    q = extract("The mayor spoke on Friday, calling for more buses, more trains, more bike lanes as well as "
                "cheaper tickets for students.")[-1]
    assert q["text"].startswith("more buses") and q["text"].endswith("cheaper tickets for students")


def test_a_preposition_before_a_date_is_no_particle_of_the_cue(extract):
    # `called ... on Friday` says when they were summoned, not whom they called on
    assert extract("Police were called to the house at 9pm on Friday.") == []
    assert [q["cue"]["text"] for q in extract("The mayor called on residents to stay indoors.")] == ["called on"]


def test_warned_against_takes_what_it_warns_of(extract):
    q = only(extract("The nurses' union warned against cutting night shifts at the hospital."))
    assert (q["cue"]["text"], q["text"]) == ("warned against", "cutting night shifts at the hospital")


def test_a_pronoun_after_a_phrasal_cue_is_no_content(extract):
    assert extract("The council warned against it again.") == []


def test_parenthetical_cue_splits_the_content(extract):
    q = only(extract("The new line, the transport minister said, would open before the summer."))
    assert [f["text"] for f in q["fragments"]] == ["The new line", "would open before the summer"]
    assert q["cue"]["text"] == "said" and q["speaker"]["mention"]["text"] == "the transport minister"


def test_parenthetical_cue_after_a_whole_clause_that_goes_on(extract):
    q = only(extract("The mill was a giant, Ms. Hale said, until it closed in 2001."))
    assert [f["text"] for f in q["fragments"]] == ["The mill was a giant", "until it closed in 2001"]
    assert q["speaker"]["name"] == "Hale"


def test_a_noun_of_saying_needs_someone_who_can_say_it(extract):
    assert extract("The flood has raised concerns that the harvest may fail.") == []


def test_refused_and_refrained_speech_did_not_happen(extract):
    assert extract("The ministry refrained from confirming the arrests.") == []
    q = only(extract("The ministry declined to say that the arrests had happened."))
    assert (q["kind"], q["cue"]["text"], q["text"]) == ("refusal", "declined", "to say that the arrests had happened")


def test_what_a_refusal_left_unsaid_is_not_said_by_a_verb_joined_to_it(extract):
    q = only(extract("The company refused to publish the audit or explain why the figures had changed."))
    assert q["kind"] == "refusal" and q["text"] == "to publish the audit or explain why the figures had changed"
    assert extract("The firm failed to publish the audit or explain why the figures had changed.") == []


def test_an_unanswered_request_is_a_refusal(extract):
    q = only(extract("A spokeswoman for the port did not immediately respond to a request for comment."))
    assert (q["kind"], q["cue"]["text"], q["text"]) == ("refusal", "respond to", "a request for comment")
    assert q["speaker"]["mention"]["text"] == "A spokeswoman for the port"
    assert extract("The port did not respond.") == []


def test_a_plan_is_an_intention_not_speech(extract):
    # PolNeAR marks intentions as attributions; the kind keeps them apart from what was said
    q = only(extract("The council plans to open a new school next year."))
    assert (q["kind"], q["cue"]["text"], q["text"]) == ("belief", "plans", "to open a new school next year")


def test_stressed_with_a_noun_object(extract):
    q = only(extract("The envoy stressed the importance of keeping the border open."))
    assert q["text"] == "the importance of keeping the border open" and q["cue"]["text"] == "stressed"


def test_a_list_after_a_comma_is_not_an_aside(extract):
    q = only(extract("The general said that the army needs more tanks, more drones as well as training."))
    assert q["text"] == "the army needs more tanks, more drones as well as training"


def test_stance_verbs_are_not_speech(extract):
    assert extract("Most farmers oppose the new water rules.") == []


def test_second_statement_joined_to_the_reported_clause_keeps_the_first_speaker(extract):
    text = ("Mayor Dana Reyes noted that Oslo had been warning its partners about the storm "
            "for days and accused them of acting too slowly.")
    first, second = extract(text)
    assert first["text"] == "Oslo had been warning its partners about the storm for days"
    assert second["cue"]["text"] == "accused" and second["speaker"]["name"] == "Dana Reyes"


def test_subject_the_parser_hung_on_the_cue_stays_in_the_content(extract):
    text = ("The ministry alleges Norway, having signed a secret pact with its neighbour in 2019, "
            "has shipped arms across the border.")
    q = only(extract(text))
    assert q["text"].startswith("Norway, having signed") and q["text"].endswith("across the border")


def test_the_person_told_is_not_taken_for_the_subject_of_the_content(extract):
    quotes = extract("The coach told a young player who asked about the season is going to be hard.")
    assert all(not q["text"].startswith("a young player") for q in quotes)


def test_a_belief_verb_needs_someone_to_hold_the_belief(extract):
    assert extract("The vote failed. It means the plant will close in June.") == []
    q = only(extract("The board thinks the plant will close in June."))
    assert q["text"] == "the plant will close in June" and q["speaker"]["mention"]["text"] == "The board"


def test_small_clause_keeps_an_adjunct_of_its_verb_but_not_one_set_off_by_a_comma(extract):
    q = only(extract("The mayor called the plan a disaster during the debate on Monday."))
    assert q["text"] == "the plan a disaster during the debate on Monday"
    q = only(extract("The mayor called the plan a disaster, in a rare show of anger."))
    assert q["text"] == "the plan a disaster"


def test_passive_characterisation_with_its_agent(extract):
    q = only(extract("The test was condemned as a clear breach of the treaty by the foreign minister."))
    assert [f["text"] for f in q["fragments"]] == ["The test", "a clear breach of the treaty"]
    assert q["cue"]["text"] == "condemned" and q["speaker"]["mention"]["text"] == "the foreign minister"


def test_passive_characterisation_without_a_source_is_not_a_quote(extract):
    assert extract("The test was condemned as a clear breach of the treaty.") == []


def test_a_learned_infinitive_cue(extract):
    q = extract("The mayor encouraged residents to stay home on Monday.")[0]
    assert (q["cue"]["text"], q["speaker"]["mention"]["text"]) == ("encouraged", "The mayor")
    assert q["text"].endswith("stay home on Monday")


def test_a_learned_noun_of_saying_takes_its_possessor_as_source(extract):
    q = extract("His assertion that the council had lied was rejected.")[0]
    found = (q["cue"]["text"], q["text"], q["speaker"]["mention"]["text"])
    assert found == ("assertion", "the council had lied", "His")


def test_a_refusal_is_a_kind_of_its_own(extract):
    q = only(extract("The ministry declined to comment on the report."))
    found = (q["kind"], q["text"], q["speaker"]["mention"]["text"])
    assert found == ("refusal", "to comment on the report", "The ministry")


def test_a_cue_inside_a_prepositional_phrase_takes_the_clauses_subject(extract):
    q = extract("Mayor Sarah Johnson responded on Monday by saying the budget was a manufactured issue.")[0]
    assert q["speaker"]["name"] == "Sarah Johnson"


def test_a_learned_verb_with_its_object_as_content(extract):
    q = extract("Sen. Sarah Johnson praised the new budget plan on Monday.")[0]
    assert q["type"] == "indirect" and q["cue"]["text"] == "praised"
    assert q["text"].startswith("the new budget plan") and q["speaker"]["name"] == "Sarah Johnson"


def test_a_learned_verb_with_a_preposition_takes_both_as_cue(extract):
    q = extract("Sen. Sarah Johnson called for a full inquiry into the contracts.")[0]
    assert q["cue"]["text"] == "called for" and q["text"].startswith("a full inquiry")


def test_a_poll_that_opens_a_sentence_is_the_source_of_its_clause(extract):
    q = extract("In a Des Moines Register poll released Monday, Sen. Tom Reyes had a 10-point lead.")[0]
    assert q["kind"] == "evidence" and q["speaker"]["name"] == "Des Moines Register poll"
    assert q["text"] == "Sen. Tom Reyes had a 10-point lead"
    assert [q["cue"]["text"] for q in extract("In his statement, the mayor said the plan was sound.")] == ["said"]


def test_what_a_document_shows_is_the_rest_of_its_predicate(extract):
    q = only(extract("A county survey released Friday showed the mayor with a narrow lead over the sheriff, "
                     "winning 48 percent of the vote."))
    assert (q["kind"], q["cue"]["text"]) == ("evidence", "showed")
    assert q["text"] == "the mayor with a narrow lead over the sheriff, winning 48 percent of the vote"


def test_records_and_results_are_documents_that_show_things(extract):
    q = only(extract("Court records showed the landlord with more than 40 unpaid fines."))
    assert (q["kind"], q["text"]) == ("evidence", "the landlord with more than 40 unpaid fines")


def test_a_raising_verb_attributes_its_whole_clause_to_no_one_named(extract):
    q = extract("The new recruits are expected to join the front line soon.")
    raising = [x for x in q if x["cue"] and x["cue"]["text"] == "expected"]
    assert raising and raising[0]["text"].startswith("The new recruits are expected to join the front line soon")
    assert raising[0]["speaker"] is None and raising[0]["kind"] == "belief"


def test_an_agentless_passive_attributes_subject_and_predicate_to_no_one_named(extract):
    q = only(extract("The contractor was accused of overbilling the city for road repairs."))
    assert [f["text"] for f in q["fragments"]] == ["The contractor", "of overbilling the city for road repairs"]
    assert (q["cue"]["text"], q["speaker"], q["kind"]) == ("accused", None, "speech")


def test_an_agentless_passive_stops_before_an_aside_set_off_after_it(extract):
    q = only(extract("The senator was accused of corruption, drawing a sharp rebuke from her party."))
    assert q["fragments"][-1]["text"] == "of corruption"


def test_a_passive_no_one_marks_as_said_is_no_attribution(extract):
    assert extract("The old bridge was repaired of its cracks last spring.") == []


def test_a_clause_on_the_object_of_the_cues_preposition(extract):
    q = only(extract("At the hearing, the minister elaborated on the fact that the ferries are being repaired "
                     "in Norway."))
    assert q["text"] == "the ferries are being repaired in Norway" and q["speaker"]["mention"]["text"] == "the minister"


def test_made_clear_keeps_clear_out_of_the_content(extract):
    q = only(extract("The council has made clear it plans in its final weeks to close the old library."))
    assert q["text"] == "it plans in its final weeks to close the old library" and q["cue"]["text"] == "made clear"


def test_passive_object_cue_takes_its_agent_as_source(extract):
    q = only(extract("The new tariffs have been condemned by the farmers' union."))
    assert q["text"] == "The new tariffs" and q["speaker"]["mention"]["text"] == "the farmers' union"


def test_a_cue_on_a_document_noun_has_the_document_as_source(extract):
    q = only(extract("The vote follows reports from the World Bank indicating that inflation has slowed in Peru."))
    assert q["text"] == "inflation has slowed in Peru" and q["speaker"]["name"] == "World Bank"


def test_stopped_short_of_calling_shares_the_subject(extract):
    q = extract("The mayor praised the plan, but stopped short of calling the budget a success.")[-1]
    assert q["cue"]["text"] == "calling" and q["speaker"]["mention"]["text"] == "The mayor"


def test_a_finite_cue_the_parser_left_without_subject_takes_the_names_right_before_it():
    """`After the war, Reyes and Johnson call them liars`, with the names parsed as conjuncts of
    `war`: the first of the names is the subject."""
    words = ["After", "the", "war", ",", "Reyes", "and", "Johnson", "call", "them", "liars", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[7, 2, 0, 2, 2, 4, 4, 7, 7, 7, 7],
              deps=["prep", "det", "pobj", "punct", "conj", "cc", "conj", "ROOT", "dobj", "oprd", "punct"],
              pos=["ADP", "DET", "NOUN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "PRON", "NOUN", "PUNCT"],
              tags=["IN", "DT", "NN", ",", "NNP", "CC", "NNP", "VBP", "PRP", "NNS", "."],
              ents=["O", "O", "O", "O", "B-PERSON", "O", "B-PERSON", "O", "O", "O", "O"])
    assert subject_of(doc[7]).text == "Reyes"


def test_a_passive_cue_takes_only_its_own_agent(extract):
    quotes = extract("He could not explain why the rule is cited on the city's website or why it was "
                     "mentioned by Sarah Johnson in an interview.")
    assert not any(q["text"].startswith("the rule") for q in quotes), quotes


def test_an_object_and_the_infinitive_after_it_are_the_content_together(extract):
    q = only(extract("Tom Reyes called on the council to release the videos."))
    assert (q["text"], q["cue"]["text"]) == ("the council to release the videos", "called on")


def test_an_object_keeps_its_complement_but_not_the_occasion(extract):
    # the parser hangs `from ...` and `on Tuesday` on the verb
    q = only(extract("Sarah Johnson cited his own endorsements from 88 generals and admirals on Tuesday."))
    assert q["text"] == "his own endorsements from 88 generals and admirals"


def test_a_topic_is_not_what_was_said(extract):
    assert extract("The minister discussed the budget with the mayor on Monday.") == []
    assert extract("Senators talked about the war for an hour.") == []


def test_a_learned_frame_takes_words_quoted_inside_the_writers_sentence(extract):
    q = only(extract('The court ruled that the law was "plainly unconstitutional" and void.'))
    assert (q["type"], q["cue"]["text"]) == ("mixed", "ruled")
    assert q["text"] == 'the law was "plainly unconstitutional" and void'


def test_an_opening_as_clause_attributes_the_clause_it_opens(extract):
    q = only(extract("As the regional newspaper reported, the mine will close in March."))
    assert (q["type"], q["text"], q["cue"]["text"]) == ("indirect", "the mine will close in March", "reported")
    assert q["speaker"]["mention"]["text"] == "the regional newspaper"


def test_an_opening_as_clause_with_a_phrasal_cue_keeps_its_particle(extract):
    q = only(extract("As several economists have pointed out, the tax cut will raise the deficit."))
    assert (q["text"], q["cue"]["text"]) == ("the tax cut will raise the deficit", "pointed out")
    assert q["speaker"]["mention"]["text"] == "several economists"
    assert extract("As he pointed out the window, the rain began.") == []


def test_an_as_clause_with_its_own_object_or_after_the_clause_is_no_attribution(extract):
    assert extract("As he said this, the crowd in the square cheered loudly.") == []
    assert extract("Bridging that gap means cutting costs, as the mayor proposes.") == []


def test_a_word_fronted_before_the_cue_is_not_part_of_what_was_said(extract):
    # `which` belongs to the reported clause in the parse, but it comes before the cue: the
    # content starts after the cue, and the speaker, no longer inside it, is found
    q = only(extract("The quarry, which the owner says she will keep open, employs 300 people."))
    assert (q["text"], q["speaker"]["mention"]["text"]) == ("she will keep open", "the owner")


def test_a_content_cut_before_the_next_conjunct_leaves_no_dangling_and(extract):
    q = only(extract("The gap between what the mayor says the plan would cost and what it really costs is wide."))
    assert q["text"] == "the plan would cost"


@pytest.mark.parametrize("text, cue, source, content", [
    ("The story came from the county newspaper, which first reported the closure of the plant.", "reported",
     "county newspaper", "the closure of the plant"),
    ("The data came from the state health agency, which found that infections fell by half.", "found",
     "state health agency", "infections fell by half"),
])
def test_a_relative_pronoun_speaks_for_its_antecedent(extract, text, cue, source, content):
    q = only(extract(text))
    assert (q["cue"]["text"], q["speaker"]["name"], q["text"]) == (cue, source, content)


def test_a_relative_pronoun_that_stands_for_a_thing_is_no_source(extract):
    assert extract("The new rule, which shows the limits of the law, takes effect in May.") == []


def test_a_learned_passive_attributes_its_subject_to_its_agent(extract):
    q = only(extract("The closure of the plant was first reported by the county newspaper."))
    assert (q["text"], q["speaker"]["mention"]["text"]) == ("The closure of the plant", "the county newspaper")
    assert extract("The bridge over the river was built by a local firm.") == []


@pytest.mark.parametrize("text, cue, content", [
    ('Reid has gone after Trump as a "human leech who will bleed the country."', "gone",
     'Trump as a "human leech who will bleed the country."'),
    ('The mayor heralded the deal with the union as a "breakthrough."', "heralded",
     'the deal with the union as a "breakthrough."'),
    # when and where it was said, hung by the parser on the quoted noun, is not what was said
    ('The governor blasted Clinton as a "disgrace" Wednesday on a radio show.', "blasted",
     'Clinton as a "disgrace"'),
    ('Former President Bill Clinton criticized the health law as a "crazy system" during a campaign stop.',
     "criticized", 'the health law as a "crazy system"'),
])
def test_casting_someone_as_quoted_words_is_a_mixed_quote(extract, text, cue, content):
    quote = extract(text)[0]
    assert (quote["type"], quote["cue"]["text"], quote["fragments"][0]["text"]) == ("mixed", cue, content)


@pytest.mark.parametrize("text, content", [
    ('The mayor blamed the flooding on "years of neglect by the state."',
     'the flooding on "years of neglect by the state."'),
    ('The senator credited the governor with holding "the whole coalition together."',
     'the governor with holding "the whole coalition together."'),
])
def test_quoted_words_in_a_phrase_after_the_object_are_said_too(extract, text, content):
    assert extract(text)[0]["fragments"][0]["text"] == content


def test_quoted_words_a_speech_verb_after_the_object_has_are_its_own(extract):
    quotes = extract('The agency confirmed the figures by announcing that the count was "final."')
    assert [q["text"] for q in quotes] == ["the figures", 'the count was "final."']


@pytest.mark.parametrize("text", [
    'She had access to the senator as a "trusted donor."',  # having casts no one as anything
    'The storm hit the town as a "category four."',  # a storm says nothing
    'The mayor never described the deal as a "breakthrough."',  # negated
])
def test_casting_needs_a_speaker_a_verb_of_doing_and_no_negation(extract, text):
    assert extract(text) == []


def test_a_naming_verb_names_what_follows_it_not_the_clause_before(extract):
    # the parser makes the clause before the colon a complement of `called`
    text = 'Even supporters sounded unsure: the former senator called it "the least bad option we have."'
    quote = only(extract(text))
    assert (quote["cue"]["text"], quote["text"]) == ("called", 'it "the least bad option we have."')


def test_a_small_clause_parsed_as_two_predicates_takes_the_first_as_its_object(extract):
    # the parser gives `called` no object here: `Hale` and `fake` are both its predicates
    quote = only(extract("One of the nurses who signed the letter called Hale a quack, fake and charlatan."))
    assert (quote["cue"]["text"], quote["text"]) == ("called", "Hale a quack, fake and charlatan")


@pytest.mark.parametrize("text, cue, content", [
    ("The mayor called for tripling the number of bus lanes.", "called for", "tripling the number of bus lanes"),
    ("The council has proposed appointing an independent auditor.", "proposed", "appointing an independent auditor"),
])
def test_a_gerund_clause_is_the_object_of_a_cue(extract, text, cue, content):
    quote = only(extract(text))
    assert (quote["cue"]["text"], quote["text"]) == (cue, content)


@pytest.mark.parametrize("text", [
    'The mayor has been called a charlatan by fellow councillors for promoting "miracle" bridges.',  # no `called for`
    "The firm defended not paying the architect.",  # a negated gerund: nothing proposed
])
def test_a_gerund_is_no_object_away_from_its_particle_or_negated(extract, text):
    assert not any(q["text"].startswith(("promoting", "not paying", "paying")) for q in extract(text))


@pytest.mark.parametrize("text, speaker", [
    ("The senator was quick to point out that the bill had failed twice.", "The senator"),
    ("It is worth noting that the bill had failed twice.", None),  # the writer's aside: no one's
])
def test_a_cue_after_an_adjective_takes_the_subject_of_its_verb(extract, text, speaker):
    quote = only(extract(text))
    assert (quote["speaker"] or {}).get("mention", {}).get("text") == speaker


def test_a_cue_the_tagger_took_for_a_noun_keeps_its_subject(rules_on):
    """`But Marlow claims that ...` with `claims` tagged a plural noun that still has a subject."""
    quote = only(rules_on("But Marlow claims that he should be the exception.", [
        ("But", "CC", "CCONJ", "cc", 2, "O"), ("Marlow", "NNP", "PROPN", "nsubj", 2, "B-PERSON"),
        ("claims", "NNS", "NOUN", "ROOT", 2, "O"), ("that", "IN", "SCONJ", "mark", 6, "O"),
        ("he", "PRP", "PRON", "nsubj", 6, "O"), ("should", "MD", "AUX", "aux", 6, "O"),
        ("be", "VB", "AUX", "ccomp", 2, "O"), ("the", "DT", "DET", "det", 8, "O"),
        ("exception", "NN", "NOUN", "attr", 6, "O"), (".", ".", "PUNCT", "punct", 2, "O")]))
    assert (quote.cue.text, quote.mention.text if quote.mention else None) == ("claims", "Marlow")


def test_an_opening_according_to_whose_parse_swallowed_the_clause_still_attributes_it(extract):
    # the parser hangs `the move reeks` on the host's name as an apposition
    text = 'According to veteran talk radio host Dale Pruitt, the move reeks of "panic" and desperation.'
    quote = only(extract(text))
    assert (quote["text"], quote["speaker"]["name"]) == ('the move reeks of "panic" and desperation', "Dale Pruitt")


def test_a_gerund_subject_the_parser_made_the_cues_complement_opens_what_was_said(rules_on):
    """`said [raising [the tax would hurt farmers]]`: the gerund hung on the cue, the clause on the gerund."""
    quote = only(rules_on("The governor said raising the tax would hurt farmers.", [
        ("The", "DT", "DET", "det", 1, "O"), ("governor", "NN", "NOUN", "nsubj", 2, "O"),
        ("said", "VBD", "VERB", "ROOT", 2, "O"), ("raising", "VBG", "VERB", "xcomp", 2, "O"),
        ("the", "DT", "DET", "det", 5, "O"), ("tax", "NN", "NOUN", "nsubj", 7, "O"),
        ("would", "MD", "AUX", "aux", 7, "O"), ("hurt", "VB", "VERB", "ccomp", 3, "O"),
        ("farmers", "NNS", "NOUN", "dobj", 7, "O"), (".", ".", "PUNCT", "punct", 2, "O")]))
    said = [f.text for f in quote.fragments]
    assert (said, quote.mention.text) == (["raising the tax would hurt farmers"], "The governor")


def test_a_question_asked_with_if_is_what_was_asked(extract):
    q = only(extract("The inspector asked the drivers if they had seen the crash."))
    assert (q["cue"]["text"], q["text"], q["speaker"]["mention"]["text"]) == (
        "asked", "if they had seen the crash", "The inspector")
    assert extract("The drivers will stop if they see a crash.") == []


def test_a_name_in_quotation_marks_after_a_naming_verb_the_parse_lost(extract):
    # the parser makes `Hale` a modifier of `times` and gives `called` no object
    q = only(extract('Within hours, he called Hale “Little Kevin” multiple times.'))
    assert (q["type"], q["cue"]["text"], q["text"]) == ("mixed", "called", "Hale “Little Kevin”")


def test_an_opening_clause_the_parser_hung_on_a_parenthetical_cue_is_what_was_said(rules_on):
    """`If C1, X warned, C2` with `If C1` parsed as a clause of `warned`, itself a parataxis of C2."""
    quote = only(rules_on("If the talks collapse, the union leader warned, the drivers will strike.", [
        ("If", "IN", "SCONJ", "mark", 3, "O"), ("the", "DT", "DET", "det", 2, "O"),
        ("talks", "NNS", "NOUN", "nsubj", 3, "O"), ("collapse", "VBP", "VERB", "advcl", 8, "O"),
        (",", ",", "PUNCT", "punct", 8, "O"), ("the", "DT", "DET", "det", 7, "O"),
        ("union", "NN", "NOUN", "compound", 7, "O"), ("leader", "NN", "NOUN", "nsubj", 8, "O"),
        ("warned", "VBD", "VERB", "parataxis", 13, "O"), (",", ",", "PUNCT", "punct", 8, "O"),
        ("the", "DT", "DET", "det", 11, "O"), ("drivers", "NNS", "NOUN", "nsubj", 13, "O"),
        ("will", "MD", "AUX", "aux", 13, "O"), ("strike", "VB", "VERB", "ROOT", 13, "O"),
        (".", ".", "PUNCT", "punct", 13, "O")]))
    assert [f.text for f in quote.fragments] == ["If the talks collapse", "the drivers will strike"]
    assert quote.mention.text == "the union leader"


def test_an_opening_as_clause_whose_comma_hangs_on_the_cue(rules_on):
    quote = only(rules_on("As The Courier noted, rents have doubled.", [
        ("As", "IN", "SCONJ", "mark", 3, "O"), ("The", "DT", "DET", "det", 2, "B-ORG"),
        ("Courier", "NNP", "PROPN", "nsubj", 3, "I-ORG"), ("noted", "VBD", "VERB", "advcl", 7, "O"),
        (",", ",", "PUNCT", "punct", 3, "O"), ("rents", "NNS", "NOUN", "nsubj", 7, "O"),
        ("have", "VBP", "AUX", "aux", 7, "O"), ("doubled", "VBN", "VERB", "ROOT", 7, "O"),
        (".", ".", "PUNCT", "punct", 7, "O")]))
    assert ([f.text for f in quote.fragments], quote.mention.text) == (["rents have doubled"], "The Courier")


def test_a_quoted_name_list_left_open_ends_at_its_last_closed_item(attributor):
    # the list loop once stayed on an unclosed item for ever; the alarm turns a hang into a failure
    text = "Within hours, he called Hale “Little Kevin” and “the worst, and left."
    doc = attributor.nlp(text)
    called = next(t for t in doc if t.text == "called")
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the naming rule did not return"))
    signal.alarm(30)
    try:
        cue = quoted_name_cue(called, load_lexicon())
    finally:
        signal.alarm(0)
    assert [text[s:e] for s, e in cue.content] == ["Hale “Little Kevin”"]


def test_a_that_clause_the_parser_took_for_an_adverbial_one_is_what_was_said(rules_on):
    """`tweeted late on Sunday that C`, with C parsed as an adverbial clause opened by `that`."""
    quote = only(rules_on("The senator tweeted late on Sunday that the vote was “rigged.”", [
        ("The", "DT", "DET", "det", 1, "O"), ("senator", "NN", "NOUN", "nsubj", 2, "O"),
        ("tweeted", "VBD", "VERB", "ROOT", 2, "O"), ("late", "RB", "ADV", "advmod", 2, "O"),
        ("on", "IN", "ADP", "prep", 2, "O"), ("Sunday", "NNP", "PROPN", "pobj", 4, "B-DATE"),
        ("that", "WDT", "PRON", "advmod", 9, "O"), ("the", "DT", "DET", "det", 8, "O"),
        ("vote", "NN", "NOUN", "nsubj", 9, "O"), ("was", "VBD", "AUX", "advcl", 2, "O"),
        ("“", "``", "PUNCT", "punct", 11, "O"), ("rigged", "JJ", "ADJ", "acomp", 9, "O"),
        (".", ".", "PUNCT", "punct", 9, "O"), ("”", "''", "PUNCT", "punct", 9, "O")]))
    assert ([f.text for f in quote.fragments], quote.mention.text) == (["the vote was “rigged.”"], "The senator")


def test_a_relative_that_opening_an_adverbial_clause_is_not_a_report(rules_on):
    """`charged with fraud in the scheme that cost ...`: `that` is the clause's subject, not its mark."""
    assert rules_on("She was charged in the scheme that cost savers millions.", [
        ("She", "PRP", "PRON", "nsubjpass", 2, "O"), ("was", "VBD", "AUX", "auxpass", 2, "O"),
        ("charged", "VBN", "VERB", "ROOT", 2, "O"), ("in", "IN", "ADP", "prep", 2, "O"),
        ("the", "DT", "DET", "det", 5, "O"), ("scheme", "NN", "NOUN", "pobj", 3, "O"),
        ("that", "WDT", "PRON", "nsubj", 7, "O"), ("cost", "VBD", "VERB", "advcl", 2, "O"),
        ("savers", "NNS", "NOUN", "dative", 7, "O"), ("millions", "NNS", "NOUN", "dobj", 7, "O"),
        (".", ".", "PUNCT", "punct", 2, "O")]) == []


def test_a_comparison_after_a_quoted_characterisation_is_part_of_it(rules_on):
    """`rated X as "false," compared to Y`, the comparison hung on the verb."""
    quote = only(rules_on("The senator rated most claims as “false,” compared to a few of ours.", [
        ("The", "DT", "DET", "det", 1, "O"), ("senator", "NN", "NOUN", "nsubj", 2, "O"),
        ("rated", "VBD", "VERB", "ROOT", 2, "O"), ("most", "JJS", "ADJ", "amod", 4, "O"),
        ("claims", "NNS", "NOUN", "dobj", 2, "O"), ("as", "IN", "ADP", "prep", 2, "O"),
        ("“", "``", "PUNCT", "punct", 7, "O"), ("false", "JJ", "ADJ", "pobj", 5, "O"),
        (",", ",", "PUNCT", "punct", 2, "O"), ("”", "''", "PUNCT", "punct", 2, "O"),
        ("compared", "VBN", "VERB", "prep", 2, "O"), ("to", "IN", "ADP", "prep", 10, "O"),
        ("a", "DT", "DET", "det", 13, "O"), ("few", "JJ", "ADJ", "pobj", 11, "O"),
        ("of", "IN", "ADP", "prep", 13, "O"), ("ours", "PRP", "PRON", "pobj", 14, "O"),
        (".", ".", "PUNCT", "punct", 2, "O")]))
    assert [f.text for f in quote.fragments] == ["most claims as “false,” compared to a few of ours"]


def test_an_answer_word_after_a_speech_verb_is_what_was_said(extract):
    quotes = extract("Asked whether the rink should stay open, most parents said yes.")
    assert [(q["cue"]["text"], q["text"]) for q in quotes][-1] == ("said", "yes")
    assert quotes[-1]["speaker"]["mention"]["text"] == "most parents"


def test_a_refusal_answer_keeps_what_it_refuses(rules_on):
    quote = only(rules_on("The council said no to the toll.", [
        ("The", "DT", "DET", "det", 1, "O"), ("council", "NN", "NOUN", "nsubj", 2, "O"),
        ("said", "VBD", "VERB", "ROOT", 2, "O"), ("no", "UH", "INTJ", "intj", 2, "O"),
        ("to", "IN", "ADP", "prep", 2, "O"), ("the", "DT", "DET", "det", 6, "O"),
        ("toll", "NN", "NOUN", "pobj", 4, "O"), (".", ".", "PUNCT", "punct", 2, "O")]))
    assert ([f.text for f in quote.fragments], quote.mention.text) == (["no to the toll"], "The council")


def test_so_is_an_answer_only_when_it_hangs_on_the_verb(extract):
    assert [q["text"] for q in extract("The mayor said so far the repairs had gone well.")] == [
        "so far the repairs had gone well"]


def test_a_verb_with_an_object_in_an_as_clause_reports_that_object(extract):
    """`C as X report Y`: the verb has an object, so Y is what was reported, not C."""
    q = only(extract("The ruling comes as several local papers report a sharp rise in rents."))
    assert (q["cue"]["text"], q["text"], q["speaker"]["mention"]["text"]) == (
        "report", "a sharp rise in rents", "several local papers")


def test_a_trailing_cue_with_only_its_hearer_still_reports_the_clause(rules_on):
    """`C, X told reporters` with `told` parsed as an adverbial clause of C's verb."""
    quote = only(rules_on("The mayor was “done with it,” his aides told reporters.", [
        ("The", "DT", "DET", "det", 1, "O"), ("mayor", "NN", "NOUN", "nsubj", 2, "O"),
        ("was", "VBD", "AUX", "ROOT", 2, "O"), ("“", "``", "PUNCT", "punct", 4, "O"),
        ("done", "JJ", "ADJ", "acomp", 2, "O"), ("with", "IN", "ADP", "prep", 4, "O"),
        ("it", "PRP", "PRON", "pobj", 5, "O"), (",", ",", "PUNCT", "punct", 2, "O"),
        ("”", "''", "PUNCT", "punct", 2, "O"), ("his", "PRP$", "PRON", "poss", 10, "O"),
        ("aides", "NNS", "NOUN", "nsubj", 11, "O"), ("told", "VBD", "VERB", "advcl", 2, "O"),
        ("reporters", "NNS", "NOUN", "dobj", 11, "O"), (".", ".", "PUNCT", "punct", 2, "O")]))
    assert ([f.text for f in quote.fragments], quote.mention.text) == (["The mayor was “done with it,”"], "his aides")


def test_a_date_between_cue_and_clause_is_when_it_was_said(rules_on):
    """`told voters this weekend he would C`, the date parsed as the clause's."""
    quote = only(rules_on("The mayor told voters this weekend he would run.", [
        ("The", "DT", "DET", "det", 1, "O"), ("mayor", "NN", "NOUN", "nsubj", 2, "O"),
        ("told", "VBD", "VERB", "ROOT", 2, "O"), ("voters", "NNS", "NOUN", "dobj", 2, "O"),
        ("this", "DT", "DET", "det", 5, "B-DATE"), ("weekend", "NN", "NOUN", "npadvmod", 8, "I-DATE"),
        ("he", "PRP", "PRON", "nsubj", 8, "O"), ("would", "MD", "AUX", "aux", 8, "O"),
        ("run", "VB", "VERB", "ccomp", 2, "O"), (".", ".", "PUNCT", "punct", 2, "O")]))
    assert [f.text for f in quote.fragments] == ["he would run"]


def test_a_named_day_after_on_between_cue_and_clause_is_when_it_was_said(rules_on):
    """`said on Tuesday it would C`, the date parsed as the clause's."""
    quote = only(rules_on("The chain said on Tuesday it would close shops.", [
        ("The", "DT", "DET", "det", 1, "O"), ("chain", "NN", "NOUN", "nsubj", 2, "O"),
        ("said", "VBD", "VERB", "ROOT", 2, "O"), ("on", "IN", "ADP", "prep", 7, "O"),
        ("Tuesday", "NNP", "PROPN", "pobj", 3, "B-DATE"), ("it", "PRP", "PRON", "nsubj", 7, "O"),
        ("would", "MD", "AUX", "aux", 7, "O"), ("close", "VB", "VERB", "ccomp", 2, "O"),
        ("shops", "NNS", "NOUN", "dobj", 7, "O"), (".", ".", "PUNCT", "punct", 2, "O")]))
    assert [f.text for f in quote.fragments] == ["it would close shops"]


def test_an_adjective_joined_to_the_cue_goes_on_with_the_content(extract):
    q = only(extract('Goalkeeper Emma Berg told the BBC she was "gutted" but proud of her teammates.'))
    assert q["text"] == 'she was "gutted" but proud of her teammates'


@pytest.mark.parametrize("dateline", ["LONDON (Reuters) - ", "BUFFALO, N.Y. (AP) — ", "WASHINGTON — "])
def test_a_dateline_is_not_part_of_what_was_said(extract, dateline):
    q = only(extract(dateline + "The water company will raise bills by 20 percent, its chief executive said."))
    assert q["text"] == "The water company will raise bills by 20 percent"


def test_a_court_ruling_that_states_what_it_rules(extract):
    text = "A judge on Friday blocked the voting law, ruling that it placed an undue burden on older voters."
    q = only(extract(text))
    assert (q["cue"]["text"], q["text"]) == ("ruling", "it placed an undue burden on older voters")


def test_who_is_told_to_act_is_part_of_what_was_said(extract):
    q = only(extract("The mayor told residents to stay indoors."))
    assert (q["cue"]["text"], q["text"]) == ("told", "residents to stay indoors")


def test_an_audience_that_belongs_to_the_cue_stays_out_of_an_infinitive(extract):
    q = only(extract("The governor told reporters to wait for the report."))
    assert (q["cue"]["text"], q["text"]) == ("told reporters", "to wait for the report")


def test_a_phrase_answer_keeps_what_it_is_about_but_not_where_it_was_said(extract):
    quotes = extract("Most tenants backed the plan, and 60 percent said the same of the new lease. "
                     "The landlord said as much in a letter on Friday.")
    assert [(q["cue"]["text"], q["text"]) for q in quotes][-2:] == [
        ("said", "the same of the new lease"), ("said", "as much")]


def test_a_clause_joined_to_the_cue_that_goes_on_in_quoted_words_is_still_said(extract):
    q = only(extract('The farmer said he had offers for the land, but "the offers were far too low."'))
    assert (q["type"], q["text"]) == ("mixed", 'he had offers for the land, but "the offers were far too low."')


@pytest.mark.parametrize("text, content", [
    # the parser joins the second `that` clause to the cue, not to the first clause
    ("The coach said the team needed rest, but that it would play on Sunday.",
     "the team needed rest, but that it would play on Sunday"),
    ('The coach said that his players "could be careless," and that the team had suffered for it.',
     'his players "could be careless," and that the team had suffered for it'),
])
def test_a_that_clause_joined_to_the_cue_is_a_second_complement(extract, text, content):
    assert only(extract(text))["text"] == content


def test_an_unquoted_clause_joined_to_the_cue_is_not_what_was_said(extract):
    q = only(extract("The farmer said he had received offers for the land, but the bank refused the loan."))
    assert q["text"] == "he had received offers for the land"


def test_two_statements_side_by_side_are_two_quotes(extract):
    quotes = extract("More than half of the members said they were not looking forward to the vote; "
                     "40 percent said they were unhappy with the choice.")
    assert [(q["text"], q["speaker"]["mention"]["text"]) for q in quotes] == [
        ("they were not looking forward to the vote", "More than half of the members"),
        ("they were unhappy with the choice", "40 percent")]


def test_a_statement_joined_to_the_reported_clause_with_its_own_speaker_ends_it(extract):
    quotes = extract("The tenants said the rent was too high, while a third of them said the landlord should resign.")
    assert [(q["text"], q["speaker"]["mention"]["text"]) for q in quotes] == [
        ("the rent was too high", "The tenants"), ("the landlord should resign", "a third of them")]


def test_a_second_that_clause_goes_on_with_the_same_report(extract):
    q = only(extract("The mayor said the deal was fair but that the union would fight it."))
    assert q["text"] == "the deal was fair but that the union would fight it"


def test_a_trailing_cue_the_parser_joined_as_a_conjunct_reports_the_clause_before(rules_on):
    text = "This includes a new unit to assist the police, the minister told a panel Wednesday."
    quote, = rules_on(text, [
        ("This", "DT", "PRON", "nsubj", 1, "O"), ("includes", "VBZ", "VERB", "ROOT", 1, "O"),
        ("a", "DT", "DET", "det", 4, "O"), ("new", "JJ", "ADJ", "amod", 4, "O"),
        ("unit", "NN", "NOUN", "dobj", 1, "O"), ("to", "TO", "PART", "aux", 6, "O"),
        ("assist", "VB", "VERB", "relcl", 4, "O"), ("the", "DT", "DET", "det", 8, "O"),
        ("police", "NNS", "NOUN", "dobj", 6, "O"), (",", ",", "PUNCT", "punct", 8, "O"),
        ("the", "DT", "DET", "det", 11, "O"), ("minister", "NN", "NOUN", "nsubj", 12, "O"),
        ("told", "VBD", "VERB", "conj", 1, "O"), ("a", "DT", "DET", "det", 14, "O"),
        ("panel", "NN", "NOUN", "dobj", 12, "O"), ("Wednesday", "NNP", "PROPN", "npadvmod", 12, "B-DATE"),
        (".", ".", "PUNCT", "punct", 12, "O")])
    assert [f.text for f in quote.fragments] == ["This includes a new unit to assist the police"]
    assert quote.cue.text == "told"


def test_a_coordinator_before_another_conjunct_does_not_join_the_trailing_cue(rules_on):
    """`A, but B, the manager said`: `but` joins B to A; the cue after B's comma is no conjunct."""
    text = "The plant will close, but the jobs will move south, the manager said."
    quote, = rules_on(text, [
        ("The", "DT", "DET", "det", 1, "O"), ("plant", "NN", "NOUN", "nsubj", 3, "O"),
        ("will", "MD", "AUX", "aux", 3, "O"), ("close", "VB", "VERB", "ROOT", 3, "O"),
        (",", ",", "PUNCT", "punct", 3, "O"), ("but", "CC", "CCONJ", "cc", 3, "O"),
        ("the", "DT", "DET", "det", 7, "O"), ("jobs", "NNS", "NOUN", "nsubj", 9, "O"),
        ("will", "MD", "AUX", "aux", 9, "O"), ("move", "VB", "VERB", "conj", 3, "O"),
        ("south", "RB", "ADV", "advmod", 9, "O"), (",", ",", "PUNCT", "punct", 9, "O"),
        ("the", "DT", "DET", "det", 13, "O"), ("manager", "NN", "NOUN", "nsubj", 14, "O"),
        ("said", "VBD", "VERB", "conj", 3, "O"), (".", ".", "PUNCT", "punct", 14, "O")])
    assert [f.text for f in quote.fragments] == ["The plant will close, but the jobs will move south"]
    assert (quote.cue.text, quote.mention.text) == ("said", "the manager")


def test_a_conjunct_opened_by_a_subordinator_is_no_trailing_cue(rules_on):
    """`A, though one of them wrote separately`: the parser hung `though` on the conjunct's
    subject; a clause that opens with a subordinator is a statement of its own, not a cue
    trailing A."""
    text = "The judges agreed that the map failed, though one of them, Judge Tom Reilly, wrote separately."
    quote, = rules_on(text, [
        ("The", "DT", "DET", "det", 1, "O"), ("judges", "NNS", "NOUN", "nsubj", 2, "O"),
        ("agreed", "VBD", "VERB", "ROOT", 2, "O"), ("that", "IN", "SCONJ", "mark", 6, "O"),
        ("the", "DT", "DET", "det", 5, "O"), ("map", "NN", "NOUN", "nsubj", 6, "O"),
        ("failed", "VBD", "VERB", "ccomp", 2, "O"), (",", ",", "PUNCT", "punct", 6, "O"),
        ("though", "IN", "SCONJ", "mark", 9, "O"), ("one", "CD", "NUM", "nsubj", 17, "O"),
        ("of", "IN", "ADP", "prep", 9, "O"), ("them", "PRP", "PRON", "pobj", 10, "O"),
        (",", ",", "PUNCT", "punct", 9, "O"), ("Judge", "NNP", "PROPN", "compound", 15, "O"),
        ("Tom", "NNP", "PROPN", "compound", 15, "B-PERSON"), ("Reilly", "NNP", "PROPN", "appos", 9, "I-PERSON"),
        (",", ",", "PUNCT", "punct", 17, "O"), ("wrote", "VBD", "VERB", "conj", 2, "O"),
        ("separately", "RB", "ADV", "advmod", 17, "O"), (".", ".", "PUNCT", "punct", 2, "O")])
    assert [f.text for f in quote.fragments] == ["the map failed"]
    assert (quote.cue.text, quote.mention.text) == ("agreed", "The judges")


@pytest.mark.parametrize("text", ["Ford recalled 40,000 trucks on Monday.",
                                  "The company is recalling its pet food after dogs fell ill.",
                                  "Portugal recalled its ambassador to Brazil."])
def test_a_body_that_recalls_takes_something_back_and_says_nothing(extract, text):
    assert extract(text) == []


def test_a_person_who_recalls_reports_what_they_remember(extract):
    assert [q["text"] for q in extract("The mayor recalled that the bridge had collapsed.")] == [
        "the bridge had collapsed"]


def test_a_naming_verb_the_parser_gave_two_objects_says_the_second_of_the_first(rules_on):
    """`calling it "the difference"` parsed with `it` and `difference` both as objects."""
    text = 'The coach praised the bench, calling it "the difference."'
    quotes = rules_on(text, [
        ("The", "DT", "DET", "det", 1, "O"), ("coach", "NN", "NOUN", "nsubj", 2, "O"),
        ("praised", "VBD", "VERB", "ROOT", 2, "O"), ("the", "DT", "DET", "det", 4, "O"),
        ("bench", "NN", "NOUN", "dobj", 2, "O"), (",", ",", "PUNCT", "punct", 2, "O"),
        ("calling", "VBG", "VERB", "advcl", 2, "O"), ("it", "PRP", "PRON", "dobj", 6, "O"),
        ('"', "``", "PUNCT", "punct", 6, "O"), ("the", "DT", "DET", "det", 10, "O"),
        ("difference", "NN", "NOUN", "dobj", 6, "O"), (".", ".", "PUNCT", "punct", 2, "O"),
        ('"', "''", "PUNCT", "punct", 2, "O")])
    assert [(q.cue.text, [f.text for f in q.fragments]) for q in quotes] == [
        ("praised", ["the bench"]), ("calling", ['it "the difference."'])]


def test_a_parenthetical_cue_with_its_hearer_reports_the_clause_around_it(extract):
    q = only(extract("The solution, the partner told them, was simple."))
    assert [f["text"] for f in q["fragments"]] == ["The solution", "was simple"]


def test_what_the_hearer_is_told_to_do_after_an_adjunct_is_what_was_said(extract):
    q = only(extract('The mayor tells his supporters at a rally in Ohio to "go to your polling place and vote."'))
    assert (q["type"], q["text"]) == ("mixed", 'to "go to your polling place and vote."')


def test_a_that_clause_the_parser_hung_on_an_adjunct_noun_is_what_was_said(rules_on):
    text = "Jones said following a vote in 2001 that he had serious concerns."
    quote, = rules_on(text, [
        ("Jones", "NNP", "PROPN", "nsubj", 1, "B-PERSON"), ("said", "VBD", "VERB", "ROOT", 1, "O"),
        ("following", "VBG", "VERB", "prep", 1, "O"), ("a", "DT", "DET", "det", 4, "O"),
        ("vote", "NN", "NOUN", "pobj", 2, "O"), ("in", "IN", "ADP", "prep", 4, "O"),
        ("2001", "CD", "NUM", "pobj", 5, "B-DATE"), ("that", "IN", "SCONJ", "mark", 9, "O"),
        ("he", "PRP", "PRON", "nsubj", 9, "O"), ("had", "VBD", "VERB", "relcl", 4, "O"),
        ("serious", "JJ", "ADJ", "amod", 11, "O"), ("concerns", "NNS", "NOUN", "dobj", 9, "O"),
        (".", ".", "PUNCT", "punct", 1, "O")])
    assert [f.text for f in quote.fragments] == ["he had serious concerns"]


def test_a_clause_the_parser_read_as_the_object_of_say_is_what_was_said(rules_on):
    text = "Smith says the plan that passed appeals to voters."
    quote, = rules_on(text, [
        ("Smith", "NNP", "PROPN", "nsubj", 1, "B-PERSON"), ("says", "VBZ", "VERB", "ROOT", 1, "O"),
        ("the", "DT", "DET", "det", 3, "O"), ("plan", "NN", "NOUN", "dobj", 1, "O"),
        ("that", "WDT", "PRON", "nsubj", 5, "O"), ("passed", "VBD", "VERB", "relcl", 3, "O"),
        ("appeals", "NNS", "NOUN", "dobj", 5, "O"), ("to", "IN", "ADP", "prep", 6, "O"),
        ("voters", "NNS", "NOUN", "pobj", 7, "O"), (".", ".", "PUNCT", "punct", 1, "O")])
    assert [f.text for f in quote.fragments] == ["the plan that passed appeals to voters"]


def test_a_past_verb_the_parser_read_as_a_modifier_with_its_subject_hung_on_it_is_a_clause(rules_on):
    text = "Wolpin said the drug extended survival."
    quote, = rules_on(text, [
        ("Wolpin", "NNP", "PROPN", "nsubj", 1, "B-PERSON"), ("said", "VBD", "VERB", "ROOT", 1, "O"),
        ("the", "DT", "DET", "det", 5, "O"), ("drug", "NN", "NOUN", "npadvmod", 4, "O"),
        ("extended", "VBN", "VERB", "amod", 5, "O"), ("survival", "NN", "NOUN", "dobj", 1, "O"),
        (".", ".", "PUNCT", "punct", 1, "O")])
    assert [f.text for f in quote.fragments] == ["the drug extended survival"]


def test_a_plain_object_of_say_is_not_what_was_said(extract):
    assert extract("He said goodbye to his staff.") == []


def test_an_infinitive_hung_on_the_cue_after_an_adjunct_goes_with_its_object(extract):
    q = only(extract("The company announced plans this week to close two plants in Ohio."))
    assert (q["text"], q["cue"]["text"]) == ("plans this week to close two plants in Ohio", "announced")


def test_the_infinitive_after_the_object_ends_before_an_aside(rules_on):
    text = "The mayor praised the plan on Monday to widen the road, calling it overdue."
    quotes = rules_on(text, [
        ("The", "DT", "DET", "det", 1, "O"), ("mayor", "NN", "NOUN", "nsubj", 2, "O"),
        ("praised", "VBD", "VERB", "ROOT", 2, "O"), ("the", "DT", "DET", "det", 4, "O"),
        ("plan", "NN", "NOUN", "dobj", 2, "O"), ("on", "IN", "ADP", "prep", 2, "O"),
        ("Monday", "NNP", "PROPN", "pobj", 5, "B-DATE"), ("to", "TO", "PART", "aux", 8, "O"),
        ("widen", "VB", "VERB", "advcl", 2, "O"), ("the", "DT", "DET", "det", 10, "O"),
        ("road", "NN", "NOUN", "dobj", 8, "O"), (",", ",", "PUNCT", "punct", 8, "O"),
        ("calling", "VBG", "VERB", "advcl", 8, "O"), ("it", "PRP", "PRON", "nsubj", 14, "O"),
        ("overdue", "JJ", "ADJ", "ccomp", 12, "O"), (".", ".", "PUNCT", "punct", 2, "O")])
    praised = next(q for q in quotes if q.cue.text == "praised")
    assert [f.text for f in praised.fragments] == ["the plan on Monday to widen the road"]


def test_words_before_an_inverted_cue_are_said_even_read_as_a_noun_phrase(rules_on):
    text = 'The vote marks "a new start" for the town, said Ann Lee.'
    quote, = rules_on(text, [
        ("The", "DT", "DET", "det", 1, "O"), ("vote", "NN", "NOUN", "nsubj", 12, "O"),
        ("marks", "VBZ", "NOUN", "appos", 1, "O"), ('"', "``", "PUNCT", "punct", 6, "O"),
        ("a", "DT", "DET", "det", 6, "O"), ("new", "JJ", "ADJ", "amod", 6, "O"),
        ("start", "NN", "NOUN", "dobj", 2, "O"), ('"', "''", "PUNCT", "punct", 6, "O"),
        ("for", "IN", "ADP", "prep", 6, "O"), ("the", "DT", "DET", "det", 10, "O"),
        ("town", "NN", "NOUN", "pobj", 8, "O"), (",", ",", "PUNCT", "punct", 12, "O"),
        ("said", "VBD", "VERB", "ROOT", 12, "O"), ("Ann", "NNP", "PROPN", "compound", 14, "B-PERSON"),
        ("Lee", "NNP", "PROPN", "nsubj", 12, "I-PERSON"), (".", ".", "PUNCT", "punct", 12, "O")])
    assert [f.text for f in quote.fragments] == ['The vote marks "a new start" for the town']
    assert quote.cue.text == "said"


def test_a_parenthetical_cue_hung_on_the_opening_clause_reports_the_whole_sentence(rules_on):
    """`Though C1, she said, C2` with `said` parsed as a parataxis of `Though C1`, not of C2."""
    quote = only(rules_on("Though the old bridge was cheap, she said, the new one would cost more.", [
        ("Though", "IN", "SCONJ", "mark", 4, "O"), ("the", "DT", "DET", "det", 3, "O"),
        ("old", "JJ", "ADJ", "amod", 3, "O"), ("bridge", "NN", "NOUN", "nsubj", 4, "O"),
        ("was", "VBD", "AUX", "advcl", 14, "O"), ("cheap", "JJ", "ADJ", "acomp", 4, "O"),
        (",", ",", "PUNCT", "punct", 8, "O"), ("she", "PRP", "PRON", "nsubj", 8, "O"),
        ("said", "VBD", "VERB", "parataxis", 4, "O"), (",", ",", "PUNCT", "punct", 8, "O"),
        ("the", "DT", "DET", "det", 12, "O"), ("new", "JJ", "ADJ", "amod", 12, "O"),
        ("one", "NN", "NOUN", "nsubj", 14, "O"), ("would", "MD", "AUX", "aux", 14, "O"),
        ("cost", "VB", "VERB", "ROOT", 14, "O"), ("more", "JJR", "ADJ", "dobj", 14, "O"),
        (".", ".", "PUNCT", "punct", 14, "O")]))
    assert [f.text for f in quote.fragments] == ["Though the old bridge was cheap", "the new one would cost more"]
    assert quote.mention.text == "she"


def test_a_speaker_parsed_as_the_apposition_of_the_phrase_before_the_comma_is_the_speaker(rules_on):
    """`To see the city, Mayor Ray Diaz said, C` with `city` parsed as the subject of `said`."""
    quote = only(rules_on("To see the city, Mayor Ray Diaz said, visitors should walk.", [
        ("To", "TO", "PART", "aux", 1, "O"), ("see", "VB", "VERB", "advcl", 12, "O"),
        ("the", "DT", "DET", "det", 3, "O"), ("city", "NN", "NOUN", "nsubj", 8, "O"),
        (",", ",", "PUNCT", "punct", 3, "O"), ("Mayor", "NNP", "PROPN", "compound", 7, "O"),
        ("Ray", "NNP", "PROPN", "compound", 7, "B-PERSON"), ("Diaz", "NNP", "PROPN", "appos", 3, "I-PERSON"),
        ("said", "VBD", "VERB", "parataxis", 12, "O"), (",", ",", "PUNCT", "punct", 8, "O"),
        ("visitors", "NNS", "NOUN", "nsubj", 12, "O"), ("should", "MD", "AUX", "aux", 12, "O"),
        ("walk", "VB", "VERB", "ROOT", 12, "O"), (".", ".", "PUNCT", "punct", 12, "O")]))
    assert [f.text for f in quote.fragments] == ["To see the city", "visitors should walk"]
    assert quote.mention.text == "Mayor Ray Diaz"


def test_a_question_left_unanswered_is_a_refusal(extract):
    q = only(extract("The ministry has not disclosed how many tablets it bought for the schools."))
    assert (q["kind"], q["cue"]["text"]) == ("refusal", "disclosed")
    assert q["text"] == "how many tablets it bought for the schools"
    assert q["speaker"]["mention"]["text"] == "The ministry"


def test_a_statement_not_made_is_no_refusal(extract):
    assert extract("The ministry has not said that the tablets were bought for the schools.") == []


def test_a_second_statement_the_parser_hung_on_the_first_cue_is_not_its_content(rules_on):
    """`Half said C1, and a third said C2` with the second `said` parsed as a clause of the first."""
    quotes = rules_on("Half of voters said the line is fast, and a third said the same of the bus.", [
        ("Half", "NN", "NOUN", "nsubj", 3, "O"), ("of", "IN", "ADP", "prep", 0, "O"),
        ("voters", "NNS", "NOUN", "pobj", 1, "O"), ("said", "VBD", "VERB", "ROOT", 3, "O"),
        ("the", "DT", "DET", "det", 5, "O"), ("line", "NN", "NOUN", "nsubj", 6, "O"),
        ("is", "VBZ", "AUX", "ccomp", 3, "O"), ("fast", "JJ", "ADJ", "acomp", 6, "O"),
        (",", ",", "PUNCT", "punct", 6, "O"), ("and", "CC", "CCONJ", "cc", 6, "O"),
        ("a", "DT", "DET", "det", 11, "O"), ("third", "NN", "NOUN", "nsubj", 12, "O"),
        ("said", "VBD", "VERB", "ccomp", 3, "O"), ("the", "DT", "DET", "det", 14, "O"),
        ("same", "JJ", "ADJ", "dobj", 12, "O"), ("of", "IN", "ADP", "prep", 14, "O"),
        ("the", "DT", "DET", "det", 17, "O"), ("bus", "NN", "NOUN", "pobj", 15, "O"),
        (".", ".", "PUNCT", "punct", 12, "O")])
    assert [(q.mention.text, [f.text for f in q.fragments]) for q in quotes] == [
        ("Half of voters", ["the line is fast"]), ("a third", ["the same of the bus"])]


def test_an_impersonal_seems_holds_its_clause_for_no_one_named(extract):
    q = only(extract("It appears that the night ferry was late again."))
    assert (q["kind"], q["cue"]["text"], q["text"], q["speaker"]) == (
        "belief", "appears", "the night ferry was late again", None)


def test_an_impersonal_seems_with_an_experiencer_is_theirs(extract):
    q = only(extract("It seems to many fans that the referee was biased."))
    assert q["text"] == "the referee was biased" and q["speaker"]["mention"]["text"] == "many fans"


def test_it_seems_unlikely_that_is_the_writers_judgement(extract):
    assert extract("It seems unlikely that the night ferry will run again.") == []


def test_in_someones_view_makes_the_clause_their_view(extract):
    q = extract("Tom Baker, the club's coach, spoke on Monday. In his view, the referee was biased.")[-1]
    assert (q["kind"], q["cue"]["text"], q["text"]) == ("belief", "view", "the referee was biased")
    assert (q["speaker"]["mention"]["text"], q["speaker"]["name"]) == ("his", "Tom Baker")


def test_in_the_opinion_of_a_group_set_off_after_the_clause(extract):
    q = only(extract("The new tax will hurt growth, in the opinion of many economists."))
    assert q["text"] == "The new tax will hurt growth" and q["speaker"]["mention"]["text"] == "many economists"


def test_a_view_of_something_is_no_view_held(extract):
    assert extract("The report was wrong in its view of the market.") == []


def test_a_statement_joined_by_though_is_someone_elses(extract):
    quotes = extract("The boss said that demand remained strong, though analysts cautioned that costs could rise.")
    assert [(q["speaker"]["mention"]["text"], q["text"]) for q in quotes] == [
        ("The boss", "demand remained strong"), ("analysts", "costs could rise")]


def test_a_characterisation_the_parser_made_an_as_clause_is_the_predicate(extract):
    q = extract("The minister rejected calls to resign, describing the allegations as politically motivated.")[-1]
    assert (q["cue"]["text"], q["text"]) == ("describing", "the allegations as politically motivated")


def test_a_noun_of_saying_set_off_after_the_clause_is_no_part_of_it(extract):
    q = only(extract("The union says the deal will cost jobs, an assertion the minister disputed on Monday."))
    assert (q["cue"]["text"], q["text"]) == ("says", "the deal will cost jobs")


def test_a_plea_to_act_is_what_was_said(extract):
    q = only(extract('The coach implored his players to "play for the shirt" in the final.'))
    assert (q["cue"]["text"], q["type"]) == ("implored", "mixed")
    assert q["text"] == 'his players to "play for the shirt" in the final'


def test_a_bracket_opened_in_the_content_is_closed_in_it(extract):
    q = only(extract("The mayor said the vote was approved by the board (and its chair)."))
    assert q["text"] == "the vote was approved by the board (and its chair)"


def test_a_request_not_to_be_named_is_no_attribution(extract):
    text = '"We knew it was coming," said one resident, who asked not to be named for fear of reprisals.'
    assert [q["text"] for q in extract(text)] == ["We knew it was coming,"]


def test_a_closing_cue_reports_the_opening_clause_the_parser_left_unlabelled(extract):
    # the parser reads `Those ... struggle` as an unlabelled dependent of `said`, not its
    # complement; everything before `, she said` is still what she said
    text = "Those who take on heavy medical debt struggle, even with a steady job, she said."
    q = only(extract(text))
    assert q["text"] == text[:text.index(", she said")]
    assert (q["cue"]["text"], q["speaker"]["mention"]["text"]) == ("said", "she")


def test_reportedly_attributes_its_clause_to_no_one_named(extract):
    q = only(extract("The club is reportedly paying $40 million for the goalkeeper, which fans welcomed."))
    assert (q["text"], q["cue"]["text"], q["speaker"], q["kind"]) == (
        "The club is reportedly paying $40 million for the goalkeeper", "reportedly", None, "speech")


def test_reportedly_on_a_speech_verb_leaves_the_speakers_quote(extract):
    q = only(extract("The coach reportedly told the players that the season was over."))
    assert (q["text"], q["speaker"]["mention"]["text"]) == ("the season was over", "The coach")


def test_a_dated_wire_dateline_is_no_part_of_the_content(extract):
    text = ("Campus politics.\n\nDENVER, Colo., Dec. 4 (UPI) — Young voters are drifting away from both parties, "
            "a new survey shows.")
    assert [q["text"] for q in extract(text)] == ["Young voters are drifting away from both parties"]


def test_a_dateline_is_a_sentence_of_its_own_so_the_first_clause_is_parsed_whole(extract):
    # parsed with its sentence, the dateline took `keep` for its own and left `said` no clause
    text = ("NEW DELHI, March 3 (Reuters) - India's central bank will keep a close watch on food "
            "inflation, Governor Ana Rao said on Friday, adding that the economy was strong.")
    assert [(q["text"], q["cue"]["text"]) for q in extract(text)] == [
        ("India's central bank will keep a close watch on food inflation", "said"),
        ("the economy was strong", "adding")]


def test_a_hyphenated_name_at_a_paragraphs_start_is_no_dateline():
    nlp = spacy.blank("en")
    assert after_dateline(nlp("AP-GfK Poll: Voters see the race tightening."), 0) == 0
    doc = nlp("LONDON (Reuters) - Voters see it.")
    assert doc[after_dateline(doc, 0)].text == "Voters"


def test_a_sentence_before_the_speaker_is_not_the_first_half_of_what_was_said(extract):
    # the parser hangs `It is ... left` on `say` as a complement; with the cue running straight
    # on into its clause, what opens the sentence is the writer's, not the respondents'
    text = "It is on social issues that they lean left: 42% say they're liberal."
    q = only(extract(text))
    assert (q["text"], q["cue"]["text"]) == ("they're liberal", "say")
    assert len(q["fragments"]) == 1


def test_a_gerund_after_a_learned_cue_is_what_was_reported(extract):
    q = only(extract("The senator reported raising $9 million in March."))
    assert (q["text"], q["cue"]["text"], q["speaker"]["mention"]["text"]) == (
        "raising $9 million in March", "reported", "The senator")


def test_a_belief_set_off_inside_its_clause_is_reported_but_a_hedge_is_not(extract):
    text = "The mayor's endorsement, many aides think, is only a matter of time."
    q = only(extract(text))
    assert ([text[f["start"]:f["end"]] for f in q["fragments"]], q["cue"]["text"], q["kind"]) == (
        ["The mayor's endorsement", "is only a matter of time"], "think", "belief")
    assert extract("The deadline is, I think, too close.") == []


@pytest.mark.parametrize("text, content", [("They all said prices would rise.", "prices would rise"),
                                           ("The two said talks would resume.", "talks would resume")])
def test_a_cue_after_a_floating_quantifier_or_a_number_still_reports(extract, text, content):
    """`all`, `both`, `the two` before `said` are (part of) its subject, not a modifier of the
    noun after it: a rule that read `60 pledged delegates` as an adjective lost these."""
    assert only(extract(text))["text"] == content


def test_knowing_a_person_is_no_belief_held(extract):
    quotes = extract('The Rev. Ann Hale, who knew him for decades, called him "a giant."')
    assert [q["cue"]["text"] for q in quotes] == ["called"]


def test_an_object_that_opens_a_quotation_runs_on_to_its_close(extract):
    q = only(extract('In a statement, he called the ruling "judicial activism at its worst."'))
    assert (q["text"], q["cue"]["text"]) == ('the ruling "judicial activism at its worst."', "called")
    assert q["type"] == "mixed"



def test_a_modal_conjunct_goes_on_with_what_was_said(extract):
    text = 'Apple said in a statement that it had "made significant changes" to comply with the law and would appeal.'
    q = only(extract(text))
    assert (q["text"], q["speaker"]["name"]) == (
        'it had "made significant changes" to comply with the law and would appeal', "Apple")


@pytest.mark.parametrize("text, content", [
    ("Trump said he'd build a border wall and make Mexicans pay for it.",
     "he'd build a border wall and make Mexicans pay for it"),
    ("He said he has not held fundraising dinners and never called a donor to ask for money.",
     "he has not held fundraising dinners and never called a donor to ask for money"),
])
def test_a_verb_sharing_the_reported_clause_s_auxiliary_goes_on_with_what_was_said(extract, text, content):
    assert [q["text"] for q in extract(text)] == [content]


def test_a_cue_verb_in_the_cue_s_own_form_is_the_speaker_s_next_statement(extract):
    quotes = extract("He said he would veto the bill and urged Congress to act.")
    assert quotes[0]["text"] == "he would veto the bill"
