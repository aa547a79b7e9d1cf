"""Runs of copied blocks as one hit (the ``duplicates`` kind's ``runs`` option).

A generator that emits four paragraphs twice, or a re-send that copies an article's paragraphs
under a new lead, made one finding per paragraph: four findings, or twenty, for one problem. As
copy-paste detectors for code report a duplicated run of lines once (PMD's CPD, jscpd), a run of
copies is one hit here: consecutive blocks of one document (no block between them, of any kind)
that copy consecutive blocks of one earlier document, in the same order, and that ``--fix`` can
all remove or none (an exact copy can; one differing in case or spacing cannot). The hit spans
the run and names where the copied run starts; its ``where`` says how many blocks the run holds,
its data gives the number as ``paragraphs``, and its edits are the run's edits together (each
copy's deletion), so ``--fix`` removes what it removed before.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace

from lint.core.document import Span
from lint.core.finding import Hit, Ref
from lint.core.kept import Kept, Linted


def in_runs(
    results: Sequence[tuple[int, Hit]], document_of: Callable[[int], Linted]
) -> list[tuple[int, Hit]]:
    """``results`` (unit index, hit), each unit's hits in block order, with each run of copies
    made one hit (``document_of``: a unit's document)."""
    found: list[tuple[int, Hit]] = []
    run: list[Hit] = []
    unit = -1
    last: tuple[Linted, int, int] | None = None  # the run's first document, last blocks' indexes
    starts: dict[int, Sequence[int]] = {}  # block starts by id(document), read once each
    for index, hit in results:
        first = hit.data["first"]
        assert isinstance(first, Ref)
        later_at = _block_at(document_of(index), hit.span, starts)
        first_at = _block_at(first.document, first.span, starts)
        if (
            index == unit
            and last is not None
            and first.document is last[0]
            and later_at == last[1] + 1
            and first_at == last[2] + 1
            and bool(hit.edits) == bool(run[-1].edits)  # a fix removes all of its run, or none
        ):
            run.append(hit)
        else:
            if run:
                found.append((unit, _run_hit(run)))
            run, unit = [hit], index
        last = (first.document, later_at, first_at)
    if run:
        found.append((unit, _run_hit(run)))
    return found


def _block_at(document: Linted, span: Span, starts: dict[int, Sequence[int]]) -> int:
    """The index among ``document``'s blocks of the block starting where ``span`` does."""
    known = starts.get(id(document))
    if known is None:
        if isinstance(document, Kept):
            known = document.layout[1::3]  # per block: kind code, start, end
        else:
            known = [block.span.start for block in document.blocks]
        starts[id(document)] = known
    return bisect_left(known, span.start)


def _run_hit(run: Sequence[Hit]) -> Hit:
    """One hit for a run of copies (the hit itself for a run of one)."""
    head = run[0]
    if len(run) == 1:
        return head
    where = f"{head.values['where']}; {len(run)} paragraphs in a row"
    return replace(
        head,
        span=Span(head.span.start, run[-1].span.end),
        values={**head.values, "where": where},
        data={**head.data, "paragraphs": len(run)},
        edits=tuple(edit for hit in run for edit in hit.edits),
    )
