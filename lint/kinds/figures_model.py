"""The learned judge of ``unattributed-figure``: a logistic regression over the text layer's
evidence (:mod:`lint.kinds.figures_evidence`), stored as plain JSON and scored with the standard
library only (scikit-learn is used by ``bench/train_figures.py`` to fit it, never when linting).

``P(needs a source) = 1 / (1 + exp(-(w · z + b)))`` with ``z = (x - mean) / scale``; a figure is
flagged when that probability reaches the model's ``threshold``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lint.kinds.figures_features import FEATURES
from lint.tracking.modelfile import ModelError, check_weights, read_json, sigmoid

FORMAT = "newslint-figures-model"
DEFAULT_MODEL = "figures_model.json"
_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: Any, source: str = "model") -> Model:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f"{source}: not a newslint figures model (format != {FORMAT!r})")
        try:
            model = cls(
                features=tuple(str(f) for f in data["features"]),
                mean=tuple(float(v) for v in data["mean"]),
                scale=tuple(float(v) for v in data["scale"]),
                coef=tuple(float(v) for v in data["coef"]),
                intercept=float(data["intercept"]),
                threshold=float(data.get("threshold", 0.5)),
                meta=dict(data.get("training", {})),
            )
        except (KeyError, TypeError, ValueError) as err:
            raise ModelError(f"{source}: malformed model ({err})") from None
        check_weights(source, model.features, FEATURES, (model.mean, model.scale, model.coef))
        if any(s == 0 for s in model.scale):
            raise ModelError(f"{source}: a feature scale is zero")
        if not 0 < model.threshold < 1:
            raise ModelError(f"{source}: threshold must be in (0, 1)")
        return model

    @classmethod
    def load(cls, path: Path) -> Model:
        return cls.from_dict(read_json(path), str(path))

    def decision(self, all_values: Sequence[float]) -> float:
        """The log-odds of "needs a source" from the values of every feature in FEATURES (what
        scikit-learn's ``decision_function`` gives on the standardised row)."""
        total = self.intercept
        for name, m, s, w in zip(self.features, self.mean, self.scale, self.coef, strict=True):
            total += w * (all_values[_INDEX[name]] - m) / s
        return total

    def probability(self, all_values: Sequence[float]) -> float:
        return sigmoid(self.decision(all_values))

    def flags(self, all_values: Sequence[float]) -> bool:
        return self.probability(all_values) >= self.threshold


@lru_cache(maxsize=4)
def load_model(path: str = "") -> Model:
    """The model at ``path``, or the one shipped beside this module; loaded once per process."""
    if path:
        return Model.load(Path(path))
    return Model.from_dict(json.loads(_shipped()), f"lint/kinds/{DEFAULT_MODEL}")


def _shipped() -> str:
    """The shipped model's text: the file beside this module (``importlib.resources`` only for
    a package that is not on disk, such as a zip: importing it costs every run ~3 ms)."""
    beside = Path(__file__).with_name(DEFAULT_MODEL)
    if beside.is_file():
        return beside.read_text(encoding="utf-8")
    from importlib import resources

    return resources.files("lint.kinds").joinpath(DEFAULT_MODEL).read_text(encoding="utf-8")
