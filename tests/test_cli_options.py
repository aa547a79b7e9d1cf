"""The real command in a subprocess: --output with every format, --fail-on, --exit-zero,
--extend-select, per-file-ignores and exclude."""

from __future__ import annotations

import json

import pytest
from conftest import write

from lint.formats import FORMATS

FLAGGED = (
    "Council approves budget\n"
    "The council approved a budget of four million pounds on Tuesday, officials said.\n"
    "The council approved a budget of four million pounds on Tuesday, officials said.\n"
    "The heart-wrenching scenes were a stark reminder, the mayor said.\n"
)
INFLATED = "{title}\nThe heart-wrenching scenes were a stark reminder, the mayor said.\n"
VAGUE = "{title}\nReports suggest that 140 fighters were killed.\n"


def _rules_in(out: str) -> list[str]:
    return sorted({f["rule"] for f in json.loads(out)})


def _paths_in(out: str) -> list[str]:
    return sorted({f["path"] for f in json.loads(out)})


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_output_file_holds_what_stdout_would(run_cli, tmp_path, fmt):
    write(tmp_path / "news" / "a.txt", FLAGGED)
    code, expected, _ = run_cli("check", "news", "--format", fmt, cwd=tmp_path)
    target = tmp_path / "reports" / "deep" / f"newslint.{fmt}"  # folders are created
    code_to_file, out, err = run_cli(
        "check", "news", "--format", fmt, "--output", str(target), cwd=tmp_path
    )
    assert (code, code_to_file, out, err) == (1, 1, "", "")
    assert target.read_text(encoding="utf-8") == expected
    assert expected.strip()


def test_output_that_cannot_be_written_is_an_error(run_cli, tmp_path):
    write(tmp_path / "a.txt", FLAGGED)
    blocker = write(tmp_path / "file", "not a folder")
    code, out, err = run_cli("check", "a.txt", "--output", str(blocker / "r.txt"), cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.startswith(f"newslint: error: --output: cannot write {blocker.as_posix()}/r.txt (")
    assert "Traceback" not in err


def test_fail_on_from_the_command_line_and_the_configuration(run_cli, tmp_path):
    write(tmp_path / "a.txt", VAGUE.format(title="Fighting spreads"))  # one info finding
    assert run_cli("check", "a.txt", cwd=tmp_path)[0] == 0  # default fail-on: warning
    assert run_cli("check", "a.txt", "--fail-on", "info", cwd=tmp_path)[0] == 1
    write(tmp_path / "newslint.yaml", "fail-on: info\n")
    assert run_cli("check", "a.txt", cwd=tmp_path)[0] == 1
    assert run_cli("check", "a.txt", "--fail-on", "warning", cwd=tmp_path)[0] == 0
    assert run_cli("check", "a.txt", "--exit-zero", cwd=tmp_path)[0] == 0


def test_each_folder_fails_on_its_own_threshold(run_cli, tmp_path):
    write(tmp_path / "strict" / "newslint.yaml", "fail-on: info\n")
    write(tmp_path / "strict" / "a.txt", "Library hours change\nThe library opens early.\n")
    write(tmp_path / "lenient" / "newslint.yaml", "fail-on: error\n")
    write(tmp_path / "lenient" / "b.txt", INFLATED.format(title="Storm hits coast"))
    code, out, _ = run_cli("check", "strict", "lenient", "--format", "json", cwd=tmp_path)
    assert _rules_in(out) == ["stylistic-inflation"]
    assert code == 0  # lenient's warnings do not fail because strict asks for info
    write(tmp_path / "strict" / "c.txt", VAGUE.format(title="Fighting spreads"))
    assert run_cli("check", "strict", "lenient", cwd=tmp_path)[0] == 1


def test_exit_zero_still_reports_and_errors_still_exit_two(run_cli, tmp_path):
    write(tmp_path / "a.txt", FLAGGED)
    code, out, _ = run_cli("check", "a.txt", "--exit-zero", cwd=tmp_path)
    assert code == 0 and "duplicated-paragraph" in out
    write(tmp_path / "b.txt", b"\x00binary")  # unreadable: a finding, which --exit-zero passes
    code, out, err = run_cli("check", ".", "--exit-zero", cwd=tmp_path)
    assert (code, err) == (0, "") and "b.txt:1:1: unreadable-file [error] binary file" in out
    assert run_cli("check", ".", cwd=tmp_path)[0] == 1
    assert run_cli("check", ".", "missing.txt", "--exit-zero", cwd=tmp_path)[0] == 2


def test_extend_select_adds_to_the_configured_selection(run_cli, tmp_path):
    write(tmp_path / "newslint.yaml", "select: [duplicated-paragraph]\n")
    write(tmp_path / "a.txt", FLAGGED)
    _, out, _ = run_cli("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert _rules_in(out) == ["duplicated-paragraph"]
    args = ["check", "a.txt", "--format", "json", "--extend-select", "stylistic-inflation"]
    _, out, _ = run_cli(*args, cwd=tmp_path)
    assert _rules_in(out) == ["duplicated-paragraph", "stylistic-inflation"]
    _, out, _ = run_cli(*args, "--ignore", "duplicated-paragraph", cwd=tmp_path)
    assert _rules_in(out) == ["stylistic-inflation"]


def test_per_file_ignores(run_cli, tmp_path):
    write(tmp_path / "newslint.yaml", 'per-file-ignores:\n  "wire/*": [stylistic-inflation]\n')
    write(tmp_path / "wire" / "a.txt", INFLATED.format(title="Storm hits coast"))
    write(tmp_path / "desk" / "b.txt", INFLATED.format(title="Flood hits town"))
    _, out, _ = run_cli(
        "check", ".", "--format", "json", "--select", "stylistic-inflation", cwd=tmp_path
    )
    assert _paths_in(out) == ["desk/b.txt"]
    # the same from inside the folder: globs are relative to the configuration file
    _, out, _ = run_cli("check", ".", "--select", "stylistic-inflation", cwd=tmp_path / "wire")
    assert out == "No findings.\n"


def test_exclude_folders_and_files_however_they_are_named(run_cli, tmp_path):
    write(tmp_path / "newslint.yaml", 'exclude: ["drafts", "*.tmp.txt"]\n')
    titles = {
        "drafts/a.txt": "Storm hits coast",
        "desk/drafts/b.txt": "Flood hits town",
        "desk/c.tmp.txt": "Fire hits city",
        "desk/d.txt": "Snow hits hills",
    }
    for path, title in titles.items():
        write(tmp_path / path, INFLATED.format(title=title))
    args = ("--format", "json", "--select", "stylistic-inflation")
    _, out, _ = run_cli("check", ".", *args, cwd=tmp_path)
    assert _paths_in(out) == ["desk/d.txt"]
    # named directly, an excluded file or folder is still excluded (pre-commit passes files)
    for path in ("drafts", "desk/drafts", "desk/drafts/b.txt", "desk/c.tmp.txt"):
        code, out, _ = run_cli("check", path, *args, cwd=tmp_path)
        assert (path, code, json.loads(out)) == (path, 0, [])
