"""Corpus context: files a run reads for corpus-scope rules but does not report on.

A pre-commit hook is given only the staged files, yet duplicates and repeated headlines must be
compared with the whole corpus. With ``--corpus-root DIR`` every corpus file under DIR (hidden
folders and ``exclude`` globs skipped) that shares a linted file's configuration is read as
context: the engine hands it to corpus rules ahead of the linted files, so a staged copy of a
committed paragraph is reported in the staged file and names the committed first copy, and
nothing located in a context file is reported.

Without the cache every context file is read and segmented on each run; with it, the persistent
corpus index (:mod:`lint.io.index`) keeps the parsed documents of unchanged files between runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from lint.core.document import Document
from lint.errors import ConfigError
from lint.io.discover import Excluded, LinkOutside, expand_in_folders
from lint.io.files import Unreadable
from lint.io.paths import resolved
from lint.io.readers import read_path
from lint.io.records import JsonlFields


def context_files(root: Path, linted: Iterable[Path], excluded: Excluded) -> Iterator[Path]:
    """Corpus files under ``root`` in a stable order, without the ``linted`` ones."""
    for path, _ in context_files_in_folders(root, linted, excluded):
        yield path


def context_files_in_folders(
    root: Path, linted: Iterable[Path], excluded: Excluded
) -> Iterator[tuple[Path, Path | None]]:
    """:func:`context_files`, each with the folder object the walk found it in (one object per
    folder; None for a symbolic link): per-folder facts need not be worked out per file."""
    if not root.is_dir():
        raise ConfigError(f"--corpus-root: {root.as_posix()}: not a directory")
    skip = {str(resolved(path)) for path in linted}
    # the walk knows each file's resolved path (its folder's, resolved once, and its name)
    for item in expand_in_folders([str(root)], excluded):
        if isinstance(item, tuple) and item[1] not in skip:
            if isinstance(item[0], LinkOutside) and str(resolved(item[0])) in skip:
                continue
            yield item[0], item[2]


def read_context(
    paths: Iterable[Path], fields: JsonlFields
) -> tuple[list[Document], list[Unreadable]]:
    """The documents of the context files, and the errors of those that could not be read."""
    documents: list[Document] = []
    errors: list[Unreadable] = []
    for path in paths:
        for result in read_path(path, fields):
            if isinstance(result, Unreadable):
                errors.append(result)
            else:
                documents.append(result)
    return documents, errors
