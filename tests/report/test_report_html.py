"""Page building: highlights match spans, user text is inert, tracking renders, output is stable."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from lint.core.document import Document
from lint.core.finding import Finding, Severity
from lint.html import Article, TrackingInfo, articles, document_key, write_report
from lint.html.page import article_page, highlighted_text, index_page
from lint.html.site import page_names
from lint.text.segment import segment

TEXT = "Council <b>approves</b> budget\nThe council & mayor approved 4 million pounds.\n"
RULES = {"r-one": {"what": "What one finds.", "why": "Why one matters."}}


def finding(start: int, end: int, rule: str = "r-one", severity=Severity.WARNING, message="m"):
    return Finding("a.txt", 1, start + 1, 1, end + 1, rule, severity, message, start, end)


class Collect(HTMLParser):
    """Text per highlight index (in document order), all text, and script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list[int]] = []
        self.by_mark: dict[int, str] = {}
        self.text = ""
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._script = attrs
            self.scripts.append((attrs, ""))
            return
        marks = attrs.get("data-f")
        self.stack.append([int(m) for m in marks.split()] if marks else [])

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None
        elif self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
            return
        self.text += data
        for marks in self.stack:
            for mark in marks:
                self.by_mark[mark] = self.by_mark.get(mark, "") + data


def parse(markup: str) -> Collect:
    parser = Collect()
    parser.feed(markup)
    parser.close()
    return parser


def test_each_finding_highlights_exactly_its_span_and_text_survives():
    findings = [finding(0, 7), finding(4, 20, severity=Severity.ERROR), finding(36, 36)]
    parsed = parse(f"<div>{highlighted_text(TEXT, findings)}</div>")
    assert parsed.text == TEXT
    for index, f in enumerate(findings):
        assert parsed.by_mark.get(index, "") == TEXT[f.start : f.end]


def test_overlap_takes_the_worst_severity_and_marks_both():
    markup = highlighted_text(TEXT, [finding(0, 7), finding(4, 20, severity=Severity.ERROR)])
    assert 'class="hl hl-error hl-multi" data-f="0 1"' in markup
    assert 'class="hl hl-warning" data-f="0"' in markup


def test_script_in_a_message_or_text_is_inert():
    evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
    text = f"Headline {evil}\nBody text {evil}.\n"
    document = Document("a.txt", text, segment(text))
    f = finding(9, 9 + len(evil), message=evil)
    page = article_page(Article(document, (f,)), RULES)
    parsed = parse(page)
    # only the report's own two scripts: the JSON data and the inlined report.js
    assert [attrs.get("type") for attrs, _ in parsed.scripts] == ["application/json", None]
    assert "alert" not in parsed.scripts[1][1]
    data = json.loads(parsed.scripts[0][1])
    assert data["findings"][0]["message"] == evil  # round-trips as data, not markup
    assert "<img" not in page and "<script>alert" not in page
    assert evil in parsed.text


def test_findings_are_grouped_per_document_and_jsonl_record():
    one = Document("c.jsonl", "A\n\nx", segment("A\n\nx"), line_offset=1, record="r1")
    two = Document("c.jsonl", "B\n\ny", segment("B\n\ny"), line_offset=2, record="r2")
    plain = Document("a.txt", TEXT, segment(TEXT))
    on_two = Finding("c.jsonl", 2, 1, 2, 1, "r-one", Severity.INFO, "m", 0, 1, {"record": "r2"})
    result = articles([two, plain, one], [on_two, finding(0, 3)], {})
    assert [a.key for a in result] == ["a.txt", "c.jsonl#r1", "c.jsonl#r2"]
    assert [len(a.findings) for a in result] == [1, 0, 1]
    assert document_key(two) == "c.jsonl#r2"


def test_tracking_score_and_label_render_with_original_beside_rewrite():
    original = "The council approved the budget on Tuesday after a long debate.\n"
    rewrite = "Budget news\nIn a stunning move, the council approved the budget on Tuesday.\n"
    document = Document("b.txt", rewrite, segment(rewrite))
    plain = Document("a.txt", TEXT, segment(TEXT))
    info = TrackingInfo("orig.txt", original, score=0.8731, label="tracks-original")
    tracked = articles([plain, document], [], {"b.txt": info})
    index = index_page(tracked, page_names(tracked), RULES)
    rows = {row.split('data-key="')[1].split('"')[0]: row for row in index.split("<tr ")[1:]}
    assert '<td class="num score">0.87</td><td class="label">tracks-original</td>' in rows["b.txt"]
    assert '<td class="num score">—</td><td class="label">—</td>' in rows["a.txt"]
    page = article_page(tracked[1], RULES)
    assert "Original and rewrite" in page and "orig.txt" in page
    marked = page.split('class="text original">')[1]
    assert (
        '<mark class="shared" data-p="0">The council approved the budget on Tuesday</mark>'
        in marked
    )
    rewritten = page.split('class="text rewrite">')[1]
    assert '<mark class="shared" data-p="0">the council approved the budget on Tuesday</mark>' in (
        rewritten
    )
    assert "1 shared passage of 5 or more words cover 7 of the rewrite&#x27;s 13 words" in page
    assert "Original and rewrite" not in article_page(tracked[0], RULES)


def test_page_names_are_safe_and_unique():
    def art(path: str, record: str | None = None) -> Article:
        return Article(Document(path, "x", (), record=record), ())

    names = page_names(
        [art("../a b/índex"), art("a_b/index"), art("c.jsonl", "id/1"), art("A_B/INDEX"), art("x")]
    )
    assert names == [
        "a_b_ndex.html",
        "a_b_index.html",
        "c.jsonl-id_1.html",
        "A_B_INDEX-2.html",
        "x.html",
    ]
    assert page_names([art("index")]) == ["index-2.html"]


def test_report_is_byte_identical_across_runs(tmp_path):
    document = Document("a.txt", TEXT, segment(TEXT))
    info = TrackingInfo("o.txt", TEXT, 0.5, "x")
    built = articles([document], [finding(0, 7), finding(4, 9)], {"a.txt": info})
    first = write_report(tmp_path / "one", built, RULES)
    second = write_report(tmp_path / "two", built, RULES)
    assert [p.name for p in first] == ["index.html", "a.txt.html"]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
    assert "http://" not in first[1].read_text() and "https://" not in first[1].read_text()
