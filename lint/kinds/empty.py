"""Kind ``empty``: a document with no text in the rule's blocks (an empty or white-space-only
file, a JSONL record with an empty text field, Markdown with front matter and nothing else)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lint.core.document import Block, Document, Span
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope


@dataclass(frozen=True)
class Options:
    """No options."""


def check(document: Document, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    """One hit at the start of the document when no selected block has any non-space text."""
    if not any(block.text.strip() for block in blocks):
        yield Hit(Span(0, 0))


KIND = Kind("empty", Scope.DOCUMENT, Options, check)
