"""Build the report's pages as strings: the index and one page per article.

Everything the user wrote (text, messages, paths) is escaped; data for the page script travels as
JSON with ``<``, ``>`` and ``&`` escaped, and the script only ever sets ``textContent``. CSS and JS
are inlined so a page opens from disk with no network.
"""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from lint import __version__
from lint.core.document import Document
from lint.core.finding import Finding, Severity
from lint.html.model import Article, TrackingInfo
from lint.html.shared import SharedPassage, shared_passages, words
from lint.html.spans import Segment, segments

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
NONE = "—"
UNREADABLE = "could not be read"


def asset(name: str) -> str:
    """A static file shipped in ``lint/html`` (CSS or JS), as text."""
    return (importlib.resources.files("lint.html") / name).read_text(encoding="utf-8")


def _json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _page(title: str, body: str, data: Any | None = None) -> str:
    script = ""
    if data is not None:
        script = (
            f'<script type="application/json" id="report-data">{_json(data)}</script>\n'
            f"<script>\n{asset('report.js')}</script>\n"
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="newslint {__version__}">\n'
        f"<title>{escape(title)}</title>\n<style>\n{asset('report.css')}</style>\n</head>\n"
        f"<body>\n{body}{script}</body>\n</html>\n"
    )


def headline(document: Document) -> str:
    """The article's headline (one line), or its path when it has none."""
    block = document.headline
    text = " ".join(block.text.split()) if block else ""
    return text or document.path


def label(document: Document) -> str:
    """How the report names a document: its path, and the record for JSONL."""
    if document.record is None:
        return document.path
    return f"{document.path} (record {document.record})"


def score_text(tracking: TrackingInfo | None) -> str:
    return NONE if tracking is None or tracking.score is None else f"{tracking.score:.2f}"


def label_text(tracking: TrackingInfo | None) -> str:
    return NONE if tracking is None or not tracking.label else tracking.label


def _counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


_PLURAL = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}


def _badges(counts: Mapping[Severity, int]) -> str:
    return " ".join(
        f'<span class="badge sev-{s.label}">{counts[s]} '
        f"{_PLURAL[s] if counts[s] != 1 else s.label}</span>"
        for s in SEVERITIES
    )


# -- index ------------------------------------------------------------------------------------


def _headline_cell(article: Article) -> str:
    if article.unreadable:
        return f'<span class="none">{UNREADABLE}</span>'
    block = article.document.headline
    text = " ".join(block.text.split()) if block else ""
    return escape(text) if text else '<span class="none">no headline</span>'


def _index_row(article: Article, page: str) -> str:
    counts = _counts(article.findings)
    record = article.document.record
    record_cell = f' <span class="record">record {escape(record)}</span>' if record else ""
    cells = "".join(
        f'<td class="num sev-{s.label}{"" if counts[s] else " zero"}"'
        f' data-severity="{s.label}">{counts[s]}</td>'
        for s in SEVERITIES
    )
    return (
        f'<tr data-key="{escape(article.key)}">'
        f'<td class="file"><a href="{escape(page)}">{escape(article.document.path)}</a>'
        f"{record_cell}</td>"
        f'<td class="headline">{_headline_cell(article)}</td>{cells}'
        f'<td class="num score">{escape(score_text(article.tracking))}</td>'
        f'<td class="label">{escape(label_text(article.tracking))}</td></tr>\n'
    )


def _rule_rows(articles: Sequence[Article], rules: Mapping[str, Mapping[str, str]]) -> str:
    counts: dict[tuple[str, Severity], int] = {}
    for finding in (f for a in articles for f in a.findings):
        key = (finding.rule, finding.severity)
        counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda k: (-k[1], -counts[k], k[0]))
    return "".join(
        f'<tr><td><code>{escape(rule)}</code></td><td><span class="badge sev-{sev.label}">'
        f'{sev.label}</span></td><td class="num">{counts[(rule, sev)]}</td>'
        f"<td>{escape(rules.get(rule, {}).get('what', ''))}</td></tr>\n"
        for rule, sev in order
    )


def index_page(
    articles: Sequence[Article], pages: Sequence[str], rules: Mapping[str, Mapping[str, str]]
) -> str:
    """The index: one row per article with counts by severity and tracking score."""
    total = _counts(f for a in articles for f in a.findings)
    files = len({a.document.path for a in articles})
    rows = "".join(_index_row(a, p) for a, p in zip(articles, pages, strict=True))
    heads = "".join(f'<th class="num">{_PLURAL[s].capitalize()}</th>' for s in SEVERITIES)
    body = (
        '<header class="top"><h1>newslint report</h1>\n'
        f'<p class="meta">{len(articles)} articles in {files} files · {_badges(total)}</p>'
        '</header>\n<main class="index">\n'
        '<table class="files"><thead><tr><th>File</th><th>Headline</th>'
        f'{heads}<th class="num">Tracking score</th><th>Tracking</th></tr></thead>\n'
        f"<tbody>\n{rows}</tbody></table>\n"
        '<h2>Findings by rule</h2>\n<table class="rules"><thead><tr><th>Rule</th>'
        '<th>Severity</th><th class="num">Findings</th><th>What it finds</th></tr></thead>\n'
        f"<tbody>\n{_rule_rows(articles, rules)}</tbody></table>\n</main>\n"
    )
    return _page("newslint report", body)


# -- article ----------------------------------------------------------------------------------


def _tooltip(findings: Sequence[Finding], marks: Iterable[int]) -> str:
    return "\n".join(
        f"{findings[i].rule} [{findings[i].severity.label}] {findings[i].message}" for i in marks
    )


def _highlight_class(findings: Sequence[Finding], marks: Sequence[int], empty: bool) -> str:
    worst = max(findings[i].severity for i in marks)
    extra = (" hl-multi" if len(marks) > 1 else "") + (" hl-empty" if empty else "")
    return f"hl hl-{worst.label}{extra}"


def _segment_html(text: str, segment: Segment, findings: Sequence[Finding]) -> str:
    piece = escape(text[segment.start : segment.end], quote=False)
    if not segment.marks:
        return piece
    return (
        f'<span class="{_highlight_class(findings, segment.marks, segment.start == segment.end)}"'
        f' data-f="{" ".join(map(str, segment.marks))}" tabindex="0" role="button"'
        f' title="{escape(_tooltip(findings, segment.marks))}">{piece}</span>'
    )


def highlighted_text(text: str, findings: Sequence[Finding]) -> str:
    """``text`` escaped, with every finding's span wrapped in highlight elements."""
    cuts = segments(len(text), [(f.start, f.end) for f in findings])
    return "".join(_segment_html(text, s, findings) for s in cuts)


def _position(finding: Finding) -> str:
    line = finding.data.get("text_line", finding.line)
    column = finding.data.get("text_column", finding.column)
    return f"{line}:{column}"


def _finding_item(index: int, finding: Finding) -> str:
    sev = finding.severity.label
    return (
        f'<li id="f-{index}" class="finding sev-{sev}" data-i="{index}" data-severity="{sev}"'
        f' data-rule="{escape(finding.rule)}"><button type="button" class="goto">'
        f'<span class="where">{_position(finding)}</span> '
        f'<span class="badge sev-{sev}">{sev}</span> <code>{escape(finding.rule)}</code>'
        f'<span class="message">{escape(finding.message)}</span></button></li>\n'
    )


def _checkbox(kind: str, value: str, text: str, count: int) -> str:
    return (
        f'<label class="filter {kind}-{escape(value)}"><input type="checkbox" checked'
        f' data-filter="{kind}" value="{escape(value)}"> {text}'
        f' <span class="count">{count}</span></label>\n'
    )


def _filters(findings: Sequence[Finding]) -> str:
    counts = _counts(findings)
    by_rule: dict[str, int] = {}
    for finding in findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    severities = "".join(
        _checkbox("severity", s.label, f'<span class="badge sev-{s.label}">{s.label}</span>', n)
        for s, n in counts.items()
        if n
    )
    rules = "".join(
        _checkbox("rule", r, f"<code>{escape(r)}</code>", by_rule[r]) for r in sorted(by_rule)
    )
    return (
        '<section class="filters" aria-label="Filters">\n'
        f"<fieldset><legend>Severity</legend>\n{severities}</fieldset>\n"
        f"<fieldset><legend>Rule</legend>\n{rules}</fieldset>\n</section>\n"
    )


def _sidebar(findings: Sequence[Finding]) -> str:
    if not findings:
        return '<aside class="side"><p class="clean">No findings in this article.</p></aside>\n'
    items = "".join(_finding_item(i, f) for i, f in enumerate(findings))
    return (
        '<aside class="side">\n'
        '<section id="panel" class="panel" hidden aria-live="polite">'
        '<button type="button" class="close" aria-label="Close">×</button>'
        '<div class="panel-body"></div></section>\n'
        f"{_filters(findings)}"
        f'<p class="shown" id="shown">{len(findings)} of {len(findings)} findings shown</p>\n'
        f'<ol class="findings" id="findings">\n{items}</ol>\n</aside>\n'
    )


def _shared_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    parts = []
    for segment in segments(len(text), spans):
        piece = escape(text[segment.start : segment.end], quote=False)
        if segment.marks and segment.end > segment.start:
            marks = " ".join(map(str, segment.marks))
            parts.append(f'<mark class="shared" data-p="{marks}">{piece}</mark>')
        else:
            parts.append(piece)
    return "".join(parts)


def _coverage(passages: Sequence[SharedPassage], rewrite: str) -> str:
    total = len(words(rewrite))
    shared = sum(p.words for p in passages)
    share = f"{100 * shared / total:.0f}%" if total else NONE
    noun = "passage" if len(passages) == 1 else "passages"
    return (
        f"{len(passages)} shared {noun} of 5 or more words cover {shared} of the rewrite's "
        f"{total} words ({share})."
    )


def comparison(tracking: TrackingInfo, rewrite: str) -> str:
    """Original and rewrite side by side, shared word runs marked on both sides."""
    passages = shared_passages(tracking.original_text, rewrite)
    original_html = _shared_text(
        tracking.original_text, [(p.original.start, p.original.end) for p in passages]
    )
    rewrite_html = _shared_text(rewrite, [(p.rewrite.start, p.rewrite.end) for p in passages])
    return (
        '<section class="compare" id="compare">\n<h2>Original and rewrite</h2>\n'
        f'<p class="meta">{escape(_coverage(passages, rewrite))}</p>\n'
        f"{_reasons(tracking)}"
        '<div class="columns">\n'
        f'<div class="column"><h3>Original <span class="path">{escape(tracking.original_path)}'
        f'</span></h3>\n<div class="text original">{original_html}</div></div>\n'
        '<div class="column"><h3>Rewrite</h3>\n'
        f'<div class="text rewrite">{rewrite_html}</div></div>\n</div>\n</section>\n'
    )


def _reasons(tracking: TrackingInfo) -> str:
    """Why the score is what it is: the baseline, then one sentence per driver."""
    if not tracking.reasons:
        return ""
    baseline = (
        ""
        if tracking.baseline is None
        else f" (baseline {tracking.baseline:.2f}: a pair halfway between a typical derived and"
        " a typical non-derived one)"
    )
    items = "".join(f"<li>{escape(reason)}</li>" for reason in tracking.reasons)
    return (
        f'<div class="reasons"><p>Tracking score {escape(score_text(tracking))}'
        f"{escape(baseline)}, strongest reasons first:</p>\n<ul>{items}</ul></div>\n"
    )


def _tracking_line(tracking: TrackingInfo | None) -> str:
    if tracking is None:
        return f'<span class="tracking">Tracking score {NONE}</span>'
    return (
        f'<span class="tracking">Tracking score <strong class="score">'
        f'{escape(score_text(tracking))}</strong> · <span class="label">'
        f"{escape(label_text(tracking))}</span> · original "
        f'<a href="#compare">{escape(tracking.original_path)}</a></span>'
    )


def _rule_docs(
    findings: Sequence[Finding], rules: Mapping[str, Mapping[str, str]]
) -> dict[str, dict[str, str]]:
    return {
        rule: {
            "what": rules.get(rule, {}).get("what", ""),
            "why": rules.get(rule, {}).get("why", ""),
        }
        for rule in sorted({f.rule for f in findings})
    }


def _text(article: Article) -> str:
    """The article's text with its findings highlighted; for an unreadable file, a note."""
    if article.unreadable:
        note = f"This file {UNREADABLE}; the findings say why. Nothing else in it was checked."
        if article.document.path.endswith(".jsonl"):
            note = (
                f"Records of this file {UNREADABLE}; the findings give their lines and why. "
                "The other records have pages of their own."
            )
        return f'<div class="text unreadable" id="text"><p>{note}</p></div>\n'
    highlighted = highlighted_text(article.document.text, article.findings)
    return f'<div class="text" id="text">{highlighted}</div>\n'


def article_page(
    article: Article,
    rules: Mapping[str, Mapping[str, str]],
    neighbours: tuple[str | None, str | None] = (None, None),
) -> str:
    """One article: highlighted text, finding list with filters, and the original beside it."""
    document, findings = article.document, article.findings
    title = headline(document)
    nav = "".join(
        f'<a class="{cls}" href="{escape(page)}">{text}</a>'
        for cls, page, text in (
            ("prev", neighbours[0], "← previous"),
            ("next", neighbours[1], "next →"),
        )
        if page
    )
    body = (
        '<header class="top"><nav><a href="index.html">All files</a>'
        f"{nav}</nav>\n<h1>{escape(title)}</h1>\n"
        f'<p class="meta"><span class="path">{escape(label(document))}</span> · '
        f"{_badges(_counts(findings))} · {_tracking_line(article.tracking)}</p></header>\n"
        '<div class="layout">\n<main>\n'
        f"{_text(article)}"
        f"{comparison(article.tracking, document.text) if article.tracking else ''}"
        f"</main>\n{_sidebar(findings)}</div>\n"
    )
    data = {
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity.label,
                "message": f.message,
                "where": _position(f),
            }
            for f in findings
        ],
        "rules": _rule_docs(findings, rules),
    }
    return _page(f"{title} · newslint report", body, data)
