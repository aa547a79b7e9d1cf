"""A generated corpus for the long-run tests: files and JSONL records recombined from seeds/.

Paragraphs are drawn from every seed article in a fixed rotation, so documents share paragraphs
(cross-file duplicates for the corpus rules) and carry the seeds' inflation and figures.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import SEEDS, write


def _paragraphs() -> list[str]:
    found = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        found.extend(line.strip() for line in lines if len(line.split()) >= 12)
    return found


def article(number: int, paragraphs: int = 5) -> str:
    pool = _paragraphs()
    body = [pool[(number * 7 + k * 3) % len(pool)] for k in range(paragraphs)]
    return f"Story {number % 40}: regional update\n\n" + "\n\n".join(body) + "\n"


def make_files(directory: Path, count: int = 60) -> Path:
    """``count`` .txt articles in two sub-folders of ``directory``."""
    for number in range(count):
        write(directory / f"part{number % 2}" / f"{number:03d}.txt", article(number))
    return directory


def make_jsonl(path: Path, count: int, paragraphs: int = 5) -> Path:
    lines = [
        json.dumps({"id": f"r{n}", "title": f"Record {n}", "text": article(n, paragraphs)})
        for n in range(count)
    ]
    return write(path, "\n".join(lines) + "\n")
