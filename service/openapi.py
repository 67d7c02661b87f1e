"""flask-smorest's `Api` with the service's error contract.

Every error the service answers is `application/problem+json` (`errors.py`), so that is what the
OpenAPI document says: `ProblemOut` is the error schema (in place of flask-smorest's `Error`), the
default response of every operation is a problem, and no pagination schema is listed (no
endpoint pages its results). `/docs` is Swagger UI from the pinned `swagger-ui-bundle` package,
served by the service itself, so it works offline and behind any firewall.
"""

from __future__ import annotations

from typing import Any

import swagger_ui_bundle
from flask import Blueprint
from flask_smorest import Api

from . import errors
from .errors import PROBLEM_JSON
from .schemas import ProblemOut, each_on_its_own_doc


class ProblemApi(Api):
    ERROR_SCHEMA = ProblemOut

    def _init_spec(self, *args: Any, **kwargs: Any) -> None:
        super()._init_spec(*args, **kwargs)
        self.ma_plugin.converter.add_attribute_function(each_on_its_own_doc)

    def _register_error_handlers(self) -> None:
        errors.register(self._app)

    def _register_responses(self) -> None:
        response = {"description": "Any error, as RFC 9457 problem details.",
                    "content": {PROBLEM_JSON: {"schema": self.ERROR_SCHEMA}}}
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)

    def _register_pagination_header(self) -> None:
        """No endpoint pages its results: no pagination header or schema to document."""


#: Swagger UI's files, from the installed `swagger-ui-bundle` (no CDN)
docs_assets = Blueprint("docs_assets", __name__, static_folder=swagger_ui_bundle.swagger_ui_path,
                        static_url_path="/docs/assets")
SWAGGER_UI_URL = "/docs/assets/"
