"""Parquet: input (one article per row, the JSONL field names; read as the JSONL record it would
be) and ``--format parquet`` output (the rows of ``--format json``)."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import pytest
from conftest import write

import lint
from lint.io.records import NO_PYARROW

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

PARAGRAPH = (
    "The council approved a budget of four million pounds on Tuesday, officials said in a "
    "statement after the meeting."
)
RECORDS = [
    {"id": "a", "title": "Council approves budget", "text": f"{PARAGRAPH}\n\n{PARAGRAPH}"},
    {"id": "b", "title": "Council approves budget", "text": "A truly heart-wrenching scene."},
    {"id": "c", "title": "Nothing here", "text": None},
    {"id": "d", "title": "Rewrite", "text": PARAGRAPH, "source_id": "a"},
]


def _parquet(path: Path, rows: list[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    return write(path, "".join(json.dumps(r) + "\n" for r in rows))


def _as_dicts(findings, suffix: str) -> list[dict[str, object]]:
    """Findings as JSON, the file's name and its suffix in messages made neutral."""
    text = json.dumps([f.as_dict() for f in findings]).replace(suffix, ".X")
    found: list[dict[str, object]] = json.loads(text)
    return found


def test_a_parquet_file_reads_as_the_same_records_in_jsonl(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _parquet(tmp_path / "p" / "feed.parquet", RECORDS)
    _jsonl(tmp_path / "j" / "feed.jsonl", RECORDS)
    from_parquet = lint.lint_paths(["p"]).findings
    from_jsonl = lint.lint_paths(["j"]).findings
    rules = {f.rule for f in from_parquet}
    assert {"duplicated-paragraph", "repeated-headline", "unreadable-file"} <= rules
    assert _as_dicts(from_parquet, ".parquet") == json.loads(
        json.dumps(_as_dicts(from_jsonl, ".jsonl")).replace("j/feed.X", "p/feed.X")
    )
    missing = next(f for f in from_parquet if f.rule == "unreadable-file")
    assert (missing.line, missing.message) == (
        3,
        'the record has no text field ("text" or "body"); the record was not linted',
    )


def test_values_json_cannot_hold_are_kept_as_text(tmp_path):
    rows = [
        {"id": 7, "title": "Dated", "text": PARAGRAPH, "when": datetime.date(2025, 3, 14),
         "raw": b"bytes"},
    ]  # fmt: skip
    path = _parquet(tmp_path / "typed.parquet", rows)
    run = lint.lint_paths([str(path)], lint.Options(keep_documents=True))
    (document,) = run.documents
    assert document.record == "7"
    assert document.metadata["when"] == "2025-03-14"
    assert document.metadata["raw"] == "bytes"
    assert not [f for f in run.findings if f.rule == "unreadable-file"]


def test_a_broken_parquet_file_is_a_finding_and_the_run_goes_on(tmp_path):
    write(tmp_path / "broken.parquet", b"PAR1 this is not Parquet")
    write(tmp_path / "ok.txt", "Title\n\nA short article.\n")
    run = lint.lint_paths([str(tmp_path)])
    (finding,) = [f for f in run.findings if f.rule == "unreadable-file"]
    assert finding.path.endswith("broken.parquet")
    assert finding.message.startswith("cannot read as Parquet (")
    assert finding.message.endswith("); the file was not linted")


def test_without_pyarrow_a_parquet_file_says_what_to_install(tmp_path, monkeypatch):
    path = _parquet(tmp_path / "feed.parquet", RECORDS)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    run = lint.lint_paths([str(path)])
    assert [(f.rule, f.message) for f in run.findings] == [("unreadable-file", NO_PYARROW)]


def test_format_parquet_holds_the_rows_of_format_json(run_cli, tmp_path):
    _parquet(tmp_path / "news" / "feed.parquet", RECORDS)
    code, out, _ = run_cli("check", "news", "--format", "json", cwd=tmp_path)
    expected = json.loads(out)
    for args in (["--format", "parquet", "--output", "r/out.pq"], ["--output", "r/f.parquet"]):
        code_to_file, printed, err = run_cli("check", "news", *args, cwd=tmp_path)
        assert (code, code_to_file, printed, err) == (1, 1, "", "")
        rows = pq.read_table(tmp_path / args[-1]).to_pylist()
        assert [{**r, "data": json.loads(r["data"])} for r in rows] == expected


def test_format_parquet_needs_an_output_file(run_cli, tmp_path):
    _parquet(tmp_path / "feed.parquet", RECORDS)
    code, out, err = run_cli("check", "feed.parquet", "--format", "parquet", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err == "newslint: error: --format parquet writes a binary file: give --output FILE\n"
