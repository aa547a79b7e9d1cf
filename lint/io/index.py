"""The persistent corpus index: ``--corpus-root`` context documents kept between runs.

A pre-commit hook names a few staged files, but corpus rules compare them with every committed
article, so each run used to read and segment the whole corpus. The index keeps each context
file's parsed documents in the cache directory, keyed by the file's content hash (xxh3-128 of its
bytes); a file whose size and modification time are unchanged is not even re-read, and a file
touched but unchanged is re-hashed and not re-parsed. Only files that changed are parsed again.

Safety:

- the index is replaced atomically (:func:`lint.io.atomic.write_atomic`), so an interrupted run
  leaves the old index and concurrent runs each leave a complete one (the last writer wins);
- the file starts with an HMAC-SHA256 of the rest, keyed by the user's cache key (kept outside any
  repository, see :mod:`lint.io.cache`), checked *before* anything is unpickled: an index this
  user's newslint did not write (committed to the repository, crafted, damaged) is never loaded,
  since unpickling it could run any code; it is rebuilt, with a warning. An index that cannot be
  unpickled or has the wrong shape is rebuilt the same way;
- the key (the ``salt``) holds newslint's version and the JSONL field settings, so documents parsed
  by another version or with other settings are never reused.

The index lives beside the findings cache and is used only when the cache is (not with
``--no-cache``). It is a pickle, which only this user's key makes safe to load.
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import os
import pickle
import stat as stat_module
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.core.document import PORTABLE_MEMO, Document
from lint.io.atomic import write_atomic
from lint.io.cache import secret_key
from lint.io.readers import JsonlFields, Unreadable, read_path

FORMAT = 2  # 2: signed with the cache key (an index of format 1 is not even looked at)
_CHECK = 32  # bytes of the HMAC-SHA256 before the pickle

#: path -> (size, mtime_ns, content digest, what reading it gave)
Entry = tuple[int, int, bytes, list[Document | Unreadable]]


#: ``Document.memo`` keys kept with the documents: what corpus rules derive from a document
#: (the ``duplicates`` kind's block keys and shingles), so a warm run does not derive it again
KEPT_MEMO = tuple(sorted(PORTABLE_MEMO))


def _memo_size(entries: dict[str, Entry]) -> int:
    """How many kept memo values the indexed documents hold (more after a run: save them)."""
    return sum(
        len(result.memo.get(key, ()))
        for entry in entries.values()
        for result in entry[3]
        if isinstance(result, Document)
        for key in KEPT_MEMO
    )


def _kept(result: Document | Unreadable) -> Document | Unreadable:
    """``result`` as the index stores it: a document's memo without what is not kept."""
    return result.portable() if isinstance(result, Document) else result


def _digest(data: bytes) -> bytes:
    import xxhash

    return bytes(xxhash.xxh3_128_digest(data))


def _mac(payload: bytes) -> bytes:
    return hmac.new(secret_key(), payload, hashlib.sha256).digest()


def _salt(fields: JsonlFields) -> str:
    import xxhash

    from lint import __version__

    return xxhash.xxh3_64_hexdigest(f"{FORMAT}|{__version__}|{fields!r}".encode())


@dataclass
class CorpusIndex:
    """The index of one cache directory and JSONL settings: load, look up, save once."""

    directory: Path
    fields: JsonlFields
    entries: dict[str, Entry] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    changed: bool = False
    parsed: int = 0  # files parsed this run (not found unchanged in the index)
    memo_size: int = 0  # kept memo values when loaded

    @property
    def path(self) -> Path:
        return self.directory / f"corpus-index-{_salt(self.fields)}.bin"

    @classmethod
    def load(cls, directory: Path, fields: JsonlFields) -> CorpusIndex:
        index = cls(directory, fields)
        try:
            raw = index.path.read_bytes()
        except FileNotFoundError:
            return index
        except OSError as err:
            index.warnings.append(f"corpus index {index.path}: cannot read ({err}); rebuilt")
            return index
        entries = _decode(raw)
        if entries is None:
            index.warnings.append(f"corpus index {index.path} is corrupt; rebuilt")
            index.changed = True
        else:
            index.entries = entries
            index.memo_size = _memo_size(entries)
        return index

    def read(self, paths: Iterable[Path]) -> tuple[list[Document], list[Unreadable]]:
        """The documents of ``paths`` (as :func:`lint.io.corpus.read_context` would read them),
        from the index where a file is unchanged; the index forgets files not named."""
        documents: list[Document] = []
        errors: list[Unreadable] = []
        seen: dict[str, Entry] = {}
        for path in paths:
            name = path.as_posix()
            entry = self._entry(path, name)
            seen[name] = entry
            for result in entry[3]:
                if isinstance(result, Unreadable):
                    errors.append(result)
                else:
                    documents.append(result)
        if seen.keys() != self.entries.keys():
            self.changed = True
        self.entries = seen
        return documents, errors

    def _entry(self, path: Path, name: str) -> Entry:
        old = self.entries.get(name)
        try:
            stat = os.stat(path)
        except OSError:
            return (-1, -1, b"", list(read_path(path, self.fields)))  # says why; not kept
        if not stat_module.S_ISREG(stat.st_mode):  # a FIFO or device: never opened here
            return (-1, -1, b"", list(read_path(path, self.fields)))
        if old is not None and old[0] == stat.st_size and old[1] == stat.st_mtime_ns:
            return old
        try:
            digest = _digest(path.read_bytes())
        except OSError:
            return (-1, -1, b"", list(read_path(path, self.fields)))
        self.changed = True
        if old is not None and old[2] == digest:
            return (stat.st_size, stat.st_mtime_ns, digest, old[3])  # touched, not changed
        self.parsed += 1
        # the stat taken before reading: a file changed meanwhile is re-read next run
        return (stat.st_size, stat.st_mtime_ns, digest, list(read_path(path, self.fields)))

    def save(self) -> str | None:
        """Write the index if it changed (or its documents' kept memos grew: call it after the
        corpus rules ran); a warning instead of an error when that fails."""
        size = _memo_size(self.entries)
        if not self.changed and size == self.memo_size:
            return None
        kept = {
            k: (v[0], v[1], v[2], [_kept(r) for r in v[3]])
            for k, v in self.entries.items()
            if v[0] >= 0
        }
        payload = pickle.dumps((FORMAT, kept), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, _mac(payload) + payload)
        except OSError as err:
            return f"corpus index {self.path}: not saved ({err})"
        self.changed = False
        self.memo_size = size
        return None


def _decode(raw: bytes) -> dict[str, Entry] | None:
    """The entries of an index file, or None when it is corrupt, of another format or not signed
    with this user's key (checked before unpickling)."""
    check, payload = raw[:_CHECK], raw[_CHECK:]
    if len(check) != _CHECK or not hmac.compare_digest(_mac(payload), check):
        return None
    enabled = gc.isenabled()
    gc.disable()  # unpickling 2,000 documents allocates ~10^5 containers: the GC would scan them
    try:  # again and again as they arrive (half the time of the load)
        loaded: Any = pickle.loads(payload)
    except Exception:
        return None
    finally:
        if enabled:
            gc.enable()
    if not (isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == FORMAT):
        return None
    entries = loaded[1]
    if not isinstance(entries, dict):
        return None
    for name, entry in entries.items():
        if not (
            isinstance(name, str)
            and isinstance(entry, tuple)
            and len(entry) == 4
            and isinstance(entry[3], list)
            and all(isinstance(r, Document | Unreadable) for r in entry[3])
        ):
            return None
    return entries
