"""Figures a rewrite states that its original does not.

Figures compare by normalised value and kind (percentage or not), so "1,400" matches "1400",
"10%" matches "10 per cent" and "thirteen" matches "13", and a figure rounded at its own
precision matches the exact one ("1,400" for "1,412", "99,541" for "99,541.98"). Left out, in
both texts:

- years (a bare four-digit number from 1900 to 2100): a rewrite dating an event its original
  dates in words ("last week") is not inventing a statistic;
- clock and race times ("5:20", "0520 GMT", "1:57.67", "10pm"), which the two texts may write
  in different forms;
- numbers that are part of a name ("Formula 1", "F-16", "Apollo 11");
- list numbers ("3. The yacht capsized").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from lint.text.mentions import Figure, figures

_YEAR = re.compile(r"(?:19|20)\d\d|2100")
_TIME_BEFORE = re.compile(r"\d[:.]$")
_TIME_AFTER = re.compile(
    r"(?:[:.]\d\d|\s?(?:a\.?m\b\.?|p\.?m\b\.?|GMT|BST|UTC|EST|EDT|PST|CET|hrs\b|h\b))",
    re.IGNORECASE,
)
_LIST_NUMBER = re.compile(r"[.)]\s")
_NAME_BEFORE = re.compile(r"(?:\b(?P<word>[A-Z][a-z]+) |[A-Za-z]-)$")
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""".split()  # noqa: SIM905
)

#: a changed figure names the original's nearest one only within this relative difference
#: (``|a - b| / max(a, b)``): 1,500 for 1,400 (0.07) or 15% for 10% (0.33), not 111 for 13.
NEAREST_WITHIN = 0.5


def is_year(figure: Figure) -> bool:
    return not figure.percent and _YEAR.fullmatch(figure.text) is not None


def incidental(text: str, figure: Figure) -> bool:
    """A year, a time or part of a name, in ``text`` (see the module docstring)."""
    if figure.percent:
        return False
    if is_year(figure) or not figure.text[:1].isdigit():
        return is_year(figure)
    before = text[max(0, figure.span.start - 30) : figure.span.start]
    line_start = not before.rpartition("\n")[2].strip(" \t*-#")
    if line_start and _LIST_NUMBER.match(text, figure.span.end):
        return True
    if _TIME_BEFORE.search(before) or _TIME_AFTER.match(text, figure.span.end):
        return True
    name = _NAME_BEFORE.search(before)
    if name is None:
        return False
    word = name.group("word")
    if word is None:
        return True  # "F-16"
    if word.lower() in _MONTHS:
        return False  # a date: "March 6"
    ahead = before[: name.start()].rstrip(" \t\"“‘'(")
    return bool(ahead) and ahead[-1] not in ".!?:\n"  # "In 7 cases" starts a sentence


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


def rounds_to(exact: Figure, shown: Figure) -> bool:
    """Whether ``shown`` is ``exact`` rounded or cut to ``shown``'s precision: "1,400" for
    "1,412", "99,541" for "99,541.98", "2.5 million" for "2,512,000". Only for figures of two or
    more significant digits: "10" is not "13" rounded, whatever the arithmetic says."""
    if exact.percent != shown.percent or shown.value == 0:
        return False
    _, digits, exponent = Decimal(repr(shown.value)).normalize().as_tuple()
    if len(digits) < 2 or not isinstance(exponent, int):
        return False
    unit = 10.0**exponent
    scaled = exact.value / unit
    return any(
        math.isclose(candidate * unit, shown.value, rel_tol=1e-9)
        for candidate in (round(scaled), math.trunc(scaled))
    )


@dataclass(frozen=True)
class Stated:
    """The figures an original states: all their keys, and those a rewrite's may be near."""

    keys: frozenset[tuple[float, bool]]
    figures: tuple[Figure, ...]  # without years, times and names

    @classmethod
    def of(cls, original: str) -> Stated:
        found = list(figures(original))
        return cls(
            frozenset(f.key for f in found),
            tuple(f for f in found if not incidental(original, f)),
        )


def unsupported_figures(text: str, original: str | Stated) -> Iterator[Unsupported]:
    """Each figure in ``text`` (spans relative to it) whose value is not in ``original``."""
    stated = original if isinstance(original, Stated) else Stated.of(original)
    keys, theirs = stated.keys, list(stated.figures)
    for figure in figures(text):
        if figure.key in keys or incidental(text, figure):
            continue
        if any(rounds_to(exact, figure) for exact in theirs):
            continue
        yield Unsupported(figure, nearest(figure, theirs))
