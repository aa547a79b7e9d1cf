"""Print the ids of the hand-labelled HELD-OUT sample (ids only, never text).

Usage::

    python bench/labels/select_heldout.py --tracking ../shared/data/tracking-dev.jsonl \
        --reuters ../shared/data/bench-reuters.jsonl > bench/labels/heldout.tsv

BBC: the distinct BBC originals of ``tracking-dev.jsonl``, one per ``group``, taken from the
group's ``llm-rewrite`` rows (the ``unrelated-article`` row of a group carries another group's
original, and the ``basil-*`` groups are not BBC), of 80-900 words containing a digit, in file
order; ``random.Random(2026).sample(..., 60)``. Reuters: the same filter as the development
sample (``select_sample.reuters_ids``), minus the 70 development articles, shuffled with
``random.Random(2026)``; the first 40. The selection is a pure function of the data files.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from select_sample import REUTERS_COUNT, SEED, reuters_candidates

HELDOUT_SEED = 2026
BBC_COUNT = 60
HELDOUT_REUTERS_COUNT = 40


def bbc_originals(path: Path) -> dict[str, str]:
    """The BBC original of every ``group``, in file order (from its ``llm-rewrite`` rows)."""
    originals: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["origin"] == "llm-rewrite":
                originals.setdefault(row["group"], row["original"])
    return originals


def bbc_ids(path: Path) -> list[str]:
    candidates = [
        group
        for group, text in bbc_originals(path).items()
        if 80 <= len(text.split()) <= 900 and any(c.isdigit() for c in text)
    ]
    return random.Random(HELDOUT_SEED).sample(candidates, BBC_COUNT)


def reuters_ids(path: Path) -> list[str]:
    candidates = reuters_candidates(path)
    development = list(candidates)
    random.Random(SEED).shuffle(development)
    taken = set(development[:REUTERS_COUNT])
    remaining = [c for c in candidates if c not in taken]
    random.Random(HELDOUT_SEED).shuffle(remaining)
    return remaining[:HELDOUT_REUTERS_COUNT]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracking", type=Path, required=True)
    parser.add_argument("--reuters", type=Path, required=True)
    args = parser.parse_args(argv)
    for record_id in bbc_ids(args.tracking):
        print(f"bbc\t{record_id}")
    for record_id in reuters_ids(args.reuters):
        print(f"reuters\t{record_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
