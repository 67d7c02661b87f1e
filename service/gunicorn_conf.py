"""gunicorn settings, derived from the same environment settings as the app."""

from service.config import Settings

_settings = Settings.from_env()

bind = f"0.0.0.0:{_settings.port}"
workers = _settings.workers
worker_class = "sync"
timeout = _settings.timeout
graceful_timeout = 30  # SIGTERM: in-flight requests get this long to finish
preload_app = _settings.preload  # the model loads once, before fork; workers share its pages
loglevel = _settings.log_level
accesslog = None  # the app logs one line per request itself
errorlog = "-"
worker_tmp_dir = "/dev/shm"  # heartbeat files off the (possibly read-only) disk
limit_request_line = 8190
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain",
                             "stream": "ext://sys.stderr"}},
    "root": {"level": _settings.log_level.upper(), "handlers": ["console"]},
    "loggers": {"gunicorn.error": {"level": _settings.log_level.upper(), "handlers": ["console"],
                                   "propagate": False}},
}
