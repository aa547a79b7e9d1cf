"""--format sarif: valid SARIF 2.1.0 (checked against the official schema, offline), with the
rules' documentation in ``tool.driver.rules``."""

from __future__ import annotations

import copy
import json
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, write
from format_helpers import CLEAN, FLAGGED, finding, report
from jsonschema.validators import Draft4Validator, validator_for
from referencing import Registry
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT4

from lint.core.finding import Severity
from lint.engine.engine import INTERNAL_ERROR
from lint.formats.sarif_format import render, uri

SCHEMA_PATH = ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Draft4Validator:
    """The schema declares draft-04 and identifies itself by ``id`` (not ``$id``). Its ``$ref``s
    are all ``#/definitions/...``; the registry holds only this schema and cannot retrieve, so a
    reference elsewhere fails instead of going to the network."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert validator_for(schema) is Draft4Validator
    Draft4Validator.check_schema(schema)
    registry = Registry().with_resource(schema["id"], DRAFT4.create_resource(schema))
    return Draft4Validator(schema, registry=registry)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("schema validation tried to download")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)


def _errors(validator: Draft4Validator, sarif: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(sarif)]


def test_seeds_output_is_valid_sarif(run_cli, validator):
    code, out, _ = run_cli("check", str(SEEDS.relative_to(ROOT)), "--format", "sarif")
    assert code == 1
    sarif = json.loads(out)
    assert _errors(validator, sarif) == []
    (run,) = sarif["runs"]
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-schema-2.1.0.json")
    _code, flat, _ = run_cli("check", str(SEEDS.relative_to(ROOT)), "--format", "json")
    assert len(run["results"]) == len(json.loads(flat)) > 50
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "seeds/000_ff806e430f618b52.txt"
    }


def test_the_validator_rejects_broken_output(validator, all_rules):
    sarif = json.loads(render([finding()], report(all_rules)))
    broken = copy.deepcopy(sarif)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    del broken["version"]
    errors = _errors(validator, broken)
    assert any("'version' is a required property" in e for e in errors)
    assert any("'fatal' is not one of" in e for e in errors)


def test_a_remote_reference_is_not_fetched(validator):
    remote = validator.evolve(schema={"$ref": "https://example.invalid/schema.json"})
    with pytest.raises(Unresolvable):  # jsonschema wraps it, still an Unresolvable
        remote.validate({})


def test_rules_carry_their_docs(all_rules):
    sarif = json.loads(render([], report(all_rules)))
    driver = sarif["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("newslint", "0.1.0")
    assert driver["informationUri"].startswith("https://")
    by_id = {r["id"]: r for r in driver["rules"]}
    assert sorted(by_id) == sorted(all_rules)
    rule, docs = by_id["unattributed-figure"], all_rules["unattributed-figure"].docs
    assert rule["shortDescription"] == {"text": docs["what"]}
    assert rule["fullDescription"] == {"text": docs["why"]}
    assert docs["fail"] in rule["help"]["text"] and docs["pass"] in rule["help"]["text"]
    assert rule["defaultConfiguration"] == {"level": "warning"}
    assert by_id["vague-attribution"]["defaultConfiguration"] == {"level": "note"}
    assert sarif["runs"][0]["results"] == []


def test_results_point_at_their_rule_and_region(all_rules, validator):
    findings = [
        finding(rule="duplicated-paragraph", severity=Severity.ERROR, message="dup"),
        finding(path="/repo/b c.txt", line=3, end_line=4, end_column=2, severity=Severity.INFO),
    ]
    sarif = json.loads(render(findings, report(all_rules)))
    assert _errors(validator, sarif) == []
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    first, second = sarif["runs"][0]["results"]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "duplicated-paragraph"
    assert (first["level"], second["level"]) == ("error", "note")
    assert first["message"] == {"text": "dup"}
    location = second["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "b%20c.txt"}
    assert location["region"] == {"startLine": 3, "startColumn": 5, "endLine": 4, "endColumn": 2}
    assert first["partialFingerprints"] != second["partialFingerprints"]


def test_internal_error_gets_a_rule_descriptor(all_rules, validator):
    broken = finding(rule=INTERNAL_ERROR, severity=Severity.ERROR, message="rule x failed")
    sarif = json.loads(render([broken], report(all_rules)))
    assert _errors(validator, sarif) == []
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    (result,) = sarif["runs"][0]["results"]
    assert rules[result["ruleIndex"]]["id"] == INTERNAL_ERROR


def test_uri():
    assert uri("seeds/a.txt") == "seeds/a.txt"
    assert uri("/tmp/x y/a.txt") == "file:///tmp/x%20y/a.txt"


def test_cli_writes_sarif_for_only_the_selected_rules(run_cli, tmp_path, validator):
    write(tmp_path / "a.txt", FLAGGED)
    write(tmp_path / "b.txt", CLEAN)
    out_file = tmp_path / "out" / "report.sarif"
    out_file.parent.mkdir()
    args = ["check", ".", "--format", "sarif", "--select", "duplicated-paragraph"]
    code, out, _ = run_cli(*args, "--output", str(out_file), cwd=tmp_path)
    assert (code, out) == (1, "")
    sarif = json.loads(Path(out_file).read_text(encoding="utf-8"))
    assert _errors(validator, sarif) == []
    driver = sarif["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == ["duplicated-paragraph"]
    (result,) = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"
