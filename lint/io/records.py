"""JSONL and Parquet files: one article per record, one Document (or Unreadable) per record.

A JSONL line is one JSON object; :class:`JsonlFields` says which keys hold the id, headline,
text, source and suppression directives. A Parquet file holds one article per row with the same
field names as JSONL; each row is read as the JSON object it would be on a JSONL line (its
number, 1-based, stands for the line), so the two formats share one record reader. pyarrow is
imported only when a Parquet file is read; without it the file is an ``unreadable-file`` finding
that says what to install.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.core.document import Document, Span
from lint.errors import InputError
from lint.io.files import DecodeError, Result, Unreadable, decode, open_regular
from lint.text.segment import segment

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class JsonlFields:
    """Which JSONL keys hold each value; the first key present wins."""

    id: tuple[str, ...] = ("id",)
    title: tuple[str, ...] = ("title", "headline")
    text: tuple[str, ...] = ("text", "body")
    source_id: tuple[str, ...] = ("source_id",)
    directives: tuple[str, ...] = ("newslint",)  # suppression field, see lint/directives.py


def _first(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    return next((record[k] for k in keys if record.get(k) is not None), None)


def read_jsonl(name: str, path: Path, fields: JsonlFields) -> Iterator[Result]:
    """One Document per JSONL record, streamed line by line; the headline is the title field."""
    with os.fdopen(open_regular(path), "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield read_jsonl_line(name, number, raw, fields)


def read_jsonl_line(name: str, number: int, raw: bytes, fields: JsonlFields) -> Result:
    """The document of line ``number`` (1-based) of a JSONL file."""
    try:
        record = json.loads(decode(f"{name}:{number}", raw))
    except DecodeError as err:
        return Unreadable(name, err.reason, number)
    except json.JSONDecodeError as err:
        reason = f"malformed JSON ({err.msg} at column {err.colno}); the record was not linted"
        return Unreadable(name, reason, number)
    except RecursionError:
        reason = "JSON nested too deeply; the record was not linted"
        return Unreadable(name, reason, number)
    return _record_document(name, number, record, fields)


class ParquetError(InputError):
    """A Parquet file that cannot be read (or pyarrow is missing); ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


NO_PYARROW = (
    'reading Parquet needs pyarrow (pip install "newslint[parquet]"); the file was not linted'
)


def _json_value(value: Any) -> Any:
    """A Parquet value JSON cannot hold as it is: bytes as UTF-8 text, others as ``str``."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    return str(value)


def parquet_rows(data: bytes) -> Iterator[tuple[int, bytes]]:
    """``(row number, the row as a JSON object's bytes)`` for every row of a Parquet file's
    ``data``, streamed a record batch at a time; raises :class:`ParquetError`."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ParquetError(NO_PYARROW) from None
    try:
        parquet = pq.ParquetFile(pa.BufferReader(data))
        number = 0
        for batch in parquet.iter_batches(batch_size=1024):
            for row in batch.to_pylist():
                number += 1
                raw = json.dumps(row, ensure_ascii=False, default=_json_value)
                yield number, raw.encode("utf-8")
    except (pa.ArrowException, OSError, ValueError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ParquetError(f"cannot read as Parquet ({first}); the file was not linted") from None


def read_parquet(name: str, data: bytes, fields: JsonlFields) -> Iterator[Result]:
    """One Document per row of a Parquet file, read as a JSONL record (the row number for the
    line); a file that cannot be read is one :class:`Unreadable` after the rows read before."""
    try:
        for number, raw in parquet_rows(data):
            yield read_jsonl_line(name, number, raw, fields)
    except ParquetError as err:
        yield Unreadable(name, err.reason)


def clean(value: str) -> str:
    """``value`` with lone surrogates (a JSON ``"\\ud800"`` escape) as U+FFFD: they are no text,
    and no encoder can write them. One code point for one, so offsets stay."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def _cleaned(value: Any) -> Any:
    return clean(value) if isinstance(value, str) else value


def _record_document(name: str, number: int, record: Any, fields: JsonlFields) -> Result:
    if not isinstance(record, Mapping):
        reason = "the record is not a JSON object; the record was not linted"
        return Unreadable(name, reason, number)
    body = _first(record, fields.text)
    if not isinstance(body, str):
        keys = " or ".join(f'"{key}"' for key in fields.text)
        reason = f"the record has no text field ({keys}); the record was not linted"
        return Unreadable(name, reason, number)
    body = clean(body)
    title = _cleaned(_first(record, fields.title))
    record_id = _cleaned(_first(record, fields.id))
    head = f"{title}\n\n" if isinstance(title, str) and title.strip() else ""
    text = head + body
    title_span = Span(0, len(title)) if head and isinstance(title, str) else None
    meta = {clean(k): _cleaned(v) for k, v in record.items() if k not in fields.text}
    source = _cleaned(_first(record, fields.source_id))
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
