"""Throughput, memory and start-up of ``newslint check``, against proselint in the same run.

Usage (proselint installed in the benchmark's own environment, see bench/README.md):

    python bench/bench_check.py ../shared/data/bench-reuters.jsonl [--limit 4000]

Prints documents per second for newslint (default rules) and proselint on the same documents, their
ratio, peak traced memory at several corpus sizes (it should grow linearly), and the wall time of
``newslint check`` on one small file (median of runs, interpreter start-up included).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from subset import subset as first_records  # bench/subset.py (scripts run from bench/)

from lint import Options, lint_paths

ROOT = Path(__file__).resolve().parent.parent


def _newslint(path: Path) -> tuple[int, int, float, float]:
    """(documents, findings, seconds, CPU seconds) for reading and linting ``path`` with the
    default rules, through the run pipeline every command uses (in this process: one core)."""
    start, cpu = time.perf_counter(), time.process_time()
    run = lint_paths([str(path)], Options())  # as ``newslint check``: documents are not kept
    seconds = time.perf_counter() - start
    documents = sum(1 for line in path.open("rb") if line.strip())  # a record per line
    return documents, len(run.findings), seconds, time.process_time() - cpu


def _proselint(path: Path, limit: int) -> tuple[int, float, float] | None:
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")][:limit]
    start, cpu = time.perf_counter(), time.process_time()
    for number, text in enumerate(texts):
        LintFile(f"doc{number}", text).lint()
    return len(texts), time.perf_counter() - start, time.process_time() - cpu


def _peak_memory(path: Path) -> float:
    gc.collect()
    tracemalloc.start()
    _newslint(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def _startup(runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``newslint check --no-cache`` on one small file (caches
    off, as the target says; the user's start-up cache of rule sets is on, as ``__pycache__``)."""
    small = ROOT / "seeds" / "002_06a2e6461da98317.txt"
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "lint", "check", "--no-cache", str(small)],
            capture_output=True,
            # as an installation runs: with bytecode, whatever PYTHONDONTWRITEBYTECODE says here
            env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
            check=False,
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a JSONL corpus (id, title, text)")
    parser.add_argument("--limit", type=int, default=4000, help="documents for newslint")
    parser.add_argument("--proselint-limit", type=int, default=300, help="documents for proselint")
    parser.add_argument("--startup-runs", type=int, default=7)
    parser.add_argument("--startup-only", action="store_true", help="only the one-file timing")
    args = parser.parse_args()
    if not args.startup_only:
        _throughput(args)
    wall, cpu = _startup(args.startup_runs)
    print(
        f"startup  : newslint check --no-cache on one small file, median wall {wall:.3f} s,"
        f" CPU {cpu:.3f} s (target 0.20 s wall)"
    )


def _throughput(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = first_records(args.data, args.limit, Path(tmp))
        docs, findings, seconds, cpu = _newslint(corpus)
        rate, cpu_rate = docs / seconds, docs / cpu
        print(
            f"newslint : {docs} docs in {seconds:.2f} s = {rate:.1f} docs/s, {cpu:.2f} s CPU ="
            f" {cpu_rate:.1f} docs/CPU s ({findings} findings)"
        )
        prose = _proselint(corpus, min(args.proselint_limit, docs))
        if prose is None:
            print("proselint: not installed (pip install proselint) - no ratio")
        else:
            prose_rate, prose_cpu_rate = prose[0] / prose[1], prose[0] / prose[2]
            print(
                f"proselint: {prose[0]} docs in {prose[1]:.2f} s = {prose_rate:.1f} docs/s,"
                f" {prose[2]:.2f} s CPU = {prose_cpu_rate:.1f} docs/CPU s"
            )
            print(
                f"ratio    : newslint is {rate / prose_rate:.1f}x proselint's docs/s (target 20x),"
                f" {cpu_rate / prose_cpu_rate:.1f}x per CPU second (steadier on a loaded machine)"
            )
        sizes = [max(1, args.limit // 4), max(1, args.limit // 2), args.limit]
        peaks = [(n, _peak_memory(first_records(args.data, n, Path(tmp)))) for n in sizes]
        for n, peak in peaks:
            print(f"memory   : {n:6d} docs -> peak {peak:7.1f} MiB ({peak * 1024 / n:.1f} KiB/doc)")
        growth = (peaks[-1][1] / peaks[0][1]) / (peaks[-1][0] / peaks[0][0])
        print(f"memory   : growth ratio vs linear = {growth:.2f} (1.0 = linear)")


if __name__ == "__main__":
    main()
