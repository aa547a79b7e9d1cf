"""Kind ``duplicates``: blocks repeated within a document or across the corpus.

Exact mode compares normalised text (case, white space, quote style and punctuation folded) through
a hash table keyed by a 128-bit xxhash of that text. Near mode compares sets of word shingles (each
a 64-bit xxhash of its words, so a set is a set of integers, not of strings) by Jaccard similarity
with an exact prefix-filtering similarity join: shingles are ordered by corpus frequency (rarest
first; any fixed order finds the same pairs) and only each set's prefix is indexed, which finds
every pair at or above the threshold without comparing all pairs. Each later copy is reported once
and names the earlier block it repeats.

A copy whose text, with white space folded, is identical to an earlier block of the same document
carries a fix: an edit deleting it (whole lines, see :mod:`lint.kinds.edits`). A copy of another
document's block is never deleted, nor a near duplicate, nor anything in a JSONL record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from lint.core.document import Block, Document
from lint.core.finding import Hit
from lint.core.kept import Linted
from lint.kinds.base import Kind, Scope, Unit
from lint.kinds.copy_runs import in_runs
from lint.kinds.duplicates_fixes import _with_edits
from lint.kinds.duplicates_keys import MEMO, _article, _hit, _Item, _Sig, _signature
from lint.kinds.duplicates_match import (
    _allowed,
    _articles,
    _exact,
    _first_copy,
    _Joiner,
    _Lists,
    _near,
    _whole,
)
from lint.text.shingles import frequency as _frequency
from lint.text.shingles import prefix_length


@dataclass(frozen=True)
class Options:
    match: str = "exact"  # "exact" or "near" (blocks), or "article" (a whole document's text)
    threshold: float = 0.8  # near: Jaccard similarity of shingle sets
    shingle_size: int = 3  # near: words per shingle
    min_words: int = 8  # shorter blocks are not compared (boilerplate, sign-offs)
    within_document: bool = True
    across_corpus: bool = True
    exclude_exact: bool = False  # near: leave identical blocks to an exact rule
    runs: bool = False  # exact: a run of copies is one hit (see lint.kinds.copy_runs)

    def __post_init__(self) -> None:
        if self.match not in ("exact", "near", "article"):
            raise ValueError(f"match must be 'exact', 'near' or 'article', not {self.match!r}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        if self.shingle_size < 1 or self.min_words < 1:
            raise ValueError("shingle_size and min_words must be at least 1")
        if not (self.within_document or self.across_corpus):
            raise ValueError("within_document and across_corpus cannot both be false")
        if self.runs and self.match != "exact":
            raise ValueError("runs is an option of match 'exact' only")


def _check(units: Sequence[Unit], options: Options, context: int = 0) -> list[tuple[int, Hit]]:
    """``(unit index, hit)`` for every block (or article) that repeats an earlier one. The first
    ``context`` units are compared with but never reported on (see :meth:`Engine.check_corpus`)."""
    if options.match == "article":
        return list(_articles(units, options, context))
    if options.match == "exact":
        copies = _with_edits(units, list(_exact(units, options, context)), None)
        return in_runs(copies, lambda i: units[i][0]) if options.runs else copies
    return _with_edits(units, list(_near(units, options, context)), options.shingle_size)


class _Units(Sequence[Unit]):
    """The units fed to a :class:`Stream`: each document with its blocks, found again when asked
    for (a hit's document): the stream holds the documents, not every unit's blocks."""

    def __init__(self, blocks_of: Callable[[Linted], Sequence[Block]]) -> None:
        self.documents: list[Linted] = []
        self._blocks_of = blocks_of

    def __len__(self) -> int:
        return len(self.documents)

    @overload
    def __getitem__(self, index: int) -> Unit: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Unit]: ...
    def __getitem__(self, index: int | slice) -> Unit | Sequence[Unit]:
        if isinstance(index, slice):
            return [(d, self._blocks_of(d)) for d in self.documents[index]]
        document = self.documents[index]
        return document, self._blocks_of(document)


class Stream:
    """``check(units, options)`` without context, fed one unit at a time, in order, so the run
    does the work while worker processes lint the later documents (see
    :class:`lint.engine.engine.CorpusFeed`). Exact and article copies are found as units come
    (a unit's findings depend on the units before it only), and an exact copy's fix is made
    with its unit (``_with_edits`` works unit by unit). Near mode fixes the shingles' order
    from the blocks of the first quarter of the ``expected`` units (all of them, without
    ``expected``), then joins each later block as it comes: any fixed order finds the same
    pairs (see :class:`_Joiner`). :meth:`results` finishes and equals ``check`` on the same
    units."""

    def __init__(
        self,
        options: Options,
        blocks_of: Callable[[Linted], Sequence[Block]],
        expected: int | None = None,
    ) -> None:
        self.options = options
        self.units = _Units(blocks_of)
        self._found: list[tuple[int, Hit]] = []
        self._seen: _Lists[int, _Item] = _Lists()  # exact mode
        self._article_units: dict[int, int] = {}  # article mode: key -> first unit with it
        self._articles: dict[int, Block] = {}  # article mode: first copies' spans by unit
        self._size = options.shingle_size if options.match == "near" else None
        self._pending: list[tuple[_Item, _Sig]] = []  # near mode, until the order is fixed
        self._joiner: _Joiner | None = None
        self._start = max(1, expected // 4) if expected else None  # units fixing the order

    def add(self, document: Linted, blocks: Sequence[Block]) -> None:
        """The next unit: ``document`` and its blocks of the rule's scope."""
        index = len(self.units)
        self.units.documents.append(document)
        options = self.options
        if options.match == "article":
            self._article(index, document, blocks)
            return
        size, min_words = self._size, options.min_words
        found = len(self._found)
        memo = document.memo.get(MEMO, {})  # prepared: ``_signature``'s look-up, inlined
        for block in blocks:
            signature = memo.get((block.index, size)) or _signature(document, block, size)
            if signature[0] < min_words:
                continue
            item = (index, block)
            if size is not None:
                self._near(item, signature)
                continue
            key = signature[1]
            first = next((e for e in self._seen.get(key) if _allowed(options, e, item)), None)
            if first is not None:
                earlier = self.units.documents[first[0]]
                self._found.append((index, _hit(earlier, first, item, 1.0)))
            self._seen.add(key, item)
        if size is None and len(self._found) > found:  # this unit's copies, with their fixes
            self._found[found:] = _with_edits(self.units, self._found[found:], None)
            if options.runs:
                self._found[found:] = in_runs(self._found[found:], self.units.documents.__getitem__)
        if self._joiner is None and self._start is not None and index + 1 >= self._start:
            self._fix_order()

    def _near(self, item: _Item, signature: _Sig) -> None:
        if self._joiner is None:
            self._pending.append((item, signature))
            return
        found = self._joiner.push(item, signature)
        if found is not None:
            first, similarity = found
            earlier = self.units.documents[first[0]]
            self._found.append((item[0], _hit(earlier, first, item, similarity)))

    def _fix_order(self) -> None:
        """Fix the shingles' order from the blocks so far, and join them."""
        if self._size is None:
            return
        sets = [frozenset() if sh is None else sh for _, (_, _, sh) in self._pending]
        self._joiner = _Joiner(self.options, _frequency(sets, self.options.threshold))
        pending, self._pending = self._pending, []
        for item, signature in pending:
            self._near(item, signature)

    def _article(self, index: int, document: Linted, blocks: Sequence[Block]) -> None:
        """As :func:`_articles` does for one unit; the first copy's span is kept, not its
        blocks."""
        keys = _article(document, blocks)
        earliest = _first_copy(self._article_units, index, keys, self.options.min_words)
        if any(self._article_units.get(key) == index for _, key in keys):
            self._articles[index] = _whole(blocks)  # first with one of its keys: may be named
        if earliest is None:
            return
        earlier = self.units.documents[earliest]
        start = (earliest, self._articles[earliest])
        self._found.append((index, _hit(earlier, start, (index, _whole(blocks)), 1.0)))

    def results(self) -> list[tuple[int, Hit]]:
        """What ``check`` returns on the units fed."""
        if self._size is None:  # exact copies have their fixes already; articles have none
            return list(self._found)
        if self._joiner is None:
            self._fix_order()
        return _with_edits(self.units, self._found, self._size)


class _Check:
    """The kind's check (a function's call), with :class:`Stream` for a run that feeds the
    units as they come."""

    stream = Stream

    def __call__(
        self, units: Sequence[Unit], options: Options, context: int = 0
    ) -> list[tuple[int, Hit]]:
        return _check(units, options, context)


check = _Check()


def prepare(document: Document, blocks: Sequence[Block], options: Options) -> None:
    """Compute what ``check`` derives from ``document`` (kept in its memo)."""
    if options.match == "article":
        _article(document, blocks)
        return
    size = options.shingle_size if options.match == "near" else None
    for block in blocks:
        _signature(document, block, size)


_LOW = (1 << 64) - 1


def tokens(
    document: Document, blocks: Sequence[Block], options: Options, rank: Callable[[int], int]
) -> Iterator[int]:
    """Ints a context document must share with a linted one to bear on its findings.

    Exact mode: the keys of the blocks compared (folded to 64 bits); article mode: the article's
    key. Near mode: the prefix filter's prefix of each compared block's shingles, in the fixed
    order ``(rank(s), s)``: two sets with Jaccard similarity at least ``t`` share a shingle among
    their first ``n - ceil(t * n) + 1`` in any fixed order (the join above relies on the same
    lemma), so a context block with no shingle in common with a linted block's prefix can be
    neither its near copy nor the exact copy (same shingles) that ``exclude_exact`` looks for.
    ``rank`` puts shingles frequent in the corpus last, so a prefix holds rare ones."""
    if options.match == "article":
        for count, key in _article(document, blocks):
            if count >= options.min_words:
                yield key & _LOW
        return
    size = options.shingle_size if options.match == "near" else None
    for block in blocks:
        count, key, shingles = _signature(document, block, size)
        if count < options.min_words:
            continue
        if shingles is None:
            yield key & _LOW
            continue
        ordered = sorted(shingles, key=lambda s: (rank(s), s))
        yield from ordered[: prefix_length(len(ordered), options.threshold)]


def counted(
    document: Document, blocks: Sequence[Block], options: Options
) -> Iterator[frozenset[int]]:
    """The shingle sets whose corpus frequencies make ``tokens``' order (near mode only)."""
    if options.match != "near":
        return
    for block in blocks:
        count, _, shingles = _signature(document, block, options.shingle_size)
        if count >= options.min_words and shingles is not None:
            yield frozenset(shingles)


KIND = Kind(
    "duplicates",
    Scope.CORPUS,
    Options,
    check,
    takes_context=True,
    prepare=prepare,
    tokens=tokens,
    counted=counted,
)
