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
from lint.text import numbers
from lint.text.numbers import Figure, FigureKind
from lint.text.quotes import quote_spans

__all__ = ["Figure", "Name", "Quote", "figures", "names", "quotes"]


def figures(text: str) -> Iterator[Figure]:
    """The figures of ``text`` (see :mod:`lint.text.numbers`), names with numbers left out."""
    return (f for f in numbers.figures(text) if f.kind is not FigureKind.NAME)


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
