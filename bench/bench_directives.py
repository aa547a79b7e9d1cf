"""Is suppression linear in the number of directives? Time one article holding N directives, for
N = 1,000, 10,000 and 100,000, in three shapes (issue 14), and print each time and the ratio of
one size's time to the previous size's (10 for linear work, 100 for quadratic)::

    PYTHONPATH=. python bench/bench_directives.py [--sizes 1000,10000,100000] [--repeat 3]

- ``stacked``: N ``disable-next`` directives stacked over one sentence (every one reaches it);
- ``malformed``: N malformed directives stacked (each is an ``invalid-directive`` finding);
- ``interleaved``: N times a ``disable-next`` and a sentence of its own it hides (N ranges, 2N
  findings to suppress);
- ``identical``: N times a ``disable-next`` and the same sentence, with ``duplicated-paragraph``
  too (N - 1 copies, each a finding that covers its paragraph and an edit that deletes it).

Each size is linted in this process (``lint_texts``, no cache, the rules in ``RULES``)
``--repeat`` times; the fastest run counts, in CPU seconds of this process (the machine may be
shared). It exits 1 if a ratio,
scaled to 10x more directives, exceeds ``--max-ratio``.
"""

from __future__ import annotations

import argparse
import time

from lint.engine.groups import Options
from lint.engine.run import lint_texts

SENTENCE = "A plethora of stakeholders called it a crucial move."
VALID = "<!-- newslint: disable-next=stylistic-inflation -->"
#: a cheap rule the sentences break, and the rule that reports malformed directives: the time is
#: the directives' (parsing, ranges, suppression), not the other rules'
RULES = ("stylistic-inflation", "invalid-directive")
MALFORMED = "<!-- newslint: disable-next-line -->"
SHAPES = ("stacked", "malformed", "interleaved", "identical")


def _numbered(i: int) -> str:
    """A sentence of its own (identical paragraphs would time the duplicate rules instead)."""
    return f"Item {i}: a plethora of stakeholders called it a crucial move."


def article(shape: str, count: int) -> str:
    if shape == "stacked":
        body = "\n".join([VALID] * count) + "\n" + SENTENCE
    elif shape == "malformed":
        body = "\n".join([MALFORMED] * count) + "\n" + SENTENCE
    elif shape == "identical":
        body = "\n\n".join([f"{VALID}\n{SENTENCE}"] * count)
    else:
        body = "\n\n".join(f"{VALID}\n{_numbered(i)}" for i in range(count))
    return f"Headline\n\n{body}\n"


def timed(text: str, repeat: int, rules: tuple[str, ...] = RULES) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(repeat):
        started = time.process_time()
        run = lint_texts({"a.txt": text}, Options(select=rules))
        best = min(best, time.process_time() - started)
        found = len(run.findings)
    return best, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-ratio", type=float, default=25.0, help="per 10x more directives")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    worst = 0.0
    for shape in args.shapes.split(","):
        previous: tuple[int, float] | None = None
        rules = (*RULES, "duplicated-paragraph") if shape == "identical" else RULES
        for count in sizes:
            seconds, found = timed(article(shape, count), args.repeat, rules)
            ratio = ""
            if previous is not None:
                factor = (seconds / previous[1]) / (count / previous[0]) * 10
                worst = max(worst, factor)
                ratio = f"  x{seconds / previous[1]:5.1f} for x{count // previous[0]} directives"
            shown = (
                f"{shape:11s} {count:>7,} directives: {seconds:7.3f} s CPU, {found:>7,} findings"
            )
            print(shown + ratio, flush=True)
            previous = (count, seconds)
    print(f"worst ratio per 10x directives: {worst:.1f} (linear ~10, quadratic ~100)")
    return 1 if worst > args.max_ratio else 0


if __name__ == "__main__":
    raise SystemExit(main())
