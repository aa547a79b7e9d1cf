"""Synthesise training pairs the development data lacks, deterministically.

``partially-derived`` (METER's middle class) by splicing: a derived rewrite keeps a run of its own
sentences, in order, and the rest is replaced by a contiguous run of sentences from another
story's text (``splice-other``); or an independent same-event report gets a contiguous run of the
original's sentences copied into it verbatim (``splice-copy``), as a journalist lifts a few
paragraphs of wire copy into their own piece.
``wholly-derived`` by cutting: the original's sentences, in order, with some dropped
(``cut-original``), as a sub-editor shortens wire copy.
Every synthetic pair keeps the group of the pair it was built from, so grouped
cross-validation never sees one story on both sides of a split.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence

from lint.text.sentences import sentence_spans
from lint.tracking.pairs import Pair

SYNTHETIC = frozenset({"splice-other", "splice-copy", "cut-original"})  # the origins made here


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def _rng(key: str) -> random.Random:
    return random.Random(zlib.crc32(key.encode("utf-8")))


def _splice(own: list[str], other: list[str], keep: float, rng: random.Random) -> str:
    """``own`` with a contiguous run of ``1 - keep`` of it replaced by a run of ``other``."""
    cut = max(1, round(len(own) * (1 - keep)))
    at = rng.randrange(0, len(own) - cut + 1)
    start = rng.randrange(0, max(1, len(other) - cut + 1))
    return " ".join(own[:at] + other[start : start + cut] + own[at + cut :])


def augment(pairs: Sequence[Pair]) -> list[Pair]:
    """Synthetic pairs built from ``pairs`` (which are not included)."""
    texts = sorted({p.original for p in pairs})
    out: list[Pair] = []
    for pair in sorted(pairs, key=lambda p: p.id):
        rng = _rng(pair.id)
        rewrite, original = _sentences(pair.rewrite), _sentences(pair.original)
        if len(rewrite) < 4 or len(original) < 4:
            continue
        if pair.label == "wholly-derived":
            donor = texts[rng.randrange(len(texts))]
            if donor == pair.original:
                continue
            text = _splice(rewrite, _sentences(donor), rng.uniform(0.55, 0.8), rng)
            out.append(_make(pair, "splice-other", text, "partially-derived"))
        elif pair.origin == "same-event-other-outlet":
            text = _splice(rewrite, original, rng.uniform(0.5, 0.8), rng)
            out.append(_make(pair, "splice-copy", text, "partially-derived"))
            kept = [s for s in original if rng.random() < 0.75] or original[:3]
            out.append(_make(pair, "cut-original", " ".join(kept), "wholly-derived"))
    return out


def _make(pair: Pair, how: str, rewrite: str, label: str) -> Pair:
    return Pair(f"{pair.id}~{how}", pair.original, rewrite, label, pair.group, how)
