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


def _coverage_at(hits: Sequence[int], tokens: int, n: int) -> float:
    """Share of ``tokens`` words inside a shared n-gram, from the positions, in order, of the
    rewrite's n-grams the original has."""
    if tokens < n:
        return 0.0
    covered_until = -1
    covered = 0
    for i in hits:
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


def _quotes(rewrite: Profile, original_3: frozenset[Gram]) -> tuple[float, int]:
    """(sum of each quotation's containment, quotations at least half found); ``original_3``:
    the original's word 3-grams, or those of them any quotation or the rewrite has."""
    shares = [_containment(quote, original_3) for quote in rewrite.quotes]
    return sum(shares), sum(share >= 0.5 for share in shares)


def shared(original: Profile, rewrite: Profile) -> dict[int, frozenset[Gram]]:
    """For n in 2, 3, 5 and 8: the original's n-grams that the rewrite has (for 3, also those a
    quotation of the rewrite has); ``rewrite.gram(n) & shared(...)[n]`` is
    ``rewrite.gram(n) & original.gram(n)``, and so is each quotation's."""
    return _shared(original, rewrite)[0]


def _shared(
    original: Profile, rewrite: Profile
) -> tuple[dict[int, frozenset[Gram]], dict[int, Gram]]:
    """:func:`shared`, and the rewrite's 8-grams that can be the original's, by position.

    The n-grams are built only where they can be shared: tokens hold no space, so an n-gram
    splits into its shorter n-grams in one way only, and an n-gram two texts share is made of
    shorter ones they share. The original's 2-grams are built where both words are the
    rewrite's, its 3-grams where its 2-gram is shared, and so on; the rewrite's 5-grams only
    where their 3-gram and the 2-gram after it are shared, its 8-grams where their 5-gram and
    the 3-gram after it are. Neither text's full 5- and 8-gram lists and sets are built."""
    words = original.tokens
    r2, r3 = rewrite.gram(2), rewrite.gram(3)
    t1: frozenset[str] = rewrite.gram(1)
    t2, t3 = r2, r3
    # A quotation's 3-gram "a b c" needs "a b" and "c" in the original. One the rewrite has
    # brings nothing new ("a b" is the rewrite's 2-gram there, its words the rewrite's words):
    # only the others are added, and the rewrite's sets are not copied when there are none.
    extra = frozenset().union(*rewrite.quotes).difference(r3) if rewrite.quotes else ()
    if extra:
        t1 = t1.union(*(q.split(" ") for q in extra))
        t2 = t2.union([q[: q.rindex(" ")] for q in extra])
        t3 = t3.union(extra)
    known = list(map(t1.__contains__, words))
    last = len(words) - 1
    m2 = {
        j: gram
        for j in range(last)
        if known[j] and known[j + 1] and (gram := f"{words[j]} {words[j + 1]}") in t2
    }
    m3 = {
        j: gram
        for j, two in m2.items()
        if j + 2 <= last and known[j + 2] and (gram := f"{two} {words[j + 2]}") in t3
    }
    c2, c3 = frozenset(m2.values()), frozenset(m3.values())
    # The rewrite's side: a 3-gram or 2-gram of the rewrite is in c3 or c2 exactly when the
    # original has it.
    twos, threes = rewrite.sequence(2), rewrite.sequence(3)
    f5 = {
        k: f"{three} {twos[k + 3]}"
        for k, three in enumerate(threes[: max(0, len(rewrite.tokens) - 4)])
        if three in c3 and twos[k + 3] in c2
    }
    f8 = {
        k: f"{five} {threes[k + 5]}"
        for k, five in f5.items()
        if k + 5 < len(threes) and threes[k + 5] in c3
    }
    r5, r8 = frozenset(f5.values()), frozenset(f8.values())
    m5 = {
        j: gram
        for j, three in m3.items()
        if (two := m2.get(j + 3)) is not None and (gram := f"{three} {two}") in r5
    }
    m8 = {
        j: gram
        for j, five in m5.items()
        if (three := m3.get(j + 5)) is not None and (gram := f"{five} {three}") in r8
    }
    common = {2: c2, 3: c3, 5: frozenset(m5.values()), 8: frozenset(m8.values())}
    return common, f8


def measure(
    original: Profile, rewrite: Profile, needed: Collection[str] | None = None
) -> tuple[tuple[float, ...], Evidence]:
    """The values of :data:`FEATURES`, in order, and the counts behind them. With ``needed``,
    the features not in it are not computed (0.0): a model with zero weight on them does not
    read them."""
    wanted = FEATURES if needed is None else needed

    common, eights = _shared(original, rewrite)

    def share(name: str, n: int) -> float:
        if name not in wanted:
            return 0.0
        if n >= 5:  # common[n] is within the rewrite's n-grams, counted without building them
            total = rewrite.count(n)
            return len(common[n]) / total if total else 0.0
        return _containment(rewrite.gram(n), common[n] if n in common else original.gram(n))

    coverage_8 = 0.0
    if "coverage_8" in wanted:
        # an 8-gram of the rewrite the original has is one of ``eights`` (by position)
        hits = [k for k, gram in eights.items() if gram in common[8]]
        coverage_8 = _coverage_at(hits, len(rewrite.tokens), 8)
    sentence_match, aligned, in_order = _alignment(original, rewrite)
    sentences = len(rewrite.sentences)
    names_found, missing = _names(original, rewrite)
    # the original's figures matter only as far as the rewrite has them
    figures_found = len(original.figures_among(rewrite.figures))
    quoted, quotes_found = _quotes(rewrite, common[3])
    # the rewrite's content words are no stopwords: in the original's content exactly when in
    # its words (a set, cheaper than the original's content counts)
    content_found = len(original.vocabulary.intersection(rewrite.content))
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
