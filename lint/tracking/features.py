"""Named, deterministic features of an (original, rewrite) pair.

Every feature is a float computed from the two texts' profiles alone. Most are in [0, 1] and
grow with the rewrite's debt to the original; ``length_ratio`` and ``longest_run`` are logs.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from lint.tracking.profile import Gram, Profile

FEATURES: tuple[str, ...] = (
    "containment_1",  # share of the rewrite's words found in the original
    "content_containment",  # share of the rewrite's content words (no function words) found there
    "content_source_use",  # share of the original's content words the rewrite uses
    "containment_2",  # ... of its word bigrams
    "containment_3",
    "containment_5",
    "containment_8",  # ... of its 8-word sequences: verbatim copying
    "coverage_3",  # share of the rewrite's tokens inside a 3-gram the original has
    "coverage_8",  # ... inside an 8-gram the original has (copied passages)
    "source_use_3",  # share of the original's 3-grams the rewrite uses
    "sentence_match",  # mean best containment of a rewrite sentence in one original sentence
    "aligned_sentences",  # share of rewrite sentences with a best match of at least one half
    "in_order",  # aligned sentences that keep the original's order, as a share of all
    "content_cosine",  # cosine of content-word counts
    "function_containment_4",  # shared sentence shape: 4-grams of function words
    "name_overlap",  # names in the rewrite that the original has (shrunk towards 0)
    "figure_overlap",  # figures in the rewrite that the original has (shrunk towards 0)
    "quote_overlap",  # quoted words of the rewrite found in the original (shrunk towards 0)
    "length_ratio",  # log2(rewrite words / original words)
    "longest_run",  # log(1 + longest run of words shared with the original)
)

_ALIGNED = 0.5


def _containment(part: frozenset[Gram], whole: frozenset[Gram]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _share(part: dict[str, int], whole: dict[str, int]) -> float:
    return sum(1 for word in part if word in whole) / len(part) if part else 0.0


def _smoothed(hits: float, total: int) -> float:
    """A share shrunk towards 0 when there is little to compare: one shared name out of one is
    weaker evidence than ten out of ten."""
    return hits / (total + 2.0)


def _coverage(tokens: Sequence[str], grams: frozenset[Gram], n: int) -> tuple[float, int]:
    """(share of tokens inside a shared n-gram, longest run of such tokens)."""
    if len(tokens) < n:
        return 0.0, 0
    covered_until = -1
    covered = run = longest = 0
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i : i + n]) in grams:
            start = max(i, covered_until)
            covered += i + n - start
            run = run + (i + n - start) if i <= covered_until else n
            covered_until = i + n
            longest = max(longest, run)
        elif i >= covered_until:
            run = 0
    return covered / len(tokens), longest


def _forward(values: Sequence[int]) -> float:
    """Share of steps between consecutive aligned sentences that go forward in the original.
    A repeated block or a summary up top costs a step or two, not the whole order."""
    if len(values) < 2:
        return float(len(values))
    return sum(b >= a for a, b in itertools.pairwise(values)) / (len(values) - 1)


_WINDOW = 3  # a rewrite sentence often merges up to three neighbouring original sentences


def _alignment(original: Profile, rewrite: Profile) -> tuple[float, float, float]:
    """Each rewrite sentence against its best window of neighbouring original sentences:
    (mean best containment, share aligned, share aligned in the original's order)."""
    if not rewrite.sentences or not original.sentences:
        return 0.0, 0.0, 0.0
    postings: dict[str, list[int]] = {}
    sentences = original.sentences
    for index in range(max(1, len(sentences) - _WINDOW + 1)):
        for word in frozenset().union(*sentences[index : index + _WINDOW]):
            postings.setdefault(word, []).append(index)
    total = 0.0
    aligned: list[int] = []
    for sentence in rewrite.sentences:
        counts: dict[int, int] = {}
        for word in sentence:
            for index in postings.get(word, ()):
                counts[index] = counts.get(index, 0) + 1
        if not counts:
            continue
        best_index = min(counts, key=lambda i: (-counts[i], i))
        best = counts[best_index] / len(sentence)
        total += best
        if best >= _ALIGNED:
            aligned.append(best_index)
    n = len(rewrite.sentences)
    return total / n, len(aligned) / n, len(aligned) / n * _forward(aligned)


def _cosine(a: dict[str, int], b: dict[str, int]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(math.sqrt(count * b[word]) for word, count in a.items() if word in b)
    norm_a = math.sqrt(sum(a.values()))
    norm_b = math.sqrt(sum(b.values()))
    return min(1.0, dot / (norm_a * norm_b))  # rounding can give 1.0000000000000002


def _quote_overlap(original: Profile, rewrite: Profile) -> float:
    found = sum(_containment(quote, original.gram(3)) for quote in rewrite.quotes)
    return _smoothed(found, len(rewrite.quotes))


def features(original: Profile, rewrite: Profile) -> tuple[float, ...]:
    """The values of :data:`FEATURES`, in order."""
    coverage_3, longest = _coverage(rewrite.tokens, original.gram(3), 3)
    coverage_8, _ = _coverage(rewrite.tokens, original.gram(8), 8)
    sentence_match, aligned, in_order = _alignment(original, rewrite)
    return (
        _containment(rewrite.gram(1), original.gram(1)),
        _share(rewrite.content, original.content),
        _share(original.content, rewrite.content),
        _containment(rewrite.gram(2), original.gram(2)),
        _containment(rewrite.gram(3), original.gram(3)),
        _containment(rewrite.gram(5), original.gram(5)),
        _containment(rewrite.gram(8), original.gram(8)),
        coverage_3,
        coverage_8,
        _containment(original.gram(3), rewrite.gram(3)),
        sentence_match,
        aligned,
        in_order,
        _cosine(original.content, rewrite.content),
        _containment(rewrite.function_grams, original.function_grams),
        _smoothed(len(rewrite.names & original.names), len(rewrite.names)),
        _smoothed(len(rewrite.figures & original.figures), len(rewrite.figures)),
        _quote_overlap(original, rewrite),
        math.log2(max(len(rewrite.tokens), 1) / max(len(original.tokens), 1)),
        math.log1p(longest),
    )
