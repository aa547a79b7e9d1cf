"""Kind ``pattern``: options, matches, named groups, quotations and the shipped rule."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.kinds import pattern
from lint.kinds.options import OptionError, build_options

ROOT = Path(__file__).resolve().parents[2]


def options(**raw: object) -> pattern.Options:
    return build_options(pattern.Options, raw)


def spans(text: str, opts: pattern.Options) -> list[tuple[int, int]]:
    return [(h.span.start, h.span.end) for h in pattern.check(text, opts)]


def test_one_hit_per_match_with_values():
    hits = list(pattern.check("utilise it, then utilise more", options(pattern=r"\butilise\b")))
    assert [(h.span.start, h.span.end) for h in hits] == [(0, 7), (17, 24)]
    assert hits[0].values == {"match": "utilise", "suggestion": ""}


def test_suggestion_and_named_groups():
    opts = options(pattern=r"(?P<verb>utili[sz]e)d?", suggest="use")
    (hit,) = pattern.check("They utilized it.", opts)
    assert hit.values == {"match": "utilized", "verb": "utilize", "suggestion": "; consider 'use'"}


def test_unmatched_named_group_is_empty():
    (hit,) = pattern.check("said", options(pattern=r"(?P<adverb>\w+ly )?said"))
    assert hit.values["adverb"] == ""


def test_ignore_case():
    assert spans("Lorem Ipsum", options(pattern="lorem ipsum")) == []
    assert spans("Lorem Ipsum", options(pattern="lorem ipsum", ignore_case=True)) == [(0, 11)]


def test_skip_quotes():
    text = "Officials said “a historic deal” was a historic step."
    assert spans(text, options(pattern="historic")) == [(18, 26), (39, 47)]
    assert spans(text, options(pattern="historic", skip_quotes=True)) == [(39, 47)]


def test_options_are_frozen_and_compiled_once():
    opts = options(pattern="x+")
    assert opts.regex.pattern == "x+"
    with pytest.raises(AttributeError):
        opts.pattern = "y"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"pattern": "(unclosed"}, "invalid regex '\\(unclosed': missing \\), unterminated"),
        ({"pattern": "a*"}, "matches the empty string"),
        ({"pattern": "(?P<match>x)"}, "reserved"),
        ({}, "pattern"),
        ({"pattern": "x", "regex": "y"}, "unknown option 'regex'"),
        ({"pattern": "x", "ignore_case": "yes"}, "wrong type"),
    ],
)
def test_bad_options_fail(raw, message):
    with pytest.raises(OptionError, match=message):
        build_options(pattern.Options, raw)


def _shipped(rule_id: str) -> pattern.Options:
    data = yaml.safe_load((ROOT / "rules" / f"{rule_id}.yaml").read_text(encoding="utf-8"))
    assert data["kind"] == "pattern"
    return options(**data["options"])


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("The council of [City] met.", "[City]"),
        ("[Insert quote from the mayor]", "[Insert quote from the mayor]"),
        ("[Spokesperson's name] said", "[Spokesperson's name]"),
        ("Storms hit {city} overnight", "{city}"),
        ("Hello {{ first_name }}", "{{ first_name }}"),
        ("As an AI language model, I cannot", "As an AI language model"),
        ("Note: This article is based on", "Note: This article"),
        ("I hope this helps!", "I hope this helps"),
        ("Certainly! Here is the rewritten article:", "Certainly! Here"),
        ("Here is the rewritten article about the vote.", "Here is the rewritten article"),
        ("As of my last knowledge update, the", "As of my last knowledge update"),
        ("Lorem ipsum dolor sit amet", "Lorem ipsum"),
    ],
)
def test_placeholder_text_flags(text, match):
    assert [h.values["match"] for h in pattern.check(text, _shipped("placeholder-text"))] == [match]


@pytest.mark.parametrize(
    "text",
    [
        '"We think [the budget] is fair [...] to everyone," the mayor said.',
        "Shares in [Reuters] rose.",
        "The AI company said its model would be released in May.",
        "Note: figures are in millions of dollars.",
        "The name of the city was not given.",
    ],
)
def test_placeholder_text_passes_news_style(text):
    assert list(pattern.check(text, _shipped("placeholder-text"))) == []


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(max_size=300),
    regex=st.sampled_from([r"\w+", r"[^\w\s]", r"(?P<g>\d+)|x", r"\s+"]),
    skip_quotes=st.booleans(),
)
def test_any_text_no_crash_and_spans_inside(text, regex, skip_quotes):
    for hit in pattern.check(text, options(pattern=regex, skip_quotes=skip_quotes)):
        assert 0 <= hit.span.start < hit.span.end <= len(text)
        assert text[hit.span.start : hit.span.end] == hit.values["match"]


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=500))
def test_shipped_rule_any_text(text):
    for hit in pattern.check(text, _shipped("placeholder-text")):
        assert text[hit.span.start : hit.span.end] == hit.values["match"]
