"""Engine: stamping, ordering, positions and internal errors."""

from __future__ import annotations

from dataclasses import replace

from conftest import lint_texts

from lint.core.document import Document, LineIndex
from lint.core.finding import Severity
from lint.engine.engine import Engine
from lint.text.segment import segment

TEXT = (
    "Council approves budget\n"
    "The council approved a budget of four million pounds on Tuesday.\n"
    "The council approved a budget of four million pounds on Tuesday.\n"
)


def test_line_index_positions():
    index = LineIndex.of("ab\ncd\n\nef")
    assert [index.position(i) for i in (0, 2, 3, 6, 7, 9)] == [
        (1, 1),
        (1, 3),
        (2, 1),
        (3, 1),
        (4, 1),
        (4, 3),
    ]


def test_engine_stamps_rule_severity_and_span(all_rules):
    (finding,) = lint_texts([all_rules["duplicated-paragraph"]], {"a.txt": TEXT})
    assert (finding.rule, finding.severity) == ("duplicated-paragraph", Severity.ERROR)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 1, 3, 65)
    assert TEXT[finding.start : finding.end] == TEXT.splitlines()[2]


def test_config_severity_override_applies(all_rules):
    rule = replace(all_rules["duplicated-paragraph"], severity=Severity.INFO)
    (finding,) = lint_texts([rule], {"a.txt": TEXT})
    assert finding.severity is Severity.INFO


def test_output_order_is_independent_of_input_order(all_rules):
    rules = list(all_rules.values())
    texts = {f"{name}.txt": TEXT for name in "cab"}
    forward = lint_texts(rules, texts)
    backward = lint_texts(rules, dict(reversed(list(texts.items()))))
    assert forward == backward
    assert [f.path for f in forward] == sorted(f.path for f in forward)


def test_a_failing_check_becomes_an_internal_error_finding(all_rules):
    broken = replace(all_rules["placeholder-text"], options=object())
    documents = [Document("a.txt", TEXT, segment(TEXT)), Document("b.txt", TEXT, segment(TEXT))]
    findings = Engine([broken, all_rules["duplicated-paragraph"]]).run(documents)
    errors = [f for f in findings if f.rule == "internal-error"]
    assert [f.path for f in errors] == ["a.txt", "b.txt"]
    assert errors[0].message.startswith("rule placeholder-text failed on this document:")
    assert errors[0].severity is Severity.ERROR
    assert any(f.rule == "duplicated-paragraph" for f in findings)


def test_every_shipped_rule_survives_pickling(all_rules):
    """Worker processes receive the rules themselves: a rule is a plain, comparable value."""
    import pickle

    for rule in all_rules.values():
        assert pickle.loads(pickle.dumps(rule)) == rule, rule.id
