"""Log lines as text or, with LOG_FORMAT=json, one JSON object per line (for log shippers).

The request line carries its fields (`request_id`, `trace_id` from a W3C `traceparent`, route,
status, duration, characters, quotes) as `extra={"fields": ...}`; the JSON formatter writes them
as keys, the text formatter ignores them (the message already says them).
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

#: W3C Trace Context: version-trace_id-parent_id-flags, all lower-case hex, ids not all zeros
TRACEPARENT = re.compile(r"^[0-9a-f]{2}-(?!0{32})([0-9a-f]{32})-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}$")
TEXT_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"


def trace_id(traceparent: str) -> str | None:
    """The trace id of a `traceparent` header, or None if it is not one.

    >>> trace_id("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
    '4bf92f3577b34da6a3ce929d0e0e4736'
    >>> trace_id("00-00000000000000000000000000000000-00f067aa0ba902b7-01") is None
    True
    """
    match = TRACEPARENT.match(traceparent.strip())
    return match.group(1) if match else None


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, process, logger, message and the record's fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
                 "level": record.levelname.lower(), "process": record.process, "logger": record.name,
                 "message": record.getMessage(), **getattr(record, "fields", {})}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def formatter_config(log_format: str) -> dict[str, str]:
    """The `logging.config` formatter for LOG_FORMAT (`text` or `json`)."""
    return {"()": "service.logs.JsonFormatter"} if log_format == "json" else {"format": TEXT_FORMAT}
