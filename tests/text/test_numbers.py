"""The one figure recogniser: both figure rules (unattributed-figure through the ``figures`` kind,
unsupported-figure through tracking support) agree on what a figure is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.core.document import Document
from lint.kinds import figures as kind
from lint.text.analysis import analysis
from lint.text.numbers import FigureKind, figures, has_candidate
from lint.text.segment import segment
from lint.tracking.support.figures import unsupported_figures

OPTIONS = kind.Options()


def judged(text: str) -> list[str]:
    """What unattributed-figure would judge (figures needing a source, before attribution)."""
    return [f.phrase for f in kind.figures(text, OPTIONS)]


def compared(text: str) -> list[str]:
    """What unsupported-figure would report against an original with no figures."""
    return [u.figure.text for u in unsupported_figures(text, "Nothing to see.")]


def kinds(text: str) -> list[tuple[str, FigureKind]]:
    return [(f.text, f.kind) for f in figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was built in 1850 and rebuilt in 1999.",
        "The studio released a 3D film and a 4K cut.",
        "A 25-year-old man was arrested.",
        "The man, aged 25, was arrested.",
    ],
)
def test_neither_rule_counts_years_names_or_ages(text: str) -> None:
    assert judged(text) == []
    assert compared(text) == []


def test_disputed_kinds() -> None:
    assert kinds("built in 1850") == [("1850", FigureKind.YEAR)]
    assert kinds("a 3D film") == [("3", FigureKind.NAME)]
    assert kinds("a 25-year-old man") == [("25", FigureKind.AGE)]


def test_a_year_with_a_currency_or_percent_sign_is_a_figure() -> None:
    assert judged("The repair cost $1850.") == ["$1850"]
    assert compared("The repair cost $1850.") == ["1850"]


def test_a_bracketed_conversion_restates_the_amount() -> None:
    text = "The council spent $14.5m (£11m) on the scheme."
    assert kinds(text) == [("14.5m", FigureKind.MONEY), ("11m", FigureKind.CONVERSION)]
    assert judged(text) == ["$14.5m"]
    assert compared(text) == ["14.5m"]  # the conversion is support-neutral
    assert [u.figure.text for u in unsupported_figures("It cost £11m.", text)] == []


@pytest.mark.parametrize("text", ["Prices rose 10 per cent.", "Prices rose 10%."])
def test_per_cent_and_the_sign_are_one_percentage(text: str) -> None:
    (figure,) = figures(text)
    assert (figure.value, figure.unit, figure.kind) == (10.0, "%", FigureKind.PERCENTAGE)
    assert figure.key == (10.0, True)
    assert compared(text) == [figure.text]
    assert [u.figure for u in unsupported_figures(text, "Prices rose 10 per cent.")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares rose 5p to 320p.", FigureKind.MARKET),
        ("Oil fell to $80 a barrel.", FigureKind.MARKET),
        ("United won 3-1 at home.", FigureKind.SCORE),
        ("She won the 10,000m final.", FigureKind.DISTANCE),
        ("The village is 30 km away.", FigureKind.DISTANCE),
        ("The talks lasted 12 days.", FigureKind.DURATION),
        ("Two men were arrested.", FigureKind.SPELLED_SMALL),
        ("Police arrested 4 men.", FigureKind.SMALL_COUNT),
        ("At least 1,400 civilians were killed.", FigureKind.CASUALTY),
        ("Some 3,000 residents fled their homes.", FigureKind.PEOPLE),
        ("The scheme cost £4m.", FigureKind.MONEY),
        ("The firm sold 40,000 cars.", FigureKind.COUNT),
        ("It took 52% of the vote.", FigureKind.RECORD),
        ("It won 310 seats.", FigureKind.RECORD),
        # members of a legislature: a roll call; voters of a party are not
        ("The retreat by 33 Senate Democrats was humiliating.", FigureKind.RECORD),
        ("More than 100 MPs signed the letter.", FigureKind.RECORD),
        ("Some 30 million Republicans own guns.", FigureKind.COUNT),
        ("The bills were priced at 99.00 pct.", FigureKind.MARKET),
        ("Donors who give $200 or less.", FigureKind.RECORD),
        ("Tom Ward, 34, was charged.", FigureKind.AGE),
        ("The committee voted 19-15 to pass it.", FigureKind.RECORD),
        ("Profit was seven mln dlrs.", FigureKind.MONEY),
        ("It refinanced its 19.7\nbillion dollar debt.", FigureKind.MONEY),
        ("May was up 12.5 cents at 6.705 dlrs.", FigureKind.MARKET),
        ("The currency was hovering around 76.78 cts.", FigureKind.MARKET),
        ("It plans a 300 mln H.K.\nDlr facility.", FigureKind.MONEY),  # not "H" for hours
        ("Japan raised its beef import quota by 9,000 tonnes.", FigureKind.RECORD),
        ("Uganda had sought to raise its ICO quota to 3.0 mln bags.", FigureKind.COUNT),
        ("Negotiators agreed to appropriate 5.6 billion dlrs to it.", FigureKind.RECORD),
        ("He defeated his rival by a vote of 315 to 217.", FigureKind.RECORD),
        (
            "The Reserve Bank this morning cut the rediscount rate from 17.30 pct.",
            FigureKind.MARKET,
        ),
        ("Bell previously held 10 pct of Standard.", FigureKind.RECORD),
        ("Snow piled up to 70 cms deep in Istanbul.", FigureKind.DISTANCE),
        ("It set its export target for the year at 1.1 billion dlrs.", FigureKind.RECORD),
        ("After the deal it would own about 13 pct of Fireman's Fund.", FigureKind.PERCENTAGE),
        ("Unemployment held at 10 pct of the workforce.", FigureKind.PERCENTAGE),
        ("A commission that controls 51 pct of its stock will act.", FigureKind.RECORD),
        ("The index passed the 360 level this week.", FigureKind.MARKET),
        ("Taiwan passed on an offer of 25,000 tonnes of corn.", FigureKind.COUNT),
        ("Taiwan passed on its tender for 25,000 tonnes of corn.", FigureKind.RECORD),
        ("He began arbitration seeking payment of 150 mln dlrs.", FigureKind.RECORD),
        ("Under the accord, clinched in Paris, 100 pct of it is due.", FigureKind.RECORD),
        ("It is the last of 100 mln dlrs voted by\nCongress.", FigureKind.RECORD),
        ("Prices rose to 12 U.S.\nCents per lb.", FigureKind.MARKET),
        ("They will market 100 octane gasoline.", FigureKind.DISTANCE),  # a specification
        ("It sought the 45 pct of Standard that it does not already own.", FigureKind.RECORD),
        ("It sought 45 pct of Standard by June.", FigureKind.PERCENTAGE),
        ("They delayed a 10 billion peseta loan.", FigureKind.MONEY),
        # a rule: what it requires, and who it applies to by a threshold
        ("At least 90 pct of products sold were\nrequired to come from France.", FigureKind.RECORD),
        ("Firms with sales over 1.24 mln intis would have to buy bonds.", FigureKind.RECORD),
        ("The firm said 500 workers would have to find new jobs.", FigureKind.PEOPLE),
        ("A firm with sales over 5 mln dlrs fell.", FigureKind.MONEY),
        # a move against the market's last close, a move of a price quoted per unit
        ("Copper rose 12 dlrs from Friday's close.", FigureKind.MARKET),
        ("Nickel was up about seven stg from\nyesterday's kerb close.", FigureKind.MARKET),
        ("The company lost 7 mln dlrs from Friday's sale of assets.", FigureKind.MONEY),
        ("Offers were 0.50 dlrs lower than yesterday.", FigureKind.MARKET),
        ("Expellers were up to two dlrs above yesterday's midday levels.", FigureKind.MARKET),
        ("Gold opened above yesterday's close of 425.00.", FigureKind.MARKET),
        ("May rose to 133.50 cents before retreating.", FigureKind.MARKET),
        ("July climbed 4.4 cents to 133.50 cents.", FigureKind.MARKET),
        ("Credit's 220 mln Australian dlrs of 9-1/2\npct eurobonds due 1992.", FigureKind.MARKET),
        ("Its 150 mln European Currency Units (ECUs) of 7-5/8 pct eurobonds.", FigureKind.MARKET),
        ("The states agreed to cut tariffs on trade by 10 pct.", FigureKind.RECORD),
        ("The states said trade fell by 10 pct.", FigureKind.PERCENTAGE),
        ("Pleas for 29 prisoners on death row are pending.", FigureKind.PEOPLE),
        ("The offer was unchanged at 98-1/4, 98-1/2.", FigureKind.MARKET),
        ("The Senate voted 98-1 to pass it.", FigureKind.RECORD),
        ("The 750 mln peseta limit was set last March.", FigureKind.RECORD),
        ("Representatives from 26 Latin American countries ended a meeting.", FigureKind.RECORD),
        ("Imports from 26 countries rose.", FigureKind.COUNT),
        ("At least 29 prisoners died.", FigureKind.CASUALTY),
        ("They may recoup the 25 pct withholding tax levied on income.", FigureKind.RECORD),
        ("It paid 5 mln dlrs in tax last year.", FigureKind.MONEY),
        ("Profits rose 10 pct in tax terms.", FigureKind.PERCENTAGE),
    ],
)
def test_kinds(text: str, expected: FigureKind) -> None:
    assert next(f.kind for f in figures(text)) is expected


def test_ages_by_their_context_and_a_list_of_labels() -> None:
    def kinds_of(text: str) -> list[tuple[str, FigureKind]]:
        return [(f.phrase, f.kind) for f in figures(text)]

    assert kinds_of("Men at 65 can expect 19 more years.")[0] == ("65", FigureKind.AGE)
    ages = kinds_of("It rose 0.3 years at age 65, and 0.2 years at 75, 85, and 95.")
    assert [k for p, k in ages if p in ("65", "75", "85", "95")] == [FigureKind.AGE] * 4
    assert kinds_of("The firm hired 40 people at 65 sites.")[1] == ("65 sites", FigureKind.COUNT)
    labels = kinds_of("The M4 will shut between junctions 25A for Caerleon and 26 at Malpas.")
    assert labels[-1] == ("26", FigureKind.NAME)


def test_an_amount_takes_the_currency_given_before_it() -> None:
    text = (
        "Income rose to 214 mln dlrs against a profit of 177 mln. Revenues rose to 6.50 billion"
        " dlrs compared with the prior year's 5.96 billion. Exports were 1.5 billion stg, and"
        " imports totalled 436 mln. Sales of 5 mln cars were made."
    )
    assert [(f.phrase, f.kind) for f in figures(text) if f.kind is not FigureKind.YEAR] == [
        ("214 mln dlrs", FigureKind.MONEY),
        ("177 mln", FigureKind.MONEY),
        ("6.50 billion dlrs", FigureKind.MONEY),
        ("5.96 billion", FigureKind.MONEY),
        ("1.5 billion stg", FigureKind.MONEY),
        ("436 mln", FigureKind.MONEY),
        ("5 mln cars", FigureKind.COUNT),
    ]
    # no currency anywhere before: a count
    assert figures("Sales rose to 5 mln.")[0].kind is FigureKind.COUNT


def test_the_terms_of_a_deal_named_with_its_value_are_on_record() -> None:
    text = "Under the five billion stg deal signed last year, it will buy 132 jets."
    assert [(f.text, f.kind) for f in figures(text)][-1] == ("132", FigureKind.RECORD)


def test_the_move_of_a_price_quoted_per_unit_is_market_data() -> None:
    text = "Sales were 1.72 dlrs per lb, a rise of 0.5 cents. Sales saw a rise of 5 cents."
    assert [f.kind for f in figures(text)] == [FigureKind.MARKET] * 2 + [FigureKind.MONEY]


def test_a_share_price_after_its_move_is_market_data() -> None:
    text = "Shell lost 10p at 1,223. The firm lost 10 pct to 1,223 customers."
    assert [(f.text, f.kind) for f in figures(text)] == [
        ("10p", FigureKind.MARKET),
        ("1,223", FigureKind.MARKET),
        ("10 pct", FigureKind.PERCENTAGE),
        ("1,223", FigureKind.PEOPLE),
    ]


def test_an_accords_terms_are_on_record_however_long_the_opening() -> None:
    text = (
        "Under the accord, reached after U.S. complaints about the effect on its farm exports of"
        " Spain's entry into the Community, the EC will import two mln tonnes of maize a year."
    )
    assert kinds(text) == [("two mln", FigureKind.RECORD)]
    assert kinds("The accord was signed. Farmers will import two mln tonnes of maize.") == [
        ("two mln", FigureKind.COUNT)
    ]


def test_the_other_side_of_a_set_target_is_on_record_too() -> None:
    text = "It set its export target at 1.1 billion U.S. Dlrs against imports of 1.8 billion dlrs."
    assert [k for _, k in kinds(text)] == [FigureKind.RECORD, FigureKind.RECORD]


def test_the_old_value_beside_an_official_price_is_on_record_too() -> None:
    assert kinds("The price is set at 1,020 yen against 1,090 now.") == [
        ("1,020", FigureKind.RECORD),
        ("1,090", FigureKind.RECORD),
    ]


def test_work_only_around_number_candidates() -> None:
    assert not has_candidate("No numbers here at all, only words.")
    assert figures("No numbers here at all, only words.") == ()
    assert has_candidate("twenty") and has_candidate("x9")


def _lines_run(text: str) -> int:
    """Lines of the recogniser (``lint/text/numbers.py`` and its scans) executed by
    ``figures(text)``: an operation count."""
    import sys
    from types import FrameType
    from typing import Any

    from lint.text import figure_glued, numbers, numeral_scan, spelled_scan

    files = {m.__file__ for m in (numbers, numeral_scan, spelled_scan, figure_glued)}
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if frame.f_code.co_filename not in files:
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        figures(text)
    finally:
        sys.settrace(None)
    return count


def test_stamps_are_looked_up_in_linear_time() -> None:
    """Each numeral used to be checked against every stamp (date, fraction, time) of the text:
    140 KB of "1/0 12" took 92 s (issue 14). Ten times the text, about ten times the work."""
    unit = "Votes 1/0 and 12 seats. "
    small, large = _lines_run(unit * 100), _lines_run(unit * 1_000)
    assert large < 15 * small
    found = figures(unit * 3)
    assert [f.text for f in found] == ["12", "12", "12"]  # the stamp's digits are no figures


def test_a_fraction_stamp_starts_at_a_run_of_digits_first_digit() -> None:
    """The fraction pattern was tried from every digit of a run, each try backtracking over the
    rest of the run: quadratic in the run (100,000 digits, about 2 minutes; issue 14). From the
    first digit only, a try inside the run ends at once, and the stamps found are the same."""
    from lint.text.numeral_scan import _STAMPS

    assert _STAMPS.match("12/5", 0) is not None
    assert _STAMPS.match("12/5", 1) is None  # matched "2/5" before
    assert [m.group() for m in _STAMPS.finditer("on 14/03/2025, 9" + "9" * 50 + "/4 and 24/7")] == [
        "14/03/2025",
        "9" * 51 + "/4",
        "24/7",
    ]
    assert figures("Spending rose to " + "9" * 400 + " million.")[0].value == float("inf")


def test_the_analysis_is_computed_once_per_document() -> None:
    text = "Floods hit the town\n\nAt least 1,400 people fled.\n"
    document = Document("a.txt", text, segment(text))
    first = analysis(document)
    assert analysis(document) is first
    block = document.blocks[-1]
    assert first.block(block) is first.block(block)
    assert [f.phrase for f in first.block(block).figures] == ["1,400 people"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.%$£()-abcmkp")), max_size=40))
def test_spans_lie_inside_the_text(text: str) -> None:
    for figure in figures(text):
        assert text[figure.span.start : figure.span.end] == figure.text
        assert figure.extent.start <= figure.span.start <= figure.span.end <= figure.extent.end


_CUES = ("said", "according to", "put the toll at", "figures show", "U.S. officials said")


@given(
    st.lists(
        st.sampled_from(
            [
                "said",
                "SAID",
                "Said",
                "according",
                "to",
                "\n",
                "  ",
                "figures",
                "show",
                "x",
                "put",
                "the",
                "toll",
                "at",
                "U.S.",
                "officials",
                "ſaid",
                "İ",
                "saidx",
                "-",
                ".",
            ]
        ),
        max_size=30,
    )
)
def test_phrase_search_finds_exactly_what_the_pattern_finds(words: list[str]) -> None:
    """The Aho-Corasick prefilter of cue_phrases.Phrases changes speed, never matches."""
    from lint.text.cue_phrases import phrases

    cues = phrases(_CUES, "cues")
    assert cues is not None
    text = " ".join(words)
    assert [m.span() for m in cues.finditer(text)] == [
        m.span() for m in cues.pattern.finditer(text)
    ]


_CONSTRUCTION_WORDS = [
    *("puts", "PUT", "pegged", "saw", "places", "the", "toll", "at", "by", "its", "own", "count"),
    *("Reuters's", "AT&T’s", "U.S.-based's", "x's", "figures", "data", "compiled", "in", "a"),
    *("filing", "(source:", "(", "poll", "Polled", "survey", "conducted", "from", "The", "Bank"),
    *("report", "found", "shows", "index", "research", "estimates", "of", "ſees", "İn", "ın"),
    *(",", ".", ";", " ", "\n", "-", "_", "&", "'s", "’s", "2.5"),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CONSTRUCTION_WORDS), max_size=30), st.sampled_from([" ", ""]))
def test_construction_search_finds_exactly_what_the_pattern_finds(
    words: list[str], joiner: str
) -> None:
    """The Aho-Corasick start places of the constructions change speed, never matches (the
    constructions are read with line breaks as spaces, offsets kept: ``flat``)."""
    from lint.text.cues import CONSTRUCTIONS as _CONSTRUCTIONS
    from lint.text.cues import constructions as _constructions
    from lint.text.tokens import flat

    text = joiner.join(words)
    expected = [m.span() for m in _CONSTRUCTIONS.finditer(flat(text))]
    assert [m.span() for m in _constructions(text)] == expected


def test_a_range_after_between_is_one_figure() -> None:
    from lint.text.numbers import figures

    found = figures("The firm plans to float between 25 and 30 pct of its shares.")
    assert [(f.phrase, f.kind.value) for f in found] == [("25 and 30 pct", "percentage")]
    # not a range: Y below X, no "between", or a scale word between the two
    assert [f.phrase for f in figures("It fell between 30 and 20 pct.")] == ["30", "20 pct"]
    assert len(figures("They sold 25 and 30 pct of it.")) == 2
    assert len(figures("between 3.2 mln and 3.5 mln tonnes")) == 2
