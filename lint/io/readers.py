"""Read .txt, .md (YAML front matter) and .jsonl files into Documents.

Each reader yields :class:`Document` values and :class:`InputError` values (one per unreadable file
or malformed JSONL line) so one bad input never stops the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lint.core.document import Document, Span
from lint.errors import InputError
from lint.io.yamlload import load_yaml
from lint.text.segment import segment

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl"})
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_TITLE_LINE = re.compile(r"^title:[ \t]*(['\"]?)(.*?)\1[ \t]*\r?$", re.M)


@dataclass(frozen=True)
class JsonlFields:
    """Which JSONL keys hold each value; the first key present wins."""

    id: tuple[str, ...] = ("id",)
    title: tuple[str, ...] = ("title", "headline")
    text: tuple[str, ...] = ("text", "body")
    source_id: tuple[str, ...] = ("source_id",)
    directives: tuple[str, ...] = ("newslint",)  # suppression field, see lint/directives.py


Result = Document | InputError


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped); binary or non-UTF-8 data raises InputError."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (NUL byte), skipped")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}), skipped"
        ) from None
    return text.removeprefix("\ufeff")


def read_path(path: Path, fields: JsonlFields | None = None) -> Iterator[Result]:
    """Documents of one file, or the errors that kept them from being read."""
    name = path.as_posix()
    try:
        if path.suffix == ".jsonl":
            yield from read_jsonl(name, path, fields or JsonlFields())
            return
        data = path.read_bytes()
    except OSError as err:
        yield InputError(f"{name}: cannot read ({err.strerror or err})")
        return
    yield read_file_bytes(name, data)


def read_file_bytes(name: str, data: bytes) -> Result:
    """The document of one .txt or .md file's bytes (the name's extension picks the reader)."""
    try:
        text = decode(name, data)
    except InputError as err:
        return err
    return parse(name, text)


def parse(name: str, text: str) -> Result:
    """The document of a decoded .txt or .md file (also used to re-read a fixed text)."""
    if not text.strip():
        return InputError(f"{name}: empty file, nothing to lint")
    if name.endswith((".md", ".markdown")):
        return read_markdown(name, text)
    return Document(name, text, segment(text))


def read_markdown(name: str, text: str) -> Document | InputError:
    """A Markdown article; YAML front matter gives metadata and the headline (``title``)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return Document(name, text, segment(text))
    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f":{mark.line + 2}" if mark else ""
        return InputError(f"{name}{line}: invalid YAML front matter, skipped")
    if not isinstance(meta, Mapping):
        return InputError(f"{name}:2: front matter is not a mapping, skipped")
    title = _TITLE_LINE.search(text, 0, match.end())
    title_span = Span(title.start(2), title.end(2)) if title and title.group(2) else None
    return Document(name, text, segment(text, match.end(), title_span), metadata=dict(meta))


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[k] for k in keys if record.get(k) is not None), None)


def read_jsonl(name: str, path: Path, fields: JsonlFields) -> Iterator[Result]:
    """One Document per JSONL record, streamed line by line; the headline is the title field."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield read_jsonl_line(name, number, raw, fields)


def read_jsonl_line(name: str, number: int, raw: bytes, fields: JsonlFields) -> Result:
    """The document of line ``number`` (1-based) of a JSONL file."""
    try:
        record = json.loads(decode(f"{name}:{number}", raw))
    except InputError as err:
        return err
    except json.JSONDecodeError as err:
        return InputError(f"{name}:{number}: malformed JSON ({err.msg}), record skipped")
    return _record_document(name, number, record, fields)


def _record_document(
    name: str, number: int, record: Any, fields: JsonlFields
) -> Document | InputError:
    if not isinstance(record, Mapping):
        return InputError(f"{name}:{number}: record is not a JSON object, skipped")
    body = _first(record, fields.text)
    if not isinstance(body, str):
        keys = "/".join(fields.text)
        return InputError(f"{name}:{number}: record has no text field ({keys}), skipped")
    title = _first(record, fields.title)
    record_id = _first(record, fields.id)
    head = f"{title}\n\n" if isinstance(title, str) and title.strip() else ""
    text = head + body
    title_span = Span(0, len(title)) if head and isinstance(title, str) else None
    meta = {k: v for k, v in record.items() if k not in fields.text}
    source = _first(record, fields.source_id)
    if source is not None:
        meta["source"] = source
    return Document(
        name,
        text,
        segment(text, len(head), title_span),
        metadata=meta,
        line_offset=number,
        record=str(record_id) if record_id is not None else f"line {number}",
    )
