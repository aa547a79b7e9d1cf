"""Parsed configuration files kept in the user's signed start-up cache (:mod:`lint.io.startcache`,
``configs/``): a file read before is not parsed again.

An entry is keyed by the file's bytes, its path and root, and newslint's code, so neither its
parser (PyYAML is ~15 ms of a one-file run) nor the schema and glob matcher that validate it are
imported when it comes from the cache. A broken file is never cached (its parser raises every
time). :mod:`lint.config` gives the parsing and what to check again on every load (a tracking
model the configuration names is a file of its own).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lint.errors import ConfigError
from lint.io import startcache

T = TypeVar("T")


def loaded(
    path: Path,
    root: Path,
    kind: type[T],
    parse: Callable[[Path, str], T | None],
    recheck: Callable[[T], None],
) -> T | None:
    """What ``parse`` makes of file ``path`` (its text), from the cache when the file was parsed
    before (then ``recheck`` is called on it); None is kept too (a ``pyproject.toml`` without our
    table). Raises ConfigError when the file cannot be read or decoded, and whatever ``parse``
    raises."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ConfigError(f"{path.as_posix()}: cannot read ({err})") from None
    key = _cache_key(path, root, raw) if startcache.enabled() else None
    where = startcache.folder("configs") / f"{key[:32]}.bin" if key else None
    if key and where:
        found = startcache.load(where, key)
        if isinstance(found, tuple) and len(found) == 1:
            value = found[0]
            if value is None:
                return None
            if isinstance(value, kind):
                recheck(value)
                return value
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path.as_posix()}: cannot read ({err})") from None
    parsed = parse(path, text)
    if key and where:
        startcache.save(where, key, (parsed,))
    return parsed


def _cache_key(path: Path, root: Path, raw: bytes) -> str:
    from lint import __version__

    payload = [
        startcache.FORMAT,
        __version__,
        sys.version,
        startcache.package_digest(),
        path.as_posix(),
        root.as_posix(),
    ]
    return hashlib.sha256(json.dumps(payload).encode() + b"\0" + raw).hexdigest()
