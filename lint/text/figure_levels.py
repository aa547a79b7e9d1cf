"""A price level in a commodity report's sentence that quotes prices per unit: a level after a
move ("Maize increased one to 90 per tonne ..., was unchanged at 82"), what a position made, the
old price a new one replaced, and a price after "This compared with". Part of
:func:`lint.text.figure_quotes.is_quote`; a figure in tonnes, bushels or per cent is never a
price level here.
"""

from __future__ import annotations

import re

from lint.text.figure_clause import WIRE_MONTH
from lint.text.figure_terms import sentence_before
from lint.text.lazy_re import lazy_re

#: The rest of a fraction the figure stops before ("142-1/2": the figure ends at "142-1").
FRACTION = r"(?:/\d+)?"

#: What (lower-cased) :data:`_PRICE_PER_UNIT` needs in the text at all.
PER_UNIT_WORDS = ("ton", "bushel", "barrel", "lb", "ounce", "cwt", "kilo", "gallon", "bbl")
#: A price per unit in the figure's sentence ("rose six Australs per tonne to", "at 1,265
#: sterling a tonne"): the sentence quotes prices.
_PRICE_PER_UNIT = lazy_re(
    r"(?:\d[\d.,]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s*"
    r"(?:[A-Za-z.]+\s+){0,2}?(?:a|per)\s+(?:100\s+)?(?:tonne|ton|bushel|barrel|lb|ounce|cwt"
    r"|kilos?|gallon|bbl)\b",
    re.IGNORECASE,
)
#: A level or move in a sentence quoting prices per unit: after a move verb (and "to" or "at"),
#: a level "unchanged at", a move followed by its level ("down about 50 sterling at"), what a
#: position made, and the old price a new one replaced ("to 177 dlrs per tonne FOB from").
_LEVEL_BEFORE = lazy_re(
    r"\b(?:rose|fell|increased|decreased|dropped|gained|lost|eased|firmed|climbed|declined"
    r"|slipped|jumped|added|unchanged|steady)\b"
    r"(?:\s+(?:[\w.]+\s+){0,5}?(?:to|at)|\s+(?:in|at)\s+[A-Z][\w ]{0,30}?\s+at)?\s+$"
    r"|\b(?:up|down|off|higher|lower)\s+(?:about\s+|around\s+)?$"
    r"|\b(?:made|fetched|realised|realized|paid)\s+(?:about\s+|around\s+)?$"
    r"|\b(?:a|per)\s+(?:tonne|ton|bushel|barrel|lb|ounce|cwt)\b(?:\s+[A-Za-z]+){0,2}\s+from\s+$",
    re.IGNORECASE,
)
#: The last word of a clause :data:`_LEVEL_BEFORE` or a move before its level can match (the
#: cheap test first).
_LEVEL_LAST = frozenset(
    (
        *("to", "at", "from", "by", "up", "down", "off", "higher", "lower", "about", "around"),
        *("made", "fetched", "paid", "realised", "realized", "unchanged", "steady"),
        *("rose", "fell", "increased", "decreased", "dropped", "gained", "lost", "eased"),
        *("firmed", "climbed", "declined", "slipped", "jumped", "added"),
    )
)
_MOVE_THEN_LEVEL = lazy_re(rf"{FRACTION}\s*(?:[A-Za-z]+\s+)?(?:to|at)\s+\d")
#: A figure in a quantity or a percentage: never a price level.
NOT_PRICE = lazy_re(
    r"\s*(?:mln|million|billion|bln|pct|percent|per\s+cent|%|tonnes?|tons?|bushels?|bags?"
    r"|bales?|barrels?|lbs?|ounces?|hectares?|acres?|head|lots|contracts|shares)\b",
    re.IGNORECASE,
)

#: A price compared with an earlier one, named by its month or day ("This compared with 124
#: paid for April yesterday"), after a sentence quoting a price per unit.
_COMPARED = lazy_re(
    r"^\s*(?:This|That|It)\s+(?:compared|compares|compare)\s+with\s+(?:about\s+)?"
    r"(?:[^.;]{0,50}?\band\s+)?$"
)
_PAID_FOR = lazy_re(
    rf"\s*(?:[A-Za-z]+\s+)?(?:paid|bid|offered|asked)\b|\s+for\s+{WIRE_MONTH}", re.IGNORECASE
)

#: A move's word in the clause before a move that a level follows ("down about 50 sterling at").
_MOVE_WORD = re.compile(
    r"\b(?:up|down|off|higher|lower|rose|fell|increased|decreased|dropped|gained|lost|eased"
    r"|firmed|climbed|declined|slipped|jumped)\b",
    re.IGNORECASE,
)


def per_unit_level(text: str, start: int, end: int, clause: str, after: str, last: str) -> bool:
    """Whether the figure at ``start:end`` (``clause`` before it, ``last`` its last word lowered,
    ``after`` the words after it) is a price level in a sentence quoting prices per unit (asked
    only of a text that holds a price per unit at all: :data:`PER_UNIT_WORDS`)."""
    if NOT_PRICE().match(after):
        return False
    if (
        last in _LEVEL_LAST
        and (
            _LEVEL_BEFORE().search(clause)
            or (_MOVE_THEN_LEVEL().match(after) and _MOVE_WORD.search(clause))
        )
        and _PRICE_PER_UNIT().search(sentence_before(text, start) + text[start : end + 40])
    ):
        return True  # "Maize increased one to 90 per tonne ..., was unchanged at 82"
    if "ompare" in clause and _COMPARED().search(clause) and _PAID_FOR().match(after):
        before = _sentence_end_before(text, start - len(clause))
        # "This compared with 124 paid for April yesterday"
        return bool(_PRICE_PER_UNIT().search(sentence_before(text, before)))
    return False


def _sentence_end_before(text: str, at: int) -> int:
    """Where the sentence ending right before ``at`` stops (back over white space and its stop)."""
    while at > 0 and text[at - 1] in " \n\t.":
        at -= 1
    return at
