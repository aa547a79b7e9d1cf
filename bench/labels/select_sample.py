"""Print the ids of the hand-labelled development sample (ids only, never text).

Usage::

    python bench/labels/select_sample.py --reuters ../shared/data/bench-reuters.jsonl \
        --attribution ../shared/data/attribution-dev.jsonl

Reuters: articles of 80-600 words with at least one digit and at least 40 words of prose outside
column-aligned table lines, shuffled with ``random.Random(12)``; the first 70. Attribution-dev:
articles of at most 1,200 words with at least one digit, in file order, ``random.Random(12)
.sample(..., 50)``. The selection is a pure function of the data files.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SEED = 12
REUTERS_COUNT = 70
ATTRIBUTION_COUNT = 50
_TABLE_GAP = re.compile(r"\S {3,}\S")
_WORD = re.compile(r"[A-Za-z]{2,}")


def prose_words(text: str) -> int:
    """Alphabetic words on lines that are not column-aligned table rows."""
    return sum(
        len(_WORD.findall(line)) for line in text.splitlines() if not _TABLE_GAP.search(line)
    )


def reuters_candidates(path: Path) -> list[str]:
    """Ids of the Reuters articles of 80-600 words with a digit and 40 words of prose, in file
    order (the held-out selection draws from the same pool)."""
    candidates: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record["text"]
            words = len(text.split())
            if 80 <= words <= 600 and any(c.isdigit() for c in text) and prose_words(text) >= 40:
                candidates.append(record["id"])
    return candidates


def reuters_ids(path: Path) -> list[str]:
    candidates = reuters_candidates(path)
    random.Random(SEED).shuffle(candidates)
    return candidates[:REUTERS_COUNT]


def attribution_ids(path: Path) -> list[str]:
    candidates: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record["text"]
            if len(text.split()) <= 1200 and any(c.isdigit() for c in text):
                candidates.append(record["id"])
    return random.Random(SEED).sample(candidates, ATTRIBUTION_COUNT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=Path, required=True)
    parser.add_argument("--attribution", type=Path, required=True)
    args = parser.parse_args(argv)
    for record_id in reuters_ids(args.reuters):
        print(f"reuters\t{record_id}")
    for record_id in attribution_ids(args.attribution):
        print(f"attribution\t{record_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
