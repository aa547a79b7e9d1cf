"""One analysis of a document's text, computed lazily, once, and shared by every rule.

``analysis(document)`` returns the document's :class:`TextAnalysis`, kept in ``Document.memo``;
``TextAnalysis.block(block)`` gives the analysis of one block (:class:`BlockText`): its sentences,
quote spans, figures, names and words, each computed on first use. A kind that derives something
from these with its own options memoises it with :meth:`TextAnalysis.memo`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

from lint.core.document import Block, Document, Span
from lint.text import mentions, numbers
from lint.text.quotes import quote_spans
from lint.text.sentences import sentence_spans
from lint.text.tokens import words

T = TypeVar("T")
_KEY = "text.analysis"


class BlockText:
    """The analysis of one block's (or any) text; offsets are relative to the text."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def sentences(self) -> list[Span]:
        return sentence_spans(self.text) or [Span(0, len(self.text))]

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def quotes(self) -> list[Span]:
        return quote_spans(self.text)

    @cached_property
    def figures(self) -> tuple[numbers.Figure, ...]:
        return numbers.figures(self.text)

    @cached_property
    def figure_starts(self) -> list[int]:
        """Where each figure starts, in order (for bisect)."""
        return [f.span.start for f in self.figures]

    @cached_property
    def names(self) -> tuple[mentions.Name, ...]:
        return tuple(mentions.names(self.text))

    @cached_property
    def words(self) -> list[str]:
        return words(self.text)


class TextAnalysis:
    """The analysis of a document: one :class:`BlockText` per block, made on first use."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._blocks: dict[int, BlockText] = {}
        self._memo: dict[Any, Any] = {}

    def block(self, block: Block) -> BlockText:
        found = self._blocks.get(block.index)
        if found is None or found.text != block.text:
            found = self._blocks[block.index] = BlockText(block.text)
        return found

    @cached_property
    def whole(self) -> BlockText:
        """The analysis of the whole text (offsets into ``document.text``)."""
        return BlockText(self.document.text)

    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        """``compute()`` once per document for ``key`` (which must be hashable)."""
        if key not in self._memo:
            self._memo[key] = compute()
        result: T = self._memo[key]
        return result


def analysis(document: Document) -> TextAnalysis:
    """The document's analysis, made on first use and kept in ``document.memo``."""
    found = document.memo.get(_KEY)
    if not isinstance(found, TextAnalysis):
        found = document.memo[_KEY] = TextAnalysis(document)
    return found
