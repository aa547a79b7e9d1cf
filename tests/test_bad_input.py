"""Bad input is a finding, not an exit: ``unreadable-file`` (error) and ``empty-document``
(warning), through the run pipeline and the real command; a missing path is still exit 2, and a
run with no article at all says so and exits 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write
from generated import make_files

import lint
from lint.core.finding import Finding, Severity
from lint.engine.parallel import MIN_DOCUMENTS_PER_WORKER
from lint.io import sources
from lint.io.signing import verified

GOOD = "Council approves budget\n\nThe council approved its budget on Tuesday, the mayor said.\n"
BAD_RULES = ("unreadable-file", "empty-document")


def _corpus(root: Path) -> Path:
    """One file of each kind of bad input, and a good one."""
    write(root / "a_binary.txt", b"Council\x00\x01binary")
    write(root / "b_latin1.txt", "Café opens\n".encode("latin-1"))
    write(root / "c_empty.txt", "")
    write(root / "d_blank.txt", "  \n\t\n")
    write(root / "e_front.md", "---\ntitle: Budget\ntags: [a, b\n---\nThe council met.\n")
    records = [
        '{"id": "r1", "text": "The council approved its budget on Tuesday."}',
        "{not json",
        '{"id": "r3", "body2": "no text field"}',
        '{"id": "r4", "text": ""}',
    ]
    write(root / "f_feed.jsonl", "\n".join(records) + "\n")
    write(root / "g_good.txt", GOOD)
    return root


def _lines(findings: tuple[Finding, ...] | list[Finding], root: Path) -> list[str]:
    prefix = root.as_posix() + "/"
    return [
        f"{f.path.removeprefix(prefix)}:{f.line}:{f.column}: {f.rule} [{f.severity.label}] "
        f"{f.message}"
        for f in findings
    ]


EXPECTED = [
    "a_binary.txt:1:1: unreadable-file [error] binary file (a NUL byte at byte 7), "
    "not a text article",
    "b_latin1.txt:1:1: unreadable-file [error] cannot decode as UTF-8 at byte 3 "
    "(invalid continuation byte); save the file as UTF-8",
    "c_empty.txt:1:1: empty-document [warning] the article is empty",
    "d_blank.txt:1:1: empty-document [warning] the article is empty",
    "e_front.md:4:1: unreadable-file [error] invalid YAML front matter (did not find expected "
    "',' or ']'); fix it to lint the article",
    "f_feed.jsonl:2:1: unreadable-file [error] malformed JSON (Expecting property name enclosed "
    "in double quotes at column 2); the record was not linted",
    'f_feed.jsonl:3:1: unreadable-file [error] the record has no text field ("text" or "body"); '
    "the record was not linted",
    "f_feed.jsonl:4:1: empty-document [warning] the article is empty",
]


def _options(**more: object) -> lint.Options:
    return lint.Options(select=BAD_RULES, **more)  # type: ignore[arg-type]


# -- the run pipeline -------------------------------------------------------------------------


def test_every_bad_input_is_a_finding_at_its_line(tmp_path):
    root = _corpus(tmp_path / "c")
    run = lint.lint_paths([str(root)], _options())
    assert run.errors == () and run.warnings == ()
    assert _lines(run.findings, root) == EXPECTED


def test_bad_input_does_not_stop_the_other_rules(tmp_path):
    root = _corpus(tmp_path / "c")
    paragraph = "The council approved a budget of four million pounds on Tuesday night."
    write(root / "h_dup.txt", f"Headline\n\n{paragraph}\n\n{paragraph}\n")
    run = lint.lint_paths([str(root)], lint.Options())
    rules = {(Path(f.path).name, f.rule) for f in run.findings}
    assert ("h_dup.txt", "duplicated-paragraph") in rules
    assert ("a_binary.txt", "unreadable-file") in rules
    # an empty document is reported once, by empty-document only
    assert {r for name, r in rules if name in ("c_empty.txt", "d_blank.txt")} == {"empty-document"}
    assert not [f for f in run.findings if f.rule == "internal-error"]


def test_a_file_that_cannot_be_opened(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", GOOD)
    write(tmp_path / "ok.txt", GOOD)
    real = sources.read_regular

    def read_regular(path: Path) -> bytes:
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(sources, "read_regular", read_regular)
    run = lint.lint_paths([str(tmp_path)], _options(cache=True, cache_dir=tmp_path / "cache"))
    assert _lines(run.findings, tmp_path) == [
        "locked.txt:1:1: unreadable-file [error] cannot read the file (Permission denied)"
    ]
    # never cached: once it can be read, it is linted
    monkeypatch.setattr(sources, "read_regular", real)
    again = lint.lint_paths([str(path)], _options(cache=True, cache_dir=tmp_path / "cache"))
    assert again.findings == ()


def test_lint_texts_takes_bytes_and_jsonl():
    texts: dict[str, str | bytes] = {
        "a.txt": b"\xff\xfe",
        "b.jsonl": '{"id": "x", "text": "Fine text."}\n[1]\n',
        "c.md": "---\n- not a mapping\n---\nText.\n",
        "d.txt": "   ",
        "e.txt": GOOD,
    }
    run = lint.lint_texts(texts, _options())
    assert run.errors == ()
    assert [(f.path, f.line, f.rule) for f in run.findings] == [
        ("a.txt", 1, "unreadable-file"),
        ("b.jsonl", 2, "unreadable-file"),
        ("c.md", 2, "unreadable-file"),
        ("d.txt", 1, "empty-document"),
    ]


def test_ignore_drops_them_and_the_config_sets_their_severity(tmp_path):
    root = _corpus(tmp_path / "c")
    run = lint.lint_paths([str(root)], _options(ignore=("unreadable-file",)))
    assert {f.rule for f in run.findings} == {"empty-document"}
    write(root / "newslint.yaml", "rules:\n  unreadable-file: {severity: warning}\n")
    run = lint.lint_paths([str(root)], _options())
    assert {f.severity for f in run.findings} == {Severity.WARNING}
    assert len(run.findings) == len(EXPECTED)


def test_per_file_ignores_apply(tmp_path):
    root = _corpus(tmp_path / "c")
    write(root / "newslint.yaml", 'per-file-ignores:\n  "*.jsonl": [unreadable-file]\n')
    run = lint.lint_paths([str(root)], _options())
    lines = _lines(run.findings, root)
    assert lines == [
        line for line in EXPECTED if not line.startswith(("f_feed.jsonl:2:", "f_feed.jsonl:3:"))
    ]
    texts = {"a.jsonl": "{oops\n", "b.txt": b"\x00"}
    config = write(
        tmp_path / "t" / "newslint.yaml", 'per-file-ignores:\n  "*.jsonl": [unreadable-file]\n'
    )
    run = lint.lint_texts(texts, _options(config=config))
    assert [f.path for f in run.findings] == ["b.txt"]


def test_an_inline_directive_cannot_reach_them():
    text = "<!-- newslint: disable-file=unreadable-file -->\n"  # in a file that cannot be read
    run = lint.lint_texts({"a.md": f"---\n: [\n---\n{text}"}, _options())
    assert [f.rule for f in run.findings] == ["unreadable-file"]


def test_jobs_2_gives_the_same_findings(tmp_path):
    root = make_files(tmp_path / "c", 2 * MIN_DOCUMENTS_PER_WORKER)
    _corpus(root / "part0")
    one = lint.lint_paths([str(root)], lint.Options(jobs=1))
    two = lint.lint_paths([str(root)], lint.Options(jobs=2))
    assert one.findings == two.findings
    assert [f.message for f in one.findings] == [f.message for f in two.findings]
    assert {f.rule for f in two.findings} >= set(BAD_RULES)


def test_cache_warm_run_gives_the_same_findings(tmp_path):
    root = _corpus(tmp_path / "c")
    options = lint.Options(cache=True, cache_dir=tmp_path / "cache")
    cold = lint.lint_paths([str(root)], options)
    warm = lint.lint_paths([str(root)], options)
    assert cold.findings == warm.findings and cold.findings
    assert [f.message for f in cold.findings] == [f.message for f in warm.findings]
    assert not warm.documents  # the finished findings came from the cache: nothing parsed
    stored = json.loads(verified(next((tmp_path / "cache").glob("*.json")).read_bytes()))
    assert any(root.as_posix() + "/b_latin1.txt" == slot for slot in stored["units"])
    # a severity override is a new rule set: its own cache, the new severity
    write(root / "newslint.yaml", "rules:\n  unreadable-file: {severity: info}\n")
    changed = lint.lint_paths([str(root)], options)
    assert Severity.INFO in {f.severity for f in changed.findings}


def test_no_articles_is_a_warning(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    run = lint.lint_paths([str(empty)])
    assert run.findings == () and run.errors == ()
    assert run.warnings == (
        f"no articles found under {empty.as_posix()} (no .txt, .md, .markdown, .jsonl or "
        ".parquet file that is not excluded); nothing was linted",
    )
    write(tmp_path / "all" / "newslint.yaml", "exclude: ['*.txt']\n")
    write(tmp_path / "all" / "a.txt", GOOD)
    assert lint.lint_paths([str(tmp_path / "all")]).warnings[0].startswith("no articles found")


def test_a_missing_path_is_still_an_error(tmp_path):
    run = lint.lint_paths([str(tmp_path / "nope")])
    assert run.errors == (f"{(tmp_path / 'nope').as_posix()}: no such file or directory",)
    assert run.warnings == ()


# -- the real command -------------------------------------------------------------------------


def test_cli_reports_bad_input_as_findings(run_cli, tmp_path):
    root = _corpus(tmp_path / "c")
    code, out, err = run_cli("check", ".", "--select", ",".join(BAD_RULES), cwd=root)
    assert (code, err) == (1, "")
    record = " (record r4, text line 1)"  # the text format names a JSONL record
    assert out.splitlines()[:-1] == [*EXPECTED[:-1], EXPECTED[-1] + record]
    assert out.splitlines()[-1] == "Found 8 findings (5 errors, 3 warnings) in 6 of 7 files."


@pytest.mark.parametrize("fmt", ["text", "json", "github", "gitlab", "junit", "sarif"])
def test_every_format_shows_the_unreadable_file(run_cli, tmp_path, fmt):
    write(tmp_path / "bad.txt", b"\xff not UTF-8")  # not a UTF-16 byte-order mark
    write(tmp_path / "good.txt", GOOD)
    code, out, err = run_cli("check", ".", "--format", fmt, cwd=tmp_path)
    assert (code, err) == (1, "")
    assert "unreadable-file" in out and "cannot decode as UTF-8 at byte 0" in out
    if fmt == "json":
        (finding,) = [f for f in json.loads(out) if f["rule"] == "unreadable-file"]
        assert (finding["path"], finding["line"], finding["severity"]) == ("bad.txt", 1, "error")


def test_cli_exit_zero_and_fail_on(run_cli, tmp_path):
    write(tmp_path / "bad.txt", b"\x00")
    assert run_cli("check", ".", "--exit-zero", cwd=tmp_path)[0] == 0
    assert run_cli("check", ".", "--fail-on", "error", cwd=tmp_path)[0] == 1
    assert run_cli("check", ".", "--ignore", "unreadable-file", cwd=tmp_path)[0:2] == (
        0,
        "No findings.\n",
    )
    (tmp_path / "bad.txt").unlink()
    write(tmp_path / "empty.txt", " \n")
    code, out, _ = run_cli("check", ".", "--fail-on", "error", cwd=tmp_path)
    assert code == 0 and "empty.txt:1:1: empty-document [warning] the article is empty" in out
    assert run_cli("check", ".", cwd=tmp_path)[0] == 1  # warnings fail by default


def test_cli_jobs_and_cache_give_the_same_output(run_cli, tmp_path):
    root = make_files(tmp_path / "c", 2 * MIN_DOCUMENTS_PER_WORKER)
    _corpus(root / "part1")
    cache = tmp_path / "cache"
    one = run_cli("check", str(root), "--no-cache", "--jobs", "1")
    two = run_cli("check", str(root), "--no-cache", "--jobs", "2")
    cold = run_cli("check", str(root), "--jobs", "2", cache_dir=cache)
    warm = run_cli("check", str(root), "--jobs", "2", cache_dir=cache)
    assert one == two == cold == warm
    assert one[0] == 1 and "unreadable-file" in one[1] and "empty-document" in one[1]


def test_cli_no_articles_and_missing_path(run_cli, tmp_path):
    (tmp_path / "empty").mkdir()
    code, out, err = run_cli("check", "empty", cwd=tmp_path)
    assert (code, out) == (0, "No findings.\n")
    assert err == (
        "newslint: warning: no articles found under empty (no .txt, .md, .markdown, .jsonl or "
        ".parquet file that is not excluded); nothing was linted\n"
    )
    code, out, err = run_cli("check", "nope", cwd=tmp_path)
    assert (code, out, err) == (2, "", "newslint: error: nope: no such file or directory\n")


def test_cli_rules_and_explain_know_them(run_cli):
    _, out, _ = run_cli("rules")
    assert "unreadable-file              unreadable   error" in out
    assert "empty-document               empty        warning" in out
    code, out, _ = run_cli("explain", "unreadable-file")
    assert code == 0 and "Examples are the file article.md" in out
    assert "Flagged\n    (only white space)" in run_cli("explain", "empty-document")[1]


def test_cli_fix_keeps_the_unreadable_finding(run_cli, tmp_path):
    write(tmp_path / "bad.txt", b"\xff")
    paragraph = "The council approved a budget of four million pounds on Tuesday night."
    good = write(tmp_path / "good.txt", f"Council approves budget\n\n{paragraph}\n\n{paragraph}\n")
    select = ("--select", "duplicated-paragraph,unreadable-file")
    code, out, err = run_cli("check", ".", "--fix", *select, cwd=tmp_path)
    assert (code, err) == (1, "")
    assert out == (
        "bad.txt:1:1: unreadable-file [error] cannot decode as UTF-8 at byte 0 (invalid start "
        "byte); save the file as UTF-8\nFound 1 finding (1 error) in 1 file.\n"
        "Fixed 1 finding in 1 file.\n"
    )
    assert good.read_text(encoding="utf-8").count(paragraph) == 1
