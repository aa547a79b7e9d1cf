"""Build a declared (rewrite, original) pair from texts, for pair kind tests."""

from __future__ import annotations

from pathlib import Path

from lint.core.document import Document, LineIndex
from lint.text.segment import segment
from lint.tracking.pairing import DECLARED, UNMATCHED, Pair

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def document(path: str, text: str) -> Document:
    return Document(path, text, segment(text))


def declared(rewrite: str, original: str) -> Pair:
    theirs = document("original.txt", original)
    return Pair(document("rewrite.txt", rewrite), theirs, theirs, None, DECLARED, "original.txt")


def unmatched(rewrite: str, original: str) -> Pair:
    theirs = document("original.txt", original)
    return Pair(document("rewrite.txt", rewrite), None, theirs, None, UNMATCHED)


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def run(module, pair: Pair, options=None) -> list[tuple[int, str, dict]]:
    """(line, text at the span, values) of each hit of ``module`` on ``pair``'s text blocks."""
    blocks = [b for b in pair.rewrite.blocks if b.kind.value != "metadata"]
    index = LineIndex.of(pair.rewrite.text)
    found = []
    for hit in module.check(pair, blocks, options or module.Options()):
        line, _ = index.position(hit.span.start)
        found.append((line, pair.rewrite.text[hit.span.start : hit.span.end], dict(hit.values)))
    return found
