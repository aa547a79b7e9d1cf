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

from lint.tracking.features import FEATURES, features, shared
from lint.tracking.profile import profile

ROOT = Path(__file__).resolve().parents[2]
SMOOTHED = {"name_share", "figure_share", "quote_share"}  # (hits + 1) / (total + 2)
SHARES = [name for name in FEATURES if name not in SMOOTHED]


def values(original: str, rewrite: str) -> dict[str, float]:
    return dict(zip(FEATURES, features(profile(original), profile(rewrite)), strict=True))


def test_feature_names_are_unique_and_match_the_vector() -> None:
    assert len(set(FEATURES)) == len(FEATURES)
    assert len(features(profile(FIRE), profile(FIRE_PARAPHRASE))) == len(FEATURES)
    assert set(FEATURES) >= SMOOTHED


def test_identical_texts_are_wholly_contained_and_covered() -> None:
    same = values(FIRE, FIRE)
    for name in SHARES:
        assert same[name] == 1.0 or name == "function_containment_4", name
    for name in SMOOTHED:
        assert same[name] > 0.5, name


def test_disjoint_texts_share_nothing() -> None:
    a = "Amber lanterns glowed brightly. Ravens circled overhead quietly. Farmers gathered wheat."
    b = "Submarine engineers tested sonar. Volcanic ash blanketed distant islands. Orchids bloom."
    found = values(a, b)
    for name in SHARES:
        assert found[name] == 0.0, name


def test_overlap_features_order_paraphrase_above_independent_and_unrelated() -> None:
    para = values(FIRE, FIRE_PARAPHRASE)
    independent = values(FIRE, FIRE_INDEPENDENT)
    unrelated = values(FIRE, LIBRARY)
    for name in ("containment_3", "in_order"):
        assert para[name] > independent[name] >= unrelated[name] - 0.05, name
    for name in SMOOTHED:  # no quotations or figures at all is neutral (one half)
        assert para[name] >= independent[name], name
    assert para["figure_share"] > 0.75
    assert para["name_share"] > 0.75


def test_a_long_original_of_joined_stories_does_not_raise_rewrite_side_shares_much() -> None:
    alone = values(FIRE, FIRE_INDEPENDENT)
    joined = values("\n\n".join([LIBRARY] * 3 + [FIRE] + [LIBRARY] * 3), FIRE_INDEPENDENT)
    for name in SHARES:  # names and figures are looked up anywhere in the original
        assert joined[name] <= alone[name] + 0.1, name


def test_wire_furniture_and_control_characters_do_not_glue_sentences() -> None:
    wire = "\x19".join(s.rstrip(".") + " <\n" for s in FIRE.split(". ")) + "(MORE)\nREUTER\n"
    assert len(profile(wire).sentences) >= len(profile(FIRE).sentences) - 1
    assert (
        values(wire, FIRE_PARAPHRASE)["in_order"] >= values(FIRE, FIRE_PARAPHRASE)["in_order"] - 0.1
    )


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
    for name in FEATURES:
        assert 0.0 <= found[name] <= 1.0, (name, found[name])


def _shared_as_full_sets(original: str, rewrite: str) -> None:
    """``shared`` builds the original's n-grams only where they can be shared: what it finds
    must be exactly what the full n-gram sets share, for the rewrite and each quotation."""
    a, b = profile(original), profile(rewrite)
    common = shared(a, b)
    for n in (2, 3, 5, 8):
        assert b.gram(n) & common[n] == b.gram(n) & a.gram(n), n
        assert common[n] <= a.gram(n), n
    for quote in b.quotes:
        assert quote & common[3] == quote & a.gram(3)


@pytest.mark.parametrize(
    ("original", "rewrite"),
    [
        (FIRE, FIRE_PARAPHRASE),
        (FIRE_PARAPHRASE, FIRE),
        (FIRE, FIRE),
        (FIRE, FIRE_INDEPENDENT),  # its quotations' 3-grams are not all the rewrite's own
        (LIBRARY, FIRE),
        (FIRE + "\n\n" + LIBRARY, FIRE_PARAPHRASE),
        (seed("002"), seed("000")),
        (seed("002"), seed("001")),
        (seed("002"), seed("003")),
    ],
)
def test_shared_ngrams_are_those_of_the_full_sets(original: str, rewrite: str) -> None:
    _shared_as_full_sets(original, rewrite)


def test_shared_ngrams_find_a_quotation_the_rewrite_does_not_otherwise_have() -> None:
    # A quotation's words are the rewrite's own words on every text we have, but ``shared``
    # does not rely on it: given 3-grams of a quotation that the rewrite's words do not hold,
    # the original's are still found.
    original = "The minister said the new rules were fair to all of the farmers in the region."
    a, b = profile(original), profile("Asked about it, he left the room without a word.")
    b.__dict__["quotes"] = (frozenset({"new rules were", "rules were fair", "were fair to"}),)
    assert not b.gram(3) & a.gram(3)
    assert shared(a, b)[3] == {"new rules were", "rules were fair", "were fair to"}
    _shared_as_full_sets(original, "Asked about it, he left the room without a word.")


_QUOTED = st.lists(
    st.sampled_from(["the", "fire", "said", "Harwick", "1,400", "jobs", '"', ".", "a", "of"]),
    max_size=60,
).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(original=st.one_of(_QUOTED, _NEWSY), rewrite=st.one_of(_QUOTED, _NEWSY))
def test_shared_ngrams_match_the_full_sets_on_arbitrary_pairs(original: str, rewrite: str) -> None:
    _shared_as_full_sets(original, rewrite)


def test_an_originals_figures_among_a_rewrites_are_its_figures_they_share() -> None:
    original = profile(FIRE)
    rewrite = profile(FIRE_PARAPHRASE)
    expected = profile(FIRE).figures & rewrite.figures
    assert expected  # the paraphrase keeps some of the original's figures
    first = original.figures_among(rewrite.figures)  # the first time: only those asked about
    assert "figures" not in original.__dict__
    assert first == expected
    again = original.figures_among(rewrite.figures)  # again: every key, found once and kept
    assert again == expected
    assert original.figures >= expected
    assert original.figures_among(frozenset()) == frozenset()
    other = profile(FIRE)
    assert other.figures_among(frozenset({(-1.0, False)})) == frozenset()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "the", "of"]), max_size=60))
def test_long_ngram_counts_do_not_depend_on_the_order_asked(words: list[str]) -> None:
    text = " ".join(words)
    eight_first = profile(text)
    assert [eight_first.count(8), eight_first.count(5)] == [
        len(profile(text).gram(8)),
        len(profile(text).gram(5)),
    ]
