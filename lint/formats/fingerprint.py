"""Stable, unique fingerprints for findings (GitLab Code Quality, SARIF partial fingerprints).

A fingerprint hashes the path, the rule id and the message with any ``path:line`` reference
removed, so a finding keeps its fingerprint when lines are inserted above it. Line numbers are
never hashed; findings that would share a key (the same phrase flagged twice in one file) are told
apart by their order of occurrence, which also survives line shifts.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

from lint.core.finding import Finding
from lint.formats.report import Report

_LINE_REF = re.compile(r"(\S):\d+\b")


def key(finding: Finding, path: str) -> str:
    """What identifies a finding across edits: path, rule and the line-free message."""
    return "\0".join((path, finding.rule, _LINE_REF.sub(r"\1", finding.message)))


def fingerprints(findings: Sequence[Finding], report: Report) -> list[str]:
    """One hex digest per finding, in order, over its root-relative path (the same on every
    checkout); equal keys get their occurrence number mixed in."""
    seen: Counter[str] = Counter()
    digests = []
    for finding in findings:
        base = key(finding, report.relative(finding.path))
        digest = hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()
        seen[base] += 1
        digests.append(digest[:32])
    return digests
