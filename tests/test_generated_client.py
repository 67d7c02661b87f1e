"""A client generated from `/openapi.json` by openapi-python-client imports and calls the running
service, and reads every answer back into the documented models without losing a field: the
document describes what the service really answers.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from types import ModuleType

import pytest

from devtools.local_server import LocalServer

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
TEXT = ('"We will rebuild the pier by spring," Mayor Ines Calder said on Monday.\n\n'
        "The harbour council said the cost was too high.")


@pytest.fixture(scope="module")
def server():
    with LocalServer({"WEB_CONCURRENCY": "1"}) as running:
        yield running


@pytest.fixture(scope="module")
def client_package(server, tmp_path_factory) -> ModuleType:
    """The package openapi-python-client generates from the running service's document."""
    folder = tmp_path_factory.mktemp("generated")
    spec = folder / "openapi.json"
    with urllib.request.urlopen(f"{server.url}/openapi.json") as response:
        spec.write_bytes(response.read())
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # its ruff post-hooks
    run = subprocess.run([str(BIN / "openapi-python-client"), "generate", "--path", str(spec), "--meta", "none",
                          "--output-path", str(folder / "quotes_client")], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    sys.path.insert(0, str(folder))
    yield importlib.import_module("quotes_client")
    sys.path.remove(str(folder))


def module(package: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.{name}")


def test_one_article_comes_back_as_the_documented_result(server, client_package):
    models, api = module(client_package, "models"), module(client_package, "api.quotes.extract_quotes")
    client = client_package.Client(base_url=server.url)
    answer = api.sync_detailed(client=client, body=models.ArticleIn(text=TEXT, id="pier"))
    assert answer.status_code == 200 and isinstance(answer.parsed, models.ResultOut)
    assert answer.parsed.to_dict() == json.loads(answer.content)  # nothing the document does not describe
    quotes = answer.parsed.quotes
    assert [q.type_.value for q in quotes] == ["direct", "indirect"]
    assert quotes[0].speaker.name == "Ines Calder" and quotes[0].speaker.title == "Mayor"
    assert [TEXT[f.start:f.end] for f in quotes[0].fragments] == [f.text for f in quotes[0].fragments]


def test_a_blank_article_comes_back_as_the_documented_problem(server, client_package):
    models, api = module(client_package, "models"), module(client_package, "api.quotes.extract_quotes")
    answer = api.sync_detailed(client=client_package.Client(base_url=server.url), body=models.ArticleIn(text="   "))
    assert answer.status_code == 422 and isinstance(answer.parsed, models.ProblemOut)
    assert answer.parsed.to_dict() == json.loads(answer.content)


def test_a_batch_answers_each_article_in_its_place(server, client_package):
    models = module(client_package, "models")
    api = module(client_package, "api.quotes.extract_quotes_batch")
    body = models.BatchIn(articles=[models.ArticleIn(text=TEXT, id="pier"), models.ArticleIn(text=" ", id="blank")])
    answer = api.sync_detailed(client=client_package.Client(base_url=server.url), body=body)
    assert answer.status_code == 200 and isinstance(answer.parsed, models.BatchOut)
    assert answer.parsed.to_dict() == json.loads(answer.content)
    assert [(r.status, r.id) for r in answer.parsed.results] == [(200, "pier"), (422, "blank")]


def test_info_and_health_come_back_as_documented(server, client_package):
    client = client_package.Client(base_url=server.url)
    for name in ("api.quotes.get_info", "api.health.get_health", "api.health.get_readiness"):
        answer = module(client_package, name).sync_detailed(client=client)
        assert answer.status_code == 200 and answer.parsed is not None
        assert answer.parsed.to_dict() == json.loads(answer.content), name
