"""Check a labels file against the data: offsets, spans, classes, types (prints no article text).

Usage::

    python bench/labels/check_labels.py --labels bench/labels/figures-heldout.jsonl \
        --sample bench/labels/heldout.tsv --tracking ../shared/data/tracking-dev.jsonl \
        --reuters ../shared/data/bench-reuters.jsonl

Every label must name a sampled article found in the data, have ``0 <= start < end <= len``,
a span that is number-like and has no surrounding whitespace, a known class and type, and not
overlap another label of the same article. Problems are printed as ids and offsets only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure_figures import _NUMBER_LIKE, CLASSES, load_sample, read_records

TYPES = frozenset(
    (
        "casualty",
        "people-count",
        "money",
        "percentage",
        "statistic",
        "company-result",
        "forecast",
        "score",
        "standing",
        "distance",
        "age",
        "date",
        "time",
        "duration",
        "conversion",
        "market-price",
        "name-with-number",
        "small-count",
        "spelled-small",
        "public-record",
        "arithmetic",
        "product-spec",
        "other",
    )
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--sample", type=Path, required=True)
    parser.add_argument("--tracking", type=Path)
    parser.add_argument("--reuters", type=Path)
    parser.add_argument("--attribution", type=Path)
    args = parser.parse_args(argv)
    paths = {"bbc": args.tracking, "reuters": args.reuters, "attribution": args.attribution}
    sample = set(load_sample(args.sample))
    rows = [json.loads(line) for line in args.labels.open(encoding="utf-8") if line.strip()]
    texts: dict[tuple[str, str], str] = {}
    for source in {s for s, _ in sample}:
        path = paths[source]
        if path is None:
            raise SystemExit(f"sample has {source} articles: give its data path")
        ids = {i for s, i in sample if s == source}
        texts.update(((source, i), text) for i, text, _ in read_records(source, path, ids))
    problems = 0

    def problem(row: dict[str, object], what: str) -> None:
        nonlocal problems
        problems += 1
        print(f"  {row['source']} {row['id']} {row['start']}-{row['end']}: {what}")

    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for row in rows:
        key = (row["source"], row["id"])
        if key not in sample:
            problem(row, "article not in the sample")
        if key not in texts:
            problem(row, "article not found in the data")
            continue
        text = texts[key]
        start, end = row["start"], row["end"]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            problem(row, "offsets outside the text")
            continue
        span = text[start:end]
        if not _NUMBER_LIKE.search(span):
            problem(row, "span not number-like")
        if span != span.strip():
            problem(row, "span has surrounding whitespace")
        if row["class"] not in CLASSES:
            problem(row, f"unknown class {row['class']}")
        if row["type"] not in TYPES:
            problem(row, f"unknown type {row['type']}")
        spans.setdefault(key, []).append((start, end))
    for key, found in spans.items():
        found.sort()
        for (_, a_end), (b_start, _) in itertools.pairwise(found):
            if b_start < a_end:
                problems += 1
                print(f"  {key[0]} {key[1]}: overlapping labels at {b_start}")
    missing = sample - set(texts)
    for source, record_id in sorted(missing):
        problems += 1
        print(f"  {source} {record_id}: sampled but not found in the data")
    per_source = Counter(row["source"] for row in rows)
    articles = Counter(source for source, _ in sample)
    print(
        f"{len(rows)} labels in {len(spans)} of {len(sample)} sampled articles "
        f"({', '.join(f'{s} {per_source[s]} in {articles[s]}' for s in sorted(articles))}); "
        f"{problems} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
