"""A JSON array of findings."""

from __future__ import annotations

import json
from collections.abc import Sequence

from lint.core.finding import Finding
from lint.formats.report import Report


def render(findings: Sequence[Finding], report: Report) -> str:
    return json.dumps([f.as_dict() for f in findings], indent=2, ensure_ascii=False) + "\n"
