"""Which committed documents a hook's corpus rules need: the tokens of :class:`Selector`.

A pre-commit hook lints a few staged files against a corpus of thousands. The corpus rules
(duplicates) compare each staged block with committed blocks that share a key or a shingle with
it; a committed document sharing no token with any staged one changes none of the staged files'
findings (see ``tokens`` in :mod:`lint.kinds.duplicates`). The corpus index keeps each committed
file's tokens and an inverted list of them, so a hook loads only the documents that can matter
and the run's cost stays flat in the corpus size.

A selector exists only when every corpus rule's kind says how to select (``Kind.tokens``); its
``signature`` names the rules' kinds, scopes and options, so tokens made for other rules are
never used.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from lint.core.document import Document
from lint.engine.rules import Rule
from lint.kinds.base import Scope


@dataclass(frozen=True)
class Selector:
    """The corpus rules' tokens of a document (see the module docstring)."""

    rules: tuple[Rule, ...]
    signature: str

    @classmethod
    def of(cls, rules: Iterable[Rule]) -> Selector | None:
        """The selector of ``rules``' corpus rules; None when one of them cannot select."""
        from lint.io.cache import canonical

        corpus = tuple(r for r in rules if r.level is Scope.CORPUS)
        if any(r.kind_impl.tokens is None for r in corpus):
            return None
        described = [
            [r.kind, sorted(s.value for s in r.scope), canonical(r.options)] for r in corpus
        ]
        signature = hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()
        return cls(corpus, signature)

    def tokens(self, documents: Sequence[Document], rank: Callable[[int], int]) -> set[int]:
        found: set[int] = set()
        for document in documents:
            for rule in self.rules:
                blocks = document.blocks_of(rule.scope)
                found.update(rule.kind_impl.tokens(document, blocks, rule.options, rank))
        return found

    def counted(self, documents: Sequence[Document]) -> Iterator[frozenset[int]]:
        for document in documents:
            for rule in self.rules:
                counted = rule.kind_impl.counted
                if counted is not None:
                    yield from counted(document, document.blocks_of(rule.scope), rule.options)
