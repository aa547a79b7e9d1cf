"""Stage 2 (``candidates``): the corpus keys held twice or more, found with numpy arrays, never a
Python row per key.

Stage 1 writes each document's keys as one packed column (``keys``: little-endian int64 pairs
``(rule index, key)``, :func:`pack`). Each block of documents is one map task: its keys are
exploded into an ``(n, 3)`` int64 array of ``(key, slot, rule)`` and split by key into
``parts`` partitions. Each partition is one reduce task: it sorts its rows by key and slot,
counts each key and keeps only the keys held twice or more (most keys are held once: a
paragraph or a band that no other paragraph has), as rows ``(k, n, r, ds)``, ``ds`` the slots
holding the key (a slot twice when a document holds it twice), sorted. Each partition's rows
are sorted by key, so the stage's rows are the same on every run.

This is a plain hash shuffle of 24 bytes a key (Ray tasks and objects); Ray Data's groupby with
``AsList`` moved and aggregated the same keys as Python rows, and a 20,000-article corpus (2.3 M
keys) did not finish in 23 minutes with one reduce task at 3.8 GB. A task that dies is retried by
Ray (tasks are pure functions of their inputs).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

KEY = np.dtype("<i8")
Rows = npt.NDArray[np.int64]  # (n, 3): key, slot, rule
#: key rows per reduce partition beyond the cluster's default (about 56 MB of int64 triples)
ROWS_PER_PART = 2_500_000


def pack(keys: Sequence[tuple[int, int]] | npt.NDArray[np.int64]) -> bytes:
    """A document's ``(rule index, key)`` pairs as the bytes of stage 1's ``keys`` column."""
    return np.asarray(keys, dtype=KEY).reshape(-1, 2).tobytes()


def unpack(blob: bytes) -> list[tuple[int, int]]:
    """The ``(rule index, key)`` pairs :func:`pack` packed."""
    pairs = np.frombuffer(blob, dtype=KEY).reshape(-1, 2)
    return [(int(r), int(k)) for r, k in pairs]


def explode(slots: Sequence[int], blobs: Sequence[bytes]) -> Rows:
    """The rows ``(key, slot, rule)`` of the documents' packed keys."""
    counts = np.fromiter((len(b) // 16 for b in blobs), dtype=np.int64, count=len(blobs))
    flat = np.frombuffer(b"".join(blobs), dtype=KEY).reshape(-1, 2)
    rows = np.empty((len(flat), 3), dtype=np.int64)
    rows[:, 0] = flat[:, 1]
    rows[:, 1] = np.repeat(np.asarray(slots, dtype=np.int64), counts)
    rows[:, 2] = flat[:, 0]
    return rows


def partition(rows: Rows, parts: int) -> list[Rows]:
    """``rows`` split into ``parts`` by key (keys are uniform hashes: the key modulo ``parts``)."""
    where = (rows[:, 0].view(np.uint64) % np.uint64(parts)).astype(np.int64)
    order = np.argsort(where, kind="stable")
    bounds = np.searchsorted(where[order], np.arange(1, parts))
    return [np.ascontiguousarray(p) for p in np.split(rows[order], bounds)]


def split_block(table: Any, parts: int) -> list[Rows]:
    """Map task: a block of documents (columns ``slot``, ``keys``) as ``parts`` partitions."""
    slots = table.column("slot").to_numpy()
    blobs = table.column("keys").to_pylist()
    return partition(explode(slots, blobs), parts)


def repeated(rows: Rows) -> dict[str, Any]:
    """The keys held twice or more among ``rows``, sorted by key: ``k``, ``n`` (rows holding
    it), ``r`` (its rule) and ``ds`` (the slots holding it, sorted)."""
    rows = rows[np.lexsort((rows[:, 1], rows[:, 0]))]
    keys = rows[:, 0]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    starts = np.flatnonzero(first)
    counts = np.diff(np.append(starts, len(keys)))
    keep = counts >= 2
    kept = rows[np.repeat(keep, counts)]
    offsets = np.concatenate(([0], np.cumsum(counts[keep])))
    return {
        "k": keys[starts[keep]],
        "n": counts[keep],
        "r": rows[starts[keep], 2],
        "offsets": offsets,
        "slots": kept[:, 1],
    }


def reduce_parts(*parts: Rows) -> Any:
    """Reduce task: one partition from every map task, as an Arrow table of repeated keys."""
    import pyarrow as pa

    rows = np.concatenate(parts) if parts else np.empty((0, 3), dtype=np.int64)
    found = repeated(rows)
    ds = pa.ListArray.from_arrays(
        pa.array(found["offsets"], pa.int32()), pa.array(found["slots"], pa.int64())
    )
    return pa.table(
        {
            "k": pa.array(found["k"], pa.int64()),
            "n": pa.array(found["n"], pa.int64()),
            "r": pa.array(found["r"], pa.int64()),
            "ds": ds,
        }
    )


def candidates(documents: Any, parts: int) -> Any:
    """The dataset of keys held twice or more (see the module's docstring) among ``documents``
    (a dataset with ``slot`` and ``keys``), through ``parts`` reduce tasks."""
    import ray
    import ray.data

    parts = max(2, parts)  # a map task returns a list of ``parts`` objects
    blocks = documents.select_columns(["slot", "keys"]).to_arrow_refs()
    split = ray.remote(split_block).options(num_returns=parts)
    maps: list[Any] = [split.remote(block, parts) for block in blocks]
    reduce = ray.remote(reduce_parts)
    tables = [reduce.remote(*(m[p] for m in maps)) for p in range(parts)]
    return ray.data.from_arrow_refs(tables)
