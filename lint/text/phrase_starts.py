"""Where a lexicon's phrases can start in a text: the Aho-Corasick side of
:class:`lint.text.lexicon.Prefilter` (pyahocorasick, in C).

Each phrase's key is the literal ASCII start of its first word (:func:`literal_start`). On an
ASCII text, the keys are looked for with their word edges (:func:`edged_automaton`), so only
places at a word's start come back to Python; on any other text, every occurrence of a key does,
and the edges are checked here. Keeping more places than needed is safe: the lexicon's pattern
decides at each.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.text.lexicon import Prefilter

HYPHENS = "-\u2010\u2011"
APOSTROPHES = "'\u2019"

#: Characters that ``re`` matches case-insensitively to an ASCII letter without lowering to it
#: (or that change length when lowered): a text containing one is searched with the pattern alone.
_CASE_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a]")


def literal_start(phrase: str) -> tuple[str, bool]:
    """The ASCII prefix of a phrase's first word that matches only itself (up to a hyphen,
    apostrophe, ``*`` or non-ASCII character; empty when the phrase starts with a non-ASCII
    character), and whether that prefix is the whole first word."""
    first = phrase.split(" ", 1)[0]
    out = []
    for ch in first:
        if ch in HYPHENS or ch in APOSTROPHES or ch == "*" or not ch.isascii():
            break
        out.append(ch)
    return "".join(out), len(out) == len(first)


#: ASCII bytes as :func:`edged_automaton`'s haystack holds them: a letter, digit or underscore
#: as it is (or lowered), any other byte a space
_KEEP = frozenset(ord(c) for c in "_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_EDGES = bytes(b if b in _KEEP else 32 for b in range(256))
_LOWER_EDGES = bytes(ord(chr(b).lower()) if b in _KEEP else 32 for b in range(256))


def edged_automaton(ids: Mapping[tuple[str, bool], int]) -> Any:
    """An automaton of the keys with their word edges, for an ASCII text turned into a haystack
    of words between spaces (``_EDGES``, one space added at each end): each key preceded by a
    space (no letter, digit or underscore before it), and a key that is a whole first word
    followed by one too. Its every hit is a place a phrase can start; the plain automaton's
    hits inside words (most of them, for short keys) never come back to Python to be dropped.
    None when a key holds a character the haystack turns into a space."""
    import ahocorasick

    if not all(_KEEP.issuperset(start.encode("ascii")) for start, _ in ids):
        return None
    automaton = ahocorasick.Automaton()
    for (start, whole), key_id in ids.items():
        key = f" {start} " if whole else f" {start}"
        automaton.add_word(key, (*automaton.get(key, ()), (key_id, len(key))))
    automaton.make_automaton()
    return automaton


def edged_haystack(text: str, lower: bool) -> str:
    """An ASCII text as :func:`edged_automaton` reads it: a letter, digit or underscore as it is
    (lowered when ``lower``), any other character a space, and one space added at each end (so a
    key's hit starts at the text's offset of the key's first character)."""
    table = _LOWER_EDGES if lower else _EDGES
    return " " + text.encode("ascii").translate(table).decode("ascii") + " "


def edged_places(text: str, automaton: Any) -> list[int]:
    """Every offset of an ASCII ``text`` where a key of ``automaton`` (an
    :func:`edged_automaton`, keys lowercase) starts at a word edge, in order."""
    return sorted(
        {
            end - length + 1
            for end, keys in automaton.iter(edged_haystack(text, True))
            for _, length in keys
        }
    )


def phrase_starts(text: str, prefilter: Prefilter) -> list[tuple[int, tuple[int, ...]]] | None:
    """(place, key ids found there) for each place a phrase can start, in order (key ids empty:
    try the whole pattern), or ``None`` when the text needs the whole pattern (lowering would move
    offsets or hide a case-insensitive match). A key's hit is kept only at a word edge: not after
    (nor, for a whole first word, before) a letter, digit or underscore, which ``WORD_CHAR``
    holds; keeping more places than needed is safe, since the pattern decides."""
    # a key's hit at a place is reported once (one automaton word per key), so each place's
    # list holds distinct key ids
    places: dict[int, list[int]] = {}
    if prefilter.edged is not None and text.isascii():
        # the haystack's offsets are the text's plus one (the space in front), and a key's hit
        # starts at its space: at the text's offset of the key's first character
        table = _LOWER_EDGES if prefilter.ignore_case else _EDGES
        haystack = " " + text.encode("ascii").translate(table).decode("ascii") + " "
        for end, keys in prefilter.edged.iter(haystack):
            for key_id, length in keys:
                start = end - length + 1
                if start in places:
                    places[start].append(key_id)
                else:
                    places[start] = [key_id]
    elif prefilter.automaton is not None:
        haystack = text
        if prefilter.ignore_case:
            if _CASE_EXOTIC.search(text):
                return None
            haystack = text.lower()
            if len(haystack) != len(text):
                return None
        last = len(text) - 1
        for end, keys in prefilter.automaton.iter(haystack):
            for key_id, length, whole in keys:
                start = end - length + 1
                # inline ``_edge`` (called for every automaton hit)
                if start:
                    ch = text[start - 1]
                    if ch.isalnum() or ch == "_":
                        continue
                if whole and end < last:
                    ch = text[end + 1]
                    if ch.isalnum() or ch == "_":
                        continue
                places.setdefault(start, []).append(key_id)
    if prefilter.others is not None:
        for match in prefilter.others.finditer(text):
            places.setdefault(match.start(), [])
    if not places:
        return []
    return [
        (start, (ids[0],) if len(ids) == 1 else tuple(sorted(ids)))
        for start, ids in sorted(places.items())
    ]
