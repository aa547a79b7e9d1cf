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

The cache cannot be poisoned from the repository: a file starts with an HMAC-SHA256 of the rest
under this user's secret key (see :mod:`lint.io.signing`); a file committed to the repository,
written by someone else or edited by hand fails the check and is ignored (a miss). A cache folder
git tracks (committed, despite the ``.gitignore``) is not used at all, with a warning
(:mod:`lint.io.gitcheck`).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from lint import __version__
from lint.core.document import BlockKind, Span
from lint.core.finding import Edit, Finding, Severity
from lint.io.atomic import write_atomic
from lint.io.files import read_regular
from lint.io.signing import signed, verified
from lint.io.sources import Source

DEFAULT_DIR = ".newslint_cache"
ENV_DIR = "NEWSLINT_CACHE_DIR"
_FORMAT = 3  # bump when the layout of a cache file changes


def canonical(value: Any) -> Any:
    """A JSON-able, order-independent form of an options value (a dataclass by its init fields)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f for f in dataclasses.fields(value) if f.init]
        values = {f.name: canonical(getattr(value, f.name)) for f in fields}
        return [type(value).__qualname__, values]
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, int(value.flags)]
    if isinstance(value, Mapping):
        items = sorted(value.items(), key=lambda kv: str(kv[0]))
        return [[str(k), canonical(v)] for k, v in items]
    if isinstance(value, set | frozenset):
        return sorted((canonical(v) for v in value), key=repr)
    if isinstance(value, list | tuple):
        return [canonical(v) for v in value]
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
    options = [canonical(r.options) for r in rules]
    payload = [_FORMAT, __version__, code_digest(), definitions, options, canonical(settings)]
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
