"""Output formats: one module per format, each with a pure ``render(findings, report)`` where
``report`` is the run's :class:`~lint.formats.report.Report` (rules, files linted, version).

:data:`FORMATS` maps a format name to its module, imported only when that format is chosen, so
the ones a run does not print (XML, hashing) cost nothing at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from lint.core.finding import Finding
from lint.formats.report import Report

Formatter = Callable[[Sequence[Finding], Report], str]

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


def formatter(name: str) -> Formatter:
    """The ``render`` function of format ``name``; raises ``KeyError`` for an unknown format."""
    render: Formatter = importlib.import_module(FORMATS[name]).render
    return render


__all__ = ["FORMATS", "Formatter", "Report", "formatter"]
