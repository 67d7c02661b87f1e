"""The service against its own OpenAPI document.

schemathesis reads `/openapi.json` from the app and generates valid and invalid requests for
every operation; each answer must be what the document promises: no 500, a documented
status, content type and body. (Its pytest plugin does not run under pytest 9 yet, so the
operations are driven through hypothesis directly.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)


POSITIVE, NEGATIVE = GenerationMode.POSITIVE, GenerationMode.NEGATIVE
CASES = [("POST /v1/quotes", POSITIVE), ("POST /v1/quotes", NEGATIVE),
         ("POST /v1/quotes/batch", POSITIVE), ("POST /v1/quotes/batch", NEGATIVE),
         ("GET /v1/info", POSITIVE), ("GET /healthz", POSITIVE), ("GET /readyz", POSITIVE)]


@pytest.fixture(scope="module")
def operations(app) -> dict:
    schema = schemathesis.openapi.from_wsgi("/openapi.json", app)
    return {op.label: op for op in (result.ok() for result in schema.get_all_operations())}


def test_the_document_lists_every_operation(operations):
    assert set(operations) == {label for label, _ in CASES}


@pytest.mark.parametrize("label,mode", CASES)
def test_operation_answers_as_documented(operations, label, mode):
    """Valid requests get a documented success; invalid ones a documented 4xx; never a 500."""
    @FUZZ
    @given(case=operations[label].as_strategy(generation_mode=mode))
    def check(case):
        # schemathesis' WSGI transport would ask for gzip and not undo it; gzip is `test_api`'s
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    check()
