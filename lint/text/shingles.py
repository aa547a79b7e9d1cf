"""Shingles of a block's words and the prefix filter of the similarity join (the
``duplicates`` kind's near mode and its corpus index share them)."""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Collection, Iterator, Sequence
from itertools import islice, repeat
from operator import and_, getitem

from xxhash import xxh3_64_intdigest as _digest

_SPACE = b" "


def prefix_length(n: int, threshold: float) -> int:
    """How many of a set's ``n`` shingles, in any one fixed order, the prefix filter keeps: two
    sets with Jaccard similarity at least ``threshold`` share one among their first
    ``n - ceil(threshold * n) + 1``."""
    return n - math.ceil(threshold * n) + 1


def shingles(data: bytes, size: int) -> frozenset[int]:
    """The block's word ``size``-grams, each as a 64-bit xxhash (xxh3) of its words joined by
    spaces, from ``data``, its words so joined and encoded (``lint.kinds.duplicates._words``)."""
    return frozenset(_hashes(data, size))


def packed(data: bytes, size: int) -> array[int]:
    """:func:`shingles` as the kind keeps them: sorted, packed 64-bit (the set made and sorted
    in one go, not a frozenset made first). Sorted is what :func:`frequency`'s prefix reads."""
    return array("Q", sorted(set(_hashes(data, size))))


def _hashes(data: bytes, size: int) -> Iterator[int]:
    """Each window's hash (repeats included), made and hashed in C: no Python loop."""
    # each word's bytes: a word holds no space, and UTF-8 encodes a join as the join of the
    # encodings, with no byte of a multi-byte character a space (no words: one empty item)
    encoded = data.split(b" ")
    n = len(encoded)
    if n <= size:
        return iter((_digest(data),))
    if size == 1:  # a one-word window's join is the word itself
        return map(_digest, encoded)
    if size == 2:  # the pairs without the general case's slices
        return map(_digest, map(_SPACE.join, zip(encoded, islice(encoded, 1, None), strict=False)))
    windows = zip(*(encoded[i : n - size + 1 + i] for i in range(size)), strict=True)
    return map(_digest, map(_SPACE.join, windows))


def frequency(
    sets: Sequence[array[int] | frozenset[int]], threshold: float
) -> Callable[[Collection[int]], list[int]]:
    """A fixed estimate of each shingle's corpus frequency: counts of the shingles' low bits in
    one packed table of at least as many slots as there are shingles (4 bytes a slot; a Counter
    of every shingle took some 70 bytes each, the corpus stage's peak). Collisions raise a rare
    shingle's count a little; the order stays one fixed order for every block, which is all the
    prefix filter's exactness needs (rare first only keeps the candidate lists short).

    Returns the prefix filter's prefix in that order: a block's first ``n - ceil(t * n) + 1``
    shingles by ``(count, shingle)``. They are sorted by value (a packed array, see
    :func:`packed`, is already), their counts looked up with ``map``, and positions sorted by
    count (a stable sort: equal counts stay in value order), all with built-ins in C: a Python
    key function per shingle was most of the join's time."""
    total = sum(len(s) for s in sets)
    mask = (1 << max(10, total.bit_length())) - 1
    counts = array("I", bytes(4 * (mask + 1)))
    for shingles in sets:
        for s in shingles:
            counts[s & mask] += 1

    def prefix(shingles: Collection[int]) -> list[int]:
        # an array is a block's packed shingles, sorted already (``packed``); ``operator``'s
        # functions over ``repeat``: a bound ``__and__`` or ``__getitem__`` is a slot wrapper,
        # some three times as many instructions a call
        values = shingles.tolist() if isinstance(shingles, array) else sorted(shingles)
        n = len(values)
        frequencies: list[int] = list(map(getitem, repeat(counts), map(and_, values, repeat(mask))))
        order = sorted(range(n), key=frequencies.__getitem__)
        return list(map(values.__getitem__, order[: prefix_length(n, threshold)]))

    return prefix
