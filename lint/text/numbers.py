"""THE figure recogniser: every number in a text, parsed and classified.

Used by ``unattributed-figure`` / ``vague-attribution`` (which flag figures that need a source)
and by ``unsupported-figure`` (which compares a rewrite's figures with its original's), so both
agree on what a figure is. Work happens only around number candidates: a text with no digit and
no number word costs one regex search.

A figure has a ``span`` (the number as written with its multiplier or percent sign: "14.5m",
"10 per cent"), an ``extent`` (with its currency sign and the thing counted: "$14.5m",
"13 officers"), a ``value``, a ``unit`` ("%", a currency, a measure) and a ``kind``
(:class:`FigureKind`). Decisions on the cases the two rules used to disagree on:

- "1850": a bare four-digit number from 1800 to 2099 is a year (kind ``year``), unless it carries
  a currency, multiplier or percent sign.
- "3D", "G7", "COVID-19", "737MAX": letters glued to the number make a name (``name``).
- "25-year-old", "aged 25", "25 years old": an age (``age``).
- "$14.5m (£11m)": the bracketed amount restates the one before it: kind ``conversion``.
- "10 per cent" and "10%": the same percentage, value 10, unit "%".

Stamps are not figures at all: ISO and numeric dates ("2025-03-14", "14/03/2025"), fractions,
clock times ("10:30"), phone numbers and list numbering ("1. ").
"""

from __future__ import annotations

import re

from lint.core.document import Span
from lint.text import figure_context as ctx
from lint.text.figure import Figure
from lint.text.figure_age import age_context, is_age_apposition
from lint.text.figure_context import FigureKind
from lint.text.figure_counts import attendance, count_kind
from lint.text.figure_currency import currency_after, elided_currency
from lint.text.figure_glued import numeral_parts
from lint.text.figure_links import linked
from lint.text.figure_names import names_again
from lint.text.figure_period import is_short_year
from lint.text.figure_tally import tally_kind, vote_tally
from lint.text.figure_trailing import after_kind, modifier_kind
from lint.text.lazy_re import lazy_re
from lint.text.numeral_scan import DIGIT, free_numerals
from lint.text.spelled_scan import NUMBER_WORD, spelled_matches, spelled_parts
from lint.text.tokens import counted_end, counted_word, wordlist

__all__ = ["Figure", "FigureKind", "figures", "has_candidate"]


#: Words after an amount that are not a thing counted ("6.50 billion compared with").
_NOT_COUNTED = frozenset(("", "compared", "against", "versus", "from", "in", "for", "last", "this"))


def has_candidate(text: str) -> bool:
    """Whether ``text`` has a digit or a number word at all."""
    return DIGIT.search(text) is not None or NUMBER_WORD.search(text) is not None


def figures(text: str) -> tuple[Figure, ...]:
    """Every figure of ``text`` in order, classified; stamps and "one" are left out.

    (No :func:`has_candidate` test first: a numeral holds a digit and a spelled number starts
    with a unit word, so a text without a candidate gives no match to either scan, which cost
    less than the test's search of the text for a number word did.)"""
    found: list[Figure] = []
    for m in free_numerals(text):
        found.extend(_numeral(text, m))
    for m in spelled_matches(text):
        found.extend(_spelled(text, m))
    found.sort()
    kept: list[Figure] = []
    for figure in found:
        if not kept or figure.extent.start >= kept[-1].extent.end:
            kept.append(linked(text, figure, kept[-1] if kept else None))
    return tuple(kept)


def _numeral(text: str, m: re.Match[str]) -> list[Figure]:
    start, end, value, unit, kind = numeral_parts(text, m)
    if kind is None:
        kind = numeral_kind(text, m, end, value, unit)
    return [build_figure(text, Span(start, end), m.start(), value, kind, unit, False)]


#: The rest of a mixed fraction after "98-1" ("/4"), with no unit after it.
_FRACTION_REST = lazy_re(r"/(?:2|4|8|16|32|64)\b(?!\s*(?:%|pct|percent|per\s+cent|mln|billion))")


def numeral_kind(text: str, m: re.Match[str], end: int, value: float, unit: str) -> FigureKind:
    start = m.start()
    plain = not (m["cur"] or m["mult"] or m["pct"]) and not unit
    if m["num2"] and m["dash"] == "-" and plain and _FRACTION_REST().match(text, end):
        return FigureKind.MARKET  # a price quoted in fractions ("unchanged at 98-1/4, 98-1/2")
    if m["num2"] and m["dash"] not in ("to", "and") and plain:
        tally = tally_kind(text, start, end)
        if tally is not None:
            return tally
    if not (m["mult"] or m["pct"]):
        modifier = modifier_kind(text, end)
        if modifier is not None:
            return modifier
    if plain and "," not in m["num"] and "." not in m["num"] and 1800 <= value <= 2099:
        return FigureKind.YEAR
    if plain and not m["num2"] and is_short_year(text, start, end):
        return FigureKind.YEAR  # "the Crash of '29"
    if plain and value <= 31 and ctx.is_date(text, start, end):
        return FigureKind.DATE
    if plain and is_age_apposition(text, start, end, value):
        return FigureKind.AGE
    currency = not m["pct"] and currency_after(text, end) is not None
    if (unit and unit != "%") or currency:
        if ctx.is_market(text, start, end):
            return FigureKind.MARKET
        if (
            ctx.is_statutory(text, start, end)
            or ctx.is_threshold(text, end)
            or ctx.is_prize(text, end)
        ):
            return FigureKind.RECORD
        return FigureKind.MONEY
    return _context_kind(text, start, end, value, plain, bool(m["pct"]), False)


def listed_digits(text: str, end: int, digits: str) -> str:
    """``digits`` where a plain number could close a list of names ("Ship Shoal 128 and 129"):
    no counted word follows it ("Highway 61 and 20 people" is a count); else ""."""
    rest = text[end : end + 12].lstrip()
    if not rest[:1].isalpha():
        return digits
    word = rest.split(None, 1)[0].rstrip(".,;:")
    return digits if word in _AFTER_NAME_LIST else ""


#: Words that may follow a list of names with numbers, where a counted noun would follow a count
#: ("tracts Ship Shoal 128 and 129 this year", "on Route 9 and 10 in the north").
_AFTER_NAME_LIST = frozenset(
    wordlist(
        """this that these the a an in on at of for to from with by near into next last were was
        are is will would have had has as and or but which where while when"""
    )
)


_LAST_BRACKETS = re.compile(r"\s*\([^()]{1,60}\)(?=\s*(?:,|and|or|to|-|–)\s*$)")


def _unbracketed(text: str, start: int) -> str:
    """The 40 characters before ``start`` with the brackets closing the list before it dropped."""
    return _LAST_BRACKETS.sub("", text[max(0, start - 110) : start], count=1)[-40:]


def _context_kind(
    text: str, start: int, end: int, value: float, plain: bool, pct: bool, spelled: bool
) -> FigureKind:
    """The kind of a count or percentage from the words around it."""
    head = text[max(0, start - 40) : start]
    if plain and vote_tally(text, start, end):
        return FigureKind.RECORD  # "The Senate voted 64 to 32": a vote's result
    if plain or spelled:
        listed = listed_digits(text, end, text[start:end]) if plain else ""
        kind = ctx.before_kind(head, spelled, listed)
        if kind is None and ")" in head[-8:]:
            # the next of a list whose last item names a place in brackets ("junctions 25A
            # (Caerleon and Cwmbran) and 26"): read as if the brackets were not there
            kind = ctx.before_kind(_unbracketed(text, start), spelled, listed)
        if kind is not None:
            return kind
        if plain and names_again(text, start, head):
            return FigureKind.NAME  # "VW's new Audi 80 ... The 80 doubled its sales"
        if age_context(head, value) and not counted_word(text, end).endswith("s"):
            return FigureKind.AGE  # not "40 people at 65 sites"
    after = after_kind(text, end, pct)
    if after is FigureKind.COUNT and ctx.is_statutory(text, start, end):
        # a ratio a rule sets ("must not exceed an amount equivalent to 12.5 times the bank's
        # capital"): public record, like the rule's other limits
        return FigureKind.RECORD
    if after is not None:
        return after
    if pct and (ctx.is_election(head) or ctx.is_rate(head)):
        return FigureKind.RECORD
    if pct and ctx.HEAD_GATES.scan(head).search(ctx.GROUP_BEFORE()):
        return FigureKind.NAME  # "the top 1 percent": a group's name, not a claim
    if ctx.is_market(text, start, end):
        return FigureKind.MARKET
    if ctx.is_statutory(text, start, end) and not (spelled and value < 10 and not pct):
        return FigureKind.RECORD
    if pct:
        return FigureKind.PERCENTAGE
    if not plain and not spelled:
        # an amount whose currency was given once before ("income of 214 mln dlrs compared
        # with 1985's profit of 177 mln", "exports of 1.5 billion stg while imports totalled
        # 436 mln"): money, not a count
        counted = counted_word(text, end)
        if counted in _NOT_COUNTED and elided_currency(text, start):
            return FigureKind.MONEY
        if attendance(text, end, counted.lower()):
            return FigureKind.RECORD  # an event's attendance ("Expo 86 had 22 mln visitors")
        return FigureKind.COUNT
    counted = counted_word(text, end)
    return count_kind(text, end, counted, value, spelled, head)


def _spelled(text: str, m: re.Match[str]) -> list[Figure]:
    parts = spelled_parts(text, m)
    if parts is None:
        return []
    start, end, value = parts
    kind = spelled_kind(text, m, start, end, value)
    unit = "%" if m["pct"] else ""
    return [build_figure(text, Span(start, end), start, value, kind, unit, True)]


def spelled_kind(text: str, m: re.Match[str], start: int, end: int, value: float) -> FigureKind:
    if text[end : end + 1] in "-–" and text[end + 1 : end + 2].isalpha():
        return modifier_kind(text, end) or FigureKind.OTHER  # two-day, three-judge
    if not m["pct"] and currency_after(text, end) is not None:
        if ctx.is_market(text, start, end):
            return FigureKind.MARKET
        if ctx.is_statutory(text, start):
            return FigureKind.RECORD  # "a special tax of eight Ecus per tonne"
        return FigureKind.MONEY
    return _context_kind(text, start, end, value, False, bool(m["pct"]), True)


def build_figure(
    text: str,
    span: Span,
    extent_start: int,
    value: float,
    kind: FigureKind,
    unit: str,
    spelled: bool,
) -> Figure:
    stop = extent_stop(text, span.end, kind, unit)
    counted = text[span.end : stop].split()[-1] if stop > span.end else ""
    return Figure(
        span,
        text[span.start : span.end],
        value,
        kind,
        unit,
        Span(extent_start, stop),
        text[extent_start:stop],
        counted.lower(),
        spelled,
    )


def extent_stop(text: str, end: int, kind: FigureKind, unit: str) -> int:
    """Where a figure's extent ends: after its currency word or the thing counted."""
    if kind in (FigureKind.MONEY, FigureKind.MARKET, FigureKind.CONVERSION):
        return currency_after(text, end) or end
    if kind is not FigureKind.PERCENTAGE and not unit:
        return counted_end(text, end)
    return end
