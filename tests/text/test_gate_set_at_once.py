"""The figure gate sets are built early (``plain_scans=32``, tested here built on their first scan,
``plain_scans=0``): a built set's search is each pattern's plain search, on generated clauses and
on every seed paragraph."""

from __future__ import annotations

from conftest import SEEDS
from hypothesis import given
from hypothesis import strategies as st

from lint.text import figure_age, figure_context, figure_counts  # noqa: F401  (head gates)
from lint.text.figure_clause import CLAUSE_GATES
from lint.text.gate_set import GateSet
from lint.text.gated import lowered

_WORDS = (
    "The shares rose fell tax rate of at to minimum wage aged stake in May was up a turnout "
    "killing Section traded around cash metal redeemable coupon settled"
)
_CLAUSE_WORDS = st.sampled_from([*_WORDS.split(), "\n", ","])


def _check(text: str) -> None:
    for getter in (*CLAUSE_GATES._getters, *figure_context.HEAD_GATES._getters):
        gates = GateSet(plain_scans=0)
        gates.add(getter)
        scan = gates.scan(text)
        assert scan._starts is not None or lowered(text) is None  # built, not plain
        for pattern in getter():
            found, plain = scan.search(pattern), pattern.search(text)
            assert (found and found.span()) == (plain and plain.span()), pattern.pattern[:60]


@given(st.lists(_CLAUSE_WORDS, max_size=14))
def test_sets_built_at_once_search_as_plain(words: list[str]) -> None:
    _check(" ".join(words))


def test_sets_built_at_once_on_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            if paragraph.strip():
                _check(paragraph[-120:])


def test_the_figure_sets_are_built_early() -> None:
    assert CLAUSE_GATES._plain == 32 and figure_context.HEAD_GATES._plain == 32
    assert GateSet()._plain is None  # the others keep PLAIN_SCANS
