"""--format rdjson: reviewdog's DiagnosticResult (proto/rdf/reviewdog.proto): UTF-8 byte
columns, exclusive ends, severities by name."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from format_helpers import finding

from lint.core.finding import Severity
from lint.formats import Report
from lint.formats.rdjson_format import render


def _report(lines: dict[str, list[str]] | None = None) -> Report:
    read = (lambda path: (lines or {}).get(path, [])) if lines is not None else None
    return Report(root=Path("/repo"), lines=read)


def test_result_source_and_diagnostics():
    one = finding(path="/repo/news/a.txt", line=2, column=5, severity=Severity.INFO)
    result = json.loads(render([one], _report({"/repo/news/a.txt": ["x", "abcdefghijk"]})))
    assert result["source"] == {"name": "newslint", "url": "https://github.com/newslint/newslint"}
    (diagnostic,) = result["diagnostics"]
    assert diagnostic == {
        "message": "'stark' inflates the tone",
        "location": {
            "path": "news/a.txt",
            "range": {"start": {"line": 2, "column": 5}, "end": {"line": 2, "column": 10}},
        },
        "severity": "INFO",
        "code": {"value": "stylistic-inflation"},
    }


def test_columns_count_utf8_bytes_as_the_proto_example():
    # reviewdog.proto: in 'a𐐀b' the column of b is 6 (𐐀 is four bytes)
    b = finding(path="a.txt", line=1, column=3, end_column=4)
    (diagnostic,) = json.loads(render([b], _report({"a.txt": ["a\U00010400b"]})))["diagnostics"]
    assert diagnostic["location"]["range"] == {
        "start": {"line": 1, "column": 6},
        "end": {"line": 1, "column": 7},
    }


def test_lines_only_without_the_text_or_for_a_jsonl_record():
    plain = finding(path="a.txt", line=3, column=4)
    (diagnostic,) = json.loads(render([plain], _report()))["diagnostics"]
    assert diagnostic["location"]["range"] == {"start": {"line": 3}, "end": {"line": 3}}
    record = finding(path="r.jsonl", line=1, column=4)
    record = replace(record, data={"record": "r1"})
    (diagnostic,) = json.loads(render([record], _report({"r.jsonl": ['{"id": "r1"}']})))[
        "diagnostics"
    ]
    assert diagnostic["location"]["range"] == {"start": {"line": 1}, "end": {"line": 1}}


def test_severities():
    found = [finding(severity=s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)]
    result = json.loads(render(found, _report()))
    assert [d["severity"] for d in result["diagnostics"]] == ["ERROR", "WARNING", "INFO"]
