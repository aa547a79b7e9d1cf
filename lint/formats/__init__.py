"""Output formats: each a pure function from findings to text, chosen from :data:`FORMATS`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lint.finding import Finding
from lint.formats import json_format, text_format

Formatter = Callable[[Sequence[Finding]], str]

FORMATS: dict[str, Formatter] = {
    "text": text_format.render,
    "json": json_format.render,
}
