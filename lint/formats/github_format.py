"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding,
which the runner turns into annotations on the pull request's diff.

Escaping is the Actions toolkit's (``@actions/core`` ``command.ts``): the message escapes ``%``,
CR and LF; property values also escape ``:`` and ``,``. Other control characters (from an
article's text or a file name) are then written as ``\\xNN`` (:mod:`lint.core.terminal`): the
runner prints the line in the job's log, where an escape sequence would be a terminal's.
"""

from __future__ import annotations

from collections.abc import Sequence

from lint.core.finding import Finding, Severity
from lint.core.terminal import escape_controls
from lint.formats.report import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    escaped = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_controls(escaped)


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
