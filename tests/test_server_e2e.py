"""The real gunicorn, started from the service's own configuration on a free loopback port."""

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from service.server import gunicorn_command

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(port, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read())


@pytest.fixture(scope="module")
def server():
    port = free_port()
    env = {**os.environ, "WEB_CONCURRENCY": "2", "LOG_LEVEL": "warning"}
    proc = subprocess.Popen(gunicorn_command(f"127.0.0.1:{port}"), cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if call(port, "/readyz")[0] == 200:
                break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("gunicorn did not become ready: " + proc.stderr.read().decode()[-2000:])
    yield port
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=40)


def test_seed_article_and_batch(server):
    text = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")
    status, body = call(server, "/v1/quotes", {"text": text, "id": "seed"})
    assert status == 200 and body["id"] == "seed" and len(body["quotes"]) >= 10
    for q in body["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    status, batch = call(server, "/v1/quotes/batch", {"articles": [{"id": "1", "text": text},
                                                                 {"id": "2", "text": "He said no."}]})
    assert status == 200 and [r["id"] for r in batch["results"]] == ["1", "2"]
    assert batch["results"][0]["quotes"] == body["quotes"]
