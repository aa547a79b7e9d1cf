"""Pairing cost per rewrite as the corpus grows (issue 13: 1,000 rewrites against 1,000 originals
within 1.5x of 100 against 100).

``pair_documents`` (what ``newslint check`` runs when a corpus has originals) with N Reuters
articles as originals and the next N as rewrites that declare no source, so each is matched
against every original. The clock covers the whole call: profiling every document, ranking the
originals by shared rare words, scoring the best candidates with the tracking model, looking for
further sources. CPU seconds (``time.process_time``), best of ``--repeat``. Also checks that the
pairs are the same as with the plain ranking (every original's overlap computed for every
rewrite).

    PYTHONPATH=. python bench/bench_pairing.py --data ../shared/data/bench-reuters.jsonl \
        [--sizes 100,1000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from lint.core.document import Document
from lint.io.readers import parse
from lint.tracking import pairing
from lint.tracking.model import load_model

TARGET = 1.5


def documents(path: Path, count: int) -> list[Document]:
    """The first ``count`` records with some text, as parsed documents (never written out)."""
    found: list[Document] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if len(record["text"].split()) < 50:
                continue
            document = parse(f"r/{record['id']}.txt", record["title"] + "\n\n" + record["text"])
            if isinstance(document, Document):
                found.append(document)
            if len(found) == count:
                break
    return found


def timed(docs: Sequence[Document], originals: set[int], repeat: int) -> tuple[float, list[str]]:
    """Best CPU seconds of pairing ``docs`` and a summary of the pairs."""
    model = load_model()
    best = float("inf")
    summary: list[str] = []
    for _ in range(repeat):
        start = time.process_time()
        pairs = pairing.pair_documents(docs, lambda d: id(d) in originals, model)
        best = min(best, time.process_time() - start)
        summary = [
            f"{p.rewrite.path} {p.how} {p.nearest.path if p.nearest else '-'} "
            f"{p.score.score if p.score else '-'}"
            for p in pairs
        ]
    return best, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="bench-reuters.jsonl")
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pool = documents(args.data, 2 * max(sizes))
    per: dict[int, float] = {}
    for size in sizes:
        docs = pool[: 2 * size]
        originals = {id(d) for d in docs[:size]}
        seconds, fast = timed(docs, originals, args.repeat)
        per[size] = seconds / size
        limit = pairing.PLAIN_RANKING
        pairing.PLAIN_RANKING = sys.maxsize  # every original scored for every rewrite
        try:
            _, plain = timed(docs, originals, 1)
        finally:
            pairing.PLAIN_RANKING = limit
        same = "same pairs as the plain ranking" if fast == plain else "PAIRS DIFFER"
        print(
            f"{size:5d} rewrites x {size:5d} originals: {1000 * per[size]:7.2f} ms CPU per "
            f"rewrite (best of {args.repeat}); {same}"
        )
    if len(sizes) > 1:
        low, high = min(sizes), max(sizes)
        ratio = per[high] / per[low]
        print(
            f"per-rewrite cost {high} x {high} / {low} x {low}: {ratio:.2f}x (target <= {TARGET}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
