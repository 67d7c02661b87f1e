"""Shared fixtures: one attributor for the whole run (loading the model takes a second)."""

from __future__ import annotations

import pytest

from models import Attributor, load
from service.app import create_app
from service.config import Settings


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
def settings() -> Settings:
    return Settings(max_chars=5_000, max_batch=3, max_body_bytes=100_000)


@pytest.fixture(scope="session")
def app(attributor, settings):
    return create_app(settings, attributor=attributor)


@pytest.fixture()
def client(app):
    return app.test_client()
