"""What the service shows the world: no debug mode, no internals in errors, safe headers."""

from __future__ import annotations

import json
import os
import re
from unittest import mock

import pytest

from service.app import create_app
from service.config import Settings

ARTICLE = "The mayor said the road was closed."
JSON_TYPES = {"application/json", "application/problem+json"}
#: what an error body must never show: a trace, a file path, a library or its version
LEAKS = re.compile(r"Traceback|File \"|/work/|site-packages|\.py\b|werkzeug|flask|gunicorn|spacy|marshmallow"
                   r"|Python/\d|python3", re.IGNORECASE)

REQUESTS = [
    ("get", "/healthz", {}), ("get", "/readyz", {}), ("get", "/v1/info", {}), ("get", "/openapi.json", {}),
    ("post", "/v1/quotes", {"json": {"text": ARTICLE}}),
    ("post", "/v1/quotes/batch", {"json": {"articles": [{"text": ARTICLE}]}}),
    ("post", "/v1/quotes", {"data": b"{", "content_type": "application/json"}),
    ("post", "/v1/quotes", {"data": b"\xff", "content_type": "text/plain"}),
    ("post", "/v1/quotes", {"data": b"<x/>", "content_type": "application/xml"}),
    ("post", "/v1/quotes", {"json": {"text": 3}}),
    ("post", "/v1/quotes", {"json": {"text": "a" * 6000}}),
    ("post", "/v1/quotes", {"data": b"x" * 200_000, "content_type": "text/plain"}),
    ("get", "/v1/quotes", {}), ("get", "/../../etc/passwd", {}), ("delete", "/healthz", {}),
]


@pytest.mark.parametrize("method,path,kwargs", REQUESTS)
def test_every_answer_is_json_with_nosniff_and_no_internals(client, method, path, kwargs):
    r = getattr(client, method)(path, **kwargs)
    assert r.mimetype in JSON_TYPES
    assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["X-Request-ID"]
    if r.status_code >= 400:
        assert not LEAKS.search(r.get_data(as_text=True)), r.get_data(as_text=True)


def test_a_crash_shows_nothing_internal(attributor, monkeypatch):
    app = create_app(Settings(), attributor=attributor)

    def crash(*args, **kwargs):
        raise RuntimeError("secret detail from /srv/app/models/engine.py")

    monkeypatch.setattr(attributor, "extract", crash)
    r = app.test_client().post("/v1/quotes", json={"text": ARTICLE})
    body = r.get_data(as_text=True)
    assert r.status_code == 500 and "secret" not in body and not LEAKS.search(body)
    assert json.loads(body)["request_id"] == r.headers["X-Request-ID"]


def test_no_debug_mode_even_when_the_environment_asks(monkeypatch, attributor):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    monkeypatch.setenv("FLASK_ENV", "development")
    app = create_app(Settings(), attributor=attributor)
    assert app.debug is False and app.config["PROPAGATE_EXCEPTIONS"] is False
    with mock.patch.dict(os.environ):  # importing the config sets the metrics folder: not for this process
        from service import gunicorn_conf
    assert not getattr(gunicorn_conf, "reload", False) and gunicorn_conf.loglevel != "debug"


def test_the_docs_page_is_the_one_html_answer(client):
    r = client.get("/docs")
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert r.headers["X-Content-Type-Options"] == "nosniff"


def test_json_nested_too_deeply_is_a_400(client):
    body = '{"text": "The mayor said so.", "meta": ' + "[" * 20_000 + "]" * 20_000 + "}"
    r = client.post("/v1/quotes", data=body, content_type="application/json")
    assert r.status_code == 400 and "nested too deeply" in r.get_json()["detail"]


def test_a_huge_batch_is_refused_on_its_length_before_its_items(client, settings):
    """The items are invalid too; only the count is reported, so none of them was validated."""
    r = client.post("/v1/quotes/batch", json={"articles": [1] * 25_000})
    assert r.status_code == 422
    assert r.get_json()["errors"] == {"articles": [f"Longer than maximum length {settings.max_batch}."]}


def test_a_batch_over_its_character_budget_is_413(client, settings):
    articles = [{"text": "The mayor said the road was closed. " * 130}] * 2
    assert 2 * len(articles[0]["text"]) > settings.max_batch_chars
    r = client.post("/v1/quotes/batch", json={"articles": articles})
    assert r.status_code == 413 and str(settings.max_batch_chars) in r.get_json()["detail"]


def test_control_characters_in_the_path_cannot_forge_log_lines(client, caplog):
    with caplog.at_level("INFO", logger="service"):
        client.get("/v1/x%0a2026-01-01 ERROR forged%1b[31m")
    line = next(r.getMessage() for r in caplog.records if r.name == "service")
    assert "\n" not in line and "\x1b" not in line and "\\n2026" in line and "\\x1b[31m" in line
