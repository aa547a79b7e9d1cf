"""Report data and files: highlights match spans, user text is inert, links resolve, banners,
originals, stale files, output is stable."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from lint.core.document import Document
from lint.core.finding import Finding, Severity
from lint.html import TrackingInfo, articles, document_key, up_to_date, write_report
from lint.html.data import report_data
from lint.html.site import MANIFEST, build_files
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


def one(findings, text=TEXT, path="a.txt", tracking=None, rules=()):
    document = Document(path, text, segment(text))
    built = articles([document], findings, {path: tracking} if tracking else {})
    return report_data(built, RULES, rules).articles[0]


def highlighted(record) -> dict[int, str]:
    """Text per finding index, from the record's cut points, as the viewer renders it."""
    found: dict[int, str] = {}
    for start, end, *marks in record["cuts"]:
        for mark in marks:
            found[mark] = found.get(mark, "") + record["text"][start:end]
    return found


def test_each_finding_highlights_exactly_its_span():
    findings = [finding(0, 7), finding(4, 20, severity=Severity.ERROR), finding(36, 36)]
    record = one(findings)
    assert record["text"] == TEXT
    by_mark = highlighted(record)
    for index, f in enumerate(sorted(findings)):
        assert by_mark.get(index, "") == TEXT[f.start : f.end]


def test_overlap_is_cut_into_segments_marking_both():
    record = one([finding(0, 7), finding(4, 20, severity=Severity.ERROR)])
    assert record["cuts"] == [[0, 4, 0], [4, 7, 0, 1], [7, 20, 1]]
    assert [f[1] for f in record["findings"]] == [1, 0]  # severity indexes: warning, error


def test_document_level_finding_is_a_banner_not_a_highlight():
    whole = Document("a.txt", TEXT, segment(TEXT)).blocks[0].span
    dense = Finding("a.txt", 1, 1, 1, 9, "dense", Severity.WARNING, "m", whole.start, whole.end)
    record = one([dense, finding(40, 45)], rules={"dense"})
    banner = next(f for f in record["findings"] if f[4])
    assert banner[2] == "m"
    assert all(len(c) == 3 for c in record["cuts"])  # only the passage is highlighted
    assert one([dense], rules=())["cuts"]  # not a document rule: highlighted as before
    copy = Finding("a.txt", 1, 1, 2, 9, "dup-article", Severity.ERROR, "copy", 0, len(TEXT) - 1)
    assert one([copy])["findings"][0][4] == 1  # a whole article duplicated: a banner


def test_script_in_a_message_or_text_is_inert(tmp_path):
    evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"
    text = f"Headline {evil}\nBody text {evil}.\n"
    document = Document("a.txt", text, segment(text))
    f = finding(9, 9 + len(evil), message=evil)
    files = build_files(articles([document], [f], {}), RULES)
    for name, content in files.items():
        assert "<script>alert" not in content and "<img" not in content, name
    chunk = files["data/articles-000.js"]
    assert chunk.startswith("newslintArticles(") and "\\u003c/script" in chunk
    data = json.loads(chunk[len("newslintArticles(") : -3])
    assert data[0]["findings"][0][2] == evil and data[0]["text"] == text  # data, not markup
    index = parse(files["index.html"])
    assert [a.get("type") or a.get("src") for a, _ in index.scripts] == [
        "application/json",
        "index.js",
    ]
    assert json.loads(index.scripts[0][1])["rows"][0][3].startswith("Headline </script>")


def test_findings_are_grouped_per_document_and_jsonl_record():
    one_ = Document("c.jsonl", "A\n\nx", segment("A\n\nx"), line_offset=1, record="r1")
    two = Document("c.jsonl", "B\n\ny", segment("B\n\ny"), line_offset=2, record="r2")
    plain = Document("a.txt", TEXT, segment(TEXT))
    on_two = Finding("c.jsonl", 2, 1, 2, 1, "r-one", Severity.INFO, "m", 0, 1, {"record": "r2"})
    result = articles([two, plain, one_], [on_two, finding(0, 3)], {})
    assert [a.key for a in result] == ["a.txt", "c.jsonl#r1", "c.jsonl#r2"]
    assert [len(a.findings) for a in result] == [1, 0, 1]
    assert document_key(two) == "c.jsonl#r2"


def test_tracking_pair_view_and_the_original_lists_its_rewrites():
    original = "The council approved the budget on Tuesday after a long debate.\n"
    rewrite = "Budget news\nIn a stunning move, the council approved the budget on Tuesday.\n"
    docs = [
        Document("b.txt", rewrite, segment(rewrite)),
        Document("orig.txt", original, segment(original)),
    ]
    info = TrackingInfo("orig.txt", original, score=0.8731, label="tracks-original")
    data = report_data(articles(docs, [], {"b.txt": info}), RULES)
    rows = {row[1]: row for row in data.index["rows"]}
    assert rows["b.txt"][7:9] == [0.873, "tracks-original"]
    assert rows["orig.txt"][7:9] == [None, "original"]
    rewritten, source = data.articles
    pair = rewritten["tracking"]["pair"]
    assert rewritten["tracking"]["n"] == 1 and rewritten["tracking"]["score"] == 0.8731
    (r_start, r_end, o_start, o_end) = pair["shared"][0]
    assert rewrite[r_start:r_end] == "the council approved the budget on Tuesday"
    assert original[o_start:o_end] == "The council approved the budget on Tuesday"
    assert pair["summary"] == (
        "2 of the rewrite's 2 sentences follow a passage of the original (at least 50% of their "
        "content words are there). 1 shared passage of 5 or more words cover 7 of the rewrite's "
        "13 words (54%)."
    )
    # the headline line is a sentence of its own; the second line follows the original's one
    assert [rewrite[a:b] for a, b in pair["sentences"]["rewrite"]] == [
        "Budget news",
        "In a stunning move, the council approved the budget on Tuesday.",
    ]
    assert pair["links"] == [[0, 0, 0, 0.5], [1, 0, 0, 0.67]]  # 1 of 2 content words, 4 of 6
    assert source["rewrites"] == [[0, "b.txt", 0.8731, "tracks-original"]]
    assert "tracking" not in source


def test_duplicate_links_to_the_first_copy():
    first = Document("x/first.txt", TEXT, segment(TEXT))
    copy = Document("y/copy.txt", TEXT, segment(TEXT))
    dup = Finding(
        "y/copy.txt",
        2,
        1,
        2,
        9,
        "dup",
        Severity.ERROR,
        "copies x/first.txt:2",
        9,
        30,
        {"first": {"path": "x/first.txt", "line": 2, "column": 1}},
    )
    inside = Finding(
        "x/first.txt",
        2,
        1,
        2,
        9,
        "dup",
        Severity.ERROR,
        "m",
        9,
        30,
        {"first": {"path": "x/first.txt", "line": 1, "column": 1}},
    )
    data = report_data(articles([first, copy], [dup, inside], {}), RULES)
    assert data.articles[1]["findings"][0][5] == [0, 2, "x/first.txt", 0]
    assert data.articles[0]["findings"][0][5] == [0, 1, "x/first.txt", 1]  # same article
    assert [r[9] for r in data.index["rows"]] == ["x", "y"]


def test_report_is_byte_identical_across_runs_and_offline(tmp_path):
    document = Document("a.txt", TEXT, segment(TEXT))
    info = TrackingInfo("o.txt", TEXT, 0.5, "x")
    built = articles([document], [finding(0, 7), finding(4, 9)], {"a.txt": info})
    first = write_report(tmp_path / "one", built, RULES)
    second = write_report(tmp_path / "two", built, RULES)
    assert [p.relative_to(tmp_path / "one").as_posix() for p in first] == [
        "index.html",
        "article.html",
        "report.css",
        "index.js",
        "article.js",
        "data/rules.js",
        "data/articles-000.js",
    ]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
        assert "http://" not in a.read_text() and "https://" not in a.read_text()


def test_a_rebuild_removes_stale_files_and_old_pages(tmp_path):
    many = [Document(f"a{i}.txt", TEXT, segment(TEXT)) for i in range(120)]
    write_report(tmp_path, articles(many, [], {}), RULES, key="k1")
    assert (tmp_path / "data/articles-002.js").is_file()
    assert up_to_date(tmp_path, "k1") and not up_to_date(tmp_path, "k2")
    old = tmp_path / "seeds_a.txt.html"
    old.write_text(
        '<!DOCTYPE html>\n<html>\n<head>\n<meta name="generator" content="newslint 0.1.0">'
    )
    mine = tmp_path / "notes.html"
    mine.write_text("<p>the editor's own notes</p>")
    write_report(tmp_path, articles(many[:10], [], {}), RULES, key="k2")
    assert not (tmp_path / "data/articles-002.js").exists() and not old.exists()
    assert mine.exists()  # not ours: left alone
    assert json.loads((tmp_path / MANIFEST).read_text())["key"] == "k2"


def test_a_paraphrase_is_aligned_sentence_by_sentence():
    """A close paraphrase shares few five-word runs, but each of its sentences is linked to the
    original sentence it restates, with the share of its content words found there."""
    original = (
        "Flood defences in Marbury failed on Tuesday night after two days of heavy rain.\n\n"
        "About 300 residents were forced from their homes, the county council said.\n\n"
        "The council opened an emergency shelter at the leisure centre.\n"
    )
    rewrite = (
        "After two days of torrential rain, flood defences in Marbury gave way late on Tuesday.\n\n"
        "An emergency shelter has been set up at the town's leisure centre by the council.\n\n"
        "The county council said some 300 people had to leave their homes.\n"
    )
    docs = [Document("r.txt", rewrite, segment(rewrite))]
    info = TrackingInfo("o.txt", original, score=0.7, label="tracks-original")
    (record,) = report_data(articles(docs, [], {"r.txt": info}), RULES).articles
    pair = record["tracking"]["pair"]
    links = {r: (first, last, similarity) for r, first, last, similarity in pair["links"]}
    assert {r: (first, last) for r, (first, last, _) in links.items()} == {
        0: (0, 0),
        1: (2, 2),
        2: (1, 1),
    }  # in its own order: the third rewrite sentence restates the second original one
    assert all(similarity >= 0.5 for _, _, similarity in links.values())
    assert pair["summary"].startswith("3 of the rewrite's 3 sentences follow a passage")
    assert pair["shared"] == []  # no five-word run in common
