"""The ``duplicates`` kind's fixes (see :mod:`lint.kinds.duplicates`): a later copy identical,
up to white space, to an earlier block of its own document is deleted, whole lines."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from lint.core.document import Block, Document, Span
from lint.core.finding import Hit
from lint.kinds.base import Unit
from lint.kinds.duplicates_keys import _signature
from lint.kinds.edits import delete_blocks, whole_lines


def _parsed(unit: Unit) -> tuple[Document, Sequence[Block]]:
    """``unit`` with its document parsed (again, when only kept) and its blocks' text."""
    document, blocks = unit
    if isinstance(document, Document):
        return document, blocks
    parsed = document.document()
    return parsed, [parsed.blocks[b.index] for b in blocks]


def _fold(text: str) -> str:
    return " ".join(text.split())


class _Copies:
    """A document's blocks by span, and the first block of each folded text: what tells a later
    copy, in O(1) a hit (a scan of the blocks per hit made n copies n² work)."""

    def __init__(self, unit: Unit) -> None:
        self.document, blocks = _parsed(unit)
        self.at: dict[Span, Block] = {}
        self.first: dict[str, int] = {}
        for block in blocks:
            self.at.setdefault(block.span, block)
            text = _fold(block.text)
            if block.index < self.first.get(text, block.index + 1):
                self.first[text] = block.index

    def removable(self, span: Span) -> bool:
        """The block at ``span`` is a whole-line, identical later copy within its document."""
        block = self.at.get(span)
        if self.document.record is not None or block is None:  # JSONL: re-serialising: unsafe
            return False
        earlier = self.first[_fold(block.text)] < block.index
        return earlier and whole_lines(self.document.text, block.span)


def _repeats(unit: Unit, size: int | None) -> bool:
    """Whether two of the unit's blocks have the same key (see :func:`_signature`, whose
    memoised values it reads): a block that :meth:`_Copies.removable` says repeats an earlier
    one has the same text up to white space, so the same words and key. Without such a pair no
    hit in the unit is removable, and a kept document need not be parsed again to learn it."""
    document, blocks = unit
    keys = {_signature(document, block, size)[1] for block in blocks}
    return len(keys) < len(blocks)


def _with_edits(
    units: Sequence[Unit], results: list[tuple[int, Hit]], size: int | None
) -> list[tuple[int, Hit]]:
    """``results`` with an edit deleting each removable copy (``size``: the rule's shingle
    size, None in exact mode, for :func:`_repeats`)."""
    spans: dict[int, list[Span]] = defaultdict(list)
    copies: dict[int, _Copies | None] = {}
    for index, hit in results:
        if index not in copies:
            unit = units[index]
            copies[index] = _Copies(unit) if _repeats(unit, size) else None
        found = copies[index]
        if found is not None and found.removable(hit.span):
            spans[index].append(hit.span)
    edits = {i: delete_blocks(_text(copies[i]), found) for i, found in spans.items()}
    return [
        (i, replace(hit, edits=(edits[i][hit.span],)) if hit.span in edits.get(i, {}) else hit)
        for i, hit in results
    ]


def _text(copies: _Copies | None) -> str:
    assert copies is not None  # (a unit with a removable copy)
    return copies.document.text
