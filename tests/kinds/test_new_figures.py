"""Tests for the ``new-figures`` kind (rule unsupported-figure) and figure_support."""

from __future__ import annotations

import pytest
from pair_helpers import declared, run, seed, unmatched

from lint.kinds.pairs import new_figures
from lint.text.mentions import figures
from lint.tracking.support.figures import unsupported_figures

ORIGINAL = (
    "Flooding forced 1,400 people from their homes on 6 March, the council said.\n\n"
    "About 10 per cent of the town's thirteen schools closed, and 2.5 million pounds of damage "
    "was done. The defences were built in 2009. Water rose at 10:30pm.\n"
)


def unsupported(text: str, original: str = ORIGINAL) -> list[tuple[str, str | None]]:
    return [
        (u.figure.text, u.nearest.text if u.nearest else None)
        for u in unsupported_figures(text, original)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Flooding forced 1400 people from their homes on March 6.",
        "10% of its 13 schools closed, with £2,500,000 of damage.",
        "About ten percent of the schools closed; damage ran to £2.5m, council said",
        "Some 1,400 people left in 2024; the water rose at 22:15.",
        "Its Formula 1 team and the F-16 are names, not figures.",
        "Key facts:\n1. People fled.\n2) Schools closed.",
    ],
)
def test_same_figures_in_other_forms_are_supported(text):
    assert unsupported(text) == []


def test_changed_figures_name_the_nearest_of_the_same_kind():
    text = "Flooding forced 1,500 people out; 12% of the 14 schools closed and 90 homes flooded."
    assert unsupported(text) == [
        ("1,500", "1,400"),
        ("12%", "10 per cent"),
        ("14", "thirteen"),
        ("90", None),  # nothing within a factor of two
    ]


def test_a_score_is_nearest_only_to_a_score():
    original = "Higgins won 13-6 against Wilson, making 26 centuries, and will face Hawkins."
    assert unsupported("Higgins won his first title in 9 years.", original) == [("9", None)]
    assert unsupported("Higgins beat Wilson 12-6 in the quarter-final.", original) == [
        ("12-6", "13-6")
    ]
    assert unsupported("Higgins made 22 centuries.", original) == [("22", "26")]  # guard


def test_a_capitalised_word_starting_a_sentence_is_not_a_name_before_a_number():
    assert unsupported("The army said so. In 7 cases it used Formula 1 cars.") == [("7", "6")]


def test_rounded_figures_are_supported_only_at_their_own_precision():
    original = "The firm lost 1,412 jobs and paid £99,541.98 to 13 workers."
    assert unsupported("It cut 1,400 jobs and paid £99,541 to the workers.", original) == []
    assert unsupported("It cut 1,500 jobs and paid 10 workers.", original) == [
        ("1,500", "1,412"),
        ("10", "13"),
    ]


def test_metres_are_not_millions_but_currency_millions_are():
    assert [(f.text, f.value) for f in figures("a depth of 22m (72 feet), cost $95.8m")] == [
        ("22", 22.0),
        ("72", 72.0),
        ("95.8m", 95_800_000.0),
    ]
    assert [f.value for f in figures("worth $A5bn ($3.9b) a year")] == [5e9, 3.9e9]


def test_date_stamps_are_not_three_figures():
    assert [f.text for f in figures("date 2025-03-14 Feras Killani")] == []


def test_kind_reports_each_occurrence_with_its_nearest():
    pair = declared(
        "Flood forces 1,500 from homes\n\nFlooding forced 1,500 people out, the council said.\n",
        ORIGINAL,
    )
    hits = run(new_figures, pair)
    assert [(line, text) for line, text, _ in hits] == [(1, "1,500"), (3, "1,500")]
    assert hits[0][2]["problem"] == "is not in the original (nearest there: '1,400')"


def test_kind_is_silent_without_an_original():
    assert run(new_figures, unmatched("Flooding forced 9,999 people out.\n", ORIGINAL)) == []


def test_seed_rewrites_state_no_figure_their_original_lacks():
    original = seed("002")
    for prefix in ("000", "001"):
        assert run(new_figures, declared(seed(prefix), original)) == []


def test_unrelated_seed_figures_are_reported_against_the_original():
    hits = run(new_figures, declared(seed("004"), seed("002")))
    assert ("125", "is not in the original (nearest there: '111')") in [
        (text, values["problem"]) for _, text, values in hits
    ]


def test_millions_without_a_currency_sign_unless_a_measure_follows():
    assert [f.value for f in figures("a loss of 155.7m ringgit; 3.3m people")] == [155.7e6, 3.3e6]
    assert [f.value for f in figures("won the 800m final and a 5k run")] == [800.0, 5.0]


@pytest.mark.parametrize(
    "original", ["9" * 400 + " people came.", "1" + "0" * 310 + " people came.", "1.5 " + "9" * 310]
)
def test_a_figure_too_big_for_a_float_is_compared_without_overflow(original):
    """A 400-digit numeral reads as infinity: rounding the rewrite's figures to it raised
    OverflowError, an internal-error on the document (found by bench/fuzz.py, issue 14)."""
    assert unsupported("About 12 people came.", original) == [("12", None)]
    assert unsupported("9" * 400 + " people came.", original) == []


def test_numbers_the_original_writes_bare_are_stated_whatever_the_recogniser_made_of_them():
    # a results line read as one figure, a party's votes read as none, a range's second end
    results = "Result: Greens majority 1,210. Turnout 18,450 - 39.2%. Reds 6,000 (31%)"
    assert unsupported("Turnout was 39.2%, with 18,450 votes cast.", results) == []
    assert unsupported("The Reds won 6,000 votes.", results) == []
    assert unsupported("Up to 40 homes were flooded.", "Between 25 and 40 homes flooded.") == []


def test_numbers_glued_to_a_unit_or_a_name_state_nothing_bare():
    results = "Result: Greens majority 1,210. Turnout 18,450 - 39.2%. Reds 6,000 (31%)"
    assert [f for f, _ in unsupported("Turnout was 41%, with 19,000 votes cast.", results)] == [
        "41%",
        "19,000",
    ]
    assert [
        f for f, _ in unsupported("It rose 2.5% and 16 jets flew.", "It cost £2.5m; an F-16 flew.")
    ] == [
        "2.5%",
        "16",
    ]


def test_a_bare_m_numeral_of_the_original_states_metres_and_millions():
    # the recogniser reads the original's "T12 400m" as a name, the rewrite's "400m" as metres
    original = "Jones reached the final of the T12 400m after a fast heat."
    assert unsupported("Jones made the T12 400m final after a fast heat.", original) == []
    assert unsupported("The club made a loss of 400m, it said.", original) == []
    # another distance, or a currency's millions, state nothing of the kind
    assert [f for f, _ in unsupported("Jones made the T12 200m final.", original)] == ["200"]
    assert [f for f, _ in unsupported("Jones ran the 400m final.", "It cost £400m.")] == ["400"]


def test_twice_and_thrice_state_two_and_three():
    original = "Rovers, who have won twice in 11 games, lost again; the mayor has stood thrice."
    assert (
        unsupported("Rovers have two wins in 11 games; the mayor ran three times.", original) == []
    )
    # "twice" states 2, not any small number
    assert [f for f, _ in unsupported("Rovers have four wins in 11 games.", original)] == ["four"]


def test_an_amount_with_decimals_and_no_multiplier_states_it_with_one():
    original = "The airline made a loss of 512.4 Thai baht in the year and will spend £7.5 on jets."
    rewrite = "The airline lost 512.4 million baht and will spend £7.5m on new jets."
    assert unsupported(rewrite, original) == []
    # a whole number, or other digits, gain no multiplier
    assert [f for f, _ in unsupported("It will spend £7m and lose 512 million.", original)] == [
        "7m",
        "512 million",
    ]
    assert [f for f, _ in unsupported("It spent £7.5m.", "It spent £7 on 5 jets.")] == ["7.5m"]


@pytest.mark.parametrize(
    "rewrite",
    [
        "United have two matches left, against Rovers and Athletic.",
        "It is a three-way contest between Ellis, Mary Hart, and Tom Price.",
        "The four finalists: Ellis, Hart, Price and Moss.",
        "Three clubs bid for him (Rovers, Athletic and United).",
        "The club faces three rivals - Rovers, Athletic and United.",
    ],
)
def test_a_count_of_the_names_listed_after_it_is_no_new_figure(rewrite):
    original = "United play Rovers and Athletic. Ellis, Mary Hart, Tom Price and Moss are running."
    assert unsupported(rewrite, original) == []


@pytest.mark.parametrize(
    ("rewrite", "figure"),
    [
        # the list does not number the count
        ("United have three matches left, against Rovers and Athletic.", "three"),
        # a place the count happened in is no list of what it counts
        ("Two people died in Rovers and Athletic.", "Two"),
        # the list runs on past its clause
        ("United have two matches left, against Rovers and Athletic at home.", "two"),
    ],
)
def test_a_count_without_its_list_is_still_new(rewrite, figure):
    original = "United play Rovers and Athletic on Sunday."
    assert [f for f, _ in unsupported(rewrite, original)] == [figure]
