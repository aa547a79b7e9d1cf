"""Where a finding is and what it says: line and column of a span in a document (line indexes
made once per document) and the message template filled in on one line."""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from typing import Any

from lint.core.document import LineIndex, Span
from lint.core.kept import Kept, Linted


class Positions:
    """Line indexes computed once per document (held with the document, so its id stays unique);
    a kept document brings its own."""

    def __init__(self) -> None:
        self._indexes: dict[int, tuple[Linted, LineIndex]] = {}

    def of(self, document: Linted, offset: int) -> tuple[int, int]:
        entry = self._indexes.get(id(document))
        if entry is None:
            lines = (
                document.line_index() if isinstance(document, Kept) else LineIndex.of(document.text)
            )
            entry = self._indexes[id(document)] = (document, lines)
        return entry[1].position(offset)

    def location(self, document: Linted, span: Span) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) as reported for ``span`` in ``document``."""
        if document.record is not None:  # a JSONL record: report the line it sits on
            return document.line_offset, 1, document.line_offset, 1
        line, column = self.of(document, span.start)
        end_line, end_column = self.of(document, span.end)
        return line, column, end_line, end_column


class MessageFormatter(string.Formatter):
    """Formats messages; a missing value shows as ``{name}`` instead of failing, and white space
    in values (a figure wrapped over two lines) is folded so a message stays on one line; a value
    opening with a space (an optional clause, empty when it does not apply) keeps one."""

    def format_field(self, value: Any, format_spec: str) -> str:
        text = super().format_field(value, format_spec)
        folded = " ".join(text.split())
        return " " + folded if folded and text[0].isspace() else folded

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key not in kwargs:
            return "{" + key + "}"
        return super().get_value(key, args, kwargs)


FORMATTER = MessageFormatter()
