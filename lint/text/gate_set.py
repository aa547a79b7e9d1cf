"""Many patterns gated by their leading words in one pass over one short text.

A figure's clause is searched with some twenty patterns (:mod:`lint.text.figure_market`,
:mod:`lint.text.figure_record`), and most find nothing: none of the words their matches must start
with occurs in the clause. :class:`lint.text.gated.Gated` tells that for one pattern at a time, at
the cost of lowering the text and running an automaton for each; a :class:`GateSet` holds the
leading words of all its patterns in one automaton, so one :meth:`GateSet.scan` of a text gives
every pattern's possible starts, and :meth:`Scan.search` tries ``pattern.match`` only there (no
call into ``re`` at all where there is none). The result is ``pattern.search(text)``'s, by the
argument of :meth:`Gated.search`; a pattern with no leading words, and a text whose lowering would
move offsets or hide a case-insensitive match, are searched as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from lint.text.gated import PLAIN_SEARCHES, leading_words, lowered

#: Scans answered by plain searches before the set is built: building reads every pattern's
#: leading words in Python (about 90 M instructions for the clause patterns, some 200 plain
#: scans), which a one-file run seldom earns back; a corpus run passes this in its first
#: articles. (callgrind, one 491-word file / 300 files: 64 scans 789 M / 6.20 G, 256 scans
#: 705 M / 6.28 G, 512 scans 700 M / 6.41 G.)
PLAIN_SCANS = 4 * PLAIN_SEARCHES


class Scan:
    """The places in one text where each gated pattern's leading words start."""

    __slots__ = ("_gated", "_starts", "text")

    def __init__(
        self,
        text: str,
        gated: dict[int, int] | None,
        starts: dict[int, list[int]] | None,
    ) -> None:
        self.text = text
        self._gated = gated
        self._starts = starts

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        """``pattern.search(self.text)``, tried only where one of its leading words starts (a
        pattern added with :meth:`GateSet.require`: searched only when one of its words
        occurs)."""
        starts, gated = self._starts, self._gated
        index = None if gated is None else gated.get(id(pattern))
        if starts is None or index is None:
            return pattern.search(self.text)
        places = starts.get(index)
        if places is None:
            return None  # none of its leading words occurs
        if index < 0:
            return pattern.search(self.text)  # a required word occurs: the pattern decides
        text, match = self.text, pattern.match
        if len(places) > 1:
            places = sorted(set(places))
        for start in places:
            found = match(text, start)
            if found is not None:
                return found
        return None

    def holds_none(self, indices: frozenset[int]) -> bool:
        """True only when no pattern of ``indices`` (:meth:`GateSet.indices`) has a word of its
        gate in the text: :meth:`search` gives None for each of them."""
        starts = self._starts
        return starts is not None and starts.keys().isdisjoint(indices)


class GateSet:
    """Patterns gated together (built after :data:`PLAIN_SCANS` scans, or ``plain_scans``, as a
    :class:`Gated` pattern is). A set whose patterns :mod:`lint.text.lead_reader` reads without
    the parser costs some 25 M instructions to build, less than 256 scans answered by plain
    searches of every pattern: the figure sets pass ``plain_scans=32`` (callgrind, 300 Reuters
    files / one small file: 0 scans 3,802 M / 663 M, 32 scans 3,824 M / 635 M; a hook run
    lints one file)."""

    __slots__ = ("_automaton", "_gated", "_getters", "_last", "_plain", "_required", "_scans")

    def __init__(self, plain_scans: int | None = None) -> None:
        self._plain = plain_scans  # None: PLAIN_SCANS
        self._getters: list[Callable[[], Sequence[re.Pattern[str]]]] = []
        self._required: list[Callable[[], Sequence[tuple[re.Pattern[str], str]]]] = []
        self._automaton: Any = None
        self._gated: dict[int, int] | None = None
        self._scans = 0
        self._last: Scan | None = None

    def add(self, getter: Callable[[], Sequence[re.Pattern[str]]]) -> None:
        """Gate the patterns ``getter`` gives too (called when the set is built: the patterns
        may be compiled on first use); patterns added after the set is built are searched as
        they are."""
        self._getters.append(getter)

    def require(self, getter: Callable[[], Sequence[tuple[re.Pattern[str], str]]]) -> None:
        """Gate each (pattern, part) ``getter`` gives on the leading words of ``part``, a regex
        that every match of the pattern holds a match of (a company's move needs its verb, a
        trade report's position its month): the pattern is searched as it is, but only in a
        text where one of those words occurs (when no such word can be read from ``part``,
        always)."""
        self._required.append(getter)

    def _build(self) -> None:
        import ahocorasick

        gated: dict[int, int] = {}  # by id: a pattern's hash reads its whole code
        by_word: dict[str, list[int]] = {}
        patterns = [pattern for getter in self._getters for pattern in getter()]
        for pattern in patterns:
            words = leading_words(pattern)
            if words is None or id(pattern) in gated:
                continue
            index = gated[id(pattern)] = len(gated)
            for word in words:
                by_word.setdefault(word, []).append(index)
        required = [pair for getter in self._required for pair in getter()]
        for pattern, part in required:  # indices below zero: searched whole where a word occurs
            words = leading_words(re.compile(part, pattern.flags))
            if words is None or id(pattern) in gated:
                continue
            index = gated[id(pattern)] = -1 - len(gated)
            for word in words:
                by_word.setdefault(word, []).append(index)
        automaton = ahocorasick.Automaton()
        for word in sorted(by_word):
            automaton.add_word(word, (len(word) - 1, tuple(by_word[word])))
        automaton.make_automaton()
        self._automaton, self._gated = automaton, gated

    def indices(self, patterns: Sequence[re.Pattern[str]]) -> frozenset[int] | None:
        """The gates of ``patterns`` (for :meth:`Scan.holds_none`), or None before the set is
        built or when one of them is searched as it is."""
        gated = self._gated
        if gated is None:
            return None
        found = [gated.get(id(pattern)) for pattern in patterns]
        return None if None in found else frozenset(index for index in found if index is not None)

    def scan(self, text: str) -> Scan:
        """The scan of ``text`` (the last one again when the text is the same)."""
        last = self._last
        if last is not None and last.text == text:
            return last
        if self._gated is None:
            self._scans += 1
            if self._scans <= (PLAIN_SCANS if self._plain is None else self._plain):
                return Scan(text, None, None)
            self._build()
        found = Scan(text, self._gated, self._starts(text))
        self._last = found
        return found

    def _starts(self, text: str) -> dict[int, list[int]] | None:
        """Where each pattern's leading words start in ``text``, by the pattern's index (none:
        no entry), or None when the automaton cannot tell."""
        low = lowered(text)
        if low is None:
            return None
        starts: dict[int, list[int]] = {}
        for end, (back, indices) in self._automaton.iter(low):
            for index in indices:
                if index in starts:
                    starts[index].append(end - back)
                else:
                    starts[index] = [end - back]
        return starts
