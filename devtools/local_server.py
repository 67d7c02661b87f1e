"""`LocalServer`: the service's own gunicorn command on a free loopback port, ready when built.

The benchmark and the end-to-end tests use it; it needs `psutil` (the `dev` extras).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from service.server import gunicorn_command

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """gunicorn on a free loopback port, ready (every worker booted) when the constructor returns.

    `env` adds to or overrides this process's environment, e.g. `{"WEB_CONCURRENCY": "2"}`.
    """

    def __init__(self, env: dict[str, str] | None = None, ready_timeout: float = 120) -> None:
        inherited = {k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"}  # a folder of its own
        self.env = {**inherited, "LOG_LEVEL": "warning", **(env or {})}
        self.expected_workers = int(self.env.get("WEB_CONCURRENCY", "2"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = ""  # what gunicorn wrote to stderr, once stopped
        self.proc = subprocess.Popen(gunicorn_command(f"127.0.0.1:{self.port}"), cwd=ROOT, env=self.env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if not self.wait_ready(ready_timeout):
            self.stop()
            raise RuntimeError("gunicorn did not become ready: " + self.log[-2000:])

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def wait_ready(self, timeout: float) -> bool:
        """True once /readyz answers 200 and every worker is up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                urllib.request.urlopen(self.url + "/readyz", timeout=2).read()
                if len(self.workers()) >= self.expected_workers:
                    time.sleep(1)  # the last worker finishes booting before anything is measured
                    return True
            except OSError:
                pass
            time.sleep(0.3)
        return False

    def workers(self) -> list:
        """The worker processes (psutil), in no particular order."""
        import psutil

        try:
            return psutil.Process(self.proc.pid).children()
        except psutil.NoSuchProcess:
            return []

    def accepted(self) -> int:
        """Client connections the workers have accepted and hold now."""
        return sum(1 for w in self.workers() for c in self._connections(w)
                   if c.status == "ESTABLISHED" and c.laddr.port == self.port)

    def wait_busy(self, timeout: float, connections: int = 1) -> bool:
        """True once the workers hold `connections` client connections (requests in their hands)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.accepted() >= connections:
                return True
            time.sleep(0.02)
        return False

    @staticmethod
    def _connections(process) -> list:
        import psutil

        try:
            return process.net_connections(kind="tcp")
        except psutil.Error:  # the worker exited meanwhile
            return []

    def stop(self, timeout: float = 40) -> int | None:
        """SIGTERM, as an orchestrator sends it; the exit code, or None if it had to be killed."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            code = None
        self.log = self.proc.stderr.read().decode(errors="replace")
        self.proc.stderr.close()
        return code
