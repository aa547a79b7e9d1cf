"""Figures a rewrite states that its original does not.

Figures come from the one recogniser (:mod:`lint.text.numbers`) and compare by normalised value
and kind (percentage or not), so "1,400" matches "1400", "10%" matches "10 per cent" and
"thirteen" matches "13", and a figure rounded at its own precision matches the exact one
("1,400" for "1,412", "99,541" for "99,541.98"). Incidental numbers are left out of the
comparison in both texts (the recogniser's kinds): years, clock times, ages and names with
numbers ("Formula 1", "F-16"); stamps such as ISO dates and list numbers are not figures at all.
A currency conversion ("$14.5m (£11m)") is support-neutral: a rewrite's conversion is never
reported, and an original's still counts as stated.

A bare numeral the original writes counts as stated too, whatever the recogniser made of it: a
results line ("Turnout 24,200 - 42.65%") is read as one range-like figure, "SNP 8,000 (30%)" as
no figure at all, and a range ("20-30") keys on its first end, yet each of those numbers is in
the original for a rewrite to repeat. Only numerals with nothing glued on count ("£2.5m",
"10pm", "F-16" and "10:30" add nothing), as themselves or, before "%" or "per cent", as
percentages. A numeral with a bare "m" glued on ("100m") counts both as metres and as
millions: the recogniser may take "the T38 100m" in the original for a name of 100 million and
"the 100m final" in the rewrite for a distance of 100.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from lint.text.counted_list import lists_count
from lint.text.mentions import Figure, figures
from lint.text.numbers import FigureKind

#: a changed figure names the original's nearest one only within this relative difference
#: (``|a - b| / max(a, b)``): 1,500 for 1,400 (0.07) or 15% for 10% (0.33), not 111 for 13.
NEAREST_WITHIN = 0.5

#: Kinds that are not claims a rewrite could add: compared in neither text.
INCIDENTAL = frozenset(
    {FigureKind.YEAR, FigureKind.TIME, FigureKind.NAME, FigureKind.AGE, FigureKind.CONVERSION}
)


#: A numeral with nothing glued to it (not "£2.5m", "10pm", "F-16", "10:30", "1.5.2"), and a
#: percent sign or "per cent" after it, if any.
_NUMERAL = re.compile(
    r"(?<![\w.,:/£$€¥])(?<![^\W\d_]-)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w:/]|[.,]\d)"
    r"(\s?%|\s?per ?cent\b|\s?percent\b)?"
)


#: A numeral with "m" glued on and no currency before it: metres or millions ("the 100m final",
#: "a net loss of 405m"), which the recogniser may read either way in either text.
_METRES_OR_MILLIONS = re.compile(
    r"(?<![\w.,:/£$€¥])(?<![^\W\d_]-)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?m\b"
)


def written_m(text: str) -> Iterator[tuple[float, bool]]:
    """Both readings of each numeral written with a bare "m": "100m" is 100 and 100 million."""
    for match in _METRES_OR_MILLIONS.finditer(text):
        number = float(match.group(1).replace(",", "") + (match.group(2) or ""))
        yield number, False
        yield number * 1e6, False


def written(text: str) -> Iterator[tuple[float, bool]]:
    """The keys (value, percentage or not) of the bare numerals in ``text``."""
    for match in _NUMERAL.finditer(text):
        number = match.group(1).replace(",", "") + (match.group(2) or "")
        yield float(number), match.group(3) is not None


#: "twice" and "thrice": numbers written as adverbs, which the recogniser does not count
_TIMES = re.compile(r"\b(twice|thrice)\b", re.IGNORECASE)
_TIMES_VALUES = {"twice": 2.0, "thrice": 3.0}

#: the multipliers a rewrite may add to an original's bare amount with decimals
_MULTIPLIERS = (1e3, 1e6, 1e9)


def written_times(text: str) -> Iterator[tuple[float, bool]]:
    """2 for each "twice", 3 for each "thrice"."""
    for match in _TIMES.finditer(text):
        yield _TIMES_VALUES[match.group(1).lower()], False


def multiplied(found: list[Figure]) -> Iterator[tuple[float, bool]]:
    """An amount written with decimals and no multiplier ("405.73", "£3.5"), times a thousand,
    a million and a billion: the values a rewrite gives it by writing the multiplier the
    original left out."""
    for figure in found:
        if not figure.percent and "." in figure.text and not _has_letter(figure.text):
            for scale in _MULTIPLIERS:
                yield round(figure.value * scale, 6), False


def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def incidental(figure: Figure) -> bool:
    """A year, a time, an age, part of a name or a conversion."""
    return figure.kind in INCIDENTAL


@dataclass(frozen=True)
class Unsupported:
    """A figure of the rewrite the original does not state, and the original's nearest one."""

    figure: Figure
    nearest: Figure | None


def _relative(a: float, b: float) -> float:
    top = max(abs(a), abs(b))
    return abs(a - b) / top if top else 0.0


def nearest(figure: Figure, candidates: list[Figure]) -> Figure | None:
    """The candidate of the same kind closest in value (first on ties), if close enough. A
    score is near only a score: "9 years" is no miscopy of a "13-6" win, nor "12-6" of 12%."""
    best: Figure | None = None
    best_distance = NEAREST_WITHIN
    score = figure.kind is FigureKind.SCORE
    for candidate in candidates:
        if candidate.percent != figure.percent or (candidate.kind is FigureKind.SCORE) != score:
            continue
        distance = _relative(candidate.value, figure.value)
        if distance <= best_distance and (best is None or distance < best_distance):
            best, best_distance = candidate, distance
    return best


def rounds_to(exact: Figure, shown: Figure) -> bool:
    """Whether ``shown`` is ``exact`` rounded or cut to ``shown``'s precision: "1,400" for
    "1,412", "99,541" for "99,541.98", "2.5 million" for "2,512,000". Only for figures of two or
    more significant digits: "10" is not "13" rounded, whatever the arithmetic says. A value too
    big for a float (a 400-digit numeral reads as infinity) rounds to nothing and from nothing."""
    if exact.percent != shown.percent or shown.value == 0:
        return False
    if not (math.isfinite(exact.value) and math.isfinite(shown.value)):
        return False
    _, digits, exponent = Decimal(repr(shown.value)).normalize().as_tuple()
    if len(digits) < 2 or not isinstance(exponent, int):
        return False
    unit = 10.0**exponent
    scaled = exact.value / unit
    if not math.isfinite(scaled):  # a huge exact value over a small unit
        return False
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
            frozenset(f.key for f in found)
            | frozenset(written(original))
            | frozenset(written_m(original))
            | frozenset(written_times(original))
            | frozenset(multiplied(found)),
            tuple(f for f in found if not incidental(f)),
        )


def unsupported_figures(text: str, original: str | Stated) -> Iterator[Unsupported]:
    """Each figure in ``text`` (spans relative to it) whose value is not in ``original``."""
    stated = original if isinstance(original, Stated) else Stated.of(original)
    keys, theirs = stated.keys, list(stated.figures)
    for figure in figures(text):
        if figure.key in keys or incidental(figure):
            continue
        if any(rounds_to(exact, figure) for exact in theirs):
            continue
        if lists_count(text, figure.span.end, figure.value):
            continue  # "two games left, against Scotland and Spain"
        yield Unsupported(figure, nearest(figure, theirs))
