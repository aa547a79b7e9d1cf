"""Look-ups in the corpus index's entries (:class:`lint.io.index_entries.Entries`): whether pairing
needs every document, the documents sharing a token with the linted ones (a binary search in the
table's inverted list), and every document. Each may raise
:class:`lint.io.index_file.Corrupt`; :mod:`lint.io.index` then rebuilds and asks again."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence

from lint.core.document import Document
from lint.io.files import Unreadable
from lint.io.index_entries import Entries, declares


def needs_all(entries: Entries, is_original: Callable[[str], bool] | None) -> bool:
    """Whether pairing could use any context document: one names a source, or (given
    ``is_original``, the configuration's ``originals`` globs) one is an original."""
    table = entries.table
    declared_entries = table.declares
    for record in entries.records:
        if isinstance(record, int):  # an unchanged entry (most): no tuple of paths without globs
            if record in declared_entries:
                return True
            if is_original is not None:
                paths = table.paths.get(record, (table.names[record],))
                if any(map(is_original, paths)):
                    return True
            continue
        results = entries.results(record) if record.old is None else None
        if results is None:
            assert record.old is not None
            declared = record.old in declared_entries
            paths = table.paths.get(record.old, (table.names[record.old],))
        else:
            declared = declares(results)
            paths = tuple(r.path for r in results if isinstance(r, Document))
        if declared or (is_original is not None and any(map(is_original, paths))):
            return True
    return False


def select(entries: Entries, linted: Sequence[Document]) -> tuple[list[Document], list[Unreadable]]:
    """The documents that share a token with ``linted`` (in the files' order), and what every
    file could not read. Needs a selector."""
    assert entries.selector is not None
    probe = entries.selector.tokens(linted, entries.rank)
    table = entries.table
    owners: set[int] = set()
    if entries.rank_map is None:  # the table's tokens hold for the selector
        owners = table.owners(probe)  # a chunk or two of the inverted list per token
    documents: list[Document] = []
    errors: list[Unreadable] = []
    unread = table.unread
    for record in entries.records:
        if isinstance(record, int):
            hit = record in owners
            if unread:
                errors.extend(unread.get(record, ()))
        elif record.old is not None and entries.rank_map is None:
            hit = record.old in owners
            errors.extend(table.unread.get(record.old, ()))
        else:
            results = entries.results(record)
            errors.extend(r for r in results if isinstance(r, Unreadable))
            hit = record.size >= 0 and not probe.isdisjoint(entries.entry_tokens(record))
            if record.size < 0:
                continue
        if hit:
            documents.extend(r for r in entries.results(record) if isinstance(r, Document))
    return documents, errors


def every(entries: Entries) -> tuple[list[Document], list[Unreadable]]:
    """Every document of the entries, in the files' order, and what they could not read."""
    documents: list[Document] = []
    errors: list[Unreadable] = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        for record in entries.records:
            for result in entries.results(record):
                if isinstance(result, Unreadable):
                    errors.append(result)
                else:
                    documents.append(result)
    finally:
        if enabled:
            gc.enable()
    return documents, errors
