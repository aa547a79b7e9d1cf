"""A name's parts as :mod:`lint.tracking.support.names` checks them: its words split at titles
and ranks, each part with the titles right before it, and how words fold for comparison."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from lint.core.document import Span

#: Words that are titles or ranks, not names: a name is split at them.
TITLES = frozenset(
    """president vice prime minister ministers secretary chancellor premier king queen prince
    princess sheikh sheik emir sultan pope cardinal bishop archbishop imam rabbi reverend rev
    general gen colonel col major maj captain capt lieutenant lt sergeant sgt commander admiral
    marshal officer chief deputy governor gov mayor senator sen representative rep congressman
    congresswoman ambassador envoy judge justice lord lady sir dame mr mrs ms miss dr prof
    professor spokesman spokeswoman spokesperson inspector detective constable superintendent
    commissioner ceo cfo coo chairman chairwoman chair founder
    coach boss""".split()  # noqa: SIM905
)
#: Capitalised words that are not names either: times of day and zones, common-noun acronyms,
#: compass adjectives ("a key Western ally"), and the letters of "LGBT" and its longer forms, which
#: name a group of people, not a body.
NOT_NAMES = frozenset(
    """am pm gmt bst utc est edt pst cet vip ceo cfo cto coo gdp gp tv pc dna hiv ai faq ok mp mps
    dui dwi western eastern northern southern lgbt lgbtq lgbti lgbtqi lgbtqia""".split()  # noqa: SIM905
)
CONNECTORS = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "van", "von", "der", "of"})
_WORD = re.compile(r"[^\W\d_](?:[\w.]|['’](?!s\b))*")


def fold(word: str) -> str:
    """Case-folded, accents dropped, possessive and dots removed: "Sharaa’s" -> "sharaa"."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", word))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("’", "'")
    if plain.endswith("'s"):
        plain = plain[:-2]
    return plain.strip("'.").replace(".", "")


@dataclass(frozen=True)
class Part:
    """A name's words between titles, with their offsets, and the titles right before them."""

    words: list[tuple[int, str]]
    titles: list[tuple[int, str]]


def parts(text: str, span: Span) -> Iterator[Part]:
    """The name's words with offsets, split at titles (which are kept apart: "Syrian President
    Ahmad al-Sharaa" -> "Syrian"; "Ahmad", "al", "Sharaa" after "President")."""
    part: list[tuple[int, str]] = []
    titles: list[tuple[int, str]] = []
    for match in _WORD.finditer(text, span.start, span.end):
        hyphenated = text[match.start() - 1 : match.start()] == "-" or text.startswith(
            "-", match.end()
        )  # "Mitchel-King" is a surname, not a king
        for offset, piece in _pieces(match.start(), match.group()):
            folded = fold(piece)
            if not hyphenated and (folded in TITLES or folded in NOT_NAMES):
                if part:
                    yield Part(part, titles)
                    part, titles = [], []
                # a time or an acronym such as "GMT" or "CEO" ends what the titles before it lead
                titles = [*titles, (offset, piece)] if folded in TITLES else []
            else:
                part.append((offset, piece))
    if part:
        yield Part(part, titles)


def _pieces(start: int, word: str) -> Iterator[tuple[int, str]]:
    """A hyphenated word's parts ("al-Sharaa" -> "al", "Sharaa") with their offsets."""
    offset = start
    for piece in word.split("-"):
        if piece:
            yield offset, piece
        offset += len(piece) + 1


def trim(part: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while part and fold(part[0][1]) in CONNECTORS:
        part = part[1:]
    while part and fold(part[-1][1]) in CONNECTORS:
        part = part[:-1]
    return part
