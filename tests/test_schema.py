"""The JSON Schemas in lint/schemas/: valid themselves, documented, and matching what we ship."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from lint.errors import ConfigError, RuleError
from lint.io.schema import (
    CONFIG,
    MODEL,
    RULE,
    schema,
    validate_model,
    validate_model_file,
    validate_rule,
)

ROOT = Path(__file__).resolve().parents[1]
RULE_OK = {
    "id": "my-rule",
    "kind": "pattern",
    "severity": "warning",
    "message": "m",
    "scope": ["headline", "paragraph"],
    "options": {"pattern": "x"},
    "docs": {"what": "w", "why": "y", "fail": "f", "pass": "p"},
}


def _properties(node: Any, where: str = "") -> list[tuple[str, Any]]:
    """Every (path, subschema) under a ``properties`` keyword."""
    found = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            found.append((f"{where}.{name}", sub))
        for key, sub in node.items():
            found.extend(_properties(sub, f"{where}.{key}"))
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            found.extend(_properties(sub, f"{where}[{i}]"))
    return found


@pytest.mark.parametrize("name", [CONFIG, RULE, MODEL])
def test_schemas_are_valid_and_every_property_is_described(name):
    from jsonschema import Draft202012Validator

    data = schema(name)
    Draft202012Validator.check_schema(data)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert data.get("description")
    missing = [path for path, sub in _properties(data) if not sub.get("description")]
    assert missing == []


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_rules_match_the_schema(path):
    validate_rule(path, yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, "r/my-rule.yaml: colour: unknown key (known: also, docs, id, kind"),
        (
            {"severity": "critical"},
            "severity: 'critical' is not one of ['error', 'warning', 'info']",
        ),
        ({"scope": ["bogus"]}, "r/my-rule.yaml: scope[0]: 'bogus' is not one of"),
        ({"docs": {"what": "w"}}, "r/my-rule.yaml: docs.fail: missing"),
        ({"options": [1]}, "r/my-rule.yaml: options: [1] is not of type 'object', 'null'"),
        ({"id": "My_Rule"}, "r/my-rule.yaml: id: 'My_Rule' does not match"),
        ({"message": None}, "r/my-rule.yaml: message: None is not of type 'string'"),
    ],
)
def test_validate_rule_names_file_and_key(change, message):
    validate_rule(Path("r/my-rule.yaml"), RULE_OK)
    with pytest.raises(RuleError) as err:
        validate_rule(Path("r/my-rule.yaml"), {**RULE_OK, **change})
    assert str(err.value).startswith(message) or message in str(err.value)
    assert "\n" not in str(err.value)


def test_validate_rule_reports_a_missing_key():
    data = {k: v for k, v in RULE_OK.items() if k != "kind"}
    with pytest.raises(RuleError, match=r"^r\.yaml: kind: missing$"):
        validate_rule("r.yaml", data)


def _model() -> dict[str, Any]:
    path = ROOT / "lint" / "tracking" / "default_model.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "sklearn-pickle"}, "m.json: not a newslint tracking model"),
        ({"weights": None}, "m.json: malformed model: weights: None is not of type 'array'"),
        ({"mean": ["x", 0.3]}, "m.json: malformed model: mean[0]: 'x' is not of type 'number'"),
        ({"threshold": 2}, "m.json: malformed model: threshold: 2 is greater than the maximum"),
        ({"weights": [-1.0]}, "m.json: malformed model: weights[0]: -1.0 is less than the minimum"),
    ],
)
def test_validate_model_names_file_and_key(change, message):
    validate_model("m.json", _model())
    with pytest.raises(ConfigError) as err:
        validate_model("m.json", {**_model(), **change})
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)


def test_validate_model_reports_a_missing_key():
    data = {k: v for k, v in _model().items() if k != "intercept"}
    with pytest.raises(ConfigError, match=r"^m\.json: malformed model: intercept: missing$"):
        validate_model("m.json", data)
    with pytest.raises(ConfigError, match="not a newslint tracking model"):
        validate_model("m.json", [1, 2])


def test_validate_model_file_leaves_missing_files_to_the_loader(tmp_path):
    validate_model_file(None)
    validate_model_file(tmp_path / "absent.json")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.json: model is not valid JSON"):
        validate_model_file(tmp_path / "bad.json")
    (tmp_path / "m.json").write_text('{"format": "newslint-tracking-model"}', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"m\.json: malformed model: features: missing"):
        validate_model_file(tmp_path / "m.json")


@pytest.mark.slow
def test_importing_lint_does_not_import_jsonschema():
    code = "import sys, lint, lint.config, lint.io.schema; print('jsonschema' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"


def _json_values(keys: list[str]) -> Any:
    from hypothesis import strategies as st

    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 3),
        st.floats(-2, 2, allow_nan=False),
        st.sampled_from(["", "x", "error", "warning", "info", "title", "*.txt", "my-rule"]),
    )
    names = st.sampled_from(keys)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(names, inner, max_size=4),
        max_leaves=12,
    )


def _keys(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = set(node.get("properties", {}))
        return found.union(*(_keys(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_keys(v) for v in node))
    return set()


@pytest.mark.parametrize("name", [CONFIG, RULE, MODEL])
def test_fast_path_never_accepts_what_jsonschema_rejects(name: str) -> None:
    """``check`` skips importing jsonschema when its strict subset validator accepts the data;
    on random data shaped like the schema's keys, whatever it accepts jsonschema accepts."""
    from hypothesis import given, settings
    from jsonschema import Draft202012Validator

    from lint.io.schema import _surely_valid

    root = schema(name)
    validator = Draft202012Validator(root)
    keys = sorted(_keys(root) | {"rules", "severity", "options", "extra"})

    @settings(max_examples=400, deadline=None)
    @given(data=_json_values(keys))
    def accepted_means_valid(data: Any) -> None:
        if _surely_valid(root, data, root):
            assert validator.is_valid(data), data

    accepted_means_valid()
    assert _surely_valid(root, {}, root) == validator.is_valid({})
