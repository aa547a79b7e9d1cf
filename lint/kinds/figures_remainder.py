"""The rest of a set whose size the story already gave ("doubts that the market could sustain
27 market makers" ... "some of the remaining 26 may opt to bow out"): arithmetic on a figure in
the text, no new claim (FIGURES-POLICY.md). The total keeps its own judgement."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
#: What a size is of: (percentage?, money?, unit, the counted word or ""): money's unit is often
#: "" too, and "the other 50 passengers" is the rest of passengers, not of tonnes.
_Key = tuple[bool, bool, str, str]


def _keys(figure: Figure) -> tuple[_Key, _Key]:
    """The thing ``figure`` counts, and its kind of unit whatever was counted (under the counted
    word "": "the remaining 26" names no noun)."""
    unit = (figure.percent, figure.kind is FigureKind.MONEY, figure.unit)
    return (*unit, figure.counted.lower()), (*unit, "")


def is_remainder(block: BlockText, figure: Figure, earlier: Iterable[BlockText]) -> bool:
    """Whether ``figure`` is the rest of a set ("the remaining 26") and an ``earlier`` paragraph
    (read lazily: only for such a figure), or its own paragraph before it, states a larger
    figure of the same thing (the set's size): a count of the same noun (any count when the rest
    names none), money after money, a percentage after percentages."""
    start = figure.extent.start
    head = block.text[max(0, start - 20) : start]
    if ("remaining" not in head and "other" not in head) or not _REST_BEFORE.search(head):
        return False
    key = _keys(figure)[0]

    def larger(other: Figure) -> bool:
        return other.kind in _SIZES and key in _keys(other) and other.value > figure.value

    if any(larger(f) for paragraph in earlier for f in paragraph.figures):
        return True
    return any(f.span.start < start and larger(f) for f in block.figures)
