"""Write the report: ``index.html`` and one page per article, with stable, safe file names."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from lint.errors import OutputError
from lint.html.model import Article
from lint.html.page import article_page, index_page
from lint.io.atomic import write_atomic

INDEX = "index.html"


class ReportError(OutputError):
    """The report folder cannot be created or written (exit 2)."""


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _stem(article: Article) -> str:
    document = article.document
    path = document.path
    for prefix in ("./", "../"):
        while path.startswith(prefix):
            path = path[len(prefix) :]
    if document.record is not None:
        path = f"{path}-{document.record}"
    stem = _UNSAFE.sub("_", path).strip("._-")[:120]
    return stem or "article"


def page_names(articles: Sequence[Article]) -> list[str]:
    """One ``<safe-name>.html`` per article, unique even on a case-insensitive file system."""
    taken = {INDEX.casefold()}
    names = []
    for article in articles:
        stem = _stem(article)
        name, number = f"{stem}.html", 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem}-{number}.html"
        taken.add(name.casefold())
        names.append(name)
    return names


def write_report(
    directory: Path, articles: Sequence[Article], rules: Mapping[str, Mapping[str, str]]
) -> list[Path]:
    """Write the index and the article pages into ``directory`` (created if needed).

    ``rules`` maps rule id to its docs (``what``, ``why``). Returns the written files, index first.
    Pages are built before anything is written; a folder that cannot be written, or is a symbolic
    link, raises :class:`ReportError`. A page that exists as a symbolic link is replaced by the
    page, never written through (the atomic write renames over the link).
    """
    names = page_names(articles)
    pages = {INDEX: index_page(articles, names, rules)}
    for number, (article, name) in enumerate(zip(articles, names, strict=True)):
        previous = names[number - 1] if number else None
        following = names[number + 1] if number + 1 < len(names) else None
        pages[name] = article_page(article, rules, (previous, following))
    if directory.is_symlink():  # never write through a link, wherever it points
        raise ReportError(f"{directory.as_posix()}: is a symbolic link; give the real folder")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, page in pages.items():
            write_atomic(directory / name, page)
    except OSError as err:
        where = err.filename or directory
        raise ReportError(
            f"{Path(where).as_posix()}: cannot write the report ({err.strerror or err})"
        ) from None
    return [directory / name for name in pages]
