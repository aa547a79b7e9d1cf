"""Tests for lint.text.quote_words: the speaker's words in a quotation."""

from __future__ import annotations

from lint.text.quote_words import drop_percent, quoted_parts


def test_an_ellipsis_cuts_a_quote_into_parts_in_any_of_its_forms():
    for mark in ("...", "…", ". . .", "...."):
        assert quoted_parts(f'"We stayed all night {mark} then the roof gave way."') == [
            ["We", "stayed", "all", "night"],
            ["then", "the", "roof", "gave", "way"],
        ]


def test_a_trailing_or_leading_ellipsis_leaves_no_empty_part():
    assert quoted_parts('"...and then the roof gave way..."') == [
        ["and", "then", "the", "roof", "gave", "way"]
    ]


def test_bracketed_words_are_left_out_and_a_bracket_only_quote_is_empty():
    assert quoted_parts('"[The mayor] told us [on Friday] to leave"') == [
        ["told", "us", "to", "leave"]
    ]
    assert quoted_parts('"[sic]"') == []


def test_per_cent_after_a_number_is_dropped_but_not_elsewhere():
    words = "about 40 per cent of the per capita budget or 12 percent".split()  # noqa: SIM905
    assert [words[i] for i in drop_percent(words)] == [
        "about", "40", "of", "the", "per", "capita", "budget", "or", "12",
    ]  # fmt: skip
    assert quoted_parts('"a cent per person"') == [["a", "cent", "per", "person"]]
