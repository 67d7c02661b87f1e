"""Whether the client of the current request is still there to read the answer.

A client that gave up (a timeout on its side, a closed tab) leaves its request queued; the
extraction it asked for would cost a worker seconds for an answer nobody reads. gunicorn
hands the app the connection's socket: a peek that finds the stream closed means the client
has gone.
"""

from __future__ import annotations

import socket

from flask import request


def client_gone() -> bool:
    """True when the request's connection was closed by the client (False where it cannot tell).

    Pipelined bytes waiting on the socket are not consumed: the peek leaves them in place.
    """
    conn = request.environ.get("gunicorn.socket")
    if not isinstance(conn, socket.socket):
        return False
    try:
        return conn.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except (BlockingIOError, InterruptedError):
        return False  # open, nothing more sent: the client is waiting
    except OSError:
        return True  # reset by the peer
