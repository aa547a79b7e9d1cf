"""Compiled regular expressions kept between runs, in the user's signed start-up cache.

A one-file run compiled ~140 patterns (the text layer's, the figure kinds', the lexicons', the
rule set's), about a seventh of its time: ``re`` parses each pattern and generates its matcher
code in Python, every run, although the code depends only on the pattern, its flags and the
Python version. :func:`preload` (called first thing by the command line) reads the patterns the
last runs compiled, with their stored code, and makes ``re``'s own cache of compiled patterns
(where every ``re.compile``, ``re.search``... and the unpickling of a cached rule set look first)
rebuild one from its code when it is first looked up, which is cheap (``_sre.compile`` of a list
of ints): a run rebuilds only the patterns it uses. :func:`save` (called when a command ends)
stores the patterns this run compiled that were not stored yet.

Nothing changes what a pattern matches: a stored entry is exactly what ``re.compile`` builds
(CPython's own steps: ``re._parser.parse``, ``re._compiler._code``, ``_sre.compile``), and one is
stored only after checking that the pattern it rebuilds equals the one ``re`` compiled (same
pattern, flags and code). The store uses CPython internals, so it is keyed by the interpreter's
version and the regex engine's magic number, and any surprise (another Python, another layout of
``re``) leaves ``re`` alone: patterns are then compiled as usual. The store is this
installation's (:func:`lint.io.startcache.folder`) and keyed by its code too
(:func:`lint.io.startcache.package_digest`): two checkouts keep two stores. The file is signed
with the user's key like the rest of the start-up cache (:mod:`lint.io.startcache`), checked
before it is unpickled; ``_sre.compile`` also validates the code it is given.
``NEWSLINT_NO_RULE_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import re
import sys
from array import array
from pathlib import Path
from typing import Any

from lint.io import startcache

#: stored entries at most (a run compiles about 600 distinct patterns); past it, the file keeps
#: only the patterns of the run that wrote it
LIMIT = 2000

# (pattern, flags as re's cache keys them) -> _sre.compile's arguments, the code as the bytes of
# an array of 32-bit numbers (unpickled in one copy; a list of ints was a pickled int each)
_Entry = tuple[str, int, int, bytes, int, dict[str, int], tuple[str | None, ...]]
_CODE = "I" if array("I").itemsize == 4 else "L"  # SRE_CODE: 32 bits

_stored: set[tuple[str, int]] = set()  # what the file this process read holds
_entries: list[_Entry] = []
_pending: dict[tuple[str, int], _Entry] = {}  # stored, not built yet
_loaded = False


class _Cache(dict[Any, Any]):
    """``re``'s cache of compiled patterns, which builds a stored pattern the first time ``re``
    looks it up (``re._compile`` asks ``_cache[str, pattern, flags]`` before compiling): a run
    builds only the stored patterns it uses."""

    def __missing__(self, key: Any) -> Any:
        entry = _pending.pop(key[1:], None) if isinstance(key, tuple) and len(key) == 3 else None
        if entry is not None and key[0] is str:
            compiled = _build(entry)
            if compiled is not None:
                self[key] = compiled
                return compiled
        raise KeyError(key)


def _build(entry: _Entry) -> Any:
    """The pattern a stored entry holds, or None when this Python cannot use it."""
    try:
        pattern, _, final, code, groups, groupindex, indexgroup = entry
        sre = importlib.import_module("_sre")
        return sre.compile(
            pattern, final, array(_CODE, code).tolist(), groups, groupindex, indexgroup
        )
    except (TypeError, ValueError, RuntimeError, OverflowError):
        return None  # that pattern is compiled as usual


def _internals() -> tuple[Any, Any, Any] | None:
    """``_sre``, ``re._compiler`` and ``re._parser``, or None when ``re`` is not laid out as
    this module expects (then it does nothing)."""
    try:
        sre = importlib.import_module("_sre")
        compiler = importlib.import_module("re._compiler")
        parser = importlib.import_module("re._parser")
    except ImportError:
        return None
    cache = getattr(re, "_cache", None)
    needed = (hasattr(compiler, "_code"), hasattr(parser, "parse"), hasattr(sre, "compile"))
    return (sre, compiler, parser) if isinstance(cache, dict) and all(needed) else None


def _where() -> tuple[Path, str] | None:
    found = _internals()
    if found is None or not startcache.enabled():
        return None
    # this installation's folder, and its code: the patterns a run compiles are mostly its own
    # modules' and rules', so checkouts sharing one store kept replacing each other's patterns
    # (past LIMIT the file restarts from one run's), and each then compiled its patterns again
    payload = [
        startcache.FORMAT,
        "code-bytes",  # the entries' layout (_Entry)
        sys.version,
        getattr(found[0], "MAGIC", None),
        sys.maxunicode,
        startcache.package_digest(),
    ]
    # repr, not json: json compiles its patterns as it is imported, and this runs before the preload
    key = hashlib.sha256(repr(payload).encode()).hexdigest()
    return startcache.folder("regex") / f"{key[:32]}.bin", key


def preload() -> int:
    """Make the stored patterns ``re``'s: each is built when ``re`` first looks it up (see
    :class:`_Cache`); how many are stored. Called once, before the modules that compile patterns
    at import are imported."""
    global _loaded
    if _loaded:
        return 0
    _loaded = True
    where = _where()
    if where is None:
        return 0
    if isinstance(getattr(re, "_MAXCACHE", None), int) and re._MAXCACHE < LIMIT + 64:  # type: ignore[attr-defined]
        # re keeps 512 patterns and drops the oldest past that: a run compiles ~600, so with the
        # default a stored pattern could be dropped and compiled again in the same run
        re._MAXCACHE = LIMIT + 64  # type: ignore[attr-defined]
    found = startcache.load(*where)
    if not isinstance(found, list):
        return 0
    for entry in found:
        if not (isinstance(entry, tuple) and len(entry) == 7):
            continue
        pattern, flags, code = entry[0], entry[1], entry[3]
        if isinstance(pattern, str) and isinstance(flags, int) and isinstance(code, bytes):
            _pending.setdefault((pattern, flags), entry)
            _stored.add((pattern, flags))
            _entries.append(entry)
    cache = re._cache  # type: ignore[attr-defined]
    if hasattr(re, "_cache2") or type(cache) is not dict:
        # a re that does not look _cache up by key first (3.12's pops it): build them all now
        for key, entry in list(_pending.items()):
            compiled = _build(entry)
            if compiled is not None and (str, *key) not in cache:
                cache[str, *key] = compiled
        _pending.clear()
        return len(_entries)
    re._cache = _Cache(cache)  # type: ignore[attr-defined]  # re's own entries, in order
    return len(_entries)


def _entry(pattern: str, flags: int, compiled: re.Pattern[str]) -> _Entry | None:
    """``_sre.compile``'s arguments for ``pattern``, as ``re._compiler.compile`` computes them;
    None unless they rebuild exactly ``compiled``."""
    sre = importlib.import_module("_sre")
    compiler = importlib.import_module("re._compiler")
    parsed = importlib.import_module("re._parser").parse(pattern, flags)
    code = [int(op) for op in compiler._code(parsed, flags)]
    state = parsed.state
    groupindex = dict(state.groupdict)
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    final, groups, names = flags | state.flags, state.groups - 1, tuple(indexgroup)
    rebuilt = sre.compile(pattern, final, code, groups, groupindex, names)
    same = rebuilt == compiled and rebuilt.groupindex == compiled.groupindex
    if not (same and rebuilt.groups == compiled.groups):
        return None
    return pattern, flags, final, array(_CODE, code).tobytes(), groups, groupindex, names


def save() -> int:
    """Store the patterns compiled in this process that the file lacks; how many (a failure
    only costs the next run the compiling)."""
    where = _where() if _loaded else None
    if where is None:
        return 0
    cache: dict[Any, Any] = re._cache  # type: ignore[attr-defined]
    current = [
        (key[1], key[2], compiled)
        for key, compiled in list(cache.items())
        if key[0] is str and not key[2] & re.DEBUG
    ]
    new = [item for item in current if item[:2] not in _stored]
    if not new:
        return 0
    entries = list(_entries)
    if len(entries) + len(new) > LIMIT:  # start again from this run's patterns
        entries, new = [], current
    added = 0
    for pattern, flags, compiled in new:
        with contextlib.suppress(Exception):  # a pattern re could compile but not we: skip it
            entry = _entry(pattern, flags, compiled)
            if entry is not None:
                entries.append(entry)
                _stored.add((pattern, flags))
                added += 1
    if added:
        startcache.save(*where, entries)
        _entries[:] = entries
    return added


def unsaved() -> list[tuple[str, int]]:
    """``(pattern, flags)`` of each pattern this process compiled that the store lacks: what
    :func:`save` would add. A ``--jobs`` worker reports them to the process that saves
    (:mod:`lint.engine.learned`); empty when the store is not in use."""
    if not _loaded or not startcache.enabled():
        return []
    return [
        (key[1], key[2])
        for key in list(re._cache)  # type: ignore[attr-defined]
        if key[0] is str and not key[2] & re.DEBUG and (key[1], key[2]) not in _stored
    ]
