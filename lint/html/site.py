"""Write the report: a few files, whatever the number of articles, and nothing stale.

``index.html`` (summary, charts, triage table), ``article.html`` (the one viewer, ``#N`` for
article N), ``report.css``, ``index.js``, ``article.js``, ``data/rules.js`` and
``data/articles-NNN.js`` (50 articles each). A manifest (``.newslint-report.json``) lists the files
written and the key of the inputs they were built from: a rebuild removes the files an earlier run
wrote that this one does not, and a report whose key has not changed is left as it is. Pages of the
earlier one-page-per-article layout (``*.html`` carrying newslint's generator tag) are removed too.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from lint.errors import OutputError
from lint.html.data import SEVERITY_INDEX, report_data
from lint.html.model import Article
from lint.html.page import asset, data_script, index_page, viewer_page
from lint.io.atomic import write_atomic

INDEX = "index.html"
VIEWER = "article.html"
MANIFEST = ".newslint-report.json"
ASSETS = ("report.css", "index.js", "article.js")
_GENERATOR = '<meta name="generator" content="newslint'


class ReportError(OutputError):
    """The report folder cannot be created or written (exit 2)."""


def article_link(number: int) -> str:
    """Where article ``number`` opens."""
    return f"{VIEWER}#{number}"


def _by_rule(articles: Sequence[Article]) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for finding in (f for a in articles for f in a.findings):
        counts.setdefault(finding.rule, [0, 0, 0])[SEVERITY_INDEX[finding.severity]] += 1
    return counts


def _unread(articles: Sequence[Article]) -> list[tuple[str, str]]:
    return [
        (a.document.path, a.findings[0].message if a.findings else "")
        for a in articles
        if a.unreadable
    ]


def build_files(
    articles: Sequence[Article],
    rules: Mapping[str, Mapping[str, str]],
    document_rules: Collection[str] = (),
) -> dict[str, str]:
    """Every file of the report (relative name -> text), index first."""
    data = report_data(articles, rules, document_rules)
    files = {
        INDEX: index_page(data.index, _by_rule(articles), _unread(articles)),
        VIEWER: viewer_page(),
    }
    files.update({name: asset(name) for name in ASSETS})
    meta = {
        "rules": data.index["rules"],
        "severities": data.index["severities"],
        "count": len(articles),
        "chunk": data.index["chunk"],
    }
    files["data/rules.js"] = data_script("window.newslintMeta = ", meta, call=False)
    chunk = data.index["chunk"]
    for start in range(0, len(data.articles), chunk):
        name = f"data/articles-{start // chunk:03d}.js"
        files[name] = data_script("newslintArticles", data.articles[start : start + chunk])
    return files


def _manifest(directory: Path) -> dict[str, object]:
    try:
        value = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def up_to_date(directory: Path, key: str) -> bool:
    """Whether ``directory`` holds a complete report built from inputs with this ``key``."""
    manifest = _manifest(directory)
    files = manifest.get("files")
    return (
        manifest.get("key") == key
        and isinstance(files, list)
        and all((directory / str(name)).is_file() for name in files)
    )


def has_manifest(directory: Path) -> bool:
    return bool(_manifest(directory))


def _stale(directory: Path, written: Collection[str]) -> list[Path]:
    """Files an earlier report wrote that this one did not."""
    earlier = _manifest(directory).get("files")
    names = {str(n) for n in earlier} if isinstance(earlier, list) else set()
    stale = [directory / n for n in sorted(names - set(written)) if "/.." not in f"/{n}"]
    for page in sorted(directory.glob("*.html")):
        if page.name not in written and page not in stale:
            try:
                with page.open(encoding="utf-8", errors="replace") as handle:
                    head = handle.read(600)
            except OSError:
                continue
            if _GENERATOR in head:
                stale.append(page)
    return stale


def write_report(
    directory: Path,
    articles: Sequence[Article],
    rules: Mapping[str, Mapping[str, str]],
    document_rules: Collection[str] = (),
    key: str = "",
) -> list[Path]:
    """Write the report into ``directory`` (created if needed); remove what an earlier report
    left that this one does not write. ``rules`` maps rule id to its docs (``what``, ``why``);
    ``document_rules`` are the rules whose findings are about a whole article (banners).
    Returns the files written, index first. A folder that cannot be written, or is a symbolic
    link, raises :class:`ReportError`; a file that exists as a symbolic link is replaced, never
    written through (the atomic write renames over the link)."""
    files = build_files(articles, rules, document_rules)
    if directory.is_symlink():  # never write through a link, wherever it points
        raise ReportError(f"{directory.as_posix()}: is a symbolic link; give the real folder")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "data").mkdir(exist_ok=True)
        stale = _stale(directory, files)
        for name, text in files.items():
            write_atomic(directory / name, text)
        for path in stale:
            path.unlink(missing_ok=True)
        manifest = {"files": sorted(files), "key": key}
        write_atomic(directory / MANIFEST, json.dumps(manifest, indent=1) + "\n")
    except OSError as err:
        where = err.filename or directory
        raise ReportError(
            f"{Path(where).as_posix()}: cannot write the report ({err.strerror or err})"
        ) from None
    return [directory / name for name in files]
