"""What the report renders: an article (document, its findings) and its rewrite-tracking info."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from lint.core.document import Document
from lint.core.finding import Finding, Severity


@dataclass(frozen=True)
class TrackingInfo:
    """How closely a rewrite tracks its original (from the rewrite-tracking classifier).

    ``score`` and ``label`` are ``None`` when the classifier gave none; the original's text is
    shown beside the rewrite with the passages they share marked.
    """

    original_path: str
    original_text: str
    score: float | None = None
    label: str | None = None
    baseline: float | None = None
    reasons: tuple[str, ...] = ()  # the score's drivers in an editor's words, strongest first


def document_key(document: Document) -> str:
    """The key of a document in a tracking mapping: its path, and for JSONL ``path#record``."""
    if document.record is None:
        return document.path
    return f"{document.path}#{document.record}"


@dataclass(frozen=True)
class Article:
    """One page of the report: a document, its findings (in order) and its tracking info."""

    document: Document
    findings: tuple[Finding, ...]
    tracking: TrackingInfo | None = None

    @property
    def key(self) -> str:
        return document_key(self.document)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


def _owner(finding: Finding) -> tuple[str, int]:
    # A JSONL record's findings carry the line the record sits on (its line_offset).
    record = finding.data.get("record") is not None
    return finding.path, finding.line if record else 0


def articles(
    documents: Iterable[Document],
    findings: Iterable[Finding],
    tracking: Mapping[str, TrackingInfo],
) -> list[Article]:
    """Pair each document with its findings, in a deterministic order (path, then record)."""
    owned: dict[tuple[str, int], list[Finding]] = {}
    for finding in findings:
        owned.setdefault(_owner(finding), []).append(finding)
    ordered: Sequence[Document] = sorted(documents, key=lambda d: (d.path, d.line_offset))
    result = []
    for document in ordered:
        owner = (document.path, document.line_offset if document.record is not None else 0)
        result.append(
            Article(
                document,
                tuple(sorted(owned.get(owner, ()))),
                tracking.get(document_key(document)),
            )
        )
    return result
