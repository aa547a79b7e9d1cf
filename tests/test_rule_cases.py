"""Every rule has docs and a case file; its docs examples and cases behave as written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import lint_texts

from lint.engine.rules import builtin_dir, rule_files

CASES = Path(__file__).parent / "cases"
RULE_IDS = sorted(rule_files([builtin_dir()]))


def _cases() -> list[tuple[str, dict]]:
    found = []
    for rule_id in RULE_IDS:
        path = CASES / f"{rule_id}.yaml"
        if path.exists():
            for case in yaml.safe_load(path.read_text(encoding="utf-8")):
                found.append((rule_id, case))
    return found


def test_there_are_rules():
    assert {"duplicated-paragraph", "repeated-headline", "unattributed-figure"} <= set(RULE_IDS)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_has_docs_and_cases(rule_id, all_rules):
    rule = all_rules[rule_id]
    assert all(rule.docs[key].strip() for key in ("what", "why", "pass"))
    assert rule.docs["fail"], "needs a fail example (white space is one: empty-document)"
    cases = yaml.safe_load((CASES / f"{rule_id}.yaml").read_text(encoding="utf-8"))
    assert any(case["expect"] for case in cases), "needs a failing case"
    assert any(not case["expect"] for case in cases), "needs a passing case"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_docs_examples(rule_id, all_rules):
    rule = all_rules[rule_id]
    original = rule.docs.get("original")
    name = rule.docs.get("file", "example.txt")  # the examples' file name picks the reader
    fail = lint_texts([rule], {f"fail-{name}": rule.docs["fail"]}, original)
    assert fail, "docs 'fail' must be flagged"
    assert not lint_texts([rule], {f"pass-{name}": rule.docs["pass"]}, original), (
        "docs 'pass' must be clean"
    )


@pytest.mark.parametrize(
    ("rule_id", "case"), _cases(), ids=[f"{r}:{c['name']}" for r, c in _cases()]
)
def test_case(rule_id, case, all_rules):
    name = case.get("file", "case.txt")  # text (or bytes, YAML !!binary) of a file of this name
    findings = lint_texts([all_rules[rule_id]], {name: case["text"]}, case.get("original"))
    assert sorted(_flagged(findings)) == case["expect"]


def _flagged(findings: list) -> list[list[int]]:
    """Where each finding is, and each figure it names besides its own (the figure rules report
    one finding per sentence, ``data["more"]``): a case lists every figure flagged."""
    found = []
    for finding in findings:
        found.append([finding.line, finding.column])
        found += [[m["at"]["line"], m["at"]["column"]] for m in finding.data.get("more", ())]
    return found
