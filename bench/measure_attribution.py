"""Measure the ``figures`` kind on real news (research data: read by path, never copied).

Usage::

    python bench/measure_attribution.py --reuters ../shared/data/bench-reuters.jsonl \
        --attribution ../shared/data/attribution-dev.jsonl [--sample 20] [--seed 1]

``--reuters``: JSONL with ``id``, ``title``, ``text`` (hard-wrapped, paragraphs indented by four
spaces). Prints findings per article for each rule and a random sample of flagged sentences to
read by hand.

``--attribution``: JSONL with ``text`` and ``attributions`` (``content`` spans as character
offsets; paragraphs separated by blank lines). Counts how many figures the kind calls
unattributed (or vague) that lie inside an annotated content span (false alarms) or outside.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.core.finding import Hit  # noqa: E402
from lint.kinds import figures  # noqa: E402
from lint.kinds.options import build_options  # noqa: E402

RULES = ("unattributed-figure", "vague-attribution")
_TABLE = re.compile(r"\S {3,}\S")


def load_options(rule: str) -> figures.Options:
    data = yaml.safe_load((ROOT / "rules" / f"{rule}.yaml").read_text(encoding="utf-8"))
    return build_options(figures.Options, data.get("options"))


def reuters_paragraphs(text: str) -> Iterator[str]:
    for raw in re.split(r"\n    ", text):
        if _TABLE.search(raw):
            continue  # column-aligned table
        paragraph = " ".join(line.strip() for line in raw.splitlines()).strip()
        if paragraph:
            yield paragraph


def blank_line_paragraphs(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for part in re.split(r"(\n\s*\n)", text):
        if part.strip() and not part.startswith("\n"):
            yield pos, part
        pos += len(part)


def _example(paragraph: str, hit: Hit) -> str:
    """The flagged figure with the words around it (printed, never stored)."""
    start, end = hit.span.start, hit.span.end
    around = paragraph[max(0, start - 120) : start] + "[[" + paragraph[start:end] + "]]"
    return " ".join((around + paragraph[end : end + 80]).split())


def measure_reuters(path: Path, sample: int, rng: random.Random) -> None:
    options = {rule: load_options(rule) for rule in RULES}
    counts = dict.fromkeys(RULES, 0)
    flagged: dict[str, list[str]] = {rule: [] for rule in RULES}
    articles = paragraphs = 0
    started = time.perf_counter()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            articles += 1
            for paragraph in reuters_paragraphs(record["text"]):
                paragraphs += 1
                for rule in RULES:
                    for hit in figures.block_hits(paragraph, options[rule]):
                        counts[rule] += 1
                        flagged[rule].append(_example(paragraph, hit))
    elapsed = time.perf_counter() - started
    print(f"reuters: {articles} articles, {paragraphs} paragraphs, {elapsed:.1f} s")
    for rule in RULES:
        print(f"  {rule}: {counts[rule]} findings, {counts[rule] / articles:.3f} per article")
        for example in rng.sample(flagged[rule], min(sample, len(flagged[rule]))):
            print(f"    - {example[:300]}")


def measure_attribution(path: Path, sample: int, rng: random.Random) -> None:
    options = {rule: load_options(rule) for rule in RULES}
    inside = dict.fromkeys(RULES, 0)
    outside = dict.fromkeys(RULES, 0)
    all_figures = all_inside = 0
    examples: dict[str, list[str]] = {f"{r} {w}": [] for r in RULES for w in ("in", "out")}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record["text"]
            contents = [a["content"] for a in record["attributions"] if a.get("content")]

            def in_content(start: int, end: int, contents: list[list[int]] = contents) -> bool:
                return any(c[0] <= start and end <= c[1] for c in contents)

            for offset, paragraph in blank_line_paragraphs(text):
                for figure in figures.figures(paragraph, options[RULES[0]]):
                    all_figures += 1
                    span = figure.span.shift(offset)
                    all_inside += in_content(span.start, span.end)
                for rule in RULES:
                    for hit in figures.block_hits(paragraph, options[rule]):
                        span = hit.span.shift(offset)
                        where = "in" if in_content(span.start, span.end) else "out"
                        if where == "in":
                            inside[rule] += 1
                        else:
                            outside[rule] += 1
                        examples[f"{rule} {where}"].append(_example(paragraph, hit))
    print(f"attribution-dev: {all_figures} figures, {all_inside} inside an annotated content")
    for rule in RULES:
        total = inside[rule] + outside[rule]
        rate = inside[rule] / total if total else 0.0
        print(
            f"  {rule}: {total} findings, {inside[rule]} inside content ({rate:.1%}, "
            f"false alarms), {outside[rule]} outside"
        )
    for key, found in examples.items():
        print(f"  sample {key}:")
        for example in rng.sample(found, min(sample, len(found))):
            print(f"    - {example[:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=Path)
    parser.add_argument("--attribution", type=Path)
    parser.add_argument("--sample", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not (args.reuters or args.attribution):
        parser.error("give --reuters and/or --attribution")
    rng = random.Random(args.seed)
    if args.reuters:
        measure_reuters(args.reuters, args.sample, rng)
    if args.attribution:
        measure_attribution(args.attribution, args.sample, rng)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
