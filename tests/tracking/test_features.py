"""Pair features: names, bounds, determinism (also across hash seeds), and a property test."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tracking_texts import FIRE, FIRE_INDEPENDENT, FIRE_PARAPHRASE, LIBRARY, seed

from lint.tracking.features import FEATURES, features
from lint.tracking.profile import profile

ROOT = Path(__file__).resolve().parents[2]
LOGS = {"length_ratio", "longest_run"}  # the two features that are not shares
SHARES = [name for name in FEATURES if name not in LOGS]


def values(original: str, rewrite: str) -> dict[str, float]:
    return dict(zip(FEATURES, features(profile(original), profile(rewrite)), strict=True))


def test_feature_names_are_unique_and_match_the_vector() -> None:
    assert len(set(FEATURES)) == len(FEATURES)
    assert len(features(profile(FIRE), profile(FIRE_PARAPHRASE))) == len(FEATURES)
    assert set(LOGS) <= set(FEATURES)


def test_identical_texts_are_wholly_contained_and_covered() -> None:
    same = values(FIRE, FIRE)
    for name in ("containment_1", "containment_2", "containment_3", "containment_5"):
        assert same[name] == 1.0, name
    assert same["containment_8"] == 1.0
    assert same["coverage_3"] == 1.0
    assert same["coverage_8"] == 1.0
    assert same["source_use_3"] == 1.0
    assert same["content_containment"] == 1.0
    assert same["content_source_use"] == 1.0
    assert same["aligned_sentences"] == 1.0
    assert same["in_order"] == 1.0
    assert math.isclose(same["content_cosine"], 1.0)
    assert same["length_ratio"] == 0.0
    assert same["longest_run"] == math.log1p(len(profile(FIRE).tokens))


def test_disjoint_texts_share_nothing() -> None:
    a = "Amber lanterns glowed brightly. Ravens circled overhead quietly. Farmers gathered wheat."
    b = "Submarine engineers tested sonar. Volcanic ash blanketed distant islands. Orchids bloom."
    found = values(a, b)
    for name in SHARES:
        assert found[name] == 0.0, name
    assert found["longest_run"] == 0.0


def test_overlap_features_order_paraphrase_above_independent_and_unrelated() -> None:
    para = values(FIRE, FIRE_PARAPHRASE)
    independent = values(FIRE, FIRE_INDEPENDENT)
    unrelated = values(FIRE, LIBRARY)
    for name in ("containment_3", "coverage_3", "in_order", "figure_overlap", "quote_overlap"):
        assert para[name] > independent[name] >= unrelated[name] - 0.05, name
    # the paraphrase keeps every figure and name: its overlaps are near the smoothed maximum
    assert para["figure_overlap"] > 0.8
    assert para["name_overlap"] > 0.8


def test_features_are_deterministic_in_process() -> None:
    first = features(profile(seed("002")), profile(seed("000")))
    second = features(profile(seed("002")), profile(seed("000")))
    assert first == second


_SCRIPT = """
import json, sys
from lint.tracking.features import features
from lint.tracking.profile import profile
texts = json.loads(sys.stdin.read())
rows = [list(features(profile(a), profile(b))) for a, b in texts]
print(json.dumps([[v.hex() for v in row] for row in rows]))
"""


def _features_in_subprocess(hash_seed: str, pairs: list[tuple[str, str]]) -> list[list[str]]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        input=json.dumps(pairs),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=True,
    )
    return json.loads(proc.stdout)


@pytest.mark.slow
def test_features_are_identical_across_hash_seeds() -> None:
    pairs = [
        (seed("002"), seed("000")),
        (seed("002"), seed("003")),
        (FIRE, FIRE_PARAPHRASE),
        (FIRE, FIRE_INDEPENDENT),
        (FIRE, LIBRARY),
    ]
    one = _features_in_subprocess("1", pairs)
    two = _features_in_subprocess("2", pairs)
    assert one == two  # bit for bit (float.hex)
    here = [[v.hex() for v in features(profile(a), profile(b))] for a, b in pairs]
    assert one == here


_VOCABULARY = (
    "the a fire said Harwick 1,400 ten per cent 10% “ ” \" ' . , ! ? Mr Ashby’s Police thirteen "
    "£2.5m million workers council of and 2009 — ( ) : ; O'Neil café naïve"
)
_WORDS = st.sampled_from([*_VOCABULARY.split(" "), "\n", "\n\n"])
_NEWSY = st.lists(_WORDS, max_size=80).map(" ".join)
_TEXT = st.one_of(_NEWSY, st.text(max_size=300))


@settings(max_examples=150, deadline=None)
@given(original=_TEXT, rewrite=_TEXT)
def test_arbitrary_pairs_give_finite_bounded_features(original: str, rewrite: str) -> None:
    found = values(original, rewrite)
    assert all(math.isfinite(v) for v in found.values()), found
    for name in SHARES:
        # content_cosine of two identical bags can round to 1 + 1 ulp (reported, not fixed:
        # features.py is frozen with the shipped model); every other share is exact
        slack = 4 * sys.float_info.epsilon if name == "content_cosine" else 0.0
        assert 0.0 <= found[name] <= 1.0 + slack, (name, found[name])
    assert found["longest_run"] >= 0.0
