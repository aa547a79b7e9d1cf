"""The report in a real headless browser (Debian chromium driven by Playwright), from file://:
the seeds through the real command, and the index at 2,000 articles.

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

from lint.core.document import Document
from lint.core.finding import Finding, Severity
from lint.engine.run import Options, lint_paths
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


SHOTS = (
    Path(os.environ.get("NEWSLINT_SCREENSHOTS", ""))
    if os.environ.get("NEWSLINT_SCREENSHOTS")
    else None
)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The real command on the seeds, run once for this module."""
    out = tmp_path_factory.mktemp("report")
    command = [sys.executable, "-m", "lint", "report", "seeds", "--output", str(out), "--no-cache"]
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


def shot(page, name: str, full: bool = False) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


@pytest.fixture(scope="module")
def expected() -> dict[str, tuple]:
    """Documents and findings from the run pipeline itself (what `check seeds` reports)."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        run = lint_paths(["seeds"], Options(keep_documents=True))
    finally:
        os.chdir(here)
    return {d.path: (d, sorted(f for f in run.findings if f.path == d.path)) for d in run.documents}


def rows(page) -> list[list]:
    return json.loads(page.locator("#report-data").text_content())["rows"]


def open_article(page, report: Path, path: str) -> list:
    """Open ``path``'s article from the index; its record as the viewer holds it."""
    page.goto((report / "index.html").as_uri())
    page.locator("#rows a", has_text=path).first.click()
    page.wait_for_function("document.getElementById('title').textContent !== 'Loading…'")
    number = int(page.url.rsplit("#", 1)[1])
    return page.evaluate(
        "n => new Promise(done => { const s = document.createElement('script');"
        " const keep = window.newslintArticles;"
        " window.newslintArticles = list => { window.newslintArticles = keep;"
        " done(list.find(r => r.n === n)); };"
        " s.src = 'data/articles-' + String(Math.floor(n / 50)).padStart(3, '0') + '.js';"
        " document.body.appendChild(s); })",
        number,
    )


def test_index_lists_every_seed_with_its_counts(page, report, expected):
    page.goto((report / "index.html").as_uri())
    assert page.locator("#rows tr").count() == 5
    for path, (_, findings) in expected.items():
        row = page.locator("#rows tr", has=page.locator("a", has_text=path))
        number = row.get_attribute("data-n")
        assert row.locator("a").get_attribute("href") == f"article.html#{number}"
        for column, severity in enumerate(("error", "warning", "info")):
            count = sum(1 for f in findings if f.severity.label == severity)
            assert row.locator("td.num").nth(column).inner_text() == str(count)
        score = row.locator("td.score").inner_text()
        if "002_" in path:  # the original has no score; every rewrite is scored against it
            assert score == "—" and row.locator("td.label").inner_text() == "original"
        else:
            assert 0.0 <= float(score) <= 1.0
    shot(page, "seeds-index", full=True)


def _highlight_text(page, index: int) -> str:
    return page.evaluate(
        "i => Array.from(document.querySelectorAll('#text .hl'))"
        ".filter(el => el.getAttribute('data-f').split(' ').includes(String(i)))"
        ".map(el => el.textContent).join('')",
        index,
    )


def test_highlights_cover_exactly_each_finding_and_banners_stand_apart(page, report, expected):
    checked = banners = 0
    for path, (document, findings) in expected.items():
        record = open_article(page, report, path)
        assert page.locator("#text").text_content() == document.text
        assert page.locator("#findings .finding").count() == len(findings)
        for index, finding in enumerate(findings):
            if record["findings"][index][4]:
                banners += 1
                banner = page.locator(f'#banners .banner[data-i="{index}"]')
                assert finding.message in banner.inner_text()
                assert _highlight_text(page, index) == ""
                continue
            assert _highlight_text(page, index) == document.text[finding.start : finding.end]
            assert finding.message in page.locator(f"#f-{index}").inner_text()
            checked += 1
    assert checked >= 40 and banners >= 2


def test_clicking_a_highlight_shows_rule_message_and_docs(page, report, expected):
    path = "seeds/003_3cca3255a196bd16.txt"
    _, findings = expected[path]
    open_article(page, report, path)
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
    shot(page, "seeds-article-panel")


def test_clicking_a_list_entry_selects_its_highlight(page, report, expected):
    open_article(page, report, "seeds/000_ff806e430f618b52.txt")
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
    open_article(page, report, path)
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


def test_the_original_lists_its_rewrites_and_a_rewrite_shows_the_pair(page, report):
    open_article(page, report, "seeds/002_06a2e6461da98317.txt")
    assert "Original report" in page.locator("#meta").inner_text()
    listed = page.locator("#rewrites li")
    assert listed.count() == 4
    first = listed.first.inner_text()
    assert "score" in first
    shot(page, "seeds-original")
    listed.first.locator("a").click()
    page.wait_for_function("document.querySelector('#compare h2') !== null")
    assert "002_06a2e6461da98317" in page.locator("#meta .tracking").inner_text()
    assert page.locator("#compare .text.original mark.shared").count() > 0
    shot(page, "seeds-pair")


def test_original_and_rewrite_share_marked_passages(page, tmp_path):
    original = "Officials said the council approved the budget on Tuesday after a long debate.\n"
    rewrite = "Budget passes\nIn a stunning move, the council approved the budget on Tuesday.\n"
    document = Document("b.txt", rewrite, segment(rewrite))
    info = TrackingInfo("orig.txt", original, score=0.91, label="tracks-original")
    write_report(tmp_path, articles([document], [], {"b.txt": info}), {})
    page.goto((tmp_path / "article.html").as_uri() + "#0")
    page.wait_for_function("document.querySelector('#compare h2') !== null")
    assert "0.91" in page.locator(".top .tracking").inner_text()
    left = page.locator(".text.original mark.shared")
    right = page.locator(".text.rewrite mark.shared")
    assert left.inner_text() == "the council approved the budget on Tuesday"
    assert right.inner_text() == "the council approved the budget on Tuesday"
    right.hover()
    assert "twin" in left.get_attribute("class").split()
    page.mouse.move(0, 0)
    assert "twin" not in left.get_attribute("class").split()


def test_a_paraphrase_shows_its_sentences_linked_not_one_percent_shared(page, tmp_path):
    """Each rewrite sentence is shaded by how closely it follows the original and linked to the
    original sentence it restates: hovering one lights up the other."""
    original = (
        "Flood defences in Marbury failed on Tuesday night after two days of heavy rain.\n\n"
        "About 300 residents were forced from their homes, the county council said.\n"
    )
    rewrite = (
        "The county council said some 300 people had to leave their homes.\n\n"
        "After two days of torrential rain, flood defences in Marbury gave way late on Tuesday.\n"
    )
    document = Document("r.txt", rewrite, segment(rewrite))
    info = TrackingInfo("o.txt", original, score=0.7, label="tracks-original")
    write_report(tmp_path, articles([document], [], {"r.txt": info}), {})
    page.goto((tmp_path / "article.html").as_uri() + "#0")
    page.wait_for_function("document.querySelector('#compare h2') !== null")
    summary = page.locator("#compare p.meta").first.inner_text()
    assert summary.startswith("2 of the rewrite's 2 sentences follow a passage of the original")
    ours = page.locator("#compare .text.rewrite .sentence.aligned")
    theirs = page.locator("#compare .text.original .sentence.aligned")
    assert ours.count() == 2 and theirs.count() == 2
    assert ours.nth(0).inner_text().startswith("The county council said")
    assert "follows the original's sentence 2" in ours.nth(0).get_attribute("title")
    ours.nth(0).hover()
    lit = page.locator("#compare .text.original .sentence.linked")
    assert lit.count() == 1 and lit.inner_text().startswith("About 300 residents")
    theirs.nth(0).hover()
    lit = page.locator("#compare .text.rewrite .sentence.linked")
    assert lit.count() == 1 and lit.inner_text().startswith("After two days")
    page.mouse.move(0, 0)
    assert page.locator("#compare .sentence.linked").count() == 0
    shot(page, "pair-paraphrase")


# -- the index at 2,000 articles ----------------------------------------------------------------

RULE_IDS = ("duplicated-paragraph", "stylistic-inflation", "unattributed-figure", "readability")
SEVS = (Severity.ERROR, Severity.WARNING, Severity.WARNING, Severity.INFO)
FOLDERS = ("markets", "companies", "economy", "world")
LABELS = ("tracks-original", "partially-derived", "non-derived")


def _big_corpus() -> tuple[list, list[Finding], dict[str, TrackingInfo]]:
    """2,000 synthetic articles: findings by rule and severity spread deterministically, four
    folders, tracking labels, and copies whose duplicate finding links the first copy."""
    documents, findings, tracking = [], [], {}
    for n in range(2000):
        path = f"{FOLDERS[n % 4]}/story-{n:04d}.txt"
        text = (
            f"Story {n} headline about {('grain', 'oil', 'rates', 'steel')[n % 4]}\n\n"
            f"The company said on Monday that output rose {n % 97} percent in the quarter.\n\n"
            "Analysts expected a smaller rise, a spokesman said.\n"
        )
        document = Document(path, text, segment(text))
        documents.append(document)
        paragraph = document.blocks[1].span
        for k in range((n * 7919) % 9):
            rule = k % 4
            data = {}
            if rule == 0:
                first = f"{FOLDERS[(n // 10) % 4]}/story-{(n // 10):04d}.txt"
                data = {"first": {"path": first, "line": 3, "column": 1}}
            findings.append(
                Finding(
                    path,
                    3,
                    1 + k,
                    3,
                    5 + k,
                    RULE_IDS[rule],
                    SEVS[rule],
                    f"finding {k} of story {n}",
                    paragraph.start + k,
                    paragraph.start + k + 4,
                    data,
                )
            )
        if n % 3:
            tracking[path] = TrackingInfo(
                "markets/story-0000.txt", "x", (n % 100) / 100, LABELS[n % 3]
            )
    return documents, findings, tracking


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    out = tmp_path_factory.mktemp("big")
    documents, findings, tracking = _big_corpus()
    docs = {r: {"what": f"What {r} finds.", "why": f"Why {r} matters."} for r in RULE_IDS}
    built = articles(documents, findings, tracking)
    write_report(out, built, docs)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert size < 5_000_000
    return out, built


def _column(page, css: str) -> list[str]:
    return page.locator(f"#rows tr {css}").all_inner_texts()


def test_index_at_scale_opens_worst_first_and_pages(page, big):
    out, built = big
    page.goto((out / "index.html").as_uri())
    assert page.locator("#rows tr").count() == 100
    assert page.locator("#shown").inner_text() == "2000 of 2000 articles, worst first"
    worst = sorted(
        built,
        key=lambda a: (
            -sum(f.severity is Severity.ERROR for f in a.findings),
            -sum(f.severity is Severity.WARNING for f in a.findings),
            -sum(f.severity is Severity.INFO for f in a.findings),
            a.document.path,
        ),
    )
    assert _column(page, "td.file a")[:5] == [a.document.path for a in worst[:5]]
    shot(page, "big-index")
    page.locator("#next").click()
    assert page.locator("#page").inner_text() == "101–200 of 2000"
    assert _column(page, "td.file a")[0] == worst[100].document.path
    page.locator("#prev").click()
    page.locator("#rows tr a").first.click()
    page.wait_for_function("document.getElementById('title').textContent !== 'Loading…'")
    assert page.locator("#meta .path").inner_text() == worst[0].document.path
    assert page.locator("#findings .finding").count() == len(worst[0].findings)
    shot(page, "big-worst-article")
    page.go_back()
    assert page.locator("#rows tr").count() == 100


def test_index_at_scale_sorts_by_any_column(page, big):
    out, _ = big
    page.goto((out / "index.html").as_uri())
    page.locator('button.sort[data-sort="warnings"]').click()
    counts = [int(t) for t in _column(page, "td.sev-warning")]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    page.locator('button.sort[data-sort="warnings"]').click()
    counts = [int(t) for t in _column(page, "td.sev-warning")]
    assert counts == sorted(counts) and counts[0] == 0
    page.locator('button.sort[data-sort="path"]').click()
    paths = _column(page, "td.file a")
    assert paths == sorted(paths) and paths[0] == "companies/story-0001.txt"
    page.locator('button.sort[data-sort="score"]').click()
    scores = [float(t) for t in _column(page, "td.score") if t != "—"]
    assert scores == sorted(scores, reverse=True) and scores[0] == 0.99
    header = page.locator('th:has(button[data-sort="score"])')
    assert header.get_attribute("aria-sort") == "descending"


def test_index_at_scale_filters_and_searches(page, big):
    out, built = big
    page.goto((out / "index.html").as_uri())
    with_rule = sum(any(f.rule == "readability" for f in a.findings) for a in built)
    page.locator("#f-rule").select_option(label=f"readability ({with_rule})")
    assert page.locator("#shown").inner_text().startswith(f"{with_rule} of 2000")
    page.locator("#f-folder").select_option("economy")
    both = [
        a
        for a in built
        if a.document.path.startswith("economy/")
        and any(f.rule == "readability" for f in a.findings)
    ]
    assert page.locator("#shown").inner_text().startswith(f"{len(both)} of 2000")
    assert all(p.startswith("economy/") for p in _column(page, "td.file a"))
    page.locator("#f-severity").select_option("error")
    page.locator("#f-label").select_option("non-derived")
    expected_rows = [
        a
        for a in both
        if any(f.severity is Severity.ERROR for f in a.findings)
        and a.tracking is not None
        and a.tracking.label == "non-derived"
    ]
    assert expected_rows
    assert page.locator("#shown").inner_text().startswith(f"{len(expected_rows)} of 2000")
    assert page.locator("#rows tr").count() == min(100, len(expected_rows))
    shot(page, "big-filtered")
    page.goto((out / "index.html").as_uri())
    page.locator("#search").fill("story-1234")
    page.wait_for_function("document.querySelectorAll('#rows tr').length === 1")
    assert _column(page, "td.file a") == ["economy/story-1234.txt"]
    page.locator("#search").fill("headline about steel")
    page.wait_for_function("document.getElementById('shown').textContent.startsWith('500 of')")
    assert all("steel" in h for h in _column(page, "td.headline"))


def test_following_a_duplicate_link_opens_the_first_copy_and_both_side_by_side(page, big):
    out, built = big
    number = next(
        n
        for n, a in enumerate(built)
        if any(f.rule == "duplicated-paragraph" for f in a.findings) and n > 500
    )
    article = built[number]
    page.goto((out / "article.html").as_uri() + f"#{number}")
    page.wait_for_function("document.getElementById('title').textContent !== 'Loading…'")
    index = next(i for i, f in enumerate(article.findings) if f.rule == "duplicated-paragraph")
    page.locator(f"#f-{index} button").click()
    link = page.locator("#panel a.first-copy")
    first = article.findings[index].data["first"]["path"]
    assert link.inner_text() == f"{first}:3"
    shot(page, "big-duplicate-panel")
    page.locator("#panel a.side-by-side").click()
    page.wait_for_function("document.querySelector('#compare.beside') !== null")
    columns = page.locator("#compare .column")
    assert columns.count() == 2
    assert first in columns.nth(1).inner_text()
    shot(page, "big-side-by-side")
    page.locator(f"#f-{index} button").click()
    page.locator("#panel a.first-copy").click()
    page.wait_for_function(f"document.querySelector('#meta .path').textContent === {first!r}")
    assert page.locator("#title").inner_text().startswith("Story ")
