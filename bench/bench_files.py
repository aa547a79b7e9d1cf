"""Throughput on a corpus of files against proselint, and one small file, in the same run.

    python bench/bench_files.py [--limit 2000] [--repeat 3] [--trees OLD NEW ...]

Writes the first ``--limit`` Reuters records as .txt files (``write_files.py``), then times, best
of ``--repeat``, ``newslint check --no-cache DIR`` through the real command (start-up included), the
default ``--jobs`` and with ``--jobs 1``, for each source tree given (``PYTHONPATH``; default: this
one), and proselint 0.16.0 (``LintFile(...).lint()`` on each file's text, read in the loop, one
process) on the same files. Also the wall time of ``newslint check --no-cache`` on one small seed
file (median of ``--small-runs``). Ratios are of wall times measured in this run, so load from other
work on the machine affects both sides (best-of repeats reduce that noise, they do not remove it).
CPU seconds (user + system, workers included) are printed too: on a loaded machine they are the
steadier measure of work done, and the CPU ratio is the one-core (``--jobs 1``) throughput ratio.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from write_files import write_files  # bench/write_files.py (scripts run from bench/)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "bench-reuters.jsonl"
SMALL = ROOT / "seeds" / "002_06a2e6461da98317.txt"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _newslint(tree: Path, target: Path, *options: str) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, summary line) of one run."""
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    env.pop("NEWSLINT_CACHE_DIR", None)
    # as an installation runs: with bytecode (an environment with PYTHONDONTWRITEBYTECODE=1 would
    # make every start-up compile every module, about twice the instructions of a one-file run)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cpu, start = _cpu(), time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-cache", *options, str(target)],
        capture_output=True,
        text=True,
        env=env,
        cwd=target.parent,
        check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return wall, _cpu() - cpu, (proc.stdout.strip().splitlines() or [""])[-1]


def _proselint(files: list[Path]) -> tuple[float, float]:
    from proselint.checks import __register__
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    cpu, start = time.process_time(), time.perf_counter()
    for path in files:
        LintFile(str(path), path.read_text(encoding="utf-8")).lint()
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--small-runs", type=int, default=9)
    parser.add_argument("--trees", type=Path, nargs="*", default=[ROOT])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "reuters"
        files = write_files(args.data, corpus, args.limit)
        prose, prose_cpu = min(_proselint(files) for _ in range(args.repeat))
        print(
            f"proselint 0.16.0      : {len(files)} files {prose:6.2f} s wall,"
            f" {prose_cpu:6.2f} s CPU"
            f" (best of {args.repeat})"
        )
        for tree in args.trees:
            for label, options in (("default --jobs", ()), ("--jobs 1", ("--jobs", "1"))):
                runs = [_newslint(tree, corpus, *options) for _ in range(args.repeat)]
                wall, cpu, summary = min(runs)
                print(
                    f"{str(tree)[-22:]:22s}: {label:14s} {wall:6.2f} s wall = {prose / wall:5.1f}x,"
                    f" {cpu:6.2f} s CPU = {prose_cpu / cpu:5.1f}x proselint ({summary})"
                )
            small = statistics.median(_newslint(tree, SMALL)[0] for _ in range(args.small_runs))
            print(f"{str(tree)[-22:]:22s}: one small file {small:6.3f} s wall (median)")


if __name__ == "__main__":
    main()
