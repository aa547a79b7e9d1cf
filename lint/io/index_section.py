"""The corpus index's token section: arrays kept after the signed header and read a chunk at a
time (:class:`Section`), each chunk checked against the BLAKE2b digest the header gives before it
is used; :func:`parse_sections` reads the header's description of them. The rest of the file
format is :mod:`lint.io.index_file`'s.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.io.index_file import Table

BLOB_CHECK = 16  # bytes of a blob's BLAKE2b digest
CHUNK = 512  # entries of a section array per checked chunk (4 KiB)
#: the token section's arrays, in the file's order: name -> (typecode, sorted: has a fence)
SECTION = {
    "token_starts": ("q", False),
    "tokens": ("Q", False),
    "rank_tokens": ("Q", True),
    "rank_counts": ("q", False),
    "post_tokens": ("Q", True),
    "post_owners": ("q", False),
}


class Corrupt(Exception):
    """A blob does not match the digest its signed header gives."""


def blob_check(blob: bytes) -> bytes:
    return hashlib.blake2b(blob, digest_size=BLOB_CHECK).digest()


def pread(fd: int, length: int, offset: int) -> bytes:
    """``length`` bytes at ``offset`` of an open file (``os.pread`` where there is one)."""
    if hasattr(os, "pread"):
        return os.pread(fd, length, offset)
    os.lseek(fd, offset, os.SEEK_SET)
    return os.read(fd, length)


class Section:
    """One array of the token section: each chunk of :data:`CHUNK` entries read from the index
    file and checked against its digest (from the signed header) when first needed, or the
    whole array (written this run, or :meth:`whole`)."""

    __slots__ = ("_chunks", "_whole", "checks", "count", "fence", "offset", "owner", "typecode")

    def __init__(
        self,
        typecode: str,
        count: int = 0,
        offset: int = 0,
        checks: bytes = b"",
        fence: array[int] | None = None,
        whole: array[int] | None = None,
    ) -> None:
        self.typecode = typecode
        self.count = len(whole) if whole is not None else count
        self.offset = offset  # in the file
        self.checks = checks  # BLAKE2b digest of each chunk
        self.fence = fence  # first value of each chunk (a sorted array)
        self.owner: Table | None = None  # whose file it is read from
        self._whole = whole
        self._chunks: dict[int, array[int]] = {}

    @classmethod
    def of(cls, values: array[int]) -> Section:
        return cls(values.typecode, whole=values)

    def __len__(self) -> int:
        return self.count

    def _read(self, start: int, end: int) -> array[int]:
        """Entries ``start`` to ``end`` (chunk bounds) from the file, each chunk checked."""
        fd = self.owner.fd if self.owner is not None else None
        if fd is None:
            raise Corrupt
        found = array(self.typecode)
        size = found.itemsize
        raw = pread(fd, (end - start) * size, self.offset + start * size)
        if len(raw) != (end - start) * size:
            raise Corrupt
        step = CHUNK * size
        first = start // CHUNK
        for k, at in enumerate(range(0, len(raw), step)):
            check = self.checks[16 * (first + k) : 16 * (first + k) + 16]
            if blob_check(raw[at : at + step]) != check:
                raise Corrupt
        found.frombytes(raw)
        return found

    def chunk(self, c: int) -> array[int]:
        found = self._chunks.get(c)
        if found is None:
            found = self._chunks[c] = self._read(c * CHUNK, min(self.count, (c + 1) * CHUNK))
        return found

    def __getitem__(self, i: int) -> int:
        if self._whole is not None:
            return self._whole[i]
        if not 0 <= i < self.count:
            raise IndexError(i)
        return self.chunk(i // CHUNK)[i % CHUNK]

    def span(self, start: int, end: int) -> array[int]:
        """Entries ``start`` to ``end`` as an array."""
        if self._whole is not None:
            return self._whole[start:end]
        found = array(self.typecode)
        for c in range(start // CHUNK, (end + CHUNK - 1) // CHUNK):
            chunk = self.chunk(c)
            found.extend(chunk[max(0, start - c * CHUNK) : end - c * CHUNK])
        return found

    def whole(self) -> array[int]:
        """The whole array (read and checked once)."""
        if self._whole is None:
            self._whole = self._read(0, self.count) if self.count else array(self.typecode)
            self._chunks.clear()
        return self._whole

    def bisect_left(self, value: int) -> int:
        """Where ``value`` goes in this sorted array: the fence names the one chunk to read."""
        if self._whole is not None or self.fence is None:
            return bisect_left(self.whole(), value)
        c = bisect_left(self.fence, value)  # fence[c - 1] < value <= fence[c]
        if c == 0:
            return 0
        chunk = self.chunk(c - 1)
        at = bisect_left(chunk, value)
        return (c - 1) * CHUNK + at if at < len(chunk) else c * CHUNK


def parse_sections(described: Any, start: int, length: int, size: int) -> dict[str, Section] | None:
    """The token section's arrays as the header describes them (``start``: where the section
    begins, ``length`` its bytes, in a file of ``size`` bytes); None when the description has
    the wrong shape."""
    if not (isinstance(described, dict) and set(described) == set(SECTION)):
        return None
    sections: dict[str, Section] = {}
    for name, (typecode, is_sorted) in SECTION.items():
        count, offset, checks, fence_bytes = described[name]
        chunks = (count + CHUNK - 1) // CHUNK
        itemsize = array(typecode).itemsize
        fence = None
        if is_sorted:
            fence = array(typecode, fence_bytes)
            if len(fence) != chunks:
                return None
        shaped = (
            isinstance(count, int)
            and isinstance(offset, int)
            and isinstance(checks, bytes)
            and count >= 0
            and offset >= 0
            and offset + count * itemsize <= length
            and start + length <= size
            and len(checks) == 16 * chunks
        )
        if not shaped:
            return None
        sections[name] = Section(typecode, count, start + offset, checks, fence)
    return sections
