"""A market's moves and closes: a company's move at the start of a clause, a move named after
the figure in a share price or by the market that made it, a move against the last close or the
last session's levels, a level named as a close, an index's close after its move in points, the
move of a price just quoted per unit, and a share's close. Market data the wire reports as it
observes it (FIGURES-POLICY.md, "no source needed"); :func:`lint.text.figure_market.is_market`
asks here."""

from __future__ import annotations

import re

from lint.text.lazy_re import lazy_re

#: A company's name moving by a figure, at the start of a clause ("Chevron dropped 0.75%").
MOVE_VERB = (
    r"(?:rose|fell|dropped|gained|lost|slipped|slid|climbed|jumped|surged|soared|plunged"
    r"|plummeted|tumbled|eased|edged (?:up|down|higher|lower)|advanced|declined|sank|dipped"
    r"|rallied|added|shed)"
)
NAMED_MOVE = re.compile(
    r"(?:^\s*|[,;]\s+|\band\s+)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s+"
    rf"{MOVE_VERB}\s+(?:by\s+)?"
    # the level after a move in price units ("Shell lost 10p at 1,223", "Glaxo 8p at 1,480"):
    r"(?P<level>(?:[\d.,]+\s*(?:p|pence|cents?|pfennigs?)|a penny|a cent)\s+(?:at|to)\s+)?$"
)


#: A report on shares or an index, named before a company's move (``NAMED_MOVE``).
STOCKS = lazy_re(
    r"\b(?:shares|stocks|equities|index|FTSE|Dow|Nasdaq|S&P|Nikkei|Hang Seng|DAX|CAC|Stoxx"
    r"|bourses?|stock markets?|stock exchanges?)\b"
)


#: A move named after the figure, in a price ("a 2.5% increase in its share price").
MOVE_IN_PRICE = re.compile(
    r"\s+(?:increase|rise|gain|jump|climb|fall|drop|decline|dip|slide|slump|plunge)\s+in\s+"
    r"(?:its\s+|their\s+|the\s+)?(?:share|stock)\s+prices?\b",
    re.IGNORECASE,
)
#: The word every match of ``MOVE_IN_PRICE`` holds (lowercased; tests/text/test_market_gates.py).
PRICE_WORD = "price"
#: A percentage move named by the market that made it, right after the figure ("after a 40 pct
#: dollar fall against the yen", "a 5% oil price rise"): market data, as "the dollar fell 40
#: pct". Only after a percentage ("a 10 billion dollar fall" is an amount); not a market share.
MOVE_NOUN_AFTER = lazy_re(
    r"\s+(?:U\.S\.\s+|US\s+)?(?:dollar|yen|sterling|pound|euro|mark|franc|currency"
    r"|(?:share|stock|oil|gold|bond)(?:\s+prices?)?|index|bourse)\s+"
    r"(?:fall|rise|drop|decline|gain|slide|slump|plunge|rally|depreciation|appreciation)\b",
    re.IGNORECASE,
)
MOVE_NOUN_WORD = re.compile("fall|rise|drop|declin|gain|slide|slump|plunge|rally|preciation")
PERCENT_IN = re.compile(r"%|pct|percent|per cent", re.IGNORECASE)


#: A move against the market's last close ("up about seven stg from yesterday's afternoon kerb
#: close"), and the move of a price just quoted per unit ("1.7225 dlrs per lb, a rise of").
FROM_CLOSE = lazy_re(
    r"(?:\s+[A-Za-z.]+)?\s+from\s+(?:yesterday|last\s+night|the\s+previous|the\s+prior|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday)(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:close|closing|kerb|finish|fix|fixing"
    r"|settlement|opening)\b",
    re.IGNORECASE,
)
#: A move against the last session's levels ("0.50 dlrs lower than yesterday", "two dlrs above
#: yesterday's midday levels"), and a level named as a close ("yesterday's close of 425.00").
AGAINST_YESTERDAY = lazy_re(
    r"(?:\s+[A-Za-z.]+)?\s+(?:higher|lower|above|below|up|down)\s+(?:(?:than|from|on)\s+)?"
    r"(?:yesterday|last\s+night|the\s+previous\s+(?:day|session|close))\b",
    re.IGNORECASE,
)
#: A level named as a close, and a closing high or low ("hit an all-time closing high of 2405.54
#: Monday"): a market's own record, which anyone can look up.
CLOSE_OF = lazy_re(
    r"\b(?:close|closing|opening|settlement|finish|fix(?:ing)?)\s+"
    r"(?:level\s+|price\s+|range\s+|(?:record\s+)?(?:high|low)\s+)?of\s+$",
    re.IGNORECASE,
)
PER_UNIT_MOVE = lazy_re(
    r"\bper\s+(?:tonne|ton|lb|pound|ounce|oz|barrel|bushel|kilo|share)\b,?\s+(?:or\s+)?an?\s+"
    r"(?:rise|fall|gain|drop|increase|decrease|decline)\s+of\s+$",
    re.IGNORECASE,
)
#: An index's close after its move in points ("tumbled 45 points to close at 2361").
POINTS_CLOSE = lazy_re(
    r"\bpoints?\s+(?:to\s+)?(?:close|closed|end|ended|finish|finished|settle|settled)"
    r"\s+(?:at|on)\s+$",
    re.IGNORECASE,
)


#: A close right before the figure ("It closed Friday at 74"): a share's price when a share or
#: stock was named just before.
CLOSED_AT = lazy_re(r"\b(?:closed|ended|finished)\s+(?:[\w.]+\s+){0,2}?at\s+$")
STOCK_NEAR = lazy_re(r"\b(?:shares?|stocks?|equities)\b", re.IGNORECASE)
#: The case-sensitive words a close needs ("It closed Friday at 74").
CLOSED_WORDS = ("closed", "ended", "finished")


#: A price's move in money right before the figure ("Hog prices advanced 2.00 dlrs at the
#: opening", "Cattle prices were up 0.50 to 1.00 dlr"): a market's move per unit, as a share's
#: "rose 2.00 dlrs". Only a plain amount (:func:`unit_move`): "import prices rose 12 pct" is a
#: statistic, and no price moves by "500 mln dlrs".
PRICE_MOVE = lazy_re(
    rf"\bprices?\s+(?:(?:have|had|were|was|opened)\s+)?(?:{MOVE_VERB}|up|down)"
    r"\s+(?:by\s+)?(?:about\s+|around\s+|some\s+)?$"
)
#: A plain amount, alone or a range ("2.00", "0.50 to 1.00"), with its currency unit or none.
_UNIT_AMOUNT = re.compile(
    r"[$]?[\d.,]+(?:\s+(?:to|and)\s+[$]?[\d.,]+)?(?P<unit>\s*(?:dlrs?|dollars?|cents?|cts))?",
    re.IGNORECASE,
)
#: The currency unit after an amount written without one.
_UNIT_AFTER = re.compile(r"\s*(?:dlrs?|dollars?|cents?|cts)\b", re.IGNORECASE)


def unit_move(text: str, start: int, end: int) -> bool:
    """Whether the figure from ``start`` to ``end`` is a plain amount of currency units ("2.00
    dlrs", "0.50 to 1.00 dlr", "$1.25"), as a price moves by per unit: no multiplier ("500 mln
    dlrs") and no percentage."""
    amount = _UNIT_AMOUNT.fullmatch(text, start, end)
    if amount is None:
        return False
    return bool(amount["unit"]) or text[start] == "$" or _UNIT_AFTER.match(text, end) is not None
