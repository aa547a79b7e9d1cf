"""Wrong findings read on long newswire (session 13): a breakdown of an amount inside a source's
account, restated amounts, product prices and tender sizes. Each case has its partner that must
still be flagged."""

from __future__ import annotations

from pathlib import Path

import yaml

from lint.kinds import figures
from lint.kinds.options import build_options
from lint.text.analysis import BlockText
from lint.text.figure_clause import is_profile
from lint.text.numbers import FigureKind

_RULE = Path(__file__).resolve().parents[2] / "rules" / "unattributed-figure.yaml"
UNATTRIBUTED = build_options(
    figures.Options, yaml.safe_load(_RULE.read_text(encoding="utf-8"))["options"]
)


def flagged(text: str, carried: bool) -> list[str]:
    return [hit.values["figure"] for hit in figures.block_hits(text, UNATTRIBUTED, carried)]


def kinds(text: str) -> dict[str, FigureKind]:
    return {f.phrase: f.kind for f in BlockText(text).figures}


BREAKDOWN = (
    "Japan imports about 14 mln tonnes a year, of which 6.1 mln tonnes are shipped from Qatar, "
    "4.2 mln under long contracts and 1.9 mln on the spot market."
)


def test_a_breakdown_after_an_amount_as_subject_goes_on_with_the_account() -> None:
    # the paragraph before ended "..., the traders said.": its account covers the breakdown
    assert flagged(BREAKDOWN, carried=True) == []
    assert not is_profile(BREAKDOWN, 0, BREAKDOWN.index("4.2 mln"))


def test_a_present_tense_profile_is_still_the_narrators() -> None:
    text = "Tokyo Gas has 9.5 mln customers in the region."
    assert flagged(text, carried=True) == ["9.5 mln customers"]
    assert is_profile(text, 0, text.index("9.5"))
    # a year before the verb is no amount: "In 1985 the company is ..." stays a profile
    year = "Founded in 1985, the company has 4,000 employees."
    assert is_profile(year, 0, year.index("4,000"))
    # an amount as the subject of a present tense that is no passive is still a profile
    rate = "Its 19 pct jobless rate is among the highest and 20,000 graduates leave each year."
    assert is_profile(rate, 0, rate.index("20,000"))
    assert flagged(rate, carried=True) == ["20,000 graduates"]
    assert flagged(BREAKDOWN, carried=False) != []  # with no account before, it needs a source


def test_an_amount_restated_after_comma_or() -> None:
    found = kinds("Losses of 1,200 billion yen, or some 8.5 billion dlrs, were made.")
    assert found["8.5 billion dlrs"] is FigureKind.CONVERSION
    assert (
        kinds("Debt of over one trillion dlrs, or 1,100 billion dlrs, was run up.")[
            "1,100 billion dlrs"
        ]
        is FigureKind.CONVERSION
    )
    # another amount, or a price per share, is a claim of its own
    assert kinds("Its loss was 40 mln dlrs, or 90 mln dlrs before tax.")["90 mln dlrs"] is (
        FigureKind.MONEY
    )
    assert kinds("Profit was 5 mln dlrs, or 20 cents a share.")["20 cents"] is not (
        FigureKind.CONVERSION
    )


def test_product_prices_and_tender_sizes_are_not_claims() -> None:
    text = "They carry price tags of between one mln to 20 mln dlrs each."
    assert kinds(text)["20 mln dlrs"] is FigureKind.MARKET
    assert kinds("The company was valued at 500 mln dlrs.")["500 mln dlrs"] is FigureKind.MONEY
    tender = "Morocco was rumored to be tendering Thursday, April 9, for 120,000 tonnes of wheat."
    assert kinds(tender)["120,000 tonnes"] is FigureKind.RECORD
    offer = "It began a tender offer for 7.6 mln shares."
    assert kinds(offer)["7.6 mln shares"] is not FigureKind.MARKET
