"""The large-star / small-star rounds of :mod:`lint.distributed.components`, run here by a
plain-Python groupby, find the components the driver's union-find finds (property test); the
Ray run of the same functions is in test_parity.py."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from lint.distributed import components as cc
from lint.distributed.keys import UnionFind
from lint.distributed.stages import components as driver_components


def _columns(rows: list[dict[str, int]], names: tuple[str, ...]) -> dict[str, list[int]]:
    return {n: [r[n] for r in rows] for n in names}


def _rows(batch: dict[str, list[int]]) -> list[dict[str, int]]:
    return [dict(zip(batch, v, strict=True)) for v in zip(*batch.values(), strict=True)]


def _groupby(rows: list[dict[str, int]], step) -> list[dict[str, int]]:
    groups: dict[tuple[int, int], list[dict[str, int]]] = defaultdict(list)
    for row in rows:
        groups[(row["r"], row["u"])].append(row)
    out = []
    for _, members in sorted(groups.items()):
        out += _rows(step(_columns(members, ("r", "u", "v"))))
    return out


def labels(candidates: list[dict[str, object]]) -> tuple[dict[tuple[int, int], int], int]:
    """What :func:`cc.labels` computes, with this module's groupby for Ray Data's."""
    edges = _rows(
        cc.star_edges({"r": [c["r"] for c in candidates], "ds": [c["ds"] for c in candidates]})
    )
    rounds = 0
    while rounds < cc.MAX_ROUNDS:
        rounds += 1
        large = _groupby(_rows(cc.both_ways(_columns(edges, ("r", "u", "v")))), cc.large_star)
        small = _groupby(large, cc.small_star)
        edges = small
        if not any(r["changed"] for r in large + small):
            break
    found: dict[tuple[int, int], int] = {}
    for row in _rows(cc._centres(_columns(edges, ("r", "u", "v")))):
        found.setdefault((row["r"], row["slot"]), row["c"])
        assert found[(row["r"], row["slot"])] == row["c"]
    return found, rounds


def _groups(found: dict[tuple[int, int], int]) -> list[tuple[int, list[int]]]:
    by: dict[tuple[int, int], list[int]] = defaultdict(list)
    for (r, slot), c in found.items():
        by[(r, c)].append(slot)
    return sorted((r, sorted(slots)) for (r, _), slots in by.items())


keys = st.lists(
    st.tuples(st.integers(0, 2), st.lists(st.integers(-50, 50), min_size=2, max_size=6)),
    max_size=40,
)


@given(keys)
def test_the_rounds_find_the_driver_components(links):
    candidates = [{"r": r, "ds": ds} for r, ds in links]
    found, _ = labels(candidates)
    assert _groups(found) == sorted(driver_components(candidates))
    for (_, slot), c in found.items():
        assert c <= slot  # a component is labelled by its smallest slot


def test_a_long_chain_converges_in_few_rounds():
    chain = [{"r": 0, "ds": [i, i + 1]} for i in range(1000)]  # a path: diameter 1,000
    found, rounds = labels(chain)
    assert set(found.values()) == {0} and len(found) == 1001
    assert rounds <= 20


def test_a_key_held_twice_by_one_document_is_a_component_of_its_own():
    found, _ = labels([{"r": 1, "ds": [7, 7]}])
    assert found == {(1, 7): 7}
    finder = UnionFind()
    finder.union([7, 7])
    assert finder.components() == [[7]]
