"""The shortcuts of :func:`lint.text.figure_market.is_market` (issue 13, speed only): the two
per-unit patterns matched as one, and ``_VALUATION`` searched only in a clause holding
"earnings" or "p/e", answer as the plain patterns do, on generated text mixing the words they
need (in any case, with characters whose case is exotic)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import figure_market as market
from lint.text import figure_prices
from lint.text.figure_clause import CLAUSE_GATES

_PARTS = (
    "a share|per share|A SHARE|a|per|an|share|shares|to|at|$2.28|£1.5p|45 cents|US cents"
    "|Canadian dlrs|a tonne|per ton|metric ton|an ounce|troy ounce|a pound|pound sterling"
    "|per lb|a bbl|a BBL|bushel|barrel|per gallon|price|Price-Earnings|price/earnings"
    "|price-to-earnings|P/E|p/e|ratio|ratios|multiples|earnings|of|over|70|5.5|,"
)
WORDS = [*_PARTS.split("|"), " ", "  ", "\n", ". ", ";", "\u017f", "\u0130", "\u212a", "\u00e9"]
TEXTS = st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_the_per_price_pattern_matches_where_either_per_pattern_does(text: str) -> None:
    for at in range(len(text) + 1):
        after = text[at : at + 40]
        plain = figure_prices._PER_SHARE.match(after) or figure_prices._PER_UNIT.match(after)
        assert (figure_prices.PER_PRICE.match(after) is not None) == (plain is not None), after


def _built() -> None:
    """Scan enough clauses that :data:`CLAUSE_GATES` is built (its gates in use)."""
    for n in range(40):
        CLAUSE_GATES.scan(f"warm-up clause {n}")


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_the_valuation_gate_searches_as_the_pattern(text: str) -> None:
    _built()
    valuation = market._VALUATION()
    for clause in (text, text.upper(), text.title()):
        found = CLAUSE_GATES.scan(clause).search(valuation)
        plain = valuation.search(clause)
        assert (None if found is None else found.span()) == (
            None if plain is None else plain.span()
        ), clause


def test_the_valuation_gate_is_in_use() -> None:
    """The gate leaves the pattern untried in a clause without its words (so the test above
    compares a gated search, not the plain one)."""
    _built()
    scan = CLAUSE_GATES.scan("priced at 5 pct above the prior price")
    assert scan.search(market._VALUATION()) is None
    assert scan._gated is not None and scan._gated.get(id(market._VALUATION())) is not None


def test_is_market_decides_one_example_of_each_test() -> None:
    """One example of each test in ``is_market`` that decides on a pattern."""
    examples = {
        "The bank offered a fixed rate of 9.9 pct": True,
        "Dutch soyoil traded at 65.50 guilders": True,
        "May was up 12.5 cents at 6.705 dlrs": True,
        "May soymeal settled at 145.50 dlrs": True,
        "Volume was 2,227 lots traded": True,
        "The index tumbled 45 points to close at 2361": True,
        "The Bundesbank bought 109.9 mln marks": True,
        "driving price/earnings ratios to over 70": True,
        "The company hired 70 people": False,
    }
    for text, expected in examples.items():
        digit = next(i for i, c in enumerate(text) if c.isdigit())
        if text.startswith("May was"):
            digit = text.index("6.705")
        elif text.startswith("Volume"):
            digit = text.index("2,227")
        end = digit
        while end < len(text) and (text[end].isdigit() or text[end] in ".,"):
            end += 1
        end = end - 1 if text[end - 1] in ".," else end
        assert market.is_market(text, digit, end) is expected, text
