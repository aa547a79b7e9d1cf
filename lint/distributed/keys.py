"""Corpus keys: what the Ray job groups documents by before it runs a corpus rule.

A corpus rule's findings on a document depend only on the documents that share a *key* with it:

- ``duplicates`` with ``match: exact``: each block's key, the rule's own hash of its normalised
  words (blocks under ``min_words`` skipped as the rule skips them);
- ``match: article``: the rule's key of the whole selected text's words;
- ``match: near``: MinHash-LSH band keys of each block's word shingles (the rule's shingles), 100
  permutations as 20 bands x 5 rows, so a pair at Jaccard 0.8 shares a band with probability
  1 - (1 - 0.8**5)**20 = 0.9996; exact copies share every band;
- any other corpus kind (a plugin): one key for every document, so the rule sees the whole corpus.

Documents linked through keys form connected components (union-find); each component is checked
by the rule itself, on whole documents in corpus order, so the first copy, the best near match and
every message are the rule's own. Keys are 64-bit integers: the first 8 bytes of BLAKE2b, and
for LSH bands splitmix64 rounds over the band's values, on numpy arrays (a Python object per
band key was a third of the keys' cost).

MinHash: rensa (Rust, deterministic across processes for a fixed seed; ~12 us per paragraph
against ~700 us for datasketch's pure-Python ``MinHash``); the band split is ours, not a
``MinHashLSH(threshold=...)`` default, which would pick fewer bands and lose recall.
"""

from __future__ import annotations

import hashlib
import struct
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
import numpy.typing as npt

from lint.core.document import Document
from lint.engine.rules import Rule
from lint.kinds.base import Scope
from lint.kinds.duplicates_keys import _article, _signature  # the rule's own values, memoised

BANDS, ROWS = 20, 5
PERMUTATIONS = BANDS * ROWS
SEED = 1729
_ALL = "*"
_LOW64 = (1 << 64) - 1
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]


def digest64(text: str | bytes) -> int:
    """A signed 64-bit key (fits an Arrow int64 column)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    value: int = struct.unpack("<q", hashlib.blake2b(data, digest_size=8).digest())[0]
    return value


def slot_id(name: str, line: int) -> int:
    """A document source's id: its path and JSONL line (0 for a whole file)."""
    return digest64(f"{name}\x00{line}")


def signature(shingles: Iterable[str]) -> list[int]:
    """The MinHash signature (``PERMUTATIONS`` values) of a shingle set (a minimum per
    permutation: the order of the shingles does not matter)."""
    from rensa import RMinHash

    minhash = RMinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update(list(shingles))
    digest: list[int] = minhash.digest()
    return digest


def bands(shingles: Iterable[str]) -> list[bytes]:
    """The LSH bands of a shingle set: band index and its ``ROWS`` signature values (two sets
    share a band key, :func:`band_keys`, when they share one of these)."""
    values = signature(shingles)
    return [
        struct.pack(f"<H{ROWS}I", band, *values[band * ROWS : (band + 1) * ROWS])
        for band in range(BANDS)
    ]


_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)


def _mix(x: U64) -> U64:
    """splitmix64's finaliser, on every value at once (a bijection of 64-bit values)."""
    x = x ^ (x >> np.uint64(30))
    x = x * _M1
    x = x ^ (x >> np.uint64(27))
    x = x * _M2
    return x ^ (x >> np.uint64(31))


def band_keys(signatures: U64, seed: int) -> I64:
    """The LSH keys of ``signatures`` (one row of ``PERMUTATIONS`` values a block), block by
    block and band by band: a band's index and its ``ROWS`` values folded into one 64-bit key
    by splitmix64 rounds from ``seed`` (the rule's), as signed int64. Equal bands give equal
    keys; different ones collide with probability about 2**-64 (a collision only adds a
    candidate, which the rule then rejects)."""
    rows = signatures.reshape(-1, BANDS, ROWS)
    base = np.uint64(seed & _LOW64) ^ np.arange(BANDS, dtype=np.uint64)
    key = _mix(np.broadcast_to(base, rows.shape[:2]))
    for row in range(ROWS):
        key = _mix(key ^ rows[:, :, row])
    keys: I64 = key.reshape(-1).view(np.int64)
    return keys


def rule_keys(rule: Rule, document: Document) -> Iterator[bytes]:
    """The keys of ``document`` for corpus rule ``rule`` (without the rule id) but near
    duplicates' (:func:`near_signatures`), made from the values the rule itself compares: each
    block's word count and key (``duplicates._signature``, or ``_article`` for whole articles),
    which the run's ``prepare`` already put in the document's memo: nothing is tokenised
    twice."""
    if rule.kind != "duplicates":
        yield _ALL.encode()
        return
    options = rule.options
    blocks = document.blocks_of(rule.scope)
    if options.match == "article":
        for count, key in _article(document, blocks):
            if count >= options.min_words:
                yield b"a" + key.to_bytes(16, "little")
        return
    for block in blocks:
        count, key, _ = _signature(document, block, None)
        if count >= options.min_words:
            yield b"e" + key.to_bytes(16, "little")


def near_signatures(rule: Rule, document: Document) -> U64:
    """The MinHash signatures of the blocks a near-duplicate rule compares, one row a block,
    over the rule's own shingles (from the document's memo); MinHash signs their decimal
    strings."""
    options = rule.options
    found = []
    for block in document.blocks_of(rule.scope):
        count, _, shingles = _signature(document, block, options.shingle_size)
        if count >= options.min_words and shingles is not None:
            found.append(signature(str(s) for s in shingles))
    return np.asarray(found, dtype=np.uint64).reshape(-1, PERMUTATIONS)


def _near(rule: Rule) -> bool:
    return rule.kind == "duplicates" and rule.options.match == "near"


def corpus_keys(rules: Sequence[Rule], document: Document) -> I64:
    """``(rule index, key)`` rows (int64) for every key of ``document`` for the corpus rules
    among ``rules`` (the key hashes the rule id too, so rules never share a key)."""
    parts = []
    for index, rule in enumerate(rules):
        if rule.level is not Scope.CORPUS:
            continue
        prefix = rule.id.encode() + b"\x00"
        if _near(rule):
            keys = band_keys(near_signatures(rule, document), digest64(prefix + b"n"))
        else:
            keys = np.array([digest64(prefix + k) for k in rule_keys(rule, document)], np.int64)
        parts.append(np.column_stack((np.full(len(keys), index, dtype=np.int64), keys)))
    return np.concatenate(parts) if parts else np.empty((0, 2), dtype=np.int64)


class UnionFind:
    """Connected components over integer ids."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        parent = self.parent.setdefault(item, item)
        while parent != item:
            grand = self.parent[parent]
            self.parent[item] = grand
            item, parent = parent, grand
        return item

    def union(self, members: Sequence[int]) -> None:
        root = self.find(members[0])
        for other in members[1:]:
            found = self.find(other)
            if found != root:
                self.parent[found] = root

    def components(self) -> list[list[int]]:
        groups: dict[int, list[int]] = defaultdict(list)
        for item in self.parent:
            groups[self.find(item)].append(item)
        return [sorted(g) for g in groups.values()]
