"""Synthesise newsroom-style training pairs from the development data, deterministically.

The development pairs are LLM rewrites (wholly derived), other outlets' reports of the same event
and unrelated stories (both non-derived). Newspapers reuse wire copy differently, so four kinds
are built, each seeded by the pair's id and keeping its group (grouped cross-validation never
sees one story on both sides of a split):

- ``copy-edit`` (wholly derived), one per story: the original's sentences, in order, a tail and
  about one sentence in six cut, about half of them lightly edited (a word dropped, a clause
  dropped, "said" changed, figures restyled), as a sub-editor works wire copy;
- ``reorder`` (wholly derived), one per story: a ``copy-edit`` whose paragraphs are rearranged: a
  later paragraph brought up as the lead and a block of the rest moved;
- ``mix-same-event`` (partially derived), one per same-event report: the other outlet's own report
  of the event with 25-50% of the original's sentences, lightly edited, woven into it in the
  original's order (the reporter's own material and quotes around lifted wire paragraphs);
- ``joined`` (label kept), for about half of every real and synthetic pair: the original becomes
  several wire stories joined, the original plus 2-10 other groups' originals in a random place,
  half of them carrying wire furniture (``\\x19`` paragraph marks, ``<`` line ends, ``(MORE)``), so
  an original 5-20 times the rewrite's length is seen with every label.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Sequence

from lint.text.sentences import sentence_spans
from lint.tracking.pairs import Pair

COPY, REORDER, MIX, JOINED = "copy-edit", "reorder", "mix-same-event", "joined"
SYNTHETIC = frozenset({COPY, REORDER, MIX, JOINED})  # the origins made here
SAME_EVENT = "same-event-other-outlet"


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


def _rng(key: str) -> random.Random:
    return random.Random(zlib.crc32(key.encode("utf-8")))


_SAID = {"said": "says", "says": "said", "told": "said to", "added": "said"}
_PERCENT = re.compile(r"(\d) per cent")


def _edit(sentence: str, rng: random.Random) -> str:
    """One light edit, as a sub-editor makes: restyle, drop a clause or a word, change 'said'."""
    words = sentence.split()
    choice = rng.randrange(4)
    if choice == 0 and (said := [i for i, w in enumerate(words) if w in _SAID]):
        i = rng.choice(said)
        words[i] = _SAID[words[i]]
    elif choice == 1 and sentence.count(", ") >= 2:
        start = sentence.index(", ")
        end = sentence.index(", ", start + 2)
        if end - start < 60:
            return sentence[:start] + sentence[end:]
    elif choice == 2 and len(words) > 8:
        del words[rng.randrange(2, len(words) - 2)]
    elif _PERCENT.search(sentence):
        return _PERCENT.sub(r"\1%", sentence)
    return " ".join(words)


def _copy_edit(original: list[str], rng: random.Random) -> list[str]:
    keep = max(3, round(len(original) * rng.uniform(0.6, 1.0)))
    kept = [s for i, s in enumerate(original[:keep]) if i == 0 or rng.random() > 1 / 6]
    return [_edit(s, rng) if rng.random() < 0.5 else s for s in kept]


def _reorder(sentences: list[str], rng: random.Random) -> list[str]:
    out = list(sentences)
    lead = out.pop(rng.randrange(1, len(out)))
    out.insert(0, lead)
    if len(out) >= 6:
        a = rng.randrange(1, len(out) - 2)
        size = rng.randrange(1, min(4, len(out) - a))
        block = out[a : a + size]
        del out[a : a + size]
        at = rng.randrange(1, len(out) + 1)
        out[at:at] = block
    return out


def _mix(own: list[str], original: list[str], rng: random.Random) -> list[str]:
    count = max(2, round(len(original) * rng.uniform(0.25, 0.5)))
    start = rng.randrange(0, max(1, len(original) - count + 1))
    lifted = [_edit(s, rng) if rng.random() < 0.5 else s for s in original[start : start + count]]
    slots = sorted(rng.randrange(0, len(own) + 1) for _ in lifted)
    out: list[str] = []
    taken = 0
    for i in range(len(own) + 1):
        while taken < len(slots) and slots[taken] == i:
            out.append(lifted[taken])
            taken += 1
        if i < len(own):
            out.append(own[i])
    return out


def _furnish(text: str, rng: random.Random) -> str:
    """Wire furniture: control-character paragraph marks, ``<`` line ends, a (MORE) line."""
    lines = [
        ("\x19" if rng.random() < 0.5 else "") + s.rstrip(".") + " <" for s in _sentences(text)
    ]
    at = rng.randrange(0, len(lines) + 1)
    return "\n".join([*lines[:at], "(MORE)", *lines[at:], "REUTER"])


def _join(pair: Pair, others: Sequence[tuple[str, str]], rng: random.Random) -> str:
    donors = [text for group, text in others if group != pair.group]
    chosen = rng.sample(donors, rng.randint(2, 10))
    chosen.insert(rng.randrange(0, len(chosen) + 1), pair.original)
    if rng.random() < 0.5:
        chosen = [_furnish(text, rng) for text in chosen]
    return "\n\n".join(chosen)


def augment(pairs: Sequence[Pair]) -> list[Pair]:
    """Synthetic pairs built from ``pairs`` (which are not included)."""
    ordered = sorted(pairs, key=lambda p: p.id)
    rewrites = {p.rewrite for p in ordered}
    originals = sorted(
        {(p.group or p.id, p.original) for p in ordered if p.original not in rewrites}
    )
    out: list[Pair] = []
    seen: set[str] = set()
    for pair in ordered:
        rng = _rng(pair.id)
        original = _sentences(pair.original)
        if len(original) < 4:
            continue
        if pair.original not in seen:  # one of each per story
            seen.add(pair.original)
            edited = _copy_edit(original, rng)
            out.append(_make(pair, COPY, " ".join(edited), "wholly-derived"))
            out.append(_make(pair, REORDER, " ".join(_reorder(edited, rng)), "wholly-derived"))
        own = _sentences(pair.rewrite)
        if pair.origin == SAME_EVENT and len(own) >= 3:
            out.append(_make(pair, MIX, " ".join(_mix(own, original, rng)), "partially-derived"))
    joined = []
    for pair in [*ordered, *out]:
        rng = _rng(pair.id + "~joined")
        if rng.random() < 0.5 and len(originals) > 12:
            text = _join(pair, originals, rng)
            joined.append(
                Pair(f"{pair.id}~{JOINED}", text, pair.rewrite, pair.label, pair.group, JOINED)
            )
    return out + joined


def _make(pair: Pair, how: str, rewrite: str, label: str) -> Pair:
    return Pair(f"{pair.id}~{how}", pair.original, rewrite, label, pair.group, how)
