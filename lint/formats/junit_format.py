"""JUnit XML, which most CI systems show as a test report: one ``<testsuite>`` per linted file,
one ``<testcase>`` per finding, and one passing test case for a file with no finding.

A finding that fails the run (at or above its file's ``fail-on``, warning by default) is a
``<failure>``; one below it (``info`` by default) is ``<skipped>`` with the finding as its message.
Skipped, not a ``<property>``: every common consumer shows a skipped case, with its message, as
neither passed nor failed (GitLab's test report lists it under "Skipped", Jenkins' JUnit plugin
counts it and shows the "Skipped Message", and the GitHub reporters, dorny/test-reporter,
mikepenz/action-junit-report and EnricoMi/publish-unit-test-result-action, count it as skipped
and do not fail on it by default), while properties are hidden by all of them unless asked for
(Jenkins keeps them only with ``keepProperties``). So the finding stays visible and the report's
verdict agrees with the exit status."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence

from lint.core.finding import Finding
from lint.formats.report import Report

# Characters XML 1.0 cannot carry even escaped; a document may contain them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _case(suite: ET.Element, finding: Finding, fails: bool) -> None:
    where = f"{finding.line}:{finding.column}"
    case = ET.SubElement(
        suite,
        "testcase",
        name=_clean(f"{finding.rule} at {where}"),
        classname=_clean(finding.path),
        file=_clean(finding.path),
        line=str(finding.line),
    )
    if fails:
        outcome = ET.SubElement(
            case, "failure", message=_clean(finding.message), type=finding.severity.label
        )
    else:  # a message attribute only: the schema gives <skipped> no type
        outcome = ET.SubElement(case, "skipped", message=_clean(finding.message))
    outcome.text = _clean(
        f"{finding.path}:{where}: {finding.rule} [{finding.severity.label}] {finding.message}"
    )


def _suite(root: ET.Element, path: str, findings: Sequence[Finding], report: Report) -> None:
    failing = [report.fails(f) for f in findings]
    attributes = {
        "name": _clean(path),
        "tests": str(max(len(findings), 1)),
        "failures": str(sum(failing)),
        "errors": "0",
        "skipped": str(len(findings) - sum(failing)),
    }
    suite = ET.SubElement(root, "testsuite", attributes)
    for finding, fails in zip(findings, failing, strict=True):
        _case(suite, finding, fails)
    if not findings:
        ET.SubElement(suite, "testcase", name="newslint", classname=_clean(path), file=_clean(path))


def render(findings: Sequence[Finding], report: Report) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    paths = sorted(set(report.files) | set(by_path))
    root = ET.Element("testsuites", name="newslint", tests="0", failures="0")
    for path in paths:
        _suite(root, path, by_path.get(path, []), report)
    for total in ("tests", "failures", "skipped"):
        root.set(total, str(sum(int(s.get(total, "0")) for s in root)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
