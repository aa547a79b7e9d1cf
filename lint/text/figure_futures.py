"""A trade report's prices and a futures report's quotes by delivery month: the price a trade was
done at, a contract's move or settlement by its month, a further shipment position's price and a
spread between delivery dates. Market data the wire reports as it observes it (FIGURES-POLICY.md,
"no source needed"); :func:`lint.text.figure_market.is_market` asks here."""

from __future__ import annotations

import re

from lint.text.figure_clause import MONTH, WIRE_MONTH_NAME
from lint.text.lazy_re import lazy_re

#: A trade report's verb before its price, with the place or the terms of delivery between
#: ("wheat were offered in East Anglia at", "April sold in west Norfolk at", "shipments traded fob
#: east coast at").
TRADED = lazy_re(
    r"\b(?:traded|trading|trades|sold|changed hands|quoted|offered|were done|was done)\b"
    r"(?:\s+afloat)?(?:\s+(?:in|fob|cif|ex)\s+(?:[\w/-]+\s+){0,2}?[\w/-]+)?"
    r"\s+(?:at\b|(?:around|about|near)\s*$)",
    re.IGNORECASE,
)
AT_PRICE = lazy_re(
    r"(?:\bat|\bto|\band|,)\s+(?:up\s+to\s+|down\s+to\s+|about\s+|around\s+|between\s+)?$"
    # a rate or price trading near a level ("with call money trading around 3.70 pct")
    r"|\b(?:trading|traded|quoted)\s+(?:around|about|near)\s+$",
    re.IGNORECASE,
)


#: A futures contract by its delivery month moving ("May was up 12.5 cents at 6.705 dlrs",
#: "the July contract fell 3 points to"): a quote when a price or a price unit follows.
CONTRACT_MOVE = lazy_re(
    # (a position before its month: "Second position July settled up 19 at 1,270 stg")
    r"^\s*(?:the\s+)?(?:(?i:first|second|third|fourth|fifth|sixth|nearby|spot|front|prompt"
    r"|distant)\s+(?:position\s+)?)?"
    rf"{MONTH}(?:\s+(?:delivery|contract|futures|position))?\s+"
    r"(?:was\s+|were\s+|is\s+|closed\s+|ended\s+|settled\s+|stood\s+)?"
    r"(?:up|down|off|higher|lower|unchanged|rose|fell|gained|lost|eased|firmed|dipped|dropped"
    r"|climbed|jumped|slipped|declined|advanced|rallied|retreated)\b",
)
#: A futures contract's settlement by its month and commodity ("May soymeal settled at 145.50
#: dlrs", "July soyoil closed at 16.35 cents"): a quote when the clause says "at".
CONTRACT_SETTLED = lazy_re(
    rf"^\s*(?:the\s+)?{MONTH}\s+[a-z]+(?:\s+[a-z]+)?\s+"
    r"(?:settled|closed|ended|finished|opened)\s+(?:up\s+|down\s+|higher\s+|lower\s+)?"
    r"(?:[\w.]+\s+){0,2}?at\b",
)
QUOTE_UNIT = lazy_re(r"\s*(?:cents?|points?|pts|ticks?|pfennigs?|dlrs?)?\s*(?:at|to)\s+\S*\d")
#: The level or the move a contract's move names in a price unit ("May rose to 133.50 cents",
#: "..., up 2.3 cents"; not "May was up 3 pct", a month's statistic).
LEVEL_OR_MOVE_END = lazy_re(r"\b(?:to|at|up|down|off)\s+$")
PRICE_UNIT = lazy_re(r"\s*(?:cents?|points?|pts|ticks?|pfennigs?|dlrs?)\b")


#: A spread between a market's delivery dates ("establish a premium of around 10 stg over three
#: months delivery", "a narrower contango of five stg"): a price difference the market quotes. A
#: premium or discount only with the dates it spans after the figure (``SPREAD_DATES``).
SPREAD = lazy_re(
    r"\b(?:(?P<dated>premium|discount)|backwardation|contango)\s+of\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+)?$",
    re.IGNORECASE,
)
SPREAD_DATES = lazy_re(
    r"\s*(?:[a-z.]+\s+){0,2}?(?:over|to|on|under|against)\s+(?:the\s+)?(?:three[- ]months?"
    r"|cash|futures|spot|nearby|forward|deferred)\b",
    re.IGNORECASE,
)


#: A shipment or delivery position's price in a trade report ("with May/Sep and Jne both at 181
#: dlrs cif Ghent", "Jan/Jne 1988 at 25 Marks", "May/Aug at down to 127.50 dlrs"): the wire's
#: month abbreviations too, a range of months, a year.
_POSITION = rf"{WIRE_MONTH_NAME}(?:\s*/\s*{WIRE_MONTH_NAME})?(?:\s+(?:19|20)?\d\d)?"
POSITION_AT = lazy_re(
    rf"(?:^|\bwith|,|\band)\s*{_POSITION}(?:\s*(?:,|and)\s+{_POSITION})*\s+"
    r"(?:both\s+|all\s+)?(?:at|was|were)\s+(?:up\s+to\s+|down\s+to\s+|about\s+)?$"
)
