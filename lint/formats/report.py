"""What a formatter gets besides the findings: the rules that ran, the files linted, the version."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from lint import __version__
from lint.core.finding import Finding, Severity
from lint.engine.rules import Rule

Lines = Callable[[str], Sequence[str]]  # a linted file's lines, by the path findings name


@dataclass(frozen=True)
class Report:
    """Context of one run. ``files`` are the linted files' paths as findings name them;
    ``root`` is the folder reports that want repository-relative paths are relative to.

    The rest is optional: ``fail_on`` (path -> the lowest severity that fails the run for that
    file; missing: warning), ``lines`` (reads a file's lines: source context in text output,
    UTF-8 byte columns in rdjson), and text output's ``color``, ``show_source`` and ``summary``."""

    rules: Mapping[str, Rule] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    version: str = __version__
    root: Path = Path(".")
    fail_on: Mapping[str, Severity] = field(default_factory=dict)
    lines: Lines | None = None
    color: bool = False
    show_source: bool = False
    summary: bool = True

    @classmethod
    def of(cls, rules: Iterable[Rule], files: Iterable[str], root: Path, **more: Any) -> Report:
        """Rules by id (the first one wins when configurations override the same rule)."""
        by_id: dict[str, Rule] = {}
        for rule in rules:
            by_id.setdefault(rule.id, rule)
        rules_by_id = dict(sorted(by_id.items()))
        return cls(rules_by_id, tuple(sorted(set(files))), __version__, root, **more)

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` fails the run (is at or above its file's ``fail_on``)."""
        return finding.severity >= self.fail_on.get(finding.path, Severity.WARNING)

    def line_text(self, path: str, line: int) -> str | None:
        """Line ``line`` (1-based) of ``path``, if ``lines`` can read it."""
        if self.lines is None:
            return None
        found = self.lines(path)
        return found[line - 1] if 0 < line <= len(found) else None

    def relative(self, path: str) -> str:
        """``path`` as a posix path relative to ``root`` when it lies under it, else as given."""
        pure = PurePath(path)
        if not pure.is_absolute():
            return pure.as_posix()
        try:
            return pure.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return pure.as_posix()
