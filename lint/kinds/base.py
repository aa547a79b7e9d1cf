"""The contract between the engine and a rule kind: :class:`Kind`, :class:`Scope` and one check
signature (a :class:`typing.Protocol`) per scope.

A kind module ends with ``KIND = Kind("name", Scope.X, Options, check)``. ``Options`` is a frozen
dataclass (``__post_init__`` validates values and compiles patterns once); ``check`` is a pure
function yielding :class:`lint.core.finding.Hit` values, called as its scope's protocol says.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from lint.core.document import Block, Document
    from lint.core.finding import Hit
    from lint.core.kept import Linted
    from lint.tracking.pairing import Pair


class Scope(enum.StrEnum):
    """What one call of a kind's check sees."""

    BLOCK = "block"  # each selected block's text; spans relative to the text
    DOCUMENT = "document"  # one document and its selected blocks; spans in the document
    CORPUS = "corpus"  # every document; results are (unit index, hit)
    PAIR = "pair"  # a rewrite paired with its original; spans in the rewrite
    POST = "post"  # never run by the engine: findings made after it (directives)


#: Scopes whose rules need other documents than the one linted: they run once, in the parent.
CORPUS_SCOPES = frozenset({Scope.CORPUS, Scope.PAIR})

#: A corpus check's input: each document with its selected blocks. The document may be what the
#: run kept of it (:class:`lint.core.kept.Kept`: no text; its blocks' text is ``""``, the kind's
#: ``prepare`` filled its memo, and ``Kept.document()`` parses it again when the text is needed).
Unit = tuple["Linted", Sequence["Block"]]


class BlockCheck(Protocol):
    def __call__(self, text: str, options: Any, /) -> Iterable[Hit]: ...


class DocumentCheck(Protocol):
    def __call__(
        self, document: Document, blocks: Sequence[Block], options: Any, /
    ) -> Iterable[Hit]: ...


class CorpusCheck(Protocol):
    def __call__(self, units: Sequence[Unit], options: Any, /) -> Iterable[tuple[int, Hit]]: ...


class PairCheck(Protocol):
    def __call__(self, pair: Pair, blocks: Sequence[Block], options: Any, /) -> Iterable[Hit]: ...


Check = BlockCheck | DocumentCheck | CorpusCheck | PairCheck


@dataclass(frozen=True)
class Kind:
    """A rule kind: its registry name, scope, options dataclass and check (None for POST)."""

    name: str
    scope: Scope
    options: type
    check: Any = None  # one of the protocols above, as ``scope`` says
    #: a corpus check that takes ``context=N``: its first N units are compared with, never
    #: reported on (a hook's committed corpus), so it may skip looking for their own copies
    takes_context: bool = False
    #: a corpus kind's per-document preparation, ``prepare(document, blocks, options)``: fills
    #: the document's portable memo (see ``Document.portable``) with what ``check`` derives from
    #: one document, so worker processes do it in parallel instead of the parent
    prepare: Any = None
    #: a corpus kind that takes context may say which context documents can bear on the findings
    #: of the linted ones: ``tokens(document, blocks, options, rank)`` yields ints such that a
    #: context document sharing none with any linted document changes none of their findings
    #: (the same function on both sides). ``rank(int) -> int`` is a fixed order for the ints
    #: (lower first) that ``counted(document, blocks, options)`` (the int sets whose corpus
    #: frequencies it holds) helps build. A hook's corpus index then loads only the context
    #: documents sharing a token with the staged ones (see :mod:`lint.io.index`).
    tokens: Any = None
    counted: Any = None

    def __post_init__(self) -> None:
        if (self.check is None) != (self.scope is Scope.POST):
            raise TypeError(f"kind {self.name!r}: only a post kind has no check")
