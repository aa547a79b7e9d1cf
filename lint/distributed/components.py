"""Connected components of linked documents as Ray Data stages, for when the candidate links do
not fit on the driver.

Nodes are ``(rule index, slot)``; each candidate key held by documents ``d1 < d2 < ...`` links
them as a star ``(d1, d)`` for every ``d`` (``(d1, d1)`` included, so a key held twice by one
document still makes that document a component of its own, as the driver's union-find does).
The edges then go through alternating *large-star* and *small-star* rounds (Kiveris et al.,
"Connected Components in MapReduce and Beyond", SoCC 2014), each a groupby on ``(rule, node)``:

- large-star: each node ``u`` links every larger neighbour, and itself, to the smallest of its
  neighbourhood ``m(u)``;
- small-star: each node ``u`` links its smaller neighbours, and itself, to the smallest of them.

Both keep components and shrink their diameter; in O(log^2 n) rounds every component is a star
around its smallest slot, and no round changes anything (each round counts what it changed).
The label of a node is then the centre of its star: the same components as
:class:`lint.distributed.keys.UnionFind` on the driver, so the corpus rules see the same groups
of documents and the findings are the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

Batch = dict[str, Any]
MAX_ROUNDS = 64  # O(log^2 n) rounds; 64 is far beyond what a corpus of 10^12 documents needs


def star_edges(batch: Batch) -> Batch:
    """Candidate rows (``r``, ``ds``) as star edges ``(r, u, v)`` with ``u >= v``."""
    out: dict[str, list[int]] = {"r": [], "u": [], "v": []}
    for rule, members in zip(batch["r"], batch["ds"], strict=True):
        slots = sorted({int(d) for d in members})
        for slot in slots:
            out["r"].append(int(rule))
            out["u"].append(slot)
            out["v"].append(slots[0])
    return out


def both_ways(batch: Batch) -> Batch:
    """Each edge in both directions (a self loop once), for large-star's neighbourhoods."""
    out: dict[str, list[int]] = {"r": [], "u": [], "v": []}
    for r, u, v in zip(batch["r"], batch["u"], batch["v"], strict=True):
        for a, b in ((u, v), (v, u)) if u != v else ((u, v),):
            out["r"].append(int(r))
            out["u"].append(int(a))
            out["v"].append(int(b))
    return out


def _emit(rule: int, edges: Iterable[tuple[int, int]], changed: bool) -> Batch:
    pairs = sorted(set(edges))
    return {
        "r": [rule] * len(pairs),
        "u": [max(a, b) for a, b in pairs],  # stored with u >= v
        "v": [min(a, b) for a, b in pairs],
        "changed": [int(changed)] * len(pairs),
    }


def large_star(group: Batch) -> Batch:
    """One node ``u`` (all its edges, both ways): its larger neighbours and itself linked to the
    smallest node of its neighbourhood."""
    u = int(group["u"][0])
    neighbours = {int(v) for v in group["v"]} | {u}
    smallest = min(neighbours)
    larger = [v for v in neighbours if v > u]
    changed = smallest < u and bool(larger)
    return _emit(int(group["r"][0]), [(v, smallest) for v in [*larger, u]], changed)


def small_star(group: Batch) -> Batch:
    """One node ``u`` (its edges to smaller nodes, and a self loop): its smaller neighbours and
    itself linked to the smallest of them."""
    u = int(group["u"][0])
    smaller = {int(v) for v in group["v"]} - {u}
    if not smaller:
        return _emit(int(group["r"][0]), [(u, u)], False)
    smallest = min(smaller)
    edges = [(v, smallest) for v in smaller | {u} if v != smallest]
    return _emit(int(group["r"][0]), edges, len(smaller) > 1)


def _changed(dataset: Any) -> int:
    total = dataset.sum("changed")
    return int(total or 0)


def labels(candidates: Any, blocks: int) -> tuple[Any, int]:
    """Rows ``(r, slot, c)``: the component ``c`` (its smallest slot) of every document linked
    for rule ``r``; and the rounds it took. ``candidates`` has a row per linking key (``r``,
    ``ds``)."""
    edges = candidates.map_batches(star_edges).materialize()
    rounds = 0
    while True:
        rounds += 1
        if rounds > MAX_ROUNDS:
            raise RuntimeError(f"connected components did not converge in {MAX_ROUNDS} rounds")
        large = (
            edges.map_batches(both_ways)
            .groupby(["r", "u"], num_partitions=blocks)
            .map_groups(large_star, batch_format="numpy")
            .materialize()
        )
        small = (
            large.select_columns(["r", "u", "v"])
            .groupby(["r", "u"], num_partitions=blocks)
            .map_groups(small_star, batch_format="numpy")
            .materialize()
        )
        edges = small.select_columns(["r", "u", "v"])
        if _changed(large) == 0 and _changed(small) == 0:
            break
    return edges.map_batches(_centres), rounds


def _centres(batch: Batch) -> Batch:
    """Converged star edges as labels: a leaf ``u`` has its centre ``v``; a centre itself."""
    out: dict[str, list[int]] = {"r": [], "slot": [], "c": []}
    for r, u, v in zip(batch["r"], batch["u"], batch["v"], strict=True):
        for slot in (u, v) if u != v else (u,):
            out["r"].append(int(r))
            out["slot"].append(int(slot))
            out["c"].append(int(v))
    return out
