"""gunicorn settings, derived from the same environment settings as the app."""

import gc
import os
import tempfile


def _metrics_dir() -> str:
    """Where every process writes its metrics (PROMETHEUS_MULTIPROC_DIR, else a fresh folder on
    /dev/shm, a tmpfs even in a read-only container); emptied, so a restart starts from zero."""
    path = os.environ.get("PROMETHEUS_MULTIPROC_DIR") or os.path.join(
        "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir(), f"quote-attribution-metrics-{os.getpid()}")
    os.makedirs(path, exist_ok=True)
    for name in os.listdir(path):
        if name.endswith(".db"):
            os.remove(os.path.join(path, name))
    return path


# before anything imports prometheus_client: it picks its storage when first imported
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_dir()

from service.app import warm_up  # noqa: E402
from service.config import Settings  # noqa: E402
from service.logs import formatter_config  # noqa: E402
from service.memory import limit_arenas, release_free_memory  # noqa: E402
from service.metrics import worker_exited  # noqa: E402

_settings = Settings.from_env()

bind = f"0.0.0.0:{_settings.port}"
workers = _settings.workers
worker_class = "service.worker.ProblemThreadWorker"  # gthread, with JSON errors of its own
threads = _settings.threads  # connections served at once; extractions are bounded by service.slots
# a worker holds no more connections than it has threads: every accepted request has a thread to
# read it (a health check is never stuck behind others), the rest wait in the listen backlog,
# where the other worker can take them
worker_connections = _settings.threads
keepalive = 5
# the engine stops at QUOTES_TIMEOUT and the app answers 503 (service.api.extraction); gunicorn
# replaces a worker whose main loop stops reporting for this long
timeout = _settings.timeout + 30
# SIGTERM: the worker stops accepting and its accepted requests get this long to finish (one
# running extraction and the queue behind it can take up to QUOTES_TIMEOUT each)
graceful_timeout = _settings.timeout + 10
preload_app = _settings.preload  # the model loads once, before fork; workers share its pages
loglevel = _settings.log_level
accesslog = None  # the app logs one line per request itself
errorlog = "-"
worker_tmp_dir = "/dev/shm"  # heartbeat files off the (possibly read-only) disk
limit_request_line = 8190
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": formatter_config(_settings.log_format)},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain",
                             "stream": "ext://sys.stderr"}},
    "root": {"level": _settings.log_level.upper(), "handlers": ["console"]},
    "loggers": {"gunicorn.error": {"level": _settings.log_level.upper(), "handlers": ["console"],
                                   "propagate": False}},
}


def post_request(worker, req, environ, resp) -> None:
    """Keep each worker's RSS at its working size (see `service.memory`)."""
    release_free_memory()


def pre_fork(server, worker) -> None:
    """Move the preloaded model's objects out of the collector's reach before forking.

    A full collection in a worker would write to every object header and copy the shared
    pages into the worker; frozen objects are never scanned, so the pages stay shared.
    """
    gc.collect()
    gc.freeze()


def post_fork(server, worker) -> None:
    """Before the worker starts its threads: an arena per thread would each keep its peak."""
    limit_arenas()


def post_worker_init(worker) -> None:
    """A worker is warm before its first request: the pages it will write are its own already."""
    warm_up(worker.wsgi)
    release_free_memory()


def when_ready(server) -> None:
    """Say where to go once every listener is bound: the page, the docs and the API."""
    for listener in server.LISTENERS:
        address = listener.sock.getsockname()
        if not isinstance(address, tuple):
            continue  # a unix socket: no URL to give
        host = "127.0.0.1" if address[0] in ("0.0.0.0", "::") else address[0]
        base = f"http://{host}:{address[1]}"
        server.log.info("ready: page %s/  docs %s/docs  API POST %s/v1/quotes", base, base, base)


def child_exit(server, worker) -> None:
    worker_exited(worker.pid)
