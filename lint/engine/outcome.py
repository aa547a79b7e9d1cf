"""A run's outcome: a :class:`Run` of :class:`Part` values, one per group of files, as
:mod:`lint.engine.run` makes them (the Ray job makes the same, see
:mod:`lint.workflows.distributed`), for the formats, the report and ``--fix``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.core.document import Document
from lint.core.finding import Finding
from lint.engine.groups import Group
from lint.engine.rules import Rule

if TYPE_CHECKING:
    from lint.tracking.pairing import Pair


@dataclass(frozen=True)
class Part:
    """One group's outcome."""

    group: Group
    findings: tuple[Finding, ...]  # sorted
    documents: tuple[Document, ...] = ()  # empty when the cache held the finished findings
    paths: tuple[str, ...] = ()  # the files read
    pairs: tuple[Pair, ...] = ()  # each rewrite and its original (pair rules only)


@dataclass(frozen=True)
class Run:
    """A run's outcome: findings (sorted), errors (one line each: a path that does not exist),
    warnings."""

    parts: tuple[Part, ...]
    findings: tuple[Finding, ...]
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @classmethod
    def of(cls, parts: Iterable[Part], errors: Iterable[str], warnings: Iterable[str]) -> Run:
        parts = tuple(parts)
        findings = tuple(sorted(f for part in parts for f in part.findings))
        return cls(parts, findings, tuple(errors), tuple(warnings))

    @property
    def documents(self) -> list[Document]:
        return [d for part in self.parts for d in part.documents]

    @property
    def paths(self) -> set[str]:
        return {path for part in self.parts for path in part.paths}

    @property
    def pairs(self) -> list[Pair]:
        return [p for part in self.parts for p in part.pairs]

    @property
    def rules(self) -> list[Rule]:
        return [r for part in self.parts for r in part.group.rules]
