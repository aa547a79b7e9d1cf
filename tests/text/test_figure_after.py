"""The gates of :mod:`lint.text.figure_after` (issue 13, speed only): a pattern matched after a
figure is left untried only where it cannot match, a futures month's and a trade report's
patterns only in a clause without a month, and :func:`lint.text.numbers.figures` needs no
``has_candidate`` search first; so every figure keeps its kind, extent and value, on generated
text mixing the words the patterns need (in any case, with characters whose case is exotic)
and on the seeds."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from conftest import seed_texts
from hypothesis import example, given, settings
from hypothesis import strategies as st

from lint.text import figure_after, figure_futures, figure_glued, figure_moves, numbers
from lint.text import figure_market as market
from lint.text import figure_record as record
from lint.text.figure import Figure


@contextmanager
def _gates_open() -> Iterator[None]:
    """Every gate of figure_after open: each pattern tried, as before the gates."""
    saved = figure_after.any_after, figure_after.has_month
    figure_after.any_after = lambda text, end, group: True  # type: ignore[assignment]
    figure_after.has_month = lambda clause: True  # type: ignore[assignment]
    try:
        yield
    finally:
        figure_after.any_after, figure_after.has_month = saved


def _plain_figures(text: str) -> tuple[Figure, ...]:
    """figures() with every gate open and the has_candidate search first, as it was."""
    with _gates_open():
        return () if not numbers.has_candidate(text) else numbers.figures(text)


def _same_figures(text: str) -> None:
    assert numbers.figures(text) == _plain_figures(text), text
    for m in re.finditer(r"\d+(?:\.\d+)?", text):  # each test on its own, at every number
        start, end = m.span()
        fast = market.is_market(text, start, end), record.is_statutory(text, start, end)
        with _gates_open():
            plain = market.is_market(text, start, end), record.is_statutory(text, start, end)
        assert fast == plain, (text, start)


#: Each gated pattern and its gate's group: wherever the pattern matches, the gate is open.
_GATED = (
    (figure_moves.AGAINST_YESTERDAY, figure_after.AGAINST_YESTERDAY),
    (figure_moves.FROM_CLOSE, figure_after.FROM_CLOSE),
    (record._TAX_AFTER, figure_after.TAX),
    (record._VOTED_AFTER, figure_after.VOTED),
    (record._POPULATION_AFTER, figure_after.POPULATION),
    (record._STAKE_AFTER, figure_after.STAKE),
    (record._MEMBERS_AFTER, figure_after.MEMBERS),
)


def _gates_hold(text: str) -> None:
    for end in range(len(text) + 1):
        for pattern, group in _GATED:
            if pattern().match(text, end):
                assert figure_after.any_after(text, end, group), (text, end, pattern)
        with _gates_open():
            required = record.required_after(text, end)
        assert (record.required_after(text, end) is None) == (required is None), (text, end)
        clause = text[:end]
        if figure_futures.CONTRACT_MOVE().search(clause) or figure_futures.POSITION_AT().search(
            clause
        ):
            assert figure_after.has_month(clause), clause


_WORDS = (
    "yesterday|YESTERDAY|last night|last  Night|the previous day|the previous session"
    "|from yesterday's close|from Friday's kerb|from the previous fixing|settlement|opening"
    "|higher than yesterday|lower|up|down|above|from|dlrs|cents|pct|percent|%"
    "|withholding tax|Tax|VAT|levy|duty|tariff|surcharge|private|elevated"
    "|voted by Congress|approved by the Senate|appropriated by Parliament|authorized by"
    "|Voted|earmarked|allocated by lawmakers|people|citizens|inhabitants|mln|billion|People"
    "|stake|shareholding|holding|Stake|member nations|member-states|members|Member"
    "|are required to|is obliged to|were permitted to|Allowed|needs approval|a licence|its"
    "|Jan|May|March|Mch|Jne|July|Sept|may|june|market|delivery|rose|was up|at|to|traded at"
    "|with Mch at|, Jne both at|and Apl/Jly 1988 at|Jly was|traded|sold at"
    "|with|both|the|China|5|5.5|12|1,200|0.50|98-1/4|."
)
WORDS = [*_WORDS.split("|"), " ", "  ", "\n", ", ", ". ", "; ", "\u017f", "\u0130", "\u212a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=18))
def test_a_gated_pattern_is_untried_only_where_it_cannot_match(parts: list[str]) -> None:
    _gates_hold(" ".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=18))
def test_every_figure_is_as_with_every_pattern_tried(parts: list[str]) -> None:
    _same_figures(" ".join(parts))


_CASES = [
    "Gold was 2.50 dlrs higher than yesterday at 425.00, up 3 dlrs from yesterday's close.",
    "Copper fell 12 stg from Friday's kerb close; the 25 pct withholding tax on dividends.",
    "The last instalment of 100 mln dlrs voted by Congress, for its more than 1,000 mln people.",
    "Goldman sold a 12.5 pct stake; the 22 member nations; 40 pct of members are required to.",
    "May was up 12.5 cents at 6.705 dlrs, with Mch at 191 and Jne both at 181 dlrs.",
    "The market rose 5 pct in March, and the May contract fell 3 points to 1,270.",
    "Pellets traded afloat at 138 dlrs, with Mch at 191 dlrs and Jne both at 181 dlrs.",
    "No figure here.",
    "Seventeen boats and twenty-two ships, but none of them \u017feventeen.",
]


@pytest.mark.parametrize("text", _CASES)
def test_cases(text: str) -> None:
    _same_figures(text)
    _gates_hold(text)


def test_every_figure_of_the_seeds_is_as_with_every_pattern_tried() -> None:
    texts = seed_texts()
    assert texts
    for text in texts:
        for block in text.split("\n\n"):
            assert numbers.figures(block) == _plain_figures(block), block


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789.,\u0660\u0669\u00b2\u2155a "), max_size=6))
@example("0\u00b2")  # a digit but not a decimal: no match
@example("0\u0660")  # an Arabic-Indic zero: a match
@example("05")
@example("")
def test_a_leading_zero_is_as_the_pattern_says(num: str) -> None:
    assert figure_glued._leading_zero(num) == (re.match(r"0\d", num) is not None), num
