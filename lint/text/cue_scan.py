"""A paragraph's cue phrases and constructions from one automaton pass (issue 13, speed only).

:meth:`lint.text.cue_phrases.Phrases.finditer` (for a rule's ``cues``, then its ``vague_cues``) and
:func:`lint.text.cues.constructions` each run an Aho-Corasick pass over the same haystack of an
ASCII text (:func:`lint.text.phrase_starts.edged_haystack`: its words, lowered, between spaces)
to find where their first words start at word edges. :func:`cue_matches` runs one pass of an
automaton holding the three sets of first words, each hit tagged with its set, and hands each
set's places to the same gate as before: every set gets exactly the places (and the alternatives
at each) its own pass gave, so each finds exactly what it found alone. The same pass tells which
of :func:`lint.text.cue_proposals.proposals`' patterns can match (one of their words occurs as a
whole word: :func:`lint.text.cue_proposals.proposals_at`), in place of the hints' own pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lint.text import cue_phrases, cue_proposals, cues
from lint.text.cue_phrases import Phrases
from lint.text.phrase_starts import _KEEP, edged_haystack, literal_start
from lint.text.tokens import flat

#: Which set a first word belongs to, in the low bits of its hit's code (the rest: the
#: alternatives of that set it starts, as a bit mask).
_REAL, _VAGUE, _CONSTRUCTION, _PROPOSALS = 0, 1, 2, 3
_SET_BITS = 2

#: (real phrases' source, vague phrases' source) -> the automaton (None: some first word holds a
#: character the haystack turns into a space, so the sets are searched one by one)
_AUTOMATONS: dict[tuple[str, str], Any] = {}

Matches = Iterator[Any]


def _starts(phrases: Phrases) -> dict[tuple[str, bool], int]:
    """Each first-word key of ``phrases`` with the bit mask of its phrases (as the phrases'
    own edged automaton has them: :func:`lint.text.cue_phrases.phrase_gate`)."""
    words: dict[str, int] = {}
    for index, (word, _) in enumerate(phrases.parts):
        words[word] = words.get(word, 0) | 1 << index
    starts: dict[tuple[str, bool], int] = {}
    for word, mask in words.items():
        key = literal_start(word)
        starts[key] = starts.get(key, 0) | mask
    return starts


def _proposal_words() -> dict[tuple[str, bool], int]:
    """Each word of :data:`lint.text.cue_proposals.PROPOSAL_WORDS`, as a whole word, with the bit
    mask of the patterns it is a word of."""
    words: dict[tuple[str, bool], int] = {}
    for index, group in enumerate(cue_proposals.PROPOSAL_WORDS):
        for word in group:
            words[word, True] = words.get((word, True), 0) | 1 << index
    return words


def _automaton(real: Phrases, vague: Phrases) -> Any:
    key = (real.source, vague.source)
    if key in _AUTOMATONS:
        return _AUTOMATONS[key]
    import ahocorasick

    sets = (
        (_REAL, _starts(real)),
        (_VAGUE, _starts(vague)),
        (_CONSTRUCTION, {(w, False): m for w, m in cues._CONSTRUCTION_KEYS.items()}),
        (_PROPOSALS, _proposal_words()),
    )
    automaton: Any = ahocorasick.Automaton()
    for tag, starts in sets:
        for (start, whole), mask in starts.items():
            if not _KEEP.issuperset(start.encode("ascii")):
                _AUTOMATONS[key] = None
                return None
            word = f" {start} " if whole else f" {start}"
            hits = automaton.get(word, ())
            automaton.add_word(word, (*hits, (mask << _SET_BITS | tag, len(word))))
    automaton.make_automaton()
    _AUTOMATONS[key] = automaton
    return automaton


def cue_matches(
    text: str, real: Phrases, vague: Phrases
) -> tuple[Matches, Matches, Matches, Matches] | None:
    """``real.finditer(text)``, ``vague.finditer(text)``, ``constructions(text)`` and
    ``proposals(text)`` from one pass over an ASCII ``text``; None when the text or a set's
    first words need them one by one."""
    if not text.isascii():
        return None
    automaton = _automaton(real, vague)
    if automaton is None:
        return None
    places: tuple[dict[int, int], ...] = ({}, {}, {}, {})
    for at, keys in automaton.iter(edged_haystack(text, True)):
        for code, length in keys:
            masks = places[code & 3]
            start = at - length + 1
            masks[start] = masks.get(start, 0) | code >> _SET_BITS
    flat_text = flat(text)
    cues._construction_marks(flat_text, places[_CONSTRUCTION])
    real_gate = cue_phrases.PHRASE_GATES.get(real.source) or cue_phrases.phrase_gate(real)
    vague_gate = cue_phrases.PHRASE_GATES.get(vague.source) or cue_phrases.phrase_gate(vague)
    # a set with no place finds nothing (its gate tries only its places; ``proposals_at`` with
    # no pattern returns at once): most paragraphs have no vague cue, many no construction
    real_at, vague_at, built_at, proposed = places
    which = _union(proposed) if proposed else 0
    return (
        real_gate.gate.matches(text, real_at) if real_at else _NONE,
        vague_gate.gate.matches(text, vague_at) if vague_at else _NONE,
        cues._CONSTRUCTION_GATE.matches(flat_text, built_at) if built_at else _NONE,
        cue_proposals.proposals_at(flat_text, which) if which else _NONE,
    )


#: What a set with no place to look finds.
_NONE: Matches = iter(())


def _union(masks: dict[int, int]) -> int:
    """The patterns whose words were found anywhere."""
    which = 0
    for mask in masks.values():
        which |= mask
    return which
