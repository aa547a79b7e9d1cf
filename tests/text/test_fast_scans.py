"""The text layer's fast scans against the readable forms they replace (issue 9, speed only).

Each fast scan must give exactly what the plain pattern or code gives: on the seeds and on
generated text mixing the characters and words each scan turns on.
"""

from __future__ import annotations

import re
import sys

import pytest
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import capitals, mentions, spelled_scan
from lint.text.sentences import _ABBREVIATIONS, sentence_spans
from lint.tracking.profile import profile

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]

# The readable forms.
SPELLED = re.compile(
    rf"(?=[{spelled_scan._UNIT_INITIALS}])\b(?:{spelled_scan._UNIT_WORDS})\b"
    rf"(?:(?:-|\s+|\s+and\s+)(?:{spelled_scan._ANY_WORD})\b)*"
    rf"(?:\s+(?:to|or)\s+(?:{spelled_scan._ANY_WORD})\b(?:(?:-|\s+)(?:{spelled_scan._ANY_WORD})\b)*)?"
    r"(?P<pct>\s?(?:per\s?cent|percent|pct)\b)?",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"'”’)\]]*$")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u0600-\u06FF])")


def _sentences(text: str) -> list[tuple[int, int]]:
    """sentence_spans as it was written before."""

    def abbreviation(end: int) -> bool:
        match = _WORD_BEFORE.search(text, max(0, end - 20), end)
        if not match:
            return False
        word = match.group(1).lower().rstrip(".")
        return word in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))

    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and abbreviation(match.start() + 1):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


_PIECES = st.sampled_from(
    [
        *[
            "one",
            "seven",
            "seventeen",
            "seventy",
            "ten",
            "Ten",
            "ſix",
            "twenty",
            "hundred",
            "million",
            "and",
            "to",
            "or",
        ],
        *["per", "cent", "percent", "pct", "%", "1", "12", "often", "someone", "weight"],
        *[
            "al",
            "el",
            "bin",
            "de",
            "der",
            "van",
            "of",
            "Of",
            "Al",
            "Syria",
            "Assad",
            "Mr",
            "J",
            "U.S",
            "approx",
            "e.g",
        ],
        *[
            "the",
            "The",
            "THE",
            "said",
            "Said",
            "Known",
            "known",
            "well-known",
            "ab",
            "abc",
            "abcd",
            "Abcd",
            "ABCD",
            "x-Ab",
        ],
        " ",
        " ",
        "  ",
        "\n",
        "\t",
        "-",
        "’",
        "'",
        "’s",
        ".",
        ". ",
        "!",
        "?",
        "…",
        ",",
        ";",
        '"',
        "”",
        "“",
        ")",
        "(",
        "]",
        "_",
        "é",
        "É",
        "ß",
        "\u00a0",
        "\u0307",
        "İ",
        "ǅ",
    ]
)
_TEXT = st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=120))


def _check(text: str) -> None:
    spelled = [(m.span(), m.groupdict()) for m in SPELLED.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in spelled_scan._SPELLED.finditer(text)] == spelled
    assert [(s.start, s.end) for s in sentence_spans(text)] == _sentences(text)
    runs = [m.span() for m in mentions._RUN().finditer(text)]
    assert [m.span() for m in mentions._runs(text)] == runs
    for line in mentions._LINE().finditer(text):
        plain = capitals._LONG_INITIAL().findall(text, line.start(), line.end())
        assert capitals.long_initials(text, line.start(), line.end()) == plain
    lower = set(mentions._LOWER().findall(text))
    asked = {m.group().lower() for m in mentions._PART().finditer(text)} | lower
    for word in asked | {"a", "ab", "abc", "ab-", "a.b", "known"}:
        assert mentions._is_lower_word(text, word) == (word in lower), word


@pytest.mark.parametrize("text", SEED_TEXTS, ids=range(len(SEED_TEXTS)))
def test_fast_scans_match_the_plain_forms_on_the_seeds(text: str) -> None:
    _check(text)


@settings(max_examples=400, deadline=None)
@given(text=_TEXT)
def test_fast_scans_match_the_plain_forms_on_generated_text(text: str) -> None:
    _check(text)


def test_spelled_initials_class_is_what_ignorecase_matches() -> None:
    # the case-sensitive class that starts _SPELLED holds every character IGNORECASE matches
    # to an initial (the long s for "s" among them), and no other
    plain = re.compile(f"[{spelled_scan._UNIT_INITIALS}]", re.IGNORECASE)
    found = "".join(chr(c) for c in range(sys.maxunicode + 1) if plain.fullmatch(chr(c)))
    assert found == spelled_scan._INITIAL_CHARS


def test_a_sentence_after_an_abbreviation_or_initials_is_not_split() -> None:
    text = "Mr. Smith met J.K. Rowling at 5 p.m. on Monday. It went well! Next."
    assert [text[s.start : s.end] for s in sentence_spans(text)] == [
        "Mr. Smith met J.K. Rowling at 5 p.m. on Monday.",
        "It went well!",
        "Next.",
    ]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(["a", "b", "c", "d", "the", "of"]), max_size=60))
def test_ngram_counts_are_those_of_the_sets(words: list[str]) -> None:
    text = " ".join(words)
    for n in (5, 8):
        assert profile(text).count(n) == len(profile(text).gram(n))
