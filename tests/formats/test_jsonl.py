"""--format jsonl: one finding per line, the objects --format json prints."""

from __future__ import annotations

import json

from format_helpers import finding, report

from lint.formats.json_format import render as render_json
from lint.formats.jsonl_format import render


def test_one_object_per_line_as_json_prints_them(all_rules):
    found = [finding(line=2), finding(line=3, message="new\nline 'é'")]
    out = render(found, report(all_rules))
    assert [json.loads(line) for line in out.splitlines()] == json.loads(
        render_json(found, report(all_rules))
    )
    assert len(out.splitlines()) == 2 and "é" in out


def test_nothing_for_no_finding(all_rules):
    assert render([], report(all_rules)) == ""
