"""Push generated documents through the real CLI in batches and count what goes wrong.

Each batch is a folder of generated ``.txt``, ``.md`` and ``.jsonl`` documents (numerals huge and
exotic, Unicode, control characters, lone surrogates, directives, front matter, broken records),
linted four times: plain, ``--jobs 2``, and twice with a cache (cold, then warm). It prints crashes
(an exit status other than 0 or 1, or a traceback), ``internal-error`` findings and outputs that
differ between the runs. All three should be 0::

    PYTHONPATH=. python bench/fuzz.py --documents 100000 --batch 5000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
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
    "1,2,3,4,5,6,7,8,9,0" * 20,
    "−5",
    "five hundred",
    "12th",
    "2023–24",
    "£3m",
    "1/0",
    "inf",
    "nan",
    "00000000000000000000001",
    "1" + ".1" * 50,
]
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
            parts.append(rng.choice(NUMERALS))
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


def lint(folder: Path, *extra: str, cache: Path | None = None) -> tuple[int, str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("NEWSLINT_CACHE_DIR", None)
    args = [sys.executable, "-m", "lint", "check", str(folder), "--format", "json", *extra]
    args += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    proc = subprocess.run(args, capture_output=True, text=True, env=env, timeout=3600)
    return proc.returncode, proc.stdout, proc.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    crashes = internal = differing = done = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="newslint-fuzz-") as temp:
        for number in range(0, args.documents, args.batch):
            count = min(args.batch, args.documents - number)
            folder = Path(temp) / f"batch{number}"
            write_batch(folder, rng, count)
            cache = Path(temp) / f"cache{number}"
            runs = {
                "plain": lint(folder),
                "jobs2": lint(folder, "--jobs", "2"),
                "cold": lint(folder, cache=cache),
                "warm": lint(folder, cache=cache),
            }
            for name, (code, _out, err) in runs.items():
                if code not in (0, 1) or "Traceback" in err:
                    crashes += 1
                    print(f"CRASH batch {number} {name}: exit {code}: {err.strip()[-400:]}")
            code, out, _ = runs["plain"]
            if code in (0, 1):
                found = [f for f in json.loads(out) if f["rule"] == "internal-error"]
                internal += len(found)
                for item in found[:3]:
                    print(f"INTERNAL batch {number}: {item['path']}: {item['message'][:200]}")
            for name, (_, other, _) in runs.items():
                if other != out:
                    differing += 1
                    print(f"DIFFERS batch {number}: {name} differs from plain")
            done += count
            elapsed = time.monotonic() - started
            print(
                f"{done:,} documents, {elapsed:.0f} s: crashes {crashes}, "
                f"internal errors {internal}, differing outputs {differing}",
                flush=True,
            )
    print(f"crashes: {crashes}\ninternal errors: {internal}\ndiffering outputs: {differing}")
    return 1 if crashes or internal or differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
