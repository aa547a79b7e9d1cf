"""``newslint train`` and ``newslint score``: wiring between the command line and lint.tracking."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.errors import NewslintError
from lint.io.files import decode

if TYPE_CHECKING:  # the tracking modules are imported by the commands, not by ``newslint check``
    from lint.tracking.model import Model, Score
    from lint.tracking.pairs import Pair
    from lint.tracking.profile import Profile


TRAIN_HELP = "train the tracking model on labelled (original, rewrite) pairs"
SCORE_HELP = "score how closely rewrites track originals"


def add_parsers(commands: Any) -> None:
    add_train_arguments(commands.add_parser("train", help=TRAIN_HELP))
    add_score_arguments(commands.add_parser("score", help=SCORE_HELP))


def add_train_arguments(train: argparse.ArgumentParser) -> None:
    train.add_argument("pairs", type=Path, metavar="PAIRS.jsonl")
    train.add_argument("--output", type=Path, required=True, metavar="MODEL.json")
    train.add_argument(
        "--augment",
        action="store_true",
        help="add synthetic newsroom-style pairs: copy-edited, reordered, mixed with "
        "same-event reporting, and joined wire originals (see lint/tracking/augment.py)",
    )
    train.add_argument(
        "--drop-negative",
        action="store_true",
        help="fit without bounds and drop each feature whose weight comes out negative "
        "(default: keep every feature, weights bounded at 0)",
    )
    train.add_argument(
        "--unconstrained",
        action="store_true",
        help="fit without bounds, keeping negative weights (for comparison only)",
    )
    train.add_argument("--folds", type=int, default=5, help="grouped cross-validation folds")
    train.add_argument("--C", dest="c", type=float, default=1.0, help="inverse regularisation")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument(
        "--real-weight",
        type=float,
        default=5.0,
        help="weight of a pair from PAIRS.jsonl against a synthetic one (with --augment)",
    )


def add_score_arguments(score: argparse.ArgumentParser) -> None:
    score.add_argument("pairs", type=Path, nargs="?", metavar="PAIRS.jsonl")
    score.add_argument("--model", type=Path, metavar="MODEL.json")
    score.add_argument("--original", type=Path, metavar="FILE")
    score.add_argument("--rewrite", type=Path, metavar="FILE")


def _model(path: Path | None) -> Model:
    from lint.tracking.model import ModelError, load_model

    try:
        return load_model(str(path) if path else None)
    except ModelError as err:
        raise NewslintError(str(err)) from None


def _pairs(path: Path, labelled: bool) -> list[Pair]:
    from lint.tracking.pairs import PairsError, read_pairs

    try:
        return list(read_pairs(path, labelled))
    except PairsError as err:
        raise NewslintError(str(err)) from None


def train(args: argparse.Namespace) -> int:
    _require_training()
    import shlex

    from lint.tracking import train as training
    from lint.tracking.augment import augment

    pairs = _pairs(args.pairs, labelled=True)
    synthetic = augment(pairs) if args.augment else []
    everything = pairs + synthetic
    _check_trainable(args.pairs, everything)
    model, metrics = _fit(args, everything)
    model["training"] = {
        "command": "newslint " + shlex.join(sys.argv[1:]) if sys.argv[1:] else "newslint train",
        "data": args.pairs.name,
        "data_sha256": training.sha256(args.pairs),
        "pairs": len(pairs),
        "synthetic": len(synthetic),
        "synthetic_kinds": dict(sorted(Counter(p.origin or "" for p in synthetic).items())),
        "cross_validation": metrics,
    }
    try:
        training.dump(model, args.output)
    except OSError as err:
        raise NewslintError(f"--output: cannot write {args.output} ({err.strerror})") from None
    print(f"wrote {args.output}")
    return 0


def _require_training() -> None:
    """Import the training module (scikit-learn: only here), or say how to install it."""
    try:
        from lint.tracking import train as training  # noqa: F401
    except ModuleNotFoundError as err:
        if (err.name or "").split(".")[0] != "sklearn":
            raise
        raise NewslintError(
            "newslint train needs scikit-learn, an optional extra: pip install 'newslint[train]'"
        ) from None


def _fit(args: argparse.Namespace, pairs: list[Pair]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The model trained on ``pairs`` and its cross-validation metrics (printed)."""
    from lint.tracking import train as training

    settings = training.Settings(
        folds=args.folds,
        c=args.c,
        seed=args.seed,
        drop_negative=args.drop_negative,
        unconstrained=args.unconstrained,
        real_weight=args.real_weight,
    )
    x = training.matrix(pairs)
    try:
        metrics = training.cross_validate(pairs, x, settings)
        _print_metrics(metrics)
        model = training.fit(pairs, x, settings)
    except ValueError as err:  # scikit-learn on degenerate data: one class in a fold, 1 fold
        raise NewslintError(f"{args.pairs}: cannot train on these pairs ({err})") from None
    return model, metrics


def _check_trainable(path: Path, pairs: list[Pair]) -> None:
    """A usable model needs non-derived and derived examples, and grouped cross-validation needs
    at least two groups; say so instead of writing a model that cannot be loaded."""
    from lint.tracking.model import NON_DERIVED

    labels = {p.label for p in pairs}
    if NON_DERIVED not in labels or labels == {NON_DERIVED}:
        found = ", ".join(sorted(str(label) for label in labels)) or "no pairs"
        raise NewslintError(
            f"{path}: training needs both non-derived and derived pairs (found: {found})"
        )
    groups = {p.group if p.group is not None else p.id for p in pairs}
    if len(groups) < 2:
        raise NewslintError(f"{path}: cross-validation needs pairs from at least two groups")


def _print_metrics(metrics: dict[str, Any]) -> None:
    counts = ", ".join(f"{k} {v}" for k, v in metrics["counts"].items())
    print(f"pairs: {metrics['pairs']} ({counts}); grouped {metrics['folds']}-fold cross-validation")
    print(f"macro-F1 {metrics['macro_f1']:.3f}  accuracy {metrics['accuracy']:.3f}")
    for label, value in metrics["f1"].items():
        print(f"  F1 {label:18s} {value:.3f}")
    if "derived_auc" in metrics:
        print(
            f"derived vs non-derived: ROC AUC {metrics['derived_auc']:.4f}  "
            f"Brier {metrics['derived_brier']:.4f}  accuracy {metrics['derived_accuracy']:.3f}"
        )
    if "real_derived_auc" in metrics:
        print(
            f"  on the {metrics['real_pairs']} real pairs only (no synthetic): "
            f"ROC AUC {metrics['real_derived_auc']:.4f}"
        )
    if "llm_vs_same_event_auc" in metrics:
        print(
            f"  LLM rewrites vs same-event reports: ROC AUC {metrics['llm_vs_same_event_auc']:.4f}"
        )
    if "reliability" in metrics:
        print("reliability (out of fold): bin, pairs, mean predicted, observed derived rate")
        for row in metrics["reliability"]:
            if row["pairs"]:
                print(
                    f"  {row['bin']}  {row['pairs']:5d}  "
                    f"{row['predicted']:.3f}  {row['observed']:.3f}"
                )


def _read(path: Path) -> str:
    try:
        return decode(str(path), path.read_bytes())
    except OSError as err:
        raise NewslintError(f"{path}: cannot read ({err.strerror or err})") from None


def _explain(result: Score, threshold: float) -> str:
    from lint.tracking import explain

    verdict = "tracks" if result.score >= threshold else "does NOT track"
    probabilities = ", ".join(f"{k} {v:.3f}" for k, v in sorted(result.probabilities.items()))
    lines = [
        f"score {result.score:.3f} (threshold {threshold:.2f}): the rewrite {verdict} the original",
        f"label {result.label}  ({probabilities})",
        f"baseline {result.baseline:.3f}: a pair halfway between a typical derived and a typical",
        "non-derived pair; each line moves the score up (+) or down (-), in log-odds:",
        *("  " + line for line in explain.lines(result)),
    ]
    return "\n".join(lines) + "\n"


def score(args: argparse.Namespace) -> int:
    from lint.tracking.profile import profile

    model = _model(args.model)
    if args.original or args.rewrite:
        if not (args.original and args.rewrite) or args.pairs:
            raise NewslintError("give either PAIRS.jsonl or both --original and --rewrite")
        result = model.score(_read(args.original), _read(args.rewrite))
        sys.stdout.write(_explain(result, model.threshold))
        return 0
    if not args.pairs:
        raise NewslintError("give PAIRS.jsonl, or --original FILE --rewrite FILE")
    # A profile allocates many short-lived containers and frees them with the pair: the cyclic
    # GC's default (a young collection every 700 allocations, rescanning the model and modules)
    # found nothing to free and took about a tenth of the CPU time, as in ``lint_paths``.
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(_GC_YOUNG, *threshold[1:])
    try:
        original: tuple[str, Profile] | None = None  # consecutive lines often share an original
        for pair in _pairs(args.pairs, labelled=False):
            if original is None or original[0] != pair.original:
                original = (pair.original, profile(pair.original))
            result = model.score_profiles(original[1], profile(pair.rewrite))
            line = {"id": pair.id, "score": round(result.score, 6), "label": result.label}
            sys.stdout.write(json.dumps(line) + "\n")
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
    return 0


_GC_YOUNG = 20_000  # allocations between young collections while scoring (the default is 700)
