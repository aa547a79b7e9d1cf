"""What the report renders: an article (document, its findings) and its rewrite-tracking info."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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
    """One page of the report: a document, its findings (in order) and its tracking info.

    An ``unreadable`` article stands for a file (or a JSONL file's records) that could not be read:
    its document is empty, its findings say why."""

    document: Document
    findings: tuple[Finding, ...]
    tracking: TrackingInfo | None = None
    unreadable: bool = False

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
    """Pair each document with its findings, in a deterministic order (path, then record).

    Findings no document owns (``unreadable-file``: the file or record could not be read) make
    one unreadable article per file, ahead of the file's readable records."""
    owned: dict[tuple[str, int], list[Finding]] = {}
    for finding in findings:
        owned.setdefault(_owner(finding), []).append(finding)
    documents = list(documents)
    owners = {(d.path, d.line_offset if d.record is not None else 0) for d in documents}
    unread: dict[str, list[Finding]] = {}
    for owner, found in owned.items():
        if owner not in owners:
            unread.setdefault(owner[0], []).extend(found)
    result = [
        Article(Document(path, "", ()), tuple(sorted(found)), unreadable=True)
        for path, found in unread.items()
    ]
    for document in documents:
        owner = (document.path, document.line_offset if document.record is not None else 0)
        result.append(
            Article(
                document,
                tuple(sorted(owned.get(owner, ()))),
                tracking.get(document_key(document)),
            )
        )
    order = {True: 0, False: 1}
    return sorted(
        result, key=lambda a: (a.document.path, order[a.unreadable], a.document.line_offset)
    )
