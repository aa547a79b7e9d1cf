"""What a formatter gets besides the findings: the rules that ran, the files linted, the version."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from lint import __version__
from lint.engine.rules import Rule


@dataclass(frozen=True)
class Report:
    """Context of one run. ``files`` are the linted files' paths as findings name them;
    ``root`` is the folder reports that want repository-relative paths are relative to."""

    rules: Mapping[str, Rule] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    version: str = __version__
    root: Path = Path(".")

    @classmethod
    def of(cls, rules: Iterable[Rule], files: Iterable[str], root: Path) -> Report:
        """Rules by id (the first one wins when configurations override the same rule)."""
        by_id: dict[str, Rule] = {}
        for rule in rules:
            by_id.setdefault(rule.id, rule)
        return cls(dict(sorted(by_id.items())), tuple(sorted(set(files))), __version__, root)

    def relative(self, path: str) -> str:
        """``path`` as a posix path relative to ``root`` when it lies under it, else as given."""
        pure = PurePath(path)
        if not pure.is_absolute():
            return pure.as_posix()
        try:
            return pure.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return pure.as_posix()
