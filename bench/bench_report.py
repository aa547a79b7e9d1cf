"""The editors' report at scale: size and build time of ``newslint report`` on N articles.

Usage:

    python bench/bench_report.py ../shared/data/bench-reuters.jsonl [--limit 2000] [--keep DIR]

Writes the first ``--limit`` records as ``.txt`` files (headline, blank line, text) into a
temporary folder, spread over four folders, with every 50th article also copied into a fifth folder
(cross-article duplicates to link), then times ``newslint report`` through the real command line:
a cold build (empty cache) and a rebuild from the cache. Prints the number of files written, their
total size and both times (targets: 5 MB, 10 s, rebuild 2 s). ``--keep DIR`` writes the corpus and
the report under DIR and leaves them there (for the browser tests or a look); nothing is written
into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("markets", "companies", "economy", "world")


def write_corpus(source: Path, limit: int, target: Path) -> int:
    """The first ``limit`` records of ``source`` as article files under ``target``."""
    count = 0
    with source.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if count >= limit:
                break
            record = json.loads(line)
            text = f"{record.get('title', '').strip()}\n\n{record['text'].strip()}\n"
            folder = target / FOLDERS[number % len(FOLDERS)]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{record['id']}.txt").write_text(text, encoding="utf-8")
            count += 1
            if number % 50 == 7 and count < limit:
                copies = target / "copies"
                copies.mkdir(exist_ok=True)
                (copies / f"{record['id']}-copy.txt").write_text(text, encoding="utf-8")
                count += 1
    return count


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes: on a shared machine the
    wall clock also counts other processes' turns."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(corpus: Path, output: Path, cache: Path, jobs: str = "1") -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one ``newslint report`` run."""
    start, cpu = time.perf_counter(), _children_cpu()
    command = ["report", str(corpus), "--output", str(output), "--jobs", jobs]
    proc = subprocess.run(
        [sys.executable, "-m", "lint", *command],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NEWSLINT_CACHE_DIR": str(cache)},
        check=False,
    )
    took, used = time.perf_counter() - start, _children_cpu() - cpu
    if proc.returncode != 0:
        sys.exit(f"newslint report failed ({proc.returncode}): {proc.stderr.strip()}")
    return took, used


def report_stage(corpus: Path, output: Path, cache: Path) -> tuple[float, float, float, float]:
    """(lint wall, lint CPU, report wall, report CPU) seconds in this process, per-document
    findings from the cache: the report's own cost apart from the rules'."""
    sys.path.insert(0, str(ROOT))
    from lint.engine.run import Options, lint_paths
    from lint.html import articles, write_report
    from lint.workflows.report import _tracking_for, document_rules

    start, cpu = time.perf_counter(), time.process_time()
    result = lint_paths([str(corpus)], Options(cache=True, cache_dir=cache, keep_documents=True))
    linted, linted_cpu = time.perf_counter(), time.process_time()
    pages = articles(result.documents, list(result.findings), _tracking_for(result.pairs))
    docs = {rule.id: rule.docs for rule in result.rules}
    write_report(output, pages, docs, document_rules(result.rules))
    return (
        linted - start,
        linted_cpu - cpu,
        time.perf_counter() - linted,
        time.process_time() - linted_cpu,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--jobs", default="1", help="newslint report --jobs (default 1)")
    parser.add_argument("--keep", type=Path, help="leave the corpus and report under this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newslint-report-") as scratch:
        where = args.keep or Path(scratch)
        corpus, output, cache = where / "corpus", where / "report", where / "cache"
        articles = write_corpus(args.data, args.limit, corpus)
        cold = build(corpus, output, cache, args.jobs)
        warm = build(corpus, output, cache, args.jobs)
        files = [p for p in output.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        print(f"{articles} articles -> {len(files)} files, {size / 1e6:.1f} MB in {output}")
        print(f"build   {cold[0]:5.1f} s wall {cold[1]:5.1f} s CPU (target 10 s)")
        print(f"rebuild {warm[0]:5.1f} s wall {warm[1]:5.1f} s CPU (from the cache; target 2 s)")
        lint, lint_cpu, report, report_cpu = report_stage(corpus, where / "report-again", cache)
        print(
            f"of a build: linting (per-document findings cached) {lint:.1f} s wall "
            f"{lint_cpu:.1f} s CPU, writing the report {report:.1f} s wall {report_cpu:.1f} s CPU"
        )
        print(f"load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())} (1 / 5 / 15 min)")


if __name__ == "__main__":
    main()
