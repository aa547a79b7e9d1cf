"""One analysis of a document's text, computed lazily, once, and shared by every rule.

``analysis(document)`` returns the document's :class:`TextAnalysis`, kept in ``Document.memo``;
``TextAnalysis.block(block)`` gives the analysis of one block (:class:`BlockText`): its sentences,
quote spans, figures, names and words, each computed on first use. A kind that derives something
from these with its own options memoises it with :meth:`TextAnalysis.memo`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any, Generic, TypeVar, overload

from lint.core.document import Block, BlockKind, Document, Span
from lint.text import estimates, mentions, numbers
from lint.text.quotes import quote_spans
from lint.text.sentences import sentence_spans
from lint.text.tokens import words

T = TypeVar("T")
_KEY = "text.analysis"


class cached_property(Generic[T]):  # named as the functools one it replaces
    """``functools.cached_property`` without its lock: Python 3.11's takes an ``RLock`` on every
    first access (3.12 dropped it), some 50,000 times in 2,000 articles. The value is computed
    once and kept in the instance's ``__dict__``, which later look-ups read directly (this is
    a non-data descriptor); an analysis is used by one thread."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...
    def __get__(self, instance: object, owner: type | None = None) -> T | cached_property[T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


#: A paragraph of this many sentences is taken to be several run together.
RUN_TOGETHER = 8
#: ... and split into paragraphs of about this many words (or more: whole sentences).
PARAGRAPH_WORDS = 60


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
    def estimates(self) -> tuple[numbers.Figure, ...]:
        """Rough quantities ("tens of thousands of voters"): claims, but not numbers."""
        return estimates.estimates(self.text)

    @cached_property
    def claims(self) -> tuple[numbers.Figure, ...]:
        """The figures and the rough quantities, in order: what the figure rules judge."""
        return tuple(sorted((*self.figures, *self.estimates))) if self.estimates else self.figures

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
        self._blocks: dict[tuple[int, int], BlockText] = {}
        self._memo: dict[Any, Any] = {}

    def block(self, block: Block) -> BlockText:
        key = (block.span.start, block.span.end)
        found = self._blocks.get(key)
        if found is None or found.text != block.text:
            found = self._blocks[key] = BlockText(block.text)
        return found

    def paragraphs(self, blocks: Sequence[Block]) -> list[Block]:
        """``blocks`` with each run-together paragraph split into its real paragraphs.

        Some corpora lose the breaks between paragraphs: a whole article arrives as one line of
        twenty sentences. Judgements made per paragraph ("a source named earlier in the
        paragraph covers what follows") would then span the article. A paragraph of at least
        :data:`RUN_TOGETHER` sentences is taken to be run together, and each of its sentences
        becomes a paragraph, except that a sentence inside a quotation stays with the one
        before. Indices are renumbered so that neighbours stay neighbours (``index`` differs
        by one) and a gap between the given blocks stays a gap; spans stay document offsets.
        """
        out: list[Block] = []
        number = 0
        last: int | None = None
        for block in blocks:
            if last is not None and block.index != last + 1:
                number += 1  # a block in between (a heading, a list) keeps them apart
            last = block.index
            for span in self._parts(block):
                text = block.text[span.start : span.end]
                start = block.span.start + span.start
                out.append(Block(block.kind, number, Span(start, start + len(text)), text))
                number += 1
        return out

    def _parts(self, block: Block) -> list[Span]:
        """The spans (relative to the block) of the paragraphs a block holds."""
        analysed = self.block(block)
        sentences = analysed.sentences
        if block.kind is not BlockKind.PARAGRAPH or len(sentences) < RUN_TOGETHER:
            return [Span(0, len(block.text))]
        quotes = analysed.quotes
        cuts = [0]
        for sentence in sentences[1:]:
            start = sentence.start
            if any(q.start < start < q.end for q in quotes):
                continue
            if len(block.text[cuts[-1] : start].split()) >= PARAGRAPH_WORDS:
                cuts.append(start)
        cuts.append(len(block.text))
        parts = []
        for begin, end in pairwise(cuts):
            text = block.text[begin:end]
            trimmed = len(text.rstrip())
            if trimmed:
                parts.append(Span(begin, begin + trimmed))
        return parts

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
