"""The real command in a subprocess: what ruff and Vale users reach for (issue 15). Silent cases
that now say what happened, ignore files, --exclude, --show-files/--show-settings, stdin, colour,
--quiet, did-you-mean, source context, rules --format json, --statistics, JUnit info findings,
--changed-since, and the rdjson and jsonl formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import cli_env, write

pytestmark = pytest.mark.slow  # the real command in subprocesses

DUPLICATED = (
    "Council approves budget\n"
    "The council approved a budget of four million pounds on Tuesday.\n"
    "The council approved a budget of four million pounds on Tuesday.\n"
)
INFLATED = "{title}\nThe heart-wrenching scenes were a stark reminder for the town.\n"
VAGUE = "Fighting spreads\nReports suggest that 140 fighters were killed.\n"
NO_WARNINGS = ("--select", "stylistic-inflation")


def _cli(
    tmp_path: Path, *args: str, cwd: Path, stdin: str | None = None, **env: str
) -> tuple[int, str, str]:
    """The command with ``stdin`` and extra environment variables (run_cli has neither)."""
    environ = {k: v for k, v in cli_env(tmp_path / "cli-cache").items() if k != "NO_COLOR"}
    proc = subprocess.run(
        [sys.executable, "-m", "lint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**environ, **env},
    )
    return proc.returncode, proc.stdout, proc.stderr


def _paths(out: str) -> list[str]:
    return sorted({f["path"] for f in json.loads(out)})


# silent cases


def test_no_articles_warns_and_strict_exits_two(run_cli, tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, err = run_cli("check", "empty", cwd=tmp_path)
    assert (code, out) == (0, "No findings.\n")
    assert err.startswith("newslint: warning: no articles found under empty ")
    code, _, err = run_cli("check", "empty", "--strict", cwd=tmp_path)
    assert code == 2 and "newslint: error: --strict: the run gave warnings" in err
    code, _, err = run_cli("check", "empty", "--quiet", cwd=tmp_path)
    assert (code, err) == (0, "")


def test_missing_path_is_an_error_naming_it(run_cli, tmp_path):
    code, out, err = run_cli("check", "nope", cwd=tmp_path)
    assert (code, out) == (2, "")  # not "No findings.": nothing was linted
    assert err == "newslint: error: nope: no such file or directory\n"


def test_originals_glob_that_matches_nothing_is_named(run_cli, tmp_path):
    write(tmp_path / "newslint.yaml", 'originals: ["originals/*.txt"]\n')
    write(tmp_path / "originals" / "o.txt", DUPLICATED)
    write(tmp_path / "rewrites" / "r.txt", DUPLICATED)
    code, _, err = run_cli("check", "rewrites", "--select", "off-source", cwd=tmp_path)
    assert code == 0
    assert err == (
        "newslint: warning: originals glob 'originals/*.txt' (newslint.yaml) matched no file "
        "that was read; off-source had no declared original to compare with (lint the "
        "originals too, or give --corpus-root)\n"
    )
    for args in (["rewrites", "originals"], ["rewrites", "--corpus-root", "."]):
        _, _, err = run_cli("check", *args, "--select", "off-source", cwd=tmp_path)
        assert err == "", args
    # a mistyped --originals glob is named too
    _, _, err = run_cli(
        "check", ".", "--originals", "orignals/*", "--select", "off-source", cwd=tmp_path
    )
    assert "originals glob 'orignals/*'" in err
    assert run_cli("check", "rewrites", "--select", "off-source", "--strict", cwd=tmp_path)[0] == 2


# which files


def test_gitignore_and_newslintignore_are_respected(run_cli, tmp_path):
    (tmp_path / ".git").mkdir()  # the repository root: ignore files above a named folder count
    write(tmp_path / ".gitignore", "README.md\nbuild/\n")
    write(tmp_path / "corpus" / ".newslintignore", "drafts/*\n!drafts/keep.txt\n")
    for path in ("README.md", "build/x.txt", "corpus/a.txt", "corpus/drafts/b.txt"):
        write(tmp_path / path, INFLATED.format(title=path))
    write(tmp_path / "corpus" / "drafts" / "keep.txt", INFLATED.format(title="Keep"))
    expected = "corpus/a.txt\ncorpus/drafts/keep.txt\n"
    assert run_cli("check", ".", "--show-files", cwd=tmp_path)[1] == expected
    _, out, _ = run_cli("check", "corpus", "--format", "json", *NO_WARNINGS, cwd=tmp_path)
    assert _paths(out) == ["corpus/a.txt", "corpus/drafts/keep.txt"]
    # a file named on the command line is linted all the same, as ruff does
    _, out, _ = run_cli("check", "README.md", "--format", "json", *NO_WARNINGS, cwd=tmp_path)
    assert _paths(out) == ["README.md"]


def test_exclude_and_extend_exclude_on_the_command_line(run_cli, tmp_path):
    write(tmp_path / "newslint.yaml", 'exclude: ["drafts/"]\nextend-exclude: ["*.tmp.txt"]\n')
    for path in ("drafts/a.txt", "desk/b.txt", "desk/c.tmp.txt", "wire/d.txt"):
        write(tmp_path / path, INFLATED.format(title=path))

    def files(*args: str) -> list[str]:
        code, out, _ = run_cli("check", ".", "--show-files", *args, cwd=tmp_path)
        assert code == 0
        return out.split()

    assert files() == ["desk/b.txt", "wire/d.txt"]
    # --exclude replaces `exclude` (not `extend-exclude`), --extend-exclude adds to both
    assert files("--exclude", "wire") == ["desk/b.txt", "drafts/a.txt"]
    assert files("--extend-exclude", "wire/,desk/b.txt") == []
    _, out, _ = run_cli("check", ".", "--exclude", "desk", "--format", "json", cwd=tmp_path)
    assert _paths(out) == ["drafts/a.txt", "wire/d.txt"]


def test_show_settings(run_cli, tmp_path):
    write(tmp_path / "newslint.yaml", "select: [stylistic-inflation]\nfail-on: error\n")
    write(tmp_path / "a.txt", DUPLICATED)
    code, out, _ = run_cli("check", ".", "--show-settings", "--format", "json", cwd=tmp_path)
    (settings,) = json.loads(out)
    assert code == 0
    assert settings["config"] == "newslint.yaml" or settings["config"].endswith("/newslint.yaml")
    assert (settings["rules"], settings["fail-on"], settings["files"]) == (
        ["stylistic-inflation"],
        "error",
        1,
    )
    _, out, _ = run_cli(
        "check", ".", "--show-settings", "--extend-select", "off-source", cwd=tmp_path
    )
    assert 'rules            ["off-source", "stylistic-inflation"]' in out


# stdin


def test_stdin_with_a_filename_uses_its_configuration(tmp_path):
    write(tmp_path / "news" / "newslint.yaml", "select: [duplicated-paragraph]\n")
    code, out, err = _cli(
        tmp_path, "check", "-", "--stdin-filename", "news/a.txt", cwd=tmp_path, stdin=DUPLICATED
    )
    assert (code, err) == (1, "")
    assert out == (
        "news/a.txt:3:1: duplicated-paragraph [error] paragraph duplicates news/a.txt:2 "
        "(earlier in this document)\nFound 1 finding (1 error) in 1 file.\n"
    )
    code, out, _ = _cli(tmp_path, "check", "-", "--format", "json", cwd=tmp_path, stdin=DUPLICATED)
    assert code == 1 and _paths(out) == ["-"]
    records = '{"id": "a", "text": "Fine."}\n{broken\n'
    _, out, _ = _cli(
        tmp_path,
        "check",
        "-",
        "--stdin-filename",
        "x.jsonl",
        "--format",
        "json",
        cwd=tmp_path,
        stdin=records,
    )
    assert [f["rule"] for f in json.loads(out)] == ["unreadable-file"]
    code, _, err = _cli(tmp_path, "check", "-", "news", cwd=tmp_path, stdin="")
    assert code == 2 and "cannot be combined" in err


# output


def test_color_auto_always_never_and_no_color(tmp_path):
    write(tmp_path / "a.txt", DUPLICATED)
    args = ("check", "a.txt", "--select", "duplicated-paragraph")
    plain = _cli(tmp_path, *args, cwd=tmp_path)[1]  # auto: stdout is a pipe here
    assert "\033[" not in plain
    coloured = _cli(tmp_path, *args, "--color", "always", cwd=tmp_path)[1]
    assert coloured.startswith("\033[1ma.txt\033[0m:3:1: \033[31m\033[1mduplicated-paragraph")
    assert _cli(tmp_path, *args, "--color", "always", cwd=tmp_path, NO_COLOR="1")[1] == coloured
    assert _cli(tmp_path, *args, cwd=tmp_path, FORCE_COLOR="1")[1] == coloured
    assert _cli(tmp_path, *args, cwd=tmp_path, FORCE_COLOR="1", NO_COLOR="1")[1] == plain
    assert _cli(tmp_path, *args, "--color", "never", cwd=tmp_path, FORCE_COLOR="1")[1] == plain
    # never into a file
    _cli(tmp_path, *args, "--color", "always", "--output", "r.txt", cwd=tmp_path)
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == plain


def test_quiet_prints_findings_only(run_cli, tmp_path):
    write(tmp_path / "a.txt", DUPLICATED)
    code, out, _ = run_cli("check", "a.txt", "-q", "--select", "duplicated-paragraph", cwd=tmp_path)
    assert code == 1 and out.splitlines() == [
        "a.txt:3:1: duplicated-paragraph [error] paragraph duplicates a.txt:2 "
        "(earlier in this document)"
    ]
    write(tmp_path / "b.txt", "Library hours change\nThe library opens early.\n")
    assert run_cli("check", "b.txt", "--quiet", cwd=tmp_path)[:2] == (0, "")


def test_did_you_mean_for_options_choices_commands_and_rule_ids(run_cli, tmp_path):
    write(tmp_path / "a.txt", DUPLICATED)
    cases = {
        ("check", "a.txt", "--selct", "x"): "unrecognized arguments: --selct x "
        "(did you mean '--select'?)",
        ("check", "a.txt", "--statistcs"): "(did you mean '--statistics'?)",
        ("check", "a.txt", "--format", "sariff"): "(did you mean 'sarif'?)",
        ("chek", "a.txt"): "invalid choice: 'chek'",
        ("check", "a.txt", "--select", "duplicated-paragraf"): "--select: unknown rule id "
        "'duplicated-paragraf' (did you mean 'duplicated-paragraph'?)",
        ("check", "a.txt", "--ignore", "vague-atribution"): "(did you mean 'vague-attribution'?)",
        ("explain", "off-sorce"): "unknown rule 'off-sorce' (did you mean 'off-source'?)",
    }
    for args, expected in cases.items():
        code, _, err = run_cli(*args, cwd=tmp_path)
        assert code == 2 and expected in err, (args, err)
    assert "did you mean 'check'" in run_cli("chek", cwd=tmp_path)[2]
    write(tmp_path / "cfg" / "newslint.yaml", "ignore: [readabilty]\n")
    write(tmp_path / "cfg" / "b.txt", DUPLICATED)
    err = run_cli("check", "cfg", cwd=tmp_path)[2]
    assert "ignore: unknown rule id 'readabilty' (did you mean 'readability'?)" in err


def test_show_source_underlines_the_span(run_cli, tmp_path):
    text = "Storm hits coast\nOfficials said the heart-wrenching scenes shocked the town.\n"
    write(tmp_path / "a.txt", "\ufeff" + text)
    _, out, _ = run_cli(
        "check", "a.txt", "--show-source", "--select", "stylistic-inflation", cwd=tmp_path
    )
    lines = out.splitlines()
    assert lines[0].startswith("a.txt:2:20: stylistic-inflation [warning] 'heart-wrenching'")
    assert lines[1] == "   2 | Officials said the heart-wrenching scenes shocked the town."
    assert lines[2] == "     |                    ^^^^^^^^^^^^^^^"
    long = "Storm hits coast\n" + "The council met. " * 10 + "It was heart-wrenching. " + "x " * 60
    write(tmp_path / "b.txt", long + "\n")
    _, out, _ = run_cli(
        "check", "b.txt", "--show-source", "--select", "stylistic-inflation", cwd=tmp_path
    )
    source, carets = out.splitlines()[1:3]
    assert source.startswith("   2 | …") and source.endswith("…")
    assert source[carets.index("^") :].startswith("heart-wrenching")


def test_rules_format_json(run_cli):
    code, out, _ = run_cli("rules", "--format", "json")
    rules = {r["id"]: r for r in json.loads(out)}
    assert code == 0
    assert rules["off-source"]["level"] == "pair"
    assert rules["duplicated-paragraph"]["severity"] == "error"
    assert set(rules["readability"]) == {"id", "kind", "severity", "level", "what", "why"}


def test_statistics_print_counts_only_also_as_json(run_cli, tmp_path):
    write(tmp_path / "a.txt", DUPLICATED)
    write(tmp_path / "b.txt", INFLATED.format(title="Storm hits coast"))
    args = ("check", ".", "--statistics", "--select", "duplicated-paragraph,stylistic-inflation")
    code, out, _ = run_cli(*args, cwd=tmp_path)
    assert code == 1
    assert out == (
        "     2  stylistic-inflation          [warning]\n"
        "     1  duplicated-paragraph         [error]\n"
    )
    code, out, _ = run_cli(*args, "--format", "json", cwd=tmp_path)
    assert json.loads(out) == [
        {"rule": "stylistic-inflation", "severity": "warning", "count": 2},
        {"rule": "duplicated-paragraph", "severity": "error", "count": 1},
    ]


def test_junit_info_findings_are_skipped_not_failures(run_cli, tmp_path):
    write(tmp_path / "a.txt", VAGUE)  # one info finding
    code, out, _ = run_cli("check", "a.txt", "--format", "junit", cwd=tmp_path)
    assert code == 0
    assert 'failures="0"' in out and 'skipped="1"' in out and "<skipped message=" in out
    code, out, _ = run_cli("check", "a.txt", "--format", "junit", "--fail-on", "info", cwd=tmp_path)
    assert code == 1 and 'failures="1"' in out and "<skipped" not in out


def test_rdjson_and_jsonl(run_cli, tmp_path):
    write(tmp_path / "a.txt", "Storm hits coast\nÀ Paris, the heart-wrenching scenes ended.\n")
    args = ("check", "a.txt", "--select", "stylistic-inflation")
    _, out, _ = run_cli(*args, "--format", "rdjson", cwd=tmp_path)
    result = json.loads(out)
    assert result["source"]["name"] == "newslint"
    (diagnostic,) = result["diagnostics"]
    # 'À' is two bytes in UTF-8: the code-point columns 14 to 29 are byte columns 15 to 30
    assert diagnostic["location"] == {
        "path": "a.txt",
        "range": {"start": {"line": 2, "column": 15}, "end": {"line": 2, "column": 30}},
    }
    assert (diagnostic["severity"], diagnostic["code"]) == (
        "WARNING",
        {"value": "stylistic-inflation"},
    )
    _, out, _ = run_cli(*args, "--format", "jsonl", cwd=tmp_path)
    (line,) = out.splitlines()
    assert (json.loads(line)["column"], json.loads(line)["end_column"]) == (14, 29)


# --changed-since


def _git(repo: Path, *args: str) -> None:
    who = ["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *who, *args], cwd=repo, check=True, capture_output=True)


def test_changed_since_lints_changed_files_against_the_whole_corpus(run_cli, tmp_path):
    repo = tmp_path / "repo"
    for n in range(5):
        write(repo / "corpus" / f"old{n}.txt", INFLATED.format(title=f"Storm {n} hits coast"))
    write(repo / "corpus" / "base.txt", DUPLICATED.replace("Council", "Mayor"))
    _git(repo, "init", "-q", ".")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "corpus")
    # a new article copying a committed one, and an untracked one
    write(repo / "corpus" / "new.txt", "Mayor approves budget\nUnrelated text here.\n")
    write(repo / "corpus" / "old1.txt", INFLATED.format(title="Storm 1 hits the coast"))
    _git(repo, "add", "corpus/new.txt")
    args = ("check", "corpus", "--changed-since", "HEAD", "--format", "json")
    code, out, err = run_cli(*args, cwd=repo)
    findings = json.loads(out)
    assert _paths(out) == ["corpus/new.txt", "corpus/old1.txt"], err
    headline = [f for f in findings if f["rule"] == "repeated-headline"]
    assert headline and headline[0]["message"].endswith("corpus/base.txt:1 (in another document)")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "more")
    code, out, err = run_cli(*args, cwd=repo)
    assert (code, json.loads(out)) == (0, [])
    assert "no article under corpus changed since HEAD" in err
    code, _, err = run_cli("check", "corpus", "--changed-since", "no-such-ref", cwd=repo)
    assert code == 2 and err.startswith("newslint: error: --changed-since: ")


def test_an_ignore_file_line_git_would_skip_is_skipped(run_cli, tmp_path):
    write(tmp_path / ".newslintignore", "!\ndrafts/\n")
    write(tmp_path / "a.txt", INFLATED.format(title="A"))
    write(tmp_path / "drafts" / "b.txt", INFLATED.format(title="B"))
    assert run_cli("check", ".", "--show-files", cwd=tmp_path)[1] == "a.txt\n"
