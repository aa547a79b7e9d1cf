"""Gates added to the figure rules' scans (issue 13, speed only): each must give what the plain
search gives. The cue phrases and constructions looked for at word edges in ASCII text, the
estimate hint's substring test, the proposal hints gated together, the clause patterns gated on
a word they need, and the bound on a table's numeric tokens."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.kinds import figures
from lint.kinds import figures_exclude as exclude
from lint.text import cue_proposals as cp
from lint.text import (
    cues,
    estimates,
    figure_clause,
    figure_futures,
    figure_issues,
    figure_moves,
    gated,
)
from lint.text import figure_market as market
from lint.text import gate_set as gate_set_module
from lint.text.gate_set import GateSet
from lint.text.tokens import flat

OPTIONS = figures.Options()

_WORDS = st.sampled_from(
    [
        *["said", "Said", "SAID", "says", "according to", "it has been reported", "sources"],
        *["a", "an", "A", "is", "it", "its", "by", "in", "at", "the", "toll", "puts", "put"],
        *["estimated", "an estimated", "reportedly", "told", "one-half", "so-called", "u.s."],
        *["according", "to", "believed", "has", "been", "reported", "study", "found", "In"],
        *["in a filing", "by its count", "data compiled by", "(source:", "(Sources:", "offer"],
        *["Reuters's", "Pew's", "S&P's", "U.S.'s", "'s", "’s", "list of", "on the list"],
        *["would impose", "He", "She", "wants to", "plans ", "estimate ", "claims that"],
        *["Pew survey found", "report that", "proposal to invest", "plan to", "bid to "],
        *["He claims that ", "They estimate the ", "She would impose a ", "Its plan to spend "],
        *["a Pew study found ", "The company wants to hire ", "It would cost "],
        *["hundreds", "Thousands", "MILLIONS", "third", "thirds", "thirdsx", "quarter"],
        *["fifths", "fifthly", "thouſands", "\u0130", "\u0131", "\u212a", "é"],
        *["nil", "NIL", "n.a.", "na", "N.A", "unch", "nc", "(12)", "[3],", "1,234", "$5", "-4%"],
        *["12:30", "1/2", "x1", "9x", "Net", "vs", "note:"],
        *[" ", "  ", "\n", "\t", "\x1c", "-", "_", ".", ",", ";", ":", "(", ")", '"', "'"],
    ]
)
_TEXT = st.lists(_WORDS, max_size=30).map("".join)


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_cue_phrases_and_constructions_are_found_as_by_the_patterns(text: str) -> None:
    for phrases in (OPTIONS.cue_set.real, OPTIONS.cue_set.vague):
        assert phrases is not None
        assert _spans(phrases.finditer(text)) == _spans(phrases.pattern.finditer(text))
    assert _spans(cues.constructions(text)) == _spans(cues.CONSTRUCTIONS.finditer(flat(text)))


CONSTRUCTION_CASES = [
    *["The ministry puts the toll at 40.", "It pegged losses at", "She sees it at 5", "(x)"],
    *["by its own count 5", "by the agency's estimates", "data compiled by X", "in a filing"],
    *["(source: X)", "told the High Court", "the court heard", "a judge ruled", "Smith's claims"],
    *["a survey by the Pew", "polled by Gallup", "Reuters's figures", "S&P's data", "-in a study"],
    *["a poll of voters found", "a margin of error", "600 respondents", "a suit on behalf of"],
    *["class actions involving", "charged with fraud", "offered Democrats a deal", "xin a report"],
    *["the offer would", "ruled on Monday that", "imposed by the Bureau", "police have named 3"],
    *["The list of 198 firms", "on the list", "tops the list of", "_by its count", "9by its count"],
    *["Net income", "the index rose", "a review found", "stood accused of", "interviewed by"],
]


@pytest.mark.parametrize("text", CONSTRUCTION_CASES)
def test_constructions_are_found_at_word_edges_as_by_the_pattern(text: str) -> None:
    for prefix in ("", " ", "x", "-", "The "):
        whole = prefix + text
        expected = _spans(cues.CONSTRUCTIONS.finditer(flat(whole)))
        assert _spans(cues.constructions(whole)) == expected


def test_the_construction_cases_hold_constructions() -> None:
    found = [text for text in CONSTRUCTION_CASES if cues.CONSTRUCTIONS.search(text)]
    assert len(found) >= len(CONSTRUCTION_CASES) - 8


def _proposals(text: str) -> list[tuple[int, int]]:
    """cue_proposals.proposals with each hint searched as it is."""
    text = flat(text)
    found = []
    for pattern, hint, not_named in (
        (cp._PROPOSAL, cp._PROPOSAL_HINT, cp._NOT_PROPOSERS),
        (cp._SPEAKS, cp._SPEAKS_HINT, cp._NOT_PROPOSERS),
        (
            cp._NAMED_REPORT,
            cp._NAMED_REPORT_HINT,
            cp._NOT_PUBLISHERS,
        ),
        (cp._PLAN_NOUN, cp._PLAN_NOUN_HINT, cp._NOT_PLANNERS),
    ):
        if hint.search(text) is not None:
            found += [m.span() for m in pattern.finditer(text) if m.group(1) not in not_named]
    return found


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_proposal_hints_gated_together_find_what_each_finds(text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gate_set_module, "PLAIN_SCANS", 0)
        patch.setattr(cp, "_HINT_GATES", GateSet())
        cp._HINT_GATES.add(
            lambda: (
                cp._PROPOSAL_HINT,
                cp._SPEAKS_HINT,
                cp._NAMED_REPORT_HINT,
                cp._PLAN_NOUN_HINT,
            )
        )
        assert _spans(cp.proposals(text)) == _proposals(text)
        assert cp._HINT_GATES._automaton is not None  # the gated path was the one compared


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_the_estimate_hint_answers_as_its_pattern(text: str) -> None:
    assert estimates.has_estimate(text) == (estimates._HINT.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_numeric_tokens_are_bounded_and_tables_told_as_before(text: str) -> None:
    if text.isascii():
        numeric = len(list(filter(exclude._NUMERIC_TOKEN.match, text.split())))
        assert exclude._cells_at_most(text) >= numeric
    plain = _skip_block(text, OPTIONS)
    assert exclude.skip_block.__wrapped__(text, OPTIONS) == plain


def _skip_block(text: str, options: figures.Options) -> bool:
    """skip_block's last tests without the bound (the ones before it are unchanged)."""
    letters = re.findall(r"[^\W\d_]", text)
    if not letters or len(re.findall(r"[A-Za-z]", text)) * 2 < len(letters):
        return True
    if sum(1 for ch in letters if ch.isupper()) * 2 > len(letters):
        return True
    if options.table_pattern and options.table_pattern.search(text):
        return True
    if len(exclude._PAIRED.findall(text)) >= 2:
        return True
    tokens = text.split()
    ratio = len(list(filter(exclude._NUMERIC_TOKEN.match, tokens))) / len(tokens)
    if ratio >= options.table_ratio:
        return True
    return ratio >= options.table_ratio / 2 and not re.search(r"[.!?…][\"'”’)\]]*\s*$", text)


REQUIRED = [
    (figure_moves.NAMED_MOVE, figure_moves.MOVE_VERB),
    (figure_futures.POSITION_AT(), figure_clause.WIRE_MONTH_NAME),
    (figure_futures.CONTRACT_MOVE(), market.MONTH),
    (re.compile(r"^\s*\d+\s+\w+$"), r"\d+"),  # no leading words in the part: always searched
]
GATED = [figure_moves.POINTS_CLOSE(), figure_issues.ISSUE_TERMS(), re.compile(r"\bfell\s+$")]
_CLAUSE_WORDS = st.sampled_from(
    [
        *["Shell", "Exxon Mobil", "and BP", ", Glaxo", "rose", "fell", "edged up", "edged", "by"],
        *["10p at", "a penny to", "with", "May", "Mch", "Jly", "Jan/Feb", "1988", "at", "was"],
        *["the July contract", "Second position", "settled", "up", "points to close at"],
        *["The price of the issue was", "yield", "auction", "market", "mayor", "MAY"],
        *[" ", "  ", ", ", "; ", "\u017f", "\u212a", "\u0130", "é", "5", "7.5"],
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_CLAUSE_WORDS, max_size=14).map("".join))
def test_patterns_gated_on_a_word_they_need_search_as_they_are(text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gate_set_module, "PLAIN_SCANS", 0)
        gates = GateSet()
        gates.add(lambda: GATED)
        gates.require(lambda: REQUIRED)
        scan = gates.scan(text)
        assert gates._automaton is not None
        for pattern in [*GATED, *(p for p, _ in REQUIRED)]:
            found, plain = scan.search(pattern), pattern.search(text)
            assert (found and found.span()) == (plain and plain.span()), pattern.pattern


def test_a_required_word_gate_skips_a_clause_without_the_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gate_set_module, "PLAIN_SCANS", 0)
    gates = GateSet()
    gates.require(lambda: REQUIRED[:1])
    scan = gates.scan("Shell said ")
    assert scan._starts == {}  # no verb: the pattern is never searched
    assert gates.scan("Shell fell ").search(figure_moves.NAMED_MOVE) is not None


def test_a_currency_asked_for_again_is_the_pattern_s_answer() -> None:
    from lint.text import figure_currency as currency

    text, other = "5 mln dlrs and 7 yen", "5 mln people and 7 yen"
    for t, end in [(text, 5), (text, 5), (other, 5), (text, 5), (text, 16), (other, 16)]:
        match = currency._CURRENCY_AFTER.match(t, end)
        assert currency.currency_after(t, end) == (match.end() if match else None)


TABLE_LIKE = [
    OPTIONS.table_pattern,
    re.compile(r"(?:\bvs\b)|(?:^\s*note\s*:)", re.IGNORECASE | re.MULTILINE),
    re.compile(r"(?m:^\s*note\s*:)|\bnil\b", re.IGNORECASE),
    re.compile(r"\Anet\b|(?<=\d )vs\b"),  # case-sensitive: the gate finds a superset
    re.compile(r"(?:^|,)\s*note"),
    re.compile(r"\bvs|\s*note"),  # an alternative with no word: searched as it is
]
_TABLE_WORDS = st.sampled_from(
    [
        *["vs", "VS", "Vs.", "xvs", "note:", "Note :", " note", "nil", "NIL", "net", "Net", "5 "],
        *[" ", "  ", "\n", "\t", ",", ":", ";", "x", "\u017f", "\u212a", "\u0130", "é"],
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_TABLE_WORDS, max_size=12).map("".join))
def test_a_pattern_tried_at_its_starts_is_found_where_it_is_searched(text: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gated, "PLAIN_SEARCHES", 0)  # the gate from the first search
        for pattern in TABLE_LIKE:
            assert pattern is not None
            assert gated.found_in(pattern, text) == (pattern.search(text) is not None), pattern
            assert id(pattern) in gated._FOUND_GATES


def test_a_pattern_is_searched_as_it_is_until_it_has_searched_enough(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gated, "PLAIN_SEARCHES", 3)
    pattern = re.compile(r"\bfresh\b|^\s*made\b")
    for at in range(5):
        assert gated.found_in(pattern, "a fresh one") and not gated.found_in(pattern, "x made")
        assert (id(pattern) in gated._FOUND_GATES) == (at >= 1)


def test_start_words_read_anchors_and_words() -> None:
    assert gated.start_words(re.compile(r"(?:\bvs\b)|(?:^\s*note\s*:)", re.I)) == (
        frozenset({"vs"}),
        True,
    )
    assert gated.start_words(re.compile(r"^x|y", re.M)) == (frozenset({"x", "y"}), False)
    assert gated.start_words(re.compile(r"(?m:^x)|\Ay")) == (frozenset({"x"}), True)
    assert gated.start_words(re.compile(r"x?y|z")) is None
    assert gated.start_words(re.compile(r"(?:^|,)\s*note")) == (frozenset({","}), True)
    assert gated.start_words(re.compile(r"\s*note")) is None


def test_the_frame_patterns_tried_at_their_starts_answer_as_searched(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from conftest import SEEDS

    from lint.kinds import figures_background as background
    from lint.kinds import figures_judge as judge

    patterns = [background._BACKGROUND, background._PAST_YEAR_STORY, judge._RESULTS_NOTE]
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    blocks = [block for text in texts for block in text.split("\n\n")]
    made = ["Before the war, it had sales of 5 mln", "  Note: x", "Also excludes loss", "hashed"]
    monkeypatch.setattr(gated, "PLAIN_SEARCHES", 0)
    assert any(background._BACKGROUND.search(b) for b in blocks)
    for text in [*blocks, *made, "BEFORE THE VOTE", "thouſands employ", "\u0130n debt"]:
        for pattern in patterns:
            assert gated.found_in(pattern, text) == (pattern.search(text) is not None)


def test_every_cue_phrase_is_found_whatever_white_space_parts_its_words() -> None:
    for options in (OPTIONS, figures.Options(report="vague")):
        for phrases in (options.cue_set.real, options.cue_set.vague):
            assert phrases is not None
            items = {" ".join(p.split()) for p in (*options.cues, *options.vague_cues)}
            for phrase in sorted(items):
                for space in (" ", "  ", "\n", " \n", "\t"):
                    said = phrase.replace(" ", space)
                    for text in (said, f"He {said} 5.", f"x-{said}", f'"{said.upper()}"'):
                        expected = _spans(phrases.pattern.finditer(text))
                        assert _spans(phrases.finditer(text)) == expected, text
