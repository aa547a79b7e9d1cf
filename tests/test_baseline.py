"""Baselines through the real command: write, match after line shifts, report only new findings."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SEEDS
from conftest import write as _write

from lint.errors import OutputError
from lint.io import baseline

ARTICLE = "003_3cca3255a196bd16.txt"
DUPLICATED = (
    "Council approves budget\n"
    "The council approved a budget of four million pounds on Tuesday, the mayor said.\n"
    "Roads and schools get most of the money, the finance chief said.\n"
    "The council approved a budget of four million pounds on Tuesday, the mayor said.\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A copy of the sample corpus (a legacy corpus with findings)."""
    return Path(shutil.copytree(SEEDS, tmp_path / "corpus", ignore=shutil.ignore_patterns(".*")))


def findings(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.count(":") >= 3]


def test_write_baseline_then_no_findings(run_cli, corpus):
    code, out, err = run_cli("check", ".", "--write-baseline", "baseline.json", cwd=corpus)
    assert (code, err) == (0, "")
    code, before, _ = run_cli("check", ".", cwd=corpus)
    assert out == f"Wrote {len(findings(before))} findings to baseline.json.\n"
    data = json.loads((corpus / "baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    rows = data["findings"]
    assert rows == sorted(rows, key=lambda r: (r["path"], r["rule"], r["text"], r["fingerprint"]))
    assert sum(r["count"] for r in rows) == len(findings(before))
    assert {"path", "rule", "text", "fingerprint", "count"} == set(rows[0])
    code, out, _ = run_cli("check", ".", "--baseline", "baseline.json", cwd=corpus)
    assert (code, out.strip()) == (0, "No findings.")


def test_baseline_file_is_stable(run_cli, corpus):
    run_cli("check", ".", "--write-baseline", "one.json", cwd=corpus)
    run_cli("check", str(corpus), "--write-baseline", str(corpus / "two.json"))
    assert (corpus / "one.json").read_bytes() == (corpus / "two.json").read_bytes()


def test_inserted_lines_keep_the_baseline_and_a_new_copy_is_reported(run_cli, corpus, tmp_path):
    run_cli("check", ".", "--write-baseline", str(tmp_path / "baseline.json"), cwd=corpus)
    path = corpus / ARTICLE
    text = path.read_text(encoding="utf-8")
    path.write_text("date 2025-03-14 Staff reporter\n\n\n" + text, encoding="utf-8")
    code, out, _ = run_cli("check", str(corpus), "--baseline", str(tmp_path / "baseline.json"))
    assert (code, out.strip()) == (0, "No findings.")

    # copy a paragraph that already has findings to the end: only the copy's findings are new
    paragraph = text.splitlines()[6]
    assert "10%" in paragraph
    path.write_text(path.read_text(encoding="utf-8") + "\n" + paragraph + "\n", encoding="utf-8")
    new_line = len(path.read_text(encoding="utf-8").splitlines())
    code, out, _ = run_cli("check", str(corpus), "--baseline", str(tmp_path / "baseline.json"))
    assert code == 1
    reported = findings(out)
    _, everything, _ = run_cli("check", str(corpus))
    on_new_line = [
        f for f in findings(everything) if f.startswith(f"{path.as_posix()}:{new_line}:")
    ]
    assert reported == on_new_line
    assert any(" duplicated-paragraph [error] " in f for f in reported)
    # one problem, one finding: the copy's own findings are covered by the duplicate finding
    assert [f.split(" ")[1] for f in reported] == ["duplicated-paragraph"]


def test_identical_findings_count_as_a_multiset(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", DUPLICATED)
    base = str(tmp_path / "baseline.json")
    args = ("--select", "duplicated-paragraph")
    assert run_cli("check", str(path), *args, "--write-baseline", base)[0] == 0
    path.write_text(DUPLICATED + DUPLICATED.splitlines()[1] + "\n", encoding="utf-8")
    code, out, _ = run_cli("check", str(path), *args, "--baseline", base)
    assert code == 1
    assert [f.split(": ")[0] for f in findings(out)] == [f"{path.as_posix()}:5:1"]
    row = json.loads(Path(base).read_text(encoding="utf-8"))["findings"]
    assert [r["count"] for r in row] == [1]


def test_editing_the_flagged_paragraph_reports_it_again(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", DUPLICATED)
    base = str(tmp_path / "baseline.json")
    run_cli("check", str(path), "--write-baseline", base)
    path.write_text(DUPLICATED.replace("Tuesday", "Monday"), encoding="utf-8")
    code, out, _ = run_cli("check", str(path), "--baseline", base)
    assert code == 1 and " duplicated-paragraph " in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ('{"version": 1, "findings": [', "baseline.json:1: baseline is not valid JSON"),
        ('{"findings": []}', "not a newslint baseline (no version field)"),
        ('{"version": 7, "findings": []}', "baseline version 7 (expected 1)"),
        ('{"version": 1, "findings": [{"count": 1}]}', "entry 1 needs a fingerprint and a count"),
    ],
)
def test_missing_or_corrupt_baseline_is_one_line_exit_two(run_cli, tmp_path, content, message):
    _write(tmp_path / "a.txt", DUPLICATED)
    if content is not None:
        _write(tmp_path / "baseline.json", content)
    code, out, err = run_cli("check", "a.txt", "--baseline", "baseline.json", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith("newslint: error: baseline.json") and message in err
    assert len(err.splitlines()) == 1


def test_baseline_and_write_baseline_exclude_each_other(run_cli, tmp_path):
    code, _, err = run_cli("check", ".", "--baseline", "a", "--write-baseline", "b", cwd=tmp_path)
    assert code == 2 and "not allowed with argument" in err


def test_load_sums_rows_with_the_same_fingerprint(tmp_path):
    path = _write(
        tmp_path / "b.json",
        json.dumps(
            {
                "version": 1,
                "findings": [
                    {"fingerprint": "abc", "count": 2},
                    {"fingerprint": "abc", "count": 1},
                    {"fingerprint": "def", "count": 1},
                ],
            }
        ),
    )
    assert baseline.load(path) == {"abc": 3, "def": 1}
    with pytest.raises(OutputError, match="cannot write baseline"):
        baseline.write(tmp_path / "missing" / "b.json", [])


def test_a_failing_baseline_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    import os

    target = tmp_path / "b.json"
    target.write_text("old\n", encoding="utf-8")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left on device"):
        baseline.write(target, [])
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]
    assert target.read_text(encoding="utf-8") == "old\n"
