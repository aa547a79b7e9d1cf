"""The compiled code of dataclasses' generated methods, kept between runs in the user's signed
start-up cache.

Each ``@dataclass`` writes the source of its ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``
(and, frozen, ``__setattr__`` and ``__delattr__``) and hands it to ``exec``, which parses and
compiles it: a one-file run creates ~60 dataclasses, ~350 such sources, about a sixth of its CPU
time. The code depends only on the source text and the interpreter, so :func:`install` (called
first thing by the command line, with :func:`lint.io.regexcache.preload`) gives the
``dataclasses`` module an ``exec`` that compiles each source once and takes the code the last
runs compiled from the store; :func:`save` (called when a command ends) stores the new ones.

Nothing changes what a class does: the source is compiled exactly as ``exec`` compiles it (file
name ``<string>``, no ``__future__`` flags inherited, so annotations are evaluated as they are
without the store) and then executed with the same globals and locals. Code objects are
``marshal``'s format, which is the interpreter's own (that of ``.pyc`` files), so the store is
keyed by the interpreter's version and bytecode magic number and by this installation's code
(:func:`lint.io.startcache.package_digest`); the file is signed with the user's key like the rest
of the start-up cache (:mod:`lint.io.startcache`) and checked before anything is read from it; an
entry that is not a (source, code) pair is ignored. ``NEWSLINT_NO_RULE_CACHE=1`` turns it off.
"""

from __future__ import annotations

import builtins
import hashlib
import marshal
import sys
from importlib import _bootstrap_external  # loaded with the interpreter (importlib.util is not)
from pathlib import Path
from types import CodeType
from typing import Any

from lint.io import lazyinspect, startcache

#: stored sources at most (a run with every command's modules creates about 1,000); past it, the
#: file keeps only the sources of the run that wrote it
LIMIT = 4000

_codes: dict[str, CodeType] = {}  # source -> code: the store's and this process's
_stored: set[str] = set()  # the sources the file this process read holds
_installed = False


def _compile(source: str) -> CodeType:
    # as exec(source, ...) called from dataclasses compiles it: its file name, and no __future__
    # flag inherited from this module (annotations must stay evaluated, not strings)
    return compile(source, "<string>", "exec", dont_inherit=True)


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """``exec`` for the ``dataclasses`` module: a source string's code comes from the store, or
    is compiled once per process."""
    if isinstance(source, str):
        code = _codes.get(source)
        if code is None:
            code = _codes[source] = _compile(source)
        source = code
    builtins.exec(source, globals, locals)


def _where() -> tuple[Path, str] | None:
    if not startcache.enabled():
        return None
    payload = [
        startcache.FORMAT,
        sys.version,
        _bootstrap_external.MAGIC_NUMBER,
        startcache.package_digest(),
    ]
    key = hashlib.sha256(repr(payload).encode()).hexdigest()
    return startcache.folder("code") / f"{key[:32]}.bin", key


def install() -> int:
    """Give ``dataclasses`` the caching ``exec`` and load the stored code; how many sources were
    loaded. Called once, before the modules that create dataclasses are imported (those created
    before it still work: they compile as usual)."""
    global _installed
    if _installed:
        return 0
    _installed = True
    where = _where()
    if where is None:
        lazyinspect.import_dataclasses()
        return 0
    found = startcache.load(*where)
    count = 0
    if isinstance(found, bytes):
        try:
            entries = marshal.loads(found)
        except (EOFError, ValueError, TypeError):
            entries = None
        if isinstance(entries, tuple):
            for entry in entries:
                if (
                    isinstance(entry, tuple)
                    and len(entry) == 2
                    and isinstance(entry[0], str)
                    and isinstance(entry[1], CodeType)
                ):
                    _codes.setdefault(entry[0], entry[1])
                    _stored.add(entry[0])
                    count += 1
    # imported here, after lint.io.regexcache.preload, and without its inspect (lint.io.lazyinspect)
    dataclasses = lazyinspect.import_dataclasses()
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # found before the builtin
    return count


def save() -> int:
    """Store the code compiled in this process that the file lacks; how many sources (a failure
    only costs the next run the compiling)."""
    where = _where() if _installed else None
    if where is None:
        return 0
    new = [source for source in _codes if source not in _stored]
    if not new:
        return 0
    keep = list(_codes) if len(_codes) <= LIMIT else new[:LIMIT]
    entries = tuple((source, _codes[source]) for source in keep)
    try:
        data = marshal.dumps(entries)
    except ValueError:
        return 0
    startcache.save(*where, data)
    _stored.update(keep)
    return len(new)
