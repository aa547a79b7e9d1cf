"""Cold vs warm (cached) runs and ``--jobs 1`` vs ``--jobs 2``, through the real command line.

Usage:

    python bench/bench_cache.py ../shared/data/bench-reuters.jsonl [--limit 4000]

Copies the first ``--limit`` records into a temporary JSONL file, then times ``newslint check`` as a
subprocess (start-up included): a cold run into an empty cache, a warm run over the unchanged file
(target: 10x faster), and uncached runs with ``--jobs 1`` and ``--jobs 2``, with every rule and with
the per-document rules only (no serial corpus stage; best of ``--repeat`` runs each). Every run of
the same rules must print the same report, which the script verifies. Wall time is shown with the
CPU time of the run (parent and workers): with two workers on two free cores CPU approaches twice
the wall time; CPU no more than wall means the workers shared one core (a busy machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from subset import subset as first_records  # bench/subset.py (scripts run from bench/)

ROOT = Path(__file__).resolve().parent.parent
_CORPUS_RULES = "duplicated-paragraph,near-duplicate-paragraph,repeated-headline"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(path: Path, *options: str) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stdout) of one ``newslint check`` run."""
    # as an installation runs: with bytecode (an environment with PYTHONDONTWRITEBYTECODE=1 would
    # make every start-up compile every module, about twice the instructions of a one-file run)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NEWSLINT_CACHE_DIR", "PYTHONDONTWRITEBYTECODE")
    }
    cpu, start = _cpu(), time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", str(path), *options],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint failed ({proc.returncode}): {proc.stderr.strip()}")
    return wall, _cpu() - cpu, proc.stdout


def _best(repeat: int, path: Path, *options: str) -> tuple[float, float, str]:
    return min((_run(path, *options) for _ in range(max(1, repeat))), key=lambda r: r[0])


def _line(label: str, docs: int, wall: float, cpu: float) -> str:
    return f"{label:22s}: {wall:7.2f} s wall ({cpu:6.2f} s CPU) = {docs / wall:7.1f} docs/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a JSONL corpus (id, title, text)")
    parser.add_argument("--limit", type=int, default=4000, help="documents to lint")
    parser.add_argument("--repeat", type=int, default=1, help="runs per --jobs figure (best kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subset = first_records(args.data, args.limit, Path(tmp))
        docs = sum(1 for line in subset.open(encoding="utf-8") if line.strip())
        cache = ("--cache-dir", str(Path(tmp) / "cache"))
        cold = _run(subset, *cache)
        warm = _run(subset, *cache)
        print(f"documents             : {docs} ({cold[2].splitlines()[-1]})")
        print(_line("cold (cache)", docs, *cold[:2]))
        print(_line("warm (cache)", docs, *warm[:2]))
        print(f"cache ratio           : warm run is {cold[0] / warm[0]:.1f}x faster (target 10x)")
        outputs = {cold[2], warm[2]}
        for label, rules in (("all rules", ()), ("per-document", ("--ignore", _CORPUS_RULES))):
            one = _best(args.repeat, subset, "--no-cache", "--jobs", "1", *rules)
            two = _best(args.repeat, subset, "--no-cache", "--jobs", "2", *rules)
            print(_line(f"--jobs 1 {label}", docs, *one[:2]))
            print(_line(f"--jobs 2 {label}", docs, *two[:2]))
            ratio = one[0] / two[0]
            print(f"jobs ratio            : --jobs 2 is {ratio:.2f}x --jobs 1 (wall, {label})")
            same = one[2] == two[2] and (rules or one[2] == cold[2])
            outputs |= {one[2]} if same else {"DIFFERENT"}
        ok = len(outputs) == 2 and "DIFFERENT" not in outputs
        print(f"outputs               : {'identical' if ok else 'DIFFERENT'} for the same rules")
        if not ok:
            sys.exit(1)


if __name__ == "__main__":
    main()
