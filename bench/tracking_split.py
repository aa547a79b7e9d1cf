"""Load the llm-rewrite rows of a tracking corpus and split their groups into tune and check halves.

Lexicon entries are curated on the ``tune`` half only; the ``check`` half is held out, so the
separation measured on it is the honest figure. The split is by ``group`` (all rewrites of one
original fall in the same half) and fixed by ``SEED``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

SEED = 12
HALVES = ("tune", "check")


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def rewrite_rows(path: str | Path) -> list[dict]:
    """The ``origin: llm-rewrite`` rows, in file order."""
    return [row for row in read_jsonl(path) if row.get("origin") == "llm-rewrite"]


def split_groups(rows: list[dict], seed: int = SEED) -> dict[str, set[str]]:
    """``{"tune": groups, "check": groups}``: the sorted groups shuffled with ``seed``, halved."""
    groups = sorted({row["group"] for row in rows})
    random.Random(seed).shuffle(groups)
    middle = len(groups) // 2
    return {"tune": set(groups[:middle]), "check": set(groups[middle:])}


def half(rows: list[dict], name: str, seed: int = SEED) -> list[dict]:
    """The rows of one half (``tune``, ``check``) or all rows (``all``)."""
    if name == "all":
        return rows
    keep = split_groups(rows, seed)[name]
    return [row for row in rows if row["group"] in keep]
