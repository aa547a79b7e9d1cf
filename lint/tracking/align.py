"""Sentence alignment of a pair, for showing it: each rewrite sentence linked to the passage of
the original (one to three neighbouring sentences, as in the classifier's ``sentence_match``)
that holds most of its content words, with that share as its similarity.

A paraphrase keeps few five-word runs but most of each sentence's content words, so the
alignment shows how a rewrite follows its original where verbatim runs cannot. Offsets are into
the texts as given (not cleaned): each line is split into sentences on its own, so a headline or
a wire paragraph without a full stop stays a sentence of its own, as it does for the classifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lint.core.document import Span
from lint.text.normalize import words
from lint.text.sentences import sentence_spans
from lint.tracking.profile import STOPWORDS, WINDOW

#: A rewrite sentence *follows* the original when at least this share of its content words are in
#: its linked passage (the classifier's ``aligned_sentences`` threshold).
FOLLOWS = 0.5

_LINE = re.compile(r"[^\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]+")


@dataclass(frozen=True)
class Link:
    """Rewrite sentence ``rewrite`` and original sentences ``first`` to ``last`` (indices into
    :attr:`Alignment.rewrite` and :attr:`Alignment.original`)."""

    rewrite: int
    first: int
    last: int
    similarity: float  # share of the rewrite sentence's content words found in the passage


@dataclass(frozen=True)
class Alignment:
    rewrite: tuple[Span, ...]  # the rewrite's sentences
    original: tuple[Span, ...]  # the original's sentences
    links: tuple[Link, ...]  # one per rewrite sentence that shares a content word, in order
    compared: int  # rewrite sentences with content words

    @property
    def following(self) -> int:
        """Rewrite sentences that follow a passage of the original."""
        return sum(link.similarity >= FOLLOWS for link in self.links)


def sentences(text: str) -> list[tuple[Span, frozenset[str]]]:
    """Each sentence of ``text`` (lines split on their own) with its content words."""
    found = []
    for line in _LINE.finditer(text):
        for span in sentence_spans(line.group()):
            start, end = line.start() + span.start, line.start() + span.end
            content = frozenset(w for w in words(text[start:end]) if w not in STOPWORDS)
            found.append((Span(start, end), content))
    return found


@lru_cache(maxsize=32)
def _passages(original: str) -> tuple[tuple[Span, ...], dict[str, list[tuple[int, int]]]]:
    """An original's sentences, and its passages (size, first sentence) by content word: kept
    for the next rewrite, as an original is usually followed by several."""
    theirs = sentences(original)
    postings: dict[str, list[tuple[int, int]]] = {}
    for size in range(1, WINDOW + 1):
        for first in range(len(theirs) - size + 1):
            window = frozenset[str]().union(*(c for _, c in theirs[first : first + size]))
            for word in window:
                postings.setdefault(word, []).append((size, first))
    return tuple(s for s, _ in theirs), postings


def align(original: str, rewrite: str) -> Alignment:
    """Each rewrite sentence with the original passage holding most of its content words: the
    shortest such passage, the earliest on a tie."""
    spans, postings = _passages(original)
    ours = sentences(rewrite)
    links = []
    compared = 0
    for index, (_, content) in enumerate(ours):
        if not content:
            continue
        compared += 1
        counts: dict[tuple[int, int], int] = {}
        for word in content:
            for place in postings.get(word, ()):
                counts[place] = counts.get(place, 0) + 1
        if not counts:
            continue
        size, first = min(counts, key=lambda w: (-counts[w], w[0], w[1]))
        share = counts[(size, first)] / len(content)
        links.append(Link(index, first, first + size - 1, share))
    return Alignment(tuple(s for s, _ in ours), spans, tuple(links), compared)
