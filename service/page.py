"""The page at `/`: paste an article (or pick an example) and see its quotes highlighted.

It is static HTML, CSS and JavaScript served from `service/static/` (no CDN, no external
fonts): the script calls `POST /v1/quotes` like any client and draws the answer. Article text is
only ever set as DOM text, never as HTML. The examples are the `.txt` files of
`QUOTES_EXAMPLES_DIR` (the seed articles in a checkout and in the image).
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify

page = Blueprint("page", __name__, static_folder="static", static_url_path="/static")

#: the page loads only what this origin serves; nothing inline, no frames
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'")
#: the most examples listed, and the longest one sent (the page is not a file server)
MAX_EXAMPLES, MAX_EXAMPLE_CHARS = 20, 200_000


@page.after_request
def _secure(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


@page.get("/")
def index() -> Response:
    return page.send_static_file("index.html")


@page.get("/examples.json")
def examples() -> Response:
    """`[{"name", "text"}]`: the example articles the page offers."""
    folder = current_app.extensions["quote_attribution"].settings.examples_dir
    return jsonify(read_examples(Path(folder)) if folder else [])


def read_examples(folder: Path) -> list[dict[str, str]]:
    """The `.txt` files of a folder, by name; unreadable or oversized files are left out."""
    found = []
    for path in sorted(folder.glob("*.txt"))[:MAX_EXAMPLES]:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if len(text) <= MAX_EXAMPLE_CHARS:
            found.append({"name": path.stem, "text": text})
    return found
