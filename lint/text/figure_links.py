"""Figures that lean on the figure before them: a bracketed conversion ("$14.5m (£11m)") and a
figure joined by "to" or "or" to one of public record, market data, a score or an age."""

from __future__ import annotations

import re

from lint.text.figure import Figure
from lint.text.figure_context import FigureKind
from lint.text.figure_counts import MEASURES

_CONVERSION_BEFORE = re.compile(
    r"[(\[]\s*(?:about|around|roughly|approximately|approx\.?|some|nearly|almost|or|c\.|~|=)?\s*$"
    # wire copy restates an amount after a comma and "or" ("1,700 billion yen, or some 11.5
    # billion dlrs", "one trillion dlrs, or 1,100 billion dlrs"): the same claim again
    r"|,\s*or\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+|nearly\s+"
    r"|almost\s+|just\s+(?:over|under)\s+)?$",
    re.IGNORECASE,
)
_JOINED = re.compile(
    r"\s*(?:(?:points?|pts|pence|cents?)\s+)?(?:,|, and|to|or|and|-|–|from"
    r"|(?:of the \w+ )?compared (?:to|with)(?: (?:Mr|Mrs|Ms|Dr)\.?)?(?: [A-Z][\w.-]*(?:'s|’s))?)\s+"
    r"(?:(?:more|less|fewer) than|about|around|nearly|almost|over|under)?\s*$"
)
#: Kinds a figure joined to another by "to", "or", "and" shares ("$500,000 to $1 million").
_SHARED = frozenset(
    {FigureKind.RECORD, FigureKind.MARKET, FigureKind.SCORE, FigureKind.AGE, FigureKind.DATE}
)


#: A ratio's second figure ("$4 of every $5", "two out of 25", "one in every 10"): one claim
#: with the figure before it, judged once there.
_RATIO = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,3}?(?:out of|of every|in every|of each|in each)\s+$"
    # a share restating the figure before it ("24.3 mln new shares, representing 65 pct")
    r"|\s*,?\s*(?:representing|equal(?:ling|ing)? to|equivalent to)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?$"
)


#: A range's second figure ("estimated at between 133,000 and 135,000 tonnes"): one claim.
_RANGE_AND = re.compile(r"\s*(?:[a-z]+\s+)?and\s+$")
_BETWEEN = re.compile(r"\bbetween\s+(?:about\s+|some\s+|roughly\s+)?$", re.IGNORECASE)


def linked(text: str, figure: Figure, previous: Figure | None) -> Figure:
    """A money or distance figure in brackets right after another restates it, and so does any
    figure in brackets right after a measure ("984ft (300m)"); a figure joined to a figure of
    public record, market data, a score, an age or a date by "to", "or", "and", a comma or
    "compared with" ("at ages 75, 85 and 95", "between September 23 and 30") is one too, when
    both are percentages or neither is. A ratio's second figure ("$4 of every $5") and a range's
    ("between 133,000 and 135,000") are one claim with the figure before them."""
    if previous is not None and _RATIO.fullmatch(text, previous.extent.end, figure.extent.start):
        return figure.as_kind(FigureKind.OTHER)
    if (
        previous is not None
        and figure.percent == previous.percent
        and _RANGE_AND.fullmatch(text, previous.extent.end, figure.extent.start)
        and _BETWEEN.search(text, max(0, previous.extent.start - 20), previous.extent.start)
    ):
        return figure.as_kind(FigureKind.OTHER)
    if (
        previous is not None
        and previous.kind in _SHARED
        and figure.kind is not previous.kind
        and figure.percent == previous.percent  # "February 21-28 period compared with 55.7 pct"
        and _JOINED.fullmatch(text, previous.extent.end, figure.extent.start)
    ):
        return figure.as_kind(previous.kind)
    if previous is None or figure.kind not in (FigureKind.MONEY, FigureKind.DISTANCE):
        if previous is None or not _measure(previous) or figure.percent:
            return figure  # "984ft (300m)", "45 kg (100 lbs)": a measure in brackets restates it
    elif previous.kind not in (FigureKind.MONEY, FigureKind.DISTANCE, FigureKind.MARKET):
        return figure
    between = text[previous.extent.end : figure.extent.start]
    if len(between) > 20 or not _CONVERSION_BEFORE.search(between):
        return figure
    if "(" not in between and "[" not in between and not _restates(previous, figure):
        return figure  # "5 mln dlrs, or 12 mln dlrs before tax": another amount
    return figure.as_kind(FigureKind.CONVERSION)


def _restates(previous: Figure, figure: Figure) -> bool:
    """Whether a figure after ", or" restates the one before it: the same value, or an amount
    in another currency or unit ("1,700 billion yen, or some 11.5 billion dlrs"), not a price
    per share or per unit ("5 mln dlrs, or 20 cents a share", a market price)."""
    unit, before = _unit(figure), _unit(previous)
    if unit == before:  # a rounder or finer statement of it ("over one trillion dlrs, or 1,100
        # billion dlrs"), not another amount ("5 mln dlrs, or 12 mln dlrs before tax")
        low, high = sorted((figure.value, previous.value))
        return low > 0 and high <= low * 1.25
    return bool(unit) and bool(before) and unit not in _SMALL_UNITS


def _unit(figure: Figure) -> str:
    """The currency or unit of an amount: its symbol ("$") or the word after it ("dlrs")."""
    return (figure.unit or figure.counted).lower()


#: Currency units an amount is not restated in (a price per share: "or 20 cents a share").
_SMALL_UNITS = frozenset({"cents", "cent", "cts", "ct", "pence", "p", "pfennigs", "pfennig"})


def _measure(figure: Figure) -> bool:
    """A distance, or a count of a unit of measure ("45 kg")."""
    return figure.kind is FigureKind.DISTANCE or (
        figure.kind is FigureKind.COUNT and figure.counted.lower() in MEASURES
    )
