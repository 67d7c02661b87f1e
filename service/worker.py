"""gunicorn's threaded worker, with its own HTTP-level errors answered as problem+json.

Threads (`gthread`): a client that sends its request slowly, or holds a keep-alive connection,
occupies one of the worker's threads and not the worker, so health checks and other requests
are still read and answered (`service.slots` bounds the extractions the threads run).

gunicorn answers a request it cannot parse (a bad request line, headers over the limits, a
broken chunked body) before the app sees it, with an HTML page. Clients of this service
expect `application/problem+json` from every error, so the page is written as one: the
worker's error writer is replaced once, when the worker process starts, and never swapped
back (the threads share it).
"""

from __future__ import annotations

import json

from gunicorn import util
from gunicorn.workers.gthread import ThreadWorker

from .errors import PROBLEM_JSON, problem_body


def problem_bytes(status: int, reason: str, detail: str) -> bytes:
    body = json.dumps(problem_body(status, reason, detail or reason)).encode()
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: {PROBLEM_JSON}\r\n"
            f"X-Content-Type-Options: nosniff\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


def write_problem(sock, status: int, reason: str, detail: str) -> None:
    util.write_nonblock(sock, problem_bytes(status, reason, detail))


class ProblemThreadWorker(ThreadWorker):
    def init_process(self) -> None:
        util.write_error = write_problem  # this process only: the arbiter's own errors are untouched
        super().init_process()
