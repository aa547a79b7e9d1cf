"""Baselines: record a legacy corpus's findings once, then report only new ones.

A finding's fingerprint hashes its rule, its path (relative to the baseline file's folder, so the
baseline works from any working directory) and the normalised text of the flagged span and of
the block it starts in. Line numbers are left out, so inserting or deleting lines elsewhere
keeps the fingerprint; editing the flagged paragraph changes it. Findings are a multiset: N
identical findings are N entries, and a baseline of N lets N through silently, not N + 1.

The file is JSON, sorted and indented, with a version field::

    {"version": 1, "findings": [{"path": ..., "rule": ..., "text": ..., "fingerprint": ...,
                                 "count": 2}, ...]}

``text`` (the flagged span, shortened) is there for a human reading a diff; only ``fingerprint``
and ``count`` are used for matching.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.core.document import Document
from lint.core.finding import DocumentIndex, Finding
from lint.errors import ConfigError, OutputError
from lint.io.atomic import write_atomic
from lint.io.files import read_regular
from lint.text.normalize import normalise

VERSION = 1
EXCERPT = 60


@dataclass(frozen=True, order=True)
class Entry:
    """A finding as the baseline knows it."""

    path: str
    rule: str
    text: str
    fingerprint: str


def _relative(path: str, root: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()


def _block_text(document: Document, offset: int) -> str:
    block = next((b for b in document.blocks if b.span.start <= offset < b.span.end), None)
    return block.text if block is not None else ""


def entry(finding: Finding, document: Document | None, root: Path) -> Entry:
    """The baseline entry of ``finding`` (``document`` is the one it was found in)."""
    path = _relative(finding.path, root)
    span = document.text[finding.start : finding.end] if document else ""
    block = _block_text(document, finding.start) if document else ""
    if not span.strip():  # a finding on no text (a corpus or internal error): its message
        span = finding.message
    parts = (finding.rule, path, normalise(span), normalise(block))
    digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:20]
    excerpt = " ".join(span.split())
    if len(excerpt) > EXCERPT:
        excerpt = excerpt[: EXCERPT - 1] + "…"
    return Entry(path, finding.rule, excerpt, digest)


def entries(findings: Sequence[Finding], documents: Iterable[Document], root: Path) -> list[Entry]:
    """One entry per finding, in the same order."""
    index = DocumentIndex.of(documents)
    return [entry(f, index.get(f), root) for f in findings]


def write(path: Path, items: Iterable[Entry]) -> int:
    """Write the baseline file atomically; returns the number of findings recorded."""
    counts = Counter(items)
    rows = [
        {"path": e.path, "rule": e.rule, "text": e.text, "fingerprint": e.fingerprint, "count": n}
        for e, n in sorted(counts.items())
    ]
    body = json.dumps({"version": VERSION, "findings": rows}, indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomic(path, body)
    except OSError as err:
        raise OutputError(
            f"{path.as_posix()}: cannot write baseline ({err.strerror or err})"
        ) from None
    return sum(counts.values())


def _rows(path: Path, data: Any) -> list[Any]:
    if not isinstance(data, dict) or "version" not in data:
        raise ConfigError(f"{path.as_posix()}: not a newslint baseline (no version field)")
    if data["version"] != VERSION:
        found = data["version"]
        raise ConfigError(f"{path.as_posix()}: baseline version {found!r} (expected {VERSION})")
    rows = data.get("findings")
    if not isinstance(rows, list):
        raise ConfigError(f"{path.as_posix()}: baseline has no 'findings' list")
    return rows


def load(path: Path) -> Counter[str]:
    """Fingerprint -> count from a baseline file; any problem is a one-line ConfigError."""
    name = path.as_posix()
    try:
        data = json.loads(read_regular(path).decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{name}: baseline file not found") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{name}: cannot read baseline ({err})") from None
    except RecursionError:
        raise ConfigError(f"{name}: baseline is not valid JSON (nested too deeply)") from None
    except json.JSONDecodeError as err:
        raise ConfigError(f"{name}:{err.lineno}: baseline is not valid JSON ({err.msg})") from None
    counts: Counter[str] = Counter()
    for number, row in enumerate(_rows(path, data), start=1):
        fingerprint = row.get("fingerprint") if isinstance(row, dict) else None
        count = row.get("count", 1) if isinstance(row, dict) else None
        if not isinstance(fingerprint, str) or not isinstance(count, int) or count < 1:
            raise ConfigError(f"{name}: baseline entry {number} needs a fingerprint and a count")
        counts[fingerprint] += count
    return counts


def subtract(
    findings: Sequence[Finding], items: Sequence[Entry], known: Counter[str]
) -> list[Finding]:
    """``findings`` (with their ``items``) beyond what the baseline ``known`` already holds."""
    remaining = Counter(known)
    new = []
    for finding, item in zip(findings, items, strict=True):
        if remaining[item.fingerprint] > 0:
            remaining[item.fingerprint] -= 1
        else:
            new.append(finding)
    return new
