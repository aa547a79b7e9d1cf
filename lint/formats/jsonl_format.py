"""JSON Lines: one finding per line, as ``json`` prints each (stream-friendly: ``jq -c``, log
shippers, ``grep``); nothing at all for no finding."""

from __future__ import annotations

import json
from collections.abc import Sequence

from lint.core.finding import Finding
from lint.formats.report import Report


def render(findings: Sequence[Finding], report: Report) -> str:
    return "".join(json.dumps(f.as_dict(), ensure_ascii=False) + "\n" for f in findings)
