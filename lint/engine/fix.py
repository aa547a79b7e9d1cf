"""``check --fix`` and ``--diff``: remove what is safe to remove, and nothing else.

A fix removes the later copy of a block the article already has: a paragraph
(``duplicated-paragraph``) or a headline line (``repeated-headline``) whose text, with white space
folded, is identical to an earlier block of the same document. A copy of another file's block is
never removed, nor a near duplicate (differing in case, punctuation or a word), nor anything in a
JSONL record.

Removal works on whole lines, so the layout of the rest of the article stays as it was: the removed
block takes the line break or blank lines that separated it from the block after it, or, at the end
of the article, the ones that separated it from the block before it. Every other character, line
ending and the BOM are kept; a file is written only if it changes, atomically.
"""

from __future__ import annotations

import codecs
import difflib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.core.document import Block, BlockKind, Document, Span
from lint.core.finding import Finding
from lint.errors import InputError, OutputError
from lint.io.atomic import write_atomic
from lint.io.readers import decode, parse

# Rule id -> kinds of block a later copy may be removed from (and the earlier copy must be).
FIXABLE: dict[str, frozenset[BlockKind]] = {
    "duplicated-paragraph": frozenset({BlockKind.DEK, BlockKind.PARAGRAPH}),
    "repeated-headline": frozenset({BlockKind.HEADLINE}),
}
MAX_ROUNDS = 10  # a removal can change how the rest is segmented; fix until nothing changes

Lint = Callable[[list[Document]], list[Finding]]


def _fold(text: str) -> str:
    return " ".join(text.split())


def _has_earlier_copy(document: Document, block: Block, kinds: frozenset[BlockKind]) -> bool:
    text = _fold(block.text)
    return any(
        b.index < block.index and b.kind in kinds and _fold(b.text) == text for b in document.blocks
    )


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _line_end(text: str, offset: int) -> int:
    """End of the line holding ``offset``, before its line break (``\\r\\n`` or ``\\n``)."""
    nl = text.find("\n", offset)
    end = len(text) if nl == -1 else nl
    return end - 1 if end > 0 and text[end - 1] == "\r" and end - 1 >= offset else end


def _whole_lines(text: str, span: Span) -> bool:
    """The span fills its lines, up to white space (never a front-matter title mid-line)."""
    before = text[_line_start(text, span.start) : span.start]
    after = text[span.end : _line_end(text, span.end)]
    return not before.strip() and not after.strip()


def fixable_blocks(document: Document, findings: Iterable[Finding]) -> tuple[Block, ...]:
    """The blocks of ``document`` that ``findings`` report and a fix may remove, in order."""
    if document.record is not None:  # JSONL: re-serialising records is not a safe edit
        return ()
    by_span = {b.span: b for b in document.blocks}
    chosen: dict[int, Block] = {}
    for finding in findings:
        kinds = FIXABLE.get(finding.rule)
        block = by_span.get(Span(finding.start, finding.end))
        if finding.path != document.path or kinds is None or block is None:
            continue
        if (
            block.kind in kinds
            and _has_earlier_copy(document, block, kinds)
            and _whole_lines(document.text, block.span)
        ):
            chosen[block.index] = block
    return tuple(chosen[i] for i in sorted(chosen))


def _blank(text: str, start: int, end: int) -> bool:
    return not text[start:end].strip()


def removal_ranges(text: str, blocks: Sequence[Block]) -> list[Span]:
    """Character ranges to delete so that ``blocks`` (whole lines) go with their separators.

    Blocks separated only by white space form one run. A run followed by more text is removed from
    the start of its first line to the start of the next non-blank line; a run that ends the text
    is removed from the end of the last non-blank line before it to the end of its last line (the
    final line break, or its absence, stays as it was).
    """
    runs: list[list[Block]] = []
    for block in sorted(blocks, key=lambda b: b.span):
        if runs and _blank(text, runs[-1][-1].span.end, block.span.start):
            runs[-1].append(block)
        else:
            runs.append([block])
    ranges = []
    for run in runs:
        first, last = run[0].span, run[-1].span
        start = _line_start(text, first.start)
        end = _line_end(text, last.end)
        rest = text[end:]
        if rest.strip():
            following = end + len(rest) - len(rest.lstrip())
            ranges.append(Span(start, _line_start(text, following)))
        else:
            before = text[:start].rstrip()
            previous = _line_end(text, len(before) - 1) if before else 0
            ranges.append(Span(previous, end))
    return ranges


def apply(text: str, ranges: Sequence[Span]) -> str:
    """``text`` without the (sorted, disjoint) ``ranges``."""
    parts, pos = [], 0
    for span in ranges:
        parts.append(text[pos : span.start])
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)


@dataclass(frozen=True)
class Change:
    """One file's text before and after fixing, and how many findings the fix removed."""

    path: str
    before: str
    after: str
    fixed: int


@dataclass(frozen=True)
class Outcome:
    """The corpus after fixing: documents, their remaining findings, and what changed."""

    documents: tuple[Document, ...]
    originals: tuple[Document, ...]
    findings: tuple[Finding, ...]
    changes: tuple[Change, ...]

    def reverting(self, paths: set[str]) -> list[Document]:
        """The fixed documents, with those of ``paths`` (fixes not written) as they were."""
        return [
            o if o.path in paths else d for d, o in zip(self.documents, self.originals, strict=True)
        ]


def _fixed(document: Document, text: str) -> Document:
    result = parse(document.path, text)
    if isinstance(result, InputError):  # cannot happen: a fix always keeps the first copy
        raise RuntimeError(str(result))
    return result


def fix_corpus(documents: Sequence[Document], lint: Lint) -> Outcome:
    """Fix ``documents`` in memory until no fixable finding remains (or ``MAX_ROUNDS``)."""
    current = list(documents)
    counts = [0] * len(current)
    findings = lint(current)
    for _ in range(MAX_ROUNDS):
        by_path: dict[str, list[Finding]] = {}
        for finding in findings:
            by_path.setdefault(finding.path, []).append(finding)
        changed = False
        for i, document in enumerate(current):
            blocks = fixable_blocks(document, by_path.get(document.path, ()))
            if blocks:
                text = apply(document.text, removal_ranges(document.text, blocks))
                current[i] = _fixed(document, text)
                counts[i] += len(blocks)
                changed = True
        if not changed:
            break
        findings = lint(current)
    changes = tuple(
        Change(o.path, o.text, d.text, n)
        for o, d, n in zip(documents, current, counts, strict=True)
        if n
    )
    return Outcome(tuple(current), tuple(documents), tuple(findings), changes)


def _lines(text: str) -> list[str]:
    """Lines with their ``\\n`` (unlike ``str.splitlines``, only ``\\n`` breaks a line)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def unified_diff(change: Change) -> str:
    """A unified diff of one change, ``--- a/PATH`` / ``+++ b/PATH`` for a relative path."""
    prefix_a, prefix_b = ("", "") if Path(change.path).is_absolute() else ("a/", "b/")
    out = []
    for line in difflib.unified_diff(
        _lines(change.before),
        _lines(change.after),
        fromfile=prefix_a + change.path,
        tofile=prefix_b + change.path,
    ):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def write(change: Change) -> None:
    """Write ``change.after`` over the file atomically, keeping its BOM and mode.

    The file is read again first: if it no longer holds ``change.before`` (edited meanwhile), it is
    left alone. The new text is written with :func:`lint.io.atomic.write_atomic`.
    Raises :class:`OutputError` with a one-line message on any failure.
    """
    target = os.path.realpath(change.path)  # write through a symbolic link, not over it
    try:
        raw = Path(target).read_bytes()
        if decode(change.path, raw) != change.before:
            raise OutputError(f"{change.path}: changed while being fixed, left unchanged")
        bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
        write_atomic(target, bom + change.after.encode("utf-8"))
    except OSError as err:
        reason = err.strerror or str(err)
        message = f"{change.path}: cannot write the fix ({reason}), left unchanged"
        raise OutputError(message) from None

