"""Severity, Edit and Hit (what a kind yields) and Finding (what the engine reports)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from lint.core.document import Document, Span
from lint.core.kept import Linted


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit status."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            names = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of {names})") from None


@dataclass(frozen=True)
class Ref:
    """A place in a document a hit refers to (the first copy of a duplicate, say).

    The engine turns it into ``path:line`` in messages and ``{path, line, column}`` in data.
    """

    document: Linted  # a parsed document, or what the run kept of one (lint.core.kept)
    span: Span


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``span`` of a document's text by ``replacement`` (a fix is a tuple of edits)."""

    span: Span
    replacement: str = ""

    def shift(self, offset: int) -> Edit:
        return Edit(self.span.shift(offset), self.replacement)


@dataclass(frozen=True)
class Hit:
    """A span a kind found, with values for the rule's message, extra data and a fix (edits)."""

    span: Span
    values: Mapping[str, Any] = field(default_factory=dict)
    data: Mapping[str, Any] = field(default_factory=dict)
    edits: tuple[Edit, ...] = ()
    covers: bool = False  # the span is a copy: findings inside it repeat what is reported there

    def shift(self, offset: int) -> Hit:
        """This hit with its span and edits moved by ``offset`` (block -> document)."""
        edits = tuple(e.shift(offset) for e in self.edits)
        return replace(self, span=self.span.shift(offset), edits=edits)


@dataclass(frozen=True, order=True)
class Finding:
    """One reported problem. Ordered by path, line, column, rule and message, so output is
    deterministic."""

    path: str
    line: int
    column: int
    end_line: int = field(compare=False)
    end_column: int = field(compare=False)
    rule: str
    severity: Severity = field(compare=False)
    message: str
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)
    record: str | None = field(default=None, compare=False)  # the JSONL record, if any
    edits: tuple[Edit, ...] = field(default=(), compare=False)  # the fix, in document offsets
    covers: bool = field(default=False, compare=False)  # see Hit.covers
    note: str = field(default="", compare=False)  # the rule's ``also``: added when merged

    @property
    def key(self) -> tuple[str, str | None]:
        """The document the finding is in: its path and JSONL record."""
        return self.path, self.record

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "data": dict(self.data),
        }


@dataclass(frozen=True)
class DocumentIndex:
    """Finds the document a finding belongs to: by path, and for a JSONL record by its line."""

    documents: Mapping[tuple[str, int], Document]

    @classmethod
    def of(cls, documents: Iterable[Document]) -> DocumentIndex:
        return cls({(d.path, d.line_offset if d.record is not None else 0): d for d in documents})

    def get(self, finding: Finding) -> Document | None:
        line = finding.line if finding.data.get("record") is not None else 0
        return self.documents.get((finding.path, line))
