"""Shared fixtures: one attributor for the whole run (loading the model takes a second)."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings as hypothesis_settings
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from models import Attributor, load
from service.app import create_app
from service.config import Settings

# CI runs the same generated examples every time (a red build is reproducible); run with
# HYPOTHESIS_PROFILE=explore to draw new ones.
hypothesis_settings.register_profile("ci", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def attributor() -> Attributor:
    return load()


@pytest.fixture(scope="session")
def extract(attributor):
    """Quotes of a text as contract dicts."""
    def run(text: str) -> list[dict]:
        return attributor.extract(text).to_dict()["quotes"]
    return run


@pytest.fixture(scope="session")
def rules_on(attributor):
    """The rules on a parse written out by hand, a (word, tag, pos, dep, head, entity IOB) row a
    token: a mistake of the small model rebuilt, so the test does not wait for the model to make it."""
    def run(text: str, rows: list[tuple[str, str, str, str, int, str]]) -> list:
        words, spaces = get_words_and_spaces([row[0] for row in rows], text)
        _, tags, pos, deps, heads, ents = zip(*rows, strict=True)
        doc = Doc(attributor.nlp.vocab, words=words, spaces=spaces, tags=list(tags), pos=list(pos), deps=list(deps),
                  heads=list(heads), ents=list(ents))
        return list(attributor.rules(doc)._.quotes)
    return run


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings(max_chars=5_000, max_batch=3, max_batch_chars=8_000, max_body_bytes=100_000)


@pytest.fixture(scope="session")
def app(attributor, settings):
    return create_app(settings, attributor=attributor)


@pytest.fixture()
def client(app):
    return app.test_client()
