"""The Ray job on 1 and 2 local workers, and the recall of its near-duplicate LSH stage.

    PYTHONPATH=$PWD python bench/bench_ray.py [--articles 20000] [--workers 1 2] [--check]
        [--corpus DIR] [--no-recall]

Writes a Reuters corpus with planted copies (tests/distributed/ray_corpora.py; the text comes from
shared/data/bench-reuters.jsonl and is never committed) to a temporary folder, runs
``newslint check --engine ray`` in a fresh process per worker count (a local cluster of that many
CPUs), and prints docs/s for each, the peak resident memory of the run's processes (summed), the
ratio, the bytes each stage wrote per article, and the recall of the LSH keys against brute
force: every pair of paragraphs at shingle Jaccard >= 0.8 (found exactly through a shingle
inverted index) must share a band key. ``--check`` also runs ``newslint check --no-cache --jobs 1
--format json`` on the same corpus (same folder, same working folder) and compares its findings
with each Ray run's, as sorted JSON records. ``--corpus DIR`` writes the corpus there (or reuses
it when DIR exists) and keeps it, outside the repository: it holds the shared data's text.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import math
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "distributed"))
sys.path.insert(0, str(ROOT))

from ray_corpora import plant, reuters_records, write_corpus  # noqa: E402


def corpus(folder: Path, articles: int) -> tuple[Path, int]:
    records = reuters_records(articles)
    while len(records) < articles:  # top up: earlier articles with a new lead paragraph
        n = len(records)
        extra = records[: articles - n]
        records += [
            {
                "title": f"{r['title']} ({n + i})",
                "paragraphs": [f"Update {n + i}.", *r["paragraphs"]],
            }
            for i, r in enumerate(extra)
        ]
    planted = plant(records)
    write_corpus(planted, folder)
    return folder, len(planted)


class PeakMemory(threading.Thread):
    """The largest total resident memory of a process and every process it started (the driver,
    the raylet, the object store and the Ray workers), sampled every ``interval`` seconds; and
    their CPU seconds (each process's last sample, summed: a process that ends between two
    samples loses at most ``interval`` seconds)."""

    def __init__(self, pid: int, interval: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.cpu: dict[int, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        importlib.import_module("ray")  # puts the psutil it bundles on the path
        psutil = importlib.import_module("psutil")

        while not self.done.is_set():
            try:
                root = psutil.Process(self.pid)
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for proc in tree:
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
                    self.cpu[proc.pid] = times.user + times.system
            self.peak = max(self.peak, total)
            self.done.wait(self.interval)


def measured(command: list[str], cwd: Path) -> tuple[str, str, dict[str, float]]:
    """Run ``command``: its stdout and stderr; its wall time, CPU seconds and peak resident
    memory (every process it started, summed). ``cpu_seconds`` are sampled each second (a
    process loses its last second at most); ``cpu_seconds_reaped`` are exact, for the processes
    that were waited for (all of ``newslint check``'s; of a Ray run, not those Ray leaves to
    others to reap)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=cwd)  # fmt: skip
    memory = PeakMemory(proc.pid)
    memory.start()
    stdout, stderr = proc.communicate()
    memory.done.set()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(stderr[-3000:])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    run = {
        "seconds": round(seconds, 1),
        "cpu_seconds": round(sum(memory.cpu.values()), 1),
        "cpu_seconds_reaped": round(reaped, 1),
        "peak_rss_mib": round(memory.peak / 2**20),
    }
    return stdout, stderr, run


def check_run(folder: Path) -> tuple[list[str], dict[str, float]]:
    """``newslint check --no-cache --jobs 1 --format json``: its findings as sorted JSON records,
    and its wall time, CPU seconds and peak memory."""
    command = [sys.executable, "-m", "lint", "check", "--no-cache", "--jobs", "1", "--format",
               "json", "--exit-zero", str(folder)]  # fmt: skip
    stdout, _, run = measured(command, folder.parent)
    return records(json.loads(stdout)), run


def records(findings: list[dict[str, object]]) -> list[str]:
    return sorted(json.dumps(f, sort_keys=True) for f in findings)


def differences(local: list[str], ray: list[str]) -> dict[str, object]:
    only_local = sorted(set(local) - set(ray))
    only_ray = sorted(set(ray) - set(local))
    return {
        "identical": local == ray,
        "check": len(local),
        "ray": len(ray),
        "only_check": [line[:400] for line in only_local[:10]],
        "only_ray": [line[:400] for line in only_ray[:10]],
    }


def one_run(folder: Path, workers: int, out: Path) -> dict[str, float]:
    """``newslint check --engine ray`` in a fresh process with a local cluster of ``workers``;
    its wall time, CPU seconds, stage lines and peak resident memory (every process of the run,
    summed)."""
    command = [sys.executable, "-m", "lint", "check", "--engine", "ray", "--jobs", str(workers),
               "--format", "json", "--output", str(out / "findings.json"), "--stage-dir",
               str(out / "stages"), "--exit-zero", str(folder)]  # fmt: skip
    _, stderr, run = measured(command, folder.parent)
    stages = [line for line in stderr.splitlines() if line.startswith("newslint: ray:")]
    return {**run, "stages": stages}  # type: ignore[dict-item]


def stage_bytes(out: Path, documents: int) -> dict[str, float]:
    root = out / "stages" / "group-0"
    sizes = {}
    for stage in sorted(p for p in root.iterdir() if p.is_dir()):
        total = sum(f.stat().st_size for f in stage.glob("*.parquet"))
        sizes[stage.name] = round(total / documents, 1)
    return sizes


def recall(folder: Path, threshold: float = 0.8) -> dict[str, float]:
    """LSH band keys against brute force on the near-duplicate rule's paragraphs."""
    from lint.distributed.keys import bands
    from lint.engine.rules import builtin_dir, load_rules
    from lint.io.files import Unreadable
    from lint.io.records import JsonlFields
    from lint.io.sources import read_sources
    from lint.text.normalize import words
    from lint.text.shingles import shingles as _shingles

    rules = {r.id: r for r in load_rules([builtin_dir()])}
    rule = rules["near-duplicate-paragraph"]
    sets: list[frozenset[int]] = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        for source in read_sources(path):
            document = source.parse(JsonlFields())
            if isinstance(document, Unreadable):
                continue
            for block in document.blocks_of(rule.scope):
                tokens = words(block.text)
                if len(tokens) >= rule.options.min_words:
                    joined = " ".join(tokens).encode("utf-8", "surrogatepass")
                    sets.append(_shingles(joined, rule.options.shingle_size))
    unique = sorted(set(sets), key=sorted)  # the rule's shingles are integer hashes
    # brute force, made affordable by the exact prefix filter (Bayardo et al. 2007; the rule's
    # own join uses it): with the shingles of every set in one global order, rarest first, two
    # sets at Jaccard >= t share a shingle among the first n - ceil(t * n) + 1 of each, so every
    # pair at the threshold is among the pairs sharing a prefix shingle, and each is verified
    frequency = Counter(s for shingles in unique for s in shingles)
    postings: dict[int, list[int]] = defaultdict(list)
    for i, shingles in enumerate(unique):
        ordered = sorted(shingles, key=lambda s: (frequency[s], s))
        for shingle in ordered[: len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1]:
            postings[shingle].append(i)
    candidates: set[tuple[int, int]] = set()
    for ids in postings.values():
        candidates.update(combinations(ids, 2))
    true_pairs = [
        (a, b)
        for a, b in sorted(candidates)
        if len(unique[a] & unique[b]) / len(unique[a] | unique[b]) >= threshold
    ]
    keys = [set(bands(str(x) for x in s)) for s in unique]  # as keys.rule_keys signs them
    found = sum(1 for a, b in true_pairs if keys[a] & keys[b])
    return {
        "paragraphs": len(sets),
        "distinct": len(unique),
        "prefix_candidates": len(candidates),
        "pairs_at_threshold": len(true_pairs),
        "found_by_lsh": found,
        "recall": found / len(true_pairs) if true_pairs else 1.0,
    }


def _sources(folder: Path) -> list[object]:
    from lint.io.sources import read_sources

    return [s for path in sorted(folder.rglob("*")) if path.is_file() for s in read_sources(path)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-recall", action="store_true")
    parser.add_argument("--check", action="store_true", help="compare with newslint check")
    parser.add_argument("--corpus", type=Path, help="write (or reuse) the corpus here, kept")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ray-") as tmp:
        if args.corpus is not None and args.corpus.exists():
            folder = args.corpus.resolve()
            documents = sum(1 for _ in _sources(folder))
        else:
            target = (args.corpus or Path(tmp) / "corpus").resolve()
            folder, documents = corpus(target, args.articles)
        local = None
        if args.check:
            local, run = check_run(folder)
            run["docs_per_s"] = round(documents / run["seconds"], 1)
            print(json.dumps({"newslint_check": run, "findings": len(local)}, indent=1))
        results = {}
        for workers in args.workers:
            out = Path(tmp) / f"out-{workers}"
            run = one_run(folder, workers, out)
            run["docs_per_s"] = documents / run["seconds"]
            run["bytes_per_article"] = stage_bytes(out, documents)  # type: ignore[assignment]
            results[workers] = run
            print(json.dumps({"workers": workers, "documents": documents, **run}, indent=1))
            if local is not None:
                found = records(json.loads((out / "findings.json").read_text(encoding="utf-8")))
                print(json.dumps({"workers": workers, "against_check": differences(local, found)},
                                 indent=1))  # fmt: skip
        if len(results) == 2:
            a, b = (results[w]["docs_per_s"] for w in args.workers)
            print(f"docs/s: {a:.1f} ({args.workers[0]}) vs {b:.1f} ({args.workers[1]}); "
                  f"ratio {b / a:.2f}")  # fmt: skip
        if not args.no_recall:
            print(json.dumps({"lsh_recall": recall(folder)}, indent=1))


if __name__ == "__main__":
    main()
