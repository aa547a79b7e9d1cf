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
from bisect import bisect_right
from collections.abc import Iterator

from lint.core.document import Span
from lint.text import figure_context as ctx
from lint.text.figure import Figure
from lint.text.figure_context import FigureKind
from lint.text.figure_links import linked
from lint.text.lazy_re import lazy_re
from lint.text.tokens import (
    SCALES,
    SHORT_SCALES,
    UNITS,
    counted_end,
    counted_word,
    spelled_value,
    wordlist,
)

__all__ = ["Figure", "FigureKind", "figures", "has_candidate"]

_NUMBER_WORDS = "|".join(sorted([*UNITS, *SCALES], key=len, reverse=True))
_CANDIDATE = re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b", re.IGNORECASE)
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY = r"(?:(?:US|C|A|HK|NZ|S)\$|\$(?:US|A|C|NZ|HK|S)?(?=\s?\d)|£|€|¥|₹|Rs\.?\s?)"
_MULTIPLIER = "hundred|thousand|million|mln|billion|bln|trillion|trln"
_NUMERAL = re.compile(  # the lookahead lets re skip positions that cannot start a numeral
    rf"(?=[\dUCAHNS$£€¥₹R])(?P<cur>{_CURRENCY}\s?)?(?P<num>{_NUM})"
    rf"(?:\s?(?P<dash>-|–|to\b)\s?{_CURRENCY}?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<mult>{_MULTIPLIER})\b)?"
    r"(?P<pct>\s?%|\s?(?i:per\s?cent|percent|pct|pc|percentage points?)\b)?"
)
_SINGLE = lazy_re(
    rf"(?P<cur>{_CURRENCY}\s?)?(?P<num>{_NUM})(?P<dash>)(?P<num2>)"
    rf"(?:\s?(?P<mult>{_MULTIPLIER})\b)?"
    r"(?P<pct>\s?%|\s?(?i:per\s?cent|percent|pct|pc|percentage points?)\b)?"
)
_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_ANY_WORD = "|".join(sorted([*UNITS, *SCALES], key=len, reverse=True))
_UNIT_INITIALS = "".join(sorted({w[0] for w in UNITS}))
_SPELLED = re.compile(  # the lookahead lets re skip positions that cannot start a number word
    rf"(?=[{_UNIT_INITIALS}])\b(?:{_UNIT_WORDS})\b(?:(?:-|\s+|\s+and\s+)(?:{_ANY_WORD})\b)*"
    rf"(?:\s+(?:to|or)\s+(?:{_ANY_WORD})\b(?:(?:-|\s+)(?:{_ANY_WORD})\b)*)?"
    r"(?P<pct>\s?(?:per\s?cent|percent|pct)\b)?",
    re.IGNORECASE,
)
_SPELLED_SCALE = lazy_re(r"\s?(mln|bln|trln|mn|bn)\b", re.IGNORECASE)
_STAMPS = re.compile(  # every alternative starts with a digit, "+", "(" or at a line start
    r"(?=[\d+(]|(?m:^))"
    r"(?:\b\d{4}-\d{1,2}-\d{1,2}\b"  # ISO dates
    r"|(?<!\d)\d+(?:/\d+)+"  # numeric dates, fractions, 24/7 (from a run's first digit: linear)
    r"|\b\d{1,2}[:.]\d{2}\s?(?:a\.?m\.?|p\.?m\.?)"  # clock times
    r"|\b\d{1,2}:\d{2}(?:[:.]\d+)?\b"
    r"|\b\d{1,2}\s?(?:a\.m\.|p\.m\.)"
    r"|(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b"  # phone numbers
    r"|\+\d{1,3}(?:[\s.-]\d{1,4}){2,}"
    r"|(?m:^)\s*\(?\d{1,2}[.)](?=\s))",  # list numbering, at any line start
    re.IGNORECASE,
)
_GLUED = lazy_re(r"[A-Za-z]+")
_MEASURES = frozenset(
    wordlist("km kg mw gw kw mm cm t ft ins mph kph ml l lb lbs oz g ha sq mi gb tb mb")
)
_MEASURE_AFTER = lazy_re(
    r"\s*(?:[(.,;:!?]|$|(?:deep|high|tall|long|wide|away|above|below|final|race|hurdles|"
    r"freestyle|backstroke|breaststroke|butterfly|medley|relay|sprint|run|metres|meters|feet|"
    r"ft|in|from|of water|record|title|gold|silver|bronze|event|world|"
    r"(?:British|world|European|Olympic|Commonwealth|national|personal|course) record|"
    r"(?:Olympic|world|European|Commonwealth) (?:gold|silver|bronze|title|final|medal))\b)",
    re.IGNORECASE,
)


def has_candidate(text: str) -> bool:
    """Whether ``text`` has a digit or a number word at all."""
    return _CANDIDATE.search(text) is not None


def figures(text: str) -> tuple[Figure, ...]:
    """Every figure of ``text`` in order, classified; stamps and "one" are left out."""
    if not has_candidate(text):
        return ()
    stamps = [m.span() for m in _STAMPS.finditer(text)]  # in order, not overlapping
    starts = [s for s, _ in stamps]
    found: list[Figure] = []
    for m in _numerals(text):
        # only the last stamp starting at or before the numeral can hold it (a scan of every
        # stamp per numeral was quadratic: 140 KB of "1/0 12" took 92 s)
        i = bisect_right(starts, m.start("num")) - 1
        if i < 0 or m.start("num") >= stamps[i][1]:
            found.extend(_numeral(text, m))
    for m in _SPELLED.finditer(text):
        found.extend(_spelled(text, m))
    found.sort()
    kept: list[Figure] = []
    for figure in found:
        if not kept or figure.extent.start >= kept[-1].extent.end:
            kept.append(linked(text, figure, kept[-1] if kept else None))
    return tuple(kept)


def _numerals(text: str) -> Iterator[re.Match[str]]:
    """Numeral matches; "X to Y" is a range only when Y is not below X ("£5 to 13 workers")."""
    pos = 0
    while (m := _NUMERAL.search(text, pos)) is not None:
        if m["dash"] == "to" and _number(m["num2"]) < _number(m["num"]):
            single = _SINGLE().match(text, m.start())
            assert single is not None
            m = single
        yield m
        pos = max(m.end(), pos + 1)


def _number(digits: str) -> float:
    return float(digits.replace(",", ""))


def _numeral(text: str, m: re.Match[str]) -> list[Figure]:
    start, end = m.start("num"), m.end()
    cur, num, mult, pct = m["cur"], m["num"], m["mult"], m["pct"]
    value = float(num.replace(",", ""))
    unit = "%" if pct else (cur or "").strip()
    kind: FigureKind | None = None if cur else _glued_before(text, start)
    if kind is None and not (mult or pct) and text[end : end + 1].isalpha():
        kind, end, value, unit = _glued_after(text, m, end, value, unit)
    if mult:
        value *= SCALES.get(mult.lower()) or SHORT_SCALES.get(mult.lower(), 1.0)
    if kind is None and re.match(r"0\d", num):
        kind = FigureKind.TIME if len(num) == 4 else FigureKind.NAME
    extent_start = m.start()
    if kind is None:
        kind = _numeral_kind(text, m, end, value, unit)
    return [_figure(text, Span(start, end), extent_start, value, kind, unit, False)]


def _glued_before(text: str, start: int) -> FigureKind | None:
    before = text[start - 1] if start else " "
    if before.isalnum() or before in "_#&":
        return FigureKind.NAME  # G7, A320, #1
    if before in "-–/." and start > 1 and text[start - 2].isalpha():
        return FigureKind.NAME  # COVID-19, F-16, v2.5
    return None


def _glued_after(
    text: str, m: re.Match[str], end: int, value: float, unit: str
) -> tuple[FigureKind | None, int, float, str]:
    """Letters glued to the digits: a multiplier ("$3bn"), a measure ("800m", "5km"), pence
    ("320p"), an ordinal or decade ("19th", "1980s") or a name ("3D")."""
    glued = _GLUED().match(text, end)
    if glued is None:
        return FigureKind.NAME, end, value, unit  # a non-Latin letter
    letters = glued.group().lower()
    after = glued.end()
    if text[after : after + 1].isalnum():
        return FigureKind.NAME, end, value, unit
    if letters in ("st", "nd", "rd", "th"):
        date = ctx.is_date(text, m.start(), after) or "centur" in text[after : after + 12]
        return (FigureKind.DATE if date else FigureKind.STANDING), after, value, unit
    if letters == "s":
        return FigureKind.DATE, after, value, unit  # 1980s
    if letters == "p":
        return FigureKind.MARKET, after, value, "p"
    if glued.group() == "K" and not m["cur"]:
        return FigureKind.NAME, end, value, unit  # 4K
    if letters in SHORT_SCALES and not _is_measure(text, m, letters, after):
        return None, after, value * SHORT_SCALES[letters], unit
    if letters in _MEASURES or letters in ("m", "k"):
        return FigureKind.DISTANCE, end, value, letters
    return FigureKind.NAME, end, value, unit


def _is_measure(text: str, m: re.Match[str], letters: str, after: int) -> bool:
    """Whether "m", "k" or "b" after digits is a measure ("22m (72 feet)", "the 800m final")
    rather than millions; with a currency sign it is always a multiplier."""
    if m["cur"]:
        return False
    if letters not in ("m", "k", "b"):
        return False
    return letters == "b" or _MEASURE_AFTER().match(text, after) is not None


def _numeral_kind(text: str, m: re.Match[str], end: int, value: float, unit: str) -> FigureKind:
    start = m.start()
    plain = not (m["cur"] or m["mult"] or m["pct"]) and not unit
    if m["num2"] and m["dash"] != "to" and plain:
        tally = ctx.tally_kind(text, start, end)
        if tally is not None:
            return tally
    if not (m["mult"] or m["pct"]):
        modifier = ctx.modifier_kind(text, end)
        if modifier is not None:
            return modifier
    if plain and "," not in m["num"] and "." not in m["num"] and 1800 <= value <= 2099:
        return FigureKind.YEAR
    if plain and value <= 31 and ctx.is_date(text, start, end):
        return FigureKind.DATE
    if plain and ctx.is_age_apposition(text, start, end, value):
        return FigureKind.AGE
    currency = not m["pct"] and ctx.currency_after(text, end) is not None
    if (unit and unit != "%") or currency:
        if ctx.is_market(text, start, end):
            return FigureKind.MARKET
        if ctx.is_statutory(text, start) or ctx.is_threshold(text, end) or ctx.is_prize(text, end):
            return FigureKind.RECORD
        return FigureKind.MONEY
    return _context_kind(text, start, end, value, plain, bool(m["pct"]), False)


def _context_kind(
    text: str, start: int, end: int, value: float, plain: bool, pct: bool, spelled: bool
) -> FigureKind:
    """The kind of a count or percentage from the words around it."""
    head = text[max(0, start - 40) : start]
    if plain or spelled:
        kind = ctx.before_kind(head, spelled)
        if kind is not None:
            return kind
    after = ctx.after_kind(text, end, pct)
    if after is not None:
        return after
    if pct and ctx.is_election(head):
        return FigureKind.RECORD
    if pct and ctx.GROUP_BEFORE().search(head):
        return FigureKind.NAME  # "the top 1 percent": a group's name, not a claim
    if ctx.is_market(text, start, end):
        return FigureKind.MARKET
    if ctx.is_statutory(text, start, end) and not (spelled and value < 10):
        return FigureKind.RECORD
    if pct:
        return FigureKind.PERCENTAGE
    if not plain and not spelled:
        return FigureKind.COUNT
    counted = counted_word(text, end)
    return ctx.count_kind(text, end, counted, value, spelled, head)


def _spelled(text: str, m: re.Match[str]) -> list[Figure]:
    start, end = m.start(), m.end()
    words = text[start : m.start("pct") if m["pct"] else end]
    value = float(spelled_value(words))
    if value < 2 and not m["pct"]:
        return []  # "one" is nearly always a pronoun or article
    scale = None if m["pct"] else _SPELLED_SCALE().match(text, end)
    if scale:
        value *= SHORT_SCALES[scale.group(1).lower()]
        end = scale.end()
    if text[end : end + 1] in "-–" and text[end + 1 : end + 2].isalpha():
        kind = ctx.modifier_kind(text, end) or FigureKind.OTHER  # two-day, three-judge
    elif not m["pct"] and ctx.currency_after(text, end) is not None:
        if ctx.is_market(text, start, end):
            kind = FigureKind.MARKET
        elif ctx.is_statutory(text, start):
            kind = FigureKind.RECORD  # "a special tax of eight Ecus per tonne"
        else:
            kind = FigureKind.MONEY
    else:
        kind = _context_kind(text, start, end, value, False, bool(m["pct"]), True)
    unit = "%" if m["pct"] else ""
    return [_figure(text, Span(start, end), start, value, kind, unit, True)]


def _figure(
    text: str,
    span: Span,
    extent_start: int,
    value: float,
    kind: FigureKind,
    unit: str,
    spelled: bool,
) -> Figure:
    stop = span.end
    if kind in (FigureKind.MONEY, FigureKind.MARKET, FigureKind.CONVERSION):
        stop = ctx.currency_after(text, span.end) or stop
    elif kind is not FigureKind.PERCENTAGE and not unit:
        stop = counted_end(text, span.end)
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
