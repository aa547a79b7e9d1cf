"""Mentions in news text, with character offsets: figures, names and quotations.

Used both by the pair features (overlap of names, figures, quotes) and by the rules that report
what a rewrite added to its original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from lint.core.document import Span
from lint.text.quotes import quote_spans

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_NUMBER_WORD = "|".join(sorted(_UNITS, key=len, reverse=True))
_SCALE_WORD = "|".join(_SCALES)
_PERCENT = r"(?P<pct>\s*(?:%|per\s*cent\b|percent\b|pc\b))?"
_FIGURE = re.compile(
    r"(?:(?<![\w.,])|(?<=\$[A-Z]))(?:"  # "$A5bn" is Australian dollars
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<dscale>\s*(?:" + _SCALE_WORD + r"|bn|mn|m|k|b)\b)?"
    r"|(?P<words>(?:" + _NUMBER_WORD + r")(?:[\s-]+(?:" + _NUMBER_WORD + r"))?"
    r"(?:\s+(?:" + _SCALE_WORD + r"))?)\b"
    r")" + _PERCENT,
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")
_SHORT_SCALES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}
#: "m" and "k" are scales ("$95.8m", "155.7m ringgit", "£40k") unless, with no currency sign
#: before, a measure follows ("22m (72 feet)", "the 800m final", "5k run"); "b" only after a
#: currency sign ("$3.9b").
_CURRENCY_BEFORE = re.compile(r"[$£€¥][A-Z]?$")
_MEASURE_AFTER = re.compile(
    r"\s*(?:[(.,;:!?]|$|(?:deep|high|tall|long|wide|away|above|below|final|race|hurdles|"
    r"freestyle|backstroke|breaststroke|butterfly|medley|relay|sprint|run|metres|meters|feet|"
    r"ft|in|from|of water)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """A number in the text, normalised: ``value`` and whether it is a percentage."""

    span: Span
    text: str
    value: float
    percent: bool

    @property
    def key(self) -> tuple[float, bool]:
        return (round(self.value, 6), self.percent)


def _words_value(text: str) -> float:
    total, current = 0.0, 0.0
    for word in re.split(r"[\s-]+", text.lower()):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1.0) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0.0
    return total + current


def _is_unit(text: str, match: re.Match[str], scale: str) -> bool:
    """Whether a short scale after digits is a unit ("22m (72 feet)") rather than millions."""
    if _CURRENCY_BEFORE.search(text, max(0, match.start() - 2), match.start()):
        return False
    return scale == "b" or _MEASURE_AFTER.match(text, match.end("dscale")) is not None


def figures(text: str) -> Iterator[Figure]:
    """Numbers written in digits ("1,400", "2.5 million", "10%") or words ("thirteen",
    "ten per cent"). "one" alone is skipped: it is nearly always a pronoun or article."""
    dates = [m.span() for m in _ISO_DATE.finditer(text)]
    for match in _FIGURE.finditer(text):
        if dates and any(start <= match.start() < end for start, end in dates):
            continue  # a date stamp ("2025-03-14"), not three numbers
        if match.group("digits"):
            value = float(match.group("digits").replace(",", ""))
            scale = (match.group("dscale") or "").strip().lower()
            if scale in ("m", "k", "b") and _is_unit(text, match, scale):
                scale = ""
            value *= _SCALES.get(scale) or _SHORT_SCALES.get(scale, 1)
        else:
            words = match.group("words")
            if words.lower() in ("one", "zero") and not match.group("pct"):
                continue
            value = _words_value(words)
        end = (
            match.end()
            if match.group("pct")
            else match.end("digits" if match.group("digits") else "words")
        )
        if match.group("dscale") and scale:
            end = max(end, match.end("dscale"))
        yield Figure(
            Span(match.start(), end), text[match.start() : end], value, bool(match.group("pct"))
        )


# Capitalised words that start sentences or titles but are not names.
_NOT_NAMES = frozenset(
    """a an the and or but if in on at of for to from by with as after before since while
    when where what who why how this that these those it its he she they we i you his her their
    our my your there here then than so yet also not no yes all some many most more one two
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december mr mrs ms dr
    i'm i've i'll i'd i’m i’ve i’ll i’d
    """.split()  # noqa: SIM905
)
_CONNECTORS = frozenset({"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "of"})
# A capitalised word; an apostrophe is part of it unless it starts a possessive ("Syria’s").
_CAP = r"[A-Z](?:[\w.]|[’'](?!s\b))*\w|[A-Z]"
_CONNECT = r"(?:" + "|".join(sorted(_CONNECTORS)) + r")"
_RUN = re.compile(rf"(?<![\w’'])(?:{_CONNECT}-)?(?:{_CAP})(?:[ -](?:{_CONNECT}[ -])?(?:{_CAP}))*")
_PART = re.compile(rf"{_CAP}|{_CONNECT}\b")
_LOWER = re.compile(r"\b[a-z][\w’'-]*")
_MID = re.compile(rf"(?<=[a-z,;] )(?:{_CAP})")


@dataclass(frozen=True)
class Name:
    """A run of capitalised words: a person, place or organisation, probably."""

    span: Span
    text: str
    words: tuple[str, ...]  # case-folded, possessive dropped


def _sentence_initial(text: str, start: int) -> bool:
    """At the start of a sentence, or of a quotation ("stated, "Preliminary indications ...")."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"“”‘’'()*":  # marks and brackets around a sentence end
        if text[i] in '“"' and text[i + 1] not in " \t":
            return True  # an opening quote mark
        i -= 1
    return i < 0 or text[i] in ".!?:\n\r…"


_LINE = re.compile(r"[^\n]+")
_LONG_WORD = re.compile(r"\b[^\W\d_][\w’'-]{3,}")


def _title_lines(text: str) -> list[Span]:
    """Lines in title case (headlines), where capitals say nothing about names."""
    spans = []
    for line in _LINE.finditer(text):
        long = _LONG_WORD.findall(line.group())
        if len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.75 * len(long):
            spans.append(Span(line.start(), line.end()))
    return spans


def names(text: str) -> Iterator[Name]:
    """Capitalised word runs that are probably names. Common words are trimmed from both ends;
    a sentence-initial word counts only if it also appears capitalised mid-sentence."""
    lower = frozenset(_LOWER.findall(text))
    mid = frozenset(_MID.findall(text))
    titles = _title_lines(text)
    for run in _RUN.finditer(text):
        if titles and any(s.start <= run.start() < s.end for s in titles):
            continue
        parts = [(m.start(), m.group()) for m in _PART.finditer(run.group())]
        parts = [(run.start() + offset, word) for offset, word in parts]
        while parts and (
            parts[0][1].lower() in _NOT_NAMES
            or parts[0][1].lower() in _CONNECTORS
            or (
                _sentence_initial(text, parts[0][0])
                and (parts[0][1].lower() in lower or parts[0][1] not in mid)
            )
        ):
            parts = parts[1:]
        while parts and (parts[-1][1].lower() in _NOT_NAMES or parts[-1][1].lower() in _CONNECTORS):
            parts = parts[:-1]
        if parts:
            span = Span(parts[0][0], parts[-1][0] + len(parts[-1][1]))
            keys = tuple(_key(word) for _, word in parts)
            yield Name(span, text[span.start : span.end], keys)


def _key(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold()


@dataclass(frozen=True)
class Quote:
    """A quotation: its span (marks included) and its words."""

    span: Span
    text: str


def quotes(text: str) -> Iterator[Quote]:
    for span in quote_spans(text):
        yield Quote(span, text[span.start : span.end])
