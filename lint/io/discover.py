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


class LinkOutside(type(Path())):  # type: ignore[misc]
    """A symbolic link whose target lies outside the folder being linted: never followed (its
    reader reports it as ``unreadable-file``), so a committed ``leak.txt -> /etc/passwd`` is not
    read, quoted in findings or shown in the report."""


def _inside(path: Path, roots: Iterable[Path]) -> bool:
    """Whether ``path``, a symbolic link, points (through every link) at a file in ``roots``."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return True  # dangling or a loop: reading it fails with a message of its own
    return any(target.is_relative_to(root) for root in roots)


def _checked(path: Path, roots: Iterable[Path]) -> Path:
    if path.is_symlink() and not _inside(path, roots):
        marked: Path = LinkOutside(path)
        return marked
    return path


def _walk(directory: Path, excluded: Excluded) -> Iterator[Path]:
    roots = (directory.resolve(),)
    for root, dirs, files in os.walk(directory):
        base = Path(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(base / d))
        for name in sorted(files):
            path = base / name
            if path.suffix in SUFFIXES and not excluded(path):
                yield _checked(path, roots)


def _key(path: Path) -> Path:
    """What identifies a file (two paths to one file are linted once)."""
    if isinstance(path, LinkOutside):
        return Path(os.path.abspath(path))
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return path.absolute()


def expand(paths: list[str], excluded: Excluded) -> Iterator[Path | InputError]:
    """Files under ``paths`` in a stable order; a missing path yields an InputError. A symbolic
    link to a file outside the folder it was found in (for a path given by name: outside the
    working folder and the link's own folder) comes as a :class:`LinkOutside`."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: Iterator[Path] = _walk(path, excluded)
        elif path.exists() or path.is_symlink():  # a file, a link, a FIFO (reported unreadable)
            roots = (Path.cwd().resolve(), path.parent.resolve())
            found = iter(() if excluded(path) else (_checked(path, roots),))
        else:
            yield InputError(f"{raw}: no such file or directory")
            continue
        for file in found:
            key = _key(file)
            if key not in seen:
                seen.add(key)
                yield file
