"""The report in a real headless browser (Debian chromium driven by Playwright), from file://.

Needs /usr/bin/chromium (CI installs it, see .ci/run) and the ``playwright`` Python package (the
``test`` extra); Playwright's own browser downloads are never used. Without chromium the tests
skip, unless ``NEWSLINT_REQUIRE_BROWSER=1`` (set by CI) makes that an error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

import lint
from lint.core.document import Document
from lint.core.finding import Finding
from lint.html import TrackingInfo, articles, write_report
from lint.text.segment import segment

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.is_file(), reason="/usr/bin/chromium is not installed"),
]
if os.environ.get("NEWSLINT_REQUIRE_BROWSER") == "1":  # CI: a skip would hide a broken setup
    if not CHROMIUM.is_file():
        pytest.fail("NEWSLINT_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing", pytrace=False)
    import playwright.sync_api as _required  # noqa: F401  (fails loudly when missing)
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The real command, run once for this module."""
    out = tmp_path_factory.mktemp("report")
    command = [sys.executable, "-m", "lint", "report", "seeds", "--output", str(out)]
    proc = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on(
        "request",
        lambda r: None if r.url.startswith("file://") else problems.append(f"request {r.url}"),
    )
    yield page
    context.close()
    assert problems == []


@pytest.fixture(scope="module")
def expected() -> dict[str, tuple]:
    """Documents and findings computed independently of the report, by the run pipeline that
    `newslint check` uses (seeds/newslint.yaml declares the original; all rules)."""
    cwd = Path.cwd()
    os.chdir(ROOT)  # paths as the report command names them: seeds/...
    try:
        run = lint.lint_paths(["seeds"], lint.Options(keep_documents=True))
    finally:
        os.chdir(cwd)
    findings = run.findings
    return {d.path: (d, sorted(f for f in findings if f.path == d.path)) for d in run.documents}


def _name(path: str) -> str:
    return path.replace("/", "_") + ".html"


def test_index_lists_every_seed_with_its_counts(page, report, expected):
    page.goto((report / "index.html").as_uri())
    rows = page.locator("table.files tbody tr")
    assert rows.count() == 5
    for path, (_, findings) in expected.items():
        row = page.locator(f'tr[data-key="{path}"]')
        assert row.locator("a").get_attribute("href") == _name(path)
        for severity in ("error", "warning", "info"):
            count = sum(1 for f in findings if f.severity.label == severity)
            assert row.locator(f'td[data-severity="{severity}"]').inner_text() == str(count)
        score = row.locator("td.score").inner_text()
        if "002_" in path:  # the original has no score; every rewrite is scored against it
            assert score == "—"
        else:
            assert 0.0 <= float(score.split()[0]) <= 1.0


def _highlight_text(page, index: int) -> str:
    return page.evaluate(
        "i => Array.from(document.querySelectorAll('#text .hl'))"
        ".filter(el => el.getAttribute('data-f').split(' ').includes(String(i)))"
        ".map(el => el.textContent).join('')",
        index,
    )


def test_highlights_cover_exactly_each_finding(page, report, expected):
    checked = 0
    for path, (document, findings) in expected.items():
        page.goto((report / _name(path)).as_uri())
        assert page.locator("#text").text_content() == document.text
        assert page.locator("#findings .finding").count() == len(findings)
        step = max(1, len(findings) // 8)
        for index in range(0, len(findings), step):
            finding: Finding = findings[index]
            assert _highlight_text(page, index) == document.text[finding.start : finding.end]
            assert finding.message in page.locator(f"#f-{index}").inner_text()
            checked += 1
    assert checked >= 20


def test_clicking_a_highlight_shows_rule_message_and_docs(page, report, expected):
    path = "seeds/003_3cca3255a196bd16.txt"
    _, findings = expected[path]
    page.goto((report / _name(path)).as_uri())
    panel = page.locator("#panel")
    assert not panel.is_visible()
    index = next(i for i, f in enumerate(findings) if f.rule == "unattributed-figure")
    page.locator("#text .hl").filter(has_text=findings[index].data.get("figure", "")).first.click()
    assert panel.is_visible()
    details = panel.locator(f'.detail[data-i="{index}"]')
    assert details.locator(".detail-rule").inner_text() == "unattributed-figure"
    assert details.locator(".detail-message").inner_text() == findings[index].message
    assert "statistic" in details.locator(".detail-what").inner_text()
    assert "vouches" in details.locator(".detail-why").inner_text()
    title = page.locator("#text .hl.active").get_attribute("title")
    assert f"unattributed-figure [warning] {findings[index].message}" in title.splitlines()


def test_clicking_a_list_entry_selects_its_highlight(page, report, expected):
    path = "seeds/000_ff806e430f618b52.txt"
    page.goto((report / _name(path)).as_uri())
    entry = page.locator("#findings .finding").nth(5)
    entry.locator("button").click()
    active = page.locator("#text .hl.active")
    assert active.count() == 1
    assert "5" in active.get_attribute("data-f").split()
    assert page.locator('#panel .detail[data-i="5"]').is_visible()
    in_view = "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"  # noqa: E501
    assert active.evaluate(in_view)


def test_severity_and_rule_filters_hide_highlights_and_entries(page, report, expected):
    path = "seeds/003_3cca3255a196bd16.txt"
    _, findings = expected[path]
    page.goto((report / _name(path)).as_uri())
    warnings = [i for i, f in enumerate(findings) if f.severity.label == "warning"]
    errors = [i for i, f in enumerate(findings) if f.severity.label == "error"]
    assert warnings and errors
    page.locator('input[data-filter="severity"][value="warning"]').uncheck()
    for i in warnings:
        assert not page.locator(f"#f-{i}").is_visible()
    for i in errors:
        assert page.locator(f"#f-{i}").is_visible()
    styles = page.evaluate(
        "() => Array.from(document.querySelectorAll('#text .hl')).map(el => ["
        "el.getAttribute('data-f'), el.className, getComputedStyle(el).backgroundColor])"
    )
    for marks, cls, background in styles:
        indexes = [int(m) for m in marks.split()]
        if all(i in warnings for i in indexes):
            assert "hl-off" in cls and background == "rgba(0, 0, 0, 0)"
        else:
            assert "hl-error" in cls and background != "rgba(0, 0, 0, 0)"
    assert page.locator("#shown").inner_text() == f"{len(errors)} of {len(findings)} findings shown"
    page.locator('input[data-filter="severity"][value="warning"]').check()
    for rule in {findings[i].rule for i in errors}:
        page.locator(f'input[data-filter="rule"][value="{rule}"]').uncheck()
    assert page.locator(f"#f-{warnings[0]}").is_visible()
    assert all(not page.locator(f"#f-{i}").is_visible() for i in errors)


def test_pages_render_to_screenshots(page, report, tmp_path):
    page.goto((report / "index.html").as_uri())
    page.screenshot(path=str(tmp_path / "index.png"), full_page=True)
    page.goto((report / _name("seeds/003_3cca3255a196bd16.txt")).as_uri())
    page.locator("#text .hl-error").first.click()
    page.screenshot(path=str(tmp_path / "article.png"))
    assert (tmp_path / "index.png").stat().st_size > 10_000
    assert (tmp_path / "article.png").stat().st_size > 10_000
    assert json.loads(page.locator("#report-data").text_content())["findings"]


def test_original_and_rewrite_share_marked_passages(page, tmp_path):
    original = "Officials said the council approved the budget on Tuesday after a long debate.\n"
    rewrite = "Budget passes\nIn a stunning move, the council approved the budget on Tuesday.\n"
    document = Document("b.txt", rewrite, segment(rewrite))
    info = TrackingInfo("orig.txt", original, score=0.91, label="tracks-original")
    write_report(tmp_path, articles([document], [], {"b.txt": info}), {})
    page.goto((tmp_path / "b.txt.html").as_uri())
    assert "0.91" in page.locator(".top .tracking").inner_text()
    left = page.locator(".text.original mark.shared")
    right = page.locator(".text.rewrite mark.shared")
    assert left.inner_text() == "the council approved the budget on Tuesday"
    assert right.inner_text() == "the council approved the budget on Tuesday"
    right.hover()
    assert "twin" in left.get_attribute("class").split()
    page.mouse.move(0, 0)
    assert "twin" not in left.get_attribute("class").split()
