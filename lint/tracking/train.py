"""Train the tracking model with scikit-learn and export it as JSON weights.

Imported only by ``newslint train``; scoring never imports scikit-learn.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    brier_score_loss,
    confusion_matrix,
    f1_score,
    roc_auc_score,
)
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from lint.tracking.augment import SYNTHETIC
from lint.tracking.features import FEATURES, features
from lint.tracking.model import FORMAT, LABELS, NON_DERIVED
from lint.tracking.pairs import Pair
from lint.tracking.profile import profile


@dataclass(frozen=True)
class Settings:
    folds: int = 5
    c: float = 1.0
    seed: int = 0
    threshold: float = 0.5


def matrix(pairs: Sequence[Pair]) -> np.ndarray:
    """Feature rows; each distinct text is profiled once."""
    cache: dict[str, Any] = {}

    def prof(text: str) -> Any:
        if text not in cache:
            cache[text] = profile(text)
        return cache[text]

    return np.array([features(prof(p.original), prof(p.rewrite)) for p in pairs], dtype=float)


def _estimator(settings: Settings) -> Any:
    return make_pipeline(
        StandardScaler(),
        LogisticRegression(C=settings.c, class_weight="balanced", max_iter=5000),
    )


# More overlap must never count against derivation: a feature whose fitted weight says otherwise
# is a quirk of the training set (say, rewrites that happen to drop quotations) and is dropped.
UNSIGNED = frozenset({"length_ratio"})


def _violation(model: Any, names: Sequence[str]) -> str | None:
    """The feature whose weight most wrongly favours non-derived, if any."""
    logistic = model[-1]
    classes = list(logistic.classes_)
    coef = logistic.coef_
    if len(classes) == 2:  # one row, for classes_[1]
        sign = 1.0 if classes[1] != NON_DERIVED else -1.0
        margins = sign * coef[0]
    else:
        non = classes.index(NON_DERIVED)
        margins = np.min(np.delete(coef, non, axis=0) - coef[non], axis=0)
    worst, name = min((m, n) for m, n in zip(margins, names, strict=True) if n not in UNSIGNED)
    return name if worst < 0 else None


def fit_monotone(x: np.ndarray, y: np.ndarray, settings: Settings) -> tuple[Any, list[str]]:
    """Fit, drop the feature that most violates monotonicity, refit, until none does."""
    names = list(FEATURES)
    while True:
        columns = [FEATURES.index(n) for n in names]
        model = _estimator(settings).fit(x[:, columns], y)
        wrong = _violation(model, names) if NON_DERIVED in set(y) else None
        if wrong is None:
            return model, names
        names.remove(wrong)


def _groups(pairs: Sequence[Pair]) -> list[str]:
    return [p.group if p.group is not None else p.id for p in pairs]


def cross_validate(pairs: Sequence[Pair], x: np.ndarray, settings: Settings) -> dict[str, Any]:
    """Grouped, stratified k-fold: out-of-fold predictions for every pair, then the metrics."""
    y = np.array([p.label for p in pairs])
    classes = [c for c in LABELS if c in set(y)]
    groups = _groups(pairs)
    folds = min(settings.folds, len(set(groups)))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=settings.seed)
    predicted = np.empty(len(y), dtype=object)
    derived = np.zeros(len(y))
    for train, test in splitter.split(x, y, groups):
        model, names = fit_monotone(x[train], y[train], settings)
        proba = model.predict_proba(x[test][:, [FEATURES.index(n) for n in names]])
        labels = list(model.classes_)
        predicted[test] = [labels[i] for i in proba.argmax(axis=1)]
        derived[test] = proba[:, [i for i, c in enumerate(labels) if c != NON_DERIVED]].sum(axis=1)
    is_derived = (y != NON_DERIVED).astype(int)
    metrics: dict[str, Any] = {
        "pairs": len(y),
        "folds": folds,
        "counts": {c: int((y == c).sum()) for c in classes},
        "macro_f1": round(float(f1_score(y, predicted, labels=classes, average="macro")), 4),
        "f1": dict(zip(classes, (round(float(v), 4) for v in
                   f1_score(y, predicted, labels=classes, average=None)), strict=True)),
        "accuracy": round(float(accuracy_score(y, predicted)), 4),
        "confusion": {"labels": classes,
                      "matrix": confusion_matrix(y, predicted, labels=classes).tolist()},
    }  # fmt: skip
    if 0 < is_derived.sum() < len(y):
        metrics["derived_auc"] = round(float(roc_auc_score(is_derived, derived)), 4)
        metrics["derived_brier"] = round(float(brier_score_loss(is_derived, derived)), 4)
        hit = (derived >= settings.threshold).astype(int)
        metrics["derived_accuracy"] = round(float((hit == is_derived).mean()), 4)
    real = np.array([p.origin not in SYNTHETIC for p in pairs])
    if not real.all() and 0 < is_derived[real].sum() < real.sum():
        metrics["real_pairs"] = int(real.sum())
        metrics["real_derived_auc"] = round(
            float(roc_auc_score(is_derived[real], derived[real])), 4
        )
    return metrics


def fit(pairs: Sequence[Pair], x: np.ndarray, settings: Settings) -> dict[str, Any]:
    """Fit on every pair; the model as a JSON-ready dict (training metadata added by caller)."""
    y = np.array([p.label for p in pairs])
    pipeline, names = fit_monotone(x, y, settings)
    scaler, logistic = pipeline[0], pipeline[-1]
    classes = [str(c) for c in logistic.classes_]
    coef, intercept = logistic.coef_, logistic.intercept_
    if len(classes) == 2:  # binary: scikit-learn keeps one row, for classes_[1]
        coef = np.vstack([np.zeros_like(coef[0]), coef[0]])
        intercept = np.array([0.0, intercept[0]])
    return {
        "format": FORMAT,
        "version": 1,
        "features": names,
        "classes": classes,
        "mean": [round(float(v), 8) for v in scaler.mean_],
        "scale": [round(float(v), 8) for v in scaler.scale_],
        "coef": [[round(float(v), 8) for v in row] for row in coef],
        "intercept": [round(float(v), 8) for v in intercept],
        "threshold": settings.threshold,
    }


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dump(model: dict[str, Any], path: Path) -> None:
    text = json.dumps(model, indent=1, sort_keys=False) + "\n"
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
