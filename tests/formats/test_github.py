"""--format github: workflow commands, escaped as the Actions toolkit escapes them."""

from __future__ import annotations

from conftest import write
from format_helpers import FLAGGED, finding, readme_example, report
from hypothesis import given
from hypothesis import strategies as st

from lint.core.finding import Severity
from lint.core.terminal import CONTROL
from lint.formats.github_format import command, escape_data, escape_property, render


def _unescape_property(value: str) -> str:
    """What the runner does (ActionCommand.cs): the reverse replacements, %25 last."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def test_escaping_matches_the_toolkit():
    assert escape_data("50% up\r\nnext: a,b") == "50%25 up%0D%0Anext: a,b"
    assert escape_property("50% up\r\nnext: a,b") == "50%25 up%0D%0Anext%3A a%2Cb"
    assert escape_data("%0A") == "%250A"  # an already escaped-looking value stays literal


@given(st.text())
def test_property_escaping_round_trips_and_stays_on_one_line(text):
    escaped = escape_property(text)
    assert not {"\r", "\n", ":", ","} & set(escaped)
    assert CONTROL.search(escaped) is None  # nothing a terminal or the log viewer would act on
    if CONTROL.search(text.replace("\r", "").replace("\n", "")) is None:
        assert _unescape_property(escaped) == text


def test_control_characters_from_the_article_are_escaped(all_rules):
    """A message quotes article text: an escape sequence or a bidi override in it must reach the
    job's log as characters, not act on it (issue 14)."""
    odd = finding(path="/repo/bell\x07.txt", message="'\x1b[2Jclear\u202eevil' 50%\nnext")
    assert command(odd, report(all_rules)) == (
        "::warning file=bell\\x07.txt,line=2,col=5,endLine=2,endColumn=10,"
        "title=stylistic-inflation::'\\x1b[2Jclear\\u202eevil' 50%25%0Anext"
    )


def test_one_command_per_finding_with_severity_mapped(all_rules):
    findings = [
        finding(severity=Severity.ERROR, rule="duplicated-paragraph", message="dup"),
        finding(line=3, severity=Severity.WARNING),
        finding(line=4, severity=Severity.INFO, rule="vague-attribution", message="vague"),
    ]
    lines = render(findings, report(all_rules)).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]
    assert lines[1] == (
        "::warning file=news/a.txt,line=3,col=5,endLine=3,endColumn=10,"
        "title=stylistic-inflation::'stark' inflates the tone"
    )


def test_paths_and_messages_are_escaped(all_rules):
    odd = finding(path="/repo/a,b:c%.txt", message="line one\nline two: 100%")
    assert command(odd, report(all_rules)) == (
        "::warning file=a%2Cb%3Ac%25.txt,line=2,col=5,endLine=2,endColumn=10,"
        "title=stylistic-inflation::line one%0Aline two: 100%25"
    )


def test_absolute_paths_outside_the_root_are_kept(all_rules):
    line = command(finding(path="/elsewhere/a.txt"), report(all_rules))
    assert "file=/elsewhere/a.txt," in line


def test_no_findings_no_output(all_rules):
    assert render([], report(all_rules)) == ""


def test_cli(run_cli, tmp_path):
    write(tmp_path / "news" / "a.txt", FLAGGED)
    code, out, _ = run_cli("check", "news", "--format", "github", cwd=tmp_path)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "::error file=news/a.txt,line=3,col=1,endLine=3,endColumn=81,"
        "title=duplicated-paragraph::paragraph duplicates news/a.txt:2 (earlier in this document)"
    )
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert "title=stylistic-inflation::'heart-wrenching' inflates the tone" in out


def test_readme_example_is_real(run_cli):
    command = "newslint check seeds/004_696d2abe624ca1f4.txt --format github"
    _code, out, err = run_cli(*command.split()[1:])
    shown = readme_example(command).splitlines(keepends=True)
    warnings = [line for line in shown if line.startswith("newslint: warning: ")]
    assert "".join(warnings) == err  # the README shows stderr's warnings first, as a terminal
    assert out == "".join(line for line in shown if line not in warnings)
