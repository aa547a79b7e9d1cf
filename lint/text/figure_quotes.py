"""A commodity market report's quotes: a cash basis row, a bid or an offer, a futures
contract's settlement, a price level in a sentence quoting prices per unit, a trade report's
business, a market's volume (:mod:`lint.text.figure_volume`), a freight fixture and a ship's size
(:mod:`lint.text.figure_freight`). They are market data the wire
reports as it observes them, as share prices and index levels, or a specification (FIGURES-
POLICY.md, "no source needed"); :func:`lint.text.figure_market.is_market` asks here before its
market-noun test. Each test is tried only when the word it needs is the first after the
figure, the last before it, or in the text at all (a cargo's unit, a price per unit), as the
other figure tests are gated (issue 13: speed). A statistic about the same commodity ("wheat
exports rose 10 pct", "a crop of 2 mln tonnes") is none of these: each test reads a quote's own
words (a basis month, "bid" or "offered" right after the figure, a settlement verb with a price
unit, a price per unit, a charter's terms), never a commodity's name alone, and a figure in
tonnes, bushels or per cent is never a price level here.
"""

from __future__ import annotations

import re

from lint.text.figure_after import has_month
from lint.text.figure_clause import WIRE_MONTH
from lint.text.figure_freight import has_cargo_unit, is_fixture, ship_or_rate_after, size_after_name
from lint.text.figure_levels import FRACTION, NOT_PRICE, PER_UNIT_WORDS, per_unit_level
from lint.text.figure_moves import PERCENT_IN
from lint.text.figure_terms import sentence_before
from lint.text.figure_volume import crosses, volume_quote
from lint.text.lazy_re import lazy_re

#: A price unit after a quote's figure.
_UNIT = r"(?:dlrs?|cents?|cts|stg|sterling|points?|pts|pfennigs?|marks?|yen|guilders?|francs?)"

#: A cash basis row's premium over a futures month ("21 ov May bid", "25 cents over May", "39 un
#: Jly"), a quote named bid or offered right after its figure ("22 offered.", "160 pct bid,
#: offered 10 points higher", "170 pct bid/177-1/2 offered"; not "a 3.3 billion peso bid for"),
#: and a session's range ("a 1,324/1,318 high-low").
_BASIS_OR_BID = lazy_re(
    rf"{FRACTION}\s*(?:(?:ov|un)\s+{WIRE_MONTH}"
    rf"|(?:cents?|cts|points?|pts)\s+(?:over|under)\s+(?:the\s+)?{WIRE_MONTH}"
    r"|(?:pct\s+|cents?\s+|cts\s+|points?\s+)?(?:bid|offered|asked|off)(?=\s*(?:[,./;]|-\s|$))"
    r"|/[\d,.]+\s+(?:high-low|low-high|high/low|range)\b)",
    re.MULTILINE,
)
#: A bid or offer moved to a level ("bid 2-1/2 points higher at 142-1/2 pct").
_BID_AT = lazy_re(r"\b(?:bid|offered)\b[^.;]{0,40}?\b(?:higher|lower|up|down)\s+at\s+$")
#: A trade report's business at a price ("three months delivery business at 299 stg", "Jan/Mar
#: deliveries at 113 stg"), with the price unit after the figure.
_BUSINESS_AT = lazy_re(
    r"\b(?:business|deliver(?:y|ies)|shipments?|cargoes)\s+(?:(?:done|was|were|traded)\s+)?at\s+$"
    # a further position's price ("and Apr/Jun at 117 basis Liverpool")
    rf"|(?:^|,|\band|\bwith)\s*{WIRE_MONTH}(?:\s*/\s*{WIRE_MONTH})?\s+(?:at|between)\s+$",
    re.IGNORECASE,
)
#: A position's price earlier in the sentence ("Jan/Mar deliveries at 113 stg and Apr/Jun at 117
#: basis Liverpool, and at 111 and 115"): a further "at" in it is a price too.
_POSITION_PRICE = lazy_re(
    rf"{WIRE_MONTH}(?:\s*/\s*{WIRE_MONTH})?\s+(?:deliveries\s+|shipments\s+)?at\s+[\d.,]+\s*"
    rf"(?:{_UNIT}|basis|fob|cif)\b[^.;]*\bat\s+$",
    re.IGNORECASE,
)
_UNIT_AFTER = lazy_re(
    rf"{FRACTION}\s*(?:(?:[A-Z][a-z]+\s+)?{_UNIT}\b(?!\s+(?:a|per)\s+(?:\w+\s+)?share)"
    r"|(?:basis|fob|cif|c\s+and\s+f)\b)",
    re.IGNORECASE,
)
#: A cargo's size in a trade report with its price ("April cargoes of 2,400 tonnes sold at").
_CARGO_SOLD = lazy_re(
    r"\s*(?:tonnes?|tons?|mt)\s+(?:were\s+|was\s+)?(?:sold|traded|offered|done|bought)\s+at\s+\S*\d",
    re.IGNORECASE,
)
#: A product's grade by its protein ("Sellers offered 64 pct meal at"): its specification.
_GRADE = lazy_re(
    r"\s*(?:(?:pct|percent|per\s+cent|%)\s*)?(?:protein\s+)?(?:meal|fishmeal|soymeal|pellets)\b",
    re.IGNORECASE,
)
#: A settlement or a close with its move in a price unit ("Rye finished unchanged to up 0.10
#: dlr", "settling at nine dlrs lower to seven higher", "before closing 0.62 cent lower", "May
#: closed 18.5 cents higher at 6.765 dlrs"): the verb right before the figure.
_SETTLE_BEFORE = lazy_re(
    r"\b(?:finish(?:ed|ing)|clos(?:ed|ing)|end(?:ed|ing)|settl(?:ed|ing)|open(?:ed|ing))\s+"
    r"(?:(?:unchanged|steady|mixed)\s+to\s+)?(?:at\s+)?(?:up\s+|down\s+|off\s+)?"
    r"(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
#: A move's level ("May closed 18.5 cents higher at 6.765 dlrs") and a range of moves ("ranging
#: from down 0.60 dlr in May wheat"), with a price unit after the figure.
_MOVE_AT = lazy_re(
    rf"\b\d[\d./-]*\s*(?:{_UNIT}\s+)?(?:higher|lower|up|down|off)\s+at\s+$"
    r"|\b(?:from|to)\s+(?:up|down|off)\s+$",
    re.IGNORECASE,
)
_MOVE_UNIT_AFTER = lazy_re(
    rf"{FRACTION}\s*{_UNIT}?\s*(?:lower|higher|up|down|off|firmer|easier|weaker|stronger)\b"
    rf"|{FRACTION}\s*{_UNIT}\b(?!\s+(?:a|per)\s+share)",
    re.IGNORECASE,
)

#: A futures contract named by its month, first in its clause, and its move or close ("The
#: pacesetting June delivery was up 90 cts at", "with second position July traded up seven at",
#: "Second position July rose seven stg to", "May ended at 66.17, off 0.22 cent", "May paced the
#: setback and ended at 187.70 dlrs").
_CONTRACT = lazy_re(
    r"(?:^|\bwith\s+)\s*(?:the\s+)?"
    r"(?:(?!(?:in|on|for|by|since|from|until|during|and|or|but)\b)[A-Za-z]+\s+){0,2}?"
    rf"{WIRE_MONTH}(?:\s+(?:delivery|contract|futures|position))?\s+"
    r"(?:(?:(?:was|were|is|closed|ended|settled|stood|traded|trading)\s+(?:up|down|off|higher|lower)"
    r"|rose|fell|gained|lost|eased|firmed|dipped|dropped|climbed|jumped|slipped|declined|advanced"
    r"|rallied)\s+(?:about\s+)?"
    # (the level after the move: "traded up seven at")
    rf"(?:[\w./-]+\s+(?:{_UNIT}\s+)?(?:at|to)\s+)?"
    r"|[^.;]{0,40}?\b(?:settled|closed|ended|finished)\s+at\s+)$"
)
#: What the contract's figure must be followed by: a price unit, its move, or its level.
_CONTRACT_AFTER = lazy_re(
    rf"{FRACTION}\s*(?:{_UNIT}\b|,\s*(?:up|down|off)\b|(?:at|to)\s+\S*\d)",
    re.IGNORECASE,
)

#: The other contracts' moves in a futures report ("Other contracts gained 1.70 to 2.30 dlrs",
#: "deferred months were up"), and an index's close after its move ("dropping 46.1 to close at").
_CONTRACTS_MOVE = lazy_re(
    r"\b(?:contracts|deliveries|months|positions|nearbys|deferreds)\s+(?:were\s+)?(?:gained|lost"
    r"|rose|fell|up|down|off|eased|firmed|closed\s+(?:up|down)|ended\s+(?:up|down))\s+"
    r"(?:about\s+)?$",
    re.IGNORECASE,
)
_CLOSE_AFTER_MOVE = lazy_re(
    r"\b(?:dropping|falling|rising|gaining|losing|climbing|slipping|sliding|tumbling|down|up"
    r"|off)\s+[\d.,]+\s+(?:points?\s+)?to\s+(?:close|end|finish|settle)\s+at\s+$",
    re.IGNORECASE,
)


#: What a text holds at all, asked once per text (the figures of a text ask in turn): a cargo's
#: unit (:func:`lint.text.figure_freight.has_cargo_unit`) and a price per unit (which the
#: per-unit levels and "This compared with" need), as (text, (cargo, per unit)), one tuple
#: replaced whole (safe to share between threads).
_last_flags: tuple[str, tuple[bool, bool]] = ("", (False, False))


def _text_flags(text: str) -> tuple[bool, bool]:
    """Whether ``text`` holds a cargo's unit, and a price per unit (see :data:`_last_flags`)."""
    global _last_flags
    last = _last_flags
    if last[0] is text:
        return last[1]
    low = text.lower()
    flags = (has_cargo_unit(low), any(word in low for word in PER_UNIT_WORDS))
    _last_flags = (text, flags)
    return flags


def is_quote(text: str, start: int, end: int, clause: str, after: str) -> bool:
    """Whether the figure at ``start:end`` of ``text`` (``clause``: the clause before it,
    ``after``: the words after it) is a commodity market report's quote (see the module)."""
    first = _FIRST_WORD.match(after)
    after_word = after[:1] == "/" or (first is not None and first[1].lower() in _AFTER_FIRST)
    if after_word and _after_quote(text, start, end, after):
        return True
    words = clause.split()
    last = words[-1].lower() if words else ""
    clause_word = last in _CLAUSE_LAST or last[-1:] == ","
    if clause_word and _clause_quote(text, start, end, clause, after, last):
        return True
    cargo = _text_flags(text)[0]
    return cargo and is_fixture(text, start, end)


def _after_quote(text: str, start: int, end: int, after: str) -> bool:
    """The tests of :func:`is_quote` read in the words after the figure."""
    grade = _GRADE().match(after) and PERCENT_IN.search(text, start, end + 12)
    if grade or _BASIS_OR_BID().match(after) or _CARGO_SOLD().match(after):
        return True  # "21 ov May bid, 22 offered"; "64 pct meal"
    if ship_or_rate_after(after):
        return True  # "the 224,607 tonne Norwegian ship"; "19 dlrs for wheat from X to Y"
    return crosses(text, start, after)  # "47 lots, including 24 cross transactions"


def _clause_quote(text: str, start: int, end: int, clause: str, after: str, last: str) -> bool:
    """The tests of :func:`is_quote` read in the clause before the figure (``last``: its last
    word, lower-cased, one of :data:`_CLAUSE_LAST` or ending with a comma)."""
    low = clause.lower()
    if volume_quote(clause, low, after):
        return True  # "Volume was 186,410,000 shares compared to 173,720,000 yesterday"
    if size_after_name(text, start, clause, after):
        return True  # "the Liberian-registered Stena Concordia, 273,616 tonnes,"
    if last == "at" and ("bid" in clause or "offered" in clause) and _BID_AT().search(clause):
        return True  # "bid 2-1/2 points higher at 142-1/2 pct"
    unit = _UNIT_AFTER().match(after)
    between = last == "between" and not NOT_PRICE().match(after)
    if (unit or between) and last in ("at", "between") and _BUSINESS_AT().search(clause):
        return True  # "three months delivery business at 299 stg"
    if last == "at" and _POSITION_PRICE().search(sentence_before(text, start)):
        return True  # "Jan/Mar deliveries at 113 stg ..., and at 111 and 115"
    if unit and last in _CLAUSE_MOVE and _CONTRACTS_MOVE().search(clause):
        return True  # "Other contracts gained 1.70 to 2.30 dlrs"
    if last == "at" and _CLOSE_AFTER_MOVE().search(clause):
        return True  # "dropping 46.1 to close at 2,002.5"
    settle = any(word in low for word in _SETTLE_WORDS)
    if settle and _MOVE_UNIT_AFTER().match(after) and _SETTLE_BEFORE().search(clause):
        return True  # "Rye finished unchanged to up 0.10 dlr"
    if unit and last in ("at", "up", "down", "off") and _MOVE_AT().search(clause):
        return True  # "May closed 18.5 cents higher at 6.765 dlrs"
    if _CONTRACT_AFTER().match(after) and has_month(clause) and _CONTRACT().search(clause):
        return True  # "The pacesetting June delivery was up 90 cts at 423.50 dlrs"
    return _text_flags(text)[1] and per_unit_level(text, start, end, clause, after, last)


#: The last words of a clause :data:`_CONTRACTS_MOVE` can match.
_CLAUSE_MOVE = frozenset(
    ("gained", "lost", "rose", "fell", "up", "down", "off", "eased", "firmed", "about")
)
#: The words one of which (lower-cased) a settlement's verb holds.
_SETTLE_WORDS = ("finish", "clos", "end", "settl", "open")
#: The first word after a figure (a hyphen before it: "224,607-tonne").
_FIRST_WORD = re.compile(r"\s*-?([%\w]+)")
#: The first words after the figure one of which each test of :func:`_after_quote` needs (or a
#: fraction's rest, "/2 ov May").
_AFTER_FIRST = frozenset(
    (
        *("ov", "un", "cents", "cent", "cts", "points", "point", "pts", "pct", "percent"),
        *("per", "%", "bid", "offered", "asked", "off", "meal", "fishmeal", "soymeal"),
        *("pellets", "protein", "tonnes", "tonne", "tons", "ton", "mt", "dwt", "grt"),
        *("tonner", "tonners", "dlrs", "dlr", "cross", "crossed", "were", "self"),
    )
)
#: The last words of a clause one of which each test of :func:`_clause_quote` needs (or a comma
#: after it: a ship's name before its size).
_CLAUSE_LAST = frozenset(
    (
        *("at", "to", "between", "from", "of", "with", "against", "versus", "vs", "and"),
        *("was", "were", "reached", "totalled", "totaled", "some", "about", "around", "by"),
        *("up", "down", "off", "higher", "lower", "finished", "finishing", "closed"),
        *("closing", "ended", "ending", "settled", "settling", "opened", "opening"),
        *("rose", "fell", "gained", "lost", "eased", "firmed", "dipped", "dropped"),
        *("climbed", "jumped", "slipped", "declined", "advanced", "rallied", "increased"),
        *("decreased", "added", "unchanged", "steady", "made", "fetched", "paid"),
        *("realised", "realized"),
    )
)
