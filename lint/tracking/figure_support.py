"""Figures a rewrite states that its original does not.

Figures compare by normalised value and kind (percentage or not), so "1,400" matches "1400",
"10%" matches "10 per cent" and "thirteen" matches "13". Years (a bare four-digit number from
1900 to 2100) are left out: a rewrite dating an event its original dates in words ("last week")
is not inventing a statistic, and years are checked by no other rule either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lint.tracking.mentions import Figure, figures

_YEAR = re.compile(r"(?:19|20)\d\d|2100")

#: a changed figure names the original's nearest one only within this relative difference
#: (``|a - b| / max(a, b)``): 1,500 for 1,400 (0.07) or 15% for 10% (0.33), not 111 for 13.
NEAREST_WITHIN = 0.5


def is_year(figure: Figure) -> bool:
    return not figure.percent and _YEAR.fullmatch(figure.text) is not None


@dataclass(frozen=True)
class Unsupported:
    """A figure of the rewrite the original does not state, and the original's nearest one."""

    figure: Figure
    nearest: Figure | None


def _relative(a: float, b: float) -> float:
    top = max(abs(a), abs(b))
    return abs(a - b) / top if top else 0.0


def nearest(figure: Figure, candidates: list[Figure]) -> Figure | None:
    """The candidate of the same kind closest in value (first on ties), if close enough."""
    best: Figure | None = None
    best_distance = NEAREST_WITHIN
    for candidate in candidates:
        if candidate.percent != figure.percent:
            continue
        distance = _relative(candidate.value, figure.value)
        if distance <= best_distance and (best is None or distance < best_distance):
            best, best_distance = candidate, distance
    return best


def unsupported_figures(text: str, original: str) -> Iterator[Unsupported]:
    """Each figure in ``text`` (spans relative to it) whose value is not in ``original``."""
    theirs = [f for f in figures(original) if not is_year(f)]
    keys = {f.key for f in figures(original)}
    for figure in figures(text):
        if is_year(figure) or figure.key in keys:
            continue
        yield Unsupported(figure, nearest(figure, theirs))
