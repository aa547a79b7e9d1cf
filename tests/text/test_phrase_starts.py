"""The word-edged automaton (ASCII texts) finds the same places a phrase can start as the plain
automaton whose every hit is checked for its word edges in Python (issue 13, throughput), and so
the same lexicon matches."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.core.document import Span
from lint.kinds import phrases
from lint.text import lexicon, lexicon_entries
from lint.text.phrase_starts import edged_automaton, phrase_starts

LEXICONS = Path(__file__).resolve().parents[2] / "rules" / "lexicons"
SHIPPED = {
    path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["categories"]
    for path in sorted(LEXICONS.glob("*.yaml"))
}
MADE_UP = {
    "short": ["a stark reminder", "in*", "on the edge", "A1 rating", "x_y factor", "heart-felt"],
    "long": ["stated", "state of the art", "9 lives", "Zeal", "it's", "ok"],
}
CASES = [
    *((name, entries, True) for name, entries in SHIPPED.items()),
    ("made-up", MADE_UP, True),
    ("made-up, case kept", MADE_UP, False),
]

WORDS = st.sampled_from(
    [
        "a", "A", "stark", "Stark", "reminder", "in", "In", "inside", "on", "the", "edge",
        "A1", "rating", "x_y", "factor", "heart", "felt", "-", "stated", "State", "of", "art",
        "9", "lives", "zeal", "Zeal", "it", "'s", "ok", "OK", "_", "__a", "b2", "said",
        "amid", "unwavering", "testament", "underscores", "emphasized", "noted",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([" ", "", "  ", "\n", ",", ".", "-", "_", "'", '"', "(", "\t"])
TEXTS = st.lists(st.tuples(WORDS, SEPARATORS), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _prefilter(entries: dict[str, list[object]], ignore_case: bool) -> lexicon.Prefilter:
    options = phrases.Options(lexicon=entries, ignore_case=ignore_case)
    found = options.pattern.prefilter
    assert found is not None
    return found


@pytest.mark.parametrize(("name", "entries", "ignore_case"), CASES)
def test_each_lexicon_gets_a_word_edged_automaton(name, entries, ignore_case):
    assert _prefilter(entries, ignore_case).edged is not None, name


@pytest.mark.parametrize(("name", "entries", "ignore_case"), CASES)
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_the_edged_automaton_finds_the_places_the_plain_one_keeps(name, entries, ignore_case, text):
    edged = _prefilter(entries, ignore_case)
    plain = dataclasses.replace(edged, edged=None)
    assert text.isascii()
    assert phrase_starts(text, edged) == phrase_starts(text, plain), name


def test_the_places_are_word_starts_only():
    prefilter = _prefilter(MADE_UP, True)
    text = "Main info: In stark terms, a Stark reminder; xa stark, _in, 9 lives"
    places = [start for start, _ in phrase_starts(text, prefilter) or []]
    # "in" inside "Main" and "info", and after "_" are not word starts; "a" after "x" is not
    assert [text[p : p + 5] for p in places] == ["info:", "In st", "a Sta", "9 liv"]
    assert lexicon.matches(text, *_source(prefilter, MADE_UP)) == (
        (Span(5, 9), 1),  # "info": in*
        (Span(11, 13), 1),  # "In": in*
        (Span(27, 43), 0),  # "a Stark reminder"
        (Span(60, 67), 8),  # "9 lives"
    )


def _source(
    prefilter: lexicon.Prefilter, entries: dict[str, list[object]]
) -> tuple[str, int, bool]:
    pattern = phrases.Options(lexicon=entries).pattern
    assert pattern.prefilter is prefilter
    return pattern.pattern, pattern.flags, False


def test_a_key_with_a_character_that_is_not_a_word_character_keeps_the_plain_automaton():
    assert edged_automaton({("u.s", False): 0}) is None
    assert edged_automaton({("us", False): 0}) is not None
    prefilter = _prefilter({"c": ["U.S. official", "said"]}, True)
    assert prefilter.edged is None
    assert [p for p, _ in phrase_starts("the U.S. official said", prefilter) or []] == [4, 18]


def test_word_char_is_backslash_w_on_every_ascii_character():
    """What :func:`lexicon.ascii_only` relies on, ignoring case or not; and the marks' class
    matches no ASCII character."""
    for flags in (0, re.IGNORECASE):
        word = re.compile(lexicon_entries.WORD_CHAR, flags)
        marks = re.compile(f"[{lexicon_entries.MARKS}]", flags)
        for code in range(128):
            char = chr(code)
            assert bool(word.fullmatch(char)) == bool(re.fullmatch(r"\w", char)), (flags, code)
            assert marks.fullmatch(char) is None


@pytest.mark.parametrize(("name", "entries", "ignore_case"), CASES)
@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_the_ascii_patterns_match_as_the_full_ones(name, entries, ignore_case, text):
    prefilter = _prefilter(entries, ignore_case)
    for start, keys in phrase_starts(text, prefilter) or []:
        if keys:
            full = prefilter.pattern(keys).match(text, start)
            fast = prefilter.pattern(keys, ascii_text=True).match(text, start)
            assert (full and (full.span(), full.lastgroup)) == (
                fast and (fast.span(), fast.lastgroup)
            ), name


def test_the_ascii_pattern_has_no_mark_class():
    prefilter = _prefilter({"c": ["مروع", "stark*", "stark-ly"]}, True)
    (key,) = [k for k, members in prefilter.members.items() if members]
    fast = prefilter.pattern((key,), ascii_text=True).pattern
    assert lexicon_entries.MARKS not in fast and r"\w" in fast
    assert lexicon_entries.MARKS in prefilter.pattern((key,)).pattern
