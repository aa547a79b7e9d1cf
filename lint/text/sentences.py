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

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space (the
# white space is taken too: the next sentence starts after it).
_BOUNDARY = re.compile(r"([.!?…]+[\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9\u0600-\u06FF])")
_WORD = re.compile(r"[\w.]+")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the "." before ``end`` ends an abbreviation or initials, judged on the run of word
    characters and full stops before it (within 20 characters)."""
    # The "." starts its boundary's run of terminal marks, so the text before it is that run
    # of word characters and full stops: read back to front, its match is the run reversed.
    match = _WORD.match(text[max(0, end - 20) : end][::-1])
    if not match:
        return False
    word = match.group()[::-1].lower().rstrip(".")
    if word in _ABBREVIATIONS:
        return True
    # Initials such as "L.K." or "J."
    return _INITIALS.fullmatch(word) is not None


def sentence_spans(text: str) -> list[Span]:
    """Split ``text`` into sentence spans (leading and trailing white space excluded)."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        at = match.start()
        if text[at] == "." and _is_abbreviation(text, at + 1):
            continue
        if spans:  # a sentence after a boundary starts after its white space and ends with it
            spans.append(Span(start, match.end(1)))
        else:
            spans.append(Span(start, match.end(1)).strip(text))
        start = match.end()
    last = Span(start, len(text)).strip(text)
    if last.end > last.start:
        spans.append(last)
    return spans
