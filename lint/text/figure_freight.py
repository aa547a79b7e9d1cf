"""A freight or shipping report's figures: a fixture's or an enquiry's cargo with its charter
terms, a freight rate on a route, and a ship's size. They are what the wire reports as the
market's business or a vessel's specification (FIGURES-POLICY.md, "no source needed");
:func:`lint.text.figure_quotes.is_quote` asks here, as for a commodity market's other quotes.
"""

from __future__ import annotations

import re

from lint.text.figure_clause import WIRE_MONTH
from lint.text.figure_terms import sentence_before
from lint.text.lazy_re import lazy_re

#: A freight rate for a cargo on a route ("shippers agreed 19 dlrs for wheat from La Pallice to").
_FREIGHT_RATE = lazy_re(
    r"\s*dlrs?\s+(?:a\s+tonne\s+)?(?:for|from)\s+(?:[a-z]+\s+){0,3}?(?:from\s+)?(?:the\s+)?"
    r"[A-Z][^.;]{0,40}?\bto\s+(?:the\s+)?[A-Z]"
)

#: A freight fixture's or enquiry's terms: a cargo in metric or long tons and the charter's
#: shorthand (free in and out, Sundays and holidays excepted or included, per hatch, the
#: charterer's account, a time charter, heavy grain, sorghum and soybeans), its laydays
#: ("20/4-5/5"), or its loading and discharge rates before its laydays ("3,000/2,000 6-12/4",
#: "2,500/1,500 end April").
_CARGO = lazy_re(r"\d[\d,]*\s*(?:mt|long\s+tons|tonnes\s+dw|dwt)\b|\btonners?\b", re.IGNORECASE)
_CHARTER_TERMS = lazy_re(
    r"\b(?:fio|fios|fiot|shex|shinc|fhex|ph|a/c|t/c|hss|daps|laydays|tbn|redel|charterers?"
    r"|all\s+purposes|timecharter|time\s+charter)\b"
    r"|\b\d{1,2}/\d{1,2}-\d{1,2}/\d{1,2}\b"
    r"|\d[\d,]*/\d[\d,]*\s+(?:(?:\d{1,2}-)?\d{1,2}/\d{1,2}\b|end\b|early\b|mid\b|spot\b"
    rf"|prompt\b|{WIRE_MONTH})",
    re.IGNORECASE,
)
#: A ship's size before the ship ("the 224,607 tonne Norwegian ship", "a 30,000 tonner"): its
#: specification, as a product's (no preposition or article between: "10,000 tonnes of oil
#: from a tanker" is a cargo).
_VESSEL_SIZE = lazy_re(
    r"\s*(?:-|\s)?(?:(?:tonnes?|tons?|dwt|grt)\b,?\s+"
    r"(?:(?!(?:of|from|on|in|to|for|by|into|aboard|at|a|an|the|its|their|and|or|was|were)\b)"
    r"[\w-]+,?\s+){0,3}?"
    r"(?:ships?|vessels?|tankers?|supertankers?|ferry|ferries|freighters?|carriers?|bulkers?"
    r"|vlccs?|ulccs?)\b|tonners?\b)",
    re.IGNORECASE,
)
#: A ship's size after its name ("the Liberian-registered Stena Concordia, 273,616 tonnes,"),
#: in a sentence naming a ship.
_NAME_COMMA = lazy_re(r"[A-Z][\w-]+,\s+$")
_SIZE_COMMA = lazy_re(r"\s*(?:tonnes?|tons?|dwt|grt)\s*,", re.IGNORECASE)
_VESSEL = lazy_re(
    r"\b(?:ships?|vessels?|tankers?|supertankers?|ferry|freighters?|carriers?|bulkers?)\b",
    re.IGNORECASE,
)
#: What :data:`_CARGO` needs in the lowered text, besides "dw" or "tonner".
_CARGO_MT = re.compile(r"\d\s*mt\b|long\s+tons")


def has_cargo_unit(low: str) -> bool:
    """Whether the lower-cased text holds a cargo's unit (:data:`_CARGO`'s words, which every
    fixture's sentence holds)."""
    return (
        "dw" in low
        or "tonner" in low
        or (("mt" in low or "long" in low) and _CARGO_MT.search(low) is not None)
    )


def is_fixture(text: str, start: int, end: int) -> bool:
    """Whether the figure's sentence is a freight fixture's or enquiry's (:data:`_CARGO` with
    :data:`_CHARTER_TERMS`)."""
    whole = sentence_before(text, start) + text[start : end + 80].split(". ")[0]
    return bool(_CARGO().search(whole) and _CHARTER_TERMS().search(whole))


def ship_or_rate_after(after: str) -> bool:
    """A ship's size ("the 224,607 tonne Norwegian ship") or a freight rate on a route ("19 dlrs
    for wheat from X to Y") in the words after the figure."""
    return bool(_VESSEL_SIZE().match(after) or _FREIGHT_RATE().match(after))


def size_after_name(text: str, start: int, clause: str, after: str) -> bool:
    """A ship's size after its name, in a sentence naming a ship ("the Liberian-registered Stena
    Concordia, 273,616 tonnes,")."""
    return bool(
        _SIZE_COMMA().match(after)
        and _NAME_COMMA().search(clause)
        and _VESSEL().search(sentence_before(text, start))
    )
