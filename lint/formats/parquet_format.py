"""Parquet: one row per finding with the columns of ``--format json`` (``data`` as a JSON
string, its keys varying by rule), for a data team's query engine (DuckDB, Spark, pandas).

Binary, so it is written to ``--output FILE`` only (a ``.parquet`` output file picks this format
when ``--format`` is not given). Needs pyarrow (``pip install "newslint[parquet]"``; the ``ray``
extra brings it too), imported only when this format is chosen.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

from lint.core.finding import Finding
from lint.errors import OutputError
from lint.formats.report import Report

COLUMNS = (
    ("path", "string"),
    ("line", "int64"),
    ("column", "int64"),
    ("end_line", "int64"),
    ("end_column", "int64"),
    ("rule", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("data", "string"),
)
NO_PYARROW = '--format parquet needs pyarrow (pip install "newslint[parquet]")'


def table(findings: Sequence[Finding]) -> dict[str, list[object]]:
    """The findings as columns, in their order."""
    rows = [f.as_dict() for f in findings]
    columns: dict[str, list[object]] = {name: [r[name] for r in rows] for name, _ in COLUMNS}
    columns["data"] = [json.dumps(r["data"], ensure_ascii=False, sort_keys=True) for r in rows]
    return columns


def render_bytes(findings: Sequence[Finding], report: Report) -> bytes:
    """The Parquet file's bytes (the same bytes for the same findings and pyarrow)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise OutputError(NO_PYARROW) from None
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in COLUMNS])
    buffer = io.BytesIO()
    pq.write_table(pa.table(table(findings), schema=schema), buffer, compression="zstd")
    return buffer.getvalue()
