"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding,
which the runner turns into annotations on the pull request's diff.

Escaping is the Actions toolkit's (``@actions/core`` ``command.ts``): the message escapes ``%``,
CR and LF; property values also escape ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Sequence

from lint.core.finding import Finding, Severity
from lint.formats.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding, report: Report) -> str:
    properties = {
        "file": report.relative(finding.path),
        "line": finding.line,
        "col": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "title": finding.rule,
    }
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{COMMANDS[finding.severity]} {joined}::{escape_data(finding.message)}"


def render(findings: Sequence[Finding], report: Report) -> str:
    return "".join(command(f, report) + "\n" for f in findings)
