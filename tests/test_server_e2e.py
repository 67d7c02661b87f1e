"""The real gunicorn, started from the service's own configuration on a free loopback port.

Faults (a request past the time limit, a worker killed, SIGTERM with a request in flight)
and a bounded load test that checks every answer belongs to its own request.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import socket
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from contract import assert_contract

from devtools.local_server import LocalServer
from service.schemas import result_out

pytestmark = pytest.mark.slow  # `pytest -m "not slow"` for a quick run; make test runs everything
ROOT = Path(__file__).resolve().parent.parent
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
PARAGRAPH = ('The council said on Tuesday that the new tram line would open in June. "We are on '
             'schedule," its chair, Lena Ortiz, told reporters. According to the contractor, the tracks are laid.\n\n')
LOAD_SECONDS = 15


def long_article(chars: int) -> str:
    return (PARAGRAPH * (chars // len(PARAGRAPH) + 1))[:chars]


def call(url: str, body: dict | None = None, timeout: float = 60) -> tuple[int, dict]:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.fixture(scope="module")
def server():
    """As `make run` starts it: two workers, the default settings."""
    with LocalServer({"WEB_CONCURRENCY": "2"}) as running:
        yield running


@pytest.fixture(scope="module")
def one_worker():
    """One worker that queues nothing: a second extraction is refused while one runs."""
    with LocalServer({"WEB_CONCURRENCY": "1", "QUOTES_QUEUE": "0"}) as running:
        yield running


def test_seed_article_and_batch(server, attributor):
    text = SEEDS[0]
    status, body = call(server.url + "/v1/quotes", {"text": text, "id": "seed"})
    assert status == 200 and len(body["quotes"]) >= 10
    assert_contract(text, body, "seed")
    # the service answers what `extract` (and the Spark job) write for the same article
    assert body["quotes"] == result_out(attributor.extract(text, "seed"), "")["quotes"]
    status, batch = call(server.url + "/v1/quotes/batch", {"articles": [{"id": "1", "text": text},
                                                                     {"id": "2", "text": "He said no."}]})
    assert status == 200 and [r["id"] for r in batch["results"]] == ["1", "2"]
    assert batch["results"][0]["quotes"] == body["quotes"]


def test_request_over_the_time_limit_gets_a_problem_and_the_next_one_works():
    with LocalServer({"WEB_CONCURRENCY": "1", "QUOTES_TIMEOUT": "2"}) as server:
        status, body = call(server.url + "/v1/quotes", {"text": long_article(150_000)})
        assert status == 503 and "2 s limit" in body["detail"] and body["request_id"]
        status, body = call(server.url + "/v1/quotes", {"text": SEEDS[1], "id": "after"})
        assert status == 200 and body["id"] == "after"


def metric(url: str, name: str, **labels: str) -> float:
    """One value of `/metrics` (0 if it has none yet)."""
    with urllib.request.urlopen(url + "/metrics", timeout=10) as r:
        text = r.read().decode()
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        series, _, value = line.rpartition(" ")
        if series == (f"{name}{{{wanted}}}" if labels else name):
            return float(value)
    return 0.0


def test_metrics_add_up_over_both_workers(server):
    route = {"route": "/v1/quotes", "status": "200"}
    requests = metric(server.url, "quotes_http_requests_total", **route)
    quotes = metric(server.url, "quotes_quotes_total")
    with ThreadPoolExecutor(4) as pool:  # four at once: both workers answer some
        answers = list(pool.map(lambda n: call(server.url + "/v1/quotes", {"text": SEEDS[0], "id": str(n)}), range(6)))
    assert all(status == 200 for status, _ in answers)
    assert metric(server.url, "quotes_http_requests_total", **route) == requests + 6
    assert metric(server.url, "quotes_quotes_total") == quotes + sum(len(body["quotes"]) for _, body in answers)
    assert metric(server.url, "quotes_http_requests_in_flight") == 1  # the scrape itself
    assert metric(server.url, "quotes_model_load_seconds") > 0


def test_a_killed_worker_is_replaced_and_the_service_keeps_answering(server):
    exits = metric(server.url, "quotes_worker_exits_total")
    before = {w.pid for w in server.workers()}
    victim = next(w for w in server.workers())
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(timeout=30)  # gone, so no request below can be accepted by it
    for n in range(4):
        status, body = call(server.url + "/v1/quotes", {"text": SEEDS[2], "id": str(n)})
        assert status == 200 and body["id"] == str(n)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (len(server.workers()) < 2 or not server.wait_ready(5)):
        time.sleep(0.5)
    after = {w.pid for w in server.workers()}
    assert len(after) == 2 and after != before
    assert metric(server.url, "quotes_worker_exits_total") == exits + 1


def test_sixteen_clients_get_their_own_answers_and_health_answers_throughout(server):
    """Bounded load: zero errors, no answer carries another request's article, and `/healthz`
    is answered all along (its latency is measured by `bench`, not asserted here)."""
    baseline = [call(server.url + "/v1/quotes", {"text": t})[1]["quotes"] for t in SEEDS]
    deadline = time.monotonic() + LOAD_SECONDS
    checked = []
    health = []

    def health_checks() -> None:
        while time.monotonic() < deadline:
            health.append(call(server.url + "/healthz", timeout=10)[0])
            time.sleep(0.2)

    def client(n: int) -> None:
        while time.monotonic() < deadline:
            k = (n + len(checked)) % len(SEEDS)
            id = uuid.uuid4().hex
            status, body = call(server.url + "/v1/quotes", {"text": SEEDS[k], "id": id})
            assert status == 200, body
            assert_contract(SEEDS[k], body, id)
            assert body["quotes"] == baseline[k]
            checked.append(id)

    with ThreadPoolExecutor(17) as pool:
        futures = [pool.submit(client, n) for n in range(16)] + [pool.submit(health_checks)]
        for future in futures:
            future.result()
    assert len(checked) >= 16 and len(set(checked)) == len(checked)
    assert health and set(health) == {200}


PEER_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)


def send_what_the_peer_takes(conn: socket.socket, data: bytes) -> None:
    """Send, then half-close; the server may answer and close at any point, which is not an error here."""
    try:
        conn.sendall(data)
        conn.shutdown(socket.SHUT_WR)
    except PEER_GONE:
        pass
    except OSError as err:  # ENOTCONN: the peer's close was already complete when we shut down
        if err.errno != errno.ENOTCONN:
            raise


def read_until_closed(conn: socket.socket) -> bytes:
    """Everything the server wrote before it closed; a reset after its answer ends the read."""
    answer = b""
    try:
        while chunk := conn.recv(65536):
            answer += chunk
    except PEER_GONE:
        pass
    return answer


def raw_request(port: int, head: str, body: bytes = b"") -> tuple[int, dict]:
    """Send bytes as they are (a test client would fix them); the status and the problem body."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        send_what_the_peer_takes(conn, head.encode() + b"\r\n\r\n" + body)
        answer = read_until_closed(conn)
    head_bytes, _, payload = answer.partition(b"\r\n\r\n")
    assert head_bytes, "the server closed the connection without an answer"
    assert b"Content-Type: application/problem+json" in head_bytes and b"nosniff" in head_bytes
    return int(head_bytes.split()[1]), json.loads(payload)


def test_a_lying_content_length_is_not_believed(server):
    body = json.dumps({"text": "The mayor said the road was closed. " * 3000}).encode()
    post = "POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close"
    status, problem = raw_request(server.port, post + "\r\nContent-Length: 20", body)
    assert status == 400 and "JSON" in problem["detail"]  # only the 20 bytes announced were read
    status, _ = raw_request(server.port, post + f"\r\nContent-Length: {17 * 2**20}", body)
    assert status == 413  # refused on the header, before the body is read


def test_a_chunked_body_over_the_limit_is_413(server):
    chunk = b"a" * 2**20
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(17)) + b"0\r\n\r\n"
    head = ("POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close")
    status, problem = raw_request(server.port, head, chunks)
    assert status == 413 and problem["status"] == 413


@pytest.mark.parametrize("head,status", [
    ("NOT AN HTTP REQUEST", 400),
    ("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a" * 9000, 431),
    ("GET /" + "a" * 9000 + " HTTP/1.1\r\nHost: x", 414),
])
def test_requests_gunicorn_refuses_get_a_problem_too(server, head, status):
    assert raw_request(server.port, head)[0] == status


def test_sigterm_lets_the_request_in_flight_finish():
    server = LocalServer({"WEB_CONCURRENCY": "1"})
    text = long_article(40_000)
    answer: dict = {}

    def slow_request() -> None:
        answer["status"], answer["body"] = call(server.url + "/v1/quotes", {"text": text, "id": "in-flight"})

    request = threading.Thread(target=slow_request)
    request.start()
    assert server.wait_busy(30), "no worker accepted the request"
    code = server.stop()
    request.join(timeout=60)
    assert answer["status"] == 200 and answer["body"]["id"] == "in-flight"
    assert_contract(text, answer["body"], "in-flight")
    assert code == 0


def test_json_logs_are_one_object_a_line_with_the_request_and_trace_ids():
    server = LocalServer({"WEB_CONCURRENCY": "1", "LOG_LEVEL": "info", "LOG_FORMAT": "json"})
    trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    try:
        request = urllib.request.Request(server.url + "/v1/quotes", data=json.dumps({"text": SEEDS[0]}).encode(),
                                         headers={"Content-Type": "application/json", "X-Request-ID": "logged-1",
                                                  "traceparent": f"00-{trace}-00f067aa0ba902b7-01"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            quotes = len(json.loads(answer.read())["quotes"])
    finally:
        server.stop()
    entries = [json.loads(line) for line in server.log.splitlines() if line.strip()]  # every line is JSON
    entry = next(e for e in entries if e.get("request_id") == "logged-1")
    assert entry["trace_id"] == trace and entry["route"] == "/v1/quotes" and entry["status"] == 200
    assert entry["quotes"] == quotes and entry["chars"] == len(SEEDS[0]) and entry["duration_ms"] > 0


def test_a_request_whose_client_has_gone_is_dropped_before_extraction():
    """One worker busy with a long article; a client sends its request and leaves at once; when
    the worker reaches it, the request is logged as 499 and never extracted."""
    server = LocalServer({"WEB_CONCURRENCY": "1", "LOG_LEVEL": "info"})
    try:
        busy = threading.Thread(target=call, args=(server.url + "/v1/quotes", {"text": long_article(30_000)}))
        busy.start()
        assert server.wait_busy(30), "no worker accepted the long request"
        body = json.dumps({"text": SEEDS[0]}).encode()
        head = (f"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                f"X-Request-ID: abandoned-1\r\nContent-Length: {len(body)}")
        with socket.create_connection(("127.0.0.1", server.port), timeout=30) as conn:
            conn.sendall(head.encode() + b"\r\n\r\n" + body)
        busy.join(timeout=120)
        status, answer = call(server.url + "/v1/quotes", {"text": "The mayor said the road was closed.", "id": "next"})
        assert status == 200 and answer["id"] == "next"
    finally:
        server.stop()
    line = next(line for line in server.log.splitlines() if "request_id=abandoned-1" in line)
    assert " 499 " in line and "chars=0" in line


def post_raw(port: int, body: bytes, request_id: str) -> str:
    return (f"POST /v1/quotes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"X-Request-ID: {request_id}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n")


def test_past_the_queue_a_request_is_refused_at_once_with_retry_after(one_worker):
    busy = threading.Thread(target=call, args=(one_worker.url + "/v1/quotes", {"text": long_article(60_000)}))
    busy.start()
    assert one_worker.wait_busy(30), "no worker accepted the long request"
    time.sleep(0.5)  # the long request is past its read and holds the one extraction slot
    req = urllib.request.Request(one_worker.url + "/v1/quotes", data=json.dumps({"text": SEEDS[0]}).encode(),
                                 headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(req, timeout=30)
    assert refused.value.code == 503 and refused.value.headers["Retry-After"].isdigit()
    assert call(one_worker.url + "/healthz", timeout=10)[0] == 200
    busy.join(timeout=120)


def test_slow_clients_hold_a_thread_not_the_worker(one_worker):
    """Two clients send their bodies a byte at a time; a normal request is answered meanwhile."""
    body = json.dumps({"text": "The mayor said the road was closed."}).encode()
    stop = threading.Event()

    def slow_sender(n: int) -> None:
        with socket.create_connection(("127.0.0.1", one_worker.port), timeout=30) as conn:
            conn.sendall(post_raw(one_worker.port, body, f"slow-{n}").encode())
            for byte in body:
                if stop.is_set():
                    return
                conn.sendall(bytes([byte]))
                time.sleep(0.1)

    senders = [threading.Thread(target=slow_sender, args=(n,)) for n in range(2)]
    for sender in senders:
        sender.start()
    time.sleep(1)
    try:
        status, answer = call(one_worker.url + "/v1/quotes", {"text": SEEDS[1], "id": "normal"}, timeout=30)
        assert status == 200 and answer["id"] == "normal"
        assert all(sender.is_alive() for sender in senders), "the slow clients finished too early to test"
    finally:
        stop.set()
        for sender in senders:
            sender.join(timeout=30)


def test_sigterm_under_load_answers_every_accepted_request():
    """One worker: one extraction running and three queued when SIGTERM comes; all four are answered."""
    server = LocalServer({"WEB_CONCURRENCY": "1"})
    answers: dict[str, int] = {}

    def request(id: str) -> None:
        answers[id] = call(server.url + "/v1/quotes", {"text": long_article(20_000), "id": id}, timeout=120)[0]

    clients = [threading.Thread(target=request, args=(str(n),)) for n in range(4)]
    for client in clients:
        client.start()
    assert server.wait_busy(30, connections=4), "the worker did not accept the four requests"
    code = server.stop(timeout=120)
    for client in clients:
        client.join(timeout=120)
    assert answers == {str(n): 200 for n in range(4)} and code == 0


def test_a_batch_at_the_count_limit_is_answered_and_one_more_is_refused_before_any_is_read(server):
    articles = [{"id": str(n), "text": f"The mayor said the road {n} was closed."} for n in range(64)]
    status, body = call(server.url + "/v1/quotes/batch", {"articles": articles})
    assert status == 200 and [r["id"] for r in body["results"]] == [a["id"] for a in articles]
    status, problem = call(server.url + "/v1/quotes/batch", {"articles": [*articles, {"text": ""}]})
    assert status == 422 and "articles" in problem["errors"]
