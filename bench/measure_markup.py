"""How often markup-artifact fires on LLM rewrites, their originals and newswire.

Usage (data is read by path, never copied into the repository; run from ``bench/``):

    python measure_markup.py --tracking ../../shared/data/tracking-dev.jsonl \
        --reuters ../../shared/data/bench-reuters.jsonl [--reuters-limit N] [--show] [--rule ID]

Writes each llm-rewrite and each original of ``--tracking`` as a .txt file (a headline line, a
blank line, the text, as bench/measure_inflation.py does) and runs the real command
(``python -m lint check DIR --select markup-artifact --format json --no-cache``), then prints,
for the ``tune`` and ``check`` halves of bench/tracking_split.py (the rule's labels were curated
on ``tune``), how many rewrites and originals it fires on and its findings by artifact type. Then
the same on the Reuters articles: findings, articles with one, and (``--show``) every finding as
``id:line:col message`` to read on the terminal (never to commit: messages quote the text).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from measure_inflation import run_check, write_article, write_pairs  # bench/
from tracking_split import HALVES, SEED, read_jsonl  # bench/

RULE = "markup-artifact"


def _kind(finding: dict) -> str:
    """markup-artifact's artifact type (bold, heading, list, label), or the rule's id."""
    return str(finding["data"].get("artifact", finding["rule"]))


def _by_stem(findings: list[dict]) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        found[Path(finding["path"]).stem].append(finding)
    return found


def tracking(path: str, work: Path, rule: str = RULE) -> None:
    rows, halves, directory = write_pairs(path, work)
    found = _by_stem(run_check(directory, (rule,)))
    print(f"== tracking-dev: {rule} on llm-rewrites and their originals (seed {SEED})")
    for name in HALVES:
        part = [row for row in rows if row["group"] in halves[name]]
        groups = sorted({row["group"] for row in part})
        rewrites = [f"r-{row['id']}" for row in part]
        hit = [stem for stem in rewrites if found[stem]]
        hit_originals = [g for g in groups if found[f"o-{g}"]]
        kinds = Counter(_kind(f) for stem in rewrites for f in found[stem])
        models = Counter(stem.split("-", 3)[-1] for stem in hit)
        print(
            f"-- {name}: rewrites flagged {len(hit)}/{len(part)}"
            f" ({sum(len(found[s]) for s in rewrites)} findings: {dict(sorted(kinds.items()))});"
            f" originals flagged {len(hit_originals)}/{len(groups)}"
        )
        print(f"   flagged rewrites by model: {dict(sorted(models.items()))}")
        print(f"   ids: {', '.join(s.removeprefix('r-') for s in hit)}")


def newswire(path: str, limit: int, show: bool, work: Path, rule: str = RULE) -> None:
    directory = work / "reuters"
    directory.mkdir()
    ids: dict[str, str] = {}
    for number, row in enumerate(read_jsonl(path)):
        if number >= limit:
            break
        stem = f"a-{number:06d}"
        title = " ".join(str(row.get("title") or "").split()) or f"Article {row['id']}"
        write_article(directory, stem, title, str(row.get("text") or ""))
        ids[stem] = str(row["id"])
    found = _by_stem(run_check(directory, (rule,)))
    findings = [f for stem in sorted(found) for f in found[stem]]
    kinds = Counter(_kind(f) for f in findings)
    print(
        f"\n== newswire: {len(ids)} Reuters articles: {len(findings)} findings"
        f" ({dict(sorted(kinds.items()))}) in {len(found)} articles"
    )
    if show:
        for stem in sorted(found):
            for f in found[stem]:
                print(f"   {ids[stem]}:{f['line']}:{f['column']} {f['message']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tracking", required=True, help="tracking-dev.jsonl")
    parser.add_argument("--reuters", help="bench-reuters.jsonl")
    parser.add_argument("--reuters-limit", type=int, default=10**9)
    parser.add_argument("--show", action="store_true", help="print every Reuters finding")
    parser.add_argument("--rule", default=RULE, help=f"the rule to measure (default {RULE})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="measure-markup-") as tmp:
        tracking(args.tracking, Path(tmp), args.rule)
        if args.reuters:
            newswire(args.reuters, args.reuters_limit, args.show, Path(tmp), args.rule)
    return 0


if __name__ == "__main__":
    sys.exit(main())
