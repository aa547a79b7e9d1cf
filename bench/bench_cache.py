"""Cold vs warm (cached) runs and ``--jobs 1`` vs ``--jobs 2``, through the real command line.

Usage:

    python bench/bench_cache.py ../shared/data/bench-reuters.jsonl [--limit 4000]

Copies the first ``--limit`` records into a temporary JSONL file, then times ``newslint check`` as a
subprocess (start-up included): a cold run into an empty cache, a warm run over the unchanged file
(target: 10x faster), and uncached runs with ``--jobs 1`` and ``--jobs 2``. Every run must print the
same report, which the script verifies. Wall time is shown with the CPU time the run used, so a
machine busy with other work shows up as wall >> CPU.
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

ROOT = Path(__file__).resolve().parent.parent


def _subset(data: Path, limit: int, directory: Path) -> Path:
    out = directory / f"subset-{limit}.jsonl"
    with data.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for number, line in enumerate(src):
            if number >= limit:
                break
            dst.write(line)
    return out


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(path: Path, *options: str) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, stdout) of one ``newslint check`` run."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_CACHE_DIR"}
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


def _line(label: str, docs: int, wall: float, cpu: float) -> str:
    return f"{label:14s}: {wall:7.2f} s wall ({cpu:6.2f} s CPU) = {docs / wall:7.1f} docs/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="a JSONL corpus (id, title, text)")
    parser.add_argument("--limit", type=int, default=4000, help="documents to lint")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subset = _subset(args.data, args.limit, Path(tmp))
        docs = sum(1 for line in subset.open(encoding="utf-8") if line.strip())
        cache = ("--cache-dir", str(Path(tmp) / "cache"))
        cold = _run(subset, *cache)
        warm = _run(subset, *cache)
        print(f"documents     : {docs} ({cold[2].splitlines()[-1]})")
        print(_line("cold (cache)", docs, *cold[:2]))
        print(_line("warm (cache)", docs, *warm[:2]))
        print(f"cache ratio   : warm run is {cold[0] / warm[0]:.1f}x faster (target 10x)")
        one = _run(subset, "--no-cache", "--jobs", "1")
        two = _run(subset, "--no-cache", "--jobs", "2")
        print(_line("--jobs 1", docs, *one[:2]))
        print(_line("--jobs 2", docs, *two[:2]))
        print(f"jobs ratio    : --jobs 2 is {one[0] / two[0]:.2f}x --jobs 1 (wall)")
        outputs = {cold[2], warm[2], one[2], two[2]}
        print(f"outputs       : {'identical' if len(outputs) == 1 else 'DIFFERENT'} across 4 runs")
        if len(outputs) != 1:
            sys.exit(1)


if __name__ == "__main__":
    main()
