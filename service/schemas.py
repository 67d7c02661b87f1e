"""The wire format: one marshmallow schema per shape, used to validate, serialise and document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, pre_load, validate

from models import BLANK_CHARS, Result, is_blank
from models.types import ATTRIBUTION_KINDS

KINDS_FIELD = {"load_default": None, "allow_none": True,
               "metadata": {"description": "Only quotes of these kinds (default: every kind)."}}


def kinds_field() -> fields.List:
    return fields.List(fields.String(validate=validate.OneOf(ATTRIBUTION_KINDS)), **KINDS_FIELD)


def not_blank(text: str) -> None:
    if is_blank(text):
        raise ValidationError("Text is empty or only white space.")


class EachOnItsOwn(fields.List):
    """A list whose items are validated one by one: an item that fails stays in its place as its
    `ValidationError`, so one bad article of a batch does not fail the others."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> list[Any]:
        if not isinstance(value, list):
            raise self.make_error("invalid")
        out: list[Any] = []
        for item in value:
            try:
                out.append(self.inner.deserialize(item, **kwargs))
            except ValidationError as err:
                out.append(err)
        return out


def each_on_its_own_doc(converter: Any, field: fields.Field, ret: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """apispec: an `EachOnItsOwn` list takes items of any shape (each is checked on its own and a
    bad one answered in its place), and shows the shape it expects."""
    if not isinstance(field, EachOnItsOwn) or "items" not in ret:
        return {}
    return {"items": {"anyOf": [ret["items"], {}],
                      "description": "An article as for POST /v1/quotes. Anything else is answered in its "
                                     "place with status 422."}}


class InputSchema(Schema):
    class Meta:
        unknown = EXCLUDE  # extra fields (metadata callers carry along) are ignored, not rejected


@dataclass(frozen=True)
class RequestSchemas:
    """The request bodies with one deployment's limits, so `/openapi.json` states them."""

    article: type[Schema]
    batch: type[Schema]
    article_text: dict[str, Any]  # the text/plain body


def request_schemas(max_chars: int, max_batch: int, max_batch_chars: int) -> RequestSchemas:
    """Schemas for `/v1/quotes` and `/v1/quotes/batch` with these limits.

    The text limits are documented (`maxLength`, the batch's description) but checked by the
    view, which answers 413.
    """
    text_doc = {"maxLength": max_chars, "pattern": f"[^{BLANK_CHARS}]"}  # at least one visible character

    class ArticleIn(InputSchema):
        text = fields.String(required=True, validate=[validate.Length(min=1), not_blank],
                             metadata={"description": "The article, as plain text. Offsets index this string.",
                                       **text_doc})
        id = fields.String(load_default=None, allow_none=True, metadata={"description": "Echoed in the result."})
        kinds = kinds_field()

    class BatchIn(InputSchema):
        kinds = kinds_field()
        articles = EachOnItsOwn(fields.Nested(ArticleIn), required=True,
                               validate=validate.Length(min=1, max=max_batch),
                               metadata={"description": f"1 to {max_batch} (QUOTES_MAX_BATCH) articles of "
                                                        f"{max_batch_chars} characters in all "
                                                        "(QUOTES_MAX_BATCH_CHARS)."})

        @pre_load
        def count_first(self, data: Any, **kwargs: Any) -> Any:
            """Refuse too many articles before validating any of them (a million items cost seconds)."""
            articles = data.get("articles") if isinstance(data, dict) else None
            if isinstance(articles, list) and len(articles) > max_batch:
                raise ValidationError(f"Longer than maximum length {max_batch}.", "articles")
            return data

    return RequestSchemas(ArticleIn, BatchIn, {"type": "string", "minLength": 1, **text_doc})


class SpanOut(Schema):
    text = fields.String(required=True)
    start = fields.Integer(required=True, metadata={"description": "Code-point offset, inclusive."})
    end = fields.Integer(required=True, metadata={"description": "Code-point offset, exclusive."})


class QuoteSpeakerOut(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True, allow_none=True)
    title = fields.String(required=True, allow_none=True)
    kind = fields.String(required=True, validate=validate.OneOf(["person", "organization", "group", "unknown"]))
    mention = fields.Nested(SpanOut, required=True, allow_none=True)


class QuoteOut(Schema):
    id = fields.String(required=True)
    type = fields.String(required=True, validate=validate.OneOf(["direct", "indirect", "mixed"]))
    kind = fields.String(required=True, validate=validate.OneOf(ATTRIBUTION_KINDS),
                         metadata={"description": "What is attributed: words said, a belief or intention, "
                                                  "or what a document or data shows."})
    text = fields.String(required=True)
    start = fields.Integer(required=True)
    end = fields.Integer(required=True)
    fragments = fields.List(fields.Nested(SpanOut), required=True)
    cue = fields.Nested(SpanOut, required=True, allow_none=True)
    speaker = fields.Nested(QuoteSpeakerOut, required=True, allow_none=True)
    confidence = fields.Float(required=True, validate=validate.Range(0, 1))


class SpeakerOut(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True, allow_none=True)
    title = fields.String(required=True, allow_none=True)
    titles = fields.List(fields.String(), required=True)
    kind = fields.String(required=True)
    mentions = fields.List(fields.Nested(SpanOut), required=True)
    quote_ids = fields.List(fields.String(), required=True)


class MetaOut(Schema):
    model = fields.String(required=True, metadata={"description": "The spaCy pipeline (QUOTES_SPACY_MODEL)."})
    model_version = fields.String(required=True, metadata={"description": "That pipeline's version."})
    service_version = fields.String(required=True, metadata={"description": "This service's version."})
    chars = fields.Integer(required=True, metadata={"description": "Characters in the article."})
    elapsed_ms = fields.Float(metadata={"description": "Time to process this article. Single requests only: "
                                                       "in a batch the articles are parsed together, so no "
                                                       "article has a time of its own."})


def result_out(result: Result, service_version: str, timed: bool = True) -> dict[str, Any]:
    """A result as the wire carries it: the engine's, its meta completed with the service's version
    (and without a time when the result shares its parse with others)."""
    out = result.to_dict()
    out["meta"]["service_version"] = service_version
    if not timed:
        del out["meta"]["elapsed_ms"]
    return out


class ResultOut(Schema):
    id = fields.String(required=True, allow_none=True)
    quotes = fields.List(fields.Nested(QuoteOut), required=True)
    speakers = fields.List(fields.Nested(SpeakerOut), required=True)
    meta = fields.Nested(MetaOut, required=True)


class BatchItemOut(Schema):
    """One article's place in a batch answer: its result (status 200), or its problem (status
    413 or 422) when that article alone cannot be processed."""

    status = fields.Integer(required=True, metadata={"description": "200, or the status of `error`."})
    id = fields.String(required=True, allow_none=True)
    quotes = fields.List(fields.Nested(QuoteOut), metadata={"description": "With status 200."})
    speakers = fields.List(fields.Nested(SpeakerOut), metadata={"description": "With status 200."})
    meta = fields.Nested(MetaOut, metadata={"description": "With status 200."})
    error = fields.Nested(lambda: ProblemOut(), metadata={"description": "With any other status."})


class BatchOut(Schema):
    results = fields.List(fields.Nested(BatchItemOut), required=True,
                          metadata={"description": "One per article, in input order."})


class LimitsOut(Schema):
    max_chars = fields.Integer(required=True)
    max_batch = fields.Integer(required=True)
    max_batch_chars = fields.Integer(required=True)
    max_body_bytes = fields.Integer(required=True)
    timeout_s = fields.Integer(required=True)


class InfoOut(Schema):
    service = fields.String(required=True)
    version = fields.String(required=True)
    model = fields.String(required=True)
    model_version = fields.String(required=True, allow_none=True)
    limits = fields.Nested(LimitsOut, required=True)


class StatusOut(Schema):
    status = fields.String(required=True)


class ProblemOut(Schema):
    """RFC 9457 problem details."""

    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    errors = fields.Dict(metadata={"description": "Field messages, for validation errors."})
    request_id = fields.String()
