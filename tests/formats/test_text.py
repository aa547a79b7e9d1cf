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
