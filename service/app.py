"""The application factory: `create_app(settings)` wires settings, engine, blueprints and errors."""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, Response, g, request
from flask_compress import Compress
from flask_cors import CORS

from models import Attributor, load

from . import service_version
from .api import ServiceState, health, quotes_blueprint
from .config import Settings
from .logs import trace_id
from .metrics import MODEL_LOAD, instrument, metrics, route
from .openapi import SWAGGER_UI_URL, ProblemApi, docs_assets
from .page import page
from .schemas import request_schemas
from .slots import ExtractionSlots

log = logging.getLogger("service")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def create_app(settings: Settings | None = None, attributor: Attributor | None = None,
               load_model: bool = True) -> Flask:
    """A configured app. The model loads here unless an attributor is given or `load_model` is off."""
    settings = settings or Settings.from_env()
    app = Flask("quote_attribution", static_folder=None)  # the page blueprint serves its own files
    app.config.update(
        API_TITLE="quote-attribution", API_VERSION=service_version(), OPENAPI_VERSION="3.1.0",
        OPENAPI_URL_PREFIX="/", OPENAPI_JSON_PATH="openapi.json", OPENAPI_SWAGGER_UI_PATH="docs",
        OPENAPI_SWAGGER_UI_URL=SWAGGER_UI_URL,
        MAX_CONTENT_LENGTH=settings.max_body_bytes, PROPAGATE_EXCEPTIONS=False,
        DEBUG=False,  # never, whatever FLASK_DEBUG says: no debugger or traces in answers
        # answers reach hundreds of kB: gzip them for clients that accept it (flask-compress)
        COMPRESS_ALGORITHM=["gzip"], COMPRESS_MIN_SIZE=1024, COMPRESS_REGISTER=True,
        COMPRESS_MIMETYPES=["application/json", "application/problem+json", "text/html", "text/css",
                            "text/javascript", "application/javascript", "text/plain"],
    )
    api = ProblemApi(app)  # registers the problem+json error handlers too
    schemas = request_schemas(settings.max_chars, settings.max_batch, settings.max_batch_chars)
    api.spec.components.schema("ArticleIn", schema=schemas.article)
    api.spec.components.schema("BatchIn", schema=schemas.batch)
    api.spec.components.schema("ArticleText", schemas.article_text)
    api.register_blueprint(quotes_blueprint(schemas))
    api.register_blueprint(health)
    app.register_blueprint(page)  # `/`, outside the API and its document
    app.register_blueprint(docs_assets)
    app.register_blueprint(metrics)
    Compress(app)
    if settings.cors_origins:  # browsers on these origins may call the API (off by default)
        CORS(app, resources={r"/v1/*": {"origins": list(settings.cors_origins)}},
             methods=["GET", "POST", "OPTIONS"], expose_headers=["X-Request-ID", "Retry-After"])
    app.before_request(_start_request)
    app.after_request(_finish_request)
    instrument(app)
    if attributor is None and load_model:
        started = time.perf_counter()
        attributor = load(settings.model, settings.max_chars)
        MODEL_LOAD.set(time.perf_counter() - started)
    slots = ExtractionSlots(settings.extractions, settings.queue)
    app.extensions["quote_attribution"] = ServiceState(settings, attributor, service_version(), slots)
    logging.getLogger("service").setLevel(settings.log_level.upper())
    return app


def printable(text: str) -> str:
    r"""`text` with every character that is not printable escaped, so a request cannot forge or colour
    log lines (a `%0a` in a path decodes to a line break).

    >>> printable("/v1/x\n2026 ERROR forged\x1b[31m")
    '/v1/x\\n2026 ERROR forged\\x1b[31m'
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _start_request() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
    g.trace_id = trace_id(request.headers.get("traceparent", ""))
    g.started = time.perf_counter()


def _finish_request(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.get("request_id", "")
    response.headers["X-Content-Type-Options"] = "nosniff"
    elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
    fields = {"request_id": g.get("request_id"), "trace_id": g.get("trace_id"), "method": request.method,
              "route": route(), "path": request.path, "status": response.status_code,
              "duration_ms": round(elapsed, 1), "chars": g.get("chars", 0), "quotes": g.get("quotes", 0)}
    log.info("%s %s %s %.1fms chars=%s quotes=%s request_id=%s trace_id=%s", printable(request.method),
             printable(request.path), response.status_code, elapsed, fields["chars"], fields["quotes"],
             fields["request_id"], fields["trace_id"] or "-", extra={"fields": fields})
    return response


def warm_up(app: Flask) -> None:
    """Run one short article through the app's attributor (after a fork, say), if it has one."""
    attributor = app.extensions["quote_attribution"].attributor
    if attributor is not None:
        attributor.warm_up()
