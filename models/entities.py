"""Repairs to the entity recogniser's names (mostly people's) before the rules read them.

The small English model splits a name around a quoted nickname (`Robert C. "Bobby" Scott`
comes out as `Robert C. "Bobby` and `Scott`) and after a hyphen (`Jean-` + `Marc Ayrault`):
the person is then known by half a name, and the other half looks like a second person. In a
title-case line it also runs a name on into its verb (`Obama Seeks`). Each
repair here is a pure function of the parse; `is_headline` tells where capitals prove nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection

import numpy
from spacy.attrs import IS_QUOTE
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .indexes import sentence_starts
from .lexicon import Lexicon, singular
from .spans import joins_words, proper_nouns, tokens_in

QUOTE_MARKS = frozenset({'"', "'", "“", "”", "‘", "’"})
NAME_JOINS = re.compile(r"[-'’]")


def is_name_word(text: str) -> bool:
    """A word of a person's name: a capital, then small letters, in any alphabet with cases, and
    at most one inner hyphen or apostrophe (`María`, `Mensah-Bonsu`); not `NATO`, nor `iPhone`.

    >>> [is_name_word(w) for w in ("María", "Łukasz", "Mensah-Bonsu", "NATO", "A", "Ng2")]
    [True, True, True, False, False, False]
    """
    first, *rest = NAME_JOINS.split(text, maxsplit=1)
    after = rest[0] if rest else "x"
    return len(first) > 1 and first.isalpha() and first[0].isupper() and first[1:].islower() \
        and after.isalpha() and (after[1:].islower() or after.islower())


def nickname_names(doc: Doc) -> list[Span]:
    """Names with a quoted nickname inside: proper nouns, a quoted proper noun, proper nouns,
    with a person's entity among them.

    >>> import spacy
    >>> doc = spacy.blank("en")('Rep. Robert "Bobby" Scott spoke.')
    >>> for t in doc[:6]: t.pos_ = "PUNCT" if t.is_quote else "PROPN"
    >>> doc.ents = [Span(doc, 3, 5, "PERSON")]
    >>> [s.text for s in nickname_names(doc)]
    ['Rep. Robert "Bobby" Scott']
    """
    found = []
    marks = numpy.flatnonzero(doc.to_array(IS_QUOTE)).tolist() if len(doc) else []
    for i in (i for i in marks if 1 <= i < len(doc) - 3):  # only quotation marks can open a nickname
        opening, nick, closing, last = doc[i], doc[i + 1], doc[i + 2], doc[i + 3]
        shape = opening.text in QUOTE_MARKS and closing.text in QUOTE_MARKS and not opening.whitespace_ \
            and not nick.whitespace_ and nick.pos_ == "PROPN" and last.pos_ == "PROPN" and doc[i - 1].pos_ == "PROPN"
        if not shape:
            continue
        start, end = i - 1, i + 4
        while start > 0 and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].is_punct:
            start -= 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].is_punct:
            end += 1
        if any(t.ent_type_ == "PERSON" for t in doc[start:end]):
            found.append(Span(doc, start, end, "PERSON"))
    return found


def hyphenated_first_names(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """PERSON entities that begin after a hyphenated first name's first half (`Jean-` before
    `Marc Ayrault`), extended over it."""
    found = []
    for ent in ents:
        if ent.label_ == "PERSON" and ent.start > 1 and joins_words(doc[ent.start - 1]) \
                and doc[ent.start - 2].pos_ == "PROPN":
            found.append(Span(doc, ent.start - 2, ent.end, "PERSON"))
    return found


def names_cut_at_their_verb(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """PERSON entities that ran on into the verb their own first words are the subject of
    (`Obama Seeks` in the headline `Obama Seeks More Money`), ended before that verb."""
    found = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        verb = next((t for t in ent[1:] if t.pos_ in ("VERB", "AUX")
                     and any(c.dep_ == "nsubj" and ent.start <= c.i < t.i for c in t.children)), None)
        if verb is not None:
            found.append(Span(doc, ent.start, verb.i, "PERSON"))
    return found


def first_names_before_a_hyphen(doc: Doc, ents: tuple[Span, ...], not_names: Collection[str]) -> list[Span]:
    """PERSON entities that begin with a hyphenated surname and left out the first name before it
    (`Trent` of `Trent Alexander-Arnold`, given as `Alexander-Arnold`), extended over it: an
    unlabelled capitalised word of the same name, not a title or an honorific (`not_names`)."""
    found = []
    for ent in ents:
        if ent.label_ != "PERSON" or len(ent) < 3 or not joins_words(ent[1]) or ent.start == 0:
            continue
        word = doc[ent.start - 1]
        if word.pos_ == "PROPN" and word.dep_ == "compound" and word.head == ent.root and not word.ent_type_ \
                and word.lower_ not in not_names and is_name_word(word.text):
            found.append(Span(doc, ent.start - 1, ent.end, "PERSON"))
    return found


def given_names_left_out(doc: Doc, ents: tuple[Span, ...], first_names: Collection[str],
                         not_names: Collection[str]) -> list[Span]:
    """PERSON entities that left out the given name right before them, extended over it: a known
    first name (`Debbie` of `DNC Chair Debbie Wasserman Schultz`, then read as the end of the
    title), or, before a lone surname, an unlabelled capitalised word the parser compounds onto
    it (`Ivy` of `its chief financial officer, Ivy Chen`), not a title, an honorific or their
    plural (`not_names`: `Senators Rubio and Cruz`).

    >>> import spacy
    >>> doc = spacy.blank("en")("Chair Debbie Wasserman Schultz said")
    >>> for t in doc[:4]: t.pos_ = "PROPN"
    >>> doc.ents = [Span(doc, 2, 4, "PERSON")]
    >>> [s.text for s in given_names_left_out(doc, doc.ents, {"debbie"}, {"chair"})]
    ['Debbie Wasserman Schultz']
    >>> doc = spacy.blank("en")("officer Ivy Chen said")
    >>> for t in doc[1:3]: t.pos_ = "PROPN"
    >>> doc[1].head, doc[1].dep_ = doc[2], "compound"
    >>> doc.ents = [Span(doc, 2, 3, "PERSON")]
    >>> [s.text for s in given_names_left_out(doc, doc.ents, set(), {"senator"})]
    ['Ivy Chen']
    """
    found = []
    for ent in ents:
        if ent.label_ != "PERSON" or ent.start == 0:
            continue
        word = doc[ent.start - 1]
        if word.pos_ != "PROPN" or word.ent_type_ or not is_name_word(word.text):
            continue
        compounded = len(ent) == 1 and word.dep_ == "compound" and word.head == ent.root \
            and not {word.lower_, singular(word.lower_)} & not_names
        if word.lower_ in first_names or compounded:
            found.append(Span(doc, ent.start - 1, ent.end, "PERSON"))
    return found


def names_across_particles(doc: Doc, ents: tuple[Span, ...], particles: Collection[str]) -> list[Span]:
    """PERSON entities that stop before a name particle and the family name after it (`Erik` of
    `Erik ten Hag`), or that the recogniser split there in two (`Prince Abdulaziz` and `bin
    Salman`), extended over the particle and the capitalised proper nouns that follow it.

    >>> import spacy
    >>> doc = spacy.blank("en")("Manager Erik ten Hag said")
    >>> for t in doc[:4]: t.pos_ = "PROPN"
    >>> doc.ents = [Span(doc, 1, 2, "PERSON")]
    >>> [s.text for s in names_across_particles(doc, doc.ents, {"ten"})]
    ['Erik ten Hag']
    """
    found = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        end = ent.end
        while end + 1 < len(doc) and doc[end].text in particles and _family_name_word(doc[end + 1]):
            end += 2
            while end < len(doc) and _family_name_word(doc[end]):
                end += 1
        if end > ent.end:
            found.append(Span(doc, ent.start, end, "PERSON"))
    return found


def _family_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ in ("", "PERSON")


def owned_organization_names(doc: Doc, ents: tuple[Span, ...], org_nouns: Collection[str]) -> list[Span]:
    """Organisations the recogniser labelled by their head word alone, after the proper name
    that owns it (`Association` of `The Alzheimer's Association`), extended over that name:
    `Association` alone names no one.

    >>> import spacy
    >>> doc = spacy.blank("en")("The Alzheimer's Association said")
    >>> heads, deps = [3, 3, 1, 3, 3], ["det", "poss", "case", "nsubj", "ROOT"]
    >>> for t, h, d in zip(doc, heads, deps): t.head, t.dep_ = doc[h], d
    >>> doc[1].pos_ = "PROPN"
    >>> doc.ents = [Span(doc, 3, 4, "ORG")]
    >>> [s.text for s in owned_organization_names(doc, doc.ents, {"association"})]
    ["Alzheimer's Association"]
    """
    found = []
    for ent in ents:
        head = ent.root
        if ent.label_ != "ORG" or len(ent) != 1 or head.lower_ not in org_nouns or not head.is_title:
            continue
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None or owner.i + 2 != head.i or doc[owner.i + 1].dep_ != "case":
            continue
        start = owner.left_edge.i
        while doc[start].dep_ == "det" and start < owner.i:
            start += 1
        found.append(Span(doc, start, ent.end, "ORG"))
    return found


#: labels the recogniser gives a person's name it does not know (`Marit Stiles` as ORG)
MISREAD_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"})


def names_beside_roles(doc: Doc, ents: tuple[Span, ...], lexicon: Lexicon) -> list[Span]:
    """Names set off after a person's role (`The opposition leader, Marit Stiles,`), or right
    after it (`the novelist Chike Okafor`), that the recogniser labelled something else,
    relabelled PERSON: two or three capitalised proper nouns, none an organisation's word, or
    one after a kinship role (`Haddad's brother, Nabil`). A role a body holds as well (`the
    prime contractor, Orbital Dynamics`; `its ally, Japan`: `data/body_roles.txt`) keeps the
    recogniser's label.

    >>> import spacy
    >>> from models.lexicon import load_lexicon
    >>> doc = spacy.blank("en")("The opposition leader , Marit Stiles , said")
    >>> for t in doc[4:6]: t.pos_ = "PROPN"
    >>> doc[2].pos_, doc[4].head, doc[5].dep_, doc[5].head = "NOUN", doc[5], "appos", doc[2]
    >>> doc.ents = [Span(doc, 4, 6, "ORG")]
    >>> [(s.text, s.label_) for s in names_beside_roles(doc, doc.ents, load_lexicon())]
    [('Marit Stiles', 'PERSON')]
    """
    found = []
    for ent in ents:
        role = ent.root.head
        if ent.label_ not in MISREAD_NAME_LABELS or ent.root.dep_ != "appos" or role.pos_ != "NOUN" \
                or ent.start == 0 or (doc[ent.start - 1].text != "," and role.i != ent.start - 1):
            continue
        word = singular(role.lower_)
        kin = word in lexicon.relational_roles and word not in lexicon.body_roles
        if not (kin or lexicon.is_role_word(word)) or word in lexicon.body_roles or word in lexicon.org_nouns:
            continue
        if (len(ent) in (2, 3) or (kin and len(ent) == 1)) and all(_plain_name_word(t, lexicon) for t in ent):
            found.append(Span(doc, ent.start, ent.end, "PERSON"))
    return found


def bodies_beside_org_nouns(doc: Doc, ents: tuple[Span, ...], org_nouns: Collection[str]) -> list[Span]:
    """Names the recogniser labelled a person, set beside a noun that names an organisation
    (`The French group, Domaines Barons de Rothschild`; `the retailer John Lewis`), relabelled
    ORG: what a group or a company is called is the group's name.

    >>> import spacy
    >>> doc = spacy.blank("en")("the retailer John Lewis said")
    >>> for t in doc[2:4]: t.pos_ = "PROPN"
    >>> doc[1].pos_, doc[2].head, doc[3].dep_, doc[3].head = "NOUN", doc[3], "appos", doc[1]
    >>> doc.ents = [Span(doc, 2, 4, "PERSON")]
    >>> [(s.text, s.label_) for s in bodies_beside_org_nouns(doc, doc.ents, {"retailer"})]
    [('John Lewis', 'ORG')]
    """
    return [Span(doc, ent.start, ent.end, "ORG") for ent in ents
            if ent.label_ == "PERSON" and ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN"
            and singular(ent.root.head.lower_) in org_nouns]


def names_before_post_nominals(doc: Doc, ents: tuple[Span, ...], post_nominals: Collection[str]) -> list[Span]:
    """PERSON entities that stop before the letters after a name (`Jacob Rees-Mogg` of `Jacob
    Rees-Mogg MP said`, where the parser makes `MP` the head), extended over them: the mention
    is the person's, and the title module reads the office from them.

    >>> import spacy
    >>> doc = spacy.blank("en")("Jacob Rees-Mogg MP said")
    >>> doc.ents = [Span(doc, 0, 4, "PERSON")]
    >>> [s.text for s in names_before_post_nominals(doc, doc.ents, {"MP"})]
    ['Jacob Rees-Mogg MP']
    """
    found = []
    for ent in (ent for ent in ents if ent.label_ == "PERSON"):
        end = ent.end
        while end < len(doc) and doc[end].text in post_nominals and not doc[end].ent_type_:
            end += 1
        if end > ent.end:
            found.append(Span(doc, ent.start, end, "PERSON"))
    return found


def _plain_name_word(token: Token, lexicon: Lexicon) -> bool:
    return token.pos_ == "PROPN" and is_name_word(token.text) \
        and token.lower_ not in lexicon.org_nouns


def speaking_names(doc: Doc, speech_verbs: Collection[str]) -> list[Span]:
    """Names of two or three capitalised words that are the subject of a speech verb and that
    the recogniser did not label a person (`Ana Ruiz said`, `Kylan Mbatta said`: names it does
    not know), where the article shows a person: the clause reported is about `he` or `she`
    (`said he felt fine`), or, for a name with no label at all, its last word stands alone
    elsewhere, as a surname does (`Ruiz added`) and an organisation's last word does not
    (`Western Journalism`, `Right Wing Watch`; a place's may: `Korea`, so a labelled name needs
    the `he` or `she`).

    A title-case line proves nothing, and a phrase with an article is no plain name (a title
    word kept in it is read off as a title, as in any PERSON entity).
    """
    found: list[Span] = []
    alone: set[str] | None = None  # read only if some name needs it
    for verb in tokens_in(doc, frozenset(speech_verbs)):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        name = _plain_name(subject) if subject is not None and verb.pos_ == "VERB" else None
        if name is None or is_headline(subject.sent):
            continue
        labels = {t.ent_iob_ != "O" and t.ent_type_ for t in name}
        unlabelled = labels == {False}
        relabelled = len(labels) == 1 and "PERSON" not in labels and name[0].ent_iob_ == "B" \
            and (name.end == len(doc) or doc[name.end].ent_iob_ != "I")  # the name is one entity
        if not (unlabelled or relabelled):
            continue
        shown = _reports_on_a_person(verb)
        if not shown and unlabelled:
            alone = _words_alone(doc) if alone is None else alone
            shown = name[-1].text in alone
        if shown:
            found.append(Span(doc, name.start, name.end, "PERSON"))
    return found


def _words_alone(doc: Doc) -> set[str]:
    """Proper nouns that stand as a phrase of their own: no proper noun before them in it."""
    return {t.text for t in proper_nouns(doc) if t.dep_ != "compound"
            and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.lefts)}


def _plain_name(head: Token) -> Span | None:
    """`Ana Ruiz`, `Kwame Mensah-Bonsu`: a proper noun after one or two proper nouns it heads,
    every word capitalised and nothing else in the phrase (no article, no title)."""
    doc = head.doc
    words = [c for c in head.lefts if c.dep_ == "compound"]
    start = head.i - len(words)
    if head.pos_ != "PROPN" or not 1 <= len(words) <= 2 or any(c.i < start for c in head.lefts) \
            or [w.i for w in words] != list(range(start, head.i)):
        return None
    if not all(w.pos_ == "PROPN" and is_name_word(w.text) for w in doc[start:head.i + 1]):
        return None
    return doc[start:head.i + 1]


def _reports_on_a_person(verb: Token) -> bool:
    """`X said he felt fine`: the clause the verb reports has a `he` or `she` for its subject."""
    return any(c.dep_ == "ccomp" and any(s.dep_ == "nsubj" and s.lower_ in ("he", "she") for s in c.children)
               for c in verb.children)


def repair_names(doc: Doc, lexicon: Lexicon | None = None) -> None:
    """Make each name the recogniser split (round a quoted nickname, after a hyphen) one PERSON
    entity, replacing the pieces, and end each name that ran on into its verb before it; with
    the `lexicon`, also give a hyphenated surname its first name, make a plain name that
    speaks a person, give a name its first name where the recogniser left it out, join a
    name across a particle (`ten Hag`), give an organisation named by its head word its
    owner's name, and take a bare title (`Pope`) for no name."""
    ents = doc.ents  # built anew on each access: read once
    names = nickname_names(doc) + hyphenated_first_names(doc, ents) + names_cut_at_their_verb(doc, ents)
    dropped: list[Span] = []
    if lexicon is not None:
        not_names = lexicon.titles | lexicon.honorifics.keys()
        dropped = titles_taken_for_names(ents, not_names)
        names += first_names_before_a_hyphen(doc, ents, not_names) + speaking_names(doc, lexicon.speech) \
            + owned_organization_names(doc, ents, lexicon.org_nouns) \
            + given_names_left_out(doc, ents, lexicon.first_names, not_names) \
            + names_across_particles(doc, ents, lexicon.name_particles) + names_beside_roles(doc, ents, lexicon) \
            + bodies_beside_org_nouns(doc, ents, lexicon.org_nouns) \
            + names_before_post_nominals(doc, ents, lexicon.post_nominals)
    if names or dropped:
        kept = [ent for ent in ents if ent not in dropped
                and not any(ent.start < n.end and n.start < ent.end for n in names)]
        doc.ents = filter_spans([*kept, *names])


def titles_taken_for_names(ents: tuple[Span, ...], not_names: Collection[str]) -> list[Span]:
    """PERSON entities of a headline made only of titles or honorifics (`Pope` of `Pope calls for
    ceasefire`): a role that speaks before anyone is named, to be found below as one, not a
    person called `Pope`; unless the article gives someone that word for a surname (`Larry
    King`, `Mr. King`). Only the first line: in a sentence the parse sees the role for itself."""
    if not ents:
        return []
    headline_end = ents[0].doc.text.find("\n")
    surnames = {ent[-1].lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    return [ent for ent in ents if ent.label_ == "PERSON" and ent.end_char <= headline_end
            and all(t.lower_ in not_names for t in ent) and ent[-1].lower_ not in surnames]


def is_headline(sentence: Span) -> bool:
    """A title-case line (`Obama Seeks More Aid`): its capitalised words are no evidence that
    they belong to a name, so names read there complete no other mention.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> is_headline(nlp("Obama Seeks More Money for Refugees.")[:]), is_headline(nlp("Obama seeks more money.")[:])
    (True, False)
    """
    words = [t for t in sentence if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)


def headline_mentions(doc: Doc, ents: list[Span]) -> set[int]:
    """The start tokens of the entities that stand in a title-case line, each line judged once."""
    if not ents:
        return set()
    starts = sentence_starts(doc)
    judged: dict[int, bool] = {}
    found = set()
    for ent in ents:
        k = max(0, bisect_right(starts, ent.start) - 1)
        if starts[k] not in judged:
            end = starts[k + 1] if k + 1 < len(starts) else len(doc)
            judged[starts[k]] = is_headline(doc[starts[k]:end])
        if judged[starts[k]]:
            found.add(ent.start)
    return found
