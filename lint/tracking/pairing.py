"""Pair each rewrite with the original report it follows.

A rewrite's original is its declared source (front-matter ``source:`` in Markdown, the JSONL
``source_id`` field: a path or an id, or a list of them: a story drawn from several reports is
scored against their union, one document joining their texts) or, failing that, the declared
original that scores highest against it: the ``candidates`` originals that share most of its
rare words are scored with the tracking model and the best is kept. It counts as *tracked* when
that score reaches the model's threshold; otherwise the rewrite tracks none of the originals
and only ``off-source`` applies.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from lint.core.document import Document
from lint.tracking.declared import SourceIndex, declared_sources
from lint.tracking.features import covered
from lint.tracking.model import Model, Score
from lint.tracking.profile import Profile, profile

DECLARED, MATCHED, UNMATCHED, MISSING = "declared", "matched", "unmatched", "missing"


@dataclass(frozen=True)
class Pair:
    """A rewrite and what it was matched to."""

    rewrite: Document
    original: Document | None  # the original it tracks; None when unmatched or missing
    nearest: Document | None  # the best candidate (the original itself when tracked)
    score: Score | None  # against ``nearest``
    how: str  # DECLARED, MATCHED, UNMATCHED or MISSING (a declared source not found)
    declared: str | None = None  # the declared source, as written (several joined by ", ")
    sources: tuple[Document, ...] = ()  # the declared originals found (``original`` joins them)


def union(documents: Sequence[Document]) -> Document:
    """One document for several originals: their texts joined, their paths joined by ' + '."""
    if len(documents) == 1:
        return documents[0]
    names = [d.path + (f"#{d.record}" if d.record else "") for d in documents]
    return Document(" + ".join(names), "\n\n".join(d.text for d in documents), ())


def _weights(profiles: Sequence[Profile]) -> dict[str, float]:
    """Inverse document frequency of content words over the originals."""
    counts: dict[str, int] = {}
    for prof in profiles:
        for word in prof.content:
            counts[word] = counts.get(word, 0) + 1
    n = len(profiles)
    return {word: math.log((n + 1) / (count + 0.5)) for word, count in counts.items()}


def _overlap(
    words: Collection[str], original: Profile, idf: dict[str, float], unseen: float
) -> float:
    """The idf-weighted share of ``words`` (distinct content words) the original has."""
    total = sum(idf.get(w, unseen) for w in words) or 1.0
    return sum(idf[w] for w in words if w in original.content) / total


class _Run:
    """What pairing the rewrites of one run shares: declared sources, originals, word weights."""

    def __init__(
        self, documents: Sequence[Document], is_original: Callable[[Document], bool]
    ) -> None:
        index = SourceIndex(documents)
        self.declared = {id(d): declared_sources(d) for d in documents}
        self.sources = {id(d): [index.find(s, d) for s in self.declared[id(d)]] for d in documents}
        originals = [d for d in documents if is_original(d)]
        self.marked = {id(d) for d in originals} | {
            id(s) for found in self.sources.values() for s in found if s is not None
        }
        originals += [d for d in documents if id(d) in self.marked and not is_original(d)]
        self.originals = originals
        self._profiles: dict[int, Profile] = {}
        self.idf = _weights([self.profile(o) for o in originals])
        self.unseen = math.log(len(originals) + 1) if originals else 1.0
        self._postings: dict[str, list[int]] | None = None
        self.positions = {id(o): i for i, o in enumerate(originals)}  # in :attr:`originals`

    def postings(self) -> dict[str, list[int]]:
        """Each content word's originals (their positions in :attr:`originals`), built once."""
        if self._postings is None:
            self._postings = {}
            for position, original in enumerate(self.originals):
                for word in self.profile(original).content:
                    self._postings.setdefault(word, []).append(position)
        return self._postings

    def profile(self, document: Document) -> Profile:
        """The profile of ``document``, computed once."""
        if id(document) not in self._profiles:
            self._profiles[id(document)] = profile(document.text)
        return self._profiles[id(document)]


def pair_documents(
    documents: Sequence[Document],
    is_original: Callable[[Document], bool],
    model: Model,
    candidates: int = 3,
) -> list[Pair]:
    """One :class:`Pair` per rewrite that declares a source or could follow a declared original.

    Documents that are originals (by ``is_original`` or because a rewrite declares them) get no
    pair; with no originals at all, a rewrite without a declared source gets none either.
    """
    run = _Run(documents, is_original)
    pairs = []
    for rewrite in documents:
        if run.declared[id(rewrite)]:
            pairs.append(_declared_pair(run, rewrite, model))
        elif id(rewrite) not in run.marked and run.originals:
            pairs.append(_matched_pair(run, rewrite, model, candidates))
    return pairs


def _declared_pair(run: _Run, rewrite: Document, model: Model) -> Pair:
    """The pair of a rewrite with its declared sources, MISSING when one is not found."""
    declared = run.declared[id(rewrite)]
    found = run.sources[id(rewrite)]
    gone = [s for s, d in zip(declared, found, strict=True) if d is None]
    if gone or any(d is rewrite for d in found):
        missing = gone[0] if gone else ", ".join(declared)
        return Pair(rewrite, None, None, None, MISSING, missing)
    real = tuple({id(d): d for d in found if d is not None}.values())
    joined = union(real)
    score = model.score_profiles(run.profile(joined), run.profile(rewrite))
    return Pair(rewrite, joined, joined, score, DECLARED, ", ".join(declared), real)


#: A further original joins the match when, of the rewrite's sentences that the originals chosen so
#: far leave unexplained, it explains at least this share of all the rewrite's sentences (and two
#: sentences at least), and their union scores higher than the originals chosen so far. None is
#: sought when the chosen ones explain less than that share themselves (an unrelated rewrite).
FURTHER_SHARE = 0.25
#: At most this many originals are matched to one rewrite.
MAX_ORIGINALS = 3


#: Up to this many originals, each one's overlap is computed for every rewrite; past it the
#: overlaps are summed through the run's postings, and only the best are computed again.
PLAIN_RANKING = 64


def _ranked(
    run: _Run, words: Collection[str], candidates: int, chosen: Sequence[Document] = ()
) -> list[Document]:
    """The ``candidates`` originals, less the ``chosen`` ones, that share most of the rare ones
    of ``words`` (by :func:`_overlap`; ties by path and line)."""
    if len(run.originals) > PLAIN_RANKING:
        found = _by_postings(run, words, candidates, {id(o) for o in chosen})
        if found is not None:
            return found
    among = [o for o in run.originals if all(o is not c for c in chosen)]
    return _ordered(run, words, among)[:candidates]


def _ordered(run: _Run, words: Collection[str], among: Sequence[Document]) -> list[Document]:
    return sorted(
        among,
        key=lambda o: (
            -_overlap(words, run.profile(o), run.idf, run.unseen),
            o.path,
            o.line_offset,
        ),
    )


#: How far below the ``candidates``-th best summed overlap an original is still computed again
#: (sums in another order differ in the last bits).
_MARGIN = 1e-9


def _by_postings(
    run: _Run, words: Collection[str], candidates: int, chosen: set[int]
) -> list[Document] | None:
    """What the plain ranking gives, without testing every original for every word: each word's
    weight is added to the originals that have it (the run's postings), and only the originals
    within :data:`_MARGIN` of the ``candidates``-th best sum are ranked by :func:`_overlap` (the
    others are below it). None when fewer than ``candidates`` originals share a word (the
    plain ranking then orders the rest by path)."""
    postings = run.postings()
    sums: dict[int, float] = {}
    for word in set(words):
        found = postings.get(word)
        if found is not None:
            weight = run.idf[word]
            for position in found:
                sums[position] = sums.get(position, 0.0) + weight
    for key in chosen:
        sums.pop(run.positions.get(key, -1), None)
    ranked = heapq.nlargest(candidates, sums.values())
    if len(ranked) < candidates or ranked[-1] <= _MARGIN:
        return None
    floor = ranked[-1] - _MARGIN * max(1.0, ranked[0])
    near = [run.originals[p] for p, value in sums.items() if value >= floor]
    return _ordered(run, words, near)[:candidates]


def _matched_pair(run: _Run, rewrite: Document, model: Model, candidates: int) -> Pair:
    """The pair of a rewrite with the original that scores best of the ``candidates`` nearest,
    joined by further originals when the rewrite's sentences come from them too and together
    they are tracked."""
    ranked = _ranked(run, run.profile(rewrite).content.keys(), candidates)
    scored = [(model.score_profiles(run.profile(o), run.profile(rewrite)), o) for o in ranked]
    best, nearest = max(scored, key=lambda item: item[0].score)
    chosen, joined, union_score = _further(run, rewrite, model, candidates, [nearest], best)
    if union_score.score >= model.threshold or len(chosen) == 1:
        best = union_score
    else:  # several originals that together still do not explain it: name the nearest one
        chosen, joined = [nearest], nearest
    tracked = best.score >= model.threshold
    return Pair(
        rewrite,
        joined if tracked else None,
        joined,
        best,
        MATCHED if tracked else UNMATCHED,
        sources=tuple(chosen),
    )


def _further(
    run: _Run,
    rewrite: Document,
    model: Model,
    candidates: int,
    chosen: list[Document],
    best: Score,
) -> tuple[list[Document], Document, Score]:
    """Add originals that explain a substantial share of the rewrite's sentences the chosen ones
    do not, while their union scores higher: (the originals, their union, its score). The union
    joins them in the order the rewrite first draws on them."""
    target = run.profile(rewrite)
    sentences = len(target.sentences)
    explains = {id(o): covered(run.profile(o), target) for o in chosen}
    joined = union(chosen)
    while len(chosen) < MAX_ORIGINALS:
        explained = [any(explains[id(o)][i] for o in chosen) for i in range(sentences)]
        needed = max(2.0, FURTHER_SHARE * sentences)
        left = [i for i, done in enumerate(explained) if not done]
        if len(left) < needed or sentences - len(left) < needed:
            break  # nothing much left to explain, or the rewrite does not draw on these at all
        rest = frozenset[str]().union(*(target.sentences[i] for i in left))
        options = []
        for original in _ranked(run, rest, candidates, chosen):
            theirs = covered(run.profile(original), target)
            gain = sum(theirs[i] for i in left)
            if gain >= needed:
                options.append((gain, original, theirs))
        if not options:
            break
        _, extra, theirs = max(options, key=lambda option: option[0])
        explains[id(extra)] = theirs
        wider = sorted([*chosen, extra], key=lambda o: _first(explains[id(o)]))
        joined_wider = union(wider)
        score = model.score_profiles(profile(joined_wider.text), target)
        if score.score <= best.score:
            break
        chosen, joined, best = wider, joined_wider, score
    return chosen, joined, best


def _first(explained: Sequence[bool]) -> int:
    """The first sentence explained (past the end if none)."""
    return next((i for i, done in enumerate(explained) if done), len(explained))
