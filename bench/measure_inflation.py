"""How well the style rules separate LLM rewrites from originals, and what they cost on newswire.

Usage, from the repository root (data is read by path, never copied into the repository):

    python bench/measure_inflation.py --tracking ../shared/data/tracking-dev.jsonl \
        --reuters ../shared/data/bench-reuters.jsonl \
        [--puffery ../shared/data/puffery-dev.jsonl] [--reuters-limit 2000]

Runs the real command, ``python -m lint check DIR --select <style rules> --format json
--no-cache``, with PYTHONPATH set to this repository, on temporary .txt files (a headline line, a
blank line, then the text as it is), and prints:

(a) tracking: findings per 1,000 words of each llm-rewrite and of its original, and the ROC AUC of
    that density separating rewrites from originals, per style rule and for stylistic-inflation,
    loaded-reporting-verb and markup-artifact together (target >= 0.90; markup-artifact never fires
    on an original or on newswire, so it can only raise a rewrite's score). The groups are split
    50/50 with a fixed seed (bench/tracking_split.py): lexicon entries are curated on the
    ``tune`` half, so the ``check`` half is the honest figure; a last line gives the AUC over all
    the development pairs (both halves together, the issue's wording). inflation-density reports
    a document, so its "density" is its count of findings (0 or 1) and is shown for reference
    only;
(b) newswire: style warnings per article on the first ``--reuters-limit`` Reuters articles (target
    <= 0.15) and the 20 most frequent matched phrases;
(c) puffery: with each labelled sentence as the one paragraph of its own file, precision and recall
    of "at least one stylistic-inflation finding" against the ``puffery`` label (targets: precision
    >= 0.70, recall >= 0.30).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from sklearn.metrics import roc_auc_score
from tracking_split import HALVES, SEED, read_jsonl, rewrite_rows, split_groups  # bench/

ROOT = Path(__file__).resolve().parent.parent
TOGETHER = ("stylistic-inflation", "loaded-reporting-verb", "markup-artifact")
STYLE_RULES = (*TOGETHER, "inflation-density")
DOCUMENT_LEVEL = frozenset({"inflation-density"})
WIDTH = len(" + ".join(TOGETHER))  # the rules column
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


def words(text: str) -> int:
    return len(_WORD.findall(text))


def write_article(directory: Path, name: str, headline: str, body: str) -> Path:
    path = directory / f"{name}.txt"
    path.write_text(f"{headline}\n\n{body.strip()}\n", encoding="utf-8")
    return path


def run_check(directory: Path, rules: Iterable[str] = STYLE_RULES) -> list[dict]:
    """Findings of ``newslint check`` on every file under ``directory``, as JSON records."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "lint", "check", str(directory)]
    command += ["--select", ",".join(rules), "--format", "json", "--no-cache"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"newslint check failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout or "[]")


def by_file(findings: list[dict]) -> dict[str, Counter[str]]:
    """File stem -> findings per rule."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for finding in findings:
        counts[Path(finding["path"]).stem][finding["rule"]] += 1
    return counts


def write_pairs(path: str, work: Path) -> tuple[list[dict], dict[str, set[str]], Path]:
    """The LLM rewrites of ``path`` and their originals as files ("r-<id>", "o-<group>") in
    ``work``/tracking: the rows, the groups of each half and the folder."""
    rows = rewrite_rows(path)
    halves = split_groups(rows, SEED)
    directory = work / "tracking"
    directory.mkdir()
    originals: dict[str, str] = {}
    for row in rows:
        write_article(directory, f"r-{row['id']}", f"Article {row['id']}", row["rewrite"])
        originals.setdefault(row["group"], row["original"])
    for group, text in originals.items():
        write_article(directory, f"o-{group}", f"Article {group}", text)
    return rows, halves, directory


def tracking(args: argparse.Namespace, work: Path) -> None:
    rows, halves, directory = write_pairs(args.tracking, work)
    counts = by_file(run_check(directory))
    size = {f"r-{row['id']}": words(row["rewrite"]) for row in rows}
    originals: dict[str, str] = {}
    for row in rows:
        originals.setdefault(row["group"], row["original"])  # each group's first, as written
    size.update({f"o-{group}": words(text) for group, text in originals.items()})

    def score(stem: str, rules: tuple[str, ...]) -> float:
        found = sum(counts[stem][rule] for rule in rules)
        if set(rules) <= DOCUMENT_LEVEL:
            return float(found)
        return 1000 * found / max(size[stem], 1)

    print("== (a) tracking-dev: llm-rewrite vs its original, findings per 1,000 words")
    print(f"   groups split 50/50 with seed {SEED}; entries were curated on 'tune'")
    rule_sets = [(rule,) for rule in STYLE_RULES] + [TOGETHER]
    for name in HALVES:
        part = [row for row in rows if row["group"] in halves[name]]
        groups = sorted({row["group"] for row in part})
        print(f"-- {name}: {len(part)} rewrites of {len(groups)} originals")
        print(f"   {'rules':{WIDTH}} {'rewrite':>8} {'original':>8} {'pairs r>o':>9} {'AUC':>6}")
        for rules in rule_sets:
            rewrite = [score(f"r-{row['id']}", rules) for row in part]
            original = [score(f"o-{group}", rules) for group in groups]
            of_pair = {group: score(f"o-{group}", rules) for group in groups}
            wins = sum(
                score(f"r-{row['id']}", rules) > of_pair[row["group"]] for row in part
            ) / max(len(part), 1)
            auc = roc_auc_score([1] * len(rewrite) + [0] * len(original), rewrite + original)
            label = " + ".join(rules) + (" (count)" if set(rules) <= DOCUMENT_LEVEL else "")
            print(
                f"   {label:{WIDTH}} {statistics.mean(rewrite):8.2f}"
                f" {statistics.mean(original):8.2f} {wins:9.2f} {auc:6.3f}"
            )
        models: dict[str, list[float]] = defaultdict(list)
        for row in part:
            models[row["id"].removeprefix(f"{row['group']}-")].append(
                score(f"r-{row['id']}", TOGETHER)
            )
        original = [score(f"o-{group}", TOGETHER) for group in groups]
        per_model = ", ".join(
            f"{model} {roc_auc_score([1] * len(s) + [0] * len(original), s + original):.3f}"
            for model, s in sorted(models.items())
        )
        print(f"   AUC of {' + '.join(TOGETHER)} by model: {per_model}")
    # The target names "the development pairs": every group, tune and check together
    # (optimistic, since the tune half was curated on; the check half is the honest figure).
    groups = sorted({row["group"] for row in rows})
    rewrite = [score(f"r-{row['id']}", TOGETHER) for row in rows]
    original = [score(f"o-{group}", TOGETHER) for group in groups]
    auc = roc_auc_score([1] * len(rewrite) + [0] * len(original), rewrite + original)
    print(
        f"-- all development pairs (tune + check): {len(rows)} rewrites of {len(groups)} originals,"
        f" AUC of {' + '.join(TOGETHER)} {auc:.3f}"
    )


def newswire(args: argparse.Namespace, work: Path) -> None:
    directory = work / "reuters"
    directory.mkdir()
    articles = 0
    for number, row in enumerate(read_jsonl(args.reuters)):
        if number >= args.reuters_limit:
            break
        title = " ".join(str(row.get("title") or "").split()) or f"Article {row['id']}"
        write_article(directory, f"a-{number:06d}", title, str(row.get("text") or ""))
        articles += 1
    findings = [f for f in run_check(directory) if f["severity"] == "warning"]
    per_rule = Counter(f["rule"] for f in findings)
    phrases = Counter(
        f"{f['rule']}: {f.get('data', {}).get('phrase', f['message'])}" for f in findings
    )
    print(f"\n== (b) newswire: first {articles} Reuters articles")
    print(f"   style warnings per article: {len(findings) / max(articles, 1):.3f} (target <= 0.15)")
    for rule in STYLE_RULES:
        print(f"   {rule:24} {per_rule[rule]:5d} ({per_rule[rule] / max(articles, 1):.3f})")
    print("   top matched phrases:")
    for phrase, count in phrases.most_common(20):
        print(f"   {count:5d}  {phrase}")


def puffery(args: argparse.Namespace, work: Path) -> None:
    directory = work / "puffery"
    directory.mkdir()
    labels: dict[str, int] = {}
    for number, row in enumerate(read_jsonl(args.puffery)):
        stem = f"s-{number:05d}"
        write_article(directory, stem, f"Sentence {number}", " ".join(row["text"].split()))
        labels[stem] = int(row["puffery"])
    counts = by_file(run_check(directory, ("stylistic-inflation",)))
    flagged = {stem for stem in labels if counts[stem]["stylistic-inflation"]}
    true_pos = sum(labels[stem] for stem in flagged)
    positives = sum(labels.values())
    precision = true_pos / max(len(flagged), 1)
    recall = true_pos / max(positives, 1)
    print(f"\n== (c) puffery-dev: {len(labels)} sentences, {positives} labelled puffery")
    print(f"   flagged {len(flagged)}: precision {precision:.3f} (target >= 0.70),")
    print(f"   recall {recall:.3f} (target >= 0.30)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tracking", required=True, help="tracking-dev.jsonl")
    parser.add_argument("--reuters", required=True, help="bench-reuters.jsonl")
    parser.add_argument("--puffery", help="puffery-dev.jsonl")
    parser.add_argument("--reuters-limit", type=int, default=2000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="measure-inflation-") as tmp:
        work = Path(tmp)
        tracking(args, work)
        newswire(args, work)
        if args.puffery:
            puffery(args, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
