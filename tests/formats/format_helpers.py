"""Findings and reports built by hand, for formatter tests that need exact control."""

from __future__ import annotations

from pathlib import Path

from lint.core.finding import Finding, Severity
from lint.engine.rules import Rule
from lint.formats import Report

CLEAN = "Library hours change\nThe library will open at ten on weekdays, the council said.\n"
FLAGGED = (
    "Council approves budget\n"
    "The council approved a budget of four million pounds on Tuesday, officials said.\n"
    "The council approved a budget of four million pounds on Tuesday, officials said.\n"
    "The heart-wrenching scenes were a stark reminder, the mayor said.\n"
)


def finding(
    path: str = "news/a.txt",
    line: int = 2,
    column: int = 5,
    rule: str = "stylistic-inflation",
    severity: Severity = Severity.WARNING,
    message: str = "'stark' inflates the tone",
    end_line: int | None = None,
    end_column: int | None = None,
) -> Finding:
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=line if end_line is None else end_line,
        end_column=column + 5 if end_column is None else end_column,
        rule=rule,
        severity=severity,
        message=message,
    )


def report(
    rules: dict[str, Rule], files: tuple[str, ...] = (), root: Path = Path("/repo")
) -> Report:
    return Report.of(rules.values(), files, root)


def readme_example(command: str) -> str:
    """The output printed under ``$ command`` in a README code block."""
    text = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start = text.index(f"$ {command}\n") + len(command) + 3
    return text[start : text.index("```", start)]
