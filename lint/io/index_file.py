"""The corpus index's file format, read (:func:`read_index`, :class:`Table`); it is written by
:class:`lint.io.index_writer.Writer`, :mod:`lint.io.index_entries` decides what goes in it, and
:mod:`lint.io.index_section` reads the token section.

A signed header, then the token section, then one pickled blob per file. The header starts with
an HMAC-SHA256 of itself keyed by the user's cache key and its length; it holds, column by
column, each file's name, size, modification time, content digest, blob offset and the BLAKE2b
digest of its blob, what could not be read, and where each array of the token section lies with
the BLAKE2b digest of each of its chunks (:data:`CHUNK` entries) and, for a sorted array, its
fence (the first value of each chunk). The token section holds the corpus rules' tokens (each
file's, and their inverted list) and the frozen token order: ~90% of the bytes a header held
when they were in it, of which a hook needs a few dozen entries. A :class:`Section` reads and
checks a chunk when an entry of it is first asked for (a binary search reads one chunk per
look-up, found through the fence), or the whole array when the index is written again.

Nothing is unpickled or used before its check passes: a header that fails its MAC or has the
wrong shape reads as no table, a blob or a section chunk that fails its digest raises
:class:`Corrupt` (the index is then rebuilt with a warning).
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import os
import pickle
import stat as stat_module
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.core.document import Document
from lint.io.files import Unreadable
from lint.io.index_section import BLOB_CHECK as BLOB_CHECK
from lint.io.index_section import CHUNK as CHUNK
from lint.io.index_section import SECTION as SECTION
from lint.io.index_section import Corrupt as Corrupt
from lint.io.index_section import Section, parse_sections
from lint.io.index_section import blob_check as blob_check
from lint.io.index_section import pread as pread
from lint.io.signing import secret_key

FORMAT = 5  # 5: an article's two keys; 4: token section; 3: header and blobs, tokens (older
# formats are not looked at)
CHECK = 32  # bytes of the HMAC-SHA256 before the header
LENGTH = 8  # bytes of the header's length
Results = list[Document | Unreadable]


def content_digest(data: bytes) -> bytes:
    import xxhash

    return bytes(xxhash.xxh3_128_digest(data))


def mac(payload: bytes) -> bytes:
    return hmac.new(secret_key(), payload, hashlib.sha256).digest()


def _section(values: array[int]) -> Section:
    return Section.of(values)


@dataclass
class Table:
    """A loaded index file's header, column by column, and the file it was read from."""

    names: list[str] = field(default_factory=list)
    sizes: array[int] = field(default_factory=lambda: array("q"))
    mtimes: array[int] = field(default_factory=lambda: array("q"))
    digests: bytes = b""
    blobs: array[int] = field(default_factory=lambda: array("q", [0]))  # offsets, n + 1
    checks: bytes = b""
    token_starts: Section = field(default_factory=lambda: _section(array("q", [0])))  # n + 1
    tokens: Section = field(default_factory=lambda: _section(array("Q")))
    declares: frozenset[int] = frozenset()
    paths: dict[int, tuple[str, ...]] = field(default_factory=dict)  # when not just the name
    unread: dict[int, list[Unreadable]] = field(default_factory=dict)
    signature: str | None = None
    rank_tokens: Section = field(default_factory=lambda: _section(array("Q")))
    rank_counts: Section = field(default_factory=lambda: _section(array("q")))
    post_tokens: Section = field(default_factory=lambda: _section(array("Q")))
    post_owners: Section = field(default_factory=lambda: _section(array("q")))
    fd: int | None = None
    base: int = 0  # where the blobs start in the file

    def __post_init__(self) -> None:
        for name in SECTION:
            getattr(self, name).owner = self

    def digest(self, i: int) -> bytes:
        return self.digests[16 * i : 16 * i + 16]

    def entry_tokens(self, i: int) -> array[int]:
        """Entry ``i``'s tokens. Raises Corrupt (a section chunk fails its check)."""
        return self.tokens.span(self.token_starts[i], self.token_starts[i + 1])

    def rank(self, token: int) -> int:
        """The frozen order's count of ``token`` (0: not in it). Raises Corrupt."""
        keys = self.rank_tokens
        at = keys.bisect_left(token)
        return self.rank_counts[at] if at < len(keys) and keys[at] == token else 0

    def owners(self, tokens: Iterable[int]) -> set[int]:
        """The entries holding one of ``tokens`` (the inverted list). Raises Corrupt."""
        keys, values = self.post_tokens, self.post_owners
        found: set[int] = set()
        for token in tokens:
            at = keys.bisect_left(token)
            while at < len(keys) and keys[at] == token:
                found.add(values[at])
                at += 1
        return found

    def whole_sections(self) -> None:
        """Read (and check) every section array at once, as writing the index needs them.
        Raises Corrupt."""
        for name in SECTION:
            getattr(self, name).whole()

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


def read_index(path: Path) -> Table | None:
    """The table of the index file at ``path``, which stays open for its blobs until the table is
    closed; None when it is not a file this user's newslint wrote (its MAC fails) or its header
    has the wrong shape. Raises OSError (FileNotFoundError: no index yet) when it cannot be
    opened."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    table = None
    try:
        info = os.fstat(fd)
        head = pread(fd, CHECK + LENGTH, 0) if stat_module.S_ISREG(info.st_mode) else b""
        if len(head) == CHECK + LENGTH:
            length = int.from_bytes(head[CHECK:], "little")
            raw = pread(fd, length, CHECK + LENGTH) if length <= info.st_size else b""
            if len(raw) == length and hmac.compare_digest(mac(raw), head[:CHECK]):
                enabled = gc.isenabled()
                gc.disable()  # many small objects: the GC would scan them as they arrive
                try:
                    table = read_table(raw, fd, CHECK + LENGTH + length, info.st_size)
                finally:
                    if enabled:
                        gc.enable()
    except OSError:
        table = None
    if table is None:
        os.close(fd)
    return table


def read_table(raw_header: bytes, fd: int, start: int, size: int) -> Table | None:
    """The table of a header (``start``: where the token section begins, in a file of ``size``
    bytes); None when it has the wrong shape."""
    try:
        header: Any = pickle.loads(raw_header)
    except Exception:
        return None
    if not (isinstance(header, dict) and header.get("format") == FORMAT):
        return None
    try:
        section_length = header["section_length"]
        if not isinstance(section_length, int) or section_length < 0:
            return None
        sections = parse_sections(header["sections"], start, section_length, size)
        if sections is None:
            return None
        table = Table(
            names=header["names"],
            sizes=array("q", header["sizes"]),
            mtimes=array("q", header["mtimes"]),
            digests=header["digests"],
            blobs=array("q", header["blobs"]),
            checks=header["checks"],
            declares=frozenset(header["declares"]),
            paths=header["paths"],
            unread=header["unread"],
            signature=header["signature"],
            fd=fd,
            base=start + section_length,
            **sections,
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
