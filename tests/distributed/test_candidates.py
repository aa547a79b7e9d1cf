"""The candidates stage's shuffle (packed keys, partitions, repeated keys) against a plain
Python count of the same keys."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest

np = pytest.importorskip("numpy")

from lint.distributed.candidates import (  # noqa: E402
    explode,
    pack,
    partition,
    reduce_parts,
    repeated,
    unpack,
)


def _documents(seed: int) -> tuple[list[int], list[list[tuple[int, int]]]]:
    """Random documents' keys: a few rules, keys from a small pool (so some repeat, some within
    one document) and full-range 64-bit keys (signed, as digest64 makes them); a key has one
    rule, as the rule id is hashed into it."""
    rng = random.Random(seed)
    pool = [(rng.randrange(3), rng.randrange(-(2**63), 2**63)) for _ in range(60)]
    slots = [rng.randrange(-(2**63), 2**63) for _ in range(300)]
    keys = []
    for _ in slots:
        mine = [rng.choice(pool) for _ in range(rng.randrange(0, 6))]
        mine += [(rng.randrange(3), rng.randrange(-(2**63), 2**63)) for _ in range(4)]
        keys.append(mine)
    return slots, keys


def _expected(slots: list[int], keys: list[list[tuple[int, int]]]) -> dict[int, tuple]:
    held: dict[int, list[int]] = defaultdict(list)
    rule: dict[int, int] = {}
    for slot, mine in zip(slots, keys, strict=True):
        for r, k in mine:
            held[k].append(slot)
            rule[k] = r
    return {k: (len(ds), rule[k], sorted(ds)) for k, ds in held.items() if len(ds) >= 2}


def test_pack_round_trips():
    keys = [(0, -(2**63)), (7, 2**63 - 1), (1, 0)]
    assert unpack(pack(keys)) == keys
    assert pack([]) == b"" and unpack(b"") == []


@pytest.mark.parametrize("parts", [2, 3, 8])
def test_partitions_hold_every_key_once_and_each_key_whole(parts):
    slots, keys = _documents(parts)
    rows = explode(slots, [pack(k) for k in keys])
    assert len(rows) == sum(len(k) for k in keys)
    split = partition(rows, parts)
    assert len(split) == parts
    assert sum(len(p) for p in split) == len(rows)
    owners: dict[int, int] = {}
    for number, part in enumerate(split):
        for k in part[:, 0].tolist():
            assert owners.setdefault(k, number) == number  # a key never in two partitions


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_repeated_keys_are_those_held_twice_or_more(seed):
    slots, keys = _documents(seed)
    blobs = [pack(k) for k in keys]
    # two map tasks (two blocks of documents), three partitions, as the stage runs them
    halves = [explode(slots[:150], blobs[:150]), explode(slots[150:], blobs[150:])]
    maps = [partition(h, 3) for h in halves]
    found: dict[int, tuple] = {}
    for p in range(3):
        table = reduce_parts(*(m[p] for m in maps)).to_pydict()
        assert table["k"] == sorted(table["k"])  # each partition sorted by key
        for k, n, r, ds in zip(table["k"], table["n"], table["r"], table["ds"], strict=True):
            assert k not in found
            found[k] = (n, r, list(ds))
    expected = _expected(slots, keys)
    assert any(len(set(ds)) < n for n, _, ds in expected.values())  # a key twice in a document
    assert found == expected


def test_no_keys_no_rows():
    empty = repeated(np.empty((0, 3), dtype=np.int64))
    assert len(empty["k"]) == 0 and list(empty["offsets"]) == [0]
    table = reduce_parts(np.empty((0, 3), dtype=np.int64))
    assert table.num_rows == 0 and table.column_names == ["k", "n", "r", "ds"]
