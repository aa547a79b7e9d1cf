"""Expand command-line paths into the files to lint, honouring ``exclude`` globs.

Every glob in newslint (``exclude``, ``originals``, ``per-file-ignores``) follows .gitignore rules,
matched by :func:`matches` with pathspec.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from pathspec import GitIgnoreSpec

from lint.errors import InputError
from lint.io.readers import SUFFIXES

Excluded = Callable[[Path], bool]


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    return GitIgnoreSpec.from_lines(patterns)


def matches(rel: str, patterns: Iterable[str], is_dir: bool = False) -> bool:
    """Whether gitignore-style ``patterns`` match ``rel``, a ``/``-separated path relative to the
    folder the patterns belong to: a name without a slash matches at any depth, a leading ``/``
    anchors, ``**`` spans folders, a trailing ``/`` matches folders only, ``!`` re-includes, and a
    matched folder covers everything under it (``drafts`` excludes ``sub/drafts/a.txt``)."""
    patterns = tuple(patterns)
    if not patterns:
        return False
    if is_dir and not rel.endswith("/"):
        rel += "/"
    return _spec(patterns).match_file(rel)


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
