"""``path:line:col: rule-id [severity] message`` lines, a summary, and statistics."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from lint.core.finding import Finding, Severity
from lint.formats.report import Report


def line(finding: Finding) -> str:
    record = finding.data.get("record")
    suffix = ""
    if record is not None:
        where = finding.data.get("text_line")
        suffix = f" (record {record}, text line {where})" if where else f" (record {record})"
    return (
        f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} "
        f"[{finding.severity.label}] {finding.message}{suffix}"
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(findings: Sequence[Finding]) -> str:
    if not findings:
        return "No findings."
    counts = Counter(f.severity for f in findings)
    parts = [_plural(counts[s], s.label) for s in sorted(Severity, reverse=True) if counts[s]]
    files = len({f.path for f in findings})
    found = _plural(len(findings), "finding")
    return f"Found {found} ({', '.join(parts)}) in {_plural(files, 'file')}."


def render(findings: Sequence[Finding], report: Report) -> str:
    return "\n".join([*(line(f) for f in findings), summary(findings)]) + "\n"


def statistics(findings: Sequence[Finding]) -> str:
    """Counts per rule, most frequent first, as ruff's ``--statistics`` prints them."""
    counts = Counter((f.rule, f.severity) for f in findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return "".join(f"{n:6d}  {rule:28s} [{sev.label}]\n" for (rule, sev), n in rows)
