"""What the two JSON-weight models (the tracking classifier and the figures judge) share: the
error a model file that cannot be used raises, reading its JSON, and the logistic function.
Kept free of the tracking features so the figure rules can use it without importing them."""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any


class ModelError(ValueError):
    """A model file that cannot be used."""


def read_json(path: Path) -> Any:
    """The JSON of a model file; ModelError when it cannot be read or parsed."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise ModelError(f"{path}: cannot read model ({err.strerror or err})") from None
    except json.JSONDecodeError as err:
        raise ModelError(f"{path}: model is not valid JSON ({err.msg})") from None


def sigmoid(x: float) -> float:
    """The logistic function, without overflow for large negative ``x``."""
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def check_weights(
    source: str,
    features: Sequence[str],
    known: Collection[str],
    weights: Sequence[Sequence[float]],
) -> None:
    """ModelError unless every feature is one this newslint computes and every weight vector
    (means, scales, coefficients) has one value per feature."""
    unknown = set(features) - set(known)
    if unknown:
        raise ModelError(f"{source}: unknown feature {sorted(unknown)[0]!r} (newer newslint?)")
    n = len(features)
    if any(len(v) != n for v in weights):
        raise ModelError(f"{source}: weight shapes do not match {n} features")
