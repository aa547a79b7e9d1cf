"""Is per-document work linear? Time ``unattributed-figure`` on one-line paragraphs of growing size
and the directives on growing stacks of ``disable-next`` comments (issue 14; the directives
alone, at 1k/10k/100k and in more shapes: bench/bench_directives.py)::

    PYTHONPATH=. python bench/bench_linear.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "The council said spending rose 12 percent to 4.5 million dollars, up from 3 in 2021. "
DIRECTIVE = "<!-- newslint: disable-next=unattributed-figure -->"


def timed(text: str, *args: str) -> float:
    with tempfile.TemporaryDirectory() as temp:
        path = Path(temp) / "a.txt"
        path.write_text(text, "utf-8")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "lint", "check", str(path), "--no-cache", *args],
            env=env,
            capture_output=True,
            timeout=1800,
            check=False,
        )
        return time.monotonic() - started


def main() -> None:
    for size in (100_000, 400_000, 1_000_000):
        text = "Headline\n\n" + SENTENCE * (size // len(SENTENCE))
        seconds = timed(text, "--select", "unattributed-figure")
        print(f"unattributed-figure, {size // 1000:>5} KB one-line paragraph: {seconds:6.2f} s")
    for count in (5_000, 50_000):
        stack = "\n".join([DIRECTIVE] * count)
        text = "Headline\n\n" + stack + "\n" + SENTENCE + "\n"
        seconds = timed(text)
        print(f"{count:>6} stacked disable-next directives: {seconds:6.2f} s")


if __name__ == "__main__":
    main()
