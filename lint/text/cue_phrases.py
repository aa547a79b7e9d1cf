"""Literal cue phrases (a rule's ``cues`` and ``vague_cues``), searched only where a phrase's
first word occurs (part of the cue search, :mod:`lint.text.cues`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from lint.text.cue_gate import Gate
from lint.text.gated import lowered
from lint.text.phrase_starts import edged_automaton, edged_haystack, literal_start


class Phrases(NamedTuple):
    """Literal phrases matched case-insensitively, any white space between words.

    ``re`` cannot skip ahead in a pattern that starts with a lookbehind, so it would try every
    alternative at every character. Here one Aho-Corasick pass over the lowercased text proposes
    every place where a phrase's first word occurs (what ``str.find`` per word found, in one scan
    instead of one per word), and there only the phrases with that first word are tried (a
    pattern of them alone, in the whole pattern's order): exactly the matches
    ``pattern.finditer`` gives, for a fraction of the time. In an ASCII text the first words are
    looked for as whole words only (:func:`lint.text.phrase_starts.edged_places`): "a" of "a
    source said" no longer proposes every "a" inside a word.
    """

    #: the pattern of all the phrases, case-insensitive (:attr:`pattern`, compiled when first
    #: needed: the phrases are looked for by first word)
    source: str
    first_words: tuple[str, ...]
    #: (first word, lowercase; the phrase's part of ``pattern``), in the pattern's order
    parts: tuple[tuple[str, str], ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        """All the phrases as one pattern (what :meth:`finditer` finds its ``finditer``)."""
        return re.compile(self.source, re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        gate = PHRASE_GATES.get(self.source) or phrase_gate(self)
        masks: dict[int, int] = {}
        get = masks.get
        if gate.edged is not None and text.isascii():
            # the pattern's lookbehind puts every match at a word edge, and a first word is
            # followed by white space or a non-word character: look there only
            for at, keys in gate.edged.iter(edged_haystack(text, True)):
                for mask, length in keys:
                    start = at - length + 1
                    masks[start] = get(start, 0) | mask
        else:
            low = lowered(text)
            if low is None:
                yield from self.pattern.finditer(text)
                return
            for at, (length, mask) in gate.automaton.iter(low):
                start = at - length + 1
                masks[start] = get(start, 0) | mask
        yield from gate.gate.matches(text, masks)


class _PhraseGate(NamedTuple):
    """What :meth:`Phrases.finditer` looks for, built once per phrase list and process (a rule's
    options are pickled to workers; the automatons are not)."""

    gate: Gate
    edged: Any  # the first words at word edges, each with the phrases it starts, or None
    words: dict[str, int]  # each first word's phrases

    @property
    def automaton(self) -> Any:
        """The first words anywhere, each with (length, the phrases it starts)."""
        return _words_automaton(tuple(self.words.items()))


@functools.lru_cache(maxsize=16)
def _words_automaton(words: tuple[tuple[str, int], ...]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word, mask in words:
        automaton.add_word(word, (len(word), mask))
    automaton.make_automaton()
    return automaton


PHRASE_GATES: dict[str, _PhraseGate] = {}


def phrase_gate(phrases: Phrases) -> _PhraseGate:
    words: dict[str, int] = {}  # first word -> bit mask of its phrases
    for index, (word, _) in enumerate(phrases.parts):
        words[word] = words.get(word, 0) | 1 << index
    starts: dict[tuple[str, bool], int] = {}  # a first word's key (literal_start) -> bit mask
    for word, mask in words.items():
        key = literal_start(word)
        starts[key] = starts.get(key, 0) | mask
    parts = tuple(part for _, part in phrases.parts)
    head, tail = r"(?<![\w-])(?:", r")(?!\w)"
    gate = Gate(parts, head, tail, re.IGNORECASE)
    found = _PhraseGate(gate, edged_automaton(starts), words)
    PHRASE_GATES[phrases.source] = found
    return found


def phrases(items: tuple[str, ...], name: str) -> Phrases | None:
    """The phrases of one option; a space in a phrase matches any white space. A phrase right
    after a hyphen is part of a compound ("Singapore-registered"), not a cue."""
    for phrase in items:
        if not phrase.strip():
            raise ValueError(f"option {name!r} has an empty entry")
    if not items:
        return None
    firsts = {r"\s+".join(map(re.escape, p.split())): p.split()[0].lower() for p in items}
    parts = sorted(firsts, key=lambda p: (len(p), p), reverse=True)
    source = rf"(?<![\w-])(?:{'|'.join(parts)})(?!\w)"
    words = tuple(sorted(set(firsts.values())))
    return Phrases(source, words, tuple((firsts[part], part) for part in parts))
