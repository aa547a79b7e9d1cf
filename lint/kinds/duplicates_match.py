"""How the ``duplicates`` kind finds copies (see :mod:`lint.kinds.duplicates`): exact copies by
their keys in a hash table, near copies by the prefix-filtered similarity join, whole articles by
their keys."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from lint.core.document import Block, Span
from lint.core.finding import Hit
from lint.kinds.base import Unit
from lint.kinds.duplicates_keys import _article, _hit, _Item, _items, _Sig
from lint.text.shingles import frequency as _frequency

if TYPE_CHECKING:
    from lint.kinds.duplicates import Options

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Lists(Generic[K, V]):
    """A multimap, key -> values in the order added, that holds most keys' one value without a
    list (a list per key was most of the corpus stage's peak: most keys are held once)."""

    def __init__(self) -> None:
        self.first: dict[K, V] = {}
        self.more: dict[K, list[V]] = {}

    def get(self, key: K) -> list[V]:
        if key not in self.first:
            return []
        return [self.first[key], *self.more.get(key, ())]

    def add(self, key: K, value: V) -> None:
        if key in self.first:
            self.more.setdefault(key, []).append(value)
        else:
            self.first[key] = value


def _allowed(options: Options, first: _Item, later: _Item) -> bool:
    same = first[0] == later[0]
    return options.within_document if same else options.across_corpus


def _exact(units: Sequence[Unit], options: Options, context: int) -> Iterator[tuple[int, Hit]]:
    items = list(_items(units, options.min_words, None))
    # with context, only the reported units' keys matter: no other block can be their first copy
    wanted = {key for item, (_, key, _) in items if item[0] >= context} if context else None
    seen: _Lists[int, _Item] = _Lists()
    for item, (_, key, _) in items:
        if wanted is not None and key not in wanted:
            continue
        if item[0] >= context:  # the first ``context`` units are never reported on
            first = next((e for e in seen.get(key) if _allowed(options, e, item)), None)
            if first is not None:
                yield item[0], _hit(units[first[0]][0], first, item, 1.0)
        seen.add(key, item)


def _near(units: Sequence[Unit], options: Options, context: int) -> Iterator[tuple[int, Hit]]:
    """The similarity join. With ``context`` (a hook's committed corpus, never reported on), the
    context's blocks are indexed under every shingle instead of a prefix, so they need no
    frequency order and no look-up of their own; a later block's candidates are then every
    earlier block sharing a shingle, a superset of the prefix filter's, and the same pairs pass
    the threshold (the prefix filter misses none), so the findings are the same. A context block
    sharing no shingle with a reported block can be no one's candidate: it is not indexed.

    Shingles stay packed (see ``_Sig``); only the block being looked up is made a set."""
    items = list(_items(units, options.min_words, options.shingle_size))
    return _join(units, options, context, items)


def _join(
    units: Sequence[Unit], options: Options, context: int, items: list[tuple[_Item, _Sig]]
) -> Iterator[tuple[int, Hit]]:
    """:func:`_near` once its ``items`` are known."""
    if not context:
        sets = [frozenset() if shingles is None else shingles for _, (_, _, shingles) in items]
        joiner = _Joiner(options, _frequency(sets, options.threshold))
        for item, signature in items:
            found = joiner.push(item, signature)
            if found is not None:
                first, similarity = found
                yield item[0], _hit(units[first[0]][0], first, item, similarity)
        return
    sets = [frozenset() if shingles is None else shingles for _, (_, _, shingles) in items]
    query: frozenset[int] = frozenset()
    query = query.union(*(sets[p] for p, (i, _) in enumerate(items) if i[0] >= context))
    index: _Lists[int, int] = _Lists()
    exact: _Lists[int, _Item] = _Lists()
    for position, stored in enumerate(sets):
        item, (_, key, _) = items[position]
        if options.exclude_exact:
            copied = any(_allowed(options, e, item) for e in exact.get(key))
            exact.add(key, item)
            if copied:
                continue  # an exact copy: left to the exact rule
        shingles = frozenset(stored)
        if item[0] < context:
            if not shingles.isdisjoint(query):
                for s in shingles:
                    index.add(s, position)
            continue
        candidates = {c for s in shingles for c in index.get(s)}
        best = _best(options, shingles, item, candidates, sets, items)
        if best is not None:
            first = items[best[1]][0]
            yield item[0], _hit(units[first[0]][0], first, item, best[0])
        for s in shingles:
            index.add(s, position)


def _best(
    options: Options,
    shingles: frozenset[int],
    item: _Item,
    candidates: Iterable[int],
    sets: Sequence[array[int] | frozenset[int]],
    items: Sequence[tuple[_Item, _Sig]],
) -> tuple[float, int] | None:
    """The most similar candidate at or above the threshold (the first of equals), if any."""
    best: tuple[float, int] | None = None
    t = options.threshold
    size = len(shingles)
    for c in sorted(candidates):
        other = sets[c]
        if len(other) < t * size or size < t * len(other):
            continue
        common = len(shingles.intersection(other))
        similarity = common / (size + len(other) - common)
        if similarity < t or not _allowed(options, items[c][0], item):
            continue
        if best is None or similarity > best[0]:
            best = (similarity, c)
    return best


class _Joiner:
    """The similarity join without context, fed its items in order once the shingles' order
    (``prefix``, see :func:`lint.text.shingles.frequency`) is fixed. Any one fixed order finds
    the same pairs: every earlier block at or above the threshold is a candidate (the prefix
    filter misses none), and the best is the most similar, the first of equals; the order only
    keeps the candidate lists short. So a run may fix it from the blocks seen so far and join
    the later ones as they come (see :class:`Stream`)."""

    def __init__(self, options: Options, prefix: Callable[[Collection[int]], list[int]]) -> None:
        self.options = options
        self.prefix = prefix
        self.items: list[tuple[_Item, _Sig]] = []
        self.sets: list[array[int] | frozenset[int]] = []
        self.index: _Lists[int, int] = _Lists()
        self.exact: _Lists[int, _Item] = _Lists()

    def push(self, item: _Item, signature: _Sig) -> tuple[_Item, float] | None:
        """The earlier block ``item`` nearly repeats, and their similarity, if any."""
        options = self.options
        position = len(self.sets)
        stored = signature[2]
        self.items.append((item, signature))
        self.sets.append(frozenset() if stored is None else stored)
        if options.exclude_exact:
            key = signature[1]
            copied = any(_allowed(options, e, item) for e in self.exact.get(key))
            self.exact.add(key, item)
            if copied:
                return None  # an exact copy: left to the exact rule
        # one total order for every block (rarest first, ties by value) keeps the prefix
        # filter exact; ties left in each set's own iteration order missed pairs (the packed
        # array is sorted: the prefix needs no sort of its own, and no set unless compared)
        indexed = self.prefix(self.sets[position])
        # ``_Lists.get`` and ``add`` inlined (a call and a list per shingle: most of the time)
        first, more = self.index.first, self.index.more
        candidates: set[int] = set()
        for s in indexed:
            c = first.get(s)
            if c is not None:
                candidates.add(c)
                if s in more:
                    candidates.update(more[s])
        best = (
            _best(options, frozenset(self.sets[position]), item, candidates, self.sets, self.items)
            if candidates
            else None
        )
        for s in indexed:
            if s in first:
                more.setdefault(s, []).append(position)
            else:
                first[s] = position
        if best is None:
            return None
        return self.items[best[1]][0], best[0]


def _articles(units: Sequence[Unit], options: Options, context: int) -> Iterator[tuple[int, Hit]]:
    """Each document whose selected text (normalised), or whose text below the headline, is an
    earlier document's: one hit spanning all of it, naming the first copy."""
    seen: dict[int, int] = {}
    for index, (document, blocks) in enumerate(units):
        first = _first_copy(seen, index, _article(document, blocks), options.min_words)
        if first is not None and index >= context:
            start = (first, _whole(units[first][1]))
            yield index, _hit(units[first][0], start, (index, _whole(blocks)), 1.0)


def _first_copy(
    seen: dict[int, int], index: int, keys: tuple[tuple[int, int], ...], min_words: int
) -> int | None:
    """The earliest unit ``seen`` under one of an article's ``keys`` (word count, key) long
    enough to compare, or None; the keys are recorded for ``index`` where no unit had them."""
    first: int | None = None
    for count, key in keys:
        if count >= min_words:
            earlier = seen.setdefault(key, index)
            if earlier != index and (first is None or earlier < first):
                first = earlier
    return first


def _whole(blocks: Sequence[Block]) -> Block:
    """One block spanning ``blocks`` (an article copy's span: from its first block's start to its
    last block's end)."""
    return Block(blocks[0].kind, 0, Span(blocks[0].start, blocks[-1].span.end), "")
