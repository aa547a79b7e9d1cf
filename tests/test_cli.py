"""The real command in a subprocess: exit codes, formats, selection, bad input."""

from __future__ import annotations

import json

from conftest import SEEDS
from conftest import write as _write

CLEAN = "Council approves budget\nThe council approved the budget on Tuesday.\n"
DUPLICATED = (
    "Council approves budget\n"
    "The council approved a budget of four million pounds on Tuesday.\n"
    "The council approved a budget of four million pounds on Tuesday.\n"
)


def test_clean_file_exits_zero(run_cli, tmp_path):
    _write(tmp_path / "a.txt", CLEAN)
    code, out, err = run_cli("check", str(tmp_path))
    assert (code, err) == (0, "")
    assert out.strip() == "No findings."


def test_findings_exit_one_with_lint_style_lines(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", DUPLICATED)
    code, out, _ = run_cli("check", str(path), "--select", "duplicated-paragraph")
    assert code == 1
    first = out.splitlines()[0]
    assert first == (
        f"{path.as_posix()}:3:1: duplicated-paragraph [error] "
        f"paragraph duplicates {path.as_posix()}:2 (earlier in this document)"
    )
    assert out.splitlines()[-1] == "Found 1 finding (1 error) in 1 file."


def test_json_format(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", DUPLICATED)
    code, out, _ = run_cli(
        "check", str(path), "--format", "json", "--select", "duplicated-paragraph"
    )
    assert code == 1
    (finding,) = json.loads(out)
    assert finding == {
        "path": path.as_posix(),
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 65,
        "rule": "duplicated-paragraph",
        "severity": "error",
        "message": f"paragraph duplicates {path.as_posix()}:2 (earlier in this document)",
        "data": {"first": {"path": path.as_posix(), "line": 2, "column": 1}, "similarity": 1.0},
    }


def test_python_dash_m_matches_console_script(run_cli):
    code, out, _ = run_cli("check", str(SEEDS), "--format", "json")
    assert code == 1
    assert len(json.loads(out)) > 10


def test_fail_on_and_exit_zero(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", DUPLICATED)
    assert run_cli("check", str(path), "--exit-zero")[0] == 0
    # readability findings are info: with fail-on error, only errors fail the run
    code, _, _ = run_cli(
        "check", str(path), "--select", "duplicated-paragraph", "--fail-on", "error"
    )
    assert code == 1


def test_ignore_and_statistics(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", DUPLICATED)
    _, out, _ = run_cli("check", str(path), "--ignore", "duplicated-paragraph", "--statistics")
    assert "duplicated-paragraph" not in out
    _code, out, _ = run_cli("check", str(SEEDS), "--statistics")
    assert "     2  duplicated-paragraph" in out  # two runs of four copies


def test_unknown_rule_in_select_is_a_usage_error(run_cli, tmp_path):
    _write(tmp_path / "a.txt", CLEAN)
    code, out, err = run_cli("check", str(tmp_path), "--select", "no-such-rule")
    assert code == 2 and out == ""
    assert err.strip() == "newslint: error: --select: unknown rule id 'no-such-rule'"


def test_bad_inputs_are_reported_and_others_still_linted(run_cli, tmp_path):
    _write(tmp_path / "a_binary.txt", b"\x00\x01\x02binary")
    _write(tmp_path / "b_latin1.txt", "Caf\xe9 opens\n".encode("latin-1"))
    _write(tmp_path / "c_empty.txt", "")
    _write(tmp_path / "d_records.jsonl", '{"id": "r1", "text": "Fine."}\n{not json\n')
    good = _write(tmp_path / "e_good.txt", DUPLICATED)
    code, out, err = run_cli("check", str(tmp_path), "--select", "duplicated-paragraph")
    assert (code, err) == (1, "")  # bad input is a finding (of rules not selected here)
    assert out.startswith(f"{good.as_posix()}:3:1: duplicated-paragraph [error] ")
    select = "duplicated-paragraph,unreadable-file,empty-document"
    code, out, err = run_cli("check", str(tmp_path), "--select", select)
    assert (code, err) == (1, "") and "Traceback" not in out
    root = tmp_path.as_posix()
    assert out.splitlines()[:5] == [
        f"{root}/a_binary.txt:1:1: unreadable-file [error] binary file (a NUL byte at byte 0), "
        "not a text article",
        f"{root}/b_latin1.txt:1:1: unreadable-file [error] cannot decode as UTF-8 at byte 3 "
        "(invalid continuation byte); save the file as UTF-8",
        f"{root}/c_empty.txt:1:1: empty-document [warning] the article is empty",
        f"{root}/d_records.jsonl:2:1: unreadable-file [error] malformed JSON (Expecting property "
        "name enclosed in double quotes at column 2); the record was not linted",
        f"{good.as_posix()}:3:1: duplicated-paragraph [error] "
        + out.splitlines()[4].split("] ")[1],
    ]


def test_crlf_and_bom(run_cli, tmp_path):
    text = (
        "\ufeffCouncil approves budget\r\n"
        + "The council approved a budget of four million.\r\n" * 2
    )
    path = _write(tmp_path / "a.txt", text.encode("utf-8"))
    _code, out, _ = run_cli(
        "check", str(path), "--select", "duplicated-paragraph", "--format", "json"
    )
    (finding,) = json.loads(out)
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 1, 47)


def test_jsonl_findings_point_at_the_record_line(run_cli, tmp_path):
    records = [
        {"id": "a", "title": "Council approves budget", "text": "The council met.\n"},
        {"id": "b", "title": "Council approves budget", "text": "The council voted.\n"},
    ]
    path = _write(tmp_path / "c.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    _code, out, _ = run_cli("check", str(path), "--select", "repeated-headline", "--format", "json")
    (finding,) = json.loads(out)
    assert finding["line"] == 2 and finding["data"]["record"] == "b"
    assert finding["message"] == f"headline repeats {path.as_posix()}:1 (in another document)"


def test_broken_rule_file_stops_before_reading(run_cli, tmp_path):
    rules = tmp_path / "rules"
    _write(rules / "my-rule.yaml", "id: my-rule\nkind: pattern\nseverity: warning\n  bad: [\n")
    _write(tmp_path / "newslint.yaml", "rule-dirs: [rules]\n")
    _write(tmp_path / "a.txt", CLEAN)
    code, out, err = run_cli("check", str(tmp_path / "a.txt"))
    assert code == 2 and out == ""
    assert err.startswith(f"newslint: error: {(rules / 'my-rule.yaml').as_posix()}:")
    assert "YAML syntax error" in err


def test_rule_file_errors_name_the_key(run_cli, tmp_path):
    cases = {
        "unknown-key": ("colour: red\n", "colour: unknown key"),
        "bad-regex": ("options: {pattern: '(unclosed'}\n", "options:"),
        "bad-kind": (None, "kind: unknown kind 'nope'"),
    }
    for rule_id, (extra, expected) in cases.items():
        kind = "nope" if extra is None else "pattern"
        body = (
            f"id: {rule_id}\nkind: {kind}\nseverity: warning\nmessage: m\n"
            "docs: {what: w, why: y, fail: f, pass: p}\n" + (extra or "options: {pattern: x}\n")
        )
        directory = tmp_path / rule_id
        _write(directory / "rules" / f"{rule_id}.yaml", body)
        _write(directory / "newslint.yaml", "rule-dirs: [rules]\n")
        _write(directory / "a.txt", CLEAN)
        code, _, err = run_cli("check", str(directory))
        assert code == 2, rule_id
        assert expected in err, (rule_id, err)


def test_user_rule_from_config(run_cli, tmp_path):
    _write(
        tmp_path / "rules" / "no-breaking.yaml",
        "id: no-breaking\nkind: pattern\nseverity: warning\nscope: headline\n"
        "message: \"'{match}' in a headline\"\noptions: {pattern: '(?i)\\bbreaking\\b'}\n"
        "docs: {what: w, why: y, fail: 'BREAKING news', pass: 'News'}\n",
    )
    _write(tmp_path / "newslint.yaml", "rule-dirs: [rules]\nselect: [no-breaking]\n")
    path = _write(tmp_path / "a.txt", "BREAKING: council approves budget\nThe council met.\n")
    code, out, _ = run_cli("check", str(path))
    assert code == 1
    assert out.splitlines()[0].endswith("no-breaking [warning] 'BREAKING' in a headline")


def test_rules_and_explain(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0
    assert any(
        line.split()[:3] == ["duplicated-paragraph", "duplicates", "error"]
        for line in out.splitlines()
    )
    code, out, _ = run_cli("explain", "repeated-headline")
    assert code == 0 and "Why it matters" in out and "Port strike" in out
    assert run_cli("explain", "nope")[0] == 2
