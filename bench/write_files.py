"""Write the first N records of a JSONL corpus as one .txt file each (headline, blank line, text).

    python bench/write_files.py ../shared/data/bench-reuters.jsonl OUT_DIR [--limit 2000]

The throughput and pre-commit benchmarks lint a corpus of files, as a corpus repository holds
them; the data is read by path and never copied into the repository.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def write_files(data: Path, out: Path, limit: int, cycle: bool = False) -> list[Path]:
    """The first ``limit`` records as files; with ``cycle``, when the data holds fewer records,
    the files after the last record start again from the first (file N is record N mod count)."""
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    while len(paths) < limit:
        written = len(paths)
        with data.open(encoding="utf-8") as src:
            for line in src:
                if len(paths) >= limit:
                    break
                record = json.loads(line)
                path = out / f"{len(paths):05d}.txt"
                title = " ".join(str(record.get("title") or "").split())
                body = f"{title}\n\n{record['text']}" if title else record["text"]
                path.write_text(body.rstrip() + "\n", encoding="utf-8")
                paths.append(path)
        if not cycle or len(paths) == written:
            break
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--limit", type=int, default=2000)
    args = parser.parse_args()
    print(len(write_files(args.data, args.out, args.limit)), "files in", args.out)


if __name__ == "__main__":
    main()
