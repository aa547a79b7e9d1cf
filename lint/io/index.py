"""The persistent corpus index: ``--corpus-root`` context documents kept between runs.

:class:`CorpusIndex` drives it: load the file, refresh it with the run's files, answer, save once,
and rebuild from the files when a blob fails its check. The file format is
:mod:`lint.io.index_file`; matching the run's files against it (what is unchanged, touched or
changed) and writing it again is :mod:`lint.io.index_entries`; the look-ups are
:mod:`lint.io.index_lookup`.

A pre-commit hook names a few staged files, but corpus rules compare them with every committed
article, so each run used to read and segment the whole corpus. The index keeps each context
file's parsed documents in the cache directory, keyed by the file's content hash (xxh3-128 of its
bytes); a file whose size and modification time are unchanged is not even re-read, and a file
touched but unchanged is re-hashed and not re-parsed. Only files that changed are parsed again.

Layout (format 4): a header, a token section, then one pickled blob per file (its documents).
The header holds, column by column, each file's name, size, modification time, content digest,
where its blob lies and a BLAKE2b digest of that blob, and what reading it could not read. When
the run's corpus rules can select (:class:`lint.engine.context.Selector`), the token section holds
each file's tokens, an inverted list of them (sorted token and owner arrays) and the frozen token
order, and the header the BLAKE2b digest of each 4 KiB chunk of these arrays and the first value
of each chunk of the sorted ones. A hook then loads the (small) header, looks the staged
documents' tokens up with a binary search that reads and checks one chunk per token, and
unpickles only the blobs of the files sharing one: a warm run reads a few documents and a few
chunks, not the corpus. Without a selector (a corpus kind that cannot select, or pair rules that
need every original) every blob is loaded.

Safety:

- the index is replaced atomically (:func:`lint.io.atomic.write_atomic`), so an interrupted run
  leaves the old index and concurrent runs each leave a complete one (the last writer wins); a
  run reads blobs through the file it opened, so a replacement meanwhile does not mix two files;
- the header is preceded by an HMAC-SHA256 of it, keyed by the user's cache key (kept outside
  any repository, see :mod:`lint.io.signing`), checked *before* it is unpickled, and each blob is
  checked against the BLAKE2b digest the signed header gives for it before it is unpickled: an
  index this user's newslint did not write (committed to the repository, crafted, damaged) is
  never loaded, since unpickling it could run any code; it is rebuilt, with a warning. A header
  of the wrong shape, or a blob or token section chunk that fails its check, is treated the
  same way;
- the key (the ``salt``) holds newslint's version and the JSONL field settings, so documents parsed
  by another version or with other settings are never reused; tokens are kept with the
  selector's signature (the corpus rules' kinds, scopes and options) and recomputed for others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.core.document import PORTABLE_MEMO, Document
from lint.io import index_lookup
from lint.io.atomic import write_atomic
from lint.io.files import Unreadable
from lint.io.index_entries import Entries, Selecting
from lint.io.index_file import FORMAT, Corrupt, read_index
from lint.io.records import JsonlFields

#: ``Document.memo`` keys kept with the documents: what corpus rules derive from a document
#: (the ``duplicates`` kind's block keys and shingles), so a warm run does not derive it again
KEPT_MEMO = tuple(sorted(PORTABLE_MEMO))


def _salt(fields: JsonlFields, signature: str | None = None) -> str:
    """The index file's key: format, version, JSONL settings and (when the rules select) the
    corpus rules' signature, so two rule sets sharing a cache folder keep one index each instead
    of recomputing every token for each other on every run."""
    import xxhash

    from lint import __version__

    key = f"{FORMAT}|{__version__}|{fields!r}" + (f"|{signature}" if signature else "")
    return xxhash.xxh3_64_hexdigest(key.encode())


@dataclass
class CorpusIndex:
    """The index of one cache directory and JSONL settings: load, refresh, select, save once."""

    directory: Path
    fields: JsonlFields
    selector: Selecting | None = None
    warnings: list[str] = field(default_factory=list)
    done: bool = False  # saved (its file closed): load the index again to read more
    _entries: Entries = field(init=False)
    _paths: list[Path] = field(default_factory=list)  # the run's files, for a rebuild

    def __post_init__(self) -> None:
        self._entries = Entries(self.fields, self.selector)

    @property
    def path(self) -> Path:
        signature = self.selector.signature if self.selector is not None else None
        return self.directory / f"corpus-index-{_salt(self.fields, signature)}.bin"

    @property
    def changed(self) -> bool:
        """Whether the file must be written again."""
        return self._entries.changed

    @property
    def parsed(self) -> int:
        """Files parsed this run (not found unchanged in the index)."""
        return self._entries.parsed

    @property
    def loaded(self) -> int:
        """Blobs unpickled this run."""
        return self._entries.loaded

    @classmethod
    def load(
        cls, directory: Path, fields: JsonlFields, selector: Selecting | None = None
    ) -> CorpusIndex:
        index = cls(directory, fields, selector)
        try:
            table = read_index(index.path)
        except FileNotFoundError:
            return index
        except OSError as err:
            index.warnings.append(f"corpus index {index.path}: cannot read ({err}); rebuilt")
            return index
        if table is None:
            index._corrupt()
        else:
            index._entries.table = table
        return index

    def _corrupt(self) -> None:
        self.warnings.append(f"corpus index {self.path} is corrupt; rebuilt")
        self._entries.forget()

    def refresh(self, paths: Iterable[Path]) -> None:
        """Take the run's corpus files: stat each, re-hash the touched, parse the changed; the
        index forgets files not named. With a selector whose tokens the index does not hold,
        every file's tokens are computed (every blob loaded) once."""
        self._paths = list(paths)
        try:
            self._entries.refresh(self._paths)
        except Corrupt:  # a blob failed its check: start again from the files
            self._corrupt()
            self.refresh(self._paths)

    def needs_all(self, is_original: Callable[[str], bool] | None) -> bool:
        """Whether pairing could use any context document: one names a source, or (given
        ``is_original``, the configuration's ``originals`` globs) one is an original."""
        return index_lookup.needs_all(self._entries, is_original)

    def select(self, linted: Sequence[Document]) -> tuple[list[Document], list[Unreadable]]:
        """The context documents that share a token with ``linted`` (in the files' order), and
        what every file could not read. Needs a selector."""
        assert self.selector is not None
        try:
            return index_lookup.select(self._entries, linted)
        except Corrupt:
            self._corrupt()
            self.refresh(self._paths)
            return index_lookup.select(self._entries, linted)

    def read(self, paths: Iterable[Path] | None = None) -> tuple[list[Document], list[Unreadable]]:
        """Every document of ``paths`` (refreshed first; None: those of the last refresh), as
        :func:`lint.io.corpus.read_context` would read them, from the index where a file is
        unchanged."""
        if paths is not None:
            self.refresh(paths)
        try:
            return index_lookup.every(self._entries)
        except Corrupt:
            self._corrupt()
            self.refresh(self._paths)
            return index_lookup.every(self._entries)

    def save(self) -> str | None:
        """Write the index if it changed; a warning instead of an error when that fails. The
        file read stays open until then (blobs of unchanged files are copied from it)."""
        entries = self._entries
        try:
            if not entries.changed:
                return None
            try:
                data = entries.encode()
            except Corrupt:
                self._corrupt()
                self.refresh(self._paths)
                data = entries.encode()
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                write_atomic(self.path, data)
            except OSError as err:
                return f"corpus index {self.path}: not saved ({err})"
            entries.changed = False
            return None
        finally:
            entries.table.close()
            self.done = True
