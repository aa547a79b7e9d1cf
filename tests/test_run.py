"""The one run pipeline (lint.lint_paths, lint.lint_texts) and what it resolves before reading."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, write

import lint
from lint import cli
from lint.engine import run as run_module

GOLDEN = ROOT / "tests" / "golden" / "seeds.txt"


def test_lint_paths_finds_what_check_prints(monkeypatch):
    monkeypatch.chdir(ROOT)
    run = lint.lint_paths(["seeds/"], lint.Options(keep_documents=True))
    lines = GOLDEN.read_text(encoding="utf-8").splitlines()[:-1]  # without the summary
    assert [f"{f.path}:{f.line}:{f.column}: {f.rule}" for f in run.findings] == [
        line.split(" [")[0] for line in lines
    ]
    assert run.errors == () and len(run.paths) == 5 and len(run.documents) == 5
    assert run.pairs, "the seeds hold rewrites of an original"


def test_lint_texts_runs_directives_and_reports_bad_texts():
    text = "Port headline\n\nIt was a heart-wrenching day. <!-- newslint: disable=all -->\n"
    run = lint.lint_texts({"a.txt": text, "b.txt": "  \n", "c.md": "# Title\n\nA stark day.\n"})
    assert run.errors == ()
    assert [(f.path, f.rule) for f in run.findings if f.path == "b.txt"] == [
        ("b.txt", "empty-document")
    ]
    assert {f.path for f in run.findings} <= {"a.txt", "b.txt", "c.md"}
    assert list(run.findings) == sorted(run.findings)


def test_import_lint_is_cheap_and_the_engine_loads_no_classifier():
    code = (
        "import sys, lint\n"
        "assert not [m for m in sys.modules if m.startswith('lint.engine')], 'import lint'\n"
        "from lint.engine.engine import Engine\n"
        "from lint.engine.rules import builtin_dir, load_rules\n"
        "Engine(load_rules([builtin_dir()], ['duplicated-paragraph', 'readability']))\n"
        "assert not [m for m in sys.modules if m.startswith('lint.tracking')], 'engine'\n"
        "assert lint.lint_paths and lint.Run and lint.lint_texts\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("model", ["absent.json", "broken.json"])
def test_a_bad_tracking_model_stops_the_run_before_any_document_is_read(
    tmp_path, monkeypatch, capsys, model
):
    write(tmp_path / "broken.json", '{"format": "newslint-tracking-model", "features": []}')
    write(tmp_path / "newslint.yaml", f'originals: ["o_*.txt"]\ntracking-model: {model}\n')
    write(tmp_path / "o_1.txt", "Headline\n\nThe council met on Monday, officials said.\n")
    write(tmp_path / "bad.txt", b"\xff\xfe not UTF-8 \xff")

    def reader(*_args, **_kwargs):
        raise AssertionError("a document was read")

    monkeypatch.setattr(run_module, "read_sources", reader)
    monkeypatch.setattr(run_module, "split_sources", reader)
    code = cli.main(["check", str(tmp_path), "--no-cache"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith("newslint: error: ")
    assert model in err and "bad.txt" not in err
