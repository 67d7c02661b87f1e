"""Every error as `application/problem+json` (RFC 9457), registered once on the app."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, g, json
from werkzeug.exceptions import HTTPException

log = logging.getLogger("service")
PROBLEM_TYPE = "about:blank"
PROBLEM_JSON = "application/problem+json"
#: the status logged for a request dropped because its client had gone (nginx's convention)
CLIENT_CLOSED_REQUEST = 499


class ApiError(HTTPException):
    """An HTTP error with a detail for the caller and, optionally, field messages."""

    def __init__(self, status: int, detail: str, errors: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(description=detail)
        self.code = status
        self.errors = errors
        self.extra_headers = headers or {}


def problem_body(status: int, title: str, detail: str, errors: dict[str, Any] | None = None,
                 request_id: str | None = None) -> dict[str, Any]:
    """The one shape of an error answer (RFC 9457), for the app and for gunicorn's own errors."""
    body: dict[str, Any] = {"type": PROBLEM_TYPE, "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    if request_id:
        body["request_id"] = request_id
    return body


def problem(status: int, title: str, detail: str, errors: dict[str, Any] | None = None) -> Response:
    body = problem_body(status, title, detail, errors, g.get("request_id"))
    return Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)


def title(status: int) -> str:
    """The problem title of a status: its reason phrase (499 is nginx's)."""
    if status == CLIENT_CLOSED_REQUEST:
        return "Client Closed Request"
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def handle_http(err: HTTPException) -> Response:
    status = err.code or 500
    errors = getattr(err, "errors", None)
    if errors is None:  # flask-smorest puts marshmallow messages here
        errors = (getattr(err, "data", None) or {}).get("messages")
    detail = err.description or title(status)
    response = problem(status, title(status), detail, errors)
    if status == 405 and hasattr(err, "valid_methods") and err.valid_methods:
        response.headers["Allow"] = ", ".join(err.valid_methods)
    response.headers.update(getattr(err, "extra_headers", {}))
    return response


def handle_unexpected(err: Exception) -> Response:
    log.exception("unhandled error request_id=%s", g.get("request_id"))
    return problem(500, "Internal Server Error", "The server failed to process the request.")


def register(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(Exception, handle_unexpected)
