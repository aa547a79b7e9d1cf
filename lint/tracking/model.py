"""A trained tracking model as plain JSON weights, scored with the standard library only.

The model is a multinomial logistic regression over standardised :data:`FEATURES`:
``P(class) = softmax(W · z + b)`` with ``z = (x - mean) / scale``. The score is the probability
that the rewrite derives from the original: the sum over the derived classes.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from lint.tracking.features import FEATURES, features
from lint.tracking.profile import Profile, profile

FORMAT = "newslint-tracking-model"
_INDEX = {name: i for i, name in enumerate(FEATURES)}
DERIVED = ("wholly-derived", "partially-derived")
NON_DERIVED = "non-derived"
LABELS = ("wholly-derived", "partially-derived", "non-derived")


class ModelError(ValueError):
    """A model file that cannot be used."""


@dataclass(frozen=True)
class Contribution:
    feature: str
    value: float
    contribution: float  # to the log-odds of the predicted derived class against non-derived


@dataclass(frozen=True)
class Score:
    score: float  # P(derived)
    label: str  # the most probable class
    probabilities: dict[str, float]
    contributions: tuple[Contribution, ...]  # strongest first

    def drivers(self, count: int = 3) -> str:
        """The features that moved the score most, for messages: ``name=value (+1.2)``."""
        top = self.contributions[:count]
        return ", ".join(f"{c.feature}={c.value:.2f} ({c.contribution:+.1f})" for c in top)


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    classes: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[tuple[float, ...], ...]  # one row per class
    intercept: tuple[float, ...]
    threshold: float
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: Any, source: str = "model") -> Model:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f"{source}: not a newslint tracking model (format != {FORMAT!r})")
        try:
            model = cls(
                features=tuple(data["features"]),
                classes=tuple(data["classes"]),
                mean=tuple(float(v) for v in data["mean"]),
                scale=tuple(float(v) for v in data["scale"]),
                coef=tuple(tuple(float(v) for v in row) for row in data["coef"]),
                intercept=tuple(float(v) for v in data["intercept"]),
                threshold=float(data.get("threshold", 0.5)),
                meta=dict(data.get("training", {})),
            )
        except (KeyError, TypeError, ValueError) as err:
            raise ModelError(f"{source}: malformed model ({err})") from None
        unknown = set(model.features) - set(FEATURES)
        if unknown:
            raise ModelError(f"{source}: unknown feature {sorted(unknown)[0]!r} (newer newslint?)")
        n = len(model.features)
        shapes = [len(model.mean), len(model.scale), *(len(r) for r in model.coef)]
        if any(s != n for s in shapes) or len(model.coef) != len(model.classes):
            raise ModelError(f"{source}: weight shapes do not match {n} features")
        if len(model.intercept) != len(model.classes) or NON_DERIVED not in model.classes:
            raise ModelError(f"{source}: classes must include {NON_DERIVED!r}")
        return model

    @classmethod
    def load(cls, path: Path) -> Model:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as err:
            raise ModelError(f"{path}: cannot read model ({err.strerror or err})") from None
        except json.JSONDecodeError as err:
            raise ModelError(f"{path}: model is not valid JSON ({err.msg})") from None
        return cls.from_dict(data, str(path))

    def predict(self, all_values: Sequence[float]) -> Score:
        """Score one pair from the values of every feature in :data:`FEATURES`."""
        values = [all_values[_INDEX[name]] for name in self.features]
        z = [(v - m) / s for v, m, s in zip(values, self.mean, self.scale, strict=True)]
        logits = [
            b + sum(w * x for w, x in zip(row, z, strict=True))
            for row, b in zip(self.coef, self.intercept, strict=True)
        ]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        probabilities = {c: e / total for c, e in zip(self.classes, exps, strict=True)}
        score = sum(p for c, p in probabilities.items() if c != NON_DERIVED)
        label = max(self.classes, key=lambda c: (probabilities[c], c))
        return Score(score, label, probabilities, self._contributions(values, z, probabilities))

    def _contributions(
        self, values: Sequence[float], z: Sequence[float], probabilities: dict[str, float]
    ) -> tuple[Contribution, ...]:
        non = self.classes.index(NON_DERIVED)
        derived = [i for i, c in enumerate(self.classes) if c != NON_DERIVED]
        best = max(derived, key=lambda i: probabilities[self.classes[i]])
        weights = [a - b for a, b in zip(self.coef[best], self.coef[non], strict=True)]
        items = [
            Contribution(name, value, w * x)
            for name, value, w, x in zip(self.features, values, weights, z, strict=True)
        ]
        return tuple(sorted(items, key=lambda c: (-abs(c.contribution), c.feature)))

    def score_profiles(self, original: Profile, rewrite: Profile) -> Score:
        return self.predict(features(original, rewrite))

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
