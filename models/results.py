"""From drafts to results: speaker mentions, resolution, grouping, ids and confidence."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from .attribution import LABEL, Draft
from .confidence import confidence
from .indexes import TextIndex
from .lexicon import Lexicon
from .reported import REFUSAL
from .speakers import Resolved, SpeakerResolver, head_bounds, mention_bounds
from .types import Quote, Range, Speaker, TextSpan


def _overlaps(a: Range, ranges: list[Range]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in ranges)


def mention_range(draft: Draft, doc: Doc) -> Range | None:
    """The source phrase of a draft, kept clear of its content."""
    if draft.mention is not None:
        return draft.mention
    if draft.source is None:
        return None
    for bounds in (mention_bounds(draft.source), head_bounds(draft.source)):
        span = doc[bounds[0]:bounds[1]]
        rng = (span.start_char, span.end_char)
        if span and not _overlaps(rng, draft.fragments):
            return rng
    return None


def attribution_kind(draft: Draft, text: str, lexicon: Lexicon) -> str:
    """What a quote attributes: `evidence` when its source is a document or data (`the poll
    shows`, `a study found`), `belief` for verbs of thinking and intending (`believes`, `wants
    to`), `refusal` for speech declined (`declined to comment`), else `speech`."""
    if draft.rule == REFUSAL:
        return "refusal"
    if draft.source is not None and draft.source.lower_ in lexicon.document_nouns:
        return "evidence"
    cue_word = text[draft.cue[0]:draft.cue[1]].lower() if draft.cue else ""
    if draft.rule in ("belief", "raising") or (draft.rule == "learned" and cue_word in lexicon.belief):
        return "belief"
    return "speech"


class SpeakerBook:
    """Speakers of one document, one entry per resolved name, in order of first quote."""

    def __init__(self) -> None:
        self.speakers: dict[tuple[str, str], Speaker] = {}
        self._mentions: set[tuple[str, int, int]] = set()  # (speaker id, start, end): no list scans

    def add(self, resolved: Resolved, mention: TextSpan) -> Speaker:
        key = (resolved.kind, (resolved.name or mention.text).lower())
        speaker = self.speakers.get(key)
        if speaker is None:
            speaker = Speaker(f"s{len(self.speakers) + 1}", resolved.name, resolved.title, resolved.kind)
            self.speakers[key] = speaker
        if resolved.title and resolved.title not in speaker.titles:
            speaker.titles.append(resolved.title)
        if speaker.title is None:
            speaker.title = resolved.title
        if (speaker.id, mention.start, mention.end) not in self._mentions:
            self._mentions.add((speaker.id, mention.start, mention.end))
            speaker.mentions.append(mention)
        return speaker

    def retitle(self, resolver: SpeakerResolver) -> None:
        """Give each person the title they are best known by in the whole article, not the one
        their first quote happened to state (`Union leader vows ...` heads an article that goes
        on to call him `the head of the International Longshoremen's Association`)."""
        for speaker in self.speakers.values():
            best = resolver.person(speaker.name).title if speaker.kind == "person" and speaker.name else None
            speaker.title = best or speaker.title


class LabelledLines:
    """The words of labelled lines (`A: I think C`, `WALLACE: I said C`) and whose they are:
    an `I` there is the label's speaker, not the writer."""

    def __init__(self, drafts: list[Draft]) -> None:
        lines = sorted((start, end, draft.source) for draft in drafts if draft.rule == LABEL
                       and draft.source is not None for start, end in draft.fragments)
        self.lines, self.starts = lines, [start for start, _, _ in lines]

    def speaker_of(self, token: Token) -> Token | None:
        """The label's source when `token` is an `I` inside a labelled line, else None."""
        k = bisect_right(self.starts, token.idx) - 1
        if token.lower_ != "i" or k < 0 or token.idx >= self.lines[k][1]:
            return None
        return self.lines[k][2]


def build(doc: Doc, index: TextIndex, drafts: list[Draft], lexicon: Lexicon) -> tuple[list[Quote], list[Speaker]]:
    """Quotes with resolved speakers, and the speakers with the quotes they made."""
    text = index.text
    resolver = SpeakerResolver(doc, lexicon, quoted=lambda i: index.quote_at(i) is not None)
    labelled = LabelledLines(drafts)
    book = SpeakerBook()
    quotes: list[Quote] = []
    for draft in drafts:
        fragments = [TextSpan.of(text, s, e) for s, e in draft.fragments]
        rng = mention_range(draft, doc)
        speaker = mention = None
        if rng is not None and draft.source is not None:
            mention = TextSpan.of(text, *rng)
            answerer = labelled.speaker_of(draft.source)  # `A: I think C`: the answerer's `I`
            resolved = resolver.resolve(draft.source, mention.text) if answerer is None else \
                resolver.resolve(answerer, doc[slice(*mention_bounds(answerer))].text)
            speaker = book.add(resolved, mention)
            if resolved.kind == "person" and resolved.name:
                resolver.note_speaker(draft.source.i, resolved.name)
            resolver.note_body(draft.source.i, resolved)
            for name in [resolved.name] if resolved.kind == "person" and resolved.name else []:
                person = resolver.people.get(name)
                for title in person.titles if person else []:
                    if title not in speaker.titles:
                        speaker.titles.append(title)
        quote_id = f"q{len(quotes) + 1}"
        score = confidence(lexicon.confidence, draft.rule, draft.type, speaker is not None,
                           speaker is not None and speaker.name is not None)
        cue = TextSpan.of(text, *draft.cue) if draft.cue else None
        quotes.append(Quote(quote_id, draft.type, fragments, cue, speaker, mention, score, text, draft.rule,
                            kind=attribution_kind(draft, text, lexicon)))
        if speaker is not None:
            speaker.quote_ids.append(quote_id)
    book.retitle(resolver)
    return quotes, list(book.speakers.values())
