"""``unreadable-file`` findings: what the readers could not turn into a document, as a finding.

A file that cannot be read or decoded, a malformed JSONL record (or one without a text field) and
invalid front matter are :class:`lint.io.files.Unreadable` values; the rule ``unreadable-file``
(kind ``unreadable``, level ``post``) makes each one a finding at the line it is on, with the
reason as its ``{problem}``. Without the rule (``--ignore unreadable-file``) there is no finding.
Inline directives cannot reach these findings (the file could not be read); per-file ignores can.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lint.core.finding import Finding
from lint.engine.rules import Rule
from lint.io.files import Unreadable

UNREADABLE = "unreadable-file"


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def rule_of(rules: Iterable[Rule]) -> Rule | None:
    """The ``unreadable-file`` rule among ``rules``, if it is selected."""
    return next((r for r in rules if r.id == UNREADABLE), None)


def finding(rule: Rule, item: Unreadable) -> Finding:
    """The finding ``rule`` makes of ``item``."""
    try:
        message = rule.message.format_map(_Values(problem=item.reason))
    except (IndexError, ValueError):  # a positional field: the reason alone
        message = item.reason
    return Finding(
        path=item.path,
        line=item.line,
        column=item.column,
        end_line=item.line,
        end_column=item.column,
        rule=rule.id,
        severity=rule.severity,
        message=" ".join(message.split()),
    )


def findings(rules: Sequence[Rule], items: Iterable[Unreadable]) -> list[Finding]:
    """The findings of ``items`` (none when ``unreadable-file`` is not among ``rules``)."""
    rule = rule_of(rules)
    return [finding(rule, item) for item in items] if rule is not None else []
