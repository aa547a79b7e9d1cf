"""An alternation tried only where its alternatives can start: the matching half of the cue
search (:mod:`lint.text.cues` for the constructions, :mod:`lint.text.cue_phrases` for literal
phrase lists)."""

from __future__ import annotations

import re
from collections.abc import Iterator


class Gate:
    """An alternation split by where its alternatives can start: for a set of them (a bit mask
    over ``parts``), those alternatives alone, in their order, between ``head`` and ``tail``. At
    a place where only those can match, they find what the whole alternation finds there
    (``re`` takes the first alternative that matches, and the others fail there) without trying
    the others one by one. Compiled once per process, through ``re``'s cache (the start-up cache
    of compiled patterns, :mod:`lint.io.regexcache`, keeps them): with ``split``, one pattern per
    alternative, tried one after the other (a set's pattern would repeat long alternatives in
    every set that has them, which the start-up cache then reads on every run); else one
    pattern per set."""

    __slots__ = ("flags", "head", "parts", "patterns", "split", "tail")

    def __init__(
        self, parts: tuple[str, ...], head: str, tail: str, flags: int, split: bool = False
    ) -> None:
        self.parts = parts
        self.head = head
        self.tail = tail
        self.flags = flags
        self.split = split
        self.patterns: dict[int, tuple[re.Pattern[str], ...]] = {}

    def pattern(self, mask: int) -> tuple[re.Pattern[str], ...]:
        """The patterns to try, in order, for the alternatives in ``mask``."""
        found = self.patterns.get(mask)
        if found is None:
            chosen, rest = [], mask
            while rest:  # the set bits, lowest first
                low = rest & -rest
                chosen.append(self.parts[low.bit_length() - 1])
                rest ^= low
            if not self.split:
                chosen = ["|".join(chosen)]
            found = tuple(re.compile(self.head + part + self.tail, self.flags) for part in chosen)
            self.patterns[mask] = found
        return found

    def matches(self, text: str, masks: dict[int, int]) -> Iterator[re.Match[str]]:
        """What the whole alternation's ``finditer`` finds in ``text``, given every place a match
        can start with the alternatives that can match there (a superset of both)."""
        patterns = self.patterns
        end = 0
        for start in sorted(masks):
            if start >= end:
                mask = masks[start]
                for pattern in patterns.get(mask) or self.pattern(mask):
                    if (match := pattern.match(text, start)) is not None:
                        yield match
                        end = match.end()
                        break


def key_masks(parts: tuple[tuple[str, str], ...]) -> dict[str, int]:
    """Each first word (or prefix) of ``parts``: the bit mask of the alternatives it starts."""
    masks: dict[str, int] = {}
    for index, (words, _) in enumerate(parts):
        for word in words.split():
            masks[word] = masks.get(word, 0) | 1 << index
    return masks
