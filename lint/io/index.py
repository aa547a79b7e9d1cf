"""The persistent corpus index: ``--corpus-root`` context documents kept between runs.

A pre-commit hook names a few staged files, but corpus rules compare them with every committed
article, so each run used to read and segment the whole corpus. The index keeps each context
file's parsed documents in the cache directory, keyed by the file's content hash (xxh3-128 of its
bytes); a file whose size and modification time are unchanged is not even re-read, and a file
touched but unchanged is re-hashed and not re-parsed. Only files that changed are parsed again.

Layout (format 3): a header, then one pickled blob per file (its documents). The header holds,
column by column, each file's name, size, modification time, content digest, where its blob lies
and a BLAKE2b digest of that blob, what reading it could not read, and, when the run's corpus
rules can select (:class:`lint.engine.context.Selector`), each file's tokens, an inverted list of
them (sorted token and owner arrays) and the frozen token order. A hook then loads the header,
looks the staged documents' tokens up with a binary search and unpickles only the blobs of the
files sharing one: a warm run reads a few documents, not the corpus. Without a selector (a corpus
kind that cannot select, or pair rules that need every original) every blob is loaded.

Safety:

- the index is replaced atomically (:func:`lint.io.atomic.write_atomic`), so an interrupted run
  leaves the old index and concurrent runs each leave a complete one (the last writer wins); a
  run reads blobs through the file it opened, so a replacement meanwhile does not mix two files;
- the header is preceded by an HMAC-SHA256 of it, keyed by the user's cache key (kept outside
  any repository, see :mod:`lint.io.signing`), checked *before* it is unpickled, and each blob is
  checked against the BLAKE2b digest the signed header gives for it before it is unpickled: an
  index this user's newslint did not write (committed to the repository, crafted, damaged) is
  never loaded, since unpickling it could run any code; it is rebuilt, with a warning. A header
  of the wrong shape, or a blob that fails its check, is treated the same way;
- the key (the ``salt``) holds newslint's version and the JSONL field settings, so documents parsed
  by another version or with other settings are never reused; tokens are kept with the
  selector's signature (the corpus rules' kinds, scopes and options) and recomputed for others.
"""

from __future__ import annotations

import gc
import hmac
import os
import pickle
import stat as stat_module
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from lint.core.document import PORTABLE_MEMO, Document
from lint.io.atomic import write_atomic
from lint.io.files import Unreadable
from lint.io.index_file import (
    CHECK,
    FORMAT,
    LENGTH,
    Corrupt,
    Results,
    Table,
    blob_check,
    content_digest,
    mac,
    postings,
    pread,
    read_table,
)
from lint.io.readers import read_path
from lint.io.records import JsonlFields

#: ``Document.memo`` keys kept with the documents: what corpus rules derive from a document
#: (the ``duplicates`` kind's block keys and shingles), so a warm run does not derive it again
KEPT_MEMO = tuple(sorted(PORTABLE_MEMO))


class Selecting(Protocol):
    """What the index needs of :class:`lint.engine.context.Selector`."""

    @property
    def signature(self) -> str: ...

    def tokens(self, documents: Sequence[Document], rank: Callable[[int], int]) -> set[int]: ...

    def counted(self, documents: Sequence[Document]) -> Iterator[frozenset[int]]: ...


def _salt(fields: JsonlFields, signature: str | None = None) -> str:
    """The index file's key: format, version, JSONL settings and (when the rules select) the
    corpus rules' signature, so two rule sets sharing a cache folder keep one index each instead
    of recomputing every token for each other on every run."""
    import xxhash

    from lint import __version__

    key = f"{FORMAT}|{__version__}|{fields!r}" + (f"|{signature}" if signature else "")
    return xxhash.xxh3_64_hexdigest(key.encode())


def _kept(result: Document | Unreadable) -> Document | Unreadable:
    """``result`` as the index stores it: a document's memo without what is not kept."""
    return result.portable() if isinstance(result, Document) else result


def _declares(results: Iterable[Document | Unreadable]) -> bool:
    """Whether a document names a source (pairing then needs every document; a superset of
    what ``lint.tracking.pairing`` counts as declared)."""
    return any(
        isinstance(r, Document) and r.metadata.get("source") not in (None, "") for r in results
    )


@dataclass
class _Item:
    """A file this run that is not an unchanged entry of the loaded table."""

    size: int
    mtime: int
    digest: bytes
    old: int | None = None  # touched, not changed: the table's entry holding its documents
    results: Results | None = None  # parsed this run (or loaded for a rebuild)
    tokens: array[int] | None = None


_Record = int | _Item  # an unchanged entry of the table, or an item


@dataclass
class CorpusIndex:
    """The index of one cache directory and JSONL settings: load, refresh, select, save once."""

    directory: Path
    fields: JsonlFields
    selector: Selecting | None = None
    warnings: list[str] = field(default_factory=list)
    changed: bool = False
    parsed: int = 0  # files parsed this run (not found unchanged in the index)
    loaded: int = 0  # blobs unpickled this run
    _table: Table = field(default_factory=Table)
    _names: list[str] = field(default_factory=list)  # the files of this run, in order
    _records: list[_Record] = field(default_factory=list)
    _loaded: dict[int, Results] = field(default_factory=dict)  # table entry -> its results
    _paths: list[Path] = field(default_factory=list)
    _rank: dict[int, int] | None = None  # a token order built this run (else the table's)
    _rebuilt: bool = False  # every entry's tokens were recomputed: write every blob again
    done: bool = False  # saved (its file closed): load the index again to read more

    @property
    def path(self) -> Path:
        signature = self.selector.signature if self.selector is not None else None
        return self.directory / f"corpus-index-{_salt(self.fields, signature)}.bin"

    @classmethod
    def load(
        cls, directory: Path, fields: JsonlFields, selector: Selecting | None = None
    ) -> CorpusIndex:
        index = cls(directory, fields, selector)
        try:
            flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
            fd = os.open(index.path, flags)
        except FileNotFoundError:
            return index
        except OSError as err:
            index.warnings.append(f"corpus index {index.path}: cannot read ({err}); rebuilt")
            return index
        table = None
        try:
            info = os.fstat(fd)
            head = pread(fd, CHECK + LENGTH, 0) if stat_module.S_ISREG(info.st_mode) else b""
            if len(head) == CHECK + LENGTH:
                length = int.from_bytes(head[CHECK:], "little")
                raw = pread(fd, length, CHECK + LENGTH) if length <= info.st_size else b""
                if len(raw) == length and hmac.compare_digest(mac(raw), head[:CHECK]):
                    enabled = gc.isenabled()
                    gc.disable()  # many small objects: the GC would scan them as they arrive
                    try:
                        table = read_table(raw, fd, CHECK + LENGTH + length)
                    finally:
                        if enabled:
                            gc.enable()
        except OSError:
            table = None
        if table is None:
            os.close(fd)
            index._corrupt()
        else:
            index._table = table
        return index

    def _corrupt(self) -> None:
        self.warnings.append(f"corpus index {self.path} is corrupt; rebuilt")
        self._table.close()
        self._table = Table()
        self._loaded.clear()
        self.changed = True

    # -- this run's files ----------------------------------------------------------------------

    def refresh(self, paths: Iterable[Path]) -> None:
        """Take the run's corpus files: stat each, re-hash the touched, parse the changed; the
        index forgets files not named. With a selector whose tokens the index does not hold,
        every file's tokens are computed (every blob loaded) once."""
        self._paths = list(paths)
        table = self._table
        position = {name: i for i, name in enumerate(table.names)}
        names: list[str] = []
        records: list[_Record] = []
        for path in self._paths:
            name = path.as_posix()
            names.append(name)
            records.append(self._record(path, position.get(name)))
        kept = [r for r in records if isinstance(r, int) or r.old is not None]
        if len(names) != len(table.names) or len(kept) != len(table.names):
            self.changed = True
        self._names, self._records = names, records
        if self.selector is not None and table.signature != self.selector.signature:
            try:
                self._retoken()
            except Corrupt:  # a blob failed its check: start again from the files
                self._corrupt()
                self.refresh(self._paths)

    def _record(self, path: Path, old: int | None) -> _Record:
        table = self._table
        try:
            info = os.stat(path)
        except OSError:
            return _Item(-1, -1, b"", results=list(read_path(path, self.fields)))  # says why
        if not stat_module.S_ISREG(info.st_mode):  # a FIFO or device: never opened here
            return _Item(-1, -1, b"", results=list(read_path(path, self.fields)))
        if old is not None and (table.sizes[old], table.mtimes[old]) == (
            info.st_size,
            info.st_mtime_ns,
        ):
            return old
        try:
            digest = content_digest(path.read_bytes())
        except OSError:
            return _Item(-1, -1, b"", results=list(read_path(path, self.fields)))
        self.changed = True
        if old is not None and table.digest(old) == digest:
            return _Item(info.st_size, info.st_mtime_ns, digest, old=old)  # touched, not changed
        self.parsed += 1
        # the stat taken before reading: a file changed meanwhile is re-read next run
        results = [_kept(r) for r in read_path(path, self.fields)]
        item = _Item(info.st_size, info.st_mtime_ns, digest, results=results)
        if self.selector is not None and table.signature == self.selector.signature:
            item.tokens = self._tokens(results)
        return item

    def _results(self, record: _Record) -> Results:
        if isinstance(record, _Item):
            if record.results is not None:
                return record.results
            assert record.old is not None
            record = record.old
        found = self._loaded.get(record)
        if found is None:
            found = self._loaded[record] = self._table.results(record)
            self.loaded += 1
        return found

    def _entry_tokens(self, record: _Record) -> array[int]:
        if isinstance(record, int):
            return self._table.entry_tokens(record)
        if record.tokens is None:
            record.tokens = (
                self._table.entry_tokens(record.old)
                if record.old is not None and self._rank is None
                else self._tokens(self._results(record))
            )
        return record.tokens

    # -- selection -----------------------------------------------------------------------------

    def rank(self, token: int) -> int:
        """The frozen order of tokens (a token frequent in the corpus ranks high: last)."""
        if self._rank is not None:
            return self._rank.get(token, 0)
        keys = self._table.rank_tokens
        at = bisect_left(keys, token)
        return self._table.rank_counts[at] if at < len(keys) and keys[at] == token else 0

    def _tokens(self, results: Results) -> array[int]:
        assert self.selector is not None
        documents = [r for r in results if isinstance(r, Document)]
        return array("Q", sorted(self.selector.tokens(documents, self.rank)))

    def _retoken(self) -> None:
        """Every file's tokens for the current selector: a new frozen order from the corpus
        frequencies, then each file's tokens (every blob is loaded, once)."""
        assert self.selector is not None
        frequency: Counter[int] = Counter()
        every = [self._results(r) for r in self._records]
        for results in every:
            documents = [r for r in results if isinstance(r, Document)]
            for tokens in self.selector.counted(documents):
                frequency.update(tokens)
        self._rank = {t: c for t, c in frequency.items() if c > 1}
        records: list[_Record] = []
        for record, results in zip(self._records, every, strict=True):
            if isinstance(record, int):
                table = self._table
                record = _Item(
                    table.sizes[record], table.mtimes[record], table.digest(record), old=record
                )
            record.results = results
            record.tokens = self._tokens(results)
            records.append(record)
        self._records = records
        self._rebuilt = True
        self.changed = True

    def needs_all(self, is_original: Callable[[str], bool] | None) -> bool:
        """Whether pairing could use any context document: one names a source, or (given
        ``is_original``, the configuration's ``originals`` globs) one is an original."""
        table = self._table
        for record in self._records:
            if isinstance(record, int):
                declares = record in table.declares
                paths = table.paths.get(record, (table.names[record],))
            else:
                results = self._results(record) if record.old is None else None
                if results is None:
                    assert record.old is not None
                    declares = record.old in table.declares
                    paths = table.paths.get(record.old, (table.names[record.old],))
                else:
                    declares = _declares(results)
                    paths = tuple(r.path for r in results if isinstance(r, Document))
            if declares or (is_original is not None and any(map(is_original, paths))):
                return True
        return False

    def select(self, linted: Sequence[Document]) -> tuple[list[Document], list[Unreadable]]:
        """The context documents that share a token with ``linted`` (in the files' order), and
        what every file could not read. Needs a selector."""
        assert self.selector is not None
        try:
            return self._select(linted)
        except Corrupt:
            self._corrupt()
            self.refresh(self._paths)
            return self._select(linted)

    def _select(self, linted: Sequence[Document]) -> tuple[list[Document], list[Unreadable]]:
        assert self.selector is not None
        probe = self.selector.tokens(linted, self.rank)
        table = self._table
        owners: set[int] = set()
        if self._rank is None:  # the table's tokens hold for the selector
            keys, values = table.post_tokens, table.post_owners
            for token in probe:
                at = bisect_left(keys, token)
                while at < len(keys) and keys[at] == token:
                    owners.add(values[at])
                    at += 1
        documents: list[Document] = []
        errors: list[Unreadable] = []
        for record in self._records:
            if isinstance(record, int):
                hit = record in owners
                errors.extend(table.unread.get(record, ()))
            elif record.old is not None and self._rank is None:
                hit = record.old in owners
                errors.extend(table.unread.get(record.old, ()))
            else:
                results = self._results(record)
                errors.extend(r for r in results if isinstance(r, Unreadable))
                hit = record.size >= 0 and not probe.isdisjoint(self._entry_tokens(record))
                if record.size < 0:
                    continue
            if hit:
                documents.extend(r for r in self._results(record) if isinstance(r, Document))
        return documents, errors

    def read(self, paths: Iterable[Path] | None = None) -> tuple[list[Document], list[Unreadable]]:
        """Every document of ``paths`` (refreshed first; None: those of the last refresh), as
        :func:`lint.io.corpus.read_context` would read them, from the index where a file is
        unchanged."""
        if paths is not None:
            self.refresh(paths)
        try:
            return self._every()
        except Corrupt:
            self._corrupt()
            self.refresh(self._paths)
            return self._every()

    def _every(self) -> tuple[list[Document], list[Unreadable]]:
        documents: list[Document] = []
        errors: list[Unreadable] = []
        enabled = gc.isenabled()
        gc.disable()
        try:
            for record in self._records:
                for result in self._results(record):
                    if isinstance(result, Unreadable):
                        errors.append(result)
                    else:
                        documents.append(result)
        finally:
            if enabled:
                gc.enable()
        return documents, errors

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> str | None:
        """Write the index if it changed; a warning instead of an error when that fails. The
        file read stays open until then (blobs of unchanged files are copied from it)."""
        try:
            if not self.changed:
                return None
            try:
                data = self._encode()
            except Corrupt:
                self._corrupt()
                self.refresh(self._paths)
                data = self._encode()
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                write_atomic(self.path, data)
            except OSError as err:
                return f"corpus index {self.path}: not saved ({err})"
            self.changed = False
            return None
        finally:
            self._table.close()
            self.done = True

    def _encode(self) -> bytes:
        table = self._table
        names: list[str] = []
        sizes, mtimes = array("q"), array("q")
        digests: list[bytes] = []
        blobs: list[bytes] = []
        offsets = array("q", [0])
        checks: list[bytes] = []
        token_starts = array("q", [0])
        tokens = array("Q")
        declares: list[int] = []
        paths: dict[int, tuple[str, ...]] = {}
        unread: dict[int, list[Unreadable]] = {}
        selecting = self.selector is not None
        for name, record in zip(self._names, self._records, strict=True):
            n = len(names)
            if isinstance(record, int):
                size, mtime, digest = (
                    table.sizes[record],
                    table.mtimes[record],
                    table.digest(record),
                )
                blob = table.raw_blob(record)
                check = table.checks[16 * record : 16 * record + 16]
                problems = table.unread.get(record, [])
                declared = record in table.declares
                where = table.paths.get(record)
            else:
                if record.size < 0:
                    continue  # could not be read: not kept
                size, mtime, digest = record.size, record.mtime, record.digest
                if record.results is None and not self._rebuilt:
                    assert record.old is not None
                    blob = table.raw_blob(record.old)
                    check = table.checks[16 * record.old : 16 * record.old + 16]
                    problems = table.unread.get(record.old, [])
                    declared = record.old in table.declares
                    where = table.paths.get(record.old)
                else:
                    results = self._results(record)
                    documents = [_kept(r) for r in results if isinstance(r, Document)]
                    blob = pickle.dumps(documents, protocol=pickle.HIGHEST_PROTOCOL)
                    blob = blob if documents else b""
                    check = blob_check(blob) if blob else bytes(16)
                    problems = [r for r in results if isinstance(r, Unreadable)]
                    declared = _declares(documents)
                    found = tuple(d.path for d in documents)
                    where = None if found == (name,) else found
            names.append(name)
            sizes.append(size)
            mtimes.append(mtime)
            digests.append(digest)
            blobs.append(blob)
            offsets.append(offsets[-1] + len(blob))
            checks.append(check)
            if selecting:
                tokens.extend(self._entry_tokens(record))
            token_starts.append(len(tokens))
            if declared:
                declares.append(n)
            if where is not None:
                paths[n] = where
            if problems:
                unread[n] = list(problems)
        post_tokens, post_owners = postings(tokens, token_starts)
        if self._rank is not None:
            rank_tokens = array("Q", sorted(self._rank))
            rank_counts = array("q", (self._rank[t] for t in rank_tokens))
        else:
            rank_tokens, rank_counts = table.rank_tokens, table.rank_counts
        header = {
            "format": FORMAT,
            "names": names,
            "sizes": sizes.tobytes(),
            "mtimes": mtimes.tobytes(),
            "digests": b"".join(digests),
            "blobs": offsets.tobytes(),
            "checks": b"".join(checks),
            "token_starts": token_starts.tobytes(),
            "tokens": tokens.tobytes(),
            "declares": declares,
            "paths": paths,
            "unread": unread,
            "signature": self.selector.signature if self.selector is not None else None,
            "rank_tokens": rank_tokens.tobytes(),
            "rank_counts": rank_counts.tobytes(),
            "post_tokens": post_tokens.tobytes(),
            "post_owners": post_owners.tobytes(),
        }
        raw = pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL)
        head = mac(raw) + len(raw).to_bytes(LENGTH, "little")
        return b"".join([head, raw, *blobs])
