"""Articles in, one result line each out, for archives of any size.

Input is JSONL (plain, `.gz` or `.bz2`), `.txt` files (one article each) or stdin, read a line at
a time and handed to `Attributor.stream`, so memory stays flat however large the archive. Every
field of an input line other than the text is passed through to its output line (the result's
own fields win a clash). A line that cannot be processed becomes an error row, in its place:

    {"id": "a17", "error": {"file": "news.jsonl", "line": 17, "detail": "text is empty ..."}}
"""

from __future__ import annotations

import bz2
import gzip
import json
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from models import Attributor, InputError, validate

from . import service_version
from .schemas import result_out

STDIN = "<stdin>"


@dataclass(frozen=True)
class Record:
    """One input article as read: where it came from, its id, its text, the rest of its fields."""

    file: str
    line: int | None  # None where the reader cannot know it (a Spark task reading a split)
    id: str | None
    text: Any
    extra: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def open_text(path: Path) -> TextIO:
    """A text file, decompressed by its suffix (`.gz`, `.bz2`)."""
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    if path.suffix == ".bz2":
        return bz2.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_records(paths: list[str], stdin: TextIO, text_key: str = "text", id_key: str = "id") -> Iterator[Record]:
    """Every article of the files (or of stdin: JSONL, else one raw article), in order."""
    if not paths:
        first = stdin.readline()
        if first.lstrip().startswith("{"):
            yield from _jsonl(_chain(first, stdin), STDIN, text_key, id_key)
        else:
            yield Record(STDIN, 1, None, first + stdin.read())
        return
    for name in paths:
        path = Path(name)
        if path.name.endswith((".txt", ".txt.gz", ".txt.bz2")):
            with open_text(path) as fh:
                yield Record(name, 1, path.name.split(".")[0], fh.read())
        else:
            with open_text(path) as fh:
                yield from _jsonl(fh, name, text_key, id_key)


def _chain(first: str, rest: TextIO) -> Iterator[str]:
    yield first
    yield from rest


def _jsonl(lines: Iterable[str], file: str, text_key: str, id_key: str) -> Iterator[Record]:
    for number, line in enumerate(lines, 1):
        if line.strip():
            yield parse_line(line, file, number, text_key, id_key)


def parse_line(line: str, file: str, number: int | None, text_key: str = "text", id_key: str = "id") -> Record:
    """One JSONL line as a record; a line that is no JSON object with a text is an error record.

    >>> parse_line('{"id": 7, "text": "Hi.", "source": "wire"}', "a.jsonl", 3)
    Record(file='a.jsonl', line=3, id='7', text='Hi.', extra={'id': 7, 'source': 'wire'}, error=None)
    >>> parse_line('{"body": "Hi."}', "a.jsonl", 4).error
    "no 'text' field"
    """
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as err:
        return Record(file, number, None, None, error=f"not valid JSON ({err})")
    if not isinstance(row, dict):
        return Record(file, number, None, None, error="not a JSON object")
    article_id = row.get(id_key)
    article_id = None if article_id is None else str(article_id)
    extra = {k: v for k, v in row.items() if k != text_key}
    if text_key not in row:
        return Record(file, number, article_id, None, extra, error=f"no {text_key!r} field")
    return Record(file, number, article_id, row[text_key], extra)


def checked(record: Record, max_chars: int) -> Record:
    """The record, or an error record if the engine would refuse its text."""
    if record.error is not None:
        return record
    try:
        validate(record.text, max_chars)
    except InputError as err:
        return Record(record.file, record.line, record.id, None, record.extra, error=str(err))
    return record


def result_rows(attributor: Attributor, records: Iterable[Record], kinds: frozenset[str] | None = None,
                batch_size: int = 16, n_process: int = 1) -> Iterator[dict[str, Any]]:
    """One output row per record, in input order: its result with its other fields, or its error."""
    pending: deque[Record] = deque()

    def texts() -> Iterator[tuple[str, str | None]]:
        for record in records:
            record = checked(record, attributor.max_chars)
            pending.append(record)
            if record.error is None:
                yield record.text, record.id

    for result in attributor.stream(texts(), batch_size, n_process):
        while pending[0].error is not None:
            yield error_row(pending.popleft())
        record = pending.popleft()
        yield {**record.extra, **result_out(result.only(kinds) if kinds else result, service_version())}
    while pending:
        yield error_row(pending.popleft())


def error_row(record: Record) -> dict[str, Any]:
    return {**record.extra, "id": record.id, "error": {"file": record.file, "line": record.line,
                                                       "detail": record.error}}
