"""pyphen's hyphenation points from :class:`lint.text.hyphenation.Hyphenator`, without pyphen:
the same points (so textstat's syllable counts) for every word."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyphen import LANGUAGES, Pyphen, language_fallback

from lint.text import hyphenation, pronouncing

_WORDS = st.one_of(
    st.sampled_from(sorted(pronouncing.bundled_lexicon())[::97]),
    st.from_regex(r"[a-zA-Z][a-zA-Z'éèüñ.ﬁ’-]{0,25}", fullmatch=True),
    st.from_regex(r"[A-Z][a-z]{0,20}", fullmatch=True),
)


def test_the_hyphenation_file_is_the_one_pyphen_reads() -> None:
    path = hyphenation.default_file("en_US")
    assert path is not None and path == Path(str(LANGUAGES[language_fallback("en_US")]))


@functools.cache
def _hyphenator() -> hyphenation.Hyphenator:
    path = hyphenation.default_file("en_US")
    assert path is not None
    return hyphenation.read(path)


def _cmudict_words_hyphenate_as_pyphen(step: int) -> None:
    pyphen, ours = Pyphen(lang="en_US"), _hyphenator()
    words = list(pronouncing.bundled_lexicon())[::step]
    assert len(words) > 100_000 // step
    for word in words:
        assert ours.positions(word) == pyphen.positions(word), word


def test_positions_of_a_tenth_of_cmudict_words_are_pyphens() -> None:
    _cmudict_words_hyphenate_as_pyphen(10)


@pytest.mark.slow
def test_positions_of_every_cmudict_word_are_pyphens() -> None:
    _cmudict_words_hyphenate_as_pyphen(1)


@settings(max_examples=1000)
@given(word=st.one_of(_WORDS, st.text(max_size=30)))
def test_positions_of_any_word_are_pyphens(word: str) -> None:
    assert _hyphenator().positions(word) == Pyphen(lang="en_US").positions(word)


def test_a_language_with_nonstandard_hyphenation_gives_pyphens_positions() -> None:
    """Hungarian's patterns carry pyphen's nonstandard breaks (``DataInt``): the points match."""
    pyphen = Pyphen(lang="hu_HU")
    ours = hyphenation.Hyphenator.of(pyphen.hd)
    assert any(type(v) is not int for _, values in pyphen.hd.patterns.values() for v in values)
    for word in ["asszonnyal", "összeggyűjtés", "kisasszony", "hosszú", "mennyiség", "a", ""]:
        assert ours.positions(word) == pyphen.positions(word), word
