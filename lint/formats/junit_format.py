"""JUnit XML, which most CI systems show as a test report: one ``<testsuite>`` per linted file,
one failing ``<testcase>`` per finding, and one passing test case for a file with no finding."""

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


def _case(suite: ET.Element, finding: Finding) -> None:
    where = f"{finding.line}:{finding.column}"
    case = ET.SubElement(
        suite,
        "testcase",
        name=_clean(f"{finding.rule} at {where}"),
        classname=_clean(finding.path),
        file=_clean(finding.path),
        line=str(finding.line),
    )
    failure = ET.SubElement(
        case, "failure", message=_clean(finding.message), type=finding.severity.label
    )
    failure.text = _clean(
        f"{finding.path}:{where}: {finding.rule} [{finding.severity.label}] {finding.message}"
    )


def _suite(root: ET.Element, path: str, findings: Sequence[Finding]) -> None:
    attributes = {
        "name": _clean(path),
        "tests": str(max(len(findings), 1)),
        "failures": str(len(findings)),
        "errors": "0",
        "skipped": "0",
    }
    suite = ET.SubElement(root, "testsuite", attributes)
    for finding in findings:
        _case(suite, finding)
    if not findings:
        ET.SubElement(suite, "testcase", name="newslint", classname=_clean(path), file=_clean(path))


def render(findings: Sequence[Finding], report: Report) -> str:
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    paths = sorted(set(report.files) | set(by_path))
    root = ET.Element("testsuites", name="newslint", tests="0", failures=str(len(findings)))
    for path in paths:
        _suite(root, path, by_path.get(path, []))
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
