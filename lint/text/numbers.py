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
from collections.abc import Container, Iterator
from typing import Any

from lint.core.document import Span
from lint.text import figure_context as ctx
from lint.text.figure import Figure
from lint.text.figure_context import FigureKind
from lint.text.figure_links import _CONVERSION_BEFORE as CONVERSION_BEFORE
from lint.text.figure_links import _JOINED as JOINED
from lint.text.figure_links import _RATIO as RATIO
from lint.text.figure_links import linked
from lint.text.figure_names import names_again
from lint.text.gated import lowered
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

__all__ = ["Figure", "FigureKind", "figure_keys", "figures", "has_candidate"]

_NUMBER_WORDS = "|".join(sorted([*UNITS, *SCALES], key=len, reverse=True))
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CURRENCY = r"(?:(?:US|C|A|HK|NZ|S)\$|\$(?:US|A|C|NZ|HK|S)?(?=\s?\d)|£|€|¥|₹|Rs\.?\s?)"
_MULTIPLIER = "hundred|thousand|million|mln|billion|bln|trillion|trln"
#: What may follow a numeral: its scale word and its percent sign.
_SCALE_AND_PERCENT = (
    rf"(?:\s?(?P<mult>{_MULTIPLIER})\b)?"
    r"(?P<pct>\s?%|\s?(?i:per\s?cent|percent|pct|pc|percentage points?)\b)?"
)
_NUMERAL = re.compile(  # the lookahead lets re skip positions that cannot start a numeral
    rf"(?=[\dUCAHNS$£€¥₹R])(?P<cur>{_CURRENCY}\s?)?(?P<num>{_NUM})"
    rf"(?:\s?(?P<dash>-|–|to\b)\s?{_CURRENCY}?(?P<num2>{_NUM}))?" + _SCALE_AND_PERCENT
)
#: A range written "between X and Y" ("between 25 and 30 pct", "between 200 and 250 mln dlrs"):
#: one figure, as "25 to 30 pct" is; tried only at a numeral right after "between".
_BETWEEN_RANGE = lazy_re(
    rf"(?P<cur>{_CURRENCY}\s?)?(?P<num>{_NUM})\s+(?P<dash>and)\s+{_CURRENCY}?(?P<num2>{_NUM})"
    + _SCALE_AND_PERCENT
)
_BETWEEN = lazy_re(r"\b[Bb]etween\s+$")
#: How far before its first digit a numeral can start (``cur``: "Rs. " and one white space).
_CURRENCY_REACH = 5
_SINGLE = lazy_re(
    rf"(?P<cur>{_CURRENCY}\s?)?(?P<num>{_NUM})(?P<dash>)(?P<num2>)" + _SCALE_AND_PERCENT
)
_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_ANY_WORD = "|".join(sorted([*UNITS, *SCALES], key=len, reverse=True))
_UNIT_INITIALS = "".join(sorted({w[0] for w in UNITS}))
# Every character re.IGNORECASE matches to one of the initials: both cases, and the long s
# ("ſ") for "s" (tests/text/test_number_scans.py checks the class against all of Unicode).
_INITIAL_CHARS = "".join(
    sorted({*_UNIT_INITIALS, *_UNIT_INITIALS.upper(), *("ſ" if "s" in _UNIT_INITIALS else "")})
)
_BY_INITIAL: dict[str, list[str]] = {}
for _word in sorted(UNITS, key=len, reverse=True):
    _BY_INITIAL.setdefault(_word[0], []).append(_word[1:])
# The number words after their first letter, grouped by it: "(?<=s)(?:eventeen|ixteen|...)|...".
# The pattern starts with a case-sensitive class of the initials, so re skips in C to a
# possible start (a lookahead or "\b" first makes it try every position); "(?<!\w.)" after the
# initial is the "\b" before it, and the lookbehind of each group checks the initial, which
# IGNORECASE matches as before, so only that letter's words are tried. Each word is followed
# by "\b" and no two words of one length match the same text, so at most one word can match at
# a position, whatever the order: the same matches as rf"\b(?:{_UNIT_WORDS})\b..." (the
# readable form, kept in tests/text/test_number_scans.py).
_UNIT_RESTS = "|".join(f"(?<={c})(?:{'|'.join(rests)})" for c, rests in _BY_INITIAL.items())
_SPELLED = re.compile(
    rf"(?-i:[{_INITIAL_CHARS}])(?<!\w.)(?:{_UNIT_RESTS})\b"
    rf"(?:(?:-|\s+|\s+and\s+)(?:{_ANY_WORD})\b)*"
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
#: A statute section's subsection glued to its number: "401(k)", "501(c)(3)", "230(c)".
_SUBSECTION = lazy_re(r"\((?:[a-z]{1,3}|\d{1,2})\)")
#: The tax code's college savings account, named by its section: "529 plans", "a 529 account".
_PLAN_529 = lazy_re(r"\s(?:(?:college|education|tuition)\s)?(?:savings\s)?(?:plans?|accounts?)\b")
_MEASURES = frozenset(
    wordlist("km kg mw gw kw mm cm t ft ins mph kph ml l lb lbs oz g ha sq mi gb tb mb")
)
_MEASURE_AFTER = lazy_re(
    r"\s*(?:[(.,;:!?]|$|(?:deep|high|tall|long|wide|away|above|below|final|race|hurdles|"
    r"freestyle|backstroke|breaststroke|butterfly|medley|relay|sprint|run|metres|meters|feet|"
    r"ft|in|from|of water|record|title|gold|silver|bronze|event|world|at|until|when|since|"
    r"(?:British|world|European|Olympic|Commonwealth|national|personal|course) record|"
    r"(?:Olympic|world|European|Commonwealth) (?:gold|silver|bronze|title|final|medal))\b)",
    re.IGNORECASE,
)


# A candidate, rf"\d|\b(?:{_NUMBER_WORDS})\b" (IGNORECASE; the readable form, kept in
# tests/text/test_fast_figure_scans.py), in two passes re skips through in C: a digit, then a
# number word found as ``_SPELLED`` finds its first word (a case-sensitive class of every
# character IGNORECASE matches to an initial, then the rest after a lookbehind for the initial).
_DIGIT = re.compile(r"\d")
_WORD_INITIALS = "".join(sorted({w[0] for w in (*UNITS, *SCALES)}))
_WORD_INITIAL_CHARS = "".join(
    sorted({*_WORD_INITIALS, *_WORD_INITIALS.upper(), *("ſ" if "s" in _WORD_INITIALS else "")})
)
_WORDS_BY_INITIAL: dict[str, list[str]] = {}
for _word in sorted([*UNITS, *SCALES], key=len, reverse=True):
    _WORDS_BY_INITIAL.setdefault(_word[0], []).append(_word[1:])
_WORD_RESTS = "|".join(f"(?<={c})(?:{'|'.join(r)})" for c, r in _WORDS_BY_INITIAL.items())
_NUMBER_WORD = re.compile(
    rf"(?-i:[{_WORD_INITIAL_CHARS}])(?<!\w.)(?:{_WORD_RESTS})\b", re.IGNORECASE
)


#: The unit words' automaton (pyahocorasick), built on first use.
_UNIT_AUTOMATON: list[Any] = []


def _spelled_matches(text: str) -> Iterator[re.Match[str]]:
    """``_SPELLED.finditer(text)``, with ``match`` tried only where a unit word starts in the
    lowered text: every match starts with one (its first word, which IGNORECASE matches only
    as the word lowered where :func:`lowered` gives the text), so ``match`` there, in order
    and from the end of the last match on, finds what ``finditer`` finds; ``re`` no longer
    stops at every "e", "n", "o", "s" and "t" that could start one (a text ``lowered`` cannot
    tell about is searched as it is)."""
    low = lowered(text)
    if low is None:
        yield from _SPELLED.finditer(text)
        return
    if not _UNIT_AUTOMATON:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for word in UNITS:
            automaton.add_word(word, len(word) - 1)
        automaton.make_automaton()
        _UNIT_AUTOMATON.append(automaton)
    automaton = _UNIT_AUTOMATON[0]
    starts = sorted({end - back for end, back in automaton.iter(low)})
    match = _SPELLED.match
    last = 0
    for start in starts:
        if start >= last and (m := match(text, start)) is not None:
            yield m
            last = m.end()


#: Words after an amount that are not a thing counted ("6.50 billion compared with").
_NOT_COUNTED = frozenset(("", "compared", "against", "versus", "from", "in", "for", "last", "this"))


def has_candidate(text: str) -> bool:
    """Whether ``text`` has a digit or a number word at all."""
    return _DIGIT.search(text) is not None or _NUMBER_WORD.search(text) is not None


def figures(text: str) -> tuple[Figure, ...]:
    """Every figure of ``text`` in order, classified; stamps and "one" are left out.

    (No :func:`has_candidate` test first: a numeral holds a digit and a spelled number starts
    with a unit word, so a text without a candidate gives no match to either scan, which cost
    less than the test's search of the text for a number word did.)"""
    found: list[Figure] = []
    for m in _free_numerals(text):
        found.extend(_numeral(text, m))
    for m in _spelled_matches(text):
        found.extend(_spelled(text, m))
    found.sort()
    kept: list[Figure] = []
    for figure in found:
        if not kept or figure.extent.start >= kept[-1].extent.end:
            kept.append(linked(text, figure, kept[-1] if kept else None))
    return tuple(kept)


def figure_keys(
    text: str, among: Container[tuple[float, bool]] | None = None
) -> frozenset[tuple[float, bool]]:
    """The :attr:`Figure.key` of every figure of :func:`figures` that is not a name with a number
    (what the pair features compare), without classifying every figure.

    A figure's kind matters to the keys only through three things: whether it is a name (left
    out), where its extent ends (a money or market figure's extent takes the currency word
    after it, another's the thing counted; a figure starting inside the figure before's extent
    is dropped) and the links to the figure before (:func:`linked`). So a figure is classified
    in full, by the same code as :func:`figures`, only where one of them could depend on it:
    when the words before it could make it a name (``before_kind`` says "name", or a
    percentage's group word), when the next figure starts between the two places its extent
    could end, or when the text between it and the next figure could link them. Elsewhere its
    kind is never computed; the keys are the same (checked against :func:`figures` on every
    text of the data set and in the tests).

    With ``among``, the keys in it only (``figure_keys(text) & among``): a figure whose key is
    not asked for is not asked whether it is a name (its kind, if never computed, leaves its
    extent's end to :meth:`_Pending.exact_end`, as for any figure not classified)."""
    found: list[_Pending] = []
    for m in _free_numerals(text):
        start, end, value, unit, kind = _numeral_parts(text, m)
        found.append(_Pending(text, m, start, end, m.start(), value, unit, kind, False))
    # a numeral holds a digit, so has_candidate() holds (asked only where none was found)
    if not found and not has_candidate(text):
        return frozenset()
    for m in _spelled_matches(text):
        parts = _spelled_parts(text, m)
        if parts is not None:
            start, end, value = parts
            unit = "%" if m["pct"] else ""
            found.append(_Pending(text, m, start, end, start, value, unit, None, True))
    if among is not None and not any((round(f.value, 6), f.unit == "%") in among for f in found):
        return frozenset()
    found.sort(key=_Pending.order)  # starts differ: numerals start at a digit, words at a letter
    keys: set[tuple[float, bool]] = set()
    previous: _Pending | None = None
    for figure in found:
        if previous is not None:
            low, high = previous.ends()
            start = figure.extent_start
            if start < high and (start < low or start < previous.exact_end()):
                continue  # inside the extent of the figure before
        key = (round(figure.value, 6), figure.unit == "%")
        if previous is not None and previous.may_link(figure):
            figure.final = linked(text, figure.figure(), previous.final_figure())
            name = figure.final.kind is FigureKind.NAME
        elif among is not None and key not in among:
            name = True  # not asked for: left out without asking
        else:  # linked() would return the figure as it is
            name = figure.is_name()
        if not name and (among is None or key in among):
            keys.add(key)
        previous = figure
    return frozenset(keys)


class _Pending:
    """A figure of :func:`figure_keys` whose kind is computed only when asked for."""

    __slots__ = (
        "_ends",
        "_figure",
        "end",
        "extent_start",
        "final",
        "kind",
        "m",
        "spelled",
        "start",
        "text",
        "unit",
        "value",
    )

    def __init__(
        self,
        text: str,
        m: re.Match[str],
        start: int,
        end: int,
        extent_start: int,
        value: float,
        unit: str,
        kind: FigureKind | None,
        spelled: bool,
    ) -> None:
        self.text, self.m, self.start, self.end = text, m, start, end
        self.extent_start, self.value, self.unit = extent_start, value, unit
        self.kind, self.spelled = kind, spelled
        self._figure: Figure | None = None
        self._ends: tuple[int, int] | None = None
        self.final: Figure | None = None  # the figure after linked(), where it was linked

    def order(self) -> int:
        return self.start

    def full_kind(self) -> FigureKind:
        """The kind :func:`figures` gives it before links."""
        if self.kind is None:
            text, m = self.text, self.m
            if self.spelled:
                self.kind = _spelled_kind(text, m, self.start, self.end, self.value)
            else:
                self.kind = _numeral_kind(text, m, self.end, self.value, self.unit)
        return self.kind

    def figure(self) -> Figure:
        """The figure as :func:`figures` builds it, before links."""
        if self._figure is None:
            span = Span(self.start, self.end)
            kind = self.full_kind()
            self._figure = _figure(
                self.text, span, self.extent_start, self.value, kind, self.unit, self.spelled
            )
        return self._figure

    def final_figure(self) -> Figure:
        """The figure after links (kept as it is when nothing could link it)."""
        return self.final if self.final is not None else self.figure()

    def ends(self) -> tuple[int, int]:
        """The lowest and highest end its extent can have: the same when the kind is known or
        does not matter."""
        if self._ends is None:
            text, end = self.text, self.end
            if self.kind is not None:
                stop = _stop(text, end, self.kind, self.unit)
                self._ends = (stop, stop)
            else:
                money = ctx.currency_after(text, end) or end  # a money or market figure
                other = end if self.unit else counted_end(text, end)
                self._ends = (min(money, other), max(money, other))
        return self._ends

    def exact_end(self) -> int:
        """Its extent's end (classifies it when the two possible ends differ)."""
        low, high = self.ends()
        if low == high:
            return low
        return self.figure().extent.end

    def is_name(self) -> bool:
        """Whether :func:`figures` gives it the kind "name with a number" before links; the
        kind is computed only when the words before it could make it one."""
        if self.kind is None and not self._could_be_name():
            return False
        return self.full_kind() is FigureKind.NAME

    def _could_be_name(self) -> bool:
        """Whether :func:`_context_kind`, the only step of :func:`_numeral_kind` and
        :func:`_spelled_kind` that can say "name", could say it here."""
        text, m = self.text, self.m
        head = text[max(0, self.extent_start - 40) : self.extent_start]
        pct = bool(m["pct"])
        plain = not self.spelled and not (m["cur"] or m["mult"] or pct) and not self.unit
        if (plain or self.spelled) and (
            # before_kind says "name" only where names_before does: looked for first, being
            # cheaper than before_kind's other searches
            ctx.names_before(
                head,
                self.spelled,
                digits := _listed(text, self.end, m["num"]) if plain else "",
            )
        ):
            return ctx.before_kind(head, self.spelled, digits) is FigureKind.NAME or (
                pct and ctx.GROUP_BEFORE().search(head) is not None
            )
        return pct and ctx.GROUP_BEFORE().search(head) is not None

    def may_link(self, after: _Pending) -> bool:
        """Whether :func:`linked` could change ``after`` with this figure before it (a ratio, a
        figure joined to it, a conversion in brackets), whatever the two kinds are."""
        text, start = self.text, after.extent_start
        ends = set(self.ends()) if self._figure is None else {self._figure.extent.end}
        for end in ends | {self.end}:
            if RATIO.fullmatch(text, end, start) or JOINED.fullmatch(text, end, start):
                return True
            between = text[end:start]  # linked() measures from the extent's end
            if len(between) <= 20 and CONVERSION_BEFORE.search(between) is not None:
                return True
        return False


def _free_numerals(text: str) -> Iterator[re.Match[str]]:
    """Numeral matches outside stamps (dates, clock times, phone numbers, list numbering)."""
    stamps: list[tuple[int, int]] | None = None
    starts: list[int] = []
    for m in _numerals(text):
        if stamps is None:  # found on the first numeral: a text without one needs none
            stamps = _stamps(text)
            starts = [s for s, _ in stamps]
        # only the last stamp starting at or before the numeral can hold it (a scan of every
        # stamp per numeral was quadratic: 140 KB of "1/0 12" took 92 s)
        i = bisect_right(starts, m.start("num")) - 1
        if i < 0 or m.start("num") >= stamps[i][1]:
            yield m


# Where a stamp can start: a "+", "(" or new line, or a run of digits (from its first digit)
# followed by what some alternative of ``_STAMPS`` needs right after a run of digits starting
# it: "-" (an ISO date, a phone number), "/" (a numeric date), ":" (a clock time), ")" (a
# phone number), "a"/"p" with or without one white space before it ("10am", "10 p.m."), a
# white space before a digit (a phone number), or "." before two digits and "a"/"p" ("10.30
# am") or three digits and "." or "-" (a phone number). (List numbering starts at a line
# start, where the text's start or the "\n" before it has it tried already.) A character
# class first, so re skips to one in C (an alternation or a lookbehind first would have it try
# every position); "(?<!\d.)" after a digit (its run's first) and the possessive run keep it
# linear. (The readable form, every run of digits, is kept in
# tests/text/test_numeral_scans.py, which checks both give the same stamps.)
_STAMP_FROM = re.compile(
    r"[\d+(\n](?:(?<=[+(\n])|(?<!\d.)\d*+(?=[-/:)aApP]|\s[\daApP]|\.\d\d(?:\s?[aApP]|\d[.-])))"
)


def _stamps(text: str) -> list[tuple[int, int]]:
    """The spans of ``_STAMPS.finditer(text)``, tried only where a stamp can start.

    Every alternative of ``_STAMPS`` starts at a digit not preceded by a digit (``\\b`` or
    ``(?<!\\d)``), a "+", a "(" or a line start: ``_STAMP_FROM`` finds those (a run of digits
    as one, and only where the character after it can go on a stamp; a line start as the "\\n"
    before it) much faster than ``finditer`` tries every position, and ``match`` at a position
    is what ``finditer`` tries there (a lookbehind sees the text before it). A position where
    no match can start is left out; one inside a stamp found is skipped, as ``finditer``
    does."""
    spans: list[tuple[int, int]] = []
    match = _STAMPS.match
    last = 0
    found = match(text, 0)  # the text's start is a line start
    if found is not None:
        spans.append(found.span())
        last = found.end()
    for candidate in _STAMP_FROM.finditer(text):
        at = candidate.start()
        if text[at] == "\n":
            at += 1  # a line start
        if at < last:
            continue
        found = match(text, at)
        if found is not None:
            spans.append(found.span())
            last = found.end()
    return spans


def _numerals(text: str) -> Iterator[re.Match[str]]:
    """Numeral matches; "X to Y" is a range only when Y is not below X ("£5 to 13 workers")."""
    pos = 0
    digit = _DIGIT.search
    # every numeral holds a digit at most 5 characters after its start (its currency sign and a
    # space: "Rs. 5"), so none starts more than that before the next digit: searched from
    # there, re does not try the capitals a currency can start with all through the text
    while (d := digit(text, pos)) is not None and (
        m := _NUMERAL.search(text, max(pos, d.start() - _CURRENCY_REACH))
    ) is not None:
        if m["dash"] == "to" and _number(m["num2"]) < _number(m["num"]):
            single = _SINGLE().match(text, m.start())
            assert single is not None
            m = single
        elif not m["num2"] and "etween" in text[max(0, m.start() - 10) : m.start()]:
            m = _between(text, m)
        yield m
        pos = max(m.end(), pos + 1)


def _between(text: str, m: re.Match[str]) -> re.Match[str]:
    """``m``, or the range "X and Y" it opens after "between" (Y not below X, no scale word
    between them: "between 3.2 mln and 3.5 mln" stays two figures)."""
    if _BETWEEN().search(text, max(0, m.start() - 12), m.start()) is None:
        return m
    both = _BETWEEN_RANGE().match(text, m.start())
    if both is None or _number(both["num2"]) < _number(both["num"]):
        return m
    return both


def _number(digits: str) -> float:
    return float(digits.replace(",", ""))


def _numeral(text: str, m: re.Match[str]) -> list[Figure]:
    start, end, value, unit, kind = _numeral_parts(text, m)
    if kind is None:
        kind = _numeral_kind(text, m, end, value, unit)
    return [_figure(text, Span(start, end), m.start(), value, kind, unit, False)]


def _numeral_parts(text: str, m: re.Match[str]) -> tuple[int, int, float, str, FigureKind | None]:
    """A numeral's (start, end, value, unit) and its kind where the letters glued to it or a
    leading "0" decide it (None: :func:`_numeral_kind` decides)."""
    start, end = m.start("num"), m.end()
    cur, num, mult, pct = m["cur"], m["num"], m["mult"], m["pct"]
    value = float(num.replace(",", ""))
    unit = "%" if pct else (cur or "").strip()
    kind: FigureKind | None = None if cur else _glued_before(text, start)
    if kind is None and not (mult or pct) and text[end : end + 1].isalpha():
        kind, end, value, unit = _glued_after(text, m, end, value, unit)
    elif kind is None and not (cur or mult or pct) and _tax_code_name(text, num, end):
        kind = FigureKind.NAME  # "a 401(k) plan", "529 college savings plans"
    if mult:
        value *= SCALES.get(mult.lower()) or SHORT_SCALES.get(mult.lower(), 1.0)
    if kind is None and _leading_zero(num):
        kind = FigureKind.TIME if len(num) == 4 else FigureKind.NAME
    return start, end, value, unit, kind


def _tax_code_name(text: str, num: str, end: int) -> bool:
    """A statute section with its subsection ("401(k)", "501(c)(3)") or a 529 plan."""
    if text[end : end + 1] == "(":
        return _SUBSECTION().match(text, end) is not None
    return num == "529" and _PLAN_529().match(text, end) is not None


def _leading_zero(num: str) -> bool:
    """``re.match(r"0\\d", num)`` without ``re``'s cache look-up: ``\\d`` in a str pattern is
    what ``str.isdecimal`` says of one character."""
    return num[:1] == "0" and num[1:2].isdecimal()


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


#: The rest of a mixed fraction after "98-1" ("/4"), with no unit after it.
_FRACTION_REST = lazy_re(r"/(?:2|4|8|16|32|64)\b(?!\s*(?:%|pct|percent|per\s+cent|mln|billion))")


def _numeral_kind(text: str, m: re.Match[str], end: int, value: float, unit: str) -> FigureKind:
    start = m.start()
    plain = not (m["cur"] or m["mult"] or m["pct"]) and not unit
    if m["num2"] and m["dash"] == "-" and plain and _FRACTION_REST().match(text, end):
        return FigureKind.MARKET  # a price quoted in fractions ("unchanged at 98-1/4, 98-1/2")
    if m["num2"] and m["dash"] not in ("to", "and") and plain:
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
        if (
            ctx.is_statutory(text, start, end)
            or ctx.is_threshold(text, end)
            or ctx.is_prize(text, end)
        ):
            return FigureKind.RECORD
        return FigureKind.MONEY
    return _context_kind(text, start, end, value, plain, bool(m["pct"]), False)


def _listed(text: str, end: int, digits: str) -> str:
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
    if plain and ctx.vote_tally(text, start, end):
        return FigureKind.RECORD  # "The Senate voted 64 to 32": a vote's result
    if plain or spelled:
        listed = _listed(text, end, text[start:end]) if plain else ""
        kind = ctx.before_kind(head, spelled, listed)
        if kind is None and ")" in head[-8:]:
            # the next of a list whose last item names a place in brackets ("junctions 25A
            # (Caerleon and Cwmbran) and 26"): read as if the brackets were not there
            kind = ctx.before_kind(_unbracketed(text, start), spelled, listed)
        if kind is not None:
            return kind
        if plain and names_again(text, start, head):
            return FigureKind.NAME  # "VW's new Audi 80 ... The 80 doubled its sales"
        if ctx.age_context(head, value) and not counted_word(text, end).endswith("s"):
            return FigureKind.AGE  # not "40 people at 65 sites"
    after = ctx.after_kind(text, end, pct)
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
        if counted in _NOT_COUNTED and ctx.elided_currency(text, start):
            return FigureKind.MONEY
        if ctx.attendance(text, end, counted.lower()):
            return FigureKind.RECORD  # an event's attendance ("Expo 86 had 22 mln visitors")
        return FigureKind.COUNT
    counted = counted_word(text, end)
    return ctx.count_kind(text, end, counted, value, spelled, head)


def _spelled(text: str, m: re.Match[str]) -> list[Figure]:
    parts = _spelled_parts(text, m)
    if parts is None:
        return []
    start, end, value = parts
    kind = _spelled_kind(text, m, start, end, value)
    unit = "%" if m["pct"] else ""
    return [_figure(text, Span(start, end), start, value, kind, unit, True)]


def _spelled_parts(text: str, m: re.Match[str]) -> tuple[int, int, float] | None:
    """A spelled number's (start, end, value), or None for "one" and less."""
    start, end = m.start(), m.end()
    words = text[start : m.start("pct") if m["pct"] else end]
    value = float(spelled_value(words))
    if value < 2 and not m["pct"]:
        return None  # "one" is nearly always a pronoun or article
    scale = None if m["pct"] else _SPELLED_SCALE().match(text, end)
    if scale:
        value *= SHORT_SCALES[scale.group(1).lower()]
        end = scale.end()
    return start, end, value


def _spelled_kind(text: str, m: re.Match[str], start: int, end: int, value: float) -> FigureKind:
    if text[end : end + 1] in "-–" and text[end + 1 : end + 2].isalpha():
        return ctx.modifier_kind(text, end) or FigureKind.OTHER  # two-day, three-judge
    if not m["pct"] and ctx.currency_after(text, end) is not None:
        if ctx.is_market(text, start, end):
            return FigureKind.MARKET
        if ctx.is_statutory(text, start):
            return FigureKind.RECORD  # "a special tax of eight Ecus per tonne"
        return FigureKind.MONEY
    return _context_kind(text, start, end, value, False, bool(m["pct"]), True)


def _figure(
    text: str,
    span: Span,
    extent_start: int,
    value: float,
    kind: FigureKind,
    unit: str,
    spelled: bool,
) -> Figure:
    stop = _stop(text, span.end, kind, unit)
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


def _stop(text: str, end: int, kind: FigureKind, unit: str) -> int:
    """Where a figure's extent ends: after its currency word or the thing counted."""
    if kind in (FigureKind.MONEY, FigureKind.MARKET, FigureKind.CONVERSION):
        return ctx.currency_after(text, end) or end
    if kind is not FigureKind.PERCENTAGE and not unit:
        return counted_end(text, end)
    return end
