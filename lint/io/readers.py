"""Read .txt, .md (YAML front matter), .jsonl and .parquet files into Documents.

Each reader yields :class:`Document` values and :class:`Unreadable` values (one per file that
cannot be read or decoded, malformed JSONL line or invalid front matter, with the line it is on),
so one bad input never stops the others: the run reports each as an ``unreadable-file`` finding.
An empty document is a document (the ``empty-document`` rule reports it).

A Parquet file holds one article per row with the same field names as JSONL; each row is read as
the JSON object it would be on a JSONL line (its number, 1-based, stands for the line), so the two
formats share one record reader. pyarrow is imported only when a Parquet file is read; without it
the file is an ``unreadable-file`` finding that says what to install.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lint.core.document import Document, Span
from lint.core.terminal import escape_controls
from lint.errors import InputError
from lint.io.yamlload import load_yaml
from lint.text.segment import segment

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl", ".parquet"})
#: files of records, one document per JSONL line or Parquet row
RECORD_SUFFIXES = (".jsonl", ".parquet")
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


@dataclass(frozen=True)
class Unreadable:
    """Why a file, or one record of a JSONL file, could not be read into a document, and where
    (1-based line and column; a whole file's problem is at 1:1, a record's at its line)."""

    path: str
    reason: str  # what went wrong and what to do, one line, for the finding's message
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.reason}"


Result = Document | Unreadable


class DecodeError(InputError):
    """Bytes that are not UTF-8 text; ``reason`` says why without the path."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.reason = reason


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is dropped); binary or non-UTF-8 data raises :class:`DecodeError`."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DecodeError(path, "UTF-16 text (it starts with a UTF-16 BOM); save the file as UTF-8")
    nul = data.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise DecodeError(path, f"binary file (a NUL byte at byte {nul:,}), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        reason = f"cannot decode as UTF-8 at byte {err.start:,} ({err.reason})"
        reason += "; save the file as UTF-8"
        raise DecodeError(path, reason) from None
    return text.removeprefix("\ufeff")


class NotRegularFile(OSError):
    """A path that is a FIFO, a device or a socket: never read (a FIFO would block forever)."""


_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def open_regular(path: str | os.PathLike[str]) -> int:
    """A read-only descriptor of ``path``, which must be a regular file (symbolic links are
    followed). Opening never blocks: a FIFO is opened non-blocking, seen for what it is and closed.
    Raises :class:`NotRegularFile` or another :class:`OSError`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise NotRegularFile(f"{what}, not a regular file; skipped")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file ``path`` (see :func:`open_regular`)."""
    with os.fdopen(open_regular(path), "rb") as handle:
        return handle.read()


def display_name(path: Path | str) -> str:
    """``path`` as findings show it: ``/``-separated, bytes that are not UTF-8 (a file name from
    another system) as ``\\xNN`` and control characters escaped, so that printing a name can
    neither fail nor move the terminal's cursor."""
    name = path.as_posix() if isinstance(path, Path) else path
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
        name = raw.decode("utf-8", "backslashreplace")
    return escape_controls(name)


OUTSIDE_LINK = "a symbolic link to a file outside the corpus folder; not followed"


def is_outside_link(path: Path) -> bool:
    """Whether discovery marked ``path`` as a link out of the corpus (see lint.io.discover)."""
    return type(path).__name__ == "LinkOutside"


def cannot_read(err: OSError) -> str:
    if isinstance(err, NotRegularFile):
        return str(err)
    return f"cannot read the file ({err.strerror or err})"


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


_SURROGATE = re.compile("[\ud800-\udfff]")


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
