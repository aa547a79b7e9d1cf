"""The corpus index's entries for one run: each corpus file matched against the loaded table.

A file whose size and modification time are the table's is unchanged (the table's entry is used);
one touched but with the same content digest is not parsed again; one changed is parsed again.
Each entry's documents are unpickled at most once, and its tokens (what the corpus rules select
by) are computed only when the table does not hold them for the run's selector. :class:`Entries`
also writes itself out (:meth:`Entries.encode`, in :mod:`lint.io.index_file`'s format, through
:mod:`lint.io.index_writer`); :mod:`lint.io.index_lookup` answers the look-ups and
:mod:`lint.io.index` drives it all.
"""

from __future__ import annotations

import os
import pickle
import stat as stat_module
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from lint.core.document import Document
from lint.io.files import Unreadable
from lint.io.index_file import Results, Table, blob_check, content_digest
from lint.io.index_writer import Writer
from lint.io.readers import read_path
from lint.io.records import JsonlFields


class Selecting(Protocol):
    """What the index needs of :class:`lint.engine.context.Selector`."""

    @property
    def signature(self) -> str: ...

    def tokens(self, documents: Sequence[Document], rank: Callable[[int], int]) -> set[int]: ...

    def counted(self, documents: Sequence[Document]) -> Iterator[frozenset[int]]: ...


def kept(result: Document | Unreadable) -> Document | Unreadable:
    """``result`` as the index stores it: a document's memo without what is not kept."""
    return result.portable() if isinstance(result, Document) else result


def declares(results: Iterable[Document | Unreadable]) -> bool:
    """Whether a document names a source (pairing then needs every document; a superset of
    what ``lint.tracking.declared`` counts as declared)."""
    return any(
        isinstance(r, Document) and r.metadata.get("source") not in (None, "") for r in results
    )


@dataclass
class Item:
    """A file this run that is not an unchanged entry of the loaded table."""

    size: int
    mtime: int
    digest: bytes
    old: int | None = None  # touched, not changed: the table's entry holding its documents
    results: Results | None = None  # parsed this run (or loaded for a rebuild)
    tokens: array[int] | None = None


Record = int | Item  # an unchanged entry of the table, or an item


@dataclass
class Entries:
    """This run's files against the loaded table: refreshed, loaded on demand, encoded once."""

    fields: JsonlFields
    selector: Selecting | None = None
    table: Table = field(default_factory=Table)
    changed: bool = False
    parsed: int = 0  # files parsed this run (not found unchanged in the index)
    loaded: int = 0  # blobs unpickled this run
    names: list[str] = field(default_factory=list)  # the files of this run, in order
    records: list[Record] = field(default_factory=list)
    rank_map: dict[int, int] | None = None  # a token order built this run (else the table's)
    _rebuilt: bool = False  # every entry's tokens were recomputed: write every blob again
    _loaded: dict[int, Results] = field(default_factory=dict)  # table entry -> its results

    def forget(self) -> None:
        """Drop the table (it is corrupt): every file is read again at the next refresh."""
        self.table.close()
        self.table = Table()
        self._loaded.clear()
        self.changed = True

    def refresh(self, paths: Sequence[Path]) -> None:
        """Take the run's corpus files: stat each, re-hash the touched, parse the changed; the
        entries of files not named are forgotten. With a selector whose tokens the table does not
        hold, every file's tokens are computed (every blob loaded) once. Raises
        :class:`lint.io.index_file.Corrupt` when a blob fails its check."""
        table = self.table
        position = {name: i for i, name in enumerate(table.names)}
        names: list[str] = []
        records: list[Record] = []
        for path in paths:
            name = path.as_posix()
            names.append(name)
            records.append(self._record(path, position.get(name)))
        kept_entries = [r for r in records if isinstance(r, int) or r.old is not None]
        if len(names) != len(table.names) or len(kept_entries) != len(table.names):
            self.changed = True
        self.names, self.records = names, records
        if self.selector is not None and table.signature != self.selector.signature:
            self._retoken()

    def _record(self, path: Path, old: int | None) -> Record:
        table = self.table
        try:
            info = os.stat(path)
        except OSError:
            return Item(-1, -1, b"", results=list(read_path(path, self.fields)))  # says why
        if not stat_module.S_ISREG(info.st_mode):  # a FIFO or device: never opened here
            return Item(-1, -1, b"", results=list(read_path(path, self.fields)))
        if old is not None and (table.sizes[old], table.mtimes[old]) == (
            info.st_size,
            info.st_mtime_ns,
        ):
            return old
        try:
            digest = content_digest(path.read_bytes())
        except OSError:
            return Item(-1, -1, b"", results=list(read_path(path, self.fields)))
        self.changed = True
        if old is not None and table.digest(old) == digest:
            return Item(info.st_size, info.st_mtime_ns, digest, old=old)  # touched, not changed
        self.parsed += 1
        # the stat taken before reading: a file changed meanwhile is re-read next run
        results = [kept(r) for r in read_path(path, self.fields)]
        item = Item(info.st_size, info.st_mtime_ns, digest, results=results)
        if self.selector is not None and table.signature == self.selector.signature:
            item.tokens = self.tokens(results)
        return item

    def results(self, record: Record) -> Results:
        """The documents of one entry, then what of it could not be read (unpickled once)."""
        if isinstance(record, Item):
            if record.results is not None:
                return record.results
            assert record.old is not None
            record = record.old
        found = self._loaded.get(record)
        if found is None:
            found = self._loaded[record] = self.table.results(record)
            self.loaded += 1
        return found

    def entry_tokens(self, record: Record) -> array[int]:
        """One entry's tokens for the selector (from the table where they still hold)."""
        if isinstance(record, int):
            return self.table.entry_tokens(record)
        if record.tokens is None:
            record.tokens = (
                self.table.entry_tokens(record.old)
                if record.old is not None and self.rank_map is None
                else self.tokens(self.results(record))
            )
        return record.tokens

    # -- tokens --------------------------------------------------------------------------------

    def rank(self, token: int) -> int:
        """The frozen order of tokens (a token frequent in the corpus ranks high: last)."""
        if self.rank_map is not None:
            return self.rank_map.get(token, 0)
        return self.table.rank(token)  # one chunk of the table's token section per look-up

    def tokens(self, results: Results) -> array[int]:
        """The selector's tokens of one file's documents, sorted."""
        assert self.selector is not None
        documents = [r for r in results if isinstance(r, Document)]
        return array("Q", sorted(self.selector.tokens(documents, self.rank)))

    def _retoken(self) -> None:
        """Every file's tokens for the current selector: a new frozen order from the corpus
        frequencies, then each file's tokens (every blob is loaded, once)."""
        assert self.selector is not None
        frequency: Counter[int] = Counter()
        every = [self.results(r) for r in self.records]
        for results in every:
            documents = [r for r in results if isinstance(r, Document)]
            for tokens in self.selector.counted(documents):
                frequency.update(tokens)
        self.rank_map = {t: c for t, c in frequency.items() if c > 1}
        records: list[Record] = []
        for record, results in zip(self.records, every, strict=True):
            if isinstance(record, int):
                table = self.table
                record = Item(
                    table.sizes[record], table.mtimes[record], table.digest(record), old=record
                )
            record.results = results
            record.tokens = self.tokens(results)
            records.append(record)
        self.records = records
        self._rebuilt = True
        self.changed = True

    # -- writing -------------------------------------------------------------------------------

    def encode(self) -> bytes:
        """The index file for this run's entries: an unchanged entry's blob is copied from the
        table read (checked), a changed one's documents pickled. Raises Corrupt."""
        table = self.table
        table.whole_sections()  # every entry's tokens are written again: read them at once
        writer = Writer()
        for name, record in zip(self.names, self.records, strict=True):
            old = record if isinstance(record, int) else record.old
            if isinstance(record, Item):
                if record.size < 0:
                    continue  # could not be read: not kept
                if record.results is not None or self._rebuilt:
                    results = self.results(record)
                    documents = [kept(r) for r in results if isinstance(r, Document)]
                    blob = pickle.dumps(documents, protocol=pickle.HIGHEST_PROTOCOL)
                    blob = blob if documents else b""
                    found = tuple(d.path for d in documents)
                    writer.add(
                        name,
                        (record.size, record.mtime, record.digest),
                        blob,
                        blob_check(blob) if blob else bytes(16),
                        tokens=self._written_tokens(record),
                        declared=declares(documents),
                        where=None if found == (name,) else found,
                        problems=[r for r in results if isinstance(r, Unreadable)],
                    )
                    continue
                stat = (record.size, record.mtime, record.digest)
            else:
                stat = (table.sizes[record], table.mtimes[record], table.digest(record))
            assert old is not None
            writer.add(
                name,
                stat,
                table.raw_blob(old),
                table.checks[16 * old : 16 * old + 16],
                tokens=self._written_tokens(record),
                declared=old in table.declares,
                where=table.paths.get(old),
                problems=table.unread.get(old, []),
            )
        if self.rank_map is not None:
            rank_tokens = array("Q", sorted(self.rank_map))
            rank_counts = array("q", (self.rank_map[t] for t in rank_tokens))
        else:
            rank_tokens, rank_counts = table.rank_tokens.whole(), table.rank_counts.whole()
        signature = self.selector.signature if self.selector is not None else None
        return writer.encode(signature, rank_tokens, rank_counts)

    def _written_tokens(self, record: Record) -> array[int] | None:
        return self.entry_tokens(record) if self.selector is not None else None
