"""Tests for the ``new-phrases`` kind (rule introduced-inflation)."""

from __future__ import annotations

from pathlib import Path

from pair_helpers import declared, run, seed, unmatched

from lint.engine.rules import builtin_dir, load_rules
from lint.kinds.options import build_options
from lint.kinds.pairs import new_phrases

LEXICON = {
    "melodrama": ["heart-wrenching", "harrowing"],
    "cliche": [{"phrase": "a stark reminder", "suggest": "a reminder"}, "underscor* the severity"],
}
OPTIONS = build_options(new_phrases.Options, {"lexicon": LEXICON})
ORIGINAL = (
    'Residents described harrowing scenes. "It was heart-wrenching," one said. The report '
    "underscores the severity of the damage.\n"
)


def phrases_found(rewrite: str, original: str = ORIGINAL) -> list[tuple[int, str, str]]:
    return [
        (line, text, values["suggestion"])
        for line, text, values in run(new_phrases, declared(rewrite, original), OPTIONS)
    ]


def test_only_phrases_the_original_does_not_use_are_reported():
    rewrite = (
        "In heart-wrenching scenes, residents fled, underscoring the severity of the floods.\n\n"
        "It is a stark reminder of the risk, and a harrowing one.\n"
    )
    assert phrases_found(rewrite) == [(3, "a stark reminder", "; consider 'a reminder'")]


def test_quoted_hype_in_the_rewrite_is_not_reported():
    assert phrases_found('"It was a stark reminder," she said.\n') == []


def test_kind_is_silent_without_an_original():
    pair = unmatched("A stark reminder.\n", ORIGINAL)
    assert run(new_phrases, pair, OPTIONS) == []


def test_the_rule_uses_the_inflation_lexicon_on_the_seeds():
    (rule,) = load_rules([builtin_dir()], ["introduced-inflation"])
    hits = run(new_phrases, declared(seed("001"), seed("002")), rule.options)
    matches = {text.lower() for _, text, _ in hits}
    assert {"a stark reminder", "harrowing", "amidst the chaos"} <= matches
    assert Path(rule.path).name == "introduced-inflation.yaml"
