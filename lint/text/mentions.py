"""Mentions in news text, with character offsets: figures, names and quotations.

Used both by the pair features (overlap of names, figures, quotes) and by the rules that report
what a rewrite added to its original.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from lint.core.document import Span
from lint.text import numbers
from lint.text.lazy_re import lazy_re
from lint.text.numbers import Figure, FigureKind
from lint.text.quotes import quote_spans

__all__ = ["Figure", "Name", "Quote", "figures", "name_words", "names", "quotes"]


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
_TRIMMED = _NOT_NAMES | _CONNECTORS  # words trimmed from both ends of a run
# A capitalised word; an apostrophe is part of it unless it starts a possessive ("Syria’s").
_CAP = r"[A-Z](?:[\w.]|[’'](?!s\b))*\w|[A-Z]"
_CONNECT = r"(?:" + "|".join(sorted(_CONNECTORS)) + r")"
_RUN_START = "".join(sorted({w[0] for w in _CONNECTORS}))  # a run starts with one or A-Z
_RUN = lazy_re(  # the lookahead lets re skip, cheaply, positions that cannot start a run
    rf"(?=[A-Z{_RUN_START}])(?<![\w’'])(?:{_CONNECT}-)?(?:{_CAP})"
    rf"(?:[ -](?:{_CONNECT}[ -])?(?:{_CAP}))*"
)
_PART = lazy_re(rf"{_CAP}|{_CONNECT}\b")
# A character class first lets re skip in C to where a match can start; the lookbehind after
# it is the word boundary (_LOWER) or the words before (_MID) that the match needs.
_LOWER = lazy_re(r"[a-z](?<!\w[a-z])[\w’'-]*")  # r"\b[a-z][\w’'-]*"
_MID = lazy_re(  # rf"(?<=[a-z,;] )(?:{_CAP})", _CAP's first letter taken first
    r"[A-Z](?<=[a-z,;] [A-Z])(?:(?:[\w.]|[’'](?!s\b))*\w)?"
)


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


_LINE = lazy_re(r"[^\n]+")
_LONG_INITIAL = lazy_re(r"\b([^\W\d_])[\w’'-]{3,}")  # a word of four characters or more


def _title_lines(text: str) -> list[Span]:
    """Lines in title case (headlines), where capitals say nothing about names."""
    spans = []
    initials = _LONG_INITIAL().findall
    for line in _LINE().finditer(text):
        long = initials(text, line.start(), line.end())  # the long words' first letters
        if len(long) < 3:
            continue
        upper = sum(map(str.isupper, long))  # capitalised words
        if upper >= 0.75 * len(long):
            spans.append(Span(line.start(), line.end()))
    return spans


def names(text: str) -> Iterator[Name]:
    """Capitalised word runs that are probably names. Common words are trimmed from both ends;
    a sentence-initial word counts only if it also appears capitalised mid-sentence."""
    for parts in _name_parts(text):
        span = Span(parts[0][0], parts[-1][0] + len(parts[-1][1]))
        yield Name(span, text[span.start : span.end], tuple([_key(word) for _, word in parts]))


def name_words(text: str) -> Iterator[tuple[str, ...]]:
    """The ``words`` of each of :func:`names`, in order, without building the names (their
    spans and text): what the pair features need."""
    key = _key
    for parts in _name_parts(text):
        yield tuple([key(word) for _, word in parts])


def _name_parts(text: str) -> Iterator[list[tuple[int, str]]]:
    """Each name of :func:`names` as its words: (offset, word), never empty."""
    lower = frozenset(_LOWER().findall(text))
    mid = frozenset(_MID().findall(text))
    titles = _title_lines(text)
    part = _PART().finditer
    for run in _RUN().finditer(text):
        run_start, run_end = run.span()
        if titles and any(s.start <= run_start < s.end for s in titles):
            continue
        # Its words, as found in the run alone: the parts never look behind their start, and
        # ``endpos`` ends the text where the run does. A run with no space or hyphen is one
        # capitalised word (a run starting with a connector has a hyphen): its only part.
        word = run.group()
        if " " in word or "-" in word:
            parts = [(m.start(), m.group()) for m in part(text, run_start, run_end)]
        else:
            parts = [(run_start, word)]
        first, last = 0, len(parts)  # the words kept: parts[first:last]
        while first < last:
            start, word = parts[first]
            folded = word.lower()
            if not (
                folded in _TRIMMED
                # the set lookups first: a name also capitalised mid-sentence needs no look back
                or ((folded in lower or word not in mid) and _sentence_initial(text, start))
            ):
                break
            first += 1
        while last > first and parts[last - 1][1].lower() in _TRIMMED:
            last -= 1
        if first < last:
            yield parts[first:last] if first or last < len(parts) else parts


def _key(word: str) -> str:
    if word.isascii():  # NFKC leaves ASCII as it is
        return word.casefold()
    return unicodedata.normalize("NFKC", word).casefold()


@dataclass(frozen=True)
class Quote:
    """A quotation: its span (marks included) and its words."""

    span: Span
    text: str


def quotes(text: str) -> Iterator[Quote]:
    for span in quote_spans(text):
        yield Quote(span, text[span.start : span.end])
