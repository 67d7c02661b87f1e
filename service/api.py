"""Endpoints: `/v1/quotes`, `/v1/quotes/batch`, `/v1/info`, `/healthz`, `/readyz`.

Views read the body, validate it with the schemas and hand the texts to the engine;
they know nothing of the rules.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import current_app, g, request
from flask_smorest import Blueprint
from marshmallow import Schema, ValidationError

from models import Attributor, DeadlineExceeded, InputError, TextTooLongError

from .client import client_gone
from .config import Settings
from .errors import CLIENT_CLOSED_REQUEST, PROBLEM_JSON, ApiError, problem_body, title
from .schemas import BatchOut, InfoOut, ProblemOut, RequestSchemas, ResultOut, StatusOut, result_out
from .slots import ExtractionSlots, QueueFull, WaitedTooLong

quotes = Blueprint("quotes", __name__, url_prefix="/v1", description="Quote attribution")
health = Blueprint("health", __name__, description="Liveness, readiness and service information")

#: seconds a client refused for a full queue is told to wait (about one article's extraction)
RETRY_AFTER_S = 2
PROBLEM = {"content_type": PROBLEM_JSON, "schema": ProblemOut}
#: a real request and its answer (an excerpt of a seed article), so that "Try it out" works at once;
#: `tests/test_api.py` checks the service still gives this answer
EXAMPLE = json.loads((Path(__file__).parent / "openapi_example.json").read_text(encoding="utf-8"))
ARTICLE_BODY = {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/ArticleIn"}, "example": EXAMPLE["request"]},
    "text/plain": {"schema": {"$ref": "#/components/schemas/ArticleText"}, "example": EXAMPLE["request"]["text"]}}}
BATCH_BODY = {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/BatchIn"},
                         "example": {"articles": [EXAMPLE["request"]], "kinds": ["speech"]}}}}


def problems(*statuses: int):
    """Document the problem+json answers a view can give."""
    def decorate(view):
        for status in statuses:
            view = quotes.alt_response(status, **PROBLEM)(view)
        return view
    return decorate


@dataclass
class ServiceState:
    """What the views need: the settings and, once loaded, the attributor."""

    settings: Settings
    attributor: Attributor | None
    version: str
    schemas: RequestSchemas
    slots: ExtractionSlots


def state() -> ServiceState:
    return current_app.extensions["quote_attribution"]


def ready_attributor() -> Attributor:
    attributor = state().attributor
    if attributor is None:
        raise ApiError(503, "The model is still loading; retry shortly.")
    return attributor


def _json_body() -> Any:
    try:
        return json.loads(request.get_data())
    except (ValueError, UnicodeDecodeError) as err:
        raise ApiError(400, f"The body is not valid JSON: {err}") from None
    except RecursionError:
        raise ApiError(400, "The body's JSON is nested too deeply.") from None


def _text_body() -> str:
    """A text/plain body decoded by its declared charset (UTF-8 if none); a charset Python does
    not know as a text encoding is a 415, bytes that are not in it a 400."""
    charset = (request.mimetype_params.get("charset") or "utf-8").strip().lower()
    try:
        return request.get_data().decode(charset)
    except LookupError:  # unknown, or a codec that is not a text encoding (`base64`)
        raise ApiError(415, f"text/plain bodies must be in a known charset, not {charset!r}") from None
    except UnicodeDecodeError as err:
        raise ApiError(400, f"The body is not valid {charset}: {err.reason} at byte {err.start}") from None


def load_body(schema: Schema, allow_text: bool) -> dict[str, Any]:
    """The validated body; JSON always, a raw article as text/plain where `allow_text`."""
    if request.mimetype == "application/json":
        data = _json_body()
    elif allow_text and request.mimetype == "text/plain":
        data = {"text": _text_body()}
    else:
        accepted = "application/json or text/plain" if allow_text else "application/json"
        raise ApiError(415, f"Content-Type must be {accepted}, not {request.mimetype or 'missing'}")
    try:
        return schema.load(data)
    except ValidationError as err:
        raise ApiError(422, "The request body is invalid; see errors.", err.messages) from None


def _drop_if_client_gone() -> None:
    if client_gone():
        raise ApiError(CLIENT_CLOSED_REQUEST, "The client closed the connection before the article was processed.")


@contextmanager
def extraction() -> Iterator[float]:
    """An extraction slot and the request's deadline, for the engine to stop at.

    The queue full: an immediate 503 with `Retry-After`. No slot or no parse within the time
    limit: a 503 that says so. A client that has gone, before or while its request waited, costs
    no extraction.
    """
    _drop_if_client_gone()
    current = state()
    seconds = current.settings.timeout
    deadline = time.monotonic() + seconds
    try:
        with current.slots.hold(deadline):
            _drop_if_client_gone()
            yield deadline
    except QueueFull:
        raise ApiError(503, "Every extraction slot is busy and the queue is full; retry shortly.",
                       headers={"Retry-After": str(RETRY_AFTER_S)}) from None
    except (WaitedTooLong, DeadlineExceeded):
        raise ApiError(503, f"The article took longer than the {seconds} s limit to process; "
                            "send a shorter text or retry later.") from None


def check_length(text: str, field: str, limit: int) -> None:
    """413 for text over the limit (the schema documents the limit; the answer is not a 422)."""
    if len(text) > limit:
        raise ApiError(413, f"{field} has {len(text)} characters; the limit is {limit}")


@quotes.route("/quotes", methods=["POST"])
@quotes.doc(requestBody=ARTICLE_BODY, operationId="extractQuotes")
@quotes.response(200, ResultOut, example=EXAMPLE["response"])
@problems(400, 413, 415, 422, 503)
def extract_one() -> dict[str, Any]:
    """Attribute the quotations of one article.

    Send `{"text": ..., "id": ...}` as JSON, or the article itself as `text/plain` (in the charset
    it declares; UTF-8 if none).
    """
    attributor = ready_attributor()
    body = load_body(state().schemas.article(), allow_text=True)
    check_length(body["text"], "text", state().settings.max_chars)
    try:
        with extraction() as deadline:
            result = attributor.extract(body["text"], body.get("id"), deadline=deadline)
    except InputError as err:  # the checks above make this unreachable in practice
        raise ApiError(413 if isinstance(err, TextTooLongError) else 422, str(err)) from None
    if body.get("kinds"):
        result = result.only(set(body["kinds"]))
    g.chars, g.quotes = result.chars, len(result.quotes)
    return result_out(result, state().version)


@quotes.route("/quotes/batch", methods=["POST"])
@quotes.doc(requestBody=BATCH_BODY, operationId="extractQuotesBatch")
@quotes.response(200, BatchOut)
@problems(400, 413, 415, 422, 503)
def extract_batch() -> dict[str, Any]:
    """Attribute the quotations of several articles in one parse pass; results keep input order.

    An article that cannot be processed (no text, blank, too long) gets its problem in its place,
    with its status (413 or 422); the others get their results, with status 200. Errors of the
    request as a whole (no articles, too many, too many characters in all) fail it.
    """
    attributor = ready_attributor()
    body = load_body(state().schemas.batch(), allow_text=False)
    settings = state().settings
    slots = [_article_problem(article, n, settings.max_chars) for n, article in enumerate(body["articles"])]
    articles = [a for a, problem in zip(body["articles"], slots, strict=True) if problem is None]
    total = sum(len(a["text"]) for a in articles)
    if total > settings.max_batch_chars:
        raise ApiError(413, f"the articles have {total} characters in all; the limit for one batch is "
                            f"{settings.max_batch_chars}")
    with extraction() as deadline:
        kinds = [a.get("kinds") or body.get("kinds") for a in articles]  # an article's own, else the batch's
        found = attributor.extract_many([(a["text"], a.get("id")) for a in articles], deadline=deadline)
        results = iter([{"status": 200, **result_out(r.only(set(k)) if k else r, state().version, timed=False)}
                        for r, k in zip(found, kinds, strict=True)])
    answers = [next(results) if problem is None else problem for problem in slots]
    g.chars = sum(r["meta"]["chars"] for r in answers if r["status"] == 200)
    g.quotes = sum(len(r["quotes"]) for r in answers if r["status"] == 200)
    return {"results": answers}


def _article_problem(article: Any, n: int, max_chars: int) -> dict[str, Any] | None:
    """The problem of one article of a batch, in its place in the answer; None if it has none."""
    if isinstance(article, ValidationError):
        messages = article.messages if isinstance(article.messages, dict) else {"_schema": article.messages}
        valid = article.valid_data if isinstance(article.valid_data, dict) else {}
        return _slot(422, "The article is invalid; see errors.", valid.get("id"), messages)  # its id, if that is valid
    if len(article["text"]) > max_chars:
        return _slot(413, f"articles.{n}.text has {len(article['text'])} characters; the limit is {max_chars}",
                     article.get("id"))
    return None


def _slot(status: int, detail: str, id: str | None, errors: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"status": status, "id": id, "error": problem_body(status, title(status), detail, errors)}


@quotes.route("/info", methods=["GET"])
@quotes.doc(operationId="getInfo")
@quotes.response(200, InfoOut)
def info() -> dict[str, Any]:
    """Service version, model and limits."""
    current = state()
    attributor = current.attributor
    return {"service": "quote-attribution", "version": current.version, "model": current.settings.model,
            "model_version": attributor.version if attributor else None, "limits": current.settings.public()}


@health.route("/healthz", methods=["GET"])
@health.doc(operationId="getHealth")
@health.response(200, StatusOut)
def healthz() -> dict[str, str]:
    """The process is alive."""
    return {"status": "ok"}


@health.route("/readyz", methods=["GET"])
@health.doc(operationId="getReadiness")
@health.response(200, StatusOut)
@health.alt_response(503, **PROBLEM)
def readyz() -> dict[str, str]:
    """200 once the model is loaded, 503 before."""
    ready_attributor()
    return {"status": "ready"}
