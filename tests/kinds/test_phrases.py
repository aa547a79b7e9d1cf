"""The ``phrases`` kind: lexicon matching, phrase syntax, quotations and validation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.core.document import Span
from lint.kinds import phrases
from lint.kinds.options import OptionError, build_options

LEXICON = {
    "melodrama": ["heart-wrenching", "harrowing"],
    "cliche": [
        {"phrase": "a stark reminder", "suggest": "a reminder"},
        "stark",
        "teeter* on the edge",
        {"phrase": "underscor* the severity"},
        "it's worth noting",
    ],
    "pompous": [{"phrase": "amidst", "suggest": "amid"}],
}


def options(**raw):
    return build_options(phrases.Options, {"lexicon": LEXICON, **raw})


def spans(text, **raw):
    return [
        (h.span.start, h.span.end, h.values["match"]) for h in phrases.check(text, options(**raw))
    ]


def test_hit_values_and_data():
    text = "It was a stark reminder, amidst the rain."
    hits = list(phrases.check(text, options()))
    assert [h.span for h in hits] == [Span(7, 23), Span(25, 31)]
    assert hits[0].values == {
        "match": "a stark reminder",
        "category": "cliche",
        "suggest": "a reminder",
        "suggestion": "; consider 'a reminder'",
    }
    assert hits[0].data == {
        "category": "cliche",
        "phrase": "a stark reminder",
        "suggest": "a reminder",
    }
    assert hits[1].values["suggestion"] == "; consider 'amid'"


def test_no_suggestion_gives_empty_values():
    (hit,) = phrases.check("A harrowing night.", options())
    assert hit.values["suggest"] == ""
    assert hit.values["suggestion"] == ""
    assert hit.data == {"category": "melodrama", "phrase": "harrowing"}


def test_longer_phrase_wins_over_shorter():
    assert spans("a stark reminder") == [(0, 16, "a stark reminder")]
    assert spans("a stark contrast") == [(2, 7, "stark")]


@pytest.mark.parametrize(
    "text",
    ["heart-wrenching", "heartwrenching", "heart wrenching", "Heart\u2011Wrenching"],
)
def test_hyphen_matches_hyphen_space_or_nothing(text):
    assert spans(f"A {text} day") == [(2, 2 + len(text), text)]


def test_white_space_runs_and_line_breaks():
    assert spans("a  stark\n reminder") == [(0, 18, "a  stark\n reminder")]


def test_word_ending_wildcard():
    text = "It teeters on the edge, teetering on the edge, underscoring the severity."
    assert spans(text) == [
        (3, 22, "teeters on the edge"),
        (24, 45, "teetering on the edge"),
        (47, 72, "underscoring the severity"),
    ]


def test_straight_and_curly_apostrophes_are_equal():
    assert spans("It\u2019s worth noting.") == [(0, 17, "It\u2019s worth noting")]
    assert spans("it's worth noting") == [(0, 17, "it's worth noting")]


def test_matches_only_whole_words():
    assert spans("starkly, starker, harrowingly, unharrowing, teetered on edge") == []
    # a hyphen is a word edge: "world-harrowing" contains the word "harrowing"
    assert spans("world-harrowing") == [(6, 15, "harrowing")]


def test_ignore_case_option():
    assert spans("A HARROWING night") == [(2, 11, "HARROWING")]
    assert spans("A HARROWING night", ignore_case=False) == []
    assert spans("A harrowing night", ignore_case=False) == [(2, 11, "harrowing")]


def test_quotations_are_skipped_unless_disabled():
    text = '\u201cIt was harrowing,\u201d she said. "A stark reminder." Amidst it all.'
    assert spans(text) == [(50, 56, "Amidst")]
    assert [s[2] for s in spans(text, skip_quotes=False)] == [
        "harrowing",
        "A stark reminder",
        "Amidst",
    ]


def test_non_latin_word_edges_and_vowel_marks():
    arabic = build_options(
        phrases.Options, {"lexicon": {"melodrama": ["مروع", "تذكير صارخ", "مأساوي*"]}}
    )
    text = "مشهد مَرُوعٌ، ومروعة، وتذكير صارخ، ومأساوية"
    found = [(text[s.start : s.end], e.phrase) for s, e in phrases.find(text, arabic)]
    # "ومروعة" is a longer word, "وتذكير" carries a prefix: neither is a whole-word match
    assert found == [("مَرُوعٌ", "مروع")]
    other = "مأساوية الحرب"
    assert [other[s.start : s.end] for s, _ in phrases.find(other, arabic)] == ["مأساوية"]


def test_find_yields_spans_and_entries():
    matches = list(phrases.find("Amidst a stark reminder", options()))
    assert matches == [
        phrases.PhraseMatch(Span(0, 6), phrases.Entry("amidst", "pompous", "amid")),
        phrases.PhraseMatch(Span(7, 23), phrases.Entry("a stark reminder", "cliche", "a reminder")),
    ]


def test_entries_are_normalised():
    opts = build_options(phrases.Options, {"lexicon": {"c": ["  a   stark  reminder "]}})
    assert opts.entries == (phrases.Entry("a stark reminder", "c"),)


@pytest.mark.parametrize(
    ("lexicon", "message"),
    [
        ({}, "non-empty mapping"),
        ({"c": []}, "no entries"),
        ({"c": "stark"}, "must map to a list"),
        ({"c": [3]}, "entry 3 must be a string or a mapping"),
        ({"c": [{"phrase": "x", "hint": "y"}]}, "'hint': 'y'"),
        ({"c": [{"suggest": "y"}]}, "must be a string or a mapping with a string 'phrase'"),
        ({"c": [{"phrase": "x", "suggest": 3}]}, "entry 'x' has a non-string 'suggest'"),
        ({"c": ["   "]}, "is empty"),
        ({"c": ["-stark"]}, "entry '-stark' must start with a letter or digit"),
        ({"c": ["stark!"]}, "must end with a letter, digit or '*'"),
        ({"c": ["st*ark"]}, "'*' only at the end of a word"),
        ({"c": ["a * b"]}, "'*' only at the end of a word"),
        ({"c": ["Stark"], "d": ["stark"]}, "duplicates an entry of category 'c'"),
        ({"c": [{"phrase": "x", "unless_after": [","]}]}, "',' that is not a word"),
        ({"c": [{"phrase": "x", "unless_after": ["-"]}]}, "'-' that is not a word"),
        ({"c": [{"phrase": "x", "unless_before": [",,"]}]}, "',,' that is not a word"),
    ],
)
def test_invalid_lexicon_names_the_entry(lexicon, message):
    with pytest.raises(OptionError, match=message.replace("*", r"\*").replace("(", r"\(")):
        build_options(phrases.Options, {"lexicon": lexicon})


def test_a_punctuation_mark_before_is_an_exception():
    lexicon = {"c": [{"phrase": "notably", "unless_before": [",", "most"]}]}
    opts = build_options(phrases.Options, {"lexicon": lexicon})
    text = "Notably, it fell, notably in May, most notably here,\nnotably there;notably once."
    found = [(s.start, text[s.start : s.end]) for s, _ in phrases.find(text, opts)]
    # after a comma, a comma and one space or line break, or "most": the example of a list
    assert found == [(0, "Notably"), (67, "notably")]


def test_an_after_word_with_a_hyphen_is_joined_to_the_phrase():
    lexicon = {"c": [{"phrase": "greatest", "unless_after": ["-ever", "amount"]}]}
    opts = build_options(phrases.Options, {"lexicon": lexicon})
    text = "its greatest-ever win; the greatest ever; the greatest amount; greatest\u2011ever"
    found = [text[s.start : s.end + 5] for s, _ in phrases.find(text, opts)]
    # "-ever" is an exception only joined by a hyphen (any of them), not a word away
    assert found == ["greatest ever"]


def test_unknown_option_fails():
    with pytest.raises(OptionError, match="unknown option 'skip'"):
        build_options(phrases.Options, {"lexicon": LEXICON, "skip": True})


def test_options_are_hashable_and_compare_by_value():
    assert options() == options()
    assert hash(options()) == hash(options())


TRICKY = "a stark reminder-'\u2019\"\u201c\u201d\u064e \n\tمروع"


@given(st.text(alphabet=st.sampled_from(list(TRICKY))))
def test_spans_stay_inside_any_text(text):
    for hit in phrases.check(text, options()):
        assert 0 <= hit.span.start < hit.span.end <= len(text)
        assert hit.values["match"] == text[hit.span.start : hit.span.end]


@given(st.text())
def test_arbitrary_text_never_crashes(text):
    for hit in phrases.check(text, options(skip_quotes=False)):
        assert 0 <= hit.span.start < hit.span.end <= len(text)
