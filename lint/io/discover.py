"""Expand command-line paths into the files to lint, honouring ``exclude`` globs and the
``.gitignore`` and ``.newslintignore`` files of the folders walked.

Every glob in newslint (``exclude``, ``originals``, ``per-file-ignores``) follows .gitignore rules,
matched by :func:`lint.io.globs.matches` with pathspec. Ignore files apply to what a folder walk
finds, as git reads them: each file's patterns are relative to its folder, a deeper file overrides
a shallower one (``!`` re-includes), and the ignore files of the folders above a named folder count
up to the repository root (the nearest folder holding ``.git``). A file named on the command line
is linted even if an ignore file lists it, as with ruff.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from lint.errors import InputError
from lint.io.globs import readable_pattern
from lint.io.paths import resolved, resolved_folder
from lint.io.readers import SUFFIXES

if TYPE_CHECKING:  # pathspec is imported when there are patterns to match
    from pathspec import GitIgnoreSpec


class Excluded(Protocol):
    """Whether a path is excluded; ``is_dir`` when the caller knows (saves a stat)."""

    def __call__(self, path: Path, /, is_dir: bool | None = None) -> bool: ...


class FolderExcluded(Excluded, Protocol):
    """An :class:`Excluded` that can also say a folder's files are never excluded (no globs
    apply to them): a walk then asks nothing per file, which was most of its time on a corpus
    of 20,000 files."""

    def may_exclude_files(self, folder: Path, /) -> bool: ...


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

        try:
            spec = GitIgnoreSpec.from_lines(lines)
        except ValueError:  # a line pathspec cannot read ("!"): git skips such lines too
            spec = GitIgnoreSpec.from_lines([line for line in lines if readable_pattern(line)])
        return Ignores((*self.specs, (directory, spec)))

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


# a walked file, its key when the walk knows it, and the walked folder it is in (None for a link)
_Walked = tuple[Path, str | None, Path | None]


def _walk(directory: Path, excluded: Excluded) -> Iterator[_Walked]:
    """The files under ``directory`` as ``os.walk`` finds them (top-down, names sorted, hidden
    folders and linked folders not entered), each with its key (see :func:`_key`) when the walk
    knows it without a system call: a file that is not a symbolic link is its resolved folder
    joined with its name. ``os.scandir`` tells links and folders apart from the directory
    entries, so a corpus of 20,000 files costs no stat per file here, and keys are strings
    (hashing a ``Path`` costs more than building it). A file that is not a link comes with the
    folder object it was found in (one per folder: a caller can key per-folder facts on it)."""
    roots = (directory.resolve(),)
    yield from _walk_folder(directory, Ignores.above(directory), excluded, roots)


def _walk_folder(
    folder: Path, above: Ignores, excluded: Excluded, roots: tuple[Path, ...]
) -> Iterator[_Walked]:
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return  # as os.walk: a folder that cannot be listed is skipped
    absolute = os.path.abspath(folder)
    here = above.entering(absolute)
    folders: list[tuple[Path, bool]] = []
    files: list[tuple[str, bool]] = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if entry.name.startswith("."):
                continue
            full = os.path.join(absolute, entry.name)
            if here.specs and here.ignored(full, True):
                continue
            path = folder / entry.name
            if not excluded(path, is_dir=True):
                folders.append((path, entry.is_symlink()))
        else:
            files.append((entry.name, entry.is_symlink()))
    base: str | None = None
    ask = getattr(excluded, "may_exclude_files", None)  # a FolderExcluded
    check = ask is None or ask(folder)
    child = _child_maker(folder)
    for name, link in files:
        dot = name.rfind(".")  # ``Path.suffix``, without making a Path of every file
        if not 0 < dot < len(name) - 1 or name[dot:] not in SUFFIXES:
            continue
        if here.specs and here.ignored(os.path.join(absolute, name), False):
            continue
        path = child(name)
        if check and excluded(path, is_dir=False):
            continue
        if link:
            yield _checked(path, roots), None, None
        else:
            if base is None:  # os.path.join(folder, name) for a listing's name, as a prefix
                base = os.path.join(str(resolved_folder(folder)), "")
            yield path, base + name, folder
    for path, link in folders:
        if not link:  # as os.walk without followlinks: a linked folder is not entered
            yield from _walk_folder(path, here, excluded, roots)


def _child_maker(folder: Path) -> Callable[[str], Path]:
    """``lambda name: folder / name`` for a name from a directory listing (no separator, not
    ``.`` or ``..``): pathlib's own shortcut for that case where it has one (``iterdir`` and
    ``glob`` use it; ``/`` parses the name again, a third of a 20,000-file walk)."""
    made = getattr(folder, "_make_child_relpath", None)
    if made is not None:
        try:
            if made("x") == folder / "x":
                return made  # type: ignore[no-any-return]
        except Exception:  # another pathlib: the plain way
            pass
    return folder.__truediv__


def _key(path: Path) -> str:
    """What identifies a file (two paths to one file are linted once): its resolved path."""
    if isinstance(path, LinkOutside):
        return str(os.path.abspath(path))
    try:
        return str(resolved(path))
    except (OSError, RuntimeError):  # a symbolic link loop
        return str(path.absolute())


def expand(paths: list[str], excluded: Excluded) -> Iterator[Path | InputError]:
    """Files under ``paths`` in a stable order; a missing path yields an InputError. A symbolic
    link to a file outside the folder it was found in (for a path given by name: outside the
    working folder and the link's own folder) comes as a :class:`LinkOutside`."""
    for item in expand_keyed(paths, excluded):
        yield item if isinstance(item, InputError) else item[0]


def expand_keyed(paths: list[str], excluded: Excluded) -> Iterator[tuple[Path, str] | InputError]:
    """:func:`expand`, each file with its key (its resolved path as a string; see :func:`_key`)."""
    for item in expand_in_folders(paths, excluded):
        yield item if isinstance(item, InputError) else item[:2]


def expand_in_folders(
    paths: list[str], excluded: Excluded
) -> Iterator[tuple[Path, str, Path | None] | InputError]:
    """:func:`expand_keyed`, each file also with the folder object a walk found it in (the same
    object for every file of a folder; None for a link or a path given by name)."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found: Iterable[_Walked] = _walk(path, excluded)
        elif path.exists() or path.is_symlink():  # a file, a link, a FIFO (reported unreadable)
            roots = (Path.cwd().resolve(), path.parent.resolve())
            found = () if excluded(path) else ((_checked(path, roots), None, None),)
        else:
            yield InputError(f"{raw}: no such file or directory")
            continue
        for file, known, folder in found:
            key = known if known is not None else _key(file)
            if key not in seen:
                seen.add(key)
                yield file, key, folder
