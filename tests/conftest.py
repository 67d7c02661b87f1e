"""Shared fixtures: one attributor for the whole run (loading the model takes a second)."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings as hypothesis_settings

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
def settings() -> Settings:
    return Settings(max_chars=5_000, max_batch=3, max_batch_chars=8_000, max_body_bytes=100_000)


@pytest.fixture(scope="session")
def app(attributor, settings):
    return create_app(settings, attributor=attributor)


@pytest.fixture()
def client(app):
    return app.test_client()
