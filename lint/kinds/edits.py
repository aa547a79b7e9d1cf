"""Edits that delete whole blocks, so the layout of the rest of the text stays as it was.

A deleted block takes the line break or blank lines that separated it from the block after it, or,
at the end of the text, the ones that separated it from the block before it. Every other
character, line ending and the BOM are kept. Blocks separated only by white space form a run; the
edits of a run's blocks are disjoint and together delete the run.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from lint.core.document import Span
from lint.core.finding import Edit

_NON_BLANK = re.compile(r"\S")  # what str.strip() keeps: not Py_UNICODE_ISSPACE


def line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def line_end(text: str, offset: int) -> int:
    """End of the line holding ``offset``, before its line break (``\\r\\n`` or ``\\n``)."""
    nl = text.find("\n", offset)
    end = len(text) if nl == -1 else nl
    return end - 1 if end > 0 and text[end - 1] == "\r" and end - 1 >= offset else end


def whole_lines(text: str, span: Span) -> bool:
    """The span fills its lines, up to white space (never a front-matter title mid-line)."""
    before = text[line_start(text, span.start) : span.start]
    after = text[span.end : line_end(text, span.end)]
    return not before.strip() and not after.strip()


def _runs(text: str, spans: Sequence[Span]) -> list[list[Span]]:
    runs: list[list[Span]] = []
    for span in sorted(spans):
        if runs and not text[runs[-1][-1].end : span.start].strip():
            runs[-1].append(span)
        else:
            runs.append([span])
    return runs


def _run_edits(text: str, run: list[Span]) -> list[Edit]:
    """A run followed by more text goes from the start of its first line to the start of the next
    non-blank line; a run ending the text goes from the end of the last non-blank line before it
    to the end of its last line (the final line break, or its absence, stays as it was)."""
    starts = [line_start(text, s.start) for s in run]
    ends = [line_end(text, s.end) for s in run]
    after = _NON_BLANK.search(text, ends[-1])  # not text[end:].strip(): runs * text is n²
    if after is not None:
        following = line_start(text, after.start())
        bounds = [*starts, following]
    else:
        before = text[: starts[0]].rstrip()
        bounds = [line_end(text, len(before) - 1) if before else 0, *ends]
    return [Edit(Span(a, b)) for a, b in itertools.pairwise(bounds)]


def delete_blocks(text: str, spans: Sequence[Span]) -> dict[Span, Edit]:
    """The edit deleting each of ``spans`` (whole-line blocks of ``text``) with its separators."""
    edits: dict[Span, Edit] = {}
    for run in _runs(text, spans):
        edits.update(zip(run, _run_edits(text, run), strict=True))
    return edits
