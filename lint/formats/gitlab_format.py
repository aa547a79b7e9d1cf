"""GitLab Code Quality JSON (the subset of the Code Climate spec GitLab reads): an array of
``{description, check_name, fingerprint, severity, location: {path, lines: {begin, end}}}``.

Severities map error -> ``major``, warning -> ``minor``, info -> ``info``; ``critical`` and
``blocker`` are left for problems that break a build, which a prose linter does not find.
Fingerprints are stable across line shifts (see :mod:`lint.formats.fingerprint`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from lint.core.finding import Finding, Severity
from lint.formats.fingerprint import fingerprints
from lint.formats.report import Report

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issue(finding: Finding, fingerprint: str, report: Report) -> dict[str, Any]:
    return {
        "description": finding.message,
        "check_name": finding.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {
            "path": report.relative(finding.path),
            "lines": {"begin": finding.line, "end": finding.end_line},
        },
    }


def render(findings: Sequence[Finding], report: Report) -> str:
    prints = fingerprints(findings, report)
    issues = [issue(f, p, report) for f, p in zip(findings, prints, strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
