"""Measure a phrase lexicon: false alarms on newswire, precision on labelled sentences, density.

Usage, from the repository root with the package installed or PYTHONPATH=. (data paths are
arguments; the data itself never enters the repository):

    python bench/measure_lexicon.py --lexicon rules/lexicons/inflation.yaml \
        --reuters ../shared/data/bench-reuters.jsonl \
        --puffery ../shared/data/puffery-dev.jsonl \
        --tracking ../shared/data/tracking-dev.jsonl \
        --seeds seeds --threshold 6

Prints, for each source given: matches per 1,000 words and the most frequent phrases (newswire),
precision and recall of "sentence has at least one match" against the ``puffery`` label, the
density of each seed article, and the share of documents over ``--threshold``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import yaml

from lint.kinds import density, phrases

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=[ \t]+)")


def paragraphs(text: str) -> list[str]:
    """Split an article into paragraphs (blank line, or an indented new line as in Reuters)."""
    parts = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text))
    return [p for p in parts if p]


def article_paragraphs(text: str) -> list[str]:
    """Paragraphs of a seed-style article: one per non-empty line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def measure(paras: Iterable[str], matcher: phrases.Options) -> tuple[int, int, Counter[str]]:
    """Words, matches and matched phrases over paragraphs."""
    words, counts = 0, Counter[str]()
    for para in paras:
        words += density.count_words(para)
        counts.update(m.entry.phrase for m in phrases.find(para, matcher))
    return words, sum(counts.values()), counts


def read_jsonl(path: str) -> Iterable[dict]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def report_newswire(
    name: str, docs: list[list[str]], matcher: phrases.Options, args: argparse.Namespace
) -> None:
    total_words, total_matches, counts = 0, 0, Counter[str]()
    densities = []
    for paras in docs:
        words, matches, found = measure(paras, matcher)
        total_words += words
        total_matches += matches
        counts.update(found)
        if words >= args.min_words:
            densities.append(1000 * matches / words)
    print(f"== {name}: {len(docs)} documents, {total_words} words, {total_matches} matches")
    print(f"   matches per 1,000 words: {1000 * total_matches / max(total_words, 1):.3f}")
    if densities:
        over = sum(d > args.threshold for d in densities)
        ordered = sorted(densities)
        q = {p: ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] for p in (50, 99)}
        print(
            f"   documents >= {args.min_words} words: {len(densities)}; density median "
            f"{statistics.median(densities):.2f}, p99 {q[99]:.2f}, max {ordered[-1]:.2f}; "
            f"over {args.threshold:g}: {over} ({100 * over / len(densities):.2f}%)"
        )
    print("   top phrases: " + ", ".join(f"{p} {n}" for p, n in counts.most_common(args.top)))


def report_puffery(path: str, matcher: phrases.Options) -> None:
    tp = fp = fn = tn = 0
    by_phrase: Counter[tuple[str, int]] = Counter()
    for row in read_jsonl(path):
        found = list(phrases.find(row["text"], matcher))
        label = int(row["puffery"])
        by_phrase.update((m.entry.phrase, label) for m in found)
        if found:
            tp, fp = tp + label, fp + (1 - label)
        else:
            fn, tn = fn + label, tn + (1 - label)
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    print(f"== puffery: tp {tp} fp {fp} fn {fn} tn {tn}")
    print(f"   precision {precision:.3f} recall {recall:.3f}")
    false = [f"{p} {n}" for (p, label), n in by_phrase.most_common() if label == 0]
    print("   phrases in untagged sentences: " + ", ".join(false[:20]))


def report_tracking(path: str, matcher: phrases.Options, args: argparse.Namespace) -> None:
    rows = list(read_jsonl(path))
    originals = {r["original"] for r in rows}
    rewrites = [r["rewrite"] for r in rows if r.get("origin") == "llm-rewrite"]
    for name, texts in (("tracking originals", originals), ("tracking LLM rewrites", rewrites)):
        report_newswire(name, [article_paragraphs(t) for t in texts], matcher, args)


def report_seeds(folder: str, matcher: phrases.Options, args: argparse.Namespace) -> None:
    print("== seeds")
    for path in sorted(Path(folder).glob("*.txt")):
        words, matches, found = measure(article_paragraphs(path.read_text("utf-8")), matcher)
        value = 1000 * matches / max(words, 1)
        top = ", ".join(f"{p} {n}" for p, n in found.most_common(8))
        print(f"   {path.name}: {matches} matches / {words} words = {value:.1f}  [{top}]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lexicon", default="rules/lexicons/inflation.yaml")
    parser.add_argument("--reuters", help="JSONL with a 'text' field (newswire)")
    parser.add_argument("--puffery", help="JSONL with 'text' and 'puffery' 1/0")
    parser.add_argument("--tracking", help="JSONL with 'original' and 'rewrite'")
    parser.add_argument("--seeds", help="folder of .txt articles")
    parser.add_argument("--threshold", type=float, default=6.0)
    parser.add_argument("--min-words", type=int, default=150)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args(argv)
    lexicon = yaml.safe_load(Path(args.lexicon).read_text("utf-8"))["categories"]
    matcher = phrases.Options(lexicon=lexicon)
    if args.seeds:
        report_seeds(args.seeds, matcher, args)
    if args.puffery:
        report_puffery(args.puffery, matcher)
    if args.tracking:
        report_tracking(args.tracking, matcher, args)
    if args.reuters:
        docs = [paragraphs(row["text"]) for row in read_jsonl(args.reuters)]
        report_newswire("reuters", docs, matcher, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
