"""Train the learned judge of ``unattributed-figure`` on the development labels.

Usage::

    python bench/train_figures.py --labels bench/labels/figures-dev.jsonl \
        --reuters ../shared/data/bench-reuters.jsonl \
        --attribution ../shared/data/attribution-dev.jsonl \
        [--out lint/kinds/figures_model.json]

One feature row per recognised figure of each article (``lint.kinds.figures_evidence``), run on
the article as ``bench/measure_figures.py`` lints it (a neutral headline line, a blank line, the
record's text). Labels are mapped to recognised figures by span overlap; a labelled figure the
recogniser misses is counted (a recall loss no judge can recover); a recognised figure with no
label is not a figure and counts as a negative. Target: needs-source against everything else.

A logistic regression (scikit-learn) is fitted with grouped cross-validation by article; the
decision threshold is the lowest whose out-of-fold precision is at least ``--precision`` while
keeping out-of-fold recall at least ``--min-recall`` (a judge that vetoes most true findings is
no help); when none does, the best F0.5 point (precision first). The
weights, threshold, command, data sha256 and CV figures are written as JSON that
``lint.kinds.figures_model`` scores in pure Python. Do not give it the held-out labels.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import yaml  # noqa: E402
from measure_figures import Article, half_of, load_articles, load_sets, overlaps  # noqa: E402

from lint.core.document import BlockKind, Document  # noqa: E402
from lint.kinds import figures  # noqa: E402
from lint.kinds.figures_evidence import evidence  # noqa: E402
from lint.kinds.figures_features import FEATURES  # noqa: E402
from lint.kinds.options import build_options  # noqa: E402
from lint.text.analysis import analysis  # noqa: E402
from lint.text.segment import segment  # noqa: E402

FORMAT = "newslint-figures-model"
TARGET = "needs-source"


def rule_options() -> figures.Options:
    data = yaml.safe_load((ROOT / "rules" / "unattributed-figure.yaml").read_text("utf-8"))
    return build_options(figures.Options, data["options"])


def rows_of(article: Article, options: figures.Options) -> tuple[list[list[float]], list[int], int]:
    """Feature rows and targets of one article, and how many labels no figure matched."""
    head = f"Article {article.id}\n\n"
    content = head + article.text
    document = Document(f"{article.id}.txt", content, segment(content))
    shared = analysis(document)
    blocks = document.blocks_of(frozenset({BlockKind.PARAGRAPH}))
    found = evidence(shared, shared.paragraphs(blocks), options)
    offset = len(head)
    xs: list[list[float]] = []
    ys: list[int] = []
    matched: set[int] = set()
    for item in found:
        start = item.figure.extent.start + item.block.start - offset
        end = item.figure.extent.end + item.block.start - offset
        hit = [
            i
            for i, label in enumerate(article.labels)
            if overlaps(start, end, label.start, label.end)
        ]
        matched.update(hit)
        xs.append(list(item.values))
        ys.append(int(any(article.labels[i].cls == TARGET for i in hit)))
    missed = sum(
        1 for i, label in enumerate(article.labels) if label.cls == TARGET and i not in matched
    )
    return xs, ys, missed


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pr_points(scores: np.ndarray, ys: np.ndarray, targets: int) -> list[dict[str, float]]:
    """Precision and recall (over all labelled targets, misses included) at each threshold."""
    points = []
    for threshold in np.unique(np.round(scores, 2)):
        flagged = scores >= threshold
        hits = int((ys[flagged] == 1).sum())
        n = int(flagged.sum())
        if n == 0:
            continue
        points.append(
            {
                "threshold": float(threshold),
                "flagged": n,
                "precision": hits / n,
                "recall": hits / targets,
            }
        )
    return points


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", action="append", required=True)
    parser.add_argument("--sample", action="append")
    parser.add_argument("--reuters", type=Path)
    parser.add_argument("--attribution", type=Path)
    parser.add_argument("--tracking", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "lint" / "kinds" / "figures_model.json")
    parser.add_argument("--precision", type=float, default=0.85)
    parser.add_argument("--min-recall", type=float, default=0.5)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--C", type=float, nargs="*", default=[0.003, 0.01, 0.03, 0.1, 0.3, 1.0])
    parser.add_argument("--half", choices=("tune", "all"), default="all")
    parser.add_argument(
        "--drop", nargs="*", default=[], help="feature name prefixes to leave out (rule_ ...)"
    )
    args = parser.parse_args(argv)
    label_paths = [Path(p) for arg in args.labels for p in arg.split(",") if p]
    if any("heldout" in p.name for p in label_paths):
        raise SystemExit("do not train on the held-out labels")
    sample_paths = [Path(p) for arg in args.sample or [] for p in arg.split(",") if p]
    labels, sample = load_sets(label_paths, sample_paths)
    paths = {"bbc": args.tracking, "reuters": args.reuters, "attribution": args.attribution}
    articles = load_articles(labels, sample, paths)
    options = rule_options()

    xs: list[list[float]] = []
    ys: list[int] = []
    groups: list[int] = []
    halves: list[str] = []
    missed = 0
    for number, (key, article) in enumerate(sorted(articles.items())):
        ax, ay, am = rows_of(article, options)
        xs += ax
        ys += ay
        groups += [number] * len(ay)
        halves += [half_of(key[1])] * len(ay)
        missed += am
    x = np.array(xs, dtype=float)
    y = np.array(ys, dtype=int)
    g = np.array(groups)
    targets = sum(1 for a in articles.values() for lab in a.labels if lab.cls == TARGET)
    print(f"{len(articles)} articles, {len(y)} recognised figures, {int(y.sum())} needs-source")
    print(f"needs-source labels: {targets}; not matched by any recognised figure: {missed}")
    if args.half == "tune":
        keep = np.array([h == "tune" for h in halves])
        x, y, g = x[keep], y[keep], g[keep]

    used = [i for i, name in enumerate(FEATURES) if not name.startswith(tuple(args.drop or ["\0"]))]
    names = [FEATURES[i] for i in used]
    x = x[:, used]
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    folds = GroupKFold(n_splits=args.folds)
    best: tuple[float, float, np.ndarray] | None = None
    for c in args.C:
        oof = np.zeros(len(y))
        for train, test in folds.split(z, y, g):
            model = LogisticRegression(C=c, max_iter=2000)
            model.fit(z[train], y[train])
            oof[test] = model.decision_function(z[test])
        ap = average_precision(oof, y)
        print(f"C={c}: out-of-fold average precision {ap:.3f}")
        if best is None or ap > best[1]:
            best = (c, ap, oof)
    assert best is not None
    c, ap, oof = best
    probabilities = 1 / (1 + np.exp(-oof))
    total = int(y.sum()) + (missed if args.half == "all" else 0)
    points = pr_points(probabilities, y, total)
    chosen = [
        p
        for p in points
        if p["precision"] >= args.precision and p["flagged"] >= 5 and p["recall"] >= args.min_recall
    ]
    if chosen:
        threshold = min(p["threshold"] for p in chosen)
    else:  # the target precision is out of reach: the best F0.5 (precision first)
        threshold = max(points, key=lambda p: f_half(p["precision"], p["recall"]))["threshold"]
        print(
            f"no threshold reaches precision {args.precision} with recall {args.min_recall}"
            " out of fold; best F0.5 taken"
        )
    print("out-of-fold PR points (P(needs-source) >= threshold):")
    for p in points[:: max(1, len(points) // 25)]:
        print(
            f"  {p['threshold']:.2f}: {p['flagged']:4d} flagged, P {p['precision']:.3f}"
            f" R {p['recall']:.3f}"
        )
    at = next(p for p in points if p["threshold"] == threshold)
    print(f"chosen C={c}, threshold {threshold:.2f}: P {at['precision']:.3f} R {at['recall']:.3f}")

    final = LogisticRegression(C=c, max_iter=2000)
    final.fit(z, y)
    command = "python bench/train_figures.py " + " ".join(
        a if not a.startswith("/") else Path(a).name for a in (argv or sys.argv[1:])
    )
    data = {
        "format": FORMAT,
        "features": names,
        "mean": [float(v) for v in mean],
        "scale": [float(v) for v in scale],
        "coef": [float(v) for v in final.coef_[0]],
        "intercept": float(final.intercept_[0]),
        "threshold": float(threshold),
        "training": {
            "command": command,
            "labels": {str(p): sha256(p) for p in label_paths},
            "data": {
                name: {"file": p.name, "sha256": sha256(p)}
                for name, p in paths.items()
                if p is not None
            },
            "rows": len(y),
            "positives": int(y.sum()),
            "unmatched_targets": missed,
            "C": c,
            "cv": {
                "folds": args.folds,
                "grouped_by": "article",
                "average_precision": round(ap, 4),
                "at_threshold": {k: round(v, 4) for k, v in at.items()},
                "points": [
                    {k: round(v, 4) for k, v in p.items()}
                    for p in points[:: max(1, len(points) // 40)]
                ],
            },
        },
    }
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    print(Counter(y.tolist()))
    return 0


def f_half(precision: float, recall: float) -> float:
    if precision + recall == 0:
        return 0.0
    return 1.25 * precision * recall / (0.25 * precision + recall)


def average_precision(scores: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(-scores)
    hits = np.cumsum(y[order])
    precision = hits / np.arange(1, len(y) + 1)
    return float((precision * y[order]).sum() / max(1, y.sum()))


if __name__ == "__main__":
    raise SystemExit(main())
