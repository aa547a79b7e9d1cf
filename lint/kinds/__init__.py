"""Rule kinds: one module per kind, registered in :data:`KINDS`.

Each kind module ends with ``KIND = Kind(name, scope, Options, check)`` (see
:mod:`lint.kinds.base` for the contract and the check signature of each scope).
:func:`kind` imports a kind's module on first use, so heavy libraries (textstat, scikit-learn)
are imported only when a rule of that kind is loaded.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lint.kinds.base import Kind

#: kind name -> module path.
KINDS: dict[str, str] = {
    "phrases": "lint.kinds.phrases",
    "pattern": "lint.kinds.pattern",
    "markup": "lint.kinds.markup",
    "duplicates": "lint.kinds.duplicates",
    "figures": "lint.kinds.figures",
    "density": "lint.kinds.density",
    "readability": "lint.kinds.readability",
    "tracking": "lint.kinds.pairs.tracking",
    "directives": "lint.kinds.directives",
    "unreadable": "lint.kinds.unreadable",
    "empty": "lint.kinds.empty",
    "new-figures": "lint.kinds.pairs.new_figures",
    "new-names": "lint.kinds.pairs.new_names",
    "quote-diff": "lint.kinds.pairs.quote_diff",
    "new-phrases": "lint.kinds.pairs.new_phrases",
}

#: The kinds whose checks run on a rewrite and its original (``Scope.PAIR``), known without
#: importing them: a run asks every rule's level before it knows whether it has a pair to check,
#: and these modules (with the tracking support code they use) are imported only to check one.
PAIR_KINDS = frozenset({"tracking", "new-figures", "new-names", "quote-diff", "new-phrases"})


@functools.cache
def kind(name: str) -> Kind:
    """The kind registered as ``name`` (its module imported once); ``KeyError`` if unknown."""
    found: Kind = importlib.import_module(KINDS[name]).KIND
    return found
