"""Suppression: drop the findings that inline directives disable, and report bad directives.

This runs after the engine, over its findings and the documents they came from. A finding is
suppressed when its start offset lies in a range a directive opened for its rule (or for ``all``).

Two rules report on directives themselves. They are ordinary rule files (``rules/*.yaml``, kind
``directives``) so ``newslint rules``, ``explain``, selection, ``--ignore``, per-file ignores and
severity overrides treat them like any rule, but their kind is ``post`` level: the engine never
runs it, this module makes their findings.

- ``invalid-directive``: a malformed directive, or one naming an unknown rule;
- ``unused-directive``: a directive (or one id in it) that suppressed nothing; reported only
  with ``--report-unused-directives``.

Their own findings cannot be suppressed by a directive.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from lint.core.document import Document, Span
from lint.core.finding import DocumentIndex, Finding, Hit
from lint.engine.directives import (
    ALL,
    RECORD,
    Directive,
    Problem,
    Range,
    Resolved,
    attempted,
    parse,
    parse_field,
    resolve,
)
from lint.engine.engine import INTERNAL_ERROR, Engine
from lint.engine.rules import Rule
from lint.kinds.base import Scope

INVALID = "invalid-directive"
UNUSED = "unused-directive"
DEFAULT_FIELDS = ("newslint",)

Used = tuple[int, str]  # (directive index, rule id) of a range that suppressed a finding


def _directives(document: Document, fields: Sequence[str]) -> tuple[list[Directive], list[Problem]]:
    directives, problems = parse(document.text)
    if document.record is not None:
        key = next((k for k in fields if k in document.metadata), None)
        if key is not None:
            more, bad = parse_field(document.metadata[key], key)
            directives.extend(more)
            problems.extend(bad)
    return directives, problems


def mentions_directives(document: Document, fields: Sequence[str]) -> bool:
    """Whether ``document`` holds anything :func:`_directives` reads: a comment meant as a
    directive, or a JSONL record's directive field. A document without either gets no directive
    and no problem, so the suppressor need not see it (a kept document is parsed again only when
    this was true)."""
    if attempted(document.text):
        return True
    return document.record is not None and any(k in document.metadata for k in fields)


def _cover(ranges: Sequence[Range], findings: Sequence[Finding]) -> tuple[list[bool], set[Used]]:
    """For one document: whether each finding lies in a range for its rule (or ``all``), and the
    (directive, rule) pairs of every range that covered one. A sweep over the findings by start,
    per rule, with the ranges entering as it passes their start: each range is marked used once,
    so many directives and many findings cost (ranges + findings) log, never their product."""
    covered = [False] * len(findings)
    used: set[Used] = set()
    by_rule: dict[str, list[Range]] = {}
    for r in ranges:
        by_rule.setdefault(r.rule, []).append(r)
    wanted: dict[str, list[int]] = {}
    for i, finding in enumerate(findings):
        if finding.rule != INTERNAL_ERROR:  # a crashed rule is never hidden, not even by "all"
            wanted.setdefault(finding.rule, []).append(i)
    for rule, indexes in wanted.items():
        candidates = sorted([*by_rule.get(rule, ()), *by_rule.get(ALL, ())], key=_start)
        if not candidates:
            continue
        indexes.sort(key=lambda i: findings[i].start)
        ends: list[int] = []  # a heap of the ends of the ranges started so far
        waiting: list[Range] = []  # started, not yet marked used
        taken = 0
        for i in indexes:
            pos = findings[i].start
            while taken < len(candidates) and candidates[taken].span.start <= pos:
                heapq.heappush(ends, candidates[taken].span.end)
                waiting.append(candidates[taken])
                taken += 1
            while ends and ends[0] <= pos:
                heapq.heappop(ends)
            if ends:
                covered[i] = True
                used.update((r.directive, r.rule) for r in waiting if r.span.end > pos)
            waiting.clear()  # marked, or ended before ``pos``: no later finding can use them
    return covered, used


def _start(r: Range) -> int:
    return r.span.start


def _unused(resolved: Resolved, used: set[Used]) -> list[tuple[Span, str]]:
    unused = []
    made = {(r.directive, r.rule) for r in resolved.ranges}
    for index, directive in enumerate(resolved.directives):
        where = "this record" if directive.span == RECORD else directive.action
        for rule in directive.ids:
            if (index, rule) in made and (index, rule) not in used:
                unused.append((directive.span, f"{where} disables {rule!r} but suppressed nothing"))
    for index, rule in resolved.unmatched:
        directive = resolved.directives[index]
        unused.append((directive.span, f"enable={rule} closes no open disable"))
    return unused


@dataclass(frozen=True)
class Suppressor:
    """Applies directives for one corpus.

    ``rules`` are the selected rules (the directive rules among them decide which meta findings
    are made); ``known`` every rule id a directive may name; ``fields`` the JSONL keys read."""

    rules: Sequence[Rule]
    known: Collection[str]
    report_unused: bool = False
    fields: Sequence[str] = DEFAULT_FIELDS

    def apply(self, findings: Sequence[Finding], documents: Iterable[Document]) -> list[Finding]:
        """``findings`` without the suppressed ones, plus findings about the directives."""
        documents = list(documents)
        resolved = self._resolve(documents)
        used: dict[int, set[tuple[int, str]]] = {key: set() for key in resolved}
        index = DocumentIndex.of(documents)
        kept = []
        by_document: dict[int, list[Finding]] = {}
        for finding in findings:
            document = index.get(finding)
            if document is None or id(document) not in resolved:
                kept.append(finding)
            else:
                by_document.setdefault(id(document), []).append(finding)
        for key, found in by_document.items():
            covered, marked = _cover(resolved[key].ranges, found)
            kept.extend(f for f, hidden in zip(found, covered, strict=True) if not hidden)
            used[key] |= marked
        kept.extend(self._about_directives(documents, resolved, used))
        return sorted(kept)

    def _resolve(self, documents: Sequence[Document]) -> dict[int, Resolved]:
        """Each document's directives (by ``id``), resolved into ranges and problems."""
        fixed = {r.id for r in self.rules if r.level is Scope.POST} | {INVALID, UNUSED}
        resolved: dict[int, Resolved] = {}
        for document in documents:
            directives, problems = _directives(document, self.fields)
            if directives or problems:
                result = resolve(document, directives, self.known, fixed)
                problems = [*problems, *result.problems]
                resolved[id(document)] = Resolved(
                    result.directives, result.ranges, tuple(problems), result.unmatched
                )
        return resolved

    def _about_directives(
        self,
        documents: Sequence[Document],
        resolved: Mapping[int, Resolved],
        used: Mapping[int, set[tuple[int, str]]],
    ) -> Iterator[Finding]:
        """Findings of the directive rules: invalid directives, and unused ones if asked."""
        meta = {r.id: r for r in self.rules if r.level is Scope.POST}
        engine = Engine([])
        for document in documents:
            result = resolved.get(id(document))
            if result is None:
                continue
            if INVALID in meta:
                for problem in result.problems:
                    hit = Hit(problem.span, {"problem": problem.message})
                    yield engine.finding(meta[INVALID], document, hit)
            if self.report_unused and UNUSED in meta:
                for span, message in _unused(result, used[id(document)]):
                    hit = Hit(span, {"problem": message})
                    yield engine.finding(meta[UNUSED], document, hit)
