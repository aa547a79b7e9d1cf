"""The clause gates (issue 13, speed only): one scan for many patterns must give each pattern's
own ``search``, before the automaton is built and after, on clauses of the seeds and on
generated text mixing the words the patterns start with and characters whose case is exotic."""

from __future__ import annotations

import re

import pytest
from conftest import seed_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import figure_age, figure_counts, figure_futures, figure_moves, figure_rates
from lint.text import figure_context as context
from lint.text import figure_market as market
from lint.text import figure_record as record
from lint.text import figure_statute as statute
from lint.text import gate_set as gate_set_module
from lint.text.figure_clause import CLAUSE_GATES, clause_before
from lint.text.gate_set import GateSet

PATTERNS = [
    re.compile(r"\b(?:rose|fell) by\b", re.I),
    re.compile(r"\bshares?\s+$", re.I),
    re.compile(r"(?:^|,\s+)[A-Z]\w+\s+$"),  # no leading words: searched as it is
    re.compile(r"\bBank of [A-Z]\w+"),  # case-sensitive: the gate finds a superset
    re.compile(r"\b(?:stake|holding)\b[^.;]{0,20}\bto\s+$", re.I),
]
WORDS = ["rose", "fell", "by", "shares", "share", "Bank of", "England", "stake", "to", "STAKE"]


def _gates(plain: int, monkeypatch: pytest.MonkeyPatch) -> GateSet:
    monkeypatch.setattr(gate_set_module, "PLAIN_SCANS", plain)
    gates = GateSet()
    gates.add(lambda: PATTERNS)
    return gates


def _same(gates: GateSet, text: str) -> None:
    scan = gates.scan(text)
    for pattern in PATTERNS:
        found, plain = scan.search(pattern), pattern.search(text)
        assert (found and found.span()) == (plain and plain.span()), (pattern.pattern, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*WORDS, " ", ", ", ". ", ";", "\u017f", "\u212a", "\u0130", "é"]),
        max_size=14,
    )
)
def test_a_scan_searches_as_each_pattern_does(parts: list[str]) -> None:
    text = "".join(parts)
    with pytest.MonkeyPatch.context() as patch:
        _same(_gates(0, patch), text)


def test_a_gate_set_searches_plainly_at_first_then_with_its_automaton(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gates = _gates(2, monkeypatch)
    texts = ["Shares ROSE by 5", "the Bank of England", "sold its stake to ", "ſhares ", "x"]
    for at, text in enumerate(texts):
        _same(gates, text)
        assert (gates._automaton is None) == (at < 2)
    assert gates.scan("x") is gates.scan("x")  # the same text: the same scan


def test_clause_gates_search_as_the_patterns_on_the_seeds_clauses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gate_set_module, "PLAIN_SCANS", 0)
    patterns = [
        figure_rates.LENDING_RATE().pattern,
        figure_futures.TRADED(),
        figure_futures.AT_PRICE(),
        figure_rates.OPERATION(),
        figure_moves.CLOSE_OF(),
        market._MARKET_NOUN.pattern,
        statute.STATUTORY.pattern,
        record._HOLDING_BEFORE(),
        record._UNSETTLED(),
        record._MEMBERS_BEFORE(),  # no leading words
    ]
    texts = seed_texts()
    assert texts
    for text in texts:
        for m in re.finditer(r"\d", text):
            clause = clause_before(text, m.start())
            scan = CLAUSE_GATES.scan(clause)
            for pattern in patterns:
                found, plain = scan.search(pattern), pattern.search(clause)
                assert (found and found.span()) == (plain and plain.span())


def test_head_gates_search_as_the_patterns_on_the_seeds_heads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gate_set_module, "PLAIN_SCANS", 0)
    patterns = [
        context._AGE_BEFORE,
        context._ELECTION_BEFORE.pattern,
        context._STANDING_BEFORE,
        context._SCORE_BEFORE,
        context._LABEL_BEFORE,
        context.CALLED_BEFORE(),
        context.MONTH_BEFORE(),
        figure_age._AGE_CONTEXT(),
        context.GROUP_BEFORE(),
        figure_counts._KILLING(),
        context._TABLE_MOVE_BEFORE,  # no leading words
    ]
    texts = seed_texts()
    for text in [*texts, "the ages of 5", "Women's 100", "men’s 4", "Section 3 and 4"]:
        for start in (m.start() for m in re.finditer(r"\d+", text)):
            head = text[max(0, start - 40) : start]
            scan = context.HEAD_GATES.scan(head)
            for pattern in patterns:
                found, plain = scan.search(pattern), pattern.search(head)
                assert (found and found.span()) == (plain and plain.span())


def test_rewritten_head_patterns_match_as_the_readable_forms() -> None:
    # "(?:wo)?men" and "(?:the )?ages? of" were spelled out so the gate can read their words
    label = re.compile(
        context._LABEL_BEFORE.pattern.replace("(?:women|men)", "(?:wo)?men"), re.IGNORECASE
    )
    age = re.compile(
        r"(?<!\w)(?:aged|age|ages|aged between|aged up to|(?:the )?ages? of)\s*$", re.I
    )
    for head in ["Women's ", "the men’s ", "xmen's ", "the ages of ", "aged ", "stages of ", "a"]:
        for readable, pattern in ((label, context._LABEL_BEFORE), (age, context._AGE_BEFORE)):
            found, plain = pattern.search(head), readable.search(head)
            assert (found and found.span()) == (plain and plain.span())
