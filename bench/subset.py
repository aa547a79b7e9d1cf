"""The first records of a JSONL corpus, copied to a temporary file for a benchmark run."""

from __future__ import annotations

from pathlib import Path


def subset(data: Path, limit: int, directory: Path) -> Path:
    out = directory / f"subset-{limit}.jsonl"
    with data.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for number, line in enumerate(src):
            if number >= limit:
                break
            dst.write(line)
    return out
