"""Request bodies as the service reads them: JSON, or an article as text/plain in its charset.

A body of a type the endpoint does not take is a 415, one that does not decode a 400, one whose
fields are wrong a 422 whose `errors` name them. The answers are the same whether a view declares
its body with `@blp.arguments` (this module's `Blueprint`, whose webargs parser is `BodyParser`)
or reads it itself with `load_body` (`POST /v1/quotes`, which also takes text/plain: webargs
knows no such location).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NoReturn

import flask_smorest
from flask import Request, request
from marshmallow import Schema, ValidationError
from webargs.flaskparser import FlaskParser

from .errors import ApiError

JSON = "application/json"
TEXT = "text/plain"


def json_body(req: Request) -> Any:
    """The body parsed as JSON (400 if it is not)."""
    try:
        return json.loads(req.get_data())
    except (ValueError, UnicodeDecodeError) as err:
        raise ApiError(400, f"The body is not valid JSON: {err}") from None
    except RecursionError:
        raise ApiError(400, "The body's JSON is nested too deeply.") from None


def text_body(req: Request) -> str:
    """A text/plain body decoded by its declared charset (UTF-8 if none); a charset Python does
    not know as a text encoding is a 415, bytes that are not in it a 400."""
    charset = (req.mimetype_params.get("charset") or "utf-8").strip().lower()
    try:
        return req.get_data().decode(charset)
    except LookupError:  # unknown, or a codec that is not a text encoding (`base64`)
        raise ApiError(415, f"text/plain bodies must be in a known charset, not {charset!r}") from None
    except UnicodeDecodeError as err:
        raise ApiError(400, f"The body is not valid {charset}: {err.reason} at byte {err.start}") from None


def unsupported(req: Request, accepted: tuple[str, ...]) -> ApiError:
    return ApiError(415, f"Content-Type must be {' or '.join(accepted)}, not {req.mimetype or 'missing'}")


def invalid(messages: Any) -> ApiError:
    return ApiError(422, "The request body is invalid; see errors.", messages)


def load_body(schema: Schema, allow_text: bool) -> dict[str, Any]:
    """The validated body; JSON always, a raw article as text/plain where `allow_text`."""
    if request.mimetype == JSON:
        data = json_body(request)
    elif allow_text and request.mimetype == TEXT:
        data = {"text": text_body(request)}
    else:
        raise unsupported(request, (JSON, TEXT) if allow_text else (JSON,))
    try:
        return schema.load(data)
    except ValidationError as err:
        raise invalid(err.messages) from None


class BodyParser(FlaskParser):
    """webargs' Flask parser with the service's answers: a JSON body must say it is JSON (webargs
    would read any other body as no body), and the field messages are the problem's `errors`, not
    nested under the location's name."""

    def load_json(self, req: Request, schema: Schema) -> Any:
        if req.mimetype != JSON:
            raise unsupported(req, (JSON,))
        return json_body(req)

    def handle_error(self, error: ValidationError, req: Request, schema: Schema, *,
                     error_status_code: int | None, error_headers: Mapping[str, str] | None) -> NoReturn:
        (messages,) = error.messages.values()  # webargs files them under the location: {"json": ...}
        raise invalid(messages)


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's blueprint, its `@arguments` read by `BodyParser`."""

    ARGUMENTS_PARSER = BodyParser()
