"""This user's secret key, and signing with it: what newslint writes to reuse later (the findings
cache, the rule-set cache, the corpus index) carries an HMAC-SHA256 under this key, checked before
anything is read back.

The key is random and kept outside any repository, in the user's cache folder
(``$XDG_CACHE_HOME/newslint/cache.key``, or ``~/.cache/newslint/cache.key``, mode 0600;
``$NEWSLINT_KEY_DIR`` moves it, for tests). A file committed to a repository, written by someone
else or edited by hand fails the check and is ignored, so crafted entries cannot hide findings or
run code. A key file that is a link, readable by others or owned by another user is not used.
Without a usable key folder the key is made per run, and nothing written before verifies.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import stat
from pathlib import Path

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
    import secrets  # only to make a key: its random and base64 imports are not start-up's

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
