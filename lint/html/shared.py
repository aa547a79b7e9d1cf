"""Passages a rewrite shares with its original: maximal runs of at least ``min_words`` words.

Words are compared case-folded with typographic quotes and dashes folded. Every ``min_words``-gram
of the original is indexed (an anchor); the rewrite is scanned left to right, and at each anchor
hit the run is extended forward as far as the words agree. The longest run wins (the earliest
original position on a tie) and the scan resumes after it, so runs in the rewrite never overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.core.document import Span

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_FOLD = str.maketrans({"’": "'", "‘": "'"})


@dataclass(frozen=True)
class SharedPassage:
    """A run of ``words`` words found at ``rewrite`` in the rewrite and ``original`` in the
    original (character spans from the first word's start to the last word's end)."""

    rewrite: Span
    original: Span
    words: int


def words(text: str) -> list[tuple[str, Span]]:
    """The words of ``text``, folded for comparison, with their spans."""
    return [
        (m.group().casefold().translate(_FOLD), Span(m.start(), m.end()))
        for m in _WORD.finditer(text)
    ]


def shared_passages(original: str, rewrite: str, min_words: int = 5) -> list[SharedPassage]:
    """Maximal shared word runs of at least ``min_words`` words, in rewrite order."""
    if min_words < 1:
        raise ValueError("min_words must be at least 1")
    source, target = words(original), words(rewrite)
    source_words = [w for w, _ in source]
    target_words = [w for w, _ in target]
    anchors: dict[tuple[str, ...], list[int]] = {}
    for j in range(len(source_words) - min_words + 1):
        anchors.setdefault(tuple(source_words[j : j + min_words]), []).append(j)
    passages: list[SharedPassage] = []
    i = 0
    while i <= len(target_words) - min_words:
        best_j, best_length = -1, 0
        for j in anchors.get(tuple(target_words[i : i + min_words]), ()):
            length = min_words
            while (
                i + length < len(target_words)
                and j + length < len(source_words)
                and target_words[i + length] == source_words[j + length]
            ):
                length += 1
            if length > best_length:
                best_j, best_length = j, length
        if best_length == 0:
            i += 1
            continue
        passages.append(
            SharedPassage(
                Span(target[i][1].start, target[i + best_length - 1][1].end),
                Span(source[best_j][1].start, source[best_j + best_length - 1][1].end),
                best_length,
            )
        )
        i += best_length
    return passages
