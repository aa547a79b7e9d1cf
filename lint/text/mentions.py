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
from lint.text.capitals import long_initials, sentence_initial
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
# A run starting with a capital (every run but a connector's): [A-Z] first, so re skips in C
# to a capital rather than try every position; the lookbehind after it is ``_RUN``'s before it.
# A capital cannot start a connector, so ``_RUN`` matches a capital's position only this way.
_CAPITAL_RUN = lazy_re(
    rf"[A-Z](?<![\w’'].)(?:(?:[\w.]|[’'](?!s\b))*\w)?"  # {_CAP}, its first letter taken first
    rf"(?:[ -](?:{_CONNECT}[ -])?(?:{_CAP}))*"
)
_CONNECTOR_CAP = lazy_re(r"-[A-Z]")  # where a run led by a connector ("al-Assad") can go on
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


_LINE = lazy_re(r"[^\n]+")


def _title_lines(text: str) -> list[Span]:
    """Lines in title case (headlines), where capitals say nothing about names."""
    spans = []
    for line in _LINE().finditer(text):
        long = long_initials(text, line.start(), line.end())  # the long words' first letters
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


def _runs(text: str) -> Iterator[re.Match[str]]:
    """``_RUN().finditer(text)``, faster: runs led by a capital from ``_CAPITAL_RUN``; a run led
    by a connector needs "connector-" and a capital, so ``_RUN`` is tried only before a hyphen
    and a capital, and the two kinds are merged leftmost first, as ``finditer`` takes them."""
    led: list[re.Match[str]] = []  # runs led by a connector, in order
    for hyphen in _CONNECTOR_CAP().finditer(text):
        at = hyphen.start()
        for start in sorted(
            at - len(c) for c in _CONNECTORS if at >= len(c) and text.startswith(c, at - len(c))
        ):
            run = _RUN().match(text, start)
            if run is not None and (not led or led[-1].start() < start):
                led.append(run)
    if not led:
        yield from _CAPITAL_RUN().finditer(text)
        return
    search = _CAPITAL_RUN().search
    pos, i = 0, 0
    while True:
        while i < len(led) and led[i].start() < pos:
            i += 1
        capital = search(text, pos)
        if i < len(led) and (capital is None or led[i].start() < capital.start()):
            run = led[i]
        elif capital is not None:
            run = capital
        else:
            return
        yield run
        pos = run.end()


_TOKEN = lazy_re(r"[a-z][\w’'-]*")  # the shape of a match of _LOWER
_TOKEN_CHAR = lazy_re(r"[\w’'-]")
_WORD_CHAR = lazy_re(r"\w")


def _is_lower_word(text: str, word: str) -> bool:
    """Whether ``word`` is in ``_LOWER().findall(text)``, found without listing them all (only
    a few capitalised words per text are asked about): an occurrence of ``word`` is one of them
    when it starts a match (no word character before it, and not inside a match started
    earlier in its run of word characters, apostrophes and hyphens) and its match ends with it
    (no such character after it)."""
    if _TOKEN().fullmatch(word) is None:
        return False
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (
            (at == 0 or _WORD_CHAR().match(text, at - 1) is None)
            and (end == len(text) or _TOKEN_CHAR().match(text, end) is None)
            and not (at and text[at - 1] in "’'-" and _token_before(text, at))
        ):
            return True
        at = text.find(word, at + 1)
    return False


def _token_before(text: str, at: int) -> bool:
    """Whether a match of _LOWER starts in the run of its characters that ends at ``at`` (and
    so runs on over ``at``)."""
    run = at
    while run > 0 and _TOKEN_CHAR().match(text, run - 1) is not None:
        run -= 1
    return _LOWER().search(text, run, at) is not None


def _name_parts(text: str) -> Iterator[list[tuple[int, str]]]:
    """Each name of :func:`names` as its words: (offset, word), never empty."""
    mid = frozenset(_MID().findall(text))
    titles = _title_lines(text)
    part = _PART().finditer
    for run in _runs(text):
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
            # A sentence-initial word is kept only if it is also capitalised mid-sentence and
            # never written in lower case (asked last: the costliest).
            if not (
                folded in _TRIMMED
                or (
                    sentence_initial(text, start)
                    and (word not in mid or _is_lower_word(text, folded))
                )
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
