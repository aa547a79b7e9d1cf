"""Push generated documents through the real CLI in batches and count what goes wrong.

Each batch is a folder of generated ``.txt``, ``.md`` and ``.jsonl`` documents (numerals huge and
exotic, Unicode, control characters, lone surrogates, directives, front matter, broken records),
linted four times: plain, ``--jobs 2`` and with a cold cache (the three at once), then with the
warm cache. It prints the documents and runs done, crashes (an exit status other than 0 or 1, or
a traceback), hangs (a run killed after ``--run-timeout`` seconds), ``internal-error`` findings,
outputs that differ between the runs (all four should be 0) and a histogram of exit statuses.
``--cases`` bounds the documents, ``--budget-seconds`` the time (no batch starts after it; each
run is bounded by ``--run-timeout``)::

    PYTHONPATH=. python bench/fuzz.py --cases 100000 --batch 2000 --budget-seconds 2900
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = [
    "the",
    "council",
    "said",
    "on",
    "Monday",
    "that",
    "spending",
    "rose",
    "to",
    "million",
    "officials",
    "according",
    "report",
    "percent",
    "residents",
    "police",
    "a",
    "plethora",
    "of",
    "stakeholders",
    "unprecedented",
    "crucial",
    "data",
    "showed",
    "about",
    "nearly",
    "more",
    "than",
    "up",
    "from",
    "down",
    "estimated",
    "survey",
    "found",
    "per",
    "capita",
]
NUMERALS = [
    "12",
    "4.5",
    "1,000,000",
    "3%",
    "$7.2bn",
    "1e308",
    "9" * 400,
    "½",
    "٣",
    "Ⅻ",
    "১২",
    "1.2.3.4",
    "0x1F",
    "10^400",
    "1,2,3,4,5,6,7,8,9,0" * 2,
    "−5",
    "five hundred",
    "12th",
    "2023–24",
    "£3m",
    "1/0",
    "inf",
    "nan",
    "00000000000000000000001",
    "1" + ".1" * 5,
]
#: Numerals that are figures by the hundred: one in :data:`LONG_EVERY` numerals is one of these.
#: (As one numeral in 25 they made a document 287 figures on average and each run ~5x slower,
#: for no shape the short forms above and ``bench_linear.py`` do not cover.)
LONG = ["1,2,3,4,5,6,7,8,9,0" * 20, "1" + ".1" * 50, "1/0 12 " * 40]
LONG_EVERY = 500
ODD = ["\u200b", "\u202e", "\x07", "\x1b[31m", "\ufeff", "é", "日本語", "🙂", "\u0301", "\t", "\r"]
DIRECTIVES = [
    "<!-- newslint: disable-next-line -->",
    "<!-- newslint: disable unattributed-figure -->",
    "<!-- newslint: enable -->",
    "<!-- newslint: disable-file -->",
    "<!-- newslint: disable bogus-rule -->",
    "<!-- newslint: -->",
]


def sentence(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(3, 25)):
        roll = rng.random()
        if roll < 0.15:
            long = rng.random() < 1 / LONG_EVERY
            parts.append(rng.choice(LONG if long else NUMERALS))
        elif roll < 0.2:
            parts.append(rng.choice(ODD))
        elif roll < 0.23:
            parts.append(rng.choice(['"', "“", "”", "'", "(", ")", "—"]))
        else:
            parts.append(rng.choice(WORDS))
    return " ".join(parts).capitalize() + rng.choice([".", "!", "?", "", "..."])


def paragraph(rng: random.Random) -> str:
    text = " ".join(sentence(rng) for _ in range(rng.randint(1, 6)))
    if rng.random() < 0.08:
        text = rng.choice(DIRECTIVES) + "\n" + text
    return text


def body(rng: random.Random) -> str:
    title = sentence(rng)[:80]
    return title + "\n\n" + "\n\n".join(paragraph(rng) for _ in range(rng.randint(0, 8)))


def record(rng: random.Random, number: int) -> str:
    roll = rng.random()
    if roll < 0.02:
        return "{broken " + sentence(rng)
    if roll < 0.03:
        return json.dumps([sentence(rng)])
    if roll < 0.05:
        return json.dumps({"text": rng.choice([5, None, [], {}])})
    text = body(rng)
    if roll < 0.08:
        text += " \ud800 "
    item = {"id": number, "title": sentence(rng)[:60], "text": text}
    if rng.random() < 0.1:
        item["source_id"] = rng.choice(["../../etc/passwd", "/etc/hostname", str(number - 1)])
    return json.dumps(item)


def write_batch(folder: Path, rng: random.Random, count: int) -> None:
    folder.mkdir(parents=True)
    lines, written = [], 0
    while written < count:
        roll = rng.random()
        if roll < 0.1:
            (folder / f"d{written:06}.txt").write_text(body(rng), "utf-8", errors="surrogatepass")
        elif roll < 0.15:
            meta = rng.choice(
                ["title: A story\n", "title: [broken\n", "source: ../../x.txt\n", "- a list\n"]
            )
            text = f"---\n{meta}---\n{body(rng)}"
            (folder / f"d{written:06}.md").write_text(text, "utf-8", errors="surrogatepass")
        elif roll < 0.16:
            raw = body(rng).encode(rng.choice(["latin-1", "utf-16", "utf-8"]), "replace")
            (folder / f"d{written:06}.txt").write_bytes(raw)
        else:
            lines.append(record(rng, written))
        written += 1
    with open(folder / "records.jsonl", "w", encoding="utf-8", errors="surrogatepass") as handle:
        handle.write("\n".join(lines) + "\n")


@dataclass
class Tally:
    """What the runs so far came to."""

    documents: int = 0
    batches: int = 0
    runs: int = 0
    crashes: int = 0  # a traceback, or an exit status other than 0 (clean) or 1 (findings)
    hangs: int = 0  # a run still going after --run-timeout seconds (killed)
    internal: int = 0  # internal-error findings in the plain run
    differing: int = 0  # runs whose output differs from the plain run's
    statuses: Counter[str] = field(default_factory=Counter)

    @property
    def failed(self) -> bool:
        return bool(self.crashes or self.hangs or self.internal or self.differing)

    def summary(self, elapsed: float) -> str:
        histogram = ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items()))
        return (
            f"documents: {self.documents:,} in {self.batches} batches, {elapsed:.0f} s "
            f"({_cpu():.0f} CPU s in the runs)\n"
            f"runs: {self.runs}\n"
            f"crashes: {self.crashes}\n"
            f"hangs: {self.hangs}\n"
            f"internal errors: {self.internal}\n"
            f"differing outputs: {self.differing}\n"
            f"exit statuses: {histogram or 'none'}"
        )


def _cpu() -> float:
    """CPU seconds used so far by finished child processes (the runs and their workers)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


HANG = -1000  # the status of a run that was killed for running too long


def lint(
    folder: Path, *extra: str, cache: Path | None = None, timeout: float = 600
) -> tuple[int, str, str]:
    """Run ``check`` on ``folder``; a run past ``timeout`` is killed with its workers, status
    :data:`HANG`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("NEWSLINT_CACHE_DIR", None)
    args = [sys.executable, "-m", "lint", "check", str(folder), "--format", "json", *extra]
    args += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group: a hang is killed with its workers
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return HANG, out, err
    return proc.returncode, out, err


def _internal(out: str) -> list[dict[str, str]]:
    try:
        findings = json.loads(out)
    except ValueError:
        return []
    return [f for f in findings if isinstance(f, dict) and f.get("rule") == "internal-error"]


def run_batch(
    folder: Path, cache: Path, number: int, tally: Tally, timeout: float, serial: bool = False
) -> None:
    """Lint one batch four ways and count what went wrong. The plain, ``--jobs 2`` and cold runs
    share nothing, so they run at the same time (unless ``serial``); the warm run follows the
    cold one."""
    with ThreadPoolExecutor(1 if serial else 3) as pool:
        started = {
            "plain": pool.submit(lint, folder, timeout=timeout),
            "jobs2": pool.submit(lint, folder, "--jobs", "2", timeout=timeout),
            "cold": pool.submit(lint, folder, cache=cache, timeout=timeout),
        }
        runs = {name: future.result() for name, future in started.items()}
    runs["warm"] = lint(folder, cache=cache, timeout=timeout)
    for name, (code, _out, err) in runs.items():
        tally.runs += 1
        tally.statuses["hang" if code == HANG else str(code)] += 1
        if code == HANG:
            tally.hangs += 1
            print(f"HANG batch {number} {name}: killed after {timeout:.0f} s")
        elif code not in (0, 1) or "Traceback" in err:
            tally.crashes += 1
            print(f"CRASH batch {number} {name}: exit {code}: {err.strip()[-400:]}")
    code, out, _ = runs["plain"]
    if code in (0, 1):
        found = _internal(out)
        tally.internal += len(found)
        for item in found[:3]:
            print(f"INTERNAL batch {number}: {item.get('path')}: {item.get('message', '')[:200]}")
    for name, (other_code, other, _) in runs.items():
        if other_code != HANG and (other_code, other) != (code, out):
            tally.differing += 1
            print(f"DIFFERS batch {number}: {name} differs from plain")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cases",
        "--documents",
        type=int,
        default=100_000,
        help="generate documents numbered up to this (from --start)",
    )
    parser.add_argument("--batch", type=int, default=1_000, help="documents per batch")
    parser.add_argument(
        "--budget-seconds",
        type=float,
        default=None,
        help="start no batch after this many seconds (default: no limit)",
    )
    parser.add_argument(
        "--run-timeout", type=float, default=600, help="a run longer than this is a hang"
    )
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument(
        "--start", type=int, default=0, help="the first document's number (rerun one batch)"
    )
    parser.add_argument(
        "--serial", action="store_true", help="one run at a time (default: three at once)"
    )
    parser.add_argument("--keep", type=Path, help="copy a batch that went wrong into this folder")
    args = parser.parse_args()
    tally = Tally()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="newslint-fuzz-") as temp:
        for number in range(args.start, args.cases, args.batch):
            elapsed = time.monotonic() - started
            if args.budget_seconds is not None and elapsed >= args.budget_seconds:
                print(f"budget of {args.budget_seconds:.0f} s spent; stopping", flush=True)
                break
            count = min(args.batch, args.cases - number)
            folder = Path(temp) / f"batch{number}"
            # each batch its own generator: one that went wrong reruns alone (--start number)
            write_batch(folder, random.Random(f"{args.seed}:{number}"), count)
            before = tally.failed
            cache = Path(temp) / f"cache{number}"
            run_batch(folder, cache, number, tally, args.run_timeout, args.serial)
            if tally.failed and not before and args.keep:
                shutil.copytree(folder, args.keep / folder.name, dirs_exist_ok=True)
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(Path(temp) / f"cache{number}", ignore_errors=True)
            tally.documents += count
            tally.batches += 1
            elapsed = time.monotonic() - started
            print(
                f"{tally.documents:,} documents, {elapsed:.0f} s, {_cpu():.0f} CPU s: "
                f"crashes {tally.crashes}, "
                f"hangs {tally.hangs}, internal errors {tally.internal}, "
                f"differing outputs {tally.differing}",
                flush=True,
            )
    print(tally.summary(time.monotonic() - started))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
