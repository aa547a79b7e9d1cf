"""Shortcuts of the story's frame (issue 13, speed only): :func:`is_background` memoised, and the
story's latest year found from one search of the joined paragraphs with a pattern opening with
its digits; each gives the answers of the plain computation."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lint.kinds import figures_background
from lint.kinds.figures_background import YEAR_PLAIN, background_plain, is_background, latest_year

#: Pieces that make years, edges, lookaheads and background words meet at paragraph edges.
_PIECES = st.sampled_from(
    [
        "19",
        "20",
        "85",
        "1985",
        "2001",
        "1999/2000",
        "1985-86",
        "/",
        "-",
        "7",
        "a",
        " ",
        "\n",
        ".",
        ",",
        "last year",
        "a year ago",
        "compared with",
        "from",
        "previously",
        "employs",
        "had sales of",
        "rose",
        "Laurentian Corp, which",
        "annual",
        "since 1990",
        "The company",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=8).map("".join)


def _latest_plain(texts: list[str]) -> int:
    """The loop :func:`latest_year` replaced: each text searched on its own."""
    year = re.compile(YEAR_PLAIN)
    return max((int(y.group()) for t in texts for y in year.finditer(t)), default=0)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TEXTS, max_size=6))
@example(["a 19", "99 b"])
@example(["1985", "/7"])
@example(["2001-", "5"])
@example(["x", "", "1999"])
def test_latest_year_is_the_plain_search(texts: list[str]) -> None:
    assert latest_year(texts) == _latest_plain(texts)


#: Characters around a year: word characters of other scripts and digits of others too.
_ODD = st.text(alphabet="1290578_aé٣ \n/-.", max_size=12)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(_PIECES, _ODD), max_size=8).map("".join))
@example("a1999")
@example("_2001")
@example("é1985")
@example("1985")
@example("٣1999")
@example("19٣٣")
@example("x 2001-5")
def test_year_pattern_finds_the_plain_matches(text: str) -> None:
    fast = [m.span() for m in figures_background._YEAR.finditer(text)]
    assert fast == [m.span() for m in re.finditer(YEAR_PLAIN, text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TEXTS, st.booleans()), max_size=12))
@example([("last year rose", False), ("last year rose", True)])
@example([("had sales of 5", True), ("had sales of 5", False), ("had sales of 5", True)])
def test_memoised_background_is_the_plain_answer(calls: list[tuple[str, bool]]) -> None:
    # asked repeatedly, in both senses of past_year_story, the memo answers as computed afresh
    for text, past_year in calls + calls[::-1]:
        assert is_background(text, past_year) == background_plain(text, past_year)
        assert is_background(text) == background_plain(text)


def test_background_memo_stays_bounded() -> None:
    for n in range(figures_background._BACKGROUND_MEMO_LIMIT + 10):
        is_background(f"paragraph {n} last year", bool(n % 2))
    assert len(figures_background._BACKGROUND_MEMO) <= figures_background._BACKGROUND_MEMO_LIMIT
    assert is_background("last year it rose", False) == background_plain("last year it rose")
