"""Expand command-line paths into the files to lint, honouring ``exclude`` globs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from lint.errors import InputError
from lint.io.readers import SUFFIXES

Excluded = Callable[[Path], bool]


def _walk(directory: Path, excluded: Excluded) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        base = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(base / d))
        for name in sorted(files):
            path = base / name
            if path.suffix in SUFFIXES and not excluded(path):
                yield path


def expand(paths: list[str], excluded: Excluded) -> Iterator[Path | InputError]:
    """Files under ``paths`` in a stable order; a missing path yields an InputError."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: Iterator[Path] = _walk(path, excluded)
        elif path.is_file():
            found = iter(() if excluded(path) else (path,))
        else:
            yield InputError(f"{raw}: no such file or directory")
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                yield file
