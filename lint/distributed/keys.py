"""Corpus keys: what the Ray job groups documents by before it runs a corpus rule.

A corpus rule's findings on a document depend only on the documents that share a *key* with it:

- ``duplicates`` with ``match: exact``: the hash of each block's normalised words (the rule's own
  key, blocks under ``min_words`` skipped as the rule skips them);
- ``match: article``: the hash of the whole selected text's words;
- ``match: near``: MinHash-LSH band keys of each block's word shingles (the rule's shingles), 100
  permutations as 20 bands x 5 rows, so a pair at Jaccard 0.8 shares a band with probability
  1 - (1 - 0.8**5)**20 = 0.9996; exact copies share every band;
- any other corpus kind (a plugin): one key for every document, so the rule sees the whole corpus.

Documents linked through keys form connected components (union-find); each component is checked
by the rule itself, on whole documents in corpus order, so the first copy, the best near match and
every message are the rule's own. Keys are 64-bit integers (the first 8 bytes of BLAKE2b).

MinHash: rensa (Rust, deterministic across processes for a fixed seed; ~12 us per paragraph
against ~700 us for datasketch's pure-Python ``MinHash``); the band split is ours, not a
``MinHashLSH(threshold=...)`` default, which would pick fewer bands and lose recall.
"""

from __future__ import annotations

import hashlib
import struct
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from lint.core.document import Document
from lint.engine.rules import Rule
from lint.kinds.base import Scope
from lint.kinds.duplicates import _shingles  # the rule's shingles, not a second definition
from lint.text.normalize import words

BANDS, ROWS = 20, 5
PERMUTATIONS = BANDS * ROWS
SEED = 1729
_ALL = "*"


def digest64(text: str | bytes) -> int:
    """A signed 64-bit key (fits an Arrow int64 column)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    value: int = struct.unpack("<q", hashlib.blake2b(data, digest_size=8).digest())[0]
    return value


def slot_id(name: str, line: int) -> int:
    """A document source's id: its path and JSONL line (0 for a whole file)."""
    return digest64(f"{name}\x00{line}")


def signature(shingles: Iterable[str]) -> list[int]:
    """The MinHash signature (``PERMUTATIONS`` values) of a shingle set."""
    from rensa import RMinHash

    minhash = RMinHash(num_perm=PERMUTATIONS, seed=SEED)
    minhash.update(sorted(shingles))
    digest: list[int] = minhash.digest()
    return digest


def bands(shingles: Iterable[str]) -> list[bytes]:
    """The LSH band keys of a shingle set: band index and its ``ROWS`` signature values."""
    values = signature(shingles)
    return [
        struct.pack(f"<H{ROWS}I", band, *values[band * ROWS : (band + 1) * ROWS])
        for band in range(BANDS)
    ]


def _block_tokens(rule: Rule, document: Document) -> Iterator[list[str]]:
    for block in document.blocks_of(rule.scope):
        tokens = words(block.text)
        if len(tokens) >= rule.options.min_words:
            yield tokens


def rule_keys(rule: Rule, document: Document) -> Iterator[bytes]:
    """The keys of ``document`` for corpus rule ``rule`` (without the rule id)."""
    if rule.kind != "duplicates":
        yield _ALL.encode()
        return
    options = rule.options
    if options.match == "article":
        tokens = [w for b in document.blocks_of(rule.scope) for w in words(b.text)]
        if len(tokens) >= options.min_words:
            yield b"a" + " ".join(tokens).encode("utf-8")
        return
    for tokens in _block_tokens(rule, document):
        if options.match == "exact":
            yield b"e" + " ".join(tokens).encode("utf-8")
        else:
            # the rule's shingles are integer hashes; MinHash signs their decimal strings
            yield from bands(str(s) for s in _shingles(tokens, options.shingle_size))


def corpus_keys(rules: Sequence[Rule], document: Document) -> list[tuple[int, int]]:
    """``(rule index, key)`` for every key of ``document`` for the corpus rules among
    ``rules`` (the key hashes the rule id too, so rules never share a key)."""
    keys: list[tuple[int, int]] = []
    for index, rule in enumerate(rules):
        if rule.level is Scope.CORPUS:
            prefix = rule.id.encode() + b"\x00"
            keys.extend((index, digest64(prefix + key)) for key in rule_keys(rule, document))
    return keys


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
