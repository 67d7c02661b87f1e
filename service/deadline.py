"""A wall-clock limit on one request, so a slow article is answered with an error.

gunicorn's own `timeout` kills a sync worker that stops reporting, and the client then sees
a dropped connection. The limit here fires first (gunicorn's is set later, see
`gunicorn_conf`), raises inside the request, and the request is answered with a 503.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class RequestTimeout(Exception):
    """The request ran past its time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the request took longer than {seconds:g} s")
        self.seconds = seconds


def _can_use_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `RequestTimeout` in the block after `seconds`.

    Only in the main thread of a process with SIGALRM (a gunicorn sync worker); elsewhere the
    block runs unbounded. The alarm interrupts Python code, so a long C call (one spaCy
    component on one long text) finishes before the error is raised.
    """
    if seconds <= 0 or not _can_use_alarm():
        yield
        return

    def expire(signum, frame):
        raise RequestTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
