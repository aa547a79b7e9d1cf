"""One problem, one finding.

A reader goes through every finding; repeats teach them to ignore the tool. After suppression, two
things are folded:

- **Copies.** A finding whose hit ``covers`` its span (a duplicated paragraph, a repeated headline,
  a duplicated article) accounts for everything inside that span: other findings there repeat
  what is reported on the first copy, and are dropped. A zero-length, document-level finding
  (placed at the top of a document) is covered only by a finding spanning the whole document.
- **One span, two rules.** Findings of different rules whose spans overlap, where neither spans a
  whole block (a paragraph-level verdict such as readability is not a word-level one), are one
  problem: the most severe is kept (then the one comparing a rewrite with its original, then the
  longer span, then the rule id) and each dropped rule's ``also`` text is appended to its message
  ("... inflates the tone; the original does not use it"). ``data["also"]`` lists the dropped
  rules.

Internal errors are never dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from lint.core.finding import Finding
from lint.core.kept import Kept, Linted
from lint.engine.engine import INTERNAL_ERROR

Key = tuple[str, str | None]


class _Extent:
    """A document's block spans and where its text ends, to tell word-level findings apart."""

    def __init__(self, document: Linted) -> None:
        if isinstance(document, Kept):
            stripped = document.stripped_spans()
        else:
            spans = (b.span.strip(document.text) for b in document.blocks)
            stripped = [(s.start, s.end) for s in spans]
        self.blocks = set(stripped)
        self.start = min((start for start, _ in stripped), default=0)
        self.end = max((end for _, end in stripped), default=0)

    def whole(self, finding: Finding) -> bool:
        return finding.start <= self.start and finding.end >= self.end

    def word_level(self, finding: Finding) -> bool:
        return finding.end > finding.start and (finding.start, finding.end) not in self.blocks


def _rank(finding: Finding, pair_rules: Collection[str]) -> tuple[int, bool, int, str]:
    """Sorts the finding to keep first: most severe, a pair rule, the longer span, the rule id."""
    return (
        -finding.severity,
        finding.rule not in pair_rules,
        finding.start - finding.end,
        finding.rule,
    )


class _Kept:
    """The covers kept so far, and whether one of them covers a finding: a Fenwick tree of the
    farthest end over the kept covers' starts answers in O(log n), so an article of n copies is
    not n² comparisons. A zero-length, document-level finding is covered only by a cover spanning
    the whole document (``wholes``)."""

    def __init__(self, covers: Sequence[Finding], extent: _Extent | None) -> None:
        self.starts = sorted({c.start for c in covers})
        self.ends = [-1] * (len(self.starts) + 1)  # 1-based Fenwick tree of the farthest end
        self.wholes: list[Finding] = []
        self.extent = extent
        self.ids: set[int] = set()

    def add(self, cover: Finding) -> None:
        self.ids.add(id(cover))
        if self.extent is not None and self.extent.whole(cover):
            self.wholes.append(cover)
        i = bisect_left(self.starts, cover.start) + 1
        while i < len(self.ends):
            self.ends[i] = max(self.ends[i], cover.end)
            i += i & -i

    def _farthest(self, start: int) -> int:
        """The farthest end of a kept cover starting at or before ``start``."""
        i, farthest = bisect_right(self.starts, start), -1
        while i > 0:
            farthest = max(farthest, self.ends[i])
            i -= i & -i
        return farthest

    def cover(self, finding: Finding) -> bool:
        """Whether a kept cover (other than ``finding``) spans ``finding``."""
        if finding.end == finding.start:
            return any(
                k is not finding and k.start <= finding.start and finding.end <= k.end
                for k in self.wholes
            )
        return self._farthest(finding.start) >= finding.end


def _drop_covered(findings: list[Finding], extent: _Extent | None) -> list[Finding]:
    covers = sorted(
        (f for f in findings if f.covers),
        key=lambda f: (-(f.end - f.start), -f.severity, f.rule, f.start),
    )
    kept = _Kept(covers, extent)
    for cover in covers:  # widest first: a copy inside a copied article is covered too
        if not kept.cover(cover):
            kept.add(cover)
    return [
        f
        for f in findings
        if f.rule == INTERNAL_ERROR
        or (f.covers and id(f) in kept.ids)
        or (not f.covers and not kept.cover(f))
    ]


def _clusters(findings: Sequence[Finding]) -> list[list[Finding]]:
    """Word-level findings grouped by overlapping spans (sorted by start)."""
    clusters: list[list[Finding]] = []
    end = -1
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        if clusters and finding.start < end:
            clusters[-1].append(finding)
            end = max(end, finding.end)
        else:
            clusters.append([finding])
            end = finding.end
    return clusters


def _merge(cluster: list[Finding], pair_rules: Collection[str]) -> list[Finding]:
    rules = {f.rule for f in cluster}
    if len(rules) < 2:
        return cluster
    best = min(cluster, key=lambda f: _rank(f, pair_rules))
    dropped = [f for f in cluster if f.rule != best.rule]
    same = [f for f in cluster if f.rule == best.rule and f is not best]
    notes = list(dict.fromkeys(f.note for f in dropped if f.note))
    message = "; ".join([best.message, *notes])
    data = {**best.data, "also": sorted({f.rule for f in dropped})}
    return [replace(best, message=message, data=data), *same]


def _one_document(
    findings: list[Finding], extent: _Extent | None, pair_rules: Collection[str]
) -> list[Finding]:
    findings = _drop_covered(findings, extent)
    if extent is None:
        return findings
    words = [f for f in findings if extent.word_level(f) and f.rule != INTERNAL_ERROR]
    rest = [f for f in findings if not (extent.word_level(f) and f.rule != INTERNAL_ERROR)]
    for cluster in _clusters(words):
        rest.extend(_merge(cluster, pair_rules))
    return rest


def one_per_problem(
    findings: Iterable[Finding], documents: Iterable[Linted], pair_rules: Collection[str]
) -> list[Finding]:
    """``findings`` with copies' repeats dropped and one finding per span (see the module)."""
    by_document: dict[Key, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_document[finding.key].append(finding)
    last = {(d.path, d.record): d for d in documents}  # the last of a key wins, as it always did
    extents = {key: _Extent(d) for key, d in last.items() if key in by_document}
    kept: list[Finding] = []
    for key, found in by_document.items():
        kept.extend(_one_document(found, extents.get(key), pair_rules))
    return kept
