"""Corpus context: files a run reads for corpus-scope rules but does not report on.

A pre-commit hook is given only the staged files, yet duplicates and repeated headlines must be
compared with the whole corpus. With ``--corpus-root DIR`` every corpus file under DIR (hidden
folders and ``exclude`` globs skipped) that shares a linted file's configuration is read as
context: the engine hands it to corpus rules ahead of the linted files, so a staged copy of a
committed paragraph is reported in the staged file and names the committed first copy, and
nothing located in a context file is reported.

Every context file is read and segmented on each run; an index of paragraph hashes and shingles
kept between runs would make this proportional to the staged files instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from lint.core.document import Document
from lint.errors import ConfigError
from lint.io.discover import expand
from lint.io.readers import JsonlFields, Unreadable, read_path


def context_files(
    root: Path, linted: Iterable[Path], excluded: Callable[[Path], bool]
) -> Iterator[Path]:
    """Corpus files under ``root`` in a stable order, without the ``linted`` ones."""
    if not root.is_dir():
        raise ConfigError(f"--corpus-root: {root.as_posix()}: not a directory")
    skip = {path.resolve() for path in linted}
    for item in expand([str(root)], excluded):
        if isinstance(item, Path) and item.resolve() not in skip:
            yield item


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
