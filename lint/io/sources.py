"""Raw inputs before parsing: a Source is the bytes that become at most one document.

A ``.txt`` or ``.md`` file is one source; a ``.jsonl`` file is one source per non-blank line, a
``.parquet`` file one per row (the row as a JSON object, numbered like a line); a file
that cannot be read is one source with the ``problem`` (it parses to :class:`Unreadable`).
Sources are cheap to read and hash, so a cached run can skip decoding and segmentation, and they
pickle small, so worker processes receive bytes and do the parsing themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lint.io.files import (
    OUTSIDE_LINK,
    Result,
    Unreadable,
    cannot_read,
    display_name,
    is_outside_link,
    read_regular,
)
from lint.io.readers import read_file_bytes
from lint.io.records import JsonlFields, ParquetError, parquet_rows, read_jsonl_line


@dataclass(frozen=True)
class Source:
    """The bytes of one document: a whole file (``line`` 0), or one JSONL line or Parquet row
    (1-based; a row's bytes are its JSON object)."""

    name: str  # the path as reported in findings
    line: int
    data: bytes
    problem: str | None = None  # why the file could not be read (then ``data`` is empty)

    @property
    def slot(self) -> str:
        """Where this source sits: ``path`` or ``path:line``; stable across edits."""
        return f"{self.name}:{self.line}" if self.line else self.name

    def parse(self, fields: JsonlFields) -> Result:
        if self.problem is not None:
            return Unreadable(self.name, self.problem)
        if self.line:
            return read_jsonl_line(self.name, self.line, self.data, fields)
        return read_file_bytes(self.name, self.data)


def read_sources(path: Path) -> Iterator[Source]:
    """The sources of one file (one with the problem if it cannot be read or is not a regular
    file: a FIFO, a device or a socket is never read)."""
    name = display_name(path)
    if is_outside_link(path):
        yield Source(name, 0, b"", OUTSIDE_LINK)
        return
    try:
        data = read_regular(path)
    except OSError as err:
        yield Source(name, 0, b"", cannot_read(err))
        return
    yield from split_sources(name, data)


def split_sources(name: str, data: bytes) -> Iterator[Source]:
    """The sources of the file ``name`` holding ``data`` (its suffix says whether it is JSONL
    or Parquet). A Parquet file that cannot be read ends with one source with the problem."""
    if name.endswith(".parquet"):
        try:
            for number, raw in parquet_rows(data):
                yield Source(name, number, raw)
        except ParquetError as err:
            yield Source(name, 0, b"", err.reason)
        return
    if not name.endswith(".jsonl"):
        yield Source(name, 0, data)
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):  # as iterating the file splits
        if raw.strip():
            yield Source(name, number, raw)
