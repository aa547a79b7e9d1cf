"""What ``--jobs`` workers compiled, handed back to the process that saves it.

The start-up cache keeps the regular expressions a run compiled (:mod:`lint.io.regexcache`), so
the next run rebuilds them from their code instead of parsing and compiling them. Only the main
process saves, at the end of a command; a pattern first compiled in a worker process (most of the
patterns a document's rarer features need: the one document linted before the fork compiles
only its own) was never stored, so with the default ``--jobs`` every run compiled it again in
each worker. A worker now reports, with each chunk's outcomes, the patterns it compiled that the
store lacks and that it has not reported yet; the main process compiles them too (``re`` keeps
them), and its save stores them. The next runs' workers, forked from a process that preloaded
them, rebuild them from the store.

Nothing changes what any pattern matches: the main process only compiles, with ``re.compile``,
a pattern and flags that ``re`` compiled already in the worker.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable

from lint.io import regexcache

Pattern = tuple[str, int]  # (pattern, flags), as ``re`` keys its cache

_reported: set[Pattern] = set()  # in a worker: the patterns its parent has, or was sent
_mark: tuple[int, object] = (-1, None)  # ``re._cache``'s size and last key when last looked at


def _cache_mark() -> tuple[int, object]:
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return (-1, object())  # never the same: always scan
    return len(cache), next(reversed(cache), None)


def forked() -> None:
    """In a new worker: what the parent compiled and did not store is the parent's already."""
    global _mark
    _reported.clear()
    _reported.update(regexcache.unsaved())
    _mark = _cache_mark()


def new() -> tuple[Pattern, ...]:
    """The patterns compiled since the last call (or :func:`forked`) that the store lacks.

    Shortcut: ``re`` only changes its cache by adding a pattern it compiled (or a store's
    pattern rebuilt on first use, not new), at the end (dicts keep insertion order), and by
    dropping its oldest when full; so the same size and the same last key mean nothing was added
    since the last look, and the scan of the cache is skipped. Equal to :func:`plain_new` (tests
    compare them, with a full cache too)."""
    global _mark
    mark = _cache_mark()
    if mark == _mark:
        return ()
    _mark = mark
    return plain_new()


def plain_new() -> tuple[Pattern, ...]:
    """:func:`new` without the shortcut: the store's missing patterns not reported yet."""
    found = tuple(p for p in regexcache.unsaved() if p not in _reported)
    _reported.update(found)
    return found


def learn(patterns: Iterable[Pattern]) -> None:
    """Compile in this process the patterns a worker reported, so that this process's
    :func:`lint.io.regexcache.save` stores them."""
    for pattern, flags in patterns:
        with contextlib.suppress(re.error, TypeError, ValueError, OverflowError):
            re.compile(pattern, flags)
