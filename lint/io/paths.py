"""Resolving many paths in one folder cheaply.

``Path.resolve()`` walks every component of a path with a system call each, so resolving every
file of a 2,000-article corpus (discovery, ``exclude`` and ``originals`` globs, the linted files
skipped from the context) cost more than linting the one staged file of a pre-commit hook. A
file's resolved path is its folder's resolved path joined with its name unless the file itself is
a symbolic link, so :func:`resolved` resolves each folder once and checks only that the last
component is not a link (one ``lstat``). The folder memo lives for one run (:func:`forget`).
"""

from __future__ import annotations

import os
from pathlib import Path

_folders: dict[str, Path] = {}

#: folders remembered before the memo is emptied (bounds memory in a long-lived server)
_LIMIT = 65_536


def forget() -> None:
    """Empty the folder memo (a run starts: links may have changed since the last)."""
    _folders.clear()


def resolved_folder(folder: Path) -> Path:
    """``folder.resolve()``, memoised for the run."""
    key = os.path.abspath(folder)  # the working folder may change between runs
    found = _folders.get(key)
    if found is None:
        if len(_folders) >= _LIMIT:
            _folders.clear()
        found = _folders[key] = folder.resolve()
    return found


def resolved(path: Path) -> Path:
    """``path.resolve()``: the same path (it raises what ``resolve`` raises), with the folder's
    part memoised."""
    name = path.name
    if name in ("", ".", "..") or os.path.islink(path):
        return path.resolve()
    return resolved_folder(path.parent) / name
