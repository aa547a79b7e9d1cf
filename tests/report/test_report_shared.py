"""Shared passages between an original and its rewrite."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.html.shared import shared_passages, words

ORIGINAL = "The council approved the budget on Tuesday after a long debate about roads."
REWRITE = "After hours of talks, the Council approved the budget on Tuesday, officials said."


def test_maximal_run_is_found_on_both_sides():
    (passage,) = shared_passages(ORIGINAL, REWRITE)
    assert REWRITE[passage.rewrite.start : passage.rewrite.end] == (
        "the Council approved the budget on Tuesday"
    )
    assert ORIGINAL[passage.original.start : passage.original.end] == (
        "The council approved the budget on Tuesday"
    )
    assert passage.words == 7


def test_runs_shorter_than_the_minimum_are_not_shared():
    assert shared_passages("one two three four five", "one two three four six") == []
    assert len(shared_passages("one two three four five", "one two three four five")) == 1


def test_typographic_quotes_are_folded():
    (passage,) = shared_passages(
        "the mayor’s plan was approved today", "The mayor's plan was approved today"
    )
    assert passage.words == 6


def test_several_passages_in_rewrite_order():
    original = "alpha beta gamma delta epsilon zeta. one two three four five six seven"
    rewrite = "one two three four five six and then alpha beta gamma delta epsilon"
    passages = shared_passages(original, rewrite)
    assert [p.words for p in passages] == [6, 5]
    assert passages[0].rewrite.start < passages[1].rewrite.start
    assert original[passages[0].original.start : passages[0].original.end] == (
        "one two three four five six"
    )


def test_min_words_must_be_positive():
    with pytest.raises(ValueError):
        shared_passages("a", "a", min_words=0)


VOCAB = st.sampled_from(["the", "council", "said", "budget", "roads", "Tuesday", "it"])


@given(st.lists(VOCAB, max_size=40), st.lists(VOCAB, max_size=40))
def test_passages_are_real_non_overlapping_shared_runs(left, right):
    original, rewrite = " ".join(left), " ".join(right)
    passages = shared_passages(original, rewrite)
    previous_end = -1
    for p in passages:
        assert p.words >= 5
        a = [w for w, _ in words(original[p.original.start : p.original.end])]
        b = [w for w, _ in words(rewrite[p.rewrite.start : p.rewrite.end])]
        assert a == b and len(a) == p.words
        assert p.rewrite.start > previous_end
        previous_end = p.rewrite.end


@given(st.lists(VOCAB, min_size=5, max_size=40))
def test_a_text_shares_all_of_itself(tokens):
    text = " ".join(tokens)
    (passage,) = shared_passages(text, text)
    assert passage.words == len(tokens)
