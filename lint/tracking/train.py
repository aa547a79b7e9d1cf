"""Train the tracking model and export it as JSON weights.

Imported only by ``newslint train`` (numpy, scipy, scikit-learn); scoring never imports them.

The fit is a logistic regression of derived against non-derived with an L2 penalty and class
weights balanced, minimised by L-BFGS-B with every feature weight bounded below by 0 (the
intercept is free). scikit-learn's ``LogisticRegression`` has no bounds; a non-negative least
squares fit (``LinearRegression(positive=True)``) is not a probability model. The bounded logistic
keeps every feature, keeps the score a calibrated probability, and makes "more of the rewrite is
in the original" never count against derivation: a feature whose unconstrained weight would be
negative (correlated with a stronger one, or a quirk of the data) gets weight 0, not a flipped
sign. With three METER classes, a second bounded logistic on the derived pairs' log-odds
(slope >= 0) splits derived into wholly and partially derived.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize  # type: ignore[import-untyped]
from sklearn.metrics import accuracy_score, brier_score_loss, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from lint.tracking.augment import SYNTHETIC
from lint.tracking.features import FEATURES, features
from lint.tracking.model import FORMAT, LABELS, NON_DERIVED, PARTIALLY, VERSION, WHOLLY
from lint.tracking.pairs import Pair
from lint.tracking.profile import Profile, profile


@dataclass(frozen=True)
class Settings:
    folds: int = 5
    c: float = 1.0
    seed: int = 0
    threshold: float = 0.5
    drop_negative: bool = False  # drop features whose unconstrained weight is negative
    unconstrained: bool = False  # no bounds at all (for comparison)
    real_weight: float = 5.0  # weight of a real pair against a synthetic one
    balanced: bool = False  # equal total weight for derived and non-derived (off: calibrated)


def matrix(pairs: Sequence[Pair]) -> np.ndarray:
    """Feature rows; each distinct text is profiled once."""
    cache: dict[str, Profile] = {}

    def prof(text: str) -> Profile:
        if text not in cache:
            cache[text] = profile(text)
        return cache[text]

    return np.array([features(prof(p.original), prof(p.rewrite)) for p in pairs], dtype=float)


def _logistic(
    x: np.ndarray, y: np.ndarray, c: float, bounded: bool, sample: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    """Weights and intercept of an L2-penalised logistic regression of ``y`` (0/1) on ``x``
    with per-pair weights ``sample``; weights >= 0 when ``bounded``."""
    n, k = x.shape
    if sample is None:
        sample = _balanced(y, np.ones(n))
    sign = 2 * y - 1

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:k], theta[k]
        margin = sign * (x @ w + b)
        value = float(np.sum(sample * np.logaddexp(0.0, -margin)) + 0.5 / c * (w @ w))
        g = -sample * sign / (1.0 + np.exp(margin))
        gradient = np.append(x.T @ g + w / c, g.sum())
        return value, gradient

    bounds = [(0.0, None) if bounded else (None, None)] * k + [(None, None)]
    result = minimize(
        loss, np.zeros(k + 1), jac=True, method="L-BFGS-B", bounds=bounds,
        options={"maxiter": 5000, "gtol": 1e-9},
    )  # fmt: skip
    return result.x[:k], float(result.x[k])


def _balanced(y: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """``weight`` rescaled so both classes carry half the total."""
    total = weight.sum()
    positive = max(float(weight[y == 1].sum()), 1e-9)
    negative = max(float(weight[y == 0].sum()), 1e-9)
    return np.asarray(weight * np.where(y == 1, total / (2 * positive), total / (2 * negative)))


def sample_weights(origins: Sequence[str | None], y: np.ndarray, settings: Settings) -> np.ndarray:
    """Real pairs count ``real_weight`` times a synthetic one (the synthetic kinds teach shapes
    of reuse; the real pairs anchor the fit); classes balanced if asked."""
    weight = np.array([1.0 if o in SYNTHETIC else settings.real_weight for o in origins])
    weight *= len(weight) / weight.sum()
    return _balanced(y, weight) if settings.balanced else weight


@dataclass(frozen=True)
class Fitted:
    names: list[str]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    intercept: float
    derived: str
    split: tuple[float, float] | None

    def eta(self, x: np.ndarray) -> np.ndarray:
        columns = [FEATURES.index(n) for n in self.names]
        return np.asarray(((x[:, columns] - self.mean) / self.scale) @ self.weights)

    def derived_probability(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-(self.intercept + self.eta(x)))))

    def predict(self, x: np.ndarray) -> list[str]:
        p = self.derived_probability(x)
        if self.split is None:
            return [self.derived if v >= 0.5 else NON_DERIVED for v in p]
        wholly = p / (1.0 + np.exp(-(self.split[0] * self.eta(x) + self.split[1])))
        labels = []
        for total, w in zip(p, wholly, strict=True):
            options = {WHOLLY: w, PARTIALLY: total - w, NON_DERIVED: 1 - total}
            labels.append(max(options, key=lambda c: (options[c], c)))
        return labels


def fit_model(
    x: np.ndarray, labels: np.ndarray, origins: Sequence[str | None], settings: Settings
) -> Fitted:
    y = (labels != NON_DERIVED).astype(int)
    if y.min() == y.max():  # a cross-validation fold whose training part holds one class
        raise ValueError(
            "a training fold holds only one class; spread derived and non-derived pairs over "
            "more groups"
        )
    sample = sample_weights(origins, y, settings)
    names = list(FEATURES)
    bounded = not settings.unconstrained and not settings.drop_negative
    while True:
        columns = [FEATURES.index(n) for n in names]
        sub = x[:, columns]
        mean, scale = sub.mean(axis=0), sub.std(axis=0)
        scale[scale == 0] = 1.0
        z = (sub - mean) / scale
        weights, intercept = _logistic(z, y, settings.c, bounded, sample)
        if not settings.drop_negative or weights.min() >= 0 or len(names) == 1:
            break
        names.pop(int(np.argmin(weights)))  # the old behaviour, on request only
    # Re-centre on the pair halfway between the two classes' average pairs, so the intercept is
    # a baseline an editor can read; the scores do not change.
    reference = (sub[y == 1].mean(axis=0) + sub[y == 0].mean(axis=0)) / 2
    intercept += float(((reference - mean) / scale) @ weights)
    z = z - (reference - mean) / scale
    mean = reference
    present = set(labels)
    split = None
    if WHOLLY in present and PARTIALLY in present:
        derived = labels != NON_DERIVED
        eta = (z @ weights)[derived].reshape(-1, 1)
        slope, offset = _logistic(eta, (labels[derived] == WHOLLY).astype(int), 100.0, True)
        split = (float(slope[0]), offset)
    derived_class = PARTIALLY if PARTIALLY in present and WHOLLY not in present else WHOLLY
    return Fitted(names, mean, scale, weights, intercept, derived_class, split)


def _groups(pairs: Sequence[Pair]) -> list[str]:
    return [p.group if p.group is not None else p.id for p in pairs]


def reliability(y: np.ndarray, p: np.ndarray, bins: int = 10) -> list[dict[str, Any]]:
    """Predicted against observed rate of derived pairs in ``bins`` equal-width bins."""
    rows = []
    for i in range(bins):
        low, high = i / bins, (i + 1) / bins
        inside = (p >= low) & ((p < high) if i < bins - 1 else (p <= high))
        count = int(inside.sum())
        rows.append({
            "bin": f"{low:.1f}-{high:.1f}",
            "pairs": count,
            "predicted": round(float(p[inside].mean()), 3) if count else None,
            "observed": round(float(y[inside].mean()), 3) if count else None,
        })  # fmt: skip
    return rows


def _auc(y: np.ndarray, p: np.ndarray, mask: np.ndarray) -> float | None:
    if 0 < y[mask].sum() < mask.sum():
        return round(float(roc_auc_score(y[mask], p[mask])), 4)
    return None


def out_of_fold(
    pairs: Sequence[Pair], x: np.ndarray, settings: Settings
) -> tuple[np.ndarray, np.ndarray, int]:
    """Grouped, stratified k-fold: (derived probability, predicted label) for every pair."""
    y = np.array([p.label for p in pairs])
    groups = _groups(pairs)
    origins = [p.origin for p in pairs]
    folds = min(settings.folds, len(set(groups)))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=settings.seed)
    predicted = np.empty(len(y), dtype=object)
    derived = np.zeros(len(y))
    for train, test in splitter.split(x, y, groups):
        model = fit_model(x[train], y[train], [origins[i] for i in train], settings)
        derived[test] = model.derived_probability(x[test])
        predicted[test] = model.predict(x[test])
    return derived, predicted, folds


def cross_validate(pairs: Sequence[Pair], x: np.ndarray, settings: Settings) -> dict[str, Any]:
    """Out-of-fold predictions for every pair, then the metrics."""
    y = np.array([p.label for p in pairs])
    classes = [c for c in LABELS if c in set(y)]
    derived, predicted, folds = out_of_fold(pairs, x, settings)
    is_derived = (y != NON_DERIVED).astype(int)
    everything = np.ones(len(y), dtype=bool)
    metrics: dict[str, Any] = {
        "pairs": len(y),
        "folds": folds,
        "counts": {c: int((y == c).sum()) for c in classes},
        "macro_f1": round(float(f1_score(y, predicted, labels=classes, average="macro")), 4),
        "f1": dict(zip(classes, (round(float(v), 4) for v in
                   f1_score(y, predicted, labels=classes, average=None)), strict=True)),
        "accuracy": round(float(accuracy_score(y, predicted)), 4),
    }  # fmt: skip
    auc = _auc(is_derived, derived, everything)
    if auc is not None:
        metrics["derived_auc"] = auc
        metrics["derived_brier"] = round(float(brier_score_loss(is_derived, derived)), 4)
        hit = (derived >= settings.threshold).astype(int)
        metrics["derived_accuracy"] = round(float((hit == is_derived).mean()), 4)
        metrics["reliability"] = reliability(is_derived, derived)
    origins = np.array([p.origin or "" for p in pairs])
    real = np.array([o not in SYNTHETIC for o in origins])
    if not real.all() and (auc := _auc(is_derived, derived, real)) is not None:
        metrics["real_pairs"] = int(real.sum())
        metrics["real_derived_auc"] = auc
    hard = np.isin(origins, ["llm-rewrite", "same-event-other-outlet"])
    if (auc := _auc(is_derived, derived, hard)) is not None:
        metrics["llm_vs_same_event_auc"] = auc
    return metrics


def fit(pairs: Sequence[Pair], x: np.ndarray, settings: Settings) -> dict[str, Any]:
    """Fit on every pair; the model as a JSON-ready dict (training metadata added by caller)."""
    y = np.array([p.label for p in pairs])
    model = fit_model(x, y, [p.origin for p in pairs], settings)
    return {
        "format": FORMAT,
        "version": VERSION,
        "features": model.names,
        "mean": [round(float(v), 8) for v in model.mean],
        "scale": [round(float(v), 8) for v in model.scale],
        "weights": [round(float(v), 8) for v in model.weights],
        "intercept": round(model.intercept, 8),
        "derived": model.derived,
        "split": None if model.split is None else [round(v, 8) for v in model.split],
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
