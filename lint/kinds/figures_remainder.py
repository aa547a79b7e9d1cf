"""The rest of a set whose size the story already gave ("doubts that the market could sustain
27 market makers" ... "some of the remaining 26 may opt to bow out"): arithmetic on a figure in
the text, no new claim (FIGURES-POLICY.md). The total keeps its own judgement."""

from __future__ import annotations

import re

from lint.text.analysis import BlockText
from lint.text.numbers import Figure, FigureKind

#: The words naming the rest of a set right before its count ("the remaining", "the other").
_REST_BEFORE = re.compile(r"\bthe\s+(?:remaining|other)\s+$", re.IGNORECASE)
#: Kinds whose values can be a set's size (not years, dates, ages or durations).
_SIZES = frozenset(
    {
        FigureKind.COUNT,
        FigureKind.PEOPLE,
        FigureKind.CASUALTY,
        FigureKind.RECORD,
        FigureKind.MONEY,
        FigureKind.PERCENTAGE,
    }
)
#: The largest size seen so far by (percentage?, money?, unit): money's unit is often "" too.
Totals = dict[tuple[bool, bool, str], float]


def _key(figure: Figure) -> tuple[bool, bool, str]:
    return (figure.percent, figure.kind is FigureKind.MONEY, figure.unit)


def add_totals(totals: Totals, block: BlockText) -> None:
    """Record the sizes ``block`` states (called once per paragraph, in order)."""
    for figure in block.figures:
        if figure.kind in _SIZES:
            key = _key(figure)
            if figure.value > totals.get(key, 0.0):
                totals[key] = figure.value


def is_remainder(block: BlockText, figure: Figure, totals: Totals) -> bool:
    """Whether ``figure`` is the rest of a set ("the remaining 26") and an earlier paragraph, or
        its own paragraph before it, states a larger figure of the same unit (the set's size): a
    count after counts, money after money, a percentage after percentages."""
    start = figure.extent.start
    head = block.text[max(0, start - 20) : start]
    if ("remaining" not in head and "other" not in head) or not _REST_BEFORE.search(head):
        return False
    key = _key(figure)
    if totals.get(key, 0.0) > figure.value:
        return True
    return any(
        f.span.start < start and f.kind in _SIZES and _key(f) == key and f.value > figure.value
        for f in block.figures
    )
