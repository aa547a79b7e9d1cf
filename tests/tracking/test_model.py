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
        "version": 1,
        "features": ["containment_3", "in_order"],
        "classes": ["non-derived", "partially-derived", "wholly-derived"],
        "mean": [0.2, 0.3],
        "scale": [0.1, 0.2],
        "coef": [[-1.0, -2.0], [0.5, 0.5], [1.5, 2.5]],
        "intercept": [0.3, -0.1, -0.2],
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


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2, 3], "not a newslint tracking model"),
        (with_change(format="sklearn-pickle"), "not a newslint tracking model"),
        ({k: v for k, v in small_model().items() if k != "coef"}, "malformed model"),
        (with_change(mean=["x", 0.3]), "malformed model"),
        (with_change(features=["containment_3", "vibes"]), "unknown feature 'vibes'"),
        (with_change(mean=[0.2]), "weight shapes do not match 2 features"),
        (with_change(coef=[[-1.0, -2.0], [0.5, 0.5]]), "weight shapes do not match"),
        (with_change(coef=[[-1.0], [0.5], [1.5]]), "weight shapes do not match"),
        (
            with_change(classes=["wholly-derived", "partially-derived", "other"]),
            "classes must include 'non-derived'",
        ),
        (with_change(intercept=[0.3, -0.1]), "classes must include 'non-derived'"),
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
        assert [c.feature for c in result.contributions] != []
        assert sorted(c.feature for c in result.contributions) == sorted(model.features)


def test_hand_written_model_scores_by_hand() -> None:
    model = Model.from_dict(small_model())
    row = [0.0] * len(FEATURES)
    row[FEATURES.index("containment_3")] = 0.5
    row[FEATURES.index("in_order")] = 0.9
    z = [(0.5 - 0.2) / 0.1, (0.9 - 0.3) / 0.2]
    logits = [0.3 - z[0] - 2 * z[1], -0.1 + 0.5 * z[0] + 0.5 * z[1], -0.2 + 1.5 * z[0] + 2.5 * z[1]]
    exps = [math.exp(v) for v in logits]
    expected = [e / sum(exps) for e in exps]
    result = model.predict(row)
    assert [result.probabilities[c] for c in model.classes] == pytest.approx(expected, abs=1e-12)
    assert result.label == "wholly-derived"
    # contributions: (coef[wholly] - coef[non]) * z, strongest first
    assert [c.feature for c in result.contributions] == ["in_order", "containment_3"]
    assert [c.contribution for c in result.contributions] == pytest.approx([4.5 * z[1], 2.5 * z[0]])
    assert [c.value for c in result.contributions] == [0.9, 0.5]
    assert "in_order=0.90 (+13.5)" in result.drivers(1)


@pytest.fixture(scope="module")
def dataset() -> tuple[list[Pair], np.ndarray]:
    fields = ("id", "original", "rewrite", "label", "group", "origin")
    pairs = [Pair(**{k: r.get(k) for k in fields}) for r in training_pairs()]
    everything = pairs + augment(pairs)
    return everything, train.matrix(everything)


def _agreement(pairs: list[Pair], x: np.ndarray) -> tuple[dict[str, Any], Any, list[str]]:
    settings = train.Settings()
    exported = train.fit(pairs, x, settings)
    pipeline, names = train.fit_monotone(x, np.array([p.label for p in pairs]), settings)
    return exported, pipeline, names


@pytest.mark.slow
@pytest.mark.parametrize("classes", [2, 3])
def test_pure_python_scoring_matches_scikit_learn(dataset, classes: int) -> None:
    everything, x = dataset
    keep = [i for i, p in enumerate(everything) if classes == 3 or p.label != "partially-derived"]
    pairs = [everything[i] for i in keep]
    rows = x[keep]
    exported, pipeline, names = _agreement(pairs, rows)
    model = Model.from_dict(json.loads(json.dumps(exported)))  # through JSON, as on disk
    assert list(model.features) == names
    assert len(model.classes) == classes
    columns = [FEATURES.index(n) for n in names]
    scaler, logistic = pipeline[0], pipeline[-1]
    # the export is scikit-learn's fitted parameters, rounded to 8 decimals
    assert model.mean == pytest.approx(scaler.mean_, abs=5e-9)
    assert model.scale == pytest.approx(scaler.scale_, abs=5e-9)
    # put the exported (rounded) weights back into scikit-learn: the two must then agree exactly
    scaler.mean_ = np.array(model.mean)
    scaler.scale_ = np.array(model.scale)
    if classes == 2:
        assert model.coef[0] == (0.0,) * len(names) and model.intercept[0] == 0.0
        logistic.coef_ = np.array([model.coef[1]])
        logistic.intercept_ = np.array([model.intercept[1]])
    else:
        logistic.coef_ = np.array(model.coef)
        logistic.intercept_ = np.array(model.intercept)
    expected = pipeline.predict_proba(rows[:, columns])
    labels = [str(c) for c in logistic.classes_]
    assert labels == list(model.classes)
    for row, want in zip(rows, expected, strict=True):
        got = model.predict(list(row))
        assert [got.probabilities[c] for c in labels] == pytest.approx(list(want), abs=1e-9)
        assert got.score == pytest.approx(1.0 - want[labels.index(NON_DERIVED)], abs=1e-9)


@pytest.mark.slow
def test_rounding_the_export_moves_probabilities_negligibly(dataset) -> None:
    everything, x = dataset
    exported, pipeline, names = _agreement(everything, x)
    model = Model.from_dict(exported)
    expected = pipeline.predict_proba(x[:, [FEATURES.index(n) for n in names]])
    for row, want in zip(x, expected, strict=True):
        got = model.predict(list(row))
        assert [got.probabilities[c] for c in model.classes] == pytest.approx(list(want), abs=1e-6)
