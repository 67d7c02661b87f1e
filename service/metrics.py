"""Prometheus metrics at `GET /metrics`, summed over every gunicorn worker.

prometheus-client's multiprocess mode: each process writes its values to files in
`PROMETHEUS_MULTIPROC_DIR`, which `gunicorn_conf` sets before anything imports this module (by
default a fresh folder under `/dev/shm`, a tmpfs even in a read-only container); `/metrics` sums
the files. Without that variable (the app run in-process, in tests) the values are this
process's own.
"""

from __future__ import annotations

import os
import time

from flask import Blueprint, Flask, Response, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

REQUESTS = Counter("quotes_http_requests", "HTTP requests answered, by route and status", ["route", "status"])
LATENCY = Histogram("quotes_http_request_duration_seconds", "Time to answer a request, by route", ["route"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120))
IN_FLIGHT = Gauge("quotes_http_requests_in_flight", "Requests being answered now", multiprocess_mode="livesum")
CHARACTERS = Counter("quotes_characters", "Article characters processed")
QUOTES = Counter("quotes_quotes", "Quotes returned")
MODEL_LOAD = Gauge("quotes_model_load_seconds", "Seconds the model took to load", multiprocess_mode="max")
WORKER_EXITS = Counter("quotes_worker_exits", "Worker processes that exited (gunicorn starts another)")

#: decided once, when prometheus_client decides how it stores values: at first import
MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))

metrics = Blueprint("metrics", __name__)


@metrics.get("/metrics")
def scrape() -> Response:
    return Response(generate_latest(registry()), mimetype=CONTENT_TYPE_LATEST)


def registry() -> CollectorRegistry:
    """Every worker's values under gunicorn; this process's otherwise."""
    if not MULTIPROCESS:
        return REGISTRY
    collected = CollectorRegistry()
    multiprocess.MultiProcessCollector(collected)
    return collected


def route() -> str:
    """The matched URL rule, never the raw path (whose values are unbounded)."""
    return request.url_rule.rule if request.url_rule is not None else "<unmatched>"


def instrument(app: Flask) -> None:
    """Count, time and track every request of `app`."""
    app.before_request(_started)
    app.after_request(_answered)
    app.teardown_request(_finished)


def _started() -> None:
    g.metrics_started = time.perf_counter()
    IN_FLIGHT.inc()


def _answered(response: Response) -> Response:
    REQUESTS.labels(route(), str(response.status_code)).inc()
    LATENCY.labels(route()).observe(time.perf_counter() - g.get("metrics_started", time.perf_counter()))
    CHARACTERS.inc(g.get("chars", 0))
    QUOTES.inc(g.get("quotes", 0))
    return response


def _finished(error: BaseException | None) -> None:
    if "metrics_started" in g:
        IN_FLIGHT.dec()


def worker_exited(pid: int) -> None:
    """A worker is gone: its live gauges stop counting and the exit is counted."""
    if MULTIPROCESS:
        multiprocess.mark_process_dead(pid)
    WORKER_EXITS.inc()
