"""Output formats: one module per format, each with a pure ``render(findings, report)`` where
``report`` is the run's :class:`~lint.formats.report.Report` (rules, files linted, version).

:data:`FORMATS` maps a format name to its module, imported only when that format is chosen, so
the ones a run does not print (XML, hashing) cost nothing at start-up. :data:`BINARY_FORMATS`
render bytes (``render_bytes``) and are written to ``--output`` only; a ``.parquet`` output file
picks Parquet when no ``--format`` is given (see :func:`for_output`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from lint.core.finding import Finding
from lint.formats.report import Report

Formatter = Callable[[Sequence[Finding], Report], str]
BinaryFormatter = Callable[[Sequence[Finding], Report], bytes]

FORMATS: dict[str, str] = {
    "text": "lint.formats.text_format",
    "json": "lint.formats.json_format",
    "github": "lint.formats.github_format",
    "gitlab": "lint.formats.gitlab_format",
    "junit": "lint.formats.junit_format",
    "sarif": "lint.formats.sarif_format",
    "rdjson": "lint.formats.rdjson_format",
    "jsonl": "lint.formats.jsonl_format",
}

BINARY_FORMATS: dict[str, str] = {
    "parquet": "lint.formats.parquet_format",
}
DEFAULT = "text"


def names() -> list[str]:
    """Every format name, sorted (the ``--format`` choices)."""
    return sorted({**FORMATS, **BINARY_FORMATS})


def for_output(name: str | None, output: str | None) -> str:
    """The format of a run: ``--format`` when given; otherwise Parquet for a ``.parquet``
    output file (never text in a file named so), else text."""
    if name:
        return name
    if output and output.lower().endswith(".parquet"):
        return "parquet"
    return DEFAULT


def binary_formatter(name: str) -> BinaryFormatter:
    """The ``render_bytes`` function of binary format ``name``."""
    render: BinaryFormatter = importlib.import_module(BINARY_FORMATS[name]).render_bytes
    return render


def formatter(name: str) -> Formatter:
    """The ``render`` function of format ``name``; raises ``KeyError`` for an unknown format."""
    render: Formatter = importlib.import_module(FORMATS[name]).render
    return render


__all__ = [
    "BINARY_FORMATS",
    "FORMATS",
    "BinaryFormatter",
    "Formatter",
    "Report",
    "binary_formatter",
    "for_output",
    "formatter",
    "names",
]
