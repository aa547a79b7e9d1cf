"""SARIF 2.1.0, the format GitHub code scanning (``upload-sarif``) and IDE viewers read.

One run; ``tool.driver.rules`` describes every rule that ran with its documentation, results
point at rules by id and index. Columns count Unicode code points (``columnKind``) and end
columns are exclusive, as SARIF's are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from lint.core.finding import Finding, Severity
from lint.engine.engine import INTERNAL_ERROR
from lint.engine.rules import Rule
from lint.formats.fingerprint import fingerprints
from lint.formats.report import Report

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/newslint/newslint"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def descriptor(rule: Rule) -> dict[str, Any]:
    docs = rule.docs
    return {
        "id": rule.id,
        "name": rule.id,
        "shortDescription": {"text": docs["what"]},
        "fullDescription": {"text": docs["why"]},
        "help": {"text": f"Flagged:\n{docs['fail']}\n\nNot flagged:\n{docs['pass']}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"kind": rule.kind},
    }


def _undocumented(rule_id: str) -> dict[str, Any]:
    """A finding's rule that is not among the report's rules (``internal-error``)."""
    text = "A rule's check raised an exception on a document; the run went on without it."
    if rule_id != INTERNAL_ERROR:
        text = f"Rule {rule_id}."
    return {"id": rule_id, "name": rule_id, "shortDescription": {"text": text}}


def uri(path: str) -> str:
    """A relative posix URI reference, or a ``file://`` URI for a path outside the root."""
    pure = PurePosixPath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def result(finding: Finding, index: int, fingerprint: str, report: Report) -> dict[str, Any]:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    location = {"artifactLocation": {"uri": uri(report.relative(finding.path))}, "region": region}
    return {
        "ruleId": finding.rule,
        "ruleIndex": index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {"newslint/v1": fingerprint},
    }


def render(findings: Sequence[Finding], report: Report) -> str:
    rules = [descriptor(r) for r in report.rules.values()]
    rules += [_undocumented(i) for i in sorted({f.rule for f in findings} - set(report.rules))]
    index = {r["id"]: i for i, r in enumerate(rules)}
    prints = fingerprints(findings, report)
    driver = {
        "name": "newslint",
        "version": report.version,
        "semanticVersion": report.version,
        "informationUri": INFORMATION_URI,
        "rules": rules,
    }
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [
            result(f, index[f.rule], p, report) for f, p in zip(findings, prints, strict=True)
        ],
    }
    sarif = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
