"""The report's two pages as strings: the index (summary, charts, triage table) and the one
article viewer. Both are shells the scripts fill from the JSON data (see :mod:`lint.html.data`).

Everything the user wrote (text, messages, paths) is escaped here or reaches the page as JSON
(with ``<``, ``>`` and ``&`` escaped) that the scripts only ever put into ``textContent``. CSS and
scripts are files beside the pages: a report opens from disk with no network.
"""

from __future__ import annotations

import importlib.resources
import json
from collections.abc import Sequence
from html import escape
from typing import Any

from lint import __version__
from lint.html.chart import histogram, rule_bars

NONE = "—"
UNREADABLE = "could not be read"
_PLURAL = ("errors", "warnings", "info")
_SINGULAR = ("error", "warning", "info")


def asset(name: str) -> str:
    """A static file shipped in ``lint/html`` (CSS or JS), as text."""
    return (importlib.resources.files("lint.html") / name).read_text(encoding="utf-8")


def to_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _page(title: str, body: str, scripts: Sequence[str], data: Any | None = None) -> str:
    inline = ""
    if data is not None:
        inline = f'<script type="application/json" id="report-data">{to_json(data)}</script>\n'
    tags = "".join(f'<script src="{escape(s)}"></script>\n' for s in scripts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="newslint {__version__}">\n'
        f'<title>{escape(title)}</title>\n<link rel="stylesheet" href="report.css">\n</head>\n'
        f"<body>\n{body}{inline}{tags}</body>\n</html>\n"
    )


def badges(counts: Sequence[int]) -> str:
    return " ".join(
        f'<span class="badge sev-{_SINGULAR[i]}">{n} {_PLURAL[i] if n != 1 else _SINGULAR[i]}'
        "</span>"
        for i, n in enumerate(counts)
    )


def _summary_rows(rules: Sequence[list[str]], by_rule: dict[str, list[int]]) -> str:
    order = sorted(by_rule, key=lambda r: ([-n for n in by_rule[r]], r))
    what = {r[0]: r[1] for r in rules}
    return "".join(
        f'<tr><td><button type="button" class="rule-link" data-rule="{escape(rule)}">'
        f"<code>{escape(rule)}</code></button></td>"
        + "".join(
            f'<td class="num sev-{_SINGULAR[i]}{"" if n else " zero"}">{n}</td>'
            for i, n in enumerate(by_rule[rule])
        )
        + f"<td>{escape(what.get(rule, ''))}</td></tr>\n"
        for rule in order
    )


def _unreadable(unread: Sequence[tuple[str, str]]) -> str:
    if not unread:
        return ""
    items = "".join(
        f'<li><span class="path">{escape(path)}</span> — {escape(why)}</li>\n'
        for path, why in unread
    )
    return (
        f'<section class="unreadable-files" id="unreadable"><h2>Files that {UNREADABLE} '
        f"({len(unread)})</h2>\n<ul>\n{items}</ul></section>\n"
    )


def _triage() -> str:
    heads = (
        ("path", "File", ""),
        ("headline", "Headline", ""),
        ("errors", "Errors", "num"),
        ("warnings", "Warnings", "num"),
        ("info", "Info", "num"),
        ("score", "Tracking score", "num"),
        ("label", "Tracking", ""),
    )
    cells = "".join(
        f'<th class="{cls}" aria-sort="none"><button type="button" class="sort"'
        f' data-sort="{key}">{text}</button></th>'
        for key, text, cls in heads
    )
    return (
        '<section class="triage" aria-label="Articles">\n<h2>Articles</h2>\n'
        '<div class="controls">'
        '<input type="search" id="search" placeholder="Search headlines and paths"'
        ' aria-label="Search headlines and paths">'
        '<label>Severity <select id="f-severity"><option value="">any</option>'
        '<option value="error">with errors</option><option value="warning">with warnings</option>'
        '<option value="info">with info</option><option value="clean">no findings</option>'
        "</select></label>"
        '<label>Rule <select id="f-rule"><option value="">any</option></select></label>'
        '<label>Folder <select id="f-folder"><option value="">any</option></select></label>'
        '<label>Tracking <select id="f-label"><option value="">any</option></select></label>'
        '<button type="button" id="worst">Worst first</button></div>\n'
        '<p class="shown" id="shown"></p>\n'
        f'<table class="files"><thead><tr>{cells}</tr></thead>\n<tbody id="rows"></tbody>'
        "</table>\n"
        '<nav class="pager" id="pager"><button type="button" id="prev">← previous</button>'
        '<span id="page"></span><button type="button" id="next">next →</button></nav>\n'
        "</section>\n"
    )


def index_page(
    index: dict[str, Any],
    by_rule: dict[str, list[int]],
    unread: Sequence[tuple[str, str]],
) -> str:
    """The index: totals, the rule summary and charts first, then the triage table."""
    rows = index["rows"]
    totals = [sum(r[4 + i] for r in rows) for i in range(3)]
    files = len({r[1] for r in rows})
    chart_rows = [(rule, counts) for rule, counts in by_rule.items()]
    per_article = [r[4] + r[5] + r[6] for r in rows if not r[11]]
    body = (
        '<header class="top"><h1>newslint report</h1>\n'
        f'<p class="meta">{len(rows)} articles in {files} files · {badges(totals)}</p>'
        '</header>\n<main class="index">\n'
        '<section class="summary" aria-label="Summary">\n'
        '<div class="charts"><figure><figcaption>Findings by rule</figcaption>'
        f"{rule_bars(chart_rows)}</figure>"
        "<figure><figcaption>Articles by number of findings</figcaption>"
        f"{histogram(per_article)}</figure></div>\n"
        '<h2>Findings by rule</h2>\n<table class="rules"><thead><tr><th>Rule</th>'
        '<th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th>'
        "<th>What it finds</th></tr></thead>\n"
        f"<tbody>\n{_summary_rows(index['rules'], by_rule)}</tbody></table>\n</section>\n"
        f"{_unreadable(unread)}{_triage()}</main>\n"
    )
    return _page("newslint report", body, ["index.js"], index)


def viewer_page() -> str:
    """The article viewer: ``article.html#N`` renders article number N from the data files."""
    body = (
        '<header class="top"><nav><a href="index.html">All articles</a>'
        '<a class="prev" id="nav-prev" hidden>← previous</a>'
        '<a class="next" id="nav-next" hidden>next →</a></nav>\n'
        '<h1 id="title">Loading…</h1>\n<p class="meta" id="meta"></p></header>\n'
        '<div class="layout">\n<main>\n<div id="banners"></div>\n'
        '<section id="rewrites" hidden></section>\n<div class="text" id="text"></div>\n'
        '<section class="compare" id="compare" hidden></section>\n</main>\n'
        '<aside class="side">\n'
        '<section id="panel" class="panel" hidden aria-live="polite">'
        '<button type="button" class="close" aria-label="Close">×</button>'
        '<div class="panel-body"></div></section>\n'
        '<section class="filters" id="filters" aria-label="Filters"></section>\n'
        '<p class="shown" id="shown"></p>\n<ol class="findings" id="findings"></ol>\n'
        "</aside>\n</div>\n"
    )
    return _page("newslint report", body, ["data/rules.js", "article.js"])


def data_script(callback: str, value: Any, call: bool = True) -> str:
    """A data file for the viewer: a script calling ``callback`` with the value, or assigning
    it (``call=False``); scripts, because a page opened from disk may not fetch files."""
    if not call:
        return f"{callback}{to_json(value)};\n"
    return f"{callback}({to_json(value)});\n"
