"""``path:line:col: rule-id [severity] message`` lines, a summary, and statistics.

With ``Report.color`` the path, position, rule id and severity are coloured (ANSI SGR codes, as
ruff colours them); with ``Report.show_source`` each finding is followed by its line of the
article, cut to a window around the span, and carets under the span.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from lint.core.finding import Finding, Severity
from lint.core.terminal import escape_controls
from lint.engine.unreadable import UNREADABLE
from lint.formats.report import Report

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
WINDOW = 50  # characters of context either side of a span in a long line
GUTTER = "     | "


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{RESET}" if color else text


def line(finding: Finding, color: bool = False) -> str:
    """One finding on one line; control characters from the article (quoted in the message, a
    record id) or a file name are escaped (:mod:`lint.core.terminal`)."""
    record = finding.data.get("record")
    suffix = ""
    if record is not None:
        where = finding.data.get("text_line")
        suffix = f" (record {record}, text line {where})" if where else f" (record {record})"
    severity = COLORS[finding.severity] + BOLD
    return (
        f"{_paint(escape_controls(finding.path), BOLD, color)}:{finding.line}:{finding.column}: "
        f"{_paint(finding.rule, severity, color)} "
        f"[{_paint(finding.severity.label, COLORS[finding.severity], color)}] "
        f"{escape_controls(finding.message + suffix)}"
    )


def source(finding: Finding, report: Report) -> list[str]:
    """The finding's line with carets under its span (none for a JSONL record, whose line is
    JSON, a line that cannot be read, or a file newslint could not or would not read: its text is
    never shown, e.g. a link out of the corpus). Control characters are escaped, the carets
    widened to stay under the span."""
    if finding.data.get("record") is not None or finding.rule == UNREADABLE:
        return []
    text = report.line_text(finding.path, finding.line)
    if text is None:
        return []
    start = max(finding.column - 1, 0)
    end = finding.end_column - 1 if finding.end_line == finding.line else len(text)
    end = min(max(end, start + 1), max(len(text), start + 1))
    left = max(start - WINDOW, 0)
    right = min(end + WINDOW, len(text))
    before, span = escape_controls(text[left:start]), escape_controls(text[start:end])
    after = escape_controls(text[end:right])
    shown = ("…" if left else "") + before + span + after + ("…" if right < len(text) else "")
    pad = len(before) + (1 if left else 0)
    carets = _paint("^" * max(len(span), 1), COLORS[finding.severity], report.color)
    number = f"{finding.line:>4} | "
    return [
        _paint(number, DIM, report.color) + shown,
        _paint(GUTTER, DIM, report.color) + " " * pad + carets,
    ]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(findings: Sequence[Finding], checked: int = 0) -> str:
    """The last line of text output: how many findings of each severity, in how many files (of
    the ``checked`` files, when known: "in 217 of 2000 files")."""
    if not findings:
        return "No findings."
    counts = Counter(f.severity for f in findings)
    parts = [_plural(counts[s], s.label) for s in sorted(Severity, reverse=True) if counts[s]]
    files = len({f.path for f in findings})
    found = _plural(len(findings), "finding")
    where = _plural(files, "file") if checked <= files else f"{files} of {_plural(checked, 'file')}"
    return f"Found {found} ({', '.join(parts)}) in {where}."


def render(findings: Sequence[Finding], report: Report) -> str:
    lines: list[str] = []
    for finding in findings:
        lines.append(line(finding, report.color))
        if report.show_source:
            lines += source(finding, report)
    if report.summary:
        lines.append(summary(findings, len(report.files)))
    return "".join(f"{text}\n" for text in lines)


def _counts(findings: Sequence[Finding]) -> list[tuple[str, Severity, int]]:
    counts = Counter((f.rule, f.severity) for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return [(rule, severity, n) for (rule, severity), n in rows]


def statistics(findings: Sequence[Finding]) -> str:
    """Counts per rule, most frequent first, as ruff's ``--statistics`` prints them."""
    return "".join(f"{n:6d}  {rule:28s} [{sev.label}]\n" for rule, sev, n in _counts(findings))


def statistics_json(findings: Sequence[Finding]) -> str:
    """The counts as a JSON array of ``{"rule", "severity", "count"}``, as ``statistics``."""
    rows = [{"rule": r, "severity": s.label, "count": n} for r, s, n in _counts(findings)]
    return json.dumps(rows, indent=2) + "\n"
