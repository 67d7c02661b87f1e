"""quote-attribution's engine: who said what in a news article, by rules on a spaCy parse.

>>> from models import load
>>> result = load().extract('"We will respond," the minister said.')
>>> result.quotes[0].type
'direct'
"""

from .engine import (
    BLANK_CHARS,
    DEFAULT_MAX_CHARS,
    DEFAULT_MODEL,
    Attributor,
    DeadlineExceeded,
    EmptyTextError,
    InputError,
    TextTooLongError,
    is_blank,
    load,
    validate,
)
from .types import Quote, Result, Speaker, TextSpan

__all__ = [
    "BLANK_CHARS",
    "DEFAULT_MAX_CHARS",
    "DEFAULT_MODEL",
    "Attributor",
    "DeadlineExceeded",
    "EmptyTextError",
    "InputError",
    "Quote",
    "Result",
    "Speaker",
    "TextSpan",
    "TextTooLongError",
    "is_blank",
    "load",
    "validate",
]
