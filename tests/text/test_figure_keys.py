"""``figure_keys``: the keys of the figures that are not names, as the pair features compare
them, without classifying every figure; always the keys that :func:`figures` gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text.figure_keys import figure_keys
from lint.text.mentions import figures as mentioned
from lint.text.numbers import FigureKind, figures
from lint.tracking.profile import clean

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def full(text: str) -> frozenset[tuple[float, bool]]:
    """The keys through the full recogniser: every figure classified, names left out."""
    return frozenset(f.key for f in mentioned(text))


def check_among(text: str) -> None:
    """``figure_keys(text, among)`` is ``figure_keys(text) & among`` for any ``among``: all the
    keys, none, each one alone, every other one, and keys with values the text lacks (each
    figure's value with the other percent flag among them: a name with a number, left out
    either way, and a figure inside another's extent have keys of their own)."""
    keys = sorted(full(text))
    candidates = {(round(f.value, 6), not f.key[1]) for f in figures(text)}
    candidates |= {(round(f.value, 6), f.key[1]) for f in figures(text)}
    choices = [set(keys), set(), set(keys[::2]), set(keys[1::2]), candidates, {(-1.0, False)}]
    choices += [{key} for key in keys] + [{key} for key in candidates]
    for among in choices:
        assert figure_keys(text, frozenset(among)) == full(text) & among, among


# Each text has a figure whose kind decides whether its key is kept, or a figure whose extent or
# link depends on the kind of the figure before it.
CASES = [
    "Flight 370 vanished with 239 people on board.",  # a label: a name
    "The Boeing 737 and the Airbus A320 flew 12 routes.",  # a capitalised word, glued letters
    "Sales rose 5% while the top 1 percent gained 20 percent.",  # a group's name
    "Voters aged 18 to 25 and G7 members met in Section 3 of the hall.",
    "He earned $14.5m (£11m) and 984ft (300m) of cable cost 45 kg (100 lbs).",  # conversions
    "Four out of 25 rescued; $4 of every $5 went abroad; one in every 10 failed.",  # ratios
    "Between September 23 and 30, at ages 75, 85 and 95, 3-1 wins, 19-15 votes.",  # links
    "Shares rose 5p to 320p and the FTSE 100 closed at 7,500; oil fell to $80 a barrel.",
    "The 5 mln dlrs loan and 300 euros fee; 13 officers and 111 civilian deaths.",
    "Call +44 20 7946 0958 at 10:30 on 2025-03-14 or 14/03/2025.\n1. Item one\n2) Item two",
    "In 1850 the 1980s and the 19th century; COVID-19 and F-16 and v2.5 and 3D and 4K.",
    "Two-day talks, three judges, fifteen percent, twenty million, 3bn, 800m final, 5km.",
    "Radio 4 and Channel 5 and Apollo 11 and route 66 and the men's 100 metres.",
]


@pytest.mark.parametrize("text", CASES)
def test_keys_are_those_of_the_figures(text: str) -> None:
    assert figure_keys(text) == full(text)
    assert figure_keys(clean(text)) == full(clean(text))
    check_among(text)


def test_names_with_numbers_are_left_out_and_linked_figures_kept() -> None:
    text = "Flight 370 carried 239 people; the top 1 percent earned $14.5m (£11m)."
    kinds = {f.text: f.kind for f in figures(text)}
    assert kinds["370"] is FigureKind.NAME
    assert kinds["1 percent"] is FigureKind.NAME
    keys = figure_keys(text)
    assert (370.0, False) not in keys
    assert (1.0, True) not in keys
    assert {(239.0, False), (14_500_000.0, False), (11_000_000.0, False)} <= keys
    # a name joined to a record by "to" takes the record's kind: its key is kept
    joined = "The vote was 19-15 to 7B."
    assert figure_keys(joined) == full(joined)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert figure_keys(text) == full(text)
    assert figure_keys(clean(text)) == full(clean(text))
    check_among(text)


_PIECES = [
    "5", "12", "370", "1,000", "2.5", "1850", "07", "$", "£", "US$", "(", ")", "%", " percent",
    " per cent", "m", "bn", "k", "p", "th", "s", " million", " dlrs", " euros", " people",
    " officers", " kg", " lbs", " to ", " or ", " and ", ", ", " out of ", " of every ", "-",
    "/", ":", ".", "\n", " ", "Flight ", "Boeing ", "Section ", "aged ", "the top ", "shares rose ",
    "five", "twenty", "one", "Two", "-day", " compared with ", " a share", "+44 ", "G", "COVID-",
    "killed ", "March ", " years old", " votes", " wins",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_any_mix_of_numbers_and_context(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert figure_keys(text) == full(text)
    check_among(text)
