"""Scoring throughput: 1,000 (original, rewrite) pairs of 600-word articles, one core.

Target (issue 9): at most 5 s. Wall and CPU time are both printed: on a busy machine the CPU
time is the one to compare. Builds 600-word articles by joining the development pairs'
texts (never written to the repository), then times

1. the library path: profile both texts, compute the features, score with the JSON model;
2. the command: ``newslint score PAIRS.jsonl`` on the same pairs in a subprocess (start-up,
   JSON reading and writing included).

    python bench/bench_tracking.py ../shared/data/tracking-dev.jsonl [--pairs 1000] [--words 600]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lint.tracking.model import load_model
from lint.tracking.profile import profile

TARGET_SECONDS = 5.0


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes: on a shared machine the
    wall clock also counts other processes' turns."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _article(texts: list[str], start: int, words: int) -> str:
    """At least ``words`` words from consecutive texts, cut at ``words``."""
    taken: list[str] = []
    i = start
    while len(taken) < words:
        taken.extend(texts[i % len(texts)].split())
        i += 1
    return " ".join(taken[:words])


def build(path: Path, count: int, words: int) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    originals = [r["original"] for r in rows]
    rewrites = [r["rewrite"] for r in rows]
    return [
        {
            "id": str(i),
            "original": _article(originals, i, words),
            "rewrite": _article(rewrites, i, words),
        }
        for i in range(count)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", type=Path, help="a pairs JSONL such as tracking-dev.jsonl")
    parser.add_argument("--pairs", dest="count", type=int, default=1000)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()

    pairs = build(args.pairs, args.count, args.words)
    model = load_model()
    start, cpu = time.perf_counter(), time.process_time()
    scores = [model.score_profiles(profile(p["original"]), profile(p["rewrite"])) for p in pairs]
    library = time.perf_counter() - start
    library_cpu = time.process_time() - cpu

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "pairs.jsonl"
        data.write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
        start, children = time.perf_counter(), _children_cpu()
        out = subprocess.run(
            [sys.executable, "-m", "lint", "score", str(data)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        command = time.perf_counter() - start
        command_cpu = _children_cpu() - children
    lines = [json.loads(line) for line in out.splitlines()]
    same = all(abs(s.score - line["score"]) < 1e-6 for s, line in zip(scores, lines, strict=True))

    n = len(pairs)
    print(f"pairs: {n} of {args.words} words each (original and rewrite)")
    print(
        f"library  : {library:6.2f} s  {n / library:7.1f} pairs/s  "
        f"{1000 * library / n:5.2f} ms/pair  (CPU {library_cpu:.2f} s)"
    )
    print(
        f"command  : {command:6.2f} s  {n / command:7.1f} pairs/s  "
        f"(newslint score, start-up included; CPU {command_cpu:.2f} s)"
    )
    print(
        f"target   : {TARGET_SECONDS:.0f} s for 1,000 pairs -> command at "
        f"{command * 1000 / n / TARGET_SECONDS:.2f}x of the budget"
    )
    print(f"library and command scores agree: {same}")


if __name__ == "__main__":
    main()
