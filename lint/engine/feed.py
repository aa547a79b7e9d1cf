"""The corpus rules fed each linted document as it comes (:class:`CorpusFeed`), so a run does
their work while worker processes lint the later documents, not after the last one (the
engine, :mod:`lint.engine.engine`, sorts documents by ``document_order`` and runs the rules)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Protocol

from lint.core.document import Block, BlockKind
from lint.core.finding import Hit
from lint.core.kept import Linted
from lint.engine.rules import Rule
from lint.kinds.base import Scope


class Stream(Protocol):
    """A corpus kind's check fed one unit at a time (``check.stream(options, blocks_of)``)."""

    def add(self, document: Linted, blocks: Sequence[Block]) -> None: ...
    def results(self) -> list[tuple[int, Hit]]: ...


_EVERY_KIND = frozenset(BlockKind)


def _blocks_of(scope: frozenset[BlockKind], document: Linted) -> tuple[Block, ...]:
    return document.blocks_of(scope)


class CorpusFeed:
    """The corpus rules' work done on each linted document as it comes, in the order
    :meth:`Engine.check_corpus` sorts them, so a run does it while worker processes lint the
    later documents, not after the last one. A rule whose kind's check has a ``stream``
    (``check.stream(options, blocks_of)``: ``add(document, blocks)`` per unit, ``results()``
    equal to ``check(units, options)``) is fed; :meth:`Engine.check_corpus` takes its results
    when the documents it is given are the documents fed, in that order, and there is no
    context; otherwise (or if a stream failed) the rule runs as without a feed."""

    def __init__(self, rules: Sequence[Rule], expected: int | None = None) -> None:
        """``expected``: about how many documents will come (a hint)."""
        self.documents: list[Linted] = []
        self.streams: dict[int, Stream] = {}  # by the rule's position in ``rules``
        self._scopes: dict[int, frozenset[BlockKind]] = {}
        for position, rule in enumerate(rules):
            if rule.level is not Scope.CORPUS:  # (a pair kind's module stays unloaded)
                continue
            make = getattr(rule.kind_impl.check, "stream", None)
            if make is not None:
                scope = rule.scope
                blocks_of = functools.partial(_blocks_of, scope)
                self.streams[position] = make(rule.options, blocks_of, expected)
                self._scopes[position] = scope

    def add(self, document: Linted) -> None:
        """The next document (documents come in :func:`document_order`)."""
        self.documents.append(document)
        if not self.streams:
            return
        # every block made once (a kept document makes them), then each scope's picked out
        every = document.blocks_of(_EVERY_KIND)
        blocks: dict[frozenset[BlockKind], tuple[Block, ...]] = {}  # rules sharing a scope
        for position, stream in list(self.streams.items()):
            scope = self._scopes[position]
            if scope not in blocks:
                blocks[scope] = tuple(b for b in every if b.kind in scope)
            try:
                stream.add(document, blocks[scope])
            except Exception:  # the rule runs without its stream (and fails there, if it must)
                del self.streams[position]

    def fed(self, documents: Sequence[Linted]) -> bool:
        """Whether ``documents`` (sorted) are the documents fed, in that order."""
        fed = self.documents
        if len(fed) != len(documents):
            return False
        return all(a is b for a, b in zip(fed, documents, strict=True))
