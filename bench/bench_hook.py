"""The pre-commit case: one edited article named, the whole corpus as ``--corpus-root``.

    python bench/bench_hook.py [--limit 2000] [--repeat 5] [--trees OLD NEW ...]

Writes the first ``--limit`` Reuters records as .txt files, edits one (a sentence appended, as a
commit would), then per source tree (``PYTHONPATH``): one cold run into an empty cache folder (the
corpus index is built) and the best of ``--repeat`` warm runs (index and cache warm), through the
real command, wall and CPU seconds. Target: warm run at most 0.5 s for 2,000 articles.
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

from write_files import write_files  # bench/write_files.py (scripts run from bench/)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "bench-reuters.jsonl"


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _hook(tree: Path, corpus: Path, staged: Path, cache: Path) -> tuple[float, float, str]:
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    # as an installation runs: with bytecode (an environment with PYTHONDONTWRITEBYTECODE=1 would
    # make every start-up compile every module, about twice the instructions of a one-file run)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("NEWSLINT_CACHE_DIR", None)
    cpu, start = _cpu(), time.perf_counter()
    command = [sys.executable, "-m", "lint", "check", "--corpus-root", str(corpus)]
    proc = subprocess.run(
        [*command, "--cache-dir", str(cache), "--format", "json", str(staged)],
        capture_output=True,
        text=True,
        env=env,
        cwd=corpus,
        check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"newslint failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return wall, _cpu() - cpu, proc.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--trees", type=Path, nargs="*", default=[ROOT])

    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "reuters"
        # past the data's 19,043 records the files start again from the first record (20,000
        # articles: records 0-956 twice); the staged file, in the middle, has no copy
        files = write_files(args.data, corpus, args.limit, cycle=True)
        staged = files[len(files) // 2]
        staged.write_text(staged.read_text() + "\nThe company said on Friday it expected more.\n")
        outputs = set()
        for number, tree in enumerate(args.trees):
            cache = Path(tmp) / f"cache-{number}"
            cold = _hook(tree, corpus, staged, cache)
            warm = min(_hook(tree, corpus, staged, cache) for _ in range(args.repeat))
            outputs |= {cold[2], warm[2]}
            name = str(tree)[-22:]
            print(f"{name:22s}: cold {cold[0]:6.2f} s wall {cold[1]:6.2f} s CPU (index built)")
            print(
                f"{name:22s}: warm {warm[0]:6.2f} s wall {warm[1]:6.2f} s CPU"
                f" (best of {args.repeat})"
            )
        print(
            f"outputs: {'identical' if len(outputs) == 1 else 'DIFFERENT'} ({len(files)} articles)"
        )


if __name__ == "__main__":
    main()
