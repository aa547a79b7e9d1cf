"""Read labelled (original, rewrite) pairs from JSONL: ``{"id", "original", "rewrite", "label"}``
with an optional ``group`` (pairs from one story, kept together when cross-validating)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lint.tracking.model import LABELS


class PairsError(ValueError):
    """A pairs file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Pair:
    id: str
    original: str
    rewrite: str
    label: str | None = None
    group: str | None = None
    origin: str | None = None


def read_pairs(path: Path, labelled: bool = True) -> Iterator[Pair]:
    """Pairs from ``path``; with ``labelled``, every line must carry a METER label."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as err:
        raise PairsError(f"{path}: cannot read ({err.strerror or err})") from None
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise PairsError(f"{path}:{number}: malformed JSON ({err.msg})") from None
            yield _pair(record, f"{path}:{number}", labelled)


def _pair(record: object, where: str, labelled: bool) -> Pair:
    if not isinstance(record, dict):
        raise PairsError(f"{where}: not a JSON object")
    for key in ("original", "rewrite"):
        if not isinstance(record.get(key), str):
            raise PairsError(f"{where}: missing text field {key!r}")
    label = record.get("label")
    if labelled and label not in LABELS:
        raise PairsError(f"{where}: label {label!r} is not one of {', '.join(LABELS)}")
    group = record.get("group")
    return Pair(
        id=str(record.get("id", where.rsplit(":", 1)[-1])),
        original=record["original"],
        rewrite=record["rewrite"],
        label=label,
        group=None if group is None else str(group),
        origin=record.get("origin"),
    )
