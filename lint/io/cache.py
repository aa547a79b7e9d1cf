"""A content-hash cache of findings, so a repeat run over an unchanged corpus skips the work.

One JSON file per rule set (``<cache dir>/<fingerprint>.json``) holds:

- ``units``: for each source (a file, or a JSONL line) its key and its per-document findings.
  The key is a sha256 of the fingerprint, the source's place (path, line) and its bytes, so an
  edited file misses and everything else hits;
- ``corpus``: the key and findings of the corpus rules; the key hashes every unit key of the run, so
  any change to any document recomputes them, and an unchanged corpus needs no parsing at all.

The fingerprint hashes the newslint version, the package's code, the rules' effective definitions
(id, kind, severity, scope, message, options after lexicons and config overrides are applied) and
the settings that shape documents (JSONL fields). A changed rule, config or version starts a fresh
file. Writes go to a temporary file renamed into place; an unreadable or malformed file or entry is
a miss, never a crash. The directory carries a ``.gitignore`` of ``*``, as ruff's cache does.

The cache cannot be poisoned from the repository: a file starts with an HMAC-SHA256 of the rest,
keyed by a random key kept outside any repository, in the user's cache folder
(``$XDG_CACHE_HOME/newslint/cache.key``, or ``~/.cache/newslint/cache.key``, mode 0600). A file
committed to the repository, written by someone else or edited by hand fails the check and is
ignored (a miss), so crafted entries cannot hide findings. Without a usable key folder the key is
made per run, and nothing is reused. A cache folder git tracks (committed, despite the
``.gitignore``) is not used at all, with a warning (:func:`git_tracked`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from lint import __version__
from lint.core.document import BlockKind, Span
from lint.core.finding import Edit, Finding, Severity
from lint.io.atomic import write_atomic
from lint.io.readers import read_regular
from lint.io.sources import Source

DEFAULT_DIR = ".newslint_cache"
ENV_DIR = "NEWSLINT_CACHE_DIR"
_FORMAT = 3  # bump when the layout of a cache file changes


def _canonical(value: Any) -> Any:
    """A JSON-able, order-independent form of an options value (a dataclass by its init fields)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f for f in dataclasses.fields(value) if f.init]
        values = {f.name: _canonical(getattr(value, f.name)) for f in fields}
        return [type(value).__qualname__, values]
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, int(value.flags)]
    if isinstance(value, Mapping):
        items = sorted(value.items(), key=lambda kv: str(kv[0]))
        return [[str(k), _canonical(v)] for k, v in items]
    if isinstance(value, set | frozenset):
        return sorted((_canonical(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return repr(value)


class RuleLike(Protocol):
    """What a rule contributes to the fingerprint (lint.engine.rules.Rule has it)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def scope(self) -> frozenset[BlockKind]: ...
    @property
    def message(self) -> str: ...
    @property
    def also(self) -> str: ...
    @property
    def options(self) -> Any: ...


@functools.cache
def code_digest() -> str:
    """sha256 of the package's Python sources: a kind edited without a version bump invalidates."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fingerprint(rules: Sequence[RuleLike], settings: Any = None) -> str:
    """What findings depend on besides the documents: version, code, rules and ``settings``."""
    definitions = [
        [r.id, r.kind, r.severity.label, sorted(s.value for s in r.scope), r.message, r.also]
        for r in rules
    ]
    options = [_canonical(r.options) for r in rules]
    payload = [_FORMAT, __version__, code_digest(), definitions, options, _canonical(settings)]
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def unit_key(fingerprint: str, source: Source) -> str:
    digest = hashlib.sha256(f"{fingerprint}\0{source.slot}\0".encode())
    digest.update(source.data)
    return digest.hexdigest()


def corpus_key(fingerprint: str, unit_keys: Iterable[str]) -> str:
    return hashlib.sha256("\0".join([fingerprint, *sorted(unit_keys)]).encode()).hexdigest()


def dump_finding(finding: Finding) -> dict[str, Any]:
    edits = [[e.span.start, e.span.end, e.replacement] for e in finding.edits]
    extra = {"start": finding.start, "end": finding.end, "record": finding.record, "edits": edits}
    return {**finding.as_dict(), **extra, "covers": finding.covers, "note": finding.note}


def load_finding(data: Mapping[str, Any]) -> Finding:
    """The inverse of :func:`dump_finding`; KeyError, TypeError or ValueError if malformed."""
    if not isinstance(data["data"], dict):
        raise TypeError("data must be a mapping")
    return Finding(
        path=str(data["path"]),
        line=int(data["line"]),
        column=int(data["column"]),
        end_line=int(data["end_line"]),
        end_column=int(data["end_column"]),
        rule=str(data["rule"]),
        severity=Severity.parse(str(data["severity"])),
        message=str(data["message"]),
        start=int(data["start"]),
        end=int(data["end"]),
        data=data["data"],
        record=None if data["record"] is None else str(data["record"]),
        edits=tuple(Edit(Span(int(a), int(b)), str(r)) for a, b, r in data["edits"]),
        covers=bool(data["covers"]),
        note=str(data["note"]),
    )


def _findings(entry: Any, key: str) -> list[Finding] | None:
    """The findings of a stored ``[key, findings]`` entry, or None if it misses or is malformed."""
    try:
        stored_key, stored = entry
        if stored_key != key:
            return None
        return [load_finding(f) for f in stored]
    except (KeyError, TypeError, ValueError):
        return None


KEY_ENV = "NEWSLINT_KEY_DIR"  # where the key lives (tests); default: the user's cache folder
_KEY_BYTES = 32


def key_directory() -> Path:
    env = os.environ.get(KEY_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def _read_key(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_mode & 0o077:
            return None  # a link, or readable by others: not a secret
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        data = handle.read(_KEY_BYTES + 1)
    return data if len(data) == _KEY_BYTES else None


@functools.cache
def secret_key() -> bytes:
    """This user's cache key, created on first use; a fresh per-process key when it cannot be
    kept (then no cache file written before verifies)."""
    folder = key_directory()
    path = folder / "cache.key"
    key = _read_key(path)
    if key is not None:
        return key
    key = secrets.token_bytes(_KEY_BYTES)
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = folder / f".cache.key.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(key)
            if _read_key(path) is None:  # another run may have made one meanwhile: keep it
                os.replace(temp, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        stored = _read_key(path)
        if stored is not None:
            return stored
    return key


def _mac(body: bytes) -> str:
    return hmac.new(secret_key(), body, hashlib.sha256).hexdigest()


def verified(data: bytes) -> bytes | None:
    """The body of a cache file's bytes (``<mac hex>\\n<body>``), if its HMAC checks out."""
    mac, newline, body = data.partition(b"\n")
    if not newline or not hmac.compare_digest(mac, _mac(body).encode("ascii")):
        return None
    return body


def signed(body: bytes) -> bytes:
    return _mac(body).encode("ascii") + b"\n" + body


def directory_for(root: Path, override: Path | None) -> Path:
    """``--cache-dir``, else ``$NEWSLINT_CACHE_DIR``, else ``.newslint_cache`` in ``root``."""
    if override is not None:
        return override
    env = os.environ.get(ENV_DIR)
    return Path(env) if env else root / DEFAULT_DIR


class Cache:
    """The cache file of one rule set: look up, record, and save once at the end."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.directory = directory
        self.fingerprint = fingerprint
        self.path = directory / f"{fingerprint[:32]}.json"
        self._units: dict[str, Any] = {}
        self._corpus: Any = None
        self._changed = False
        try:
            body = verified(read_regular(self.path))
            stored = json.loads(body) if body is not None else None
            if isinstance(stored, dict) and stored.get("fingerprint") == fingerprint:
                units = stored.get("units")
                self._units = units if isinstance(units, dict) else {}
                self._corpus = stored.get("corpus")
        except (OSError, ValueError, RecursionError):
            pass  # missing, corrupt or not ours: every lookup misses

    def key(self, source: Source) -> str:
        return unit_key(self.fingerprint, source)

    def unit(self, source: Source, key: str) -> list[Finding] | None:
        return _findings(self._units.get(source.slot), key)

    def corpus(self, key: str) -> list[Finding] | None:
        return _findings(self._corpus, key)

    def put_unit(self, source: Source, key: str, findings: Sequence[Finding]) -> None:
        self._units[source.slot] = [key, [dump_finding(f) for f in findings]]
        self._changed = True

    def put_corpus(self, key: str, findings: Sequence[Finding]) -> None:
        self._corpus = [key, [dump_finding(f) for f in findings]]
        self._changed = True

    def save(self) -> str | None:
        """Write the file atomically if anything changed; a one-line problem if it could not."""
        if not self._changed:
            return None
        payload = {"fingerprint": self.fingerprint, "units": self._units, "corpus": self._corpus}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            ignore = self.directory / ".gitignore"
            if not ignore.exists():
                write_atomic(ignore, "# Created by newslint\n*\n")
            body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            write_atomic(self.path, signed(body.encode("utf-8", "surrogatepass")))
        except OSError as err:
            return f"{self.directory.as_posix()}: cannot write cache ({err.strerror or err})"
        self._changed = False
        return None


GIT_TIMEOUT = 5.0  # seconds: a slow or hung git never holds the run up for longer


def _in_git_work_tree(folder: Path) -> bool:
    """Whether ``folder`` or a parent holds ``.git`` (a folder, or a file for a worktree): a few
    stat calls, so a run outside any repository never starts git."""
    try:
        folder = folder.resolve()
    except (OSError, RuntimeError):
        return False
    return any((parent / ".git").exists() for parent in (folder, *folder.parents))


def git_tracked(directory: Path, timeout: float = GIT_TIMEOUT) -> int:
    """How many files under ``directory`` git tracks: 0 when the folder does not exist, lies in no
    git work tree, or git is missing, fails or takes over ``timeout`` seconds."""
    if not directory.is_dir() or not _in_git_work_tree(directory):
        return 0
    try:
        done = subprocess.run(
            ["git", "-C", str(directory), "ls-files", "-z", "--", "."],
            capture_output=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return 0
    return done.stdout.count(b"\0") if done.returncode == 0 else 0


def tracked_warning(directory: Path, count: int) -> str:
    """The warning for a cache folder git tracks; the folder relative to the current one when it
    lies under it (the ``git rm`` it suggests runs as shown)."""
    try:
        shown = directory.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        shown = directory.as_posix()
    return (
        f"{shown}: the cache folder is tracked by git ({count} file{'s' * (count != 1)}), so "
        f"it is neither read nor written; untrack it: git rm -r --cached {shown}"
    )
