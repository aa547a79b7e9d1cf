"""The corpus index's file format (:mod:`lint.io.index` decides what goes in it).

A signed header, then one pickled blob per file. The header starts with an HMAC-SHA256 of
itself keyed by the user's cache key and its length; it holds, column by column, each file's
name, size, modification time, content digest, blob offset and the BLAKE2b digest of its blob,
what could not be read, and the corpus rules' tokens with their inverted list. Nothing is
unpickled before its check passes: a header that fails its MAC or has the wrong shape reads as
no table, a blob that fails its digest raises :class:`Corrupt`.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
from array import array
from dataclasses import dataclass, field
from typing import Any

from lint.core.document import Document
from lint.io.files import Unreadable
from lint.io.signing import secret_key

FORMAT = 3  # 3: header and blobs, tokens (formats 1 and 2 are not even looked at)
CHECK = 32  # bytes of the HMAC-SHA256 before the header
LENGTH = 8  # bytes of the header's length
BLOB_CHECK = 16  # bytes of a blob's BLAKE2b digest

Results = list[Document | Unreadable]


class Corrupt(Exception):
    """A blob does not match the digest its signed header gives."""


def content_digest(data: bytes) -> bytes:
    import xxhash

    return bytes(xxhash.xxh3_128_digest(data))


def blob_check(blob: bytes) -> bytes:
    return hashlib.blake2b(blob, digest_size=BLOB_CHECK).digest()


def mac(payload: bytes) -> bytes:
    return hmac.new(secret_key(), payload, hashlib.sha256).digest()


def pread(fd: int, length: int, offset: int) -> bytes:
    """``length`` bytes at ``offset`` of an open file (``os.pread`` where there is one)."""
    if hasattr(os, "pread"):
        return os.pread(fd, length, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, length)


@dataclass
class Table:
    """A loaded index file's header, column by column, and the file it was read from."""

    names: list[str] = field(default_factory=list)
    sizes: array[int] = field(default_factory=lambda: array("q"))
    mtimes: array[int] = field(default_factory=lambda: array("q"))
    digests: bytes = b""
    blobs: array[int] = field(default_factory=lambda: array("q", [0]))  # offsets, n + 1
    checks: bytes = b""
    token_starts: array[int] = field(default_factory=lambda: array("q", [0]))  # n + 1
    tokens: array[int] = field(default_factory=lambda: array("Q"))
    declares: frozenset[int] = frozenset()
    paths: dict[int, tuple[str, ...]] = field(default_factory=dict)  # when not just the name
    unread: dict[int, list[Unreadable]] = field(default_factory=dict)
    signature: str | None = None
    rank_tokens: array[int] = field(default_factory=lambda: array("Q"))
    rank_counts: array[int] = field(default_factory=lambda: array("q"))
    post_tokens: array[int] = field(default_factory=lambda: array("Q"))
    post_owners: array[int] = field(default_factory=lambda: array("q"))
    fd: int | None = None
    base: int = 0  # where the blobs start in the file

    def digest(self, i: int) -> bytes:
        return self.digests[16 * i : 16 * i + 16]

    def entry_tokens(self, i: int) -> array[int]:
        return self.tokens[self.token_starts[i] : self.token_starts[i + 1]]

    def raw_blob(self, i: int) -> bytes:
        start, end = self.blobs[i], self.blobs[i + 1]
        if end == start:
            return b""
        if self.fd is None:
            raise Corrupt
        blob = pread(self.fd, end - start, self.base + start)
        if len(blob) != end - start or blob_check(blob) != self.checks[16 * i : 16 * i + 16]:
            raise Corrupt
        return blob

    def results(self, i: int) -> Results:
        """The documents of entry ``i``, then what of it could not be read."""
        blob = self.raw_blob(i)
        documents: list[Document] = []
        if blob:
            try:
                loaded = pickle.loads(blob)
            except Exception:
                raise Corrupt from None
            if not (isinstance(loaded, list) and all(isinstance(d, Document) for d in loaded)):
                raise Corrupt
            documents = loaded
        return [*documents, *self.unread.get(i, [])]  # callers keep the two apart

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def read_table(raw_header: bytes, fd: int, base: int) -> Table | None:
    try:
        header: Any = pickle.loads(raw_header)
    except Exception:
        return None
    if not (isinstance(header, dict) and header.get("format") == FORMAT):
        return None
    try:
        table = Table(
            names=header["names"],
            sizes=array("q", header["sizes"]),
            mtimes=array("q", header["mtimes"]),
            digests=header["digests"],
            blobs=array("q", header["blobs"]),
            checks=header["checks"],
            token_starts=array("q", header["token_starts"]),
            tokens=array("Q", header["tokens"]),
            declares=frozenset(header["declares"]),
            paths=header["paths"],
            unread=header["unread"],
            signature=header["signature"],
            rank_tokens=array("Q", header["rank_tokens"]),
            rank_counts=array("q", header["rank_counts"]),
            post_tokens=array("Q", header["post_tokens"]),
            post_owners=array("q", header["post_owners"]),
            fd=fd,
            base=base,
        )
    except (KeyError, TypeError, ValueError):
        return None
    n = len(table.names)
    shaped = (
        isinstance(table.names, list)
        and len(table.sizes) == len(table.mtimes) == n
        and len(table.digests) == 16 * n == len(table.checks)
        and len(table.blobs) == len(table.token_starts) == n + 1
        and len(table.post_tokens) == len(table.post_owners)
        and len(table.rank_tokens) == len(table.rank_counts)
        and isinstance(table.paths, dict)
        and isinstance(table.unread, dict)
        and (table.signature is None or isinstance(table.signature, str))
    )
    return table if shaped else None


def postings(tokens: array[int], starts: array[int]) -> tuple[array[int], array[int]]:
    """The inverted list: every (token, entry) pair sorted by token, as two arrays."""
    owners = array("q")
    for entry in range(len(starts) - 1):
        owners.extend([entry] * (starts[entry + 1] - starts[entry]))
    order = sorted(range(len(tokens)), key=tokens.__getitem__)
    return array("Q", (tokens[i] for i in order)), array("q", (owners[i] for i in order))
