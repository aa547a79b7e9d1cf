"""Expand command-line paths into the files to lint, honouring ``exclude`` globs and the
``.gitignore`` and ``.newslintignore`` files of the folders walked.

Every glob in newslint (``exclude``, ``originals``, ``per-file-ignores``) follows .gitignore rules,
matched by :func:`matches` with pathspec. Ignore files apply to what a folder walk finds, as git
reads them: each file's patterns are relative to its folder, a deeper file overrides a shallower
one (``!`` re-includes), and the ignore files of the folders above a named folder count up to the
repository root (the nearest folder holding ``.git``). A file named on the command line is linted
even if an ignore file lists it, as with ruff.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from lint.errors import InputError
from lint.io.paths import resolved
from lint.io.readers import SUFFIXES

if TYPE_CHECKING:  # pathspec is imported when there are patterns to match
    from pathspec import GitIgnoreSpec

Excluded = Callable[[Path], bool]


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

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


IGNORE_FILES = (".gitignore", ".newslintignore")


@dataclass(frozen=True)
class Ignores:
    """The ignore files that apply in one folder: (folder, patterns), outermost first."""

    specs: tuple[tuple[str, GitIgnoreSpec], ...] = ()

    def entering(self, directory: str) -> Ignores:
        """These ignores plus those of ``directory`` (an absolute path)."""
        lines: list[str] = []
        for name in IGNORE_FILES:
            try:
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    lines += handle.read().splitlines()
            except (OSError, UnicodeDecodeError):
                continue
        if not lines:
            return self
        from pathspec import GitIgnoreSpec

        return Ignores((*self.specs, (directory, GitIgnoreSpec.from_lines(lines))))

    def ignored(self, path: str, is_dir: bool) -> bool:
        """Whether ``path`` (absolute) is ignored: the deepest file with a verdict decides."""
        verdict = False
        for base, spec in self.specs:
            rel = os.path.relpath(path, base).replace(os.sep, "/") + ("/" if is_dir else "")
            include = spec.check_file(rel).include
            if include is not None:
                verdict = include
        return verdict

    @classmethod
    def above(cls, directory: Path) -> Ignores:
        """The ignore files of the folders above ``directory`` up to its repository root (none
        outside a git repository)."""
        start = Path(os.path.abspath(directory))
        chain = []
        for folder in start.parents:
            chain.append(folder)
            if (folder / ".git").exists():
                break
        else:
            return cls()
        ignores = cls()
        for folder in reversed(chain):
            ignores = ignores.entering(str(folder))
        return ignores


def _walk(directory: Path, excluded: Excluded) -> Iterator[Path]:
    roots = (directory.resolve(),)
    ignores = {os.path.abspath(directory): Ignores.above(directory)}
    for root, dirs, files in os.walk(directory):
        base = Path(root)
        here = ignores[os.path.abspath(root)].entering(os.path.abspath(root))
        kept = []
        for name in sorted(dirs):
            full = os.path.abspath(os.path.join(root, name))
            if name.startswith(".") or here.ignored(full, True) or excluded(base / name):
                continue
            ignores[full] = here
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            path = base / name
            if path.suffix not in SUFFIXES:
                continue
            if not here.ignored(os.path.abspath(path), False) and not excluded(path):
                yield _checked(path, roots)


def _key(path: Path) -> Path:
    """What identifies a file (two paths to one file are linted once)."""
    if isinstance(path, LinkOutside):
        return Path(os.path.abspath(path))
    try:
        return resolved(path)
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
