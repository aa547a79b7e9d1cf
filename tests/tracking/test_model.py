"""The JSON-weights model: validation, the shipped model, and pure-Python scoring that agrees with
scikit-learn's ``predict_proba`` on the same rows."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from tracking_texts import FIRE, FIRE_INDEPENDENT, FIRE_PARAPHRASE, LIBRARY, training_pairs

from lint.tracking import train
from lint.tracking.augment import augment
from lint.tracking.features import FEATURES
from lint.tracking.model import FORMAT, NON_DERIVED, Model, ModelError, load_model
from lint.tracking.pairs import Pair

SHIPPED = Path(__file__).resolve().parents[2] / "lint" / "tracking" / "default_model.json"


def small_model() -> dict[str, Any]:
    """A valid two-feature, three-class model, written by hand."""
    return {
        "format": FORMAT,
        "version": 2,
        "features": ["containment_3", "in_order"],
        "mean": [0.2, 0.3],
        "scale": [0.1, 0.2],
        "weights": [1.0, 2.0],
        "intercept": 0.3,
        "split": [0.5, -1.0],
        "threshold": 0.5,
    }


def with_change(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(small_model())
    data.update(changes)
    return data


def test_a_hand_written_model_loads() -> None:
    model = Model.from_dict(small_model())
    assert model.features == ("containment_3", "in_order")
    assert model.threshold == 0.5
    assert model.classes == ("wholly-derived", "partially-derived", "non-derived")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2, 3], "not a newslint tracking model"),
        (with_change(format="sklearn-pickle"), "not a newslint tracking model"),
        (with_change(version=1), "model version 1, this newslint reads 2"),
        ({k: v for k, v in small_model().items() if k != "weights"}, "malformed model"),
        (with_change(mean=["x", 0.3]), "malformed model"),
        (with_change(features=["containment_3", "vibes"]), "unknown feature 'vibes'"),
        (with_change(mean=[0.2]), "weight shapes do not match 2 features"),
        (with_change(weights=[1.0]), "weight shapes do not match"),
        (with_change(scale=[0.0, 1.0]), "scales must be positive"),
        (with_change(derived="other"), "derived class must be one of"),
    ],
)
def test_from_dict_rejects_broken_models(data: Any, message: str) -> None:
    with pytest.raises(ModelError) as err:
        Model.from_dict(data, "m.json")
    text = str(err.value)
    assert text.startswith("m.json: ")
    assert message in text
    assert "\n" not in text


def test_load_names_the_file_for_unreadable_and_invalid_json(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot read model"):
        Model.load(tmp_path / "absent.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match=r"broken\.json: model is not valid JSON"):
        Model.load(broken)


def test_the_shipped_model_loads_and_is_plain_json() -> None:
    model = load_model()
    assert model == Model.from_dict(json.loads(SHIPPED.read_text(encoding="utf-8")))
    assert NON_DERIVED in model.classes
    assert set(model.features) <= set(FEATURES)
    assert 0.0 < model.threshold < 1.0
    assert model.meta["data_sha256"]  # provenance of the training data is recorded


def test_shipped_model_separates_paraphrase_from_other_reports() -> None:
    model = load_model()
    assert model.score(FIRE, FIRE_PARAPHRASE).score >= model.threshold
    assert model.score(FIRE, FIRE_PARAPHRASE).label == "wholly-derived"
    assert model.score(FIRE, FIRE_INDEPENDENT).score < model.threshold
    assert model.score(FIRE, LIBRARY).score < model.threshold
    assert model.score(FIRE, LIBRARY).label == NON_DERIVED


def test_score_is_one_minus_non_derived_and_contributions_sorted() -> None:
    model = load_model()
    for rewrite in (FIRE_PARAPHRASE, FIRE_INDEPENDENT, LIBRARY):
        result = model.score(FIRE, rewrite)
        assert math.isclose(sum(result.probabilities.values()), 1.0)
        assert math.isclose(result.score, 1.0 - result.probabilities[NON_DERIVED], abs_tol=1e-12)
        assert result.label == max(result.probabilities, key=result.probabilities.get)
        sizes = [abs(c.contribution) for c in result.contributions]
        assert sizes == sorted(sizes, reverse=True)
        used = [n for n, w in zip(model.features, model.weights, strict=True) if w > 0]
        assert sorted(c.feature for c in result.contributions) == sorted(used)


def test_shipped_weights_are_non_negative() -> None:
    assert all(w >= 0 for w in load_model().weights)


def test_hand_written_model_scores_by_hand() -> None:
    model = Model.from_dict(small_model())
    row = [0.0] * len(FEATURES)
    row[FEATURES.index("containment_3")] = 0.5
    row[FEATURES.index("in_order")] = 0.9
    z = [(0.5 - 0.2) / 0.1, (0.9 - 0.3) / 0.2]
    eta = z[0] + 2 * z[1]
    derived = 1 / (1 + math.exp(-(0.3 + eta)))
    wholly = derived / (1 + math.exp(-(0.5 * eta - 1.0)))
    result = model.predict(row)
    assert result.score == pytest.approx(derived, abs=1e-12)
    assert result.probabilities["wholly-derived"] == pytest.approx(wholly, abs=1e-12)
    assert result.probabilities["partially-derived"] == pytest.approx(derived - wholly)
    assert result.label == "wholly-derived"
    assert result.baseline == pytest.approx(1 / (1 + math.exp(-0.3)))
    assert [c.feature for c in result.contributions] == ["in_order", "containment_3"]
    assert [c.contribution for c in result.contributions] == pytest.approx([2 * z[1], z[0]])
    assert [c.value for c in result.contributions] == [0.9, 0.5]
    assert "in_order=0.90 (+6.0)" in result.drivers(1)


@pytest.fixture(scope="module")
def dataset() -> tuple[list[Pair], np.ndarray]:
    fields = ("id", "original", "rewrite", "label", "group", "origin")
    pairs = [Pair(**{k: r.get(k) for k in fields}) for r in training_pairs()]
    everything = pairs + augment(pairs)
    return everything, train.matrix(everything)


@pytest.mark.slow
def test_pure_python_scoring_matches_the_fitted_model(dataset) -> None:
    everything, x = dataset
    labels = np.array([p.label for p in everything])
    settings = train.Settings()
    fitted = train.fit_model(x, labels, [p.origin for p in everything], settings)
    exported = train.fit(everything, x, settings)
    model = Model.from_dict(json.loads(json.dumps(exported)))  # through JSON, as on disk
    assert all(w >= 0 for w in model.weights)
    expected = fitted.derived_probability(x)
    for row, want in zip(x, expected, strict=True):
        assert model.predict(list(row)).score == pytest.approx(want, abs=1e-6)
