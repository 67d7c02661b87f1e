"""Result types of the engine: plain dataclasses that serialise to the wire contract."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

#: a [start, end) range of character offsets (or of token indices, where a name says so)
Range = tuple[int, int]
QuoteType = Literal["direct", "indirect", "mixed"]
#: what a quote attributes: words said, a belief or intention, or what a document or data shows
AttributionKind = Literal["speech", "belief", "evidence", "refusal"]
ATTRIBUTION_KINDS: tuple[str, ...] = ("speech", "belief", "evidence", "refusal")
SpeakerKind = Literal["person", "organization", "group", "unknown"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A character range of the text as received; `text` is always `article[start:end]`."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: str, start: int, end: int) -> TextSpan:
        return cls(start, end, article[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> TextSpan | None:
        return None if data is None else cls(data["start"], data["end"], data["text"])


@dataclass(slots=True)
class Speaker:
    """One resolved speaker: a person, organisation or group, with every mention that names it."""

    id: str
    name: str | None
    title: str | None
    kind: SpeakerKind
    titles: list[str] = field(default_factory=list)
    mentions: list[TextSpan] = field(default_factory=list)
    quote_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "title": self.title, "titles": list(self.titles),
                "kind": self.kind, "mentions": [m.to_dict() for m in self.mentions],
                "quote_ids": list(self.quote_ids)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        return cls(data["id"], data["name"], data["title"], data["kind"], list(data["titles"]),
                   [TextSpan(m["start"], m["end"], m["text"]) for m in data["mentions"]], list(data["quote_ids"]))


@dataclass(slots=True)
class Quote:
    """One attributed quotation; `fragments` are the pieces of content, in text order."""

    id: str
    type: QuoteType
    fragments: list[TextSpan]
    cue: TextSpan | None
    speaker: Speaker | None
    mention: TextSpan | None
    confidence: float
    article: str = field(repr=False, default="")  # the text the offsets index
    rule: str = ""  # which rule found it; for error analysis, not part of the wire format
    kind: AttributionKind = "speech"

    @property
    def start(self) -> int:
        return self.fragments[0].start

    @property
    def end(self) -> int:
        return self.fragments[-1].end

    def to_dict(self) -> dict[str, Any]:
        speaker = None
        if self.speaker is not None:
            speaker = {"id": self.speaker.id, "name": self.speaker.name, "title": self.speaker.title,
                       "kind": self.speaker.kind,
                       "mention": self.mention.to_dict() if self.mention else None}
        return {"id": self.id, "type": self.type, "kind": self.kind, "text": self.article[self.start:self.end],
                "start": self.start, "end": self.end,
                "fragments": [f.to_dict() for f in self.fragments],
                "cue": self.cue.to_dict() if self.cue else None,
                "speaker": speaker, "confidence": round(self.confidence, 3)}

    def to_data(self) -> dict[str, Any]:
        """Everything of the quote as plain data (what `Doc.user_data` can serialise), the speaker by id."""
        return {"id": self.id, "type": self.type, "kind": self.kind, "rule": self.rule, "confidence": self.confidence,
                "fragments": [f.to_dict() for f in self.fragments], "cue": self.cue.to_dict() if self.cue else None,
                "mention": self.mention.to_dict() if self.mention else None,
                "speaker": self.speaker.id if self.speaker else None}

    @classmethod
    def from_data(cls, data: dict[str, Any], speakers: dict[str, Speaker], article: str) -> Quote:
        return cls(data["id"], data["type"], [TextSpan(f["start"], f["end"], f["text"]) for f in data["fragments"]],
                   TextSpan.from_dict(data["cue"]), speakers.get(data["speaker"]) if data["speaker"] else None,
                   TextSpan.from_dict(data["mention"]), data["confidence"], article, data["rule"], data["kind"])


@dataclass(slots=True)
class Result:
    """Everything the engine found in one article."""

    id: str | None
    quotes: list[Quote]
    speakers: list[Speaker]
    model: str
    version: str
    chars: int
    elapsed_ms: float

    def rebase(self, article: str) -> None:
        """Take every span's text from `article`, a text of the same length the spans index."""
        def again(span: TextSpan | None) -> TextSpan | None:
            return None if span is None else TextSpan.of(article, span.start, span.end)

        for q in self.quotes:
            q.fragments = [again(f) for f in q.fragments]
            q.cue, q.mention, q.article = again(q.cue), again(q.mention), article
        for s in self.speakers:
            s.mentions = [again(m) for m in s.mentions]

    def only(self, kinds: set[str] | frozenset[str]) -> Result:
        """This result with only the quotes of `kinds`, and only the speakers of those quotes."""
        quotes = [q for q in self.quotes if q.kind in kinds]
        kept = {q.id for q in quotes}
        speakers = []
        for s in self.speakers:
            quote_ids = [i for i in s.quote_ids if i in kept]
            if quote_ids:
                speakers.append(Speaker(s.id, s.name, s.title, s.kind, list(s.titles), list(s.mentions), quote_ids))
        return Result(self.id, quotes, speakers, self.model, self.version, self.chars, self.elapsed_ms)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "quotes": [q.to_dict() for q in self.quotes],
                "speakers": [s.to_dict() for s in self.speakers],
                "meta": {"model": self.model, "model_version": self.version, "chars": self.chars,
                         "elapsed_ms": round(self.elapsed_ms, 2)}}
