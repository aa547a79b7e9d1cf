"""The spelled-number scan of the figure recogniser (:mod:`lint.text.numbers`): numbers
written in words ("twenty-five", "three to four", "ten percent", "two mln") and the test for
a number word at all."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lint.text.gated import lowered
from lint.text.lazy_re import lazy_re
from lint.text.tokens import SCALES, SHORT_SCALES, UNITS, spelled_value

_NUMBER_WORDS = "|".join(sorted([*UNITS, *SCALES], key=len, reverse=True))
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


# A candidate, rf"\d|\b(?:{_NUMBER_WORDS})\b" (IGNORECASE; the readable form, kept in
# tests/text/test_fast_figure_scans.py), in two passes re skips through in C: a digit, then a
# number word found as ``_SPELLED`` finds its first word (a case-sensitive class of every
# character IGNORECASE matches to an initial, then the rest after a lookbehind for the initial).
_WORD_INITIALS = "".join(sorted({w[0] for w in (*UNITS, *SCALES)}))
_WORD_INITIAL_CHARS = "".join(
    sorted({*_WORD_INITIALS, *_WORD_INITIALS.upper(), *("ſ" if "s" in _WORD_INITIALS else "")})
)
_WORDS_BY_INITIAL: dict[str, list[str]] = {}
for _word in sorted([*UNITS, *SCALES], key=len, reverse=True):
    _WORDS_BY_INITIAL.setdefault(_word[0], []).append(_word[1:])
_WORD_RESTS = "|".join(f"(?<={c})(?:{'|'.join(r)})" for c, r in _WORDS_BY_INITIAL.items())
NUMBER_WORD = re.compile(
    rf"(?-i:[{_WORD_INITIAL_CHARS}])(?<!\w.)(?:{_WORD_RESTS})\b", re.IGNORECASE
)


#: The unit words' automaton (pyahocorasick), built on first use.
_UNIT_AUTOMATON: list[Any] = []


def spelled_matches(text: str) -> Iterator[re.Match[str]]:
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


def spelled_parts(text: str, m: re.Match[str]) -> tuple[int, int, float] | None:
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
