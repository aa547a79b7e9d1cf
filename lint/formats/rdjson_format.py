"""reviewdog's Diagnostic Format as one JSON document (``rdjson``: a ``DiagnosticResult``), for
``reviewdog -f=rdjson``.

Per ``proto/rdf/reviewdog.proto``: ``{source: {name, url}, diagnostics: [{message, location:
{path, range: {start: {line, column}, end: {line, column}}}, severity, code: {value, url}}]}``
with severity ``ERROR``, ``WARNING`` or ``INFO``. Lines start at 1; columns start at 1 and count
**UTF-8 bytes**, and the end is exclusive, so a span's code-point columns are converted with the
line's text (``Report.lines``). When the line cannot be read, and for a JSONL record (whose file
line is JSON, not the article), the range gives lines only, which reviewdog reads as whole lines.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from lint.core.finding import Finding, Severity
from lint.formats.report import Report

URL = "https://github.com/newslint/newslint"
SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def _byte_column(text: str | None, column: int) -> int | None:
    """The 1-based UTF-8 byte column of 1-based code-point ``column`` in ``text``."""
    if text is None or column - 1 > len(text):
        return None
    return len(text[: column - 1].encode("utf-8")) + 1


def _range(finding: Finding, report: Report) -> dict[str, Any]:
    start: dict[str, int] = {"line": finding.line}
    end: dict[str, int] = {"line": finding.end_line}
    if finding.data.get("record") is None:
        first = _byte_column(report.line_text(finding.path, finding.line), finding.column)
        last_text = report.line_text(finding.path, finding.end_line)
        last = _byte_column(last_text, finding.end_column)
        if first is not None and last is not None:
            start["column"], end["column"] = first, last
    return {"start": start, "end": end}


def diagnostic(finding: Finding, report: Report) -> dict[str, Any]:
    return {
        "message": finding.message,
        "location": {"path": report.relative(finding.path), "range": _range(finding, report)},
        "severity": SEVERITIES[finding.severity],
        "code": {"value": finding.rule},
    }


def render(findings: Sequence[Finding], report: Report) -> str:
    result = {
        "source": {"name": "newslint", "url": URL},
        "diagnostics": [diagnostic(f, report) for f in findings],
    }
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
