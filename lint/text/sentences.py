"""Sentence spans for news prose, with offsets into the text given."""

from __future__ import annotations

import re

from lint.core.document import Span

# Words that end with a full stop but do not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev hon st mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    inc corp co ltd llc plc bros no nos vs etc approx est dept univ fig vol ave blvd rd
    jr sr e.g i.e u.s u.k u.n a.m p.m""".split()  # noqa: SIM905
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u0600-\u06FF])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"'”’)\]]*$")


def _is_abbreviation(text: str, end: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, end - 20), end)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # Initials such as "L.K." or "J."
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))


def sentence_spans(text: str) -> list[Span]:
    """Split ``text`` into sentence spans (leading and trailing white space excluded)."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if text[match.start()] == "." and _is_abbreviation(text, match.start() + 1):
            continue
        spans.append(Span(start, match.end()))
        start = match.end()
    spans.append(Span(start, len(text)))
    return [s for s in (s.strip(text) for s in spans) if s.end > s.start]
