"""A commodity market report's quotes: a cash basis row, a bid or an offer, a futures
contract's settlement, a price level in a sentence quoting prices per unit, a trade report's
business, a market's volume, a freight fixture and a ship's size. They are market data the wire
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
from lint.text.figure_clause import MONTH
from lint.text.figure_terms import sentence_before
from lint.text.lazy_re import lazy_re

#: A month as market reports abbreviate it ("Mch", "Jly").
_WIRE_MONTH = rf"(?:{MONTH}|Mch|Apl|Jne|Jly)\b"
#: A price unit after a quote's figure.
_UNIT = r"(?:dlrs?|cents?|cts|stg|sterling|points?|pts|pfennigs?|marks?|yen|guilders?|francs?)"
#: The rest of a fraction the figure stops before ("142-1/2": the figure ends at "142-1").
_FRACTION = r"(?:/\d+)?"

#: A cash basis row's premium over a futures month ("21 ov May bid", "25 cents over May", "39 un
#: Jly"), a quote named bid or offered right after its figure ("22 offered.", "160 pct bid,
#: offered 10 points higher", "170 pct bid/177-1/2 offered"; not "a 3.3 billion peso bid for"),
#: and a session's range ("a 1,324/1,318 high-low").
_BASIS_OR_BID = lazy_re(
    rf"{_FRACTION}\s*(?:(?:ov|un)\s+{_WIRE_MONTH}"
    rf"|(?:cents?|cts|points?|pts)\s+(?:over|under)\s+(?:the\s+)?{_WIRE_MONTH}"
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
    rf"|(?:^|,|\band|\bwith)\s*{_WIRE_MONTH}(?:\s*/\s*{_WIRE_MONTH})?\s+(?:at|between)\s+$",
    re.IGNORECASE,
)
#: A position's price earlier in the sentence ("Jan/Mar deliveries at 113 stg and Apr/Jun at 117
#: basis Liverpool, and at 111 and 115"): a further "at" in it is a price too.
_POSITION_PRICE = lazy_re(
    rf"{_WIRE_MONTH}(?:\s*/\s*{_WIRE_MONTH})?\s+(?:deliveries\s+|shipments\s+)?at\s+[\d.,]+\s*"
    rf"(?:{_UNIT}|basis|fob|cif)\b[^.;]*\bat\s+$",
    re.IGNORECASE,
)
_UNIT_AFTER = lazy_re(
    rf"{_FRACTION}\s*(?:(?:[A-Z][a-z]+\s+)?{_UNIT}\b(?!\s+(?:a|per)\s+(?:\w+\s+)?share)"
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
_PERCENT = re.compile(r"%|pct|percent|per cent", re.IGNORECASE)
#: A market's trading volume as a count ("Options volume was 345,250 compared to", "Volume was
#: 186,410,000 shares"), and the crosses in it ("47 lots, including 24 cross transactions").
_VOLUME_WAS = lazy_re(
    r"\b(?P<market>(?:options|futures|trading|share|stock|exchange|AMEX|NYSE)\s+)?volume\s+"
    r"(?:was|were|reached|totalled|totaled|rose\s+to|fell\s+to)\s+(?:about\s+|some\s+)?$",
    re.IGNORECASE,
)
_VOLUME_UNIT = lazy_re(r"\s*(?:mln\s+|million\s+)?(?:shares|contracts|lots)\b", re.IGNORECASE)
_COMPARED_AFTER = lazy_re(r"\s*(?:compared|against|versus|vs)\b", re.IGNORECASE)
_CROSSES = lazy_re(
    r"\s*(?:were\s+)?(?:cross(?:ed)?|self)[\s-]+(?:transactions|trades|lots)\b", re.IGNORECASE
)
#: A volume's comparison ("Volume was 186,410,000 shares compared to 173,720,000 yesterday", "up
#: from the previous record of 16,349 contracts").
_VOLUME_THEN = lazy_re(
    r"\b(?:volume|turnover)\b[^.;]{0,60}?\b(?:from|of|to|with|against|versus|vs)\s+$",
    re.IGNORECASE,
)
_VOLUME_WHEN = lazy_re(r"\s*(?:yesterday|last\s+\w+|the\s+previous|a\s+year\s+ago)\b", re.I)
#: A freight rate for a cargo on a route ("shippers agreed 19 dlrs for wheat from La Pallice to").
_FREIGHT_RATE = lazy_re(
    r"\s*dlrs?\s+(?:a\s+tonne\s+)?(?:for|from)\s+(?:[a-z]+\s+){0,3}?(?:from\s+)?(?:the\s+)?"
    r"[A-Z][^.;]{0,40}?\bto\s+(?:the\s+)?[A-Z]"
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
    rf"{_FRACTION}\s*{_UNIT}?\s*(?:lower|higher|up|down|off|firmer|easier|weaker|stronger)\b"
    rf"|{_FRACTION}\s*{_UNIT}\b(?!\s+(?:a|per)\s+share)",
    re.IGNORECASE,
)

#: A futures contract named by its month, first in its clause, and its move or close ("The
#: pacesetting June delivery was up 90 cts at", "with second position July traded up seven at",
#: "Second position July rose seven stg to", "May ended at 66.17, off 0.22 cent", "May paced the
#: setback and ended at 187.70 dlrs").
_CONTRACT = lazy_re(
    r"(?:^|\bwith\s+)\s*(?:the\s+)?"
    r"(?:(?!(?:in|on|for|by|since|from|until|during|and|or|but)\b)[A-Za-z]+\s+){0,2}?"
    rf"{_WIRE_MONTH}(?:\s+(?:delivery|contract|futures|position))?\s+"
    r"(?:(?:(?:was|were|is|closed|ended|settled|stood|traded|trading)\s+(?:up|down|off|higher|lower)"
    r"|rose|fell|gained|lost|eased|firmed|dipped|dropped|climbed|jumped|slipped|declined|advanced"
    r"|rallied)\s+(?:about\s+)?"
    # (the level after the move: "traded up seven at")
    rf"(?:[\w./-]+\s+(?:{_UNIT}\s+)?(?:at|to)\s+)?"
    r"|[^.;]{0,40}?\b(?:settled|closed|ended|finished)\s+at\s+)$"
)
#: What the contract's figure must be followed by: a price unit, its move, or its level.
_CONTRACT_AFTER = lazy_re(
    rf"{_FRACTION}\s*(?:{_UNIT}\b|,\s*(?:up|down|off)\b|(?:at|to)\s+\S*\d)",
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
_MOVE_THEN_LEVEL = lazy_re(rf"{_FRACTION}\s*(?:[A-Za-z]+\s+)?(?:to|at)\s+\d")
#: A figure in a quantity or a percentage: never a price level.
_NOT_PRICE = lazy_re(
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
    rf"\s*(?:[A-Za-z]+\s+)?(?:paid|bid|offered|asked)\b|\s+for\s+{_WIRE_MONTH}", re.IGNORECASE
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
    rf"|prompt\b|{_WIRE_MONTH})",
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


#: What a text holds at all, asked once per text (the figures of a text ask in turn): a cargo's
#: unit (:data:`_CARGO`'s words, which every fixture's sentence holds) and a price per unit (which
#: the per-unit levels and "This compared with" need), as (text, (cargo, per unit)), one tuple
#: replaced whole (safe to share between threads).
_last_flags: tuple[str, tuple[bool, bool]] = ("", (False, False))
#: What :data:`_CARGO` and (lower-cased) :data:`_PRICE_PER_UNIT` each need.
_CARGO_MT = re.compile(r"\d\s*mt\b|long\s+tons")  # (in the lowered text)
_PER_UNIT_WORDS = ("ton", "bushel", "barrel", "lb", "ounce", "cwt", "kilo", "gallon", "bbl")


def _text_flags(text: str) -> tuple[bool, bool]:
    """Whether ``text`` holds a cargo's unit, and a price per unit (see :data:`_last_flags`)."""
    global _last_flags
    last = _last_flags
    if last[0] is text:
        return last[1]
    low = text.lower()
    flags = (
        "dw" in low
        or "tonner" in low
        or (("mt" in low or "long" in low) and _CARGO_MT.search(low) is not None),
        any(word in low for word in _PER_UNIT_WORDS),
    )
    _last_flags = (text, flags)
    return flags


def _sentence_end_before(text: str, at: int) -> int:
    """Where the sentence ending right before ``at`` stops (back over white space and its stop)."""
    while at > 0 and text[at - 1] in " \n\t.":
        at -= 1
    return at


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
    return cargo and _cargo_terms(text, start, end)


def _after_quote(text: str, start: int, end: int, after: str) -> bool:
    """The tests of :func:`is_quote` read in the words after the figure."""
    grade = _GRADE().match(after) and _PERCENT.search(text, start, end + 12)
    if grade or _BASIS_OR_BID().match(after) or _CARGO_SOLD().match(after):
        return True  # "21 ov May bid, 22 offered"; "64 pct meal"
    if _VESSEL_SIZE().match(after) or _FREIGHT_RATE().match(after):
        return True  # "the 224,607 tonne Norwegian ship"; "19 dlrs for wheat from X to Y"
    # "turnover was light at 47 lots, including 24 cross transactions"
    return bool(_CROSSES().match(after)) and "lots" in text[max(0, start - 80) : start]


def _clause_quote(text: str, start: int, end: int, clause: str, after: str, last: str) -> bool:
    """The tests of :func:`is_quote` read in the clause before the figure (``last``: its last
    word, lower-cased, one of :data:`_CLAUSE_LAST` or ending with a comma)."""
    low = clause.lower()
    volume_word = "volume" in low or "turnover" in low
    compared = volume_word and (_VOLUME_UNIT().match(after) or _VOLUME_WHEN().match(after))
    if compared and _VOLUME_THEN().search(clause):
        return True  # "Volume was 186,410,000 shares compared to 173,720,000 yesterday"
    if (
        _SIZE_COMMA().match(after)
        and _NAME_COMMA().search(clause)
        and _VESSEL().search(sentence_before(text, start))
    ):
        return True  # "the Liberian-registered Stena Concordia, 273,616 tonnes,"
    if last == "at" and ("bid" in clause or "offered" in clause) and _BID_AT().search(clause):
        return True  # "bid 2-1/2 points higher at 142-1/2 pct"
    unit = _UNIT_AFTER().match(after)
    between = last == "between" and not _NOT_PRICE().match(after)
    if (unit or between) and last in ("at", "between") and _BUSINESS_AT().search(clause):
        return True  # "three months delivery business at 299 stg"
    if last == "at" and _POSITION_PRICE().search(sentence_before(text, start)):
        return True  # "Jan/Mar deliveries at 113 stg ..., and at 111 and 115"
    if unit and last in _CLAUSE_MOVE and _CONTRACTS_MOVE().search(clause):
        return True  # "Other contracts gained 1.70 to 2.30 dlrs"
    if last == "at" and _CLOSE_AFTER_MOVE().search(clause):
        return True  # "dropping 46.1 to close at 2,002.5"
    volume = volume_word and _VOLUME_WAS().search(clause)
    if volume and (
        _VOLUME_UNIT().match(after) or (volume["market"] and _COMPARED_AFTER().match(after))
    ):
        return True  # "Options volume was 345,250 compared to 324,863 yesterday"
    settle = any(word in low for word in _SETTLE_WORDS)
    if settle and _MOVE_UNIT_AFTER().match(after) and _SETTLE_BEFORE().search(clause):
        return True  # "Rye finished unchanged to up 0.10 dlr"
    if unit and last in ("at", "up", "down", "off") and _MOVE_AT().search(clause):
        return True  # "May closed 18.5 cents higher at 6.765 dlrs"
    if _CONTRACT_AFTER().match(after) and has_month(clause) and _CONTRACT().search(clause):
        return True  # "The pacesetting June delivery was up 90 cts at 423.50 dlrs"
    per_unit = _text_flags(text)[1]
    if not per_unit or _NOT_PRICE().match(after):
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


def _cargo_terms(text: str, start: int, end: int) -> bool:
    """Whether the figure's sentence is a freight fixture's or enquiry's (:data:`_CARGO` with
    :data:`_CHARTER_TERMS`)."""
    whole = sentence_before(text, start) + text[start : end + 80].split(". ")[0]
    return bool(_CARGO().search(whole) and _CHARTER_TERMS().search(whole))


#: A move's word in the clause before a move that a level follows ("down about 50 sterling at").
_MOVE_WORD = re.compile(
    r"\b(?:up|down|off|higher|lower|rose|fell|increased|decreased|dropped|gained|lost|eased"
    r"|firmed|climbed|declined|slipped|jumped)\b",
    re.IGNORECASE,
)
