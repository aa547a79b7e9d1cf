"""--format text: lint-style lines and a summary."""

from __future__ import annotations

from format_helpers import finding, report

from lint.core.finding import Severity
from lint.formats.text_format import render


def test_lines_and_summary(all_rules):
    findings = [finding(severity=Severity.ERROR, message="dup"), finding(path="b.txt")]
    assert render(findings, report(all_rules)) == (
        "news/a.txt:2:5: stylistic-inflation [error] dup\n"
        "b.txt:2:5: stylistic-inflation [warning] 'stark' inflates the tone\n"
        "Found 2 findings (1 error, 1 warning) in 2 files.\n"
    )


def test_no_findings(all_rules):
    assert render([], report(all_rules, files=("a.txt",))) == "No findings.\n"


def test_control_characters_from_the_article_are_escaped(all_rules):
    """A message quotes article text (a pattern rule's ``{match}``, a record id): escape
    sequences, bidi overrides and line breaks in it are shown as escapes (issue 14)."""
    odd = finding(path="bell\x07.txt", message="found '\x1b[31mred\x1b[0m\u202etxt.exe\r\n'")
    assert render([odd], report(all_rules)).splitlines()[0] == (
        "bell\\x07.txt:2:5: stylistic-inflation [warning] "
        "found '\\x1b[31mred\\x1b[0m\\u202etxt.exe\\x0d\\x0a'"
    )


def test_show_source_escapes_the_line_and_keeps_the_carets_under_the_span(all_rules):
    from dataclasses import replace

    line = "A\tstark\x1b[2J claim"
    shown = finding(column=3, end_column=12)  # "stark\x1b[2J"
    context = replace(report(all_rules), show_source=True, lines=lambda p: ["", line])
    lines = render([shown], context)
    source, carets = lines.splitlines()[1:3]
    assert source == "   2 | A\\x09stark\\x1b[2J claim"
    assert "\x1b" not in lines and "\t" not in lines
    offset = source.index("stark")
    assert carets.index("^") == offset and carets.count("^") == len("stark\\x1b[2J")


def test_the_summary_says_how_many_of_the_checked_files_have_findings(all_rules):
    findings = [finding(severity=Severity.ERROR, message="dup"), finding(path="b.txt")]
    checked = ("news/a.txt", "b.txt", "c.txt")
    last = render(findings, report(all_rules, files=checked)).splitlines()[-1]
    assert last == "Found 2 findings (1 error, 1 warning) in 2 of 3 files."
    every = render(findings, report(all_rules, files=checked[:2])).splitlines()[-1]
    assert every == "Found 2 findings (1 error, 1 warning) in 2 files."
