"""Per-character loops replaced by C-level ones (issue 13, throughput): the same line starts and
the same letter counts as the loops they replaced, on any text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from lint.core.document import LineIndex
from lint.text import segment

TEXTS = st.text(alphabet=st.sampled_from("ab \n\r\u2028\t.,1²½Ⅻé中ß-_"), max_size=80) | st.text()


@given(TEXTS)
def test_line_starts_are_every_offset_after_a_newline(text):
    expected = (0, *(i + 1 for i, ch in enumerate(text) if ch == "\n"))
    assert LineIndex.of(text).starts == expected


@given(TEXTS)
def test_a_block_is_other_by_the_same_letter_count(text):
    letters = sum(ch.isalpha() for ch in text)
    by_letters = letters < len(text.strip()) * 0.4
    lines_rule = all(segment._SIGN_OFF.match(line) for line in text.splitlines())
    if not lines_rule and not segment._is_table_line(text):
        assert segment._is_other(text) == by_letters


LINES = st.text(alphabet=st.sampled_from("   \tab1.|\u00a0\u3000"), max_size=60) | st.text()


@given(LINES)
def test_table_gaps_are_the_patterns_count(line):
    assert segment._table_gaps(line) == len(segment._TABLE_GAP.findall(line))


def test_table_gaps_after_an_indentation():
    assert segment._table_gaps("    The venture will be called BP/Standard") == 0
    assert segment._table_gaps("    Net profit    1.2 mln    3.4 mln") == 2
    assert segment._table_gaps("Shr   1.20 dlrs") == 1


@given(TEXTS)
def test_normalised_words_fold_quotes_only_outside_ascii(text):
    from lint.text.normalize import FOLDED_WORD, QUOTE_FOLD, words

    folded = unicodedata.normalize("NFKC", text).translate(QUOTE_FOLD).casefold()
    assert words(text) == FOLDED_WORD.findall(folded)
    assert words("‘It’s “done”,’ he said") == ["it's", "done", "he", "said"]


@given(TEXTS, st.integers(min_value=1, max_value=12))
def test_enough_words_is_the_word_count_reaching_the_limit(text, limit):
    from lint.kinds.readability import _enough_words, _word_count

    assert _enough_words(text, limit) == (_word_count(text, limit) >= limit)
    assert _enough_words("a b c, d. -- e", 5) and not _enough_words("a b c, d. -- --", 5)


def test_the_analysis_computes_each_value_once():
    from lint.text import analysis

    calls: list[str] = []

    class Probe:
        @analysis.cached_property
        def value(self) -> list[str]:
            """The doc."""
            calls.append("value")
            return ["computed"]

    probe = Probe()
    assert probe.value is probe.value and calls == ["value"]
    assert vars(probe) == {"value": ["computed"]}  # read from the instance from now on
    assert isinstance(Probe.value, analysis.cached_property) and Probe.value.__doc__ == "The doc."
    text = analysis.BlockText("Sales rose 5 pct. Profit fell.")
    assert text.sentences is text.sentences and len(text.sentences) == 2
