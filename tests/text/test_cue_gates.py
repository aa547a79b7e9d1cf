"""The cue search tries, at each place a cue can start, only the alternatives that can start
there (issue 13, speed only): the phrases with the first word found there, the constructions
with a first word found there. It must find what the whole pattern's ``finditer`` finds, with
the same spans in the same order (the whole alternation takes its first alternative that
matches; the gate keeps the alternatives' order)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.kinds import figures
from lint.text import cue_gate, cue_phrases, cues
from lint.text.gated import leading_words
from lint.text.phrase_starts import edged_automaton, edged_places
from lint.text.tokens import flat

OPTIONS = figures.Options()
CUE_LISTS = (OPTIONS.cues, OPTIONS.vague_cues)


def _phrase_sets() -> list[cue_phrases.Phrases]:
    found = [OPTIONS.cue_set.real, OPTIONS.cue_set.vague]
    # a list whose first words hold a character the edged haystack drops (the plain automaton
    # path), phrases sharing first words, and phrases one of which starts another
    extra = ("u.s. officials said", "said", "said on", "officials’ count", "officials' count")
    found.append(cue_phrases.phrases((*extra, "it is", "it is said", "a source", "a"), "extra"))
    return [p for p in found if p is not None]


PHRASE_SETS = _phrase_sets()
ALL_PHRASES = [
    *sorted({p for items in CUE_LISTS for p in items}),
    "u.s. officials said",
    "officials’ count",
    "it is said",
]


def _variants(phrase: str) -> Iterator[str]:
    words = phrase.split()
    for case in (str.lower, str.upper, str.title, lambda s: s):
        for space in (" ", "  ", "\n", "\t", " \n "):
            yield space.join(case(w) for w in words)


_BEFORE = ("", " ", "-", "x", "The ", "the ", "(", "'", "é ", "\n")
_AFTER = ("", " ", "x", ".", "-", " 5", "'s", ":", "é")


def _phrase_texts() -> Iterator[str]:
    for phrase in ALL_PHRASES:
        for before, after in itertools.product(_BEFORE, _AFTER):
            yield before + phrase + after
        for i, variant in enumerate(_variants(phrase)):
            yield _BEFORE[i % len(_BEFORE)] + variant + _AFTER[i * 5 % len(_AFTER)]


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_every_cue_phrase_in_every_variant_is_found_as_by_the_pattern() -> None:
    texts = list(_phrase_texts())
    # one long text too: earlier matches end where later ones may start
    texts.append(" ".join(texts[::7]))
    for phrases in PHRASE_SETS:
        for text in texts:
            assert _spans(phrases.finditer(text)) == _spans(phrases.pattern.finditer(text)), text


_PHRASE_WORDS = st.sampled_from(
    [
        *ALL_PHRASES,
        *[p.upper() for p in ALL_PHRASES[::3]],
        *["a", "the", "The", "-", "x", "5", "'s", "’s", ".", ",", " ", "  ", "\n", "\t", "é"],
        *["\u0130", "\u212a", "ſ"],
    ]
)
_PHRASE_TEXT = st.lists(_PHRASE_WORDS, max_size=20).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_PHRASE_TEXT)
def test_cue_phrases_in_generated_text_are_found_as_by_the_pattern(text: str) -> None:
    for phrases in PHRASE_SETS:
        assert _spans(phrases.finditer(text)) == _spans(phrases.pattern.finditer(text))
        ascii_text = text.encode("ascii", "replace").decode()
        assert _spans(phrases.finditer(ascii_text)) == _spans(phrases.pattern.finditer(ascii_text))


def test_the_gated_phrase_patterns_keep_the_whole_patterns_order() -> None:
    for phrases in PHRASE_SETS:
        parts = [part for _, part in phrases.parts]
        assert phrases.pattern.pattern == rf"(?<![\w-])(?:{'|'.join(parts)})(?!\w)"
        assert {word for word, _ in phrases.parts} == set(phrases.first_words)
        for word, part in phrases.parts:
            assert re.fullmatch(part.split(r"\s+")[0], word, re.IGNORECASE), (word, part)


# -- constructions ------------------------------------------------------------------------


def test_each_construction_is_keyed_by_the_words_it_can_start_with() -> None:
    """Every literal a construction's match can start with begins with one of its keys, so the
    gate offers it wherever it can match ("(" and the possessive ones are found apart)."""
    assert cues.CONSTRUCTIONS.pattern == CONSTRUCTIONS_JOINED
    for words, part in cues._CONSTRUCTION_PARTS:
        if words in ("(", "'s"):
            continue
        starts = leading_words(re.compile(part, re.IGNORECASE))
        assert starts, part
        for start in starts:
            # a literal the match starts with ("st" of "stand|stood" is one too)
            assert any(start.startswith(w) or w.startswith(start) for w in words.split()), part


CONSTRUCTIONS_JOINED = "|".join(part for _, part in cues._CONSTRUCTION_PARTS)

_CONSTRUCTION_WORDS = sorted(
    {word for words, _ in cues._CONSTRUCTION_PARTS for word in words.split()}
    | set(re.findall(r"[a-z]+", " ".join(part for _, part in cues._CONSTRUCTION_PARTS).lower()))
)
CONSTRUCTION_PIECES = [
    *[
        "REUTERS'S FIGURES",
        "THE AGENCY'S COUNT",
        "in the High Court report",
        "in the Court",
        "in a report",
        "by the agency's count",
    ],
    *["by Reuters's figures", "Reuters's figures", "S&P's data", "U.S.'s estimates"],
    *["data compiled by", "data from the Pew", "figures by the", "the list of", "tops the list"],
    *["on the list", "the offer would", "offered them a deal", "court heard", "court ruled"],
    *["poll by the Pew found", "report by the Pew said", "a judge ruled that", "(source: X)"],
    *["(Sources:", "puts the toll at", "saw it at", "police have named", "set by the Bureau"],
    *["set by the bureau", "ruled on Monday that", "a suit on behalf of", "stood accused of"],
    *["Smith's claims that", "margin of sampling error", "respondents", "in its own report"],
]
_CONSTRUCTION_TOKENS = st.sampled_from(
    [
        *_CONSTRUCTION_WORDS,
        *[w.title() for w in _CONSTRUCTION_WORDS[::2]],
        *[w.upper() for w in _CONSTRUCTION_WORDS[::5]],
        *CONSTRUCTION_PIECES,
        *["'s", "’s", "(", ")", ".", ";", ":", "-", "&", "x", "5", "é", "Pew", "Bureau", "\n"],
        *["\u0130", "\u212a", "the", "The", "a", "its"],
    ]
)
_CONSTRUCTION_TEXT = st.lists(_CONSTRUCTION_TOKENS, max_size=25).map(" ".join)


def _plain_constructions(text: str) -> list[tuple[int, int]]:
    """The whole pattern tried where the search before the gate tried it (``CONSTRUCTIONS.
    finditer`` but for an ASCII text's "'S", which adds no places of its own: "REUTERS'S
    FIGURES" is found only where another word puts a place)."""
    text = flat(text)
    if "'S" not in text or not text.isascii():
        return _spans(cues.CONSTRUCTIONS.finditer(text))
    starts = set(edged_places(text, _OLD_EDGED))
    starts.update(i for i, ch in enumerate(text) if ch == "(")
    for at in (i for i in range(len(text)) if text.startswith("'s", i)):
        while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_&.-"):
            at -= 1
            starts.add(at)
    found, end = [], 0
    for start in sorted(starts):
        if start >= end and (match := cues.CONSTRUCTIONS.match(text, start)) is not None:
            found.append(match.span())
            end = match.end()
    return found


_OLD_EDGED = edged_automaton(
    {
        (word, False): 0
        for words, _ in cues._CONSTRUCTION_PARTS
        for word in words.split()
        if word[0].isalpha()
    }
)


@settings(max_examples=600, deadline=None)
@given(_CONSTRUCTION_TEXT, st.booleans())
def test_constructions_in_generated_text_are_found_as_by_the_pattern(
    text: str, ascii_only: bool
) -> None:
    if ascii_only:
        text = text.encode("ascii", "replace").decode()
    assert _spans(cues.constructions(text)) == _plain_constructions(text)


def _construction_texts() -> Iterator[str]:
    for piece in CONSTRUCTION_PIECES:
        for before, case in itertools.product(_BEFORE, (str.lower, str.upper, str.title)):
            yield before + case(piece)
            yield before + case(piece).replace(" ", "\n")
    for word in _CONSTRUCTION_WORDS:
        yield f"{word} the Pew Court report by the X found that 5"
        yield f"The {word.title()} by its count at the Court"


def test_every_construction_piece_and_word_is_found_as_by_the_pattern() -> None:
    texts = list(_construction_texts())
    texts.append(" ".join(texts[::5]))
    for text in texts:
        assert _spans(cues.constructions(text)) == _plain_constructions(text), text
    assert sum(bool(_plain_constructions(text)) for text in texts) > len(texts) // 2


class _ReversedGate(cue_gate.Gate):
    """A gate that tries the alternatives it keeps in the wrong order."""

    def pattern(self, mask: int) -> tuple[re.Pattern[str], ...]:
        chosen = [part for i, part in enumerate(self.parts) if mask >> i & 1]
        return (re.compile(self.head + "|".join(reversed(chosen)) + self.tail, self.flags),)


class _ShiftedGate(cue_gate.Gate):
    """A gate that offers, at a place, the phrases of another first word."""

    def pattern(self, mask: int) -> tuple[re.Pattern[str], ...]:
        return super().pattern(mask >> 1 or mask << 1)


def _broken_gates() -> Iterator[pytest.MonkeyPatch]:
    """The gate broken three ways: an alternative missing from a key, the alternatives tried in
    the wrong order, the possessive ones never offered."""
    patch = pytest.MonkeyPatch()
    keys = dict(cues._CONSTRUCTION_KEYS)
    keys["in"] &= keys["in"] - 1  # "in" no longer offers its last alternative
    patch.setattr(cues, "_CONSTRUCTION_KEYS", keys)
    yield patch
    gate = cues._CONSTRUCTION_GATE
    patch.setattr(cues, "_CONSTRUCTION_GATE", _ReversedGate(gate.parts, "", "", gate.flags))
    yield patch
    patch.setattr(cues, "_POSSESSIVE", 0)
    yield patch


def _clear() -> None:
    cues._construction_edged.cache_clear()
    cues._construction_automaton.cache_clear()
    cue_phrases.PHRASE_GATES.clear()


def test_the_comparisons_fail_when_the_gate_is_broken() -> None:
    texts = list(_construction_texts())
    try:
        for patch in _broken_gates():
            _clear()
            assert any(
                _spans(cues.constructions(text)) != _plain_constructions(text) for text in texts
            ), "a broken gate went unnoticed"
            patch.undo()
        phrase_texts = list(_phrase_texts())
        noticed = {}
        for broken in (_ReversedGate, _ShiftedGate):
            for index, phrases in enumerate(PHRASE_SETS):
                _clear()
                with pytest.MonkeyPatch.context() as patch:
                    patch.setattr(cue_phrases, "Gate", broken)
                    noticed[broken, index] = any(
                        _spans(phrases.finditer(text)) != _spans(phrases.pattern.finditer(text))
                        for text in phrase_texts
                    )
        # the order matters where two phrases with one first word match at one place
        assert noticed[_ReversedGate, 0] and noticed[_ReversedGate, 2]
        assert all(noticed[_ShiftedGate, index] for index in range(len(PHRASE_SETS)))
    finally:
        _clear()
    assert all(_spans(cues.constructions(t)) == _plain_constructions(t) for t in texts)
