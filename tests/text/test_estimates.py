"""Rough quantities: what the recogniser reads as a claim, and what it leaves alone."""

from __future__ import annotations

import pytest

from lint.text.estimates import estimates
from lint.text.figure_context import FigureKind
from lint.text.figure_keys import figure_keys
from lint.text.numbers import figures


def _read(text: str) -> list[tuple[str, str, float]]:
    return [(f.phrase, f.kind.value, f.value) for f in estimates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Perhaps tens of thousands of voters were removed.",
            [("tens of thousands of voters", FigureKind.PEOPLE.value, 10_000.0)],
        ),
        # a bare "thousands" counts only people or countable events, not birds
        ("thousands of wild birds spend the winter there", []),
        (
            "tens of thousands of wild birds spend the winter there",
            [("tens of thousands of wild birds", FigureKind.COUNT.value, 10_000.0)],
        ),
        (
            "Jets scrambled hundreds of times.",
            [("hundreds of times", FigureKind.COUNT.value, 100.0)],
        ),
        ("Two-thirds of countries", [("Two-thirds", FigureKind.PERCENTAGE.value, 66.7)]),
        ("with about a third indicating", [("a third", FigureKind.PERCENTAGE.value, 33.3)]),
        ("It rose by a third.", [("a third", FigureKind.PERCENTAGE.value, 33.3)]),
        # a proposal's terms are on record
        (
            "Under the original proposal, pay would have been cut by one third.",
            [("one third", FigureKind.RECORD.value, 33.3)],
        ),
        ("He abused a third boy in a third term.", []),
        ("Rates were cut by a quarter point.", []),
        ("Losses lasted more than one quarter.", []),
        ("the middle one-fifth of earners", []),
        ("one-fifth of a share", []),
        ("two-thirds of the votes", []),
        ("millions of Americans and hundreds of years", []),
        ("the thousands of employees it fired", []),
        ("Thousands of farmers marched on the capital.", []),
        # an event's draw or audience, seen like an attendance
        ("It was on display before hundreds of supporters.", []),
        ("the march, which saw thousands of activists reconvene in cities", []),
        (
            "He saw thousands of workers lose their jobs.",
            [("thousands of workers", "people count", 1000.0)],
        ),
    ],
)
def test_estimates(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert _read(text) == expected


def test_rough_quantities_are_not_numerals() -> None:
    text = "Thousands of workers lost jobs; 1,000 workers were rehired."
    rough = estimates(text)
    assert [f.phrase for f in rough] == ["Thousands of workers"]
    # the numeral recogniser and the pair features' keys do not see the rough quantity ...
    assert [f.text for f in figures(text)] == ["1,000"]
    assert figure_keys(text) == {figures(text)[0].key}
    # ... and a rough "thousands" never states the same number as "1,000"
    assert rough[0].key != figures(text)[0].key
