"""One problem, one finding: count repeated findings in a real run.

Usage (from the repository root):

    python bench/measure_repeats.py seeds/

Runs ``python -m lint check PATH --format json --no-cache`` and prints:

- spans reported by two or more rules (same file, overlapping word-level spans);
- findings inside a duplicated copy (a ``duplicated-paragraph``, ``near-duplicate-paragraph``,
  ``repeated-headline`` or ``duplicate-article`` finding's span) other than the duplicate finding;
- findings per file, and for each wholly duplicated article how many findings it carries.

Targets (issue 12): 0 spans reported twice, 0 findings inside duplicated copies, one finding per
wholly duplicated article.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from typing import Any

COPIES = {
    "duplicated-paragraph",
    "near-duplicate-paragraph",
    "repeated-headline",
    "duplicate-article",
}


def run(paths: list[str]) -> list[dict[str, Any]]:
    command = [sys.executable, "-m", "lint", "check", *paths, "--format", "json", "--no-cache"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"newslint exited {done.returncode}: {done.stderr.strip()}")
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return found


def _key(f: dict[str, Any]) -> tuple[int, int]:
    return f["line"], f["column"]


def _end(f: dict[str, Any]) -> tuple[int, int]:
    return f["end_line"], f["end_column"]


def overlapping_pairs(findings: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """Pairs of findings of different rules on overlapping spans within one line."""
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        if f["line"] == f["end_line"] and f["column"] > 1 and f["rule"] not in COPIES:
            by_file[f["path"]].append(f)
    pairs = []
    for path, found in by_file.items():
        for i, a in enumerate(found):
            for b in found[i + 1 :]:
                if a["rule"] != b["rule"] and _key(a) < _end(b) and _key(b) < _end(a):
                    pairs.append((path, a["rule"], b["rule"]))
    return pairs


def inside_copies(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    copies = [f for f in findings if f["rule"] in COPIES]
    return [
        f
        for f in findings
        if f["rule"] not in COPIES
        and any(
            c["path"] == f["path"] and _key(c) <= _key(f) and _end(f) <= _end(c) for c in copies
        )
        and (f["line"], f["column"]) != (1, 1)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    findings = run(args.paths)
    print(f"findings: {len(findings)} in {len({f['path'] for f in findings})} files")
    pairs = overlapping_pairs(findings)
    print(f"spans reported by two rules: {len(pairs)}")
    for path, a, b in pairs[:10]:
        print(f"   {path}: {a} + {b}")
    inside = inside_copies(findings)
    print(f"findings inside duplicated copies: {len(inside)}")
    for f in inside[:10]:
        print(f"   {f['path']}:{f['line']}:{f['column']} {f['rule']}")
    articles = [f["path"] for f in findings if f["rule"] == "duplicate-article"]
    for path in articles:
        count = sum(1 for f in findings if f["path"] == path)
        print(f"wholly duplicated article {path}: {count} finding(s)")


if __name__ == "__main__":
    main()
