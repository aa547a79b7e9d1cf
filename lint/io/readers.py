"""Read .txt, .md (YAML front matter), .jsonl and .parquet files into Documents.

Each reader yields :class:`Document` values and :class:`Unreadable` values (one per file that
cannot be read or decoded, malformed JSONL line or invalid front matter, with the line it is on),
so one bad input never stops the others: the run reports each as an ``unreadable-file`` finding.
An empty document is a document (the ``empty-document`` rule reports it).

This module picks the reader by extension and reads .txt and .md (front matter) itself; JSONL and
Parquet records are read in lint.io.records, and the safe opening and decoding all readers share
is lint.io.files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from lint.core.document import Document, Span
from lint.io.files import (
    OUTSIDE_LINK,
    DecodeError,
    Result,
    Unreadable,
    cannot_read,
    decode,
    display_name,
    is_outside_link,
    read_regular,
)
from lint.io.records import JsonlFields, read_jsonl, read_parquet
from lint.text.segment import segment

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl", ".parquet"})
#: files of records, one document per JSONL line or Parquet row
RECORD_SUFFIXES = (".jsonl", ".parquet")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_TITLE_LINE = re.compile(r"^title:[ \t]*(['\"]?)(.*?)\1[ \t]*\r?$", re.M)


def read_path(path: Path, fields: JsonlFields | None = None) -> Iterator[Result]:
    """Documents of one file, or what kept them from being read."""
    name = display_name(path)
    if is_outside_link(path):
        yield Unreadable(name, OUTSIDE_LINK)
        return
    try:
        if path.suffix == ".jsonl":
            yield from read_jsonl(name, path, fields or JsonlFields())
            return
        data = read_regular(path)
        if path.suffix == ".parquet":
            yield from read_parquet(name, data, fields or JsonlFields())
            return
    except OSError as err:
        yield Unreadable(name, cannot_read(err))
        return
    yield read_file_bytes(name, data)


def read_file_bytes(name: str, data: bytes) -> Result:
    """The document of one .txt or .md file's bytes (the name's extension picks the reader)."""
    try:
        text = decode(name, data)
    except DecodeError as err:
        return Unreadable(name, err.reason)
    return parse(name, text)


def parse(name: str, text: str) -> Result:
    """The document of a decoded .txt or .md file (also used to re-read a fixed text)."""
    if name.endswith((".md", ".markdown")):
        return read_markdown(name, text)
    return Document(name, text, segment(text))


def read_markdown(name: str, text: str) -> Result:
    """A Markdown article; YAML front matter gives metadata and the headline (``title``)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return Document(name, text, segment(text))
    import yaml  # only for front matter: a plain article's start-up does not load PyYAML

    from lint.io.yamlload import load_yaml

    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "not valid YAML"
        line, column = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        reason = f"invalid YAML front matter ({problem}); fix it to lint the article"
        return Unreadable(name, reason, line, column)
    if not isinstance(meta, Mapping):
        reason = "the front matter is not a mapping of keys to values; fix it to lint the article"
        return Unreadable(name, reason, 2, 1)
    title = _TITLE_LINE.search(text, 0, match.end())
    title_span = Span(title.start(2), title.end(2)) if title and title.group(2) else None
    return Document(name, text, segment(text, match.end(), title_span), metadata=dict(meta))
