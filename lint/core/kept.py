"""Kept: what the run keeps of a linted document once its per-document rules have run.

The corpus rules, the pair rules' pairing, inline directives and the one-finding-per-problem pass
run after every document of a corpus has been read, so the run keeps something of each document
until then. Keeping the parsed :class:`Document` (its text, block texts, metadata) cost most of a
run's memory; a ``Kept`` holds only what those stages read of every document, packed:

- where it is reported: ``path``, ``line_offset``, ``record`` and the starts of its lines (the
  engine turns offsets into line and column with them);
- its blocks' kinds and spans (no text), and their spans stripped of white space;
- the corpus kinds' memo (``Document.memo``'s portable part: the ``duplicates`` kind's block keys
  and packed shingles), filled before the document was dropped;
- whether it holds a directive (or a JSONL record's directive field) and what ``source`` it
  declares, if any.

The rare stage that needs the text (a duplicate's fix, a document with directives, pairing) asks
:meth:`Kept.document`, which parses the document again from its source's bytes: the same
document, since parsing is a function of those bytes.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from lint.core.document import PORTABLE_MEMO, Block, BlockKind, Document, LineIndex, Span

_KINDS = tuple(BlockKind)
_CODES = {kind: code for code, kind in enumerate(_KINDS)}
_NO_METADATA: Mapping[str, Any] = {}


@dataclass(slots=True, eq=False)
class Kept:
    """A linted document as the run keeps it for the stages after its per-document rules."""

    path: str
    line_offset: int
    record: str | None
    #: ``Document.memo``'s portable part: what corpus kinds derived from the document
    memo: dict[str, Any]
    lines: array[int]  # the offset each line starts at
    layout: array[int]  # per block (in order): kind code, start, end
    stripped: array[int]  # per block: start, end of its span stripped of white space
    directives: bool  # the text (or a JSONL record's field) holds something meant as a directive
    #: ``{"source": ...}`` when the document declares one (what pairing and the index look at)
    metadata: Mapping[str, Any]
    #: parses the document again (set by the run, which holds the source's bytes)
    reparse: Callable[[], Document] | None = None

    @classmethod
    def of(cls, document: Document, directives: bool) -> Kept:
        """``document`` kept; its memo must already hold what the corpus kinds need."""
        layout = array("q")
        stripped = array("q")
        for block in document.blocks:
            layout.extend((_CODES[block.kind], block.span.start, block.span.end))
            bare = block.span.strip(document.text)
            stripped.extend((bare.start, bare.end))
        source = document.metadata.get("source")
        return cls(
            path=document.path,
            line_offset=document.line_offset,
            record=document.record,
            # ``dict(document.portable().memo)`` without building the portable document
            memo={k: v for k, v in document.memo.items() if k in PORTABLE_MEMO},
            lines=array("q", LineIndex.of(document.text).starts),
            layout=layout,
            stripped=stripped,
            directives=directives,
            metadata=_NO_METADATA if source is None else {"source": source},
        )

    def blocks_of(self, kinds: frozenset[BlockKind]) -> tuple[Block, ...]:
        """The blocks of ``kinds``, with their kind, index and span; their text is not kept
        (``""``): a corpus kind reads its memo, or :meth:`document`."""
        layout = self.layout
        kinds_of = [_KINDS[code] for code in layout[::3]]
        return tuple(
            Block(kind, index, Span(layout[3 * index + 1], layout[3 * index + 2]), "")
            for index, kind in enumerate(kinds_of)
            if kind in kinds
        )

    def line_index(self) -> LineIndex:
        return LineIndex(tuple(self.lines))

    def stripped_spans(self) -> list[tuple[int, int]]:
        s = self.stripped
        return [(s[i], s[i + 1]) for i in range(0, len(s), 2)]

    def document(self) -> Document:
        """The document, parsed again from its source (with the kept memo)."""
        if self.reparse is None:
            raise LookupError(f"{self.path}: the kept document cannot be parsed again")
        document = self.reparse()
        document.memo.update(self.memo)
        return document


#: a linted document as a corpus stage sees it: parsed, or kept
Linted = Document | Kept


def full(document: Linted) -> Document:
    """The parsed document (parsed again when only kept)."""
    return document.document() if isinstance(document, Kept) else document
