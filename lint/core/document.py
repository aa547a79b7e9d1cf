"""Span, Block and Document: the text model every kind works on.

Offsets are half-open character offsets into ``Document.text`` (the decoded file, or for JSONL the
record's article text). Line and column are computed once, at the edge, by :class:`LineIndex`.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)``."""

    start: int
    end: int

    def shift(self, offset: int) -> Span:
        return Span(self.start + offset, self.end + offset)

    def strip(self, text: str) -> Span:
        """This span of ``text`` without leading and trailing white space."""
        start, end = self.start, self.end
        if start < end and not text[start].isspace() and not text[end - 1].isspace():
            return self  # already stripped (a block's span is): the same value, and immutable
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end)

    def __len__(self) -> int:
        return self.end - self.start


class BlockKind(enum.StrEnum):
    """What a block of an article is."""

    HEADLINE = "headline"
    DEK = "dek"
    METADATA = "metadata"
    SUBHEAD = "subhead"
    PARAGRAPH = "paragraph"
    OTHER = "other"  # tables, sign-offs, markup: not prose


@dataclass(frozen=True)
class Block:
    """One block of a document: its kind, position in the document and span."""

    kind: BlockKind
    index: int
    span: Span
    text: str

    @property
    def start(self) -> int:
        return self.span.start


@dataclass(frozen=True)
class LineIndex:
    """Maps offsets of a text to 1-based (line, column) with ``bisect``."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        find, at = text.find, text.find("\n")
        while at >= 0:  # str.find, not a generator over every character (~2% of a run)
            starts.append(at + 1)
            at = find("\n", at + 1)
        return cls(tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


#: ``Document.memo`` keys whose values travel with a document: what corpus rules derive from it
#: (the ``duplicates`` kind's block keys and shingles), small and computed once
PORTABLE_MEMO = frozenset({"duplicates", "duplicates/articles"})
#: the attribute :meth:`Document.blocks_of` keeps its answers in (not a field: not compared)
_BLOCKS_OF = "_blocks_of"


@dataclass(frozen=True)
class Document:
    """An article: its text, blocks and metadata.

    ``line_offset`` is added to every reported line: a JSONL record reports the line of the file it
    sits on. ``record`` names the record (its id) for JSONL input.
    """

    path: str
    text: str
    blocks: tuple[Block, ...]
    metadata: Mapping[str, Any] = field(default_factory=dict)
    line_offset: int = 0
    record: str | None = None
    source_text: str | None = None  # the raw file text, when it differs from ``text`` (JSONL)
    #: The text layer's memo (``lint.text.analysis``): mutate it, never reassign it.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False, hash=False)

    def portable(self) -> Document:
        """This document with only the memo values worth sending to another process or keeping
        in the corpus index (:data:`PORTABLE_MEMO`): the rest (the text layer's analysis) is
        large to pickle and cheap to recompute where it is needed."""
        if self.memo.keys() <= PORTABLE_MEMO:
            return self
        return replace(self, memo={k: v for k, v in self.memo.items() if k in PORTABLE_MEMO})

    def blocks_of(self, kinds: frozenset[BlockKind]) -> tuple[Block, ...]:
        """The blocks of ``kinds``, in order; kept per ``kinds`` (every rule of a scope asks):
        the blocks never change, so the tuple kept is the one asked for."""
        kept: dict[frozenset[BlockKind], tuple[Block, ...]] = self.__dict__.setdefault(
            _BLOCKS_OF, {}
        )
        found = kept.get(kinds)
        if found is None:
            found = kept[kinds] = tuple(b for b in self.blocks if b.kind in kinds)
        return found

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without what :meth:`blocks_of` kept (cheap to find again)."""
        return {k: v for k, v in self.__dict__.items() if k != _BLOCKS_OF}

    @property
    def headline(self) -> Block | None:
        return next((b for b in self.blocks if b.kind is BlockKind.HEADLINE), None)
