"""Suppression by directives through the real command, and a property over generated articles."""

from __future__ import annotations

import json
import re

from conftest import lint_texts
from conftest import write as _write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.engine.rules import builtin_dir, load_rules

ARTICLE = (
    "Council approves new budget\n"
    "The council of [City] approved its budget on Tuesday, the mayor said.\n"
    "It was a heart-wrenching moment for the town, the mayor said.\n"
    "The council of [Town] will meet again in May, the mayor said.\n"
)


def lines(out: str) -> list[str]:
    """Finding lines without the path and the summary."""
    return [line.split(":", 1)[1] for line in out.splitlines() if line.count(":") >= 3]


def test_without_directives(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE)
    code, out, _ = run_cli("check", str(path))
    assert code == 1
    assert lines(out) == [
        "2:16: placeholder-text [warning] leftover generator text '[City]'; write the real "
        "content or delete it",
        "3:10: stylistic-inflation [warning] 'heart-wrenching' inflates the tone",
        "4:16: placeholder-text [warning] leftover generator text '[Town]'; write the real "
        "content or delete it",
    ]


def test_directives_in_a_markdown_article(run_cli, tmp_path):
    path = _write(
        tmp_path / "a.md",
        "---\ntitle: Council approves new budget\n---\n"
        "<!-- newslint: disable-next=placeholder-text -->\n"
        "The council of [City] approved its budget on Tuesday, the mayor said.\n\n"
        "<!-- newslint: disable=stylistic-inflation -->\n"
        "It was a heart-wrenching moment for the town, the mayor said.\n"
        "<!-- newslint: enable=stylistic-inflation -->\n\n"
        "The council of [Town] was a heart-wrenching sight, the mayor said.\n",
    )
    code, out, _ = run_cli("check", str(path))
    assert code == 1
    assert [line.split(" [")[0] for line in lines(out)] == [
        "11:16: placeholder-text",
        "11:29: stylistic-inflation",
    ]


def test_disable_file_and_all(run_cli, tmp_path):
    _write(tmp_path / "a.txt", "<!-- newslint: disable-file=placeholder-text -->\n" + ARTICLE)
    _write(tmp_path / "b.txt", ARTICLE + "<!-- newslint: disable-file=all -->\n")
    code, out, _ = run_cli("check", str(tmp_path))
    assert code == 1
    assert [line.split(": ", 1)[0] for line in out.splitlines()[:-1]] == [
        f"{(tmp_path / 'a.txt').as_posix()}:4:10"
    ]


def test_invalid_directive_points_at_it_and_fails(run_cli, tmp_path):
    path = _write(tmp_path / "a.txt", ARTICLE + "<!-- newslint: disabel=x -->\n")
    code, out, _ = run_cli(
        "check", str(path), "--select", "invalid-directive", "--fail-on", "error"
    )
    assert code == 1
    assert lines(out) == [
        "5:1: invalid-directive [error] unknown directive action 'disabel' (known: disable, "
        "enable, disable-next, disable-file)"
    ]
    code, out, _ = run_cli("check", str(path), "--ignore", "invalid-directive,placeholder-text")
    assert "invalid-directive" not in out


def test_report_unused_directives(run_cli, tmp_path):
    path = _write(
        tmp_path / "a.txt",
        "<!-- newslint: disable-file=placeholder-text,readability -->\n" + ARTICLE,
    )
    code, out, _ = run_cli("check", str(path), "--select", "placeholder-text")
    assert code == 0 and out.strip() == "No findings."
    code, out, _ = run_cli(
        "check", str(path), "--select", "placeholder-text", "--report-unused-directives"
    )
    assert code == 1
    assert lines(out) == [
        "1:1: unused-directive [warning] disable-file disables 'readability' but suppressed nothing"
    ]
    code, out, _ = run_cli(
        "check", str(path), "--report-unused-directives", "--ignore", "unused-directive"
    )
    assert "unused-directive" not in out


def test_jsonl_field(run_cli, tmp_path):
    records = [
        {"id": "a", "title": "Council approves new budget", "text": ARTICLE.split("\n", 1)[1]},
        {
            "id": "b",
            "title": "Storm closes the port",
            "text": "The port of [City] closed on Monday, officials said.",
            "newslint": {"disable": ["placeholder-text"]},
        },
        {
            "id": "c",
            "title": "Storm closes the airport",
            "text": "The airport of [City] closed on Monday, officials said.",
            "newslint": {"disable": ["placeholder-txt"]},
        },
    ]
    path = _write(tmp_path / "c.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    code, out, _ = run_cli("check", str(path), "--select", "placeholder-text,invalid-directive")
    assert code == 1
    assert [line.split(" [")[0] for line in lines(out)] == [
        "1:1: placeholder-text",
        "1:1: placeholder-text",
        "3:1: invalid-directive",
        "3:1: placeholder-text",
    ]
    assert (
        "3:1: invalid-directive [error] unknown rule id 'placeholder-txt' in disable-file; "
        "did you mean 'placeholder-text'? (record c" in out
    )


def test_jsonl_field_name_is_configurable(run_cli, tmp_path):
    record = {"title": "Port closes", "text": "The port of [City] closed.", "lint": {"disable": []}}
    record["lint"]["disable"] = ["placeholder-text"]
    _write(tmp_path / "c.jsonl", json.dumps(record) + "\n")
    code, out, _ = run_cli("check", str(tmp_path / "c.jsonl"), "--select", "placeholder-text")
    assert code == 1
    _write(tmp_path / "newslint.yaml", "jsonl: {directives: [lint]}\n")
    code, out, _ = run_cli("check", str(tmp_path / "c.jsonl"), "--select", "placeholder-text")
    assert (code, out.strip()) == (0, "No findings.")


# A property: disable-file=R removes every finding of R and changes no other finding.

SENTENCES = [
    "The council of [City] approved its budget on Tuesday.",
    "At least 140 fighters were killed in the fighting.",
    "It was a heart-wrenching moment that sent shockwaves through the region.",
    "The mayor said the plan would cost 4 million pounds.",
    "Reports suggest that 300 homes were damaged.",
    "Residents gathered in the square, and the police watched.",
    "As an AI language model, I cannot verify this.",
    "The vote, which followed a comprehensive consultation process encompassing numerous "
    "stakeholders, demonstrated considerable institutional commitment to transformation.",
]
WORDS = st.text(alphabet="abcdefghij klmnopqrstuvwxyz.,0123456789%", min_size=1, max_size=60)
PARAGRAPH = st.lists(st.sampled_from(SENTENCES) | WORDS, min_size=1, max_size=4).map(" ".join)


@st.composite
def articles(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(PARAGRAPH, min_size=1, max_size=6))
    if draw(st.booleans()):  # a duplicated paragraph
        paragraphs.append(draw(st.sampled_from(paragraphs)))
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    return "Storm hits the coast\n" + separator.join(paragraphs) + "\n"


def shape(findings: list, shift: int) -> list[tuple]:
    """Findings with offsets moved back by ``shift`` (references to lines are left out)."""
    return sorted(
        (f.rule, f.start - shift, f.end - shift, re.sub(r"a\.txt:\d+", "a.txt", f.message))
        for f in findings
    )


RULES = [r for r in load_rules([builtin_dir()]) if r.level != "post"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_disable_file_removes_exactly_that_rule(text):
    """Disabling a rule hides its findings and no other; a finding that was one problem with the
    disabled rule's (merged into it, or inside a copy it covered) may come back on its own."""
    rules = RULES
    found = lint_texts(rules, {"a.txt": text})
    for rule in sorted({f.rule for f in found}):
        directive = f"<!-- newslint: disable-file={rule} -->\n"
        suppressed = lint_texts(rules, {"a.txt": directive + text})
        assert rule not in {f.rule for f in suppressed}
        others = {s[:3] for s in shape([f for f in found if f.rule != rule], 0)}
        now = {s[:3] for s in shape(suppressed, len(directive))}
        assert others <= now
        hidden = [(f.start, f.end) for f in found if f.rule == rule]
        for _, start, end in now - others:
            assert any(a <= end and start <= b for a, b in hidden), (start, end)


def test_internal_errors_are_never_suppressed():
    from lint.core.document import Document
    from lint.core.finding import Finding, Severity
    from lint.engine.suppress import Suppressor
    from lint.text.segment import segment

    text = "<!-- newslint: disable-file=all -->\nHeadline\nText.\n"
    document = Document("a.txt", text, segment(text))
    crash = Finding("a.txt", 1, 1, 1, 1, "internal-error", Severity.ERROR, "rule x failed")
    other = Finding("a.txt", 3, 1, 3, 6, "readability", Severity.INFO, "hard", 45, 50)
    assert Suppressor([], {"readability"}).apply([crash, other], [document]) == [crash]


# The sweep that finds covered findings (issue 14: many directives and many findings must not
# cost their product) answers as the definition does.

RANGE_RULES = ("readability", "placeholder-text", "all")


def _naive(ranges, findings):
    from lint.engine.directives import ALL

    covered, used = [], set()
    for f in findings:
        hits = [
            r
            for r in ranges
            if f.rule != "internal-error"
            and r.rule in (f.rule, ALL)
            and r.span.start <= f.start < r.span.end
        ]
        covered.append(bool(hits))
        used |= {(r.directive, r.rule) for r in hits}
    return covered, used


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(RANGE_RULES), st.integers(0, 30), st.integers(0, 12)),
        max_size=12,
    ),
    st.lists(
        st.tuples(
            st.sampled_from(("readability", "placeholder-text", "internal-error")),
            st.integers(0, 40),
        ),
        max_size=12,
    ),
)
def test_cover_sweep_matches_the_definition(spans, starts):
    from lint.core.document import Span
    from lint.core.finding import Finding, Severity
    from lint.engine.directives import Range
    from lint.engine.suppress import _cover

    ranges = [Range(rule, Span(a, a + n), i) for i, (rule, a, n) in enumerate(spans)]
    findings = [
        Finding("a.txt", 1, 1, 1, 1, rule, Severity.INFO, "m", start, start + 1)
        for rule, start in starts
    ]
    assert _cover(ranges, findings) == _naive(ranges, findings)


def test_many_directives_and_many_findings_in_linear_time():
    """100,000 ranges over one spot and 100,000 findings there: the naive check makes 10^10
    comparisons (hours); the sweep takes well under a second."""
    import time

    from lint.core.document import Span
    from lint.core.finding import Finding, Severity
    from lint.engine.directives import Range
    from lint.engine.suppress import _cover

    n = 100_000
    ranges = [Range("readability", Span(i, 10 * n), i) for i in range(n)]
    findings = [Finding("a.txt", 1, 1, 1, 1, "readability", Severity.INFO, "m", n, n + 1)] * n
    started = time.perf_counter()
    covered, used = _cover(ranges, findings)
    assert time.perf_counter() - started < 10
    assert all(covered) and len(used) == n
