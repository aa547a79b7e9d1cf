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
from collections.abc import Callable, Iterator
from typing import Any

#: characters whose case folding in ``re`` differs from ``str.lower`` (or changes the length)
_CASE_EXOTIC = re.compile("[\u0130\u0131\u017f\u212a\u03c2]")


def lowered(text: str) -> str | None:
    """``text.lower()`` when lowering keeps every offset and what a case-insensitive pattern
    matches (so an automaton of lowercase words can find where matches start), else None."""
    if text.isascii():  # ASCII lowers to ASCII of the same length, with no exotic case
        return text.lower()
    if _CASE_EXOTIC.search(text) is not None:
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


def leading_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lowercased literals one of which every match of ``pattern`` starts with (after zero-width
    assertions), or None when that cannot be read from the pattern. Read from the pattern's text
    when :mod:`lint.text.lead_reader` can tell (the same words, without parsing it)."""
    from lint.text.lead_reader import fast_leading_words

    fast = fast_leading_words(pattern)
    if not isinstance(fast, str):  # not UNKNOWN
        return fast
    found = _read_starts(pattern, anchors=False)
    return found[0] if found is not None and found[0] else None


_UNBUILT: Any = object()


def start_words(pattern: re.Pattern[str]) -> tuple[frozenset[str], bool] | None:
    """(words, at_start): every match of ``pattern`` starts where one of ``words`` (lowercased,
    as :func:`leading_words` reads them) starts, or at the text's start when ``at_start`` (an
    alternative anchored by ``\\A``, or by ``^`` outside MULTILINE); None when that cannot be
    read from the pattern ("(?:\\bvs\\b)|(?:^\\s*note\\s*:)": {"vs"}, True)."""
    return _read_starts(pattern, anchors=True)


def _read_starts(pattern: re.Pattern[str], anchors: bool) -> tuple[frozenset[str], bool] | None:
    """:func:`start_words`; with ``anchors`` off, an anchor is skipped like any zero-width
    assertion (the words after it are read: :func:`leading_words`)."""
    from re import _constants, _parser  # type: ignore[attr-defined]

    starts_text = (_constants.AT_BEGINNING_STRING,)

    def lead(items: list[tuple[Any, Any]], multiline: bool) -> tuple[set[str], bool] | None:
        prefix: list[str] = []
        for op, av in items:
            if not prefix and op is _constants.AT:
                if anchors and (
                    av in starts_text or (av is _constants.AT_BEGINNING and not multiline)
                ):
                    return set(), True  # the match starts at the text's start
                continue  # zero-width: the match starts after it
            if not prefix and op in (_constants.ASSERT, _constants.ASSERT_NOT):
                continue
            if op is _constants.LITERAL:
                char = chr(av)
                if not char.isascii():
                    return None
                prefix.append(char.lower())
                continue
            if prefix:
                break
            if op is _constants.SUBPATTERN:
                add, remove = av[1], av[2]
                inner = (multiline or bool(add & re.MULTILINE)) and not remove & re.MULTILINE
                return lead(list(av[3]), inner)
            if op is _constants.BRANCH:
                words: set[str] = set()
                at_start = False
                for alternative in av[1]:
                    found = lead(list(alternative), multiline)
                    if found is None or not (found[0] or found[1]):
                        return None
                    words |= found[0]
                    at_start = at_start or found[1]
                return words, at_start
            return None
        return ({"".join(prefix)}, False) if prefix else None

    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        found = lead(list(parsed), bool(pattern.flags & re.MULTILINE))
    except Exception:  # a parser this code does not know: no gate, the pattern as it is
        return None
    if found is None or not (found[0] or found[1]):
        return None
    return frozenset(found[0]), found[1]


#: id(pattern) -> (pattern, its automaton of start words or None, at_start), or None: no gate
_FOUND_GATES: dict[int, tuple[re.Pattern[str], Any, bool] | None] = {}
#: id(pattern) -> searches made as it is before its gate is read (see ``PLAIN_SEARCHES``)
_FOUND_SEARCHES: dict[int, int] = {}


def found_in(pattern: re.Pattern[str], text: str) -> bool:
    """``pattern.search(text) is not None``, with ``pattern.match`` tried only where a match can
    start (:func:`start_words`): for a pattern such as a rule's table markers, which ``re``
    otherwise tries at every character of every paragraph. A pattern whose starts cannot be
    read, and a text whose lowering would move offsets or hide a case-insensitive match, are
    searched as they are, and so is any pattern for its first :data:`PLAIN_SEARCHES` texts
    (reading its starts parses it in Python)."""
    gate = _FOUND_GATES.get(id(pattern), _UNBUILT)
    if gate is _UNBUILT or (gate is not None and gate[0] is not pattern):
        searches = _FOUND_SEARCHES.get(id(pattern), 0) + 1
        if searches <= PLAIN_SEARCHES:
            _FOUND_SEARCHES[id(pattern)] = searches
            return pattern.search(text) is not None
        starts = start_words(pattern)
        gate = None if starts is None else (pattern, _automaton(starts[0]), starts[1])
        _FOUND_GATES[id(pattern)] = gate
    low = None if gate is None else lowered(text)
    if gate is None or low is None:
        return pattern.search(text) is not None
    _, automaton, at_start = gate
    match = pattern.match
    if at_start and match(text, 0) is not None:
        return True
    if automaton is not None:
        for end, length in automaton.iter(low):
            if match(text, end - length + 1) is not None:
                return True
    return False


#: Searches a pattern makes as it is before its leading words are read and its automaton built:
#: reading them parses the pattern in Python (the figure patterns took ~10 ms together, 5% of a
#: one-file run's start-up), which pays off only over many searches. Either way the result is the
#: pattern's own, so this only moves when the cost is paid.
PLAIN_SEARCHES = 64


class Gated:
    """``pattern`` with :meth:`search` gated by its leading words; ``match`` as the pattern's."""

    __slots__ = ("_automaton", "_searches", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._automaton: Any = _UNBUILT  # built after PLAIN_SEARCHES searches (not at import)
        self._searches = 0

    def built(self) -> Any:
        """The automaton of the leading words (None: the pattern has none), built now if not yet,
        or _UNBUILT while the first :data:`PLAIN_SEARCHES` searches go to the pattern as it is."""
        if self._automaton is _UNBUILT:
            self._searches += 1
            if self._searches > PLAIN_SEARCHES:
                words = leading_words(self.pattern)
                self._automaton = None if words is None else _automaton(words)
        return self._automaton

    def can_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """False only when no match can lie in ``text[pos:endpos]``: none of the leading words
        occurs there."""
        automaton = self.built()
        if automaton is None or automaton is _UNBUILT:
            return True
        if _CASE_EXOTIC.search(text, pos, endpos) is not None:
            return True
        part = text[pos:endpos]
        low = part.lower()
        if len(low) != len(part):
            return True
        for _ in automaton.iter(low):
            return True
        return False

    def _starts(self, text: str, pos: int, endpos: int) -> list[int] | None:
        """Every place in ``text[pos:endpos]`` where a leading word starts, in order (offsets
        into ``text``), or None when the automaton cannot tell (no leading words; a text whose
        lowering would move offsets or hide a case-insensitive match)."""
        automaton = self.built()
        if automaton is None or automaton is _UNBUILT:
            return None
        low = lowered(text[pos:endpos])
        if low is None:
            return None
        return sorted({pos + end - length + 1 for end, length in automaton.iter(low)})

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """``pattern.search``'s match, tried only where a leading word starts: every match starts
        at one, so the first place (in order) where ``pattern.match`` succeeds is where
        ``search`` would have found its match, and ``match`` there tries what ``search`` tries
        there (both see the text before ``pos``). A text the automaton cannot be used on is
        searched as it is."""
        pos = min(max(pos, 0), len(text))  # as ``re`` takes it
        starts = self._starts(text, pos, endpos)
        if starts is None:
            return self.pattern.search(text, pos, endpos)
        match = self.pattern.match
        for start in starts:
            found = match(text, start, endpos)
            if found is not None:
                return found
        return None

    def starts(self, text: str) -> list[int] | None:
        """Every place in ``text`` where a leading word starts, in order; None when the
        automaton cannot tell (see :meth:`finditer`)."""
        return self._starts(text, 0, len(text))

    def finditer(self, text: str, starts: list[int] | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text)``: ``match`` at each place a leading word starts, from the
        end of the last match on (a match is never empty: it holds a leading word); ``starts``
        are those places when :meth:`starts` told them already."""
        if starts is None:
            starts = self._starts(text, 0, len(text))
        if starts is None:
            yield from self.pattern.finditer(text)
            return
        match = self.pattern.match
        end = 0
        for start in starts:
            if start >= end and (found := match(text, start)) is not None:
                yield found
                end = found.end()

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos)


def _automaton(words: frozenset[str]) -> Any:
    """An automaton of ``words``, each word's value its length (None for no words)."""
    if not words:
        return None
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
