"""How many extractions a worker runs at once, and how many requests may wait for one.

A worker serves requests in threads (gunicorn's `gthread`), so a slow or idle client holds a
thread, not the worker, and `/healthz` is answered while an article is parsed. Parsing is
CPU-bound and holds the GIL: more than one extraction at a time in a process only makes each
slower. Requests beyond the running ones wait in a short queue; past it they are refused at
once (503 with `Retry-After`) rather than left to wait minutes.

>>> slots = ExtractionSlots(running=1, waiting=0)
>>> with slots.hold(deadline=float("inf")):
...     slots.busy()
True
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class QueueFull(Exception):
    """Every extraction slot is taken and the queue for them is full."""


class WaitedTooLong(Exception):
    """No slot came free before the request's deadline."""


class ExtractionSlots:
    """At most `running` extractions at once; at most `waiting` requests queued for a slot."""

    def __init__(self, running: int, waiting: int) -> None:
        self._slots = threading.BoundedSemaphore(running)
        self._lock = threading.Lock()
        self._waiting = 0
        self._running = 0
        self.capacity = running
        self.max_waiting = waiting

    def busy(self) -> bool:
        """Whether every slot is taken."""
        return self._running >= self.capacity

    @property
    def waiting(self) -> int:
        return self._waiting

    @contextmanager
    def hold(self, deadline: float) -> Iterator[None]:
        """A slot for the block: at once if one is free, else after waiting in the queue until
        `deadline` (a `time.monotonic()` value); `QueueFull` if the queue is full."""
        if not self._slots.acquire(blocking=False):
            with self._lock:
                if self._waiting >= self.max_waiting:
                    raise QueueFull()
                self._waiting += 1
            try:
                if not self._slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
                    raise WaitedTooLong()
            finally:
                with self._lock:
                    self._waiting -= 1
        with self._lock:
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
            self._slots.release()
