"""Named, deterministic features of an (original, rewrite) pair.

Every feature is a share of the *rewrite* found in the original, in [0, 1]: how much of what the
rewrite says comes from the original. Nothing grows with the original's length, so an original
of many wire stories joined (5-20 times the rewrite's length) is not, by itself, evidence of
derivation. :class:`Evidence` keeps the counts behind the shares, for explanations.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from lint.tracking.profile import Gram, Profile

FEATURES: tuple[str, ...] = (
    "containment_1",  # share of the rewrite's distinct words found in the original
    "content_containment",  # ... of its distinct content words (no function words)
    "containment_2",  # ... of its word bigrams
    "containment_3",
    "containment_5",
    "containment_8",  # ... of its 8-word sequences: verbatim copying
    "coverage_8",  # share of the rewrite's tokens inside an 8-gram the original has
    "sentence_match",  # mean best containment of a rewrite sentence in an original passage
    "aligned_sentences",  # share of rewrite sentences with a best match of at least one half
    "in_order",  # aligned sentences that keep the original's order, as a share of all
    "function_containment_4",  # shared sentence shape: 4-grams of function words
    "name_share",  # names in the rewrite that the original has ((hits + 1) / (names + 2))
    "figure_share",  # figures in the rewrite that the original has (same smoothing)
    "quote_share",  # quotations of the rewrite found in the original (same smoothing)
)


@dataclass(frozen=True)
class Evidence:
    """The counts behind the shares, for an editor's explanation."""

    content: tuple[int, int]  # (content words found in the original, content words)
    sentences: int  # rewrite sentences compared
    aligned: int  # ... that follow a passage of the original
    in_order: int  # ... of those, in the original's order
    names: tuple[int, int]  # (names found, names)
    missing_names: tuple[str, ...]  # names the original does not have
    figures: tuple[int, int]
    quotes: tuple[int, int]


_ALIGNED = 0.5


def _containment(part: frozenset[Gram], whole: frozenset[Gram]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _smoothed(hits: float, total: int) -> float:
    """A share shrunk towards one half when there is little to compare: one shared name out of
    one is weaker evidence than ten out of ten, and no names at all is no evidence either way."""
    return (hits + 1.0) / (total + 2.0)


def _coverage(sequence: Sequence[Gram], tokens: int, grams: frozenset[Gram], n: int) -> float:
    """Share of ``tokens`` words inside an n-gram of ``grams`` (``sequence``: their n-grams, in
    order)."""
    if tokens < n:
        return 0.0
    covered_until = -1
    covered = 0
    for i, gram in enumerate(sequence):
        if gram in grams:
            covered += i + n - max(i, covered_until)
            covered_until = i + n
    return covered / tokens


def _forward(values: Sequence[int]) -> float:
    """Share of steps between consecutive aligned sentences that go forward in the original.
    A repeated block or a summary up top costs a step or two, not the whole order."""
    if len(values) < 2:
        return float(len(values))
    return sum(b >= a for a, b in itertools.pairwise(values)) / (len(values) - 1)


def best_windows(original: Profile, rewrite: Profile) -> list[tuple[int, float] | None]:
    """For each rewrite sentence, its best window of neighbouring original sentences: (the
    window's first sentence, the share of the sentence's content words found there), or None
    when no word is found. Ties go to the earlier window."""
    if not original.sentences:
        return [None] * len(rewrite.sentences)
    get = original.windows.get
    found: list[tuple[int, float] | None] = []
    for sentence in rewrite.sentences:
        # window -> how many of the sentence's words it holds (counted in C by Counter)
        counts = Counter(itertools.chain.from_iterable([get(word, ()) for word in sentence]))
        if not counts:
            found.append(None)
            continue
        best = max(counts.values())
        best_index = min(i for i, count in counts.items() if count == best)
        found.append((best_index, best / len(sentence)))
    return found


def covered(original: Profile, rewrite: Profile) -> list[bool]:
    """Which rewrite sentences follow a passage of the original (aligned: at least half of the
    sentence's content words in its best window)."""
    return [b is not None and b[1] >= _ALIGNED for b in best_windows(original, rewrite)]


def _alignment(original: Profile, rewrite: Profile) -> tuple[float, int, int]:
    """Each rewrite sentence against its best window of neighbouring original sentences:
    (mean best containment, sentences aligned, sentences aligned in the original's order)."""
    if not rewrite.sentences or not original.sentences:
        return 0.0, 0, 0
    total = 0.0
    aligned: list[int] = []
    for best in best_windows(original, rewrite):
        if best is None:
            continue
        total += best[1]
        if best[1] >= _ALIGNED:
            aligned.append(best[0])
    in_order = round(len(aligned) * _forward(aligned))
    return total / len(rewrite.sentences), len(aligned), in_order


def _names(original: Profile, rewrite: Profile) -> tuple[int, tuple[str, ...]]:
    """(names of the rewrite the original has, the ones it does not); a name counts as found
    when any of its words is in one of the original's names ("Mr Smith" for "John Smith")."""
    missing = tuple(" ".join(n) for n in rewrite.name_list if not original.names.intersection(n))
    return len(rewrite.name_list) - len(missing), missing


def _quotes(original: Profile, rewrite: Profile) -> tuple[float, int]:
    """(sum of each quotation's containment, quotations at least half found)."""
    shares = [_containment(quote, original.gram(3)) for quote in rewrite.quotes]
    return sum(shares), sum(share >= 0.5 for share in shares)


def measure(
    original: Profile, rewrite: Profile, needed: Collection[str] | None = None
) -> tuple[tuple[float, ...], Evidence]:
    """The values of :data:`FEATURES`, in order, and the counts behind them. With ``needed``,
    the features not in it are not computed (0.0): a model with zero weight on them does not
    read them."""
    wanted = FEATURES if needed is None else needed

    def share(name: str, n: int) -> float:
        return _containment(rewrite.gram(n), original.gram(n)) if name in wanted else 0.0

    coverage_8 = 0.0
    if "coverage_8" in wanted:
        coverage_8 = _coverage(rewrite.sequence(8), len(rewrite.tokens), original.gram(8), 8)
    sentence_match, aligned, in_order = _alignment(original, rewrite)
    sentences = len(rewrite.sentences)
    names_found, missing = _names(original, rewrite)
    figures_found = len(rewrite.figures & original.figures)
    quoted, quotes_found = _quotes(original, rewrite)
    content_found = sum(1 for word in rewrite.content if word in original.content)
    function = 0.0
    if "function_containment_4" in wanted:
        function = _containment(rewrite.function_grams, original.function_grams)
    values = (
        share("containment_1", 1),
        content_found / len(rewrite.content) if rewrite.content else 0.0,
        share("containment_2", 2),
        share("containment_3", 3),
        share("containment_5", 5),
        share("containment_8", 8),
        coverage_8,
        sentence_match,
        aligned / sentences if sentences else 0.0,
        in_order / sentences if sentences else 0.0,
        function,
        _smoothed(names_found, len(rewrite.name_list)),
        _smoothed(figures_found, len(rewrite.figures)),
        _smoothed(quoted, len(rewrite.quotes)),
    )
    evidence = Evidence(
        content=(content_found, len(rewrite.content)),
        sentences=sentences,
        aligned=aligned,
        in_order=in_order,
        names=(names_found, len(rewrite.name_list)),
        missing_names=missing,
        figures=(figures_found, len(rewrite.figures)),
        quotes=(quotes_found, len(rewrite.quotes)),
    )
    return values, evidence


def features(original: Profile, rewrite: Profile) -> tuple[float, ...]:
    """The values of :data:`FEATURES`, in order."""
    return measure(original, rewrite)[0]
