"""The duplicates kind's shortcuts against the plain computations they replace: the packed
shingles (one sorted array made in one go, windows of one and two words without slices) and
the join's prefix read from that sorted array with ``operator`` functions."""

from __future__ import annotations

import math
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st
from xxhash import xxh3_64_intdigest as digest

from lint.core.document import Document
from lint.kinds import duplicates_keys
from lint.text.segment import segment
from lint.text.shingles import frequency, packed
from lint.text.shingles import shingles as shingle_set

_TOKENS = st.lists(
    st.text(st.characters(blacklist_characters=" "), min_size=1, max_size=6), max_size=30
)


def _plain(tokens: list[str], size: int) -> array[int]:
    """Each window joined, encoded and hashed, as a set, sorted and packed."""
    encoded = [t.encode("utf-8", "surrogatepass") for t in tokens]
    if len(encoded) <= size:
        return array("Q", [digest(b" ".join(encoded))])
    windows = {digest(b" ".join(encoded[i : i + size])) for i in range(len(encoded) - size + 1)}
    return array("Q", sorted(windows))


@settings(max_examples=400, deadline=None)
@given(tokens=_TOKENS, size=st.integers(min_value=1, max_value=5))
def test_packed_shingles_are_the_sorted_hashes_of_each_window(tokens, size) -> None:
    data = " ".join(tokens).encode("utf-8", "surrogatepass")
    assert packed(data, size) == _plain(tokens, size)
    assert frozenset(packed(data, size)) == shingle_set(data, size)


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(st.text(st.sampled_from("ab c.d,e'f\n"), max_size=60), min_size=1),
    size=st.sampled_from([1, 2, 3]),
)
def test_a_blocks_kept_shingles_are_sorted(texts, size) -> None:
    """``_signature`` keeps the packed array sorted: what the prefix reads without sorting."""
    for text in texts:
        document = Document("d.txt", text, segment(text))
        for block in document.blocks:
            kept = duplicates_keys._signature(document, block, size)[2]
            assert kept is not None and list(kept) == sorted(set(kept))


@settings(max_examples=300, deadline=None)
@given(
    sets=st.lists(
        st.frozensets(st.integers(min_value=0, max_value=2**64 - 1) | st.integers(0, 40)),
        min_size=1,
        max_size=12,
    ),
    threshold=st.sampled_from([0.5, 0.8, 0.85, 1.0]),
)
def test_the_prefix_of_a_packed_array_is_the_first_shingles_by_count_then_value(
    sets, threshold
) -> None:
    """The prefix of a sorted packed array (read as it is) and of a set (sorted first): the
    first ``n - ceil(t * n) + 1`` shingles in the order ``(count, shingle)``."""
    arrays = [array("Q", sorted(s)) for s in sets]
    total = sum(len(s) for s in arrays)
    mask = (1 << max(10, total.bit_length())) - 1
    counts = [0] * (mask + 1)
    for shingles in arrays:
        for s in shingles:
            counts[s & mask] += 1
    prefix = frequency(arrays, threshold)
    for shingles, stored in zip(sets, arrays, strict=True):
        ordered = sorted(shingles, key=lambda s: (counts[s & mask], s))
        expected = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        assert prefix(stored) == expected
        assert prefix(shingles) == expected
