"""--format json: an array of findings."""

from __future__ import annotations

import json

from format_helpers import finding, report

from lint.formats.json_format import render


def test_array_of_findings(all_rules):
    (item,) = json.loads(render([finding(message="ünïcode")], report(all_rules)))
    assert item == {
        "path": "news/a.txt",
        "line": 2,
        "column": 5,
        "end_line": 2,
        "end_column": 10,
        "rule": "stylistic-inflation",
        "severity": "warning",
        "message": "ünïcode",
        "data": {},
    }


def test_no_findings(all_rules):
    assert json.loads(render([], report(all_rules))) == []
