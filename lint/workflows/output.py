"""What every command prints: the report to stdout or ``--output``, errors and warnings."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from lint.core.finding import Finding
from lint.errors import OutputError
from lint.formats import Report, binary_formatter, formatter
from lint.io.atomic import write_atomic

#: shards of ``--output-shards``: findings bucketed by the first byte of their path's SHA-256
SHARD_PREFIX = "findings-"


def emit(output: Path | None, text: str | bytes) -> None:
    """``text`` to stdout, or to the ``--output`` file (its folders created); bytes (a binary
    format) go to a file only."""
    if not output:
        if isinstance(text, bytes):
            raise OutputError("a binary format is written to a file: give --output FILE")
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, text)
    except OSError as err:
        raise OutputError(f"--output: cannot write {output.as_posix()} ({err.strerror})") from None


def print_errors(errors: Iterable[str]) -> None:
    for error in errors:
        print(f"newslint: error: {error}", file=sys.stderr)


def print_warnings(warnings: Iterable[str]) -> None:
    for warning in warnings:
        print(f"newslint: warning: {warning}", file=sys.stderr)


def count(n: int, word: str = "finding") -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def write_shards(findings: Sequence[Finding], folder: Path, fmt: str, report: Report) -> None:
    """``--output-shards DIR``: the (sorted) findings in up to 256 files, one per bucket of
    their path's hash, so a file's findings are in one shard, each shard sorted: JSON Lines, or
    Parquet with ``--format parquet``. Shards of an earlier run are removed first."""
    binary = fmt == "parquet"
    suffix = ".parquet" if binary else ".jsonl"
    buckets: dict[str, list[Finding]] = {}
    for finding in findings:
        bucket = hashlib.sha256(finding.path.encode("utf-8", "surrogateescape")).hexdigest()[:2]
        buckets.setdefault(bucket, []).append(finding)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in [
            *folder.glob(f"{SHARD_PREFIX}*.jsonl"),
            *folder.glob(f"{SHARD_PREFIX}*.parquet"),
        ]:
            old.unlink()
    except OSError as err:
        where = folder.as_posix()
        raise OutputError(f"--output-shards: cannot write {where} ({err.strerror})") from None
    for bucket, found in sorted(buckets.items()):
        data: str | bytes = (
            binary_formatter("parquet")(found, report)
            if binary
            else formatter("jsonl")(found, report)
        )
        emit(folder / f"{SHARD_PREFIX}{bucket}{suffix}", data)
