"""Print the ids of the hand-labelled BBC DEVELOPMENT sample (ids only, never text).

Usage::

    python bench/labels/select_bbc_dev.py --tracking ../shared/data/tracking-dev.jsonl \
        > bench/labels/sample-bbc.tsv

The BBC originals of ``tracking-dev.jsonl`` (one per ``group``, from the group's
``llm-rewrite`` rows; see ``select_heldout.bbc_originals``) that contain a digit and are not in
the held-out set (``heldout.tsv``, any length), sorted by group id (string order), shuffled with
``random.Random(7)``; the first 60. The selection is a pure function of the data file and
``heldout.tsv``.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from select_heldout import bbc_originals

BBC_DEV_SEED = 7
BBC_DEV_COUNT = 60
HELDOUT = Path(__file__).resolve().parent / "heldout.tsv"


def heldout_bbc(path: Path = HELDOUT) -> set[str]:
    with path.open(encoding="utf-8") as lines:
        rows = [line.rstrip("\n").split("\t") for line in lines if line.strip()]
    return {record_id for source, record_id in rows if source == "bbc"}


def bbc_dev_ids(tracking: Path, heldout: Path = HELDOUT) -> list[str]:
    excluded = heldout_bbc(heldout)
    candidates = sorted(
        group
        for group, text in bbc_originals(tracking).items()
        if group not in excluded and any(c.isdigit() for c in text)
    )
    random.Random(BBC_DEV_SEED).shuffle(candidates)
    return candidates[:BBC_DEV_COUNT]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracking", type=Path, required=True)
    parser.add_argument("--heldout", type=Path, default=HELDOUT)
    args = parser.parse_args(argv)
    for record_id in bbc_dev_ids(args.tracking, args.heldout):
        print(f"bbc\t{record_id}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
