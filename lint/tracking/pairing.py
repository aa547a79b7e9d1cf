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

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from lint.core.document import Document
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


def _declared(document: Document) -> list[str]:
    source = document.metadata.get("source")
    items = source if isinstance(source, list | tuple) else [source]
    return [str(item) for item in items if item not in (None, "")]


def union(documents: Sequence[Document]) -> Document:
    """One document for several originals: their texts joined, their paths joined by ' + '."""
    if len(documents) == 1:
        return documents[0]
    names = [d.path + (f"#{d.record}" if d.record else "") for d in documents]
    return Document(" + ".join(names), "\n\n".join(d.text for d in documents), ())


class _Index:
    """Find a declared source among the run's documents: by path, record id, ``id``, stem."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self._keys: dict[str, Document] = {}
        for document in documents:  # first wins: documents are sorted by path and line
            path = PurePosixPath(document.path)
            keys = [str(path), path.name, path.stem, document.record, document.metadata.get("id")]
            for key in keys:
                if key is not None:
                    self._keys.setdefault(str(key), document)

    def find(self, source: str, rewrite: Document) -> Document | None:
        here = PurePosixPath(rewrite.path).parent
        joined = _normpath(here / source)
        for key in (joined, _normpath(PurePosixPath(source)), source):
            if key in self._keys:
                return self._keys[key]
        return None


def _normpath(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            else:
                parts.append(part)
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _weights(profiles: Sequence[Profile]) -> dict[str, float]:
    """Inverse document frequency of content words over the originals."""
    counts: dict[str, int] = {}
    for prof in profiles:
        for word in prof.content:
            counts[word] = counts.get(word, 0) + 1
    n = len(profiles)
    return {word: math.log((n + 1) / (count + 0.5)) for word, count in counts.items()}


def _overlap(rewrite: Profile, original: Profile, idf: dict[str, float], unseen: float) -> float:
    total = sum(idf.get(w, unseen) for w in rewrite.content) or 1.0
    return sum(idf[w] for w in rewrite.content if w in original.content) / total


class _Run:
    """What pairing the rewrites of one run shares: declared sources, originals, word weights."""

    def __init__(
        self, documents: Sequence[Document], is_original: Callable[[Document], bool]
    ) -> None:
        index = _Index(documents)
        self.declared = {id(d): _declared(d) for d in documents}
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


def _matched_pair(run: _Run, rewrite: Document, model: Model, candidates: int) -> Pair:
    """The pair of a rewrite with the original that scores best of the ``candidates`` nearest."""
    ranked = sorted(
        run.originals,
        key=lambda o: (
            -_overlap(run.profile(rewrite), run.profile(o), run.idf, run.unseen),
            o.path,
            o.line_offset,
        ),
    )[:candidates]
    scored = [(model.score_profiles(run.profile(o), run.profile(rewrite)), o) for o in ranked]
    best, nearest = max(scored, key=lambda item: item[0].score)
    tracked = best.score >= model.threshold
    return Pair(
        rewrite,
        nearest if tracked else None,
        nearest,
        best,
        MATCHED if tracked else UNMATCHED,
        sources=(nearest,),
    )
