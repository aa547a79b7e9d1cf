"""--format gitlab: GitLab Code Quality issues with stable, unique fingerprints."""

from __future__ import annotations

import json

from conftest import ROOT, SEEDS, write
from format_helpers import FLAGGED, finding, readme_example, report

from lint.core.finding import Severity
from lint.formats.gitlab_format import render

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def _issues(run_cli, *args, cwd=ROOT):
    _code, out, _ = run_cli("check", *args, "--format", "gitlab", cwd=cwd)
    return json.loads(out)


def test_required_fields_on_the_seeds(run_cli):
    issues = _issues(run_cli, str(SEEDS.relative_to(ROOT)))
    _code, out, _ = run_cli("check", str(SEEDS.relative_to(ROOT)), "--format", "json", cwd=ROOT)
    assert len(issues) == len(json.loads(out)) > 50
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in SEVERITIES
        assert issue["location"]["path"].startswith("seeds/")
        lines = issue["location"]["lines"]
        assert 1 <= lines["begin"] <= lines["end"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_severity_mapping(all_rules):
    findings = [
        finding(severity=Severity.ERROR),
        finding(line=3, severity=Severity.WARNING),
        finding(line=4, severity=Severity.INFO),
    ]
    issues = json.loads(render(findings, report(all_rules)))
    assert [i["severity"] for i in issues] == ["major", "minor", "info"]


def test_the_same_phrase_twice_gets_two_fingerprints(all_rules):
    twice = [finding(line=2), finding(line=9)]
    first, second = json.loads(render(twice, report(all_rules)))
    assert first["fingerprint"] != second["fingerprint"]
    assert first["description"] == second["description"]


def test_fingerprints_survive_line_shifts_and_change_with_content(run_cli, tmp_path):
    path = write(tmp_path / "news" / "a.txt", FLAGGED)
    before = _issues(run_cli, "news", cwd=tmp_path)
    # blank lines between paragraphs move every finding below the headline down
    path.write_text(FLAGGED.replace("\n", "\n\n"), encoding="utf-8")
    after = _issues(run_cli, "news", cwd=tmp_path)
    assert [i["location"]["lines"]["begin"] for i in before] != [
        i["location"]["lines"]["begin"] for i in after
    ]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    path.write_text(FLAGGED.replace("heart-wrenching", "gut-wrenching"), encoding="utf-8")
    changed = {i["fingerprint"] for i in _issues(run_cli, "news", cwd=tmp_path)}
    assert len(changed - {i["fingerprint"] for i in before}) == 1


def test_fingerprints_do_not_depend_on_where_the_checkout_is(all_rules):
    one = report(all_rules, root=ROOT)
    here = json.loads(render([finding(path=str(ROOT / "news/a.txt"))], one))
    other = report(all_rules, root=ROOT.parent / "elsewhere")
    there = json.loads(render([finding(path=str(ROOT.parent / "elsewhere/news/a.txt"))], other))
    assert here[0]["location"]["path"] == there[0]["location"]["path"] == "news/a.txt"
    assert here[0]["fingerprint"] == there[0]["fingerprint"]


def test_location_lines(all_rules):
    (issue,) = json.loads(render([finding(line=3, end_line=5)], report(all_rules)))
    assert issue["location"] == {"path": "news/a.txt", "lines": {"begin": 3, "end": 5}}
    assert issue["check_name"] == "stylistic-inflation"


def test_readme_example_is_real(run_cli):
    command = (
        "newslint check seeds/004_696d2abe624ca1f4.txt --format gitlab"
        " --select stylistic-inflation,unattributed-figure"
    )
    _code, out, _ = run_cli(*command.split()[1:])
    assert out == readme_example(command)
