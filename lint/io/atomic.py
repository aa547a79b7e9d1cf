"""The one way newslint writes a file: atomically, so a failure never leaves half a file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

DEFAULT_MODE = 0o644


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Replace ``path`` with ``data`` (``str`` is written as UTF-8, newlines untranslated).

    The data goes to a temporary file in the same folder, which is flushed, synced and renamed
    over ``path``; the temporary file is removed on any failure, so the target is either the old
    file or the new one, and nothing else is left behind. The target keeps its permission bits if
    it exists, else gets 0o644. Raises :class:`OSError`.
    """
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = DEFAULT_MODE
    folder = target.parent
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".newslint-tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where directories can be synced (not on Windows)."""
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
