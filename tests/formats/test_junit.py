"""--format junit: one test suite per linted file, parsed back with ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import write
from format_helpers import CLEAN, FLAGGED, finding, report

from lint.core.finding import Severity
from lint.formats import Report
from lint.formats.junit_format import render


def _parse(text: str) -> ET.Element:
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    return ET.fromstring(text)


def test_a_suite_per_file_and_a_passing_case_for_a_clean_file(all_rules):
    findings = [finding(path="a.txt", line=2), finding(path="a.txt", line=5, rule="readability")]
    root = _parse(render(findings, report(all_rules, files=("b.txt", "a.txt"))))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "3", "2")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.txt", "b.txt"]
    assert [(s.get("tests"), s.get("failures")) for s in suites] == [("2", "2"), ("1", "0")]
    (passing,) = suites[1].findall("testcase")
    assert passing.find("failure") is None and passing.get("classname") == "b.txt"


def test_failure_carries_rule_severity_message_and_location(all_rules):
    one = finding(path="a.txt", line=7, column=3, severity=Severity.ERROR, message="dup")
    case = _parse(render([one], report(all_rules))).find("testsuite/testcase")
    assert case is not None
    assert (case.get("name"), case.get("classname"), case.get("line")) == (
        "stylistic-inflation at 7:3",
        "a.txt",
        "7",
    )
    failure = case.find("failure")
    assert failure is not None
    assert (failure.get("message"), failure.get("type")) == ("dup", "error")
    assert failure.text == "a.txt:7:3: stylistic-inflation [error] dup"


def test_markup_and_characters_xml_cannot_carry(all_rules):
    message = "'<b>' & \"quotes\"\nnext\x0bline\x00"
    root = _parse(render([finding(path="a&b.txt", message=message)], report(all_rules)))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "'<b>' & \"quotes\"\nnext\ufffdline\ufffd"
    assert root.find("testsuite").get("name") == "a&b.txt"


def test_findings_below_fail_on_are_skipped_not_failures(all_rules):
    info = finding(path="a.txt", line=3, severity=Severity.INFO, message="vague")
    warning = finding(path="a.txt", line=4)
    root = _parse(render([info, warning], report(all_rules)))
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("2", "1", "1")
    suite = root.find("testsuite")
    assert suite is not None and (suite.get("failures"), suite.get("skipped")) == ("1", "1")
    skipped, failed = suite.findall("testcase")
    outcome = skipped.find("skipped")
    assert outcome is not None and skipped.find("failure") is None
    assert outcome.get("message") == "vague" and outcome.text == (
        "a.txt:3:5: stylistic-inflation [info] vague"
    )
    assert failed.find("failure") is not None
    # the file's fail-on decides: with fail-on info the info finding fails, with error neither
    for fail_on, failures in ((Severity.INFO, "2"), (Severity.ERROR, "0")):
        context = Report.of(all_rules.values(), (), Path("/repo"), fail_on={"a.txt": fail_on})
        assert _parse(render([info, warning], context)).get("failures") == failures


def test_nothing_linted(all_rules):
    root = _parse(render([], report(all_rules)))
    assert (root.get("tests"), root.get("failures"), list(root)) == ("0", "0", [])


def test_cli_lists_every_linted_file(run_cli, tmp_path):
    write(tmp_path / "a.txt", FLAGGED)
    write(tmp_path / "b.txt", CLEAN)
    write(tmp_path / "c.txt", b"\x00binary")
    code, out, err = run_cli("check", ".", "--format", "junit", cwd=tmp_path)
    assert code == 1 and err == ""  # unreadable: a failing test case, not a passing suite
    suites = _parse(out).findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.txt", "b.txt", "c.txt"]
    unread = suites[2].findall("testcase")
    assert [c.get("name", "").split(" at ")[0] for c in unread] == ["unreadable-file"]
    assert "binary file" in unread[0].find("failure").get("message")
    rules = [c.get("name", "").split(" at ")[0] for c in suites[0].findall("testcase")]
    assert "duplicated-paragraph" in rules and "stylistic-inflation" in rules
    assert suites[1].get("failures") == "0"
