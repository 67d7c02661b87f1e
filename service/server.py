"""`quote-attribution serve`: gunicorn with the service's own configuration."""

from __future__ import annotations

import os
import sys


def gunicorn_command(bind: str | None = None) -> list[str]:
    command = [sys.executable, "-m", "gunicorn", "--config", "python:service.gunicorn_conf"]
    if bind:
        command += ["--bind", bind]
    return [*command, "service.wsgi:app"]


def run(bind: str | None = None) -> int:
    """Replace this process with gunicorn, so signals reach it directly."""
    command = gunicorn_command(bind)
    os.execv(command[0], command)
    return 0  # not reached
