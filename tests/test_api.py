"""Every endpoint and every error, through Flask's test client."""

import json
import threading
import time
from pathlib import Path

import pytest

from models import DeadlineExceeded, Result
from service.app import create_app
from service.config import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

ARTICLE = '"We will not close a single clinic," Health Minister Clara Voss said on Monday.'


def is_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"] and body["type"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def test_single_article_json(client):
    r = client.post("/v1/quotes", json={"text": ARTICLE, "id": "x1"})
    body = r.get_json()
    assert r.status_code == 200 and body["id"] == "x1"
    assert body["quotes"][0]["speaker"]["name"] == "Clara Voss"
    assert r.headers["X-Content-Type-Options"] == "nosniff" and r.headers["X-Request-ID"]


def test_single_article_plain_text(client):
    r = client.post("/v1/quotes", data=ARTICLE.encode(), content_type="text/plain; charset=utf-8")
    assert r.status_code == 200 and r.get_json()["id"] is None and r.get_json()["quotes"]


def test_request_id_is_kept(client):
    r = client.post("/v1/quotes", json={"text": ARTICLE}, headers={"X-Request-ID": "abc-123"})
    assert r.headers["X-Request-ID"] == "abc-123"


def test_batch_keeps_input_order(client):
    articles = [{"id": "b", "text": ARTICLE}, {"id": "a", "text": "The mayor said the road was closed."}]
    r = client.post("/v1/quotes/batch", json={"articles": articles})
    assert r.status_code == 200
    assert [x["id"] for x in r.get_json()["results"]] == ["b", "a"]


def test_health_ready_info(client, settings):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 200
    info = client.get("/v1/info").get_json()
    assert info["limits"]["max_chars"] == settings.max_chars and info["model_version"]


def test_not_ready_before_the_model_loads():
    client = create_app(Settings(), load_model=False).test_client()
    is_problem(client.get("/readyz"), 503)
    is_problem(client.post("/v1/quotes", json={"text": ARTICLE}), 503)
    assert client.get("/healthz").status_code == 200


def test_openapi_document(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/v1/quotes", "/v1/quotes/batch", "/v1/info", "/healthz", "/readyz"} <= set(spec["paths"])
    body = spec["paths"]["/v1/quotes"]["post"]["requestBody"]["content"]
    assert {"application/json", "text/plain"} <= set(body)
    assert client.get("/docs").status_code == 200


def test_the_document_states_problem_json_as_the_only_error_shape(client):
    spec = client.get("/openapi.json").get_json()
    assert "Error" not in spec["components"]["schemas"] and "PaginationMetadata" not in spec["components"]["schemas"]
    default = spec["components"]["responses"]["DEFAULT_ERROR"]["content"]
    assert list(default) == ["application/problem+json"]
    for path in spec["paths"].values():
        for operation in path.values():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    assert list(response["content"]) == ["application/problem+json"], (status, response)


def test_malformed_json_is_400(client):
    is_problem(client.post("/v1/quotes", data=b"{not json", content_type="application/json"), 400)


def test_invalid_utf8_text_is_400(client):
    is_problem(client.post("/v1/quotes", data=b"\xff\xfe bad", content_type="text/plain; charset=utf-8"), 400)


def test_other_content_type_is_415(client):
    is_problem(client.post("/v1/quotes", data=b"x", content_type="application/xml"), 415)
    is_problem(client.post("/v1/quotes/batch", data=b"x", content_type="text/plain"), 415)


@pytest.mark.parametrize("body,field", [
    ({}, "text"), ({"text": ""}, "text"), ({"text": "   "}, "text"), ({"text": 5}, "text"),
    ({"text": "ok", "id": 7}, "id"), ([1, 2], "_schema"), ("text", "_schema"),
])
def test_validation_errors_are_422_and_name_the_field(client, body, field):
    problem = is_problem(client.post("/v1/quotes", json=body), 422)
    assert field in problem["errors"]


def test_unknown_fields_are_ignored(client):
    assert client.post("/v1/quotes", json={"text": ARTICLE, "source": "wire"}).status_code == 200


def test_each_app_documents_and_enforces_its_own_batch_limit(attributor):
    """The batch body is declared with its deployment's limits: two apps in one process, two limits."""
    for limit in (2, 4):
        client = create_app(Settings(max_batch=limit), attributor=attributor).test_client()
        articles = client.get("/openapi.json").get_json()["components"]["schemas"]["BatchIn"]["properties"]["articles"]
        assert articles["maxItems"] == limit and f"1 to {limit} " in articles["description"]
        assert client.post("/v1/quotes/batch", json={"articles": [{"text": ARTICLE}] * limit}).status_code == 200
        too_many = client.post("/v1/quotes/batch", json={"articles": [{"text": ARTICLE}] * (limit + 1)})
        assert is_problem(too_many, 422)["errors"] == {"articles": [f"Longer than maximum length {limit}."]}


def test_batch_errors(client, settings):
    problem = is_problem(client.post("/v1/quotes/batch", json={"articles": []}), 422)
    assert "articles" in problem["errors"]
    too_many = {"articles": [{"text": "x"}] * (settings.max_batch + 1)}
    assert "articles" in is_problem(client.post("/v1/quotes/batch", json=too_many), 422)["errors"]
    assert "articles" in is_problem(client.post("/v1/quotes/batch", json={"articles": "x"}), 422)["errors"]


def test_one_bad_article_gets_its_problem_in_its_place_and_the_others_their_results(client, settings):
    def batch(articles):
        r = client.post("/v1/quotes/batch", json={"articles": articles})
        assert r.status_code == 200
        return r.get_json()["results"]

    first = batch([{"id": "a", "text": ARTICLE}, {"id": "b"}, {"id": "c", "text": "   "}])
    second = batch([{"id": "d", "text": "a" * (settings.max_chars + 1)}, 7, {"id": "e", "text": ARTICLE}])
    third = batch([{"id": ["f"], "text": "   "}])
    # an invalid article keeps its id where the id itself is valid
    assert [(x["status"], x["id"]) for x in first + second + third] == [
        (200, "a"), (422, "b"), (422, "c"), (413, "d"), (422, None), (200, "e"), (422, None)]
    assert first[0]["quotes"] and second[2]["quotes"] == first[0]["quotes"]
    assert "text" in first[1]["error"]["errors"] and first[2]["error"]["status"] == 422
    assert str(settings.max_chars) in second[0]["error"]["detail"]
    assert all("quotes" not in x for x in (*first[1:], *second[:2]))


def test_text_over_the_limit_is_413(client, settings):
    problem = is_problem(client.post("/v1/quotes", json={"text": "a" * (settings.max_chars + 1)}), 413)
    assert str(settings.max_chars) in problem["detail"]


def test_body_over_the_limit_is_413(client, settings):
    body = json.dumps({"text": "a" * (settings.max_body_bytes + 10)})
    is_problem(client.post("/v1/quotes", data=body, content_type="application/json"), 413)


def test_404_and_405_are_problems(client):
    is_problem(client.get("/nowhere"), 404)
    is_problem(client.get("/v1/quotes"), 405)


def test_500_has_a_request_id_and_nothing_internal(attributor, settings, monkeypatch):
    app = create_app(settings, attributor=attributor)
    monkeypatch.setattr(attributor, "extract", lambda *a, **k: 1 / 0)
    problem = is_problem(app.test_client().post("/v1/quotes", json={"text": ARTICLE}), 500)
    assert problem["request_id"] and "ZeroDivision" not in json.dumps(problem)


class SlowAttributor:
    """Stands in for an engine slow on every article; it stops at the deadline, as the engine
    does between batches of windows (`test_engine` checks that)."""

    version = "test"

    def extract(self, text, id=None, deadline=None):
        return next(self.extract_many([(text, id)], deadline=deadline))

    def extract_many(self, items, batch_size=16, deadline=None):
        end = min(deadline, time.monotonic() + 30)
        while time.monotonic() < end:
            time.sleep(0.05)
        raise DeadlineExceeded()
        yield


@pytest.fixture()
def slow_client():
    app = create_app(Settings(timeout=1, max_batch=3), attributor=SlowAttributor())
    return app.test_client()


@pytest.mark.parametrize("path,body", [("/v1/quotes", {"text": ARTICLE}),
                                       ("/v1/quotes/batch", {"articles": [{"text": ARTICLE}]})])
def test_request_over_the_time_limit_is_a_503_and_the_next_one_works(slow_client, path, body):
    started = time.monotonic()
    problem = is_problem(slow_client.post(path, json=body), 503)
    assert "1 s limit" in problem["detail"] and time.monotonic() - started < 10
    assert slow_client.get("/v1/info").status_code == 200


def test_every_quote_has_a_kind_and_a_selection_keeps_only_those(client):
    text = ("A new poll shows that most voters back the plan. The mayor believes the plan will pass. "
            '"We are ready," she said.')
    every = client.post("/v1/quotes", json={"text": text}).get_json()
    assert [q["kind"] for q in every["quotes"]] == ["evidence", "belief", "speech"]
    only = client.post("/v1/quotes", json={"text": text, "kinds": ["speech"]}).get_json()
    assert [q["kind"] for q in only["quotes"]] == ["speech"]
    assert {s["id"] for s in only["speakers"]} == {q["speaker"]["id"] for q in only["quotes"]}
    batch = client.post("/v1/quotes/batch", json={"articles": [{"text": text}], "kinds": ["evidence"]}).get_json()
    assert [q["kind"] for q in batch["results"][0]["quotes"]] == ["evidence"]


def test_an_unknown_kind_is_a_422(client):
    r = client.post("/v1/quotes", json={"text": "The mayor said so.", "kinds": ["rumour"]})
    assert r.status_code == 422 and "kinds" in r.get_json()["errors"]


class HeldAttributor:
    """An engine that holds its extraction until the test lets it go."""

    version = "test"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Semaphore(0)

    def extract(self, text, id=None, deadline=None):
        self.started.release()
        self.release.wait(30)
        return Result(id, [], [], "test", "test", len(text), 0.0)


def test_past_the_queue_a_request_is_refused_at_once_with_retry_after_and_health_still_answers():
    engine = HeldAttributor()
    app = create_app(Settings(extractions=1, queue=1), attributor=engine)
    answers = []

    def post(n: int) -> None:
        answers.append(app.test_client().post("/v1/quotes", json={"text": ARTICLE, "id": str(n)}).status_code)

    first = threading.Thread(target=post, args=(1,))
    first.start()
    assert engine.started.acquire(timeout=10)  # the one slot is taken
    second = threading.Thread(target=post, args=(2,))
    second.start()
    while app.extensions["quote_attribution"].slots.waiting < 1:  # the queue's one place is taken
        time.sleep(0.01)
    refused = app.test_client().post("/v1/quotes", json={"text": ARTICLE})
    assert is_problem(refused, 503) and refused.headers["Retry-After"].isdigit()
    assert app.test_client().get("/healthz").status_code == 200
    engine.release.set()
    first.join(10)
    second.join(10)
    assert answers == [200, 200]


def test_metrics_count_requests_characters_and_quotes(client):
    def value(name: str) -> float:
        lines = client.get("/metrics").get_data(as_text=True).splitlines()
        return sum(float(line.rpartition(" ")[2]) for line in lines if line.startswith(name))

    before = value('quotes_http_requests_total{route="/v1/quotes",status="200"}'), value("quotes_characters_total")
    answer = client.post("/v1/quotes", json={"text": ARTICLE}).get_json()
    assert value('quotes_http_requests_total{route="/v1/quotes",status="200"}') == before[0] + 1
    assert value("quotes_characters_total") == before[1] + answer["meta"]["chars"]
    assert client.get("/metrics").mimetype == "text/plain"
    client.get("/no/such/path/42")
    assert "/no/such/path" not in client.get("/metrics").get_data(as_text=True)  # routes, never raw paths


def test_meta_names_model_and_service_and_times_only_what_is_its_own(client):
    one = client.post("/v1/quotes", json={"text": ARTICLE}).get_json()["meta"]
    info = client.get("/v1/info").get_json()
    assert (one["model"], one["model_version"], one["service_version"]) == (
        info["model"], info["model_version"], info["version"])
    assert one["elapsed_ms"] >= 0
    batch = client.post("/v1/quotes/batch", json={"articles": [{"text": ARTICLE}, {"text": ARTICLE}]}).get_json()
    for result in batch["results"]:  # parsed together: no time of its own
        assert "elapsed_ms" not in result["meta"] and result["meta"]["service_version"] == info["version"]


def test_large_answers_are_gzipped_for_clients_that_accept_it(client):
    import gzip

    text = (SEEDS / "003_0c3089f2c773f405.txt").read_text(encoding="utf-8")
    zipped = client.post("/v1/quotes", json={"text": text}, headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in zipped.headers["Vary"]
    plain = client.post("/v1/quotes", json={"text": text})
    assert "Content-Encoding" not in plain.headers
    assert json.loads(gzip.decompress(zipped.data))["quotes"] == plain.get_json()["quotes"]
    assert len(zipped.data) < len(plain.data) / 2


def test_cors_is_off_unless_origins_are_set(client, attributor, settings):
    from dataclasses import replace

    origin = {"Origin": "https://newsroom.example"}
    default = client.post("/v1/quotes", json={"text": ARTICLE}, headers=origin)
    assert "Access-Control-Allow-Origin" not in default.headers
    app = create_app(replace(settings, cors_origins=("https://newsroom.example",)), attributor=attributor)
    allowed = app.test_client().post("/v1/quotes", json={"text": ARTICLE}, headers=origin)
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://newsroom.example"
    assert "X-Request-ID" in allowed.headers["Access-Control-Expose-Headers"]
    other = app.test_client().post("/v1/quotes", json={"text": ARTICLE}, headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_text_plain_in_another_declared_charset_is_decoded(client):
    text = "« C'est fini », a déclaré le maire. The mayor said the café would close."
    r = client.post("/v1/quotes", data=text.encode("latin-1", errors="replace").replace(b"\xab", b'"'),
                    content_type="text/plain; charset=ISO-8859-1")
    assert r.status_code == 200
    body = r.get_json()
    sent = text.encode("latin-1", errors="replace").replace(b"\xab", b'"').decode("latin-1")
    assert body["meta"]["chars"] == len(sent)
    assert all(q["text"] == sent[q["start"]:q["end"]] for q in body["quotes"]) and body["quotes"]
    is_problem(client.post("/v1/quotes", data=b"x", content_type="text/plain; charset=x-unknown"), 415)
    is_problem(client.post("/v1/quotes", data=b"x", content_type="text/plain; charset=base64"), 415)


def test_settings_from_the_environment_are_checked():
    from service.config import SettingsError

    settings = Settings.from_env({"LOG_FORMAT": "JSON", "QUOTES_CORS_ORIGINS": "https://a.example, https://b.example"})
    assert settings.log_format == "json" and settings.cors_origins == ("https://a.example", "https://b.example")
    for bad in ({"LOG_FORMAT": "xml"}, {"QUOTES_TIMEOUT": "soon"}, {"QUOTES_QUEUE": "-1"}):
        with pytest.raises(SettingsError, match=next(iter(bad))):
            Settings.from_env(bad)


def test_the_documented_example_is_what_the_service_answers(client):
    spec = client.get("/openapi.json").get_json()
    post = spec["paths"]["/v1/quotes"]["post"]
    request = post["requestBody"]["content"]["application/json"]["example"]
    documented = post["responses"]["200"]["content"]["application/json"]["example"]
    answer = client.post("/v1/quotes", json=request).get_json()
    drop = lambda r: {**r, "meta": {k: v for k, v in r["meta"].items() if k != "elapsed_ms"}}  # noqa: E731
    assert drop(answer) == drop(documented) and len(answer["quotes"]) == 2
    assert {op["operationId"] for path in spec["paths"].values() for op in path.values()} == {
        "extractQuotes", "extractQuotesBatch", "getInfo", "getHealth", "getReadiness"}
