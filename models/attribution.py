"""Joins the rule families: quotation marks + cues on the parse -> typed quotations.

The order of the passes:

1. every cue on the parse claims the quotations its content overlaps: all content inside
   marks makes a direct quote, some makes a mixed one, none an indirect one;
   before them, each line `Name: statement` (headlines, transcripts; `labels.py`) is a quote;
2. a direct quotation nobody claimed looks for its attribution next to it
   (`"...," X said.`, `X said: "..."`, `"..." - X`, `X: "..."`);
3. the second half of a split quote (`"A," X said. "B"`) joins the first;
4. a quotation that opens a paragraph after a paragraph of quotes continues its speaker;
5. two halves that both found the cue between them (`"A," X said, "B"` with B parsed as the
   cue's clause and A found next to it) are one quote.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from .indexes import TextIndex, TokenIndex
from .labels import Label, labelled_lines
from .lexicon import Lexicon
from .marks import QuotedSpan
from .nesting import outermost, split_quoting_clauses
from .reported import THING_SUBJECTS, Cue, can_speak, find_cues
from .spans import DASHES, SEPARATORS, subject_of, token_range
from .types import Range

#: longest stretch between the halves of a split quote that can hold only its attribution
MAX_SPLIT_GAP = 160
#: fewest words a quotation needs to be taken as a quote when nothing attributes it
MIN_UNATTRIBUTED_WORDS = 8
#: subjects of a clause before a colon that introduce no one's words: things, and the writer or reader
NOT_LEAD_SPEAKERS = THING_SUBJECTS | {"i", "we", "you"}
#: rules too unreliable without quotation marks to back them (measured on PolNeAR dev)
QUOTES_ONLY_RULES = frozenset({"inverted"})
#: rules that take quotation marks only inside the writer's sentence, never a quotation that
#: stands on its own (the learned frames, checked on train: quotations keep their own attribution)
WRITERS_SENTENCE_RULES = frozenset({"learned", "raising"})
LABEL = "label"
#: fewest words of a quotation right after a speech verb that does not end a sentence of its own:
#: `chanted "no contract, no peace"` is said, `cried "fraud"` is the writer's word in quotation marks
MIN_SPOKEN_WORDS = 3
SENTENCE_ENDS = (".", "!", "?")


@dataclass(slots=True)
class Draft:
    """A quotation before speakers are resolved."""

    rule: str
    type: str
    fragments: list[Range]
    cue: Range | None
    source: Token | None = None  # the speaker's token
    mention: Range | None = None
    quotes: list[QuotedSpan] = field(default_factory=list)


def visible_source(cue: Cue, index: TextIndex) -> Token | None:
    """The cue's source, unless it sits inside quotation marks (`"The line: go," he said`)."""
    if cue.source is None or index.quote_at(cue.source.idx) is None:
        return cue.source
    return next((c for c in cue.trigger.children if c.dep_ in ("nsubj", "nsubjpass")
                 and index.quote_at(c.idx) is None), None)


def classify(cue: Cue, index: TextIndex) -> Draft:
    """Type a cue's content by the quotation marks inside it."""
    cue = replace(cue, source=visible_source(cue, index))
    start, end = cue.content[0][0], cue.content[-1][1]
    quotes = index.overlapping(start, end)
    if not quotes:
        return Draft(cue.rule, "indirect", list(cue.content), cue.cue, cue.source, quotes=[])
    inside = sum(index.letters(*piece) for q in quotes for piece in q.pieces)
    total = sum(index.letters(s, e) for s, e in cue.content)
    if inside >= total or _source_after_quotation(cue, quotes):
        pieces = [piece for q in quotes for piece in q.pieces]
        return Draft(cue.rule, "direct", pieces, cue.cue, cue.source, quotes=quotes)
    first, last = min(quotes[0].open_at, start), max(quotes[-1].close_at + 1, end)
    fragments = [(max(first, s) if i == 0 else s, min(last, e) if i == len(cue.content) - 1 else e)
                 for i, (s, e) in enumerate(cue.content)]
    fragments[0] = (min(first, fragments[0][0]), fragments[0][1])
    fragments[-1] = (fragments[-1][0], max(last, fragments[-1][1]))
    return Draft(cue.rule, "mixed", [_with_opening_mark(s, e, quotes) for s, e in fragments], cue.cue, cue.source,
                 quotes=quotes)


def _with_opening_mark(start: int, end: int, quotes: list[QuotedSpan]) -> Range:
    """A mixed fragment that starts at a quotation's first word and holds its closing mark
    (`C, X said: "Q"`, where the parser left the opening mark outside the clause) keeps the
    opening mark too: the span never holds half a pair."""
    return next(((q.open_at, end) for q in quotes if q.pieces[0][0] == start and q.close_at < end), (start, end))


def _source_after_quotation(cue: Cue, quotes: list[QuotedSpan]) -> bool:
    """`"We will," Tulsa police Chief X said`: the parser took the speaker into the clause the
    cue reports; a quotation that opens the content and closes before the cue's own source is
    the content, and what follows it the source."""
    source, (start, _), end = cue.source, cue.content[0], cue.content[-1][1]
    return len(quotes) == 1 and source is not None and quotes[0].open_at <= start \
        and quotes[0].close_at < source.idx < end <= cue.cue[0]


def label_draft(label: Label, index: TextIndex) -> Draft:
    """A labelled line is one quote, its own line only, however the marks around it run
    (a transcript's lines often sit in one quotation over several paragraphs)."""
    start, end = label.said
    quotes = index.overlapping(start, end)
    quoted = [(max(s, start), min(e, end)) for q in quotes for s, e in q.pieces if s < end and e > start]
    if quoted and sum(index.letters(*piece) for piece in quoted) >= index.letters(start, end):
        return Draft(LABEL, "direct", quoted, label.colon, label.source, label.mention, quotes=quotes)
    return Draft(LABEL, "mixed" if quoted else "indirect", [label.said], label.colon, label.source,
                 label.mention, quotes=quotes)


def cue_drafts(doc: Doc, lexicon: Lexicon, index: TextIndex) -> list[Draft]:
    """Pass 1: one draft per cue; a quotation goes to the first cue that claims it, and a cue
    inside another's content is no quote of its own (`nesting.py`)."""
    def hidden(i: int) -> bool:
        return index.quote_at(i) is not None or index.is_boilerplate(i)

    drafts: list[Draft] = []
    claimed: set[int] = set()
    found: dict[Cue, Draft] = {}
    overlooked: dict[Cue, Draft] = {}  # direct quotes an earlier cue's content claimed
    for label in labelled_lines(doc, index.text, lexicon):
        if not index.is_boilerplate(label.colon[0]):
            drafts.append(label_draft(label, index))
            claimed.update(q.open_at for q in drafts[-1].quotes if drafts[-1].type == "direct")
    for cue in _one_cue_per_content(find_cues(doc, lexicon, hidden)):
        draft = classify(cue, index)
        if draft.type == "indirect" and cue.rule in QUOTES_ONLY_RULES:
            continue
        if cue.rule in WRITERS_SENTENCE_RULES and (draft.type == "direct" or any(map(index.standalone, draft.quotes))):
            continue
        if cue.rule == "according" and _reports_a_speakers_quote(draft, cue, lexicon, index):
            continue  # `"...," X said, according to Y`: the quote is X's; Y only reports it
        if draft.type == "direct" and any(q.open_at in claimed for q in draft.quotes):
            overlooked[cue] = draft
            continue
        claimed.update(q.open_at for q in draft.quotes)
        found[cue] = draft
    kept, freed = split_quoting_clauses(outermost(list(found)), list(overlooked))
    return drafts + [found.get(cue) or classify(cue, index) for cue in kept] + [overlooked[cue] for cue in freed]


def _one_cue_per_content(cues: Iterable[Cue]) -> list[Cue]:
    """The cues in text order, one per content: where two report the same words, the first
    with a source (`X is expected to C, the club said`: the club said it; that it is expected
    is part of what the club said), else the first."""
    chosen: dict[tuple[Range, ...], tuple[int, Cue]] = {}
    for k, cue in enumerate(cues):
        if cue.content not in chosen or (chosen[cue.content][1].source is None and cue.source is not None):
            chosen[cue.content] = (k, cue)
    return [cue for _, cue in sorted(chosen.values(), key=lambda kept: kept[0])]


def _speech_verb(tokens: list[Token], lexicon: Lexicon) -> Token | None:
    return next((t for t in tokens if lexicon.is_cue_form(t.lower_) and t.pos_ in ("VERB", "AUX")), None)


def _source_near(verb: Token, window: list[Token], index: TextIndex) -> Token | None:
    """The speaker of `"...," X said` when the parser missed the link to the quotation (or
    took a subject inside it for the verb's: `"We will," Tulsa police Chief X said`)."""
    subject = subject_of(verb)
    if subject is not None and index.quote_at(subject.idx) is None:
        return subject
    names = [t for t in window if t.pos_ in ("PROPN", "PRON", "NOUN") and t.i != verb.i
             and t.ent_type_ not in ("DATE", "TIME")]
    before = [t for t in names if t.i < verb.i]
    if before:  # `X said Monday`: the phrase before the verb, by its head
        return verb.doc[before[0].i:before[-1].i + 1].root
    return (names or [None])[0]  # `said X`


def _window_after(q: QuotedSpan, tokens: TokenIndex, index: TextIndex) -> list[Token]:
    """Tokens after a quotation's closing mark, to the end of its sentence or paragraph."""
    doc, p_end = tokens.doc, index.paras[index.paragraph(q.open_at)][1] if index.paras else len(index.text)
    k = tokens.first_at(q.close_at + 1)
    if k >= len(doc):
        return []
    window, sent_end = [], tokens.sentence(k)[1]
    for i in range(k, sent_end):
        if doc[i].idx >= p_end or index.quote_at(doc[i].idx) is not None:
            break
        if not doc[i].is_space:
            window.append(doc[i])
    return window


def _lead_before(q: QuotedSpan, tokens: TokenIndex, index: TextIndex) -> list[Token]:
    """Tokens before a quotation's opening mark, from the start of their sentence (or paragraph)."""
    k = tokens.first_at(q.open_at)
    if k == 0:
        return []
    sent_start = tokens.sentence(k - 1)[0]
    start = max(tokens.starts[sent_start], index.paragraph_start(q.open_at))
    return [t for t in tokens.between(start, q.open_at) if not t.is_space and index.quote_at(t.idx) is None]


def _lead_before_paragraph(para_start: int, tokens: TokenIndex, index: TextIndex) -> list[Token]:
    """The last sentence of the paragraph before `para_start`, when it introduces a block quote
    (`The New York Times reports:` + a quotation paragraph)."""
    previous = index.paras[index.paragraph(para_start) - 1]
    k = tokens.first_at(previous[1])
    if k == 0:
        return []
    start = max(tokens.starts[tokens.sentence(k - 1)[0]], previous[0])
    return [t for t in tokens.between(start, previous[1]) if not t.is_space and index.quote_at(t.idx) is None]


def adjacent_draft(q: QuotedSpan, tokens: TokenIndex, lexicon: Lexicon, index: TextIndex) -> Draft | None:
    """Pass 2: the attribution written next to a quotation that no cue claimed."""
    doc, pieces = tokens.doc, list(q.pieces)
    window = _window_after(q, tokens, index)
    if window and window[0].text in DASHES and len(window) > 1:
        names = window[1:]
        source = doc[names[0].i:names[-1].i + 1].root
        return Draft("dash", "direct", pieces, token_range(window[:1]), source, token_range(names), quotes=[q])
    verb = _speech_verb(window, lexicon)
    if verb is not None:
        source = _source_near(verb, window, index)
        if source is not None:
            return Draft("adjacent", "direct", pieces, token_range([verb]), source, quotes=[q])
    before = index.last_visible_char(q.open_at)
    if not before and index.paragraph(q.open_at) > 0:  # `He said:` closing the paragraph before
        para_start = index.paragraph_start(q.open_at)
        before = ":" if index.paragraph_ends_with(index.paragraph(q.open_at) - 1, ":") else ""
        lead = _lead_before_paragraph(para_start, tokens, index) if before else []
    elif before in (":", ","):
        lead = _lead_before(q, tokens, index)
    else:
        return None
    verb = _speech_verb(lead[::-1], lexicon)  # the cue nearest the opening mark
    if verb is not None:
        source = _source_near(verb, lead, index)
        if source is not None:
            return Draft("adjacent", "direct", pieces, token_range([verb]), source, quotes=[q])
    named = [t for t in lead if not t.is_punct and not t.is_space]
    if before == ":" and named and len(named) <= 6 and any(t.pos_ == "PROPN" for t in named):
        source = doc[named[0].i:named[-1].i + 1].root
        return Draft("colon", "direct", pieces, token_range([lead[-1]]), source, token_range(named), quotes=[q])
    source = _subject_of_lead(lead, lexicon) if before == ":" else None
    if source is not None:
        return Draft("colon", "direct", pieces, token_range([lead[-1]]), source, quotes=[q])
    return None


def _subject_of_lead(lead: list[Token], lexicon: Lexicon) -> Token | None:
    """`The coach was blunt: "..."`, `Trump went even further: "..."`: a clause that ends in a
    colon before a quotation, with someone who can speak for its subject, introduces their words."""
    inside = {t.i for t in lead}
    for verb in (t for t in lead if t.pos_ in ("VERB", "AUX") and (t.head.i not in inside or t.head == t)):
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i in inside), None)
        if subject is not None and subject.lower_ not in NOT_LEAD_SPEAKERS and can_speak(subject, lexicon):
            return subject
    return None


def spoken_words_draft(q: QuotedSpan, tokens: TokenIndex, lexicon: Lexicon, index: TextIndex) -> Draft | None:
    """`He simply said "Thank you."`, `Fans chanted "Bring him back!"`: a quotation right after a
    speech verb, with no comma or colon between, is the words it speaks, if they are words one
    says (a sentence, or three words or more) and not a term the writer quotes (`specified
    "Christian"`, `testified "thousands" of emails`)."""
    doc, k = tokens.doc, tokens.first_at(q.open_at)
    verb = next((doc[i] for i in range(k - 1, -1, -1) if not doc[i].is_space), None)
    if verb is None or verb.lower_ not in lexicon.speech or verb.pos_ != "VERB" \
            or not index.text[verb.idx + len(verb.text):q.open_at].isspace() \
            or (verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)):  # `Written "at ..."`
        return None
    words = index.text[q.start:q.end].rstrip()
    if len(words.split()) < MIN_SPOKEN_WORDS and not words.endswith(SENTENCE_ENDS):
        return None
    source = _source_near(verb, _lead_before(q, tokens, index), index)
    if source is None:
        return None
    return Draft("adjacent", "direct", list(q.pieces), token_range([verb]), source, quotes=[q])


def merge_split(drafts: list[Draft], q: QuotedSpan, index: TextIndex) -> bool:
    """Pass 3: `"A," X said. "B"` -- B joins A when only the attribution stands between; a
    nearer attribution of words partly quoted (`B is "partly quoted," he added. "C"`) is C's."""
    nearer: list[Draft] = []
    for draft in reversed(drafts[-3:]):
        if draft.type == "direct" and _split_by_cue(draft, q, index) \
                and not any(_own_sentence_after(draft.cue, other, index) for other in nearer):
            draft.fragments.extend(q.pieces)
            draft.quotes.append(q)
            return True
        if draft.type == "mixed" and draft.cue is not None and draft.cue[1] <= q.open_at:
            nearer.append(draft)
    return False


def _own_sentence_after(cue: Range | None, other: Draft, index: TextIndex) -> bool:
    """Whether `other` stands in a sentence of its own after the cue (`X said. B "partly," he
    added`), not in the cue's own (`X said, describing "B"`)."""
    between = index.text[cue[1]:other.fragments[0][0]] if cue is not None else ""
    return any(stop + " " in between for stop in ".!?")


def follow_on(drafts: list[Draft], q: QuotedSpan, index: TextIndex, tokens: TokenIndex) -> Draft | None:
    """Pass 3b: `A is "partly quoted," X says. "B"`, `A, X said. "B"` and `"A," said X, a long
    description of X. "B"` -- a quotation that opens the sentence right after the one that
    attributes the latest quote is the same speaker's, a quote of its own."""
    draft = drafts[-1] if drafts else None
    if draft is None or draft.source is None or draft.cue is None:
        return None
    end = max(draft.cue[1], *(stop for _, stop in draft.fragments))
    if end > q.open_at or index.paragraph(draft.cue[0]) != index.paragraph(q.open_at):
        return None
    sent_end = tokens.sentence(tokens.first_at(draft.cue[0]))[1]
    opening = tokens.first_at(q.open_at)
    if sent_end <= opening:  # the parser ended the attribution's sentence before the quotation
        ends_before = all(t.is_space or t.is_punct for t in tokens.doc[sent_end:opening])
    else:  # or ran it on into the quotation: the writer's full stop tells
        ends_before = index.text[end:q.open_at].rstrip().endswith((".", "!", "?"))
    if not ends_before:
        return None
    return Draft("follow_on", "direct", list(q.pieces), None, draft.source, draft.mention, quotes=[q])


def _split_by_cue(draft: Draft, q: QuotedSpan, index: TextIndex) -> bool:
    """Whether only the draft's attribution, in the same paragraph, stands between its last
    quotation and `q`."""
    if not draft.quotes or draft.cue is None:
        return False
    last = draft.quotes[-1]
    gap_ok = 0 < q.open_at - last.close_at <= MAX_SPLIT_GAP
    same_para = index.paragraph(last.close_at) == index.paragraph(q.open_at)
    return gap_ok and same_para and last.close_at < draft.cue[0] < q.open_at


def continuation(drafts: list[Draft], q: QuotedSpan, index: TextIndex) -> Draft | None:
    """Pass 4: a quote paragraph right after a paragraph whose quote has a speaker."""
    if index.last_visible_char(q.open_at):
        return None
    para = index.paragraph(q.open_at)
    for draft in reversed(drafts[-3:]):
        if draft.source is None and draft.mention is None:
            continue
        if index.paragraph(draft.fragments[-1][1]) == para - 1 and draft.type in ("direct", "mixed"):
            return Draft("continuation", "direct", list(q.pieces), None, draft.source, draft.mention,
                         quotes=[q])
    return None


def _reports_a_speakers_quote(draft: Draft, cue: Cue, lexicon: Lexicon, index: TextIndex) -> bool:
    """`"...," X said, according to Y`: a quotation with a speech verb of its own between it and
    `according to` is that speaker's; `"...," according to Y` is Y's."""
    doc = cue.trigger.doc
    for q in draft.quotes:
        if not index.standalone(q) or q.close_at >= cue.cue[0]:
            continue
        i = cue.trigger.i - 1
        while i >= 0 and doc[i].idx >= q.close_at:
            if lexicon.is_cue_form(doc[i].lower_):
                return True
            i -= 1
    return False


def attribute(doc: Doc, index: TextIndex, lexicon: Lexicon) -> list[Draft]:
    """All quotations of a parsed document, whose text and quotation marks `index` holds, in
    text order, before speaker resolution."""
    text = index.text
    drafts = cue_drafts(doc, lexicon, index)
    claimed = {q.open_at for d in drafts for q in d.quotes}
    tokens = TokenIndex(doc)
    ordered = sorted(drafts, key=lambda d: d.fragments[0][0])
    keys = [d.fragments[0][0] for d in ordered]
    for q in index.quoted:
        if q.open_at in claimed or index.is_boilerplate(q.open_at):
            continue
        if not index.standalone(q):
            _insert_in_order(ordered, keys, spoken_words_draft(q, tokens, lexicon, index))
            continue
        k = bisect_left(keys, q.open_at)
        earlier = ordered[max(0, k - 3):k]
        draft = adjacent_draft(q, tokens, lexicon, index)
        if draft is None and merge_split(earlier, q, index):
            continue
        draft = draft or follow_on(earlier, q, index, tokens) or continuation(earlier, q, index)
        if draft is None and len(text[q.start:q.end].split()) >= MIN_UNATTRIBUTED_WORDS:
            draft = Draft("unattributed", "direct", list(q.pieces), None, quotes=[q])
        _insert_in_order(ordered, keys, draft)
    return join_split(ordered, index)


def _insert_in_order(ordered: list[Draft], keys: list[int], draft: Draft | None) -> None:
    """Put a draft among the others in text order; `keys` are their first characters."""
    if draft is not None:
        k = bisect_left(keys, draft.fragments[0][0])
        ordered.insert(k, draft)
        keys.insert(k, draft.fragments[0][0])


def join_split(drafts: list[Draft], index: TextIndex) -> list[Draft]:
    """Pass 5: direct drafts in text order, each pair of halves around their one cue joined."""
    joined: list[Draft] = []
    first_by_cue: dict[Range, Draft] = {}
    for draft in drafts:
        first = first_by_cue.get(draft.cue) if draft.cue is not None and draft.type == "direct" else None
        if first is not None and _cue_between(first, draft, index):
            first.fragments.extend(draft.fragments)
            first.quotes.extend(draft.quotes)
            first.source = first.source or draft.source
            continue
        if draft.cue is not None and draft.type == "direct":
            first_by_cue.setdefault(draft.cue, draft)
        joined.append(draft)
    return joined


def _cue_between(first: Draft, second: Draft, index: TextIndex) -> bool:
    """Whether the drafts' shared cue stands between them, all in one paragraph, and the first
    breaks off at a comma or dash (`"A," X said, "B"`; not `"A." To which X said, "B"`)."""
    cue = first.cue
    if cue is None or not first.quotes or not (first.fragments[-1][1] <= cue[0] and cue[1] <= second.fragments[0][0]):
        return False
    last = first.quotes[-1]
    inside = index.text[last.start:last.end].rstrip()
    after = index.text[last.close_at + 1:cue[0]].lstrip()
    breaks_off = inside.endswith(",") or after[:1] in SEPARATORS
    return breaks_off and index.paragraph(first.fragments[-1][1]) == index.paragraph(second.fragments[0][0])
