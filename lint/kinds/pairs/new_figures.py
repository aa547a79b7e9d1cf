"""Kind ``new-figures``: figures in a rewrite that its original does not state.

A thin adapter over :mod:`lint.tracking.support.figures`; runs only on a rewrite that has an
original (declared, or matched above the tracking threshold). One hit per occurrence.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lint.core.document import Block, Document
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope
from lint.kinds.pairs.options import NewFiguresOptions as Options
from lint.text.analysis import analysis
from lint.tracking.pairing import Pair
from lint.tracking.support.figures import Stated, unsupported_figures


def _stated(original: Document) -> Stated:
    """Computed once per original (one original is often paired with many rewrites)."""
    return analysis(original).memo("new_figures", lambda: Stated.of(original.text))


def check(pair: Pair, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    if pair.original is None:
        return
    original = _stated(pair.original)
    for block in blocks:
        for found in unsupported_figures(block.text, original):
            figure, nearest = found.figure, found.nearest
            values = {
                "figure": figure.text,
                "problem": "is not in the original"
                + (f" (nearest there: '{nearest.text}')" if nearest else ""),
            }
            data = {
                "figure": figure.text,
                "value": figure.value,
                "percent": figure.percent,
                "nearest": nearest.text if nearest else None,
                "original": pair.original.path,
            }
            yield Hit(figure.span.shift(block.start), values, data)


KIND = Kind("new-figures", Scope.PAIR, Options, check)
