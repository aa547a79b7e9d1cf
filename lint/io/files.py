"""Reading a file safely: its bytes without ever blocking on a FIFO or a device, decoded as UTF-8
text, its name made printable, and :class:`Unreadable` for why a file or a record could not
become a document.

The readers (lint.io.readers for .txt and .md, lint.io.records for JSONL and Parquet), the cache
and the baseline read through :func:`open_regular`.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from lint.core.document import Document
from lint.core.terminal import escape_controls
from lint.errors import InputError


@dataclass(frozen=True)
class Unreadable:
    """Why a file, or one record of a JSONL file, could not be read into a document, and where
    (1-based line and column; a whole file's problem is at 1:1, a record's at its line)."""

    path: str
    reason: str  # what went wrong and what to do, one line, for the finding's message
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.reason}"


Result = Document | Unreadable


class DecodeError(InputError):
    """Bytes that are not UTF-8 text; ``reason`` says why without the path."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.reason = reason


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped); binary or non-UTF-8 data raises :class:`DecodeError`."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DecodeError(path, "UTF-16 text (it starts with a UTF-16 BOM); save the file as UTF-8")
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise DecodeError(path, f"binary file (a NUL byte at byte {nul:,}), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        reason = f"cannot decode as UTF-8 at byte {err.start:,} ({err.reason})"
        reason += "; save the file as UTF-8"
        raise DecodeError(path, reason) from None
    return text.removeprefix("\ufeff")


class NotRegularFile(OSError):
    """A path that is a FIFO, a device or a socket: never read (a FIFO would block forever)."""


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def open_regular(path: str | os.PathLike[str]) -> int:
    """A read-only descriptor of ``path``, which must be a regular file (symbolic links are
    followed). Opening never blocks: a FIFO is opened non-blocking, seen for what it is and closed.
    Raises :class:`NotRegularFile` or another :class:`OSError`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise NotRegularFile(f"{what}, not a regular file; skipped")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file ``path`` (see :func:`open_regular`)."""
    with os.fdopen(open_regular(path), "rb") as handle:
        return handle.read()


def display_name(path: Path | str) -> str:
    """``path`` as findings show it: ``/``-separated, bytes that are not UTF-8 (a file name from
    another system) as ``\\xNN`` and control characters escaped, so that printing a name can
    neither fail nor move the terminal's cursor."""
    name = path.as_posix() if isinstance(path, Path) else path
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
        name = raw.decode("utf-8", "backslashreplace")
    return escape_controls(name)


OUTSIDE_LINK = "a symbolic link to a file outside the corpus folder; not followed"


def is_outside_link(path: Path) -> bool:
    """Whether discovery marked ``path`` as a link out of the corpus (see lint.io.discover)."""
    return type(path).__name__ == "LinkOutside"


def cannot_read(err: OSError) -> str:
    if isinstance(err, NotRegularFile):
        return str(err)
    return f"cannot read the file ({err.strerror or err})"
