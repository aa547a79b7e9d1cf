"""Leading words read from a pattern's text (issue 13, speed only): whenever
:func:`lint.text.lead_reader.fast_leading_words` answers, it must give what the parser-based
reading gives (``_read_starts`` on ``re._parser``'s tree), on every pattern the gate sets hold and
on generated patterns that use groups, alternatives with common starts, sets, repeats and
assertions; it must answer for every gated pattern (or the speed-up is lost)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.text import (
    cue_proposals,
    figure_age,  # noqa: F401  (adds its patterns to the head gates)
    figure_counts,  # noqa: F401
    figure_market,  # noqa: F401  (adds its patterns to the clause gates)
    figure_record,  # noqa: F401
)
from lint.text.figure_clause import CLAUSE_GATES
from lint.text.figure_context import HEAD_GATES
from lint.text.gate_set import GateSet
from lint.text.gated import _read_starts, leading_words
from lint.text.lead_reader import UNKNOWN, fast_leading_words


def _parsed(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The leading words as the parser's tree gives them (``leading_words`` before the
    shortcut)."""
    found = _read_starts(pattern, anchors=False)
    return found[0] if found is not None and found[0] else None


def _gated(gates: GateSet) -> list[re.Pattern[str]]:
    patterns = [pattern for getter in gates._getters for pattern in getter()]
    for getter in gates._required:
        patterns += [re.compile(part, pattern.flags) for pattern, part in getter()]
    return patterns


def test_every_gated_pattern_is_read_and_the_same() -> None:
    patterns = _gated(CLAUSE_GATES) + _gated(HEAD_GATES) + _gated(cue_proposals._HINT_GATES)
    assert len(patterns) > 30
    for pattern in patterns:
        assert fast_leading_words(pattern) == _parsed(pattern), pattern.pattern
        assert leading_words(pattern) == _parsed(pattern)


CASES = [
    r"\b(?:rose|fell) by\b",
    r"(?:ab|ac)d",  # a common start: moved out by the parser ("a")
    r"ab|ac",
    r"\bab|\bac",
    r"(?:a|b)c",  # a set
    r"(?:a|bc)d",
    r"measures (?:to|that would)",  # a non-capturing group is part of the sequence
    r"(?:ab)c",
    r"(ab)c",  # a capturing group is not
    r"(?P<x>ab)c",
    r"[a]bc",
    r"ab[c]d",
    r"ab[cd]",
    r"[^a]b",
    r"shares?",
    r"a{2}b",
    r"ab{x",
    r"ab{}c",
    r"ab{,}c",
    r"(?<!per )\bshares",
    r"(?=ab)abc",
    r"caf\u00e9",
    r"\u00e9t\u00e9|ete",
    r"ab|",
    r"|ab",
    r"a\.b",
    r"\d+ per cent",
    r"\d|\d",
    r"x(?:\d|\d)",
    r"\b(?:\w+|\w+)",
    r"(?:^|,\s+)[A-Z]\w+",
    r"(?i)abc",
    r"(?x) a b c",
    r"(?#note)abc",
    r"\x41bc",
    r"(?:a(?:b|c)|ad)",
]


def test_cases() -> None:
    for source in CASES:
        for flags in (0, re.IGNORECASE):
            pattern = re.compile(source, flags)
            fast = fast_leading_words(pattern)
            assert fast is UNKNOWN or fast == _parsed(pattern), source


_ATOMS = st.sampled_from(
    [
        "a", "b", "c", "ab", "ba", "A", "Ab", " ", ",", "-", "\u00e9", "\\.", "\\-", "\\b",
        "\\B", "\\s", "\\d", "\\w", "\\D", "^", "$", "\\A", "\\Z", ".", "[a]", "[ab]", "[^a]",
        "[a-c]", "[\\d]", "[.]", "]", "}", "{x", "{}",
    ]
)  # fmt: skip
_QUANTIFIERS = st.sampled_from(["", "", "", "?", "*", "+", "??", "+?", "{2}", "{1,3}", "{,2}"])


def _repeat(atom: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(atom, _QUANTIFIERS).map("".join)


def _sequences(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    alternatives = st.lists(st.lists(inner, max_size=4).map("".join), min_size=1, max_size=4)
    body = alternatives.map("|".join)
    groups = st.one_of(
        body.map(lambda b: f"(?:{b})"),
        body.map(lambda b: f"({b})"),
        body.map(lambda b: f"(?={b})"),
        body.map(lambda b: f"(?!{b})"),
        st.sampled_from(["(?<=a)", "(?<!ab)", "(?<!\\s)"]),
    )
    return st.one_of(_repeat(_ATOMS), _repeat(groups))


_PATTERNS = st.recursive(_repeat(_ATOMS), _sequences, max_leaves=12)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_PATTERNS, min_size=1, max_size=5).map("".join), min_size=1, max_size=4),
    st.booleans(),
)
def test_generated_patterns(alternatives: list[str], ignore_case: bool) -> None:
    source = "|".join(alternatives)
    try:
        pattern = re.compile(source, re.IGNORECASE if ignore_case else 0)
    except re.error:
        return
    fast = fast_leading_words(pattern)
    assert fast is UNKNOWN or fast == _parsed(pattern), source


def test_generated_patterns_are_mostly_read() -> None:
    """The reader answers for common shapes (a test of the test: the comparison above is not
    vacuous)."""
    read = [
        fast_leading_words(re.compile(source)) is not UNKNOWN
        for source in (r"\b(?:ab|cd)e", r"(?:ab|ac)d", r"(?:a|b)c", r"x(?:y)z", r"[a]b", r"a?b")
    ]
    assert all(read)
