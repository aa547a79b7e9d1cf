"""The letters glued to a numeral in the figure recogniser (:mod:`lint.text.numbers`): a
name with a number ("G7", "COVID-19", "3D", "401(k)"), a multiplier ("$3bn"), a measure
("800m", "5km"), pence ("320p"), an ordinal or decade ("19th", "1980s") and a leading zero."""

from __future__ import annotations

import re

from lint.text import figure_context as ctx
from lint.text.figure_context import FigureKind
from lint.text.lazy_re import lazy_re
from lint.text.tokens import SCALES, SHORT_SCALES, wordlist

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


def numeral_parts(text: str, m: re.Match[str]) -> tuple[int, int, float, str, FigureKind | None]:
    """A numeral's (start, end, value, unit) and its kind where the letters glued to it or a
    leading "0" decide it (None: :func:`numeral_kind` decides)."""
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
