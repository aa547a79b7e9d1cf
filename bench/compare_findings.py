"""Compare the JSON findings of two code versions on the same files; prints the differences.

    python bench/compare_findings.py OLD_TREE NEW_TREE [--reuters N] [--data JSONL] [--jobs J]

``OLD_TREE`` and ``NEW_TREE`` are source trees (a worktree, or ``git archive REV | tar -x -C DIR``);
each runs as ``python -m lint check --no-cache --format json`` with ``PYTHONPATH`` set to it, on
``seeds/`` (the new tree's copy, with its config) and on the first N Reuters articles written as
files (``write_files.py``). Findings are compared as sorted JSON records; the exit status is 1 when
any differ. Run it after every speed change: findings must stay identical.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from write_files import write_files  # bench/write_files.py (scripts run from bench/)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "bench-reuters.jsonl"


def findings(tree: Path, target: Path, *options: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    env.pop("NEWSLINT_CACHE_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", *options, target],
        capture_output=True,
        text=True,
        env=env,
        cwd=target if target.is_dir() else target.parent,
        check=False,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"{tree}: newslint failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return sorted(json.dumps(item, sort_keys=True) for item in json.loads(proc.stdout or "[]"))


def compare(label: str, old: list[str], new: list[str]) -> int:
    only_old = sorted(set(old) - set(new))
    only_new = sorted(set(new) - set(old))
    differences = len(only_old) + len(only_new) + abs(len(old) - len(new)) * (old != new)
    print(f"{label}: {len(old)} findings before, {len(new)} after, {differences} differences")
    for line in only_old[:10]:
        print("  - " + line[:300])
    for line in only_new[:10]:
        print("  + " + line[:300])
    return 1 if old != new else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--reuters", type=int, default=2000, help="articles (0: seeds only)")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--jobs", default="1", help="--jobs for the new tree (old: 1)")
    args = parser.parse_args()
    status = 0
    seeds = args.new / "seeds"
    status |= compare(
        "seeds", findings(args.old, seeds, "--jobs", "1"), findings(args.new, seeds, "--jobs", "1")
    )
    if args.reuters:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "reuters"
            write_files(args.data, corpus, args.reuters)
            old = findings(args.old, corpus, "--jobs", "1")
            new = findings(args.new, corpus, "--jobs", args.jobs)
            status |= compare(f"reuters ({args.reuters} files)", old, new)
    print("identical" if status == 0 else "DIFFERENT")
    sys.exit(status)


if __name__ == "__main__":
    main()
