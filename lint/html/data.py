"""The report's data: compact JSON for the index and for each article, rendered by the pages'
scripts (one viewer page renders every article), so 2,000 articles make a few files, not 2,000
pages.

An article record holds its text once, the cut points of its highlights (from
:func:`lint.html.spans.segments`, so overlapping findings split exactly as before), its findings as
short arrays, links (a duplicate's first copy, an original's rewrites, a rewrite's original) by
article number, and the pair view. Rule ids and severities travel as indexes into the index's
tables.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from lint.core.finding import Finding, Severity
from lint.html.model import Article, TrackingInfo
from lint.html.pair import pair_view
from lint.html.spans import segments

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY_INDEX = {s: i for i, s in enumerate(SEVERITIES)}
CHUNK = 50  # articles per data file


@dataclass(frozen=True)
class ReportData:
    """``index``: the index page's data; ``articles``: one record per article, in order."""

    index: dict[str, Any]
    articles: list[dict[str, Any]]


def headline(article: Article) -> str:
    block = article.document.headline
    text = " ".join(block.text.split()) if block else ""
    return text or ""


def folder(path: str) -> str:
    return PurePosixPath(path).parent.as_posix()


def _where(finding: Finding) -> str:
    line = finding.data.get("text_line", finding.line)
    column = finding.data.get("text_column", finding.column)
    return f"{line}:{column}"


def is_banner(finding: Finding, article: Article, document_rules: Collection[str]) -> bool:
    """A finding about the whole article, not a passage: shown as a banner, not a tint.

    That is a document-scope rule's finding anchored to a whole block (or to nothing), or any
    finding whose span starts at the article's first block and runs over more than one block
    (a whole article duplicated)."""
    blocks = article.document.blocks
    if article.unreadable or not blocks:
        return False
    if finding.rule in document_rules:
        if finding.end <= finding.start:
            return True
        if any(b.span.start == finding.start and b.span.end == finding.end for b in blocks):
            return True
    return finding.start <= blocks[0].span.start and finding.end > blocks[0].span.end


class _Numbers:
    """Article numbers by path (and by path and line for JSONL records), for links."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.by_path: dict[str, int] = {}
        self.by_line: dict[tuple[str, int], int] = {}
        for number, article in enumerate(articles):
            document = article.document
            if article.unreadable:
                continue
            self.by_path.setdefault(document.path, number)
            if document.record is not None:
                lines = document.text.count("\n") + 1
                for line in range(document.line_offset, document.line_offset + lines):
                    self.by_line.setdefault((document.path, line), number)

    def of(self, path: str, line: int = 0) -> int | None:
        return self.by_line.get((path, line), self.by_path.get(path))


def _link(finding: Finding, numbers: _Numbers, here: int) -> list[Any] | None:
    """[article number, line, path] of the place a finding refers to (a duplicate's first copy)."""
    first = finding.data.get("first")
    if not isinstance(first, Mapping) or "path" not in first:
        return None
    target = numbers.of(str(first["path"]), int(first.get("line", 0)))
    if target is None:
        return None
    line = int(first.get("line", 1))
    return [target, line, str(first["path"]), 1 if target == here else 0]


def _cuts(article: Article, spans: Sequence[tuple[int, int] | None]) -> list[list[int]]:
    """Highlight segments as [start, end, marks...] (marks index the findings); unmarked text is
    left implicit, and findings without a span (``None``: banners) get no highlight."""
    if article.unreadable:
        return []
    marked = [i for i, span in enumerate(spans) if span is not None]
    kept = [span for span in spans if span is not None]
    return [
        [s.start, s.end, *(marked[m] for m in s.marks)]
        for s in segments(len(article.document.text), kept)
        if s.marks
    ]


def _record(
    article: Article,
    number: int,
    rule_ids: Mapping[str, int],
    numbers: _Numbers,
    document_rules: Collection[str],
    rewrites: Mapping[str, list[list[Any]]],
) -> dict[str, Any]:
    findings, spans = _findings(article, number, rule_ids, numbers, document_rules)
    record: dict[str, Any] = {
        "n": number,
        "path": article.document.path,
        "record": article.document.record,
        "headline": headline(article),
        "text": "" if article.unreadable else article.document.text,
        "cuts": _cuts(article, spans),
        "findings": findings,
        "unreadable": article.unreadable,
    }
    if article.tracking is not None:
        record["tracking"] = _tracking(article.tracking, article.document.text, numbers)
    if article.key in rewrites:
        record["rewrites"] = rewrites[article.key]
    return record


def _findings(
    article: Article,
    number: int,
    rule_ids: Mapping[str, int],
    numbers: _Numbers,
    document_rules: Collection[str],
) -> tuple[list[list[Any]], list[tuple[int, int] | None]]:
    """The article's findings as rows, and the span each marks in the text (None: a banner)."""
    findings: list[list[Any]] = []
    spans: list[tuple[int, int] | None] = []
    for finding in article.findings:
        banner = is_banner(finding, article, document_rules)
        spans.append(None if banner else (finding.start, finding.end))
        findings.append(
            [
                rule_ids[finding.rule],
                SEVERITY_INDEX[finding.severity],
                finding.message,
                _where(finding),
                1 if banner else 0,
                _link(finding, numbers, number),
            ]
        )
    return findings, spans


def _tracking(tracking: TrackingInfo, text: str, numbers: _Numbers) -> dict[str, Any]:
    """What the page shows of the original an article (``text``) rewrites."""
    return {
        "path": tracking.original_path,
        "n": numbers.of(tracking.original_path),
        "score": tracking.score,
        "label": tracking.label,
        "pair": pair_view(tracking, text),
    }


def _rewrites(articles: Sequence[Article]) -> dict[str, list[list[Any]]]:
    """Per original (path): [article number, path, score, label] of each rewrite that follows
    it, best score first."""
    found: dict[str, list[list[Any]]] = {}
    for number, article in enumerate(articles):
        tracking = article.tracking
        if tracking is not None:
            found.setdefault(tracking.original_path, []).append(
                [number, article.key, tracking.score, tracking.label]
            )
    for rows in found.values():
        rows.sort(key=lambda r: (-(r[2] if r[2] is not None else -1.0), r[1]))
    return found


def _row(article: Article, number: int, rule_ids: Mapping[str, int], original: bool) -> list[Any]:
    counts = [0, 0, 0]
    for finding in article.findings:
        counts[SEVERITY_INDEX[finding.severity]] += 1
    tracking = article.tracking
    rules = sorted({rule_ids[f.rule] for f in article.findings})
    return [
        number,
        article.document.path,
        article.document.record,
        headline(article),
        *counts,
        None if tracking is None or tracking.score is None else round(tracking.score, 3),
        "original" if original else (tracking.label if tracking and tracking.label else None),
        folder(article.document.path),
        rules,
        1 if article.unreadable else 0,
    ]


def report_data(
    articles: Sequence[Article],
    rules: Mapping[str, Mapping[str, str]],
    document_rules: Collection[str] = (),
) -> ReportData:
    """The index's and the articles' data for ``articles`` (in report order)."""
    used = sorted({f.rule for a in articles for f in a.findings})
    rule_ids = {rule: i for i, rule in enumerate(used)}
    numbers = _Numbers(articles)
    rewrites = _rewrites(articles)
    records = [
        _record(a, n, rule_ids, numbers, document_rules, rewrites) for n, a in enumerate(articles)
    ]
    index = {
        "rules": [
            [rule, rules.get(rule, {}).get("what", ""), rules.get(rule, {}).get("why", "")]
            for rule in used
        ],
        "severities": [s.label for s in SEVERITIES],
        "rows": [_row(a, n, rule_ids, a.key in rewrites) for n, a in enumerate(articles)],
        "chunk": CHUNK,
    }
    return ReportData(index, records)
