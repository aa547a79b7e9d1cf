"""The word gates of :func:`lint.text.figure_market.is_market` (issue 13, speed only): a
pattern is left untried only where it cannot match, so ``is_market`` answers as with every
pattern tried, on generated text mixing the words the patterns need (in any case, with
characters whose case is exotic) and on the seeds."""

from __future__ import annotations

import re

from conftest import seed_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import figure_issues, figure_moves, figure_prices, figure_volume
from lint.text import figure_market as market


def _plain_is_market(text: str, start: int, end: int) -> bool:
    """is_market with every pattern tried (no text lowered: every gate open)."""
    saved = market.lowered
    market.lowered = lambda text: None  # type: ignore[assignment]
    market._last_lowered = ("", "")
    try:
        return market.is_market(text, start, end)
    finally:
        market.lowered = saved
        market._last_lowered = ("", "")


def _gates_hold(text: str) -> None:
    """Wherever a gated pattern matches, its gate is open."""
    low = market.lowered(text)
    for end in range(len(text) + 1):
        after = text[end : end + 40]
        window = None if low is None else low[end : end + 40]
        if figure_prices._PER_SHARE.match(after) or figure_prices._PER_UNIT.match(after):
            assert window is None or any(w in window for w in figure_prices._PER_WORDS), (text, end)
        if figure_volume.VOLUME_AFTER().match(after):
            assert window is None or any(w in window for w in figure_volume._VOLUME_WORDS), (
                text,
                end,
            )
        if figure_moves.MOVE_IN_PRICE.match(after):
            assert window is None or figure_moves.PRICE_WORD in window, (text, end)
        if figure_issues.NEW_ISSUE().match(text, end):
            figure_issues._last_issue_word = ("", -1)
            assert figure_issues.may_be_new_issue(text, low, end), (text, end)
        clause = text[:end]
        if figure_moves.CLOSED_AT().search(clause):
            assert any(w in clause for w in figure_moves.CLOSED_WORDS), (text, end)


def _same_answers(text: str) -> None:
    for m in re.finditer(r"\d+(?:\.\d+)?", text):
        start, end = m.span()
        gated = market.is_market(text, start, end)
        assert gated == _plain_is_market(text, start, end), (text, start)


_WORDS = (
    "a share|per share|A SHARE|a tonne|per ton|metric ton|an ounce|a troy ounce|per pound"
    "|a pound sterling|per lb|a bbl|a BBL|a bushel|a barrel|per gallon|lots traded|lot"
    "|lots volume|crossed|switches|mln shares traded|contracts from"
    "|increase in its share price|rise in stock prices|mln dlrs|of 9-1/2 pct|eurobonds|bonds"
    "|notes|debentures|bond issue|rights issue|share issues|Debt Issue|closed|ended Friday"
    "|finished|Closed|at|shares|stock|traded at|from yesterday's close|5|5.5|12"
)
WORDS = [*_WORDS.split("|"), " ", "  ", "\n", ", ", ". ", "\u017f", "\u0130", "\u212a", "\u00e9"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=16))
def test_a_gated_pattern_is_untried_only_where_it_cannot_match(parts: list[str]) -> None:
    _gates_hold(" ".join(parts))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=16))
def test_is_market_answers_as_with_every_pattern_tried(parts: list[str]) -> None:
    _same_answers(" ".join(parts))


def test_is_market_answers_as_with_every_pattern_tried_on_the_seeds() -> None:
    texts = seed_texts()
    assert texts
    cases = [
        "Oil rose 1.20 dlrs a BBL and gold 5 dlrs an Ounce in a 2,227 lot volume.",
        "It issued 100 mln dlrs of 9-1/2 pct Eurobonds; 75 mln dlr six-year BONDS.",
        "Shares rose 5 pct, a 2.5 pct increase in its share Price. It closed Friday at 74.",
        "Its stock ended the week at 74 and finished Monday at 75.",
    ]
    for text in [*cases, *texts]:
        for block in text.split("\n\n"):
            _same_answers(block)
    for text in cases:
        _gates_hold(text)
