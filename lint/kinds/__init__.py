"""Rule kinds: one module per kind, registered in :data:`KINDS`.

A kind module defines:

- ``LEVEL``: ``"block"`` (run on each selected block's text), ``"document"`` (run once per
  document on its selected blocks), ``"corpus"`` (run once over every document) or ``"pair"``
  (run once per rewrite paired with its original, see :mod:`lint.tracking.pairing`);
- ``Options``: a frozen dataclass; ``__post_init__`` validates values and compiles patterns once;
- ``check``: a pure function yielding :class:`lint.core.finding.Hit` values:
  ``check(text, options)`` for block kinds (spans relative to ``text``),
  ``check(document, blocks, options)`` for document kinds (spans in the document),
  ``check(units, options)`` for corpus kinds, where ``units`` is a sequence of
  ``(document, blocks)`` and each result is ``(unit_index, hit)``;
  ``check(pair, blocks, options)`` for pair kinds, ``blocks`` being the rewrite's selected
  blocks and spans in the rewrite.

``LEVEL = "post"`` marks a kind the engine never runs (``directives``: see
:mod:`lint.engine.suppress`).
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: kind name -> module path. Modules are imported only when a rule of that kind is loaded, so
#: heavy libraries (textstat, scikit-learn) are imported only when a rule needs them.
KINDS: dict[str, str] = {
    "phrases": "lint.kinds.phrases",
    "pattern": "lint.kinds.pattern",
    "duplicates": "lint.kinds.duplicates",
    "figures": "lint.kinds.figures",
    "density": "lint.kinds.density",
    "readability": "lint.kinds.readability",
    "tracking": "lint.kinds.pairs.tracking",
    "directives": "lint.kinds.directives",
    "new-figures": "lint.kinds.pairs.new_figures",
    "new-names": "lint.kinds.pairs.new_names",
    "quote-diff": "lint.kinds.pairs.quote_diff",
    "new-phrases": "lint.kinds.pairs.new_phrases",
}


def load_kind(name: str) -> ModuleType:
    """Import the module for kind ``name``; raises ``KeyError`` for an unknown kind."""
    return importlib.import_module(KINDS[name])
