"""The numeral scan of the figure recogniser (:mod:`lint.text.numbers`): every numeral of a
text with its currency sign, range, scale word and percent sign ("$14.5m", "25 to 30 pct",
"between 200 and 250 mln"), outside stamps (ISO and numeric dates, fractions, clock times,
phone numbers, list numbering), which are no figures at all."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from lint.text.lazy_re import lazy_re

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
DIGIT = re.compile(r"\d")


def free_numerals(text: str) -> Iterator[re.Match[str]]:
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
    digit = DIGIT.search
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
