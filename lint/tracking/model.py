"""A trained tracking model as plain JSON weights, scored with the standard library only.

The score is a logistic regression on standardised :data:`FEATURES` with non-negative weights:
``P(derived) = sigmoid(b + w · z)``, ``z = (x - mean) / scale``, every ``w >= 0`` so that more of
the rewrite found in the original never lowers it. ``b`` is the *baseline*: the log-odds for a
pair halfway between the training data's average derived and average non-derived pair (``mean``
is that pair), and each feature's contribution ``w · z`` is
how far it moves this pair from that baseline. With three METER classes a second, monotone
logistic on the same log-odds splits the derived probability into wholly and partially derived:
``P(wholly | derived) = sigmoid(slope · eta + split)`` with ``slope >= 0``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from lint.tracking.features import FEATURES, Evidence, measure
from lint.tracking.modelfile import ModelError as ModelError  # raised here, caught by callers
from lint.tracking.modelfile import check_weights, read_json, sigmoid
from lint.tracking.profile import Profile, profile

FORMAT = "newslint-tracking-model"
VERSION = 2
_INDEX = {name: i for i, name in enumerate(FEATURES)}
WHOLLY, PARTIALLY, NON_DERIVED = "wholly-derived", "partially-derived", "non-derived"
DERIVED = (WHOLLY, PARTIALLY)
LABELS = (WHOLLY, PARTIALLY, NON_DERIVED)


@dataclass(frozen=True)
class Contribution:
    feature: str
    value: float
    contribution: float  # to the log-odds of derived, against the baseline


@dataclass(frozen=True)
class Score:
    score: float  # P(derived)
    label: str  # the most probable class
    probabilities: dict[str, float]
    contributions: tuple[Contribution, ...]  # the features the model uses, strongest first
    baseline: float  # P(derived) of the reference pair (halfway between the classes)
    evidence: Evidence | None = None

    def drivers(self, count: int = 3) -> str:
        """The features that moved the score most, as ``name=value (+1.2)``."""
        top = self.contributions[:count]
        return ", ".join(f"{c.feature}={c.value:.2f} ({c.contribution:+.1f})" for c in top)


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    derived: str  # the derived class when there is no split
    split: tuple[float, float] | None  # (slope, intercept) of P(wholly | derived)
    threshold: float
    meta: dict[str, Any]

    @property
    def classes(self) -> tuple[str, ...]:
        return LABELS if self.split else (self.derived, NON_DERIVED)

    @classmethod
    def from_dict(cls, data: Any, source: str = "model") -> Model:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f"{source}: not a newslint tracking model (format != {FORMAT!r})")
        if data.get("version") != VERSION:
            raise ModelError(
                f"{source}: model version {data.get('version')!r}, this newslint reads {VERSION};"
                " retrain it with `newslint train`"
            )
        try:
            split = data.get("split")
            model = cls(
                features=tuple(str(v) for v in data["features"]),
                mean=tuple(float(v) for v in data["mean"]),
                scale=tuple(float(v) for v in data["scale"]),
                weights=tuple(float(v) for v in data["weights"]),
                intercept=float(data["intercept"]),
                derived=str(data.get("derived", WHOLLY)),
                split=None if split is None else (float(split[0]), float(split[1])),
                threshold=float(data.get("threshold", 0.5)),
                meta=dict(data.get("training", {})),
            )
        except (KeyError, TypeError, ValueError, IndexError) as err:
            raise ModelError(f"{source}: malformed model ({err})") from None
        check_weights(source, model.features, FEATURES, (model.mean, model.scale, model.weights))
        if any(s <= 0 for s in model.scale):
            raise ModelError(f"{source}: feature scales must be positive")
        if model.derived not in DERIVED:
            raise ModelError(f"{source}: derived class must be one of {', '.join(DERIVED)}")
        return model

    @classmethod
    def load(cls, path: Path) -> Model:
        return cls.from_dict(read_json(path), str(path))

    def predict(self, all_values: Sequence[float], evidence: Evidence | None = None) -> Score:
        """Score one pair from the values of every feature in :data:`FEATURES`."""
        values = [all_values[_INDEX[name]] for name in self.features]
        parts = [
            w * (v - m) / s
            for v, m, s, w in zip(values, self.mean, self.scale, self.weights, strict=True)
        ]
        eta = sum(parts)
        score = sigmoid(self.intercept + eta)
        if self.split:
            wholly = score * sigmoid(self.split[0] * eta + self.split[1])
            probabilities = {WHOLLY: wholly, PARTIALLY: score - wholly, NON_DERIVED: 1 - score}
        else:
            probabilities = {self.derived: score, NON_DERIVED: 1 - score}
        label = max(probabilities, key=lambda c: (probabilities[c], c))
        contributions = sorted(
            (
                Contribution(name, value, part)
                for name, value, part, w in zip(
                    self.features, values, parts, self.weights, strict=True
                )
                if w > 0
            ),
            key=lambda c: (-abs(c.contribution), c.feature),
        )
        return Score(
            score, label, probabilities, tuple(contributions), sigmoid(self.intercept), evidence
        )

    @property
    def used(self) -> frozenset[str]:
        """The features with a weight: the only ones scoring computes."""
        return frozenset(n for n, w in zip(self.features, self.weights, strict=True) if w > 0)

    def score_profiles(self, original: Profile, rewrite: Profile) -> Score:
        values, evidence = measure(original, rewrite, self.used)
        return self.predict(values, evidence)

    def score(self, original: str, rewrite: str) -> Score:
        return self.score_profiles(profile(original), profile(rewrite))


DEFAULT_MODEL = "default_model.json"


def model_bytes(path: str | None = None) -> bytes:
    """The bytes of the model at ``path``, or of the one shipped in the package."""
    if path is not None:
        return Path(path).read_bytes()
    return resources.files("lint.tracking").joinpath(DEFAULT_MODEL).read_bytes()


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model:
    """The model at ``path``, or the one shipped in the package; loaded once per process."""
    if path is not None:
        return Model.load(Path(path))
    text = model_bytes().decode("utf-8")
    return Model.from_dict(json.loads(text), f"lint/tracking/{DEFAULT_MODEL}")
