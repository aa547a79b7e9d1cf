"""The clause shortcut of :func:`lint.text.figure_market.is_market` (issue 13, speed only): when
the scan of the clause finds no word of any clause pattern the tests search first, all of
those searches are left out; ``is_market`` answers as with every search made, on generated
clauses mixing the words the patterns need (in any case, with characters whose case is exotic)
and on the seeds."""

from __future__ import annotations

import re

from conftest import seed_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import figure_market as market
from lint.text import figure_prices, figure_volume
from lint.text.figure_clause import CLAUSE_GATES
from lint.text.gate_set import GateSet


def _built() -> frozenset[int]:
    """Scan enough clauses that :data:`CLAUSE_GATES` is built; the clause patterns' gates."""
    for n in range(40):
        CLAUSE_GATES.scan(f"warm-up clause {n}")
    gates = market._clause_gates()
    assert gates is not None  # every clause pattern is gated: the shortcut is in use
    return gates


def _plain_is_market(text: str, start: int, end: int) -> bool:
    """is_market with every clause search made (no gates: the shortcut off)."""
    saved = market._clause_gates
    market._clause_gates = lambda: None  # type: ignore[assignment]
    try:
        return market.is_market(text, start, end)
    finally:
        market._clause_gates = saved


def _same_answers(text: str) -> None:
    for m in re.finditer(r"\d+(?:[.,]\d+)?", text):
        start, end = m.span()
        fast = market.is_market(text, start, end)
        assert fast == _plain_is_market(text, start, end), (text, start)


_PARTS = (
    # a word of each clause pattern searched first, in a clause that makes it match
    "a fixed rate of|interest rates at|Exxon Mobil fell|Shell lost 10p at|and BP dropped by"
    "|Chevron added|traded at|were done at|quoted around|The Bundesbank bought|Fed added"
    "|after selling|Reserve Bank cut its rates to|CD issues so far to|Winners led losers"
    "|advances outnumbered declines|per tonne, a rise of|per share or an increase of"
    "|close of|closing level of|points to close at|point to end at|price of the bills was"
    "|yield on the issue of|rate on the preceding issue was|volume of|volume of about"
    "|price/earnings ratios of|P/E multiples"
    # the market's noun and move, the words tried after these searches, and others
    "|shares|stocks|oil|the dollar|market|gold|Dow|Nikkei|bonds|rose|fell|up|down|to|at|and"
    "|the company said|it expects|people|in|May|May was up|March|closed|It closed Friday at"
    "|at|cents|dlrs|pct|,|;"
)
WORDS = [*_PARTS.split("|"), " ", "  ", "\n", ". ", "\u017f", "\u0130", "\u212a", "\u00e9"]
FIGURES = ["5", "12.5", "1,270", "74"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=10),
    st.sampled_from(FIGURES),
    st.lists(st.sampled_from(WORDS), max_size=4),
    st.sampled_from([str.upper, str.lower, str.title, str]),
)
def test_is_market_answers_as_with_every_clause_search_made(
    before: list[str], figure: str, after: list[str], case: object
) -> None:
    _built()
    text = case(" ".join(before)) + " " + figure + " " + " ".join(after)  # type: ignore[operator]
    _same_answers(text)


def test_is_market_answers_as_with_every_clause_search_made_on_the_seeds() -> None:
    _built()
    texts = seed_texts()
    assert texts
    for text in [*_PARTS.split("|"), *texts]:
        for block in text.split("\n\n"):
            _same_answers(block)


def test_each_clause_pattern_is_found_by_its_case() -> None:
    """The generated words make every pattern the shortcut leaves out match (the test above
    would catch a pattern left out of the gates)."""
    gates = _built()
    for case in (
        "a fixed rate of 5",
        "Shell lost 10p at 5",
        "traded at 5",
        "The Bundesbank bought 5",
        "Winners led losers 5",
        "per tonne, a rise of 5",
        "close of 5",
        "points to close at 5",
        "price of the bills was 5",
        "Net rate on the preceding issue was 5",
        "volume of 5",
        "price/earnings ratios of 5",
        "shares rose 5",
    ):
        start = case.rindex("5")
        assert market.is_market(case, start, start + 1), case
        assert not CLAUSE_GATES.scan(case[:start]).holds_none(gates), case


def test_a_set_gives_no_indices_before_it_is_built() -> None:
    gates = GateSet(plain_scans=1)
    pattern = re.compile(r"\bword\b")
    gates.add(lambda: (pattern,))
    assert gates.indices((pattern,)) is None
    assert not gates.scan("a word").holds_none(frozenset())  # a plain scan: no starts
    scan = gates.scan("another word")  # built
    found = gates.indices((pattern,))
    assert found is not None
    assert not scan.holds_none(found)
    assert gates.scan("nothing here").holds_none(found)
    assert gates.indices((re.compile("unknown"),)) is None  # not in the set


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *figure_prices._PER_WORDS,
                *figure_volume._VOLUME_WORDS,
                "sha",
                "re",
                "o",
                "x",
                " ",
                "\u0130",
            ]
        ),
        max_size=6,
    ).map("".join)
)
def test_one_search_finds_a_word_where_one_occurs(text: str) -> None:
    for words, search in (
        (figure_prices._PER_WORDS, figure_prices.PER_WORD.search),
        (figure_volume._VOLUME_WORDS, figure_volume.VOLUME_WORD.search),
    ):
        assert (search(text) is not None) == any(word in text for word in words), text
