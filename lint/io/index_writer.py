"""The corpus index's file written (:class:`Writer`), in the format :mod:`lint.io.index_file`
reads: the signed header, the token section (each file's tokens, their inverted list from
:func:`postings`, the frozen token order), then the blobs."""

from __future__ import annotations

import pickle
from array import array
from dataclasses import dataclass, field

from lint.io.files import Unreadable
from lint.io.index_file import FORMAT, LENGTH, mac
from lint.io.index_section import CHUNK, SECTION, blob_check


def postings(tokens: array[int], starts: array[int]) -> tuple[array[int], array[int]]:
    """The inverted list: every (token, entry) pair sorted by token, as two arrays."""
    owners = array("q")
    for entry in range(len(starts) - 1):
        owners.extend([entry] * (starts[entry + 1] - starts[entry]))
    order = sorted(range(len(tokens)), key=tokens.__getitem__)
    return array("Q", (tokens[i] for i in order)), array("q", (owners[i] for i in order))


@dataclass
class Writer:
    """An index file being written: the header's columns, entry by entry, then the blobs."""

    names: list[str] = field(default_factory=list)
    sizes: array[int] = field(default_factory=lambda: array("q"))
    mtimes: array[int] = field(default_factory=lambda: array("q"))
    digests: list[bytes] = field(default_factory=list)
    blobs: list[bytes] = field(default_factory=list)
    offsets: array[int] = field(default_factory=lambda: array("q", [0]))
    checks: list[bytes] = field(default_factory=list)
    token_starts: array[int] = field(default_factory=lambda: array("q", [0]))
    tokens: array[int] = field(default_factory=lambda: array("Q"))
    declares: list[int] = field(default_factory=list)
    paths: dict[int, tuple[str, ...]] = field(default_factory=dict)
    unread: dict[int, list[Unreadable]] = field(default_factory=dict)

    def add(
        self,
        name: str,
        stat: tuple[int, int, bytes],
        blob: bytes,
        check: bytes,
        *,
        tokens: array[int] | None,
        declared: bool,
        where: tuple[str, ...] | None,
        problems: list[Unreadable],
    ) -> None:
        """A file's entry: its (size, modification time, content digest), its blob and the blob's
        check, its tokens (when selecting), whether a document of it names a source, its
        documents' paths (None: just its name) and what of it could not be read."""
        n = len(self.names)
        self.names.append(name)
        self.sizes.append(stat[0])
        self.mtimes.append(stat[1])
        self.digests.append(stat[2])
        self.blobs.append(blob)
        self.offsets.append(self.offsets[-1] + len(blob))
        self.checks.append(check)
        if tokens is not None:
            self.tokens.extend(tokens)
        self.token_starts.append(len(self.tokens))
        if declared:
            self.declares.append(n)
        if where is not None:
            self.paths[n] = where
        if problems:
            self.unread[n] = list(problems)

    def encode(
        self, signature: str | None, rank_tokens: array[int], rank_counts: array[int]
    ) -> bytes:
        """The file: the signed header, the token section (with the inverted list of the
        tokens), then the blobs."""
        post_tokens, post_owners = postings(self.tokens, self.token_starts)
        arrays = {
            "token_starts": self.token_starts,
            "tokens": self.tokens,
            "rank_tokens": rank_tokens,
            "rank_counts": rank_counts,
            "post_tokens": post_tokens,
            "post_owners": post_owners,
        }
        section: list[bytes] = []
        described: dict[str, tuple[int, int, bytes, bytes]] = {}
        offset = 0
        for name, (typecode, is_sorted) in SECTION.items():
            values = arrays[name]
            assert values.typecode == typecode
            data = values.tobytes()
            step = CHUNK * values.itemsize
            checks = b"".join(blob_check(data[at : at + step]) for at in range(0, len(data), step))
            fence = values[::CHUNK].tobytes() if is_sorted else b""
            described[name] = (len(values), offset, checks, fence)
            section.append(data)
            offset += len(data)
        header = {
            "format": FORMAT,
            "names": self.names,
            "sizes": self.sizes.tobytes(),
            "mtimes": self.mtimes.tobytes(),
            "digests": b"".join(self.digests),
            "blobs": self.offsets.tobytes(),
            "checks": b"".join(self.checks),
            "declares": self.declares,
            "paths": self.paths,
            "unread": self.unread,
            "signature": signature,
            "sections": described,
            "section_length": offset,
        }
        raw = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
        head = mac(raw) + len(raw).to_bytes(LENGTH, "little")
        return b"".join([head, raw, *section, *self.blobs])
