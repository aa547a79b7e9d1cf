"""Mentions: figures normalised to comparable keys, names without possessives or headline
capitals, quotations with their spans."""

from __future__ import annotations

import pytest
from tracking_texts import FIRE, FIRE_PARAPHRASE

from lint.text.mentions import figures, name_words, names, quotes
from lint.tracking.profile import profile


def keys(text: str) -> list[tuple[float, bool]]:
    return [f.key for f in figures(text)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1,400 workers", "1400 workers"),
        ("10% of its stock", "10 per cent of its stock"),
        ("10% of its stock", "ten percent of its stock"),
        ("thirteen engines", "13 engines"),
        ("£2.5 million", "£2.5m"),
        ("2.5 million pounds", "2,500,000 pounds"),
        ("twenty-five homes", "25 homes"),
    ],
)
def test_equivalent_figures_share_a_key(a: str, b: str) -> None:
    assert keys(a) == keys(b)
    assert len(keys(a)) == 1


def test_figure_values_and_spans() -> None:
    text = "About 10 per cent of thirteen schools, worth £2.5 million, and 1,400 jobs."
    found = [(f.text, f.value, f.percent) for f in figures(text)]
    assert found == [
        ("10 per cent", 10.0, True),
        ("thirteen", 13.0, False),
        ("2.5 million", 2_500_000.0, False),
        ("1,400", 1400.0, False),
    ]
    for figure in figures(text):
        assert text[figure.span.start : figure.span.end] == figure.text


def test_percent_and_plain_number_differ() -> None:
    assert keys("10%") != keys("10")


def test_one_dates_and_measures_are_not_counted_as_figures() -> None:
    assert keys("one of the guards") == []
    assert keys("on 2025-03-14 the fire") == []
    assert keys("won the 800m final") == [(800.0, False)]  # a distance, not 800 million


def test_names_drop_possessives() -> None:
    text = "Officials said Syria’s army moved in. Police said Margaret Oyelaran's firm was hit."
    found = [n.words for n in names(text)]
    assert ("syria",) in found
    assert ("margaret", "oyelaran") in found
    assert all(not w.endswith(("’s", "'s")) for words in found for w in words)


def test_title_case_headlines_are_skipped() -> None:
    text = "Fire Destroys Textile Warehouse In Harwick\n\nThe fire hit Harwick, said Colin Ashby."
    found = [(n.text, n.span.start) for n in names(text)]
    assert found == [("Harwick", text.index("Harwick,")), ("Colin Ashby", text.index("Colin"))]


def test_sentence_initial_common_words_are_not_names() -> None:
    assert [n.text for n in names("Yesterday it rained in Leeds.")] == ["Leeds"]


def test_quotes_with_both_kinds_of_marks() -> None:
    text = 'He said: "We will rebuild," and left. “Never again,” she said.'
    found = [q.text for q in quotes(text)]
    assert found == ['"We will rebuild,"', "“Never again,”"]
    for quote in quotes(text):
        assert text[quote.span.start : quote.span.end] == quote.text


def test_profiles_of_paraphrase_keep_the_originals_figures_and_names() -> None:
    original, rewrite = profile(FIRE), profile(FIRE_PARAPHRASE)
    assert rewrite.figures <= original.figures  # "10 per cent", "£2.5m" normalised
    assert {"pellham", "oyelaran", "ashby", "harwick"} <= rewrite.names & original.names
    assert len(rewrite.quotes) == 6


_RUNS = "Later, Syria’s Bashar al-Assad met the envoy of the Van der Berg family in Damascus."


@pytest.mark.parametrize("text", [FIRE, FIRE_PARAPHRASE, _RUNS])
def test_name_words_are_the_words_of_each_name(text: str) -> None:
    found = [name.words for name in names(text)]
    assert found
    assert list(name_words(text)) == found
