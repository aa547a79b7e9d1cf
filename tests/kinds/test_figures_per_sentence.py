"""The figure rules report one finding per sentence: one source added to a sentence answers
every figure in it, so a sentence of four unsourced figures is one thing to fix, not four."""

from __future__ import annotations

from dataclasses import replace

from conftest import lint_texts

from lint.engine.rules import Rule

TWO_IN_ONE = "Fighting spreads on the coast\nAt least 125 soldiers and 148 fighters were killed.\n"
TWO_SENTENCES = (
    "Fighting spreads on the coast\n"
    "At least 125 soldiers were killed on Monday. Another 148 fighters died on Tuesday.\n"
)


def test_two_figures_of_one_sentence_are_one_finding(all_rules: dict[str, Rule]) -> None:
    (finding,) = lint_texts([all_rules["unattributed-figure"]], {"a.txt": TWO_IN_ONE})
    assert (finding.line, finding.column) == (2, 10)
    assert finding.message.startswith("'125 soldiers' is a casualty figure with no source")
    assert finding.message.endswith("; say who counted (so is '148 fighters' in this sentence)")
    (more,) = finding.data["more"]
    assert more == {"figure": "148 fighters", "at": {"path": "a.txt", "line": 2, "column": 27}}


def test_figures_of_two_sentences_are_two_findings(all_rules: dict[str, Rule]) -> None:
    found = lint_texts([all_rules["unattributed-figure"]], {"a.txt": TWO_SENTENCES})
    assert [(f.line, f.column) for f in found] == [(2, 10), (2, 54)]
    assert all("in this sentence" not in f.message and "more" not in f.data for f in found)


def test_per_sentence_off_gives_one_finding_per_figure(all_rules: dict[str, Rule]) -> None:
    rule = all_rules["unattributed-figure"]
    each = replace(rule, options=replace(rule.options, per_sentence=False))
    found = lint_texts([each], {"a.txt": TWO_IN_ONE})
    assert [(f.line, f.column) for f in found] == [(2, 10), (2, 27)]
    assert all(f.message.endswith("say who counted") for f in found)


def test_three_figures_are_listed_in_order(all_rules: dict[str, Rule]) -> None:
    text = "Results\nSales rose 5% to $1.8 billion, and profit rose 7% to $300 million.\n"
    (finding,) = lint_texts([all_rules["unattributed-figure"]], {"a.txt": text})
    names = [m["figure"] for m in finding.data["more"]]
    assert names == ["$1.8 billion", "7%", "$300 million"]
    assert finding.message.endswith(
        " (so are '$1.8 billion', '7%' and '$300 million' in this sentence)"
    )
