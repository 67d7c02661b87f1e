"""Endpoints: `/v1/quotes`, `/v1/quotes/batch`, `/v1/info`, `/healthz`, `/readyz`.

Views take the validated body (`bodies.py`, the schemas) and hand the texts to the engine; they
know nothing of the rules.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import current_app, g
from marshmallow import ValidationError

from models import Attributor, DeadlineExceeded, InputError, TextTooLongError

from .bodies import Blueprint, load_body
from .client import client_gone
from .config import Settings
from .errors import CLIENT_CLOSED_REQUEST, PROBLEM_JSON, ApiError, problem_body, title
from .schemas import BatchOut, InfoOut, ProblemOut, RequestSchemas, ResultOut, StatusOut, result_out
from .slots import ExtractionSlots, QueueFull, WaitedTooLong

View = Callable[..., Any]

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
BATCH_EXAMPLE = {"articles": [EXAMPLE["request"]], "kinds": ["speech"]}


def problems(blp: Blueprint, *statuses: int) -> Callable[[View], View]:
    """Document the problem+json answers a view can give."""
    def decorate(view: View) -> View:
        for status in statuses:
            view = blp.alt_response(status, **PROBLEM)(view)
        return view
    return decorate


@dataclass
class ServiceState:
    """What the views need: the settings and, once loaded, the attributor."""

    settings: Settings
    attributor: Attributor | None
    version: str
    slots: ExtractionSlots


def state() -> ServiceState:
    return current_app.extensions["quote_attribution"]


def ready_attributor() -> Attributor:
    attributor = state().attributor
    if attributor is None:
        raise ApiError(503, "The model is still loading; retry shortly.")
    return attributor


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


def quotes_blueprint(schemas: RequestSchemas) -> Blueprint:
    """The `/v1` views, their bodies declared with one deployment's limits so that `/openapi.json`
    states them: a blueprint per app, as each app has its own limits."""
    blp = Blueprint("quotes", __name__, url_prefix="/v1", description="Quote attribution")

    @blp.route("/quotes", methods=["POST"])
    @blp.doc(requestBody=ARTICLE_BODY, operationId="extractQuotes")
    @blp.response(200, ResultOut, example=EXAMPLE["response"])
    @problems(blp, 400, 413, 415, 422, 503)
    def extract_one() -> dict[str, Any]:
        """Attribute the quotations of one article.

        Send `{"text": ..., "id": ...}` as JSON, or the article itself as `text/plain` (in the
        charset it declares; UTF-8 if none).
        """
        return answer_one(load_body(schemas.article(), allow_text=True))

    @blp.route("/quotes/batch", methods=["POST"])
    @blp.doc(operationId="extractQuotesBatch")
    @blp.arguments(schemas.batch, example=BATCH_EXAMPLE)
    @blp.response(200, BatchOut)
    @problems(blp, 400, 413, 415, 422, 503)
    def extract_batch(body: dict[str, Any]) -> dict[str, Any]:
        """Attribute the quotations of several articles in one parse pass; results keep input order.

        An article that cannot be processed (no text, blank, too long) gets its problem in its
        place, with its status (413 or 422); the others get their results, with status 200. Errors
        of the request as a whole (no articles, too many, too many characters in all) fail it.
        """
        return answer_batch(body)

    @blp.route("/info", methods=["GET"])
    @blp.doc(operationId="getInfo")
    @blp.response(200, InfoOut)
    def info() -> dict[str, Any]:
        """Service version, model and limits."""
        return service_info()

    return blp


def answer_one(body: dict[str, Any]) -> dict[str, Any]:
    attributor = ready_attributor()
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


def answer_batch(body: dict[str, Any]) -> dict[str, Any]:
    attributor = ready_attributor()
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


def service_info() -> dict[str, Any]:
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
