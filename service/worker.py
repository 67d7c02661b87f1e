"""gunicorn's sync worker, with its own HTTP-level errors answered as problem+json.

gunicorn answers a request it cannot parse (a bad request line, headers over the limits, a
broken chunked body) before the app sees it, with an HTML page. Clients of this service
expect `application/problem+json` from every error, so the page is written as one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from gunicorn import util
from gunicorn.workers.sync import SyncWorker

from .errors import problem_body


def problem_bytes(status: int, reason: str, detail: str) -> bytes:
    body = json.dumps(problem_body(status, reason, detail or reason)).encode()
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n"
            f"X-Content-Type-Options: nosniff\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


def write_problem(sock, status: int, reason: str, detail: str) -> None:
    util.write_nonblock(sock, problem_bytes(status, reason, detail))


@contextmanager
def problem_errors() -> Iterator[None]:
    """gunicorn's error writer replaced for the duration (a sync worker runs one request at a time)."""
    html_writer = util.write_error
    util.write_error = write_problem
    try:
        yield
    finally:
        util.write_error = html_writer


class ProblemSyncWorker(SyncWorker):
    def handle_error(self, req, client, addr, exc) -> None:
        with problem_errors():
            super().handle_error(req, client, addr, exc)
