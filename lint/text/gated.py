"""Searches gated by the words a match must start with.

``re`` cannot skip ahead in a case-insensitive pattern that starts with ``\\b`` or a lookbehind:
it tries every alternative at every character. Most texts a figure's context patterns see hold
none of the words their alternatives start with, which one Aho-Corasick pass (pyahocorasick,
in C) over the lowercased text tells at a fraction of the cost. ``gated(pattern)`` reads those
leading words from the pattern itself (its parsed form: after zero-width assertions, each
alternative's leading literal, lowercased); the pattern is searched only when one occurs, so the
result is always ``pattern.search``'s. A pattern where some alternative has no leading literal,
or one with a literal outside ASCII, is searched as it is. Texts whose lowercasing would not keep
offsets or ``re``'s case-insensitive matches ("İ", "ı", "ſ", the Kelvin sign) are searched as
they are.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from typing import Any

#: characters whose case folding in ``re`` differs from ``str.lower`` (or changes the length)
_CASE_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a\u03c2]")


def leading_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lowercased literals one of which every match of ``pattern`` starts with (after zero-width
    assertions), or None when that cannot be read from the pattern."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    def lead(items: list[tuple[Any, Any]]) -> set[str] | None:
        prefix: list[str] = []
        for op, av in items:
            if not prefix and op in (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT):
                continue  # zero-width: the match starts after it
            if op is _constants.LITERAL:
                char = chr(av)
                if not char.isascii():
                    return None
                prefix.append(char.lower())
                continue
            if prefix:
                break
            if op is _constants.SUBPATTERN:
                return lead(list(av[3]))
            if op is _constants.BRANCH:
                found: set[str] = set()
                for alternative in av[1]:
                    words = lead(list(alternative))
                    if not words:
                        return None
                    found |= words
                return found
            return None
        return {"".join(prefix)} if prefix else None

    try:
        words = lead(list(_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # a parser this code does not know: no gate, the pattern as it is
        return None
    return frozenset(words) if words else None


_UNBUILT: Any = object()


class Gated:
    """``pattern`` with :meth:`search` gated by its leading words; ``match`` as the pattern's."""

    __slots__ = ("_automaton", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._automaton: Any = _UNBUILT  # built on the first search (not at import)

    def can_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match can lie in ``text[pos:endpos]``: none of the leading words
        occurs there."""
        if self._automaton is _UNBUILT:
            words = leading_words(self.pattern)
            self._automaton = None if words is None else _automaton(words)
        if self._automaton is None or _CASE_EXOTIC.search(text, pos, endpos) is not None:
            return True
        part = text[pos:endpos]
        low = part.lower()
        if len(low) != len(part):
            return True
        for _ in self._automaton.iter(low):
            return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``pattern.search``'s match, tried only where a leading word starts: every match starts
        at one, so the first place (in order) where ``pattern.match`` succeeds is where
        ``search`` would have found its match, and ``match`` there tries what ``search`` tries
        there (both see the text before ``pos``). A text the automaton cannot be used on is
        searched as it is."""
        if self._automaton is _UNBUILT:
            words = leading_words(self.pattern)
            self._automaton = None if words is None else _automaton(words)
        automaton = self._automaton
        pos = min(max(pos, 0), len(text))  # as ``re`` takes it
        if automaton is None or _CASE_EXOTIC.search(text, pos, endpos) is not None:
            return self.pattern.search(text, pos, endpos)
        part = text[pos:endpos]
        low = part.lower()
        if len(low) != len(part):
            return self.pattern.search(text, pos, endpos)
        starts = {end - length + 1 for end, length in automaton.iter(low)}
        if not starts:
            return None
        match = self.pattern.match
        for start in sorted(starts):
            found = match(text, pos + start, endpos)
            if found is not None:
                return found
        return None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos)


def _automaton(words: frozenset[str]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in sorted(words):
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def gated(pattern: str, flags: int | re.RegexFlag = 0) -> Gated:
    """``Gated(re.compile(pattern, flags))``."""
    return Gated(re.compile(pattern, flags))


def lazy_gated(pattern: str, flags: int | re.RegexFlag = 0) -> Callable[[], Gated]:
    """A getter of ``gated(pattern, flags)``, made on its first call (see ``lazy_re``)."""

    @functools.cache
    def made() -> Gated:
        return gated(pattern, flags)

    return made
