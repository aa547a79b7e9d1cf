"""Market data the reporter can observe: prices, index levels and moves, rates, new issues, a
trade report's prices and a central bank's operations (FIGURES-POLICY.md, "no source needed")."""

from __future__ import annotations

import re

from lint.text import figure_after
from lint.text.figure_clause import CLAUSE_GATES, MONTH, clause_before
from lint.text.figure_quotes import is_quote
from lint.text.figure_terms import is_terms, sentence_before
from lint.text.gated import gated, lazy_gated, lowered
from lint.text.lazy_re import lazy_re

_MARKET_NOUN = gated(
    r"(?<!per )(?<!a )(?<!outstanding )\b(?:shares?(?!\s+outstanding)|stocks?|index|indices"
    r"|indexes|FTSE|Dow|Nasdaq|S&P|Nikkei"
    r"|Hang Seng|DAX|CAC"
    r"|Stoxx|yields?|crude|Brent|WTI|oil|gold|silver|copper|bonds?|gilts?|Treasur(?:y|ies)"
    r"|LME|cash metal|sharemarket|share market"
    r"|dollar|euro|sterling|pound|yen|yuan|rupee|currency|futures|bitcoin|benchmark|bourse"
    r"|exchange rate|share price|stock price|market|auction|tender|coupon|bills|debentures"
    r"|fed funds|federal funds|interbank|libor|prime rate|base rate|discount rate"
    r"|open interest|loan stock|paper)\b",
    re.IGNORECASE,
)
_MARKET_MOVE = lazy_gated(
    r"\b(?:rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|slumped|plummeted"
    r"|rebounded|gained|gains|gaining|lost|loses|leapt|leaped"
    r"|losing|slipped|slid|dropped|drops|climbed|climbs|jumped|jumps|surged|surges|soared"
    r"|plunged|plunges|tumbled|tumbles|eased|eases|edged|closed|closing|opened|traded|trading"
    r"|ended|finished|up|down|higher|lower|hit|touched|steady|firmed|weakened|strengthened"
    r"|lift|lifted|lifting|boosted"
    r"|rallied|sank|sinks|dipped|advanced|declined|retreated|stood at|was at|at a (?:high|low)"
    r"|stabili[sz]ed|stabili[sz]ing|steadied|steadying"
    r"|priced|quoted|bid|offered at|yielding|auctioned|recover|recovered|recovers|rebound"
    r"|rebounds|(?:low|high|level) of|shed|sheds|shedding|gave up|reached a record"
    r"|hovering|hovered|hovers|(?:passed|crossed|topped|breached) the"
    r"|(?:started|starting|began|beginning|opened) the (?:year|new year|week|day|session) (?:at|on)"
    # the forms rewrites paraphrase a move with ("with shares climbing 3%", "the pound
    # depreciated by 0.3% against the dollar")
    r"|climbing|jumping|surging|soaring|plunging|plummeting|tumbling|sliding|slipping|dropping"
    r"|dipping|sinking|easing|edging|declining|advancing|rallying|retreating|increased"
    r"|increasing|decreased|decreasing|depreciated|depreciating|appreciated|appreciating"
    r"|strengthening|weakening|increase|decrease|drop|gain|jump|climb|decline)\b",
    re.IGNORECASE,
)


#: A commodity's price or move per traded unit ("three cents per bushel", "$1.20 an ounce").
_PER_UNIT = re.compile(
    r"\s*(?:[a-z]+\s+|(?:U\.S\.|US|Canadian|Australian)\s+(?:cents|cts|dlrs?)\s+)?(?:a|an|per)"
    # wire copy breaks lines anywhere: any white space
    r"\s+(?:bushel|barrel|troy\s+ounce|ounce|lb|pound(?!\s+sterling)|gallon|bbl|tonne|ton"
    r"|metric\s+ton|cwt)\b",
    re.IGNORECASE,
)
_PER_SHARE = re.compile(
    r"(?:[a-z]*\s)?(?:a|per) share\b"  # "45 cents a share"
    r"|\s*(?:to|at)\s+[$£€]?\d[\d.,]*p?\s+(?:a|per) share\b",  # "up 2.5% to £2.28 per share"
    re.IGNORECASE,
)
#: ``_PER_SHARE`` or ``_PER_UNIT`` in one match: it matches exactly where one of them does (an
#: alternation of the two, tried in turn at the same place).
_PER_PRICE = re.compile(rf"(?:{_PER_SHARE.pattern})|(?:{_PER_UNIT.pattern})", re.IGNORECASE)
#: A bid's price per share, with its currency and "cash" first ("an outstanding 65 dlr cash per
#: share offer").
_PER_SHARE_BID = lazy_re(
    r"\s*(?:[a-z]+\s+){0,2}?(?:a|per)\s+share\s+(?:cash\s+)?(?:offer|bid|tender|price)\b",
    re.IGNORECASE,
)


#: A company's name moving by a figure, at the start of a clause ("Chevron dropped 0.75%").
_MOVE_VERB = (
    r"(?:rose|fell|dropped|gained|lost|slipped|slid|climbed|jumped|surged|soared|plunged"
    r"|plummeted|tumbled|eased|edged (?:up|down|higher|lower)|advanced|declined|sank|dipped"
    r"|rallied|added|shed)"
)
_NAMED_MOVE = re.compile(
    r"(?:^\s*|[,;]\s+|\band\s+)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s+"
    rf"{_MOVE_VERB}\s+(?:by\s+)?"
    # the level after a move in price units ("Shell lost 10p at 1,223", "Glaxo 8p at 1,480"):
    r"(?P<level>(?:[\d.,]+\s*(?:p|pence|cents?|pfennigs?)|a penny|a cent)\s+(?:at|to)\s+)?$"
)


#: A lender's or market's rate right before the figure: a price, not a claim. With the product
#: it prices ("offering five year fixed rate mortgages at 9.9 pct"), and a loan's going rate
#: ("cheap bank loans -- the current rate is 10 pct"): a lender's published terms.
_LENDING_RATE = lazy_gated(
    r"\b(?:fixed|variable|interest|mortgage|lending|borrowing|deposit|savings|base|prime"
    r"|discount|coupon|overnight|call money|repo)\s+rates?\s+"
    r"(?:(?:[\w-]+\s+)?(?:mortgages?|loans?|deposits?|(?:savings\s+)?accounts?)\s+)?(?:of|at)\s+"
    r"(?:about\s+|around\s+|some\s+|just\s+(?:over|under)\s+)?$"
    r"|\b(?:loans?|mortgages?|credit)\b[^.;]{0,40}?\b(?:current|going|interest|lending)\s+rates?"
    r"\s+(?:is|was|are|were|stands\s+at|stood\s+at)\s+(?:about\s+|around\s+|some\s+)?$",
    re.IGNORECASE,
)


#: A trade report's verb before its price, with the place or the terms of delivery between
#: ("wheat were offered in East Anglia at", "April sold in west Norfolk at", "shipments traded fob
#: east coast at").
_TRADED = lazy_re(
    r"\b(?:traded|trading|trades|sold|changed hands|quoted|offered|were done|was done)\b"
    r"(?:\s+afloat)?(?:\s+(?:in|fob|cif|ex)\s+(?:[\w/-]+\s+){0,2}?[\w/-]+)?"
    r"\s+(?:at\b|(?:around|about|near)\s*$)",
    re.IGNORECASE,
)
_AT_PRICE = lazy_re(
    r"(?:\bat|\bto|\band|,)\s+(?:up\s+to\s+|down\s+to\s+|about\s+|around\s+|between\s+)?$"
    # a rate or price trading near a level ("with call money trading around 3.70 pct")
    r"|\b(?:trading|traded|quoted)\s+(?:around|about|near)\s+$",
    re.IGNORECASE,
)
_OPERATION = lazy_re(
    r"\b(?:Bundesbank|Fed|Federal Reserve|central bank|Bank of [A-Z]\w+|Reserve Bank)\s+"
    r"(?:\w+\s+)?(?:bought|sold|buys|sells|injected|drained|added|supplied|provided|withdrew"
    r"|absorbed|issued|issues|auctioned|redeemed)\b[^.;]{0,60}$"
    r"|\bafter\s+(?:selling|buying|injecting|draining)\s+$"
    # a central bank's own rate ("The Reserve Bank of Australia this morning cut the
    # rediscount rate from 17.30 pct to")
    r"|\b(?:Bundesbank|Fed|Federal Reserve|central bank|Bank of [A-Z]\w+|Reserve Bank(?: of \w+)?)"
    r"\s+(?:\w+\s+){0,3}?(?:cut|raised|lowered|increased|reduced|set|left|kept|trimmed)\s+"
    r"(?:its\s+|the\s+)?(?:[\w-]+\s+){0,2}rates?\b[^.;]{0,40}$"
    # a central bank's paper ("boosting CD issues so far this year to 140.42 billion")
    r"|\b(?:CD|certificate of deposit|stabili[sz]ation bond|monetary stabili[sz]ation)s?"
    r"\s+issues?\b[^.;]{0,80}$",
)


#: A market's valuation ("driving price/earnings ratios to over 70, compared with about 15").
_VALUATION = lazy_re(
    r"\b(?:price[/-]earnings|price-to-earnings|p/e)\s+(?:ratios?|multiples?)\b[^.;]{0,60}$",
    re.IGNORECASE,
)


#: A market's breadth ("Winners led losers 303 to 221", "advances outnumbered declines").
_BREADTH = lazy_gated(
    r"\b(?:winners|gainers|advances|advancing issues|rises|risers)\s+(?:led|outnumbered"
    r"|outpaced|beat)\s+(?:losers|decliners|declines|declining issues|falls|fallers)\b",
    re.IGNORECASE,
)
#: A move named after the figure, in a price ("a 2.5% increase in its share price").
_MOVE_IN_PRICE = re.compile(
    r"\s+(?:increase|rise|gain|jump|climb|fall|drop|decline|dip|slide|slump|plunge)\s+in\s+"
    r"(?:its\s+|their\s+|the\s+)?(?:share|stock)\s+prices?\b",
    re.IGNORECASE,
)


_STOCKS = lazy_re(
    r"\b(?:shares|stocks|equities|index|FTSE|Dow|Nasdaq|S&P|Nikkei|Hang Seng|DAX|CAC|Stoxx"
    r"|bourses?|stock markets?|stock exchanges?)\b"
)


#: A close right before the figure ("It closed Friday at 74"): a share's price when a share or
#: stock was named just before.
_CLOSED_AT = lazy_re(r"\b(?:closed|ended|finished)\s+(?:[\w.]+\s+){0,2}?at\s+$")
_STOCK_NEAR = lazy_re(r"\b(?:shares?|stocks?|equities)\b", re.IGNORECASE)


_NEW_ISSUE = lazy_re(
    # (with its coupon: "220 mln Australian dlrs of 9-1/2 pct dual currency eurobonds")
    r"(?:\s+(?:[A-Z][a-z]+\s+)?(?:dlrs?|dollars?|[A-Z][\w ]{0,30}?[Uu]nits|crowns?|francs?"
    r"|marks?|yen|euroyen|stg|guilders?))?"  # the currency, when the figure ends before it
    r"(?:\s*\([^)\n]{1,12}\))?"  # "(ECUs)"
    r"\s*(?:of\s+[\w./-]+\s+(?:pct|percent|per\s+cent)\s+(?:[\w-]+\s+){0,3}?)?"
    # (raised "in a seven-year eurobond")
    r"(?:in\s+(?:an?\s+)?)?(?:[\w-]+\s+){0,2}?(?:bonds?|eurobonds?|notes|debentures"
    r"|(?:bond|debt|rights|share|euroyen|eurodollar)\s+issues?|offerings?)"
    r"\b(?!\s+(?:holders|market))",
    re.IGNORECASE,
)


#: A futures contract by its delivery month moving ("May was up 12.5 cents at 6.705 dlrs",
#: "the July contract fell 3 points to"): a quote when a price or a price unit follows.
_CONTRACT_MOVE = lazy_re(
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
_CONTRACT_SETTLED = lazy_re(
    rf"^\s*(?:the\s+)?{MONTH}\s+[a-z]+(?:\s+[a-z]+)?\s+"
    r"(?:settled|closed|ended|finished|opened)\s+(?:up\s+|down\s+|higher\s+|lower\s+)?"
    r"(?:[\w.]+\s+){0,2}?at\b",
)
_QUOTE_UNIT = lazy_re(r"\s*(?:cents?|points?|pts|ticks?|pfennigs?|dlrs?)?\s*(?:at|to)\s+\S*\d")
#: The level or the move a contract's move names in a price unit ("May rose to 133.50 cents",
#: "..., up 2.3 cents"; not "May was up 3 pct", a month's statistic).
_LEVEL_OR_MOVE_END = lazy_re(r"\b(?:to|at|up|down|off)\s+$")
_PRICE_UNIT = lazy_re(r"\s*(?:cents?|points?|pts|ticks?|pfennigs?|dlrs?)\b")


#: A move against the market's last close ("up about seven stg from yesterday's afternoon kerb
#: close"), and the move of a price just quoted per unit ("1.7225 dlrs per lb, a rise of").
_FROM_CLOSE = lazy_re(
    r"(?:\s+[A-Za-z.]+)?\s+from\s+(?:yesterday|last\s+night|the\s+previous|the\s+prior|Monday|Tuesday|Wednesday"
    r"|Thursday|Friday)(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:close|closing|kerb|finish|fix|fixing"
    r"|settlement|opening)\b",
    re.IGNORECASE,
)
#: A spread between a market's delivery dates ("establish a premium of around 10 stg over three
#: months delivery", "a narrower contango of five stg"): a price difference the market quotes. A
#: premium or discount only with the dates it spans after the figure (``_SPREAD_DATES``).
_SPREAD = lazy_re(
    r"\b(?:(?P<dated>premium|discount)|backwardation|contango)\s+of\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_SPREAD_DATES = lazy_re(
    r"\s*(?:[a-z.]+\s+){0,2}?(?:over|to|on|under|against)\s+(?:the\s+)?(?:three[- ]months?"
    r"|cash|futures|spot|nearby|forward|deferred)\b",
    re.IGNORECASE,
)
#: A move against the last session's levels ("0.50 dlrs lower than yesterday", "two dlrs above
#: yesterday's midday levels"), and a level named as a close ("yesterday's close of 425.00").
_AGAINST_YESTERDAY = lazy_re(
    r"(?:\s+[A-Za-z.]+)?\s+(?:higher|lower|above|below|up|down)\s+(?:(?:than|from|on)\s+)?"
    r"(?:yesterday|last\s+night|the\s+previous\s+(?:day|session|close))\b",
    re.IGNORECASE,
)
#: A level named as a close, and a closing high or low ("hit an all-time closing high of 2405.54
#: Monday"): a market's own record, which anyone can look up.
_CLOSE_OF = lazy_re(
    r"\b(?:close|closing|opening|settlement|finish|fix(?:ing)?)\s+"
    r"(?:level\s+|price\s+|range\s+|(?:record\s+)?(?:high|low)\s+)?of\s+$",
    re.IGNORECASE,
)
_PER_UNIT_MOVE = lazy_re(
    r"\bper\s+(?:tonne|ton|lb|pound|ounce|oz|barrel|bushel|kilo|share)\b,?\s+(?:or\s+)?an?\s+"
    r"(?:rise|fall|gain|drop|increase|decrease|decline)\s+of\s+$",
    re.IGNORECASE,
)


#: A shipment or delivery position's price in a trade report ("with May/Sep and Jne both at 181
#: dlrs cif Ghent", "Jan/Jne 1988 at 25 Marks", "May/Aug at down to 127.50 dlrs"): the wire's
#: month abbreviations too, a range of months, a year.
_WIRE_MONTH = rf"(?:{MONTH}|Mch|Apl|Jne|Jly)"
_POSITION = rf"{_WIRE_MONTH}(?:\s*/\s*{_WIRE_MONTH})?(?:\s+(?:19|20)?\d\d)?"
_POSITION_AT = lazy_re(
    rf"(?:^|\bwith|,|\band)\s*{_POSITION}(?:\s*(?:,|and)\s+{_POSITION})*\s+"
    r"(?:both\s+|all\s+)?(?:at|was|were)\s+(?:up\s+to\s+|down\s+to\s+|about\s+)?$"
)
#: A market's trading volume ("in a 2,227 lot volume including 523 crossed and 278 switches",
#: "volume rose to 188 mln shares"): the count of what traded.
_VOLUME_AFTER = lazy_re(
    r"\s*(?:(?P<named>lots?\s+(?:volume|traded)\b)"
    # a contract's daily volume ("trading ... was under 500 contracts per day")
    r"|(?P<daily>(?:contracts|lots)\s+(?:(?:a|per)\s+(?:day|session)|daily)\b)"
    r"|lots?\b|crossed\b|switches\b"
    r"|(?:mln\s+|million\s+)?(?:shares|contracts)\s+(?:traded|changed\s+hands|from)\b)",
    re.IGNORECASE,
)
_VOLUME = lazy_re(r"\b(?:volume|lots?|turnover)\b", re.IGNORECASE)
#: A share's volume named before it ("USAir closed up 5-3/8 at 49-1/8 on volume of 1.9 mln").
_VOLUME_OF = lazy_re(r"\bvolume\s+of\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$", re.I)
_TRADING = lazy_re(r"\b(?:volume|turnover|trading|traded)\b", re.IGNORECASE)
#: An index's close after its move in points ("tumbled 45 points to close at 2361").
_POINTS_CLOSE = lazy_re(
    r"\bpoints?\s+(?:to\s+)?(?:close|closed|end|ended|finish|finished|settle|settled)"
    r"\s+(?:at|on)\s+$",
    re.IGNORECASE,
)
#: An issue's or auction's price, rate or yield ("The average price of the one-year bills was
#: 94.014", "Net rate on the preceding issue end-February was 9.98 pct"): its published terms.
_ISSUE_TERMS = lazy_re(
    r"\b(?:price|rate|yield)s?\b[^.;]{0,60}?\b(?:issue|auction|tender|bills|paper)\b"
    r"[^.;]{0,40}?\b(?:was|were|of|at)\s+(?:about\s+)?$",
    re.IGNORECASE,
)


#: A new issue named before its size ("Canadian Imperial Bank of Commerce offering a bond of 125
#: mln", "launched a five-year eurobond of 100 mln dlrs"): its published terms, as
#: ``_NEW_ISSUE`` is after the size. Only after an issuer's verb: "defaulted on bonds of 5 billion"
#: is a claim. Gated on " of " and :data:`_ISSUE_OF_WORD` in the clause.
_ISSUE_OF = lazy_re(
    r"\b(?:offer(?:s|ed|ing)?|launch(?:es|ed|ing)?|issu(?:es|ed|ing)|pric(?:es|ed|ing)"
    r"|plac(?:es|ed|ing)|lead[- ]manag(?:es|ed|ing)|arrang(?:es|ed|ing))\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:bond|eurobond|note|issue|offering|debenture)s?\s+of\s+"
    r"(?:about\s+|some\s+)?$",
    re.IGNORECASE,
)
_ISSUE_OF_WORD = re.compile("bond|note|issue|offering|debenture", re.IGNORECASE)
#: A security's price against its issue price ("the deal ended far above the par issue price at
#: 108 109 pct", a bid/offer pair): a quote, as ``_ISSUE_TERMS`` with the words the other way
#: round. Not a price guessed before the issue ("a likely share offer price of 120 francs",
#: "the expected issue price"). Gated on "rice" in the clause.
_ISSUE_PRICE_AT = lazy_re(
    r"(?<!likely )(?<!expected )(?<!possible )(?<!probable )(?<!proposed )"
    r"\b(?:issue|issuing|reoffer)\s+price\b[^.;]{0,40}?\b(?:at|of|was)\s+"
    r"(?:about\s+)?(?:\d[\d./-]*\s+)?$",
    re.IGNORECASE,
)
#: A percentage move named by the market that made it, right after the figure ("after a 40 pct
#: dollar fall against the yen", "a 5% oil price rise"): market data, as "the dollar fell 40
#: pct". Only after a percentage ("a 10 billion dollar fall" is an amount); not a market share.
_MOVE_NOUN_AFTER = lazy_re(
    r"\s+(?:U\.S\.\s+|US\s+)?(?:dollar|yen|sterling|pound|euro|mark|franc|currency"
    r"|(?:share|stock|oil|gold|bond)(?:\s+prices?)?|index|bourse)\s+"
    r"(?:fall|rise|drop|decline|gain|slide|slump|plunge|rally|depreciation|appreciation)\b",
    re.IGNORECASE,
)
_MOVE_NOUN_WORD = re.compile("fall|rise|drop|declin|gain|slide|slump|plunge|rally|preciation")
_PERCENT_IN = re.compile(r"%|pct|percent|per cent", re.IGNORECASE)


#: The text :func:`is_market` was last asked about, lowered (None: lowering would move offsets
#: or hide a case-insensitive match), as (text, lowered): the figures of one block ask in turn
#: (one tuple, replaced whole: safe to share between threads).
_last_lowered: tuple[str, str | None] = ("", "")


#: A product's price or price range, which the maker publishes and anyone can check
#: (FIGURES-POLICY.md: "product prices and specifications of existing products"): "Priced from
#: 5.5 mln to", "price tags of between one mln to", "retails at about". Not "valued at" or "sold
#: for" (a deal's value, which needs a source).
_PRODUCT_PRICE = lazy_re(
    r"(?:\bpriced\s+(?:at|from|between)|\bprice[\s-]*tags?\s+(?:of|from)"
    r"|\b(?:retail|list|sticker)\s+prices?\s+(?:of|from)|\bretail(?:s|ing)?\s+(?:at|for|from))"
    r"\s+(?:between\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|under\s+"
    r"|just\s+(?:over|under)\s+)?"
    # the second figure of a range ("from 5.5 mln to")
    r"(?:(?:[\w$£€.,]+\s+){1,3}?(?:to|and|-)\s+)?$"
    # a seller's own price list changed ("raised its prices, from 30,000 dlrs a launch to")
    r"|\b(?:raised|raises|increased|increases|cut|cuts|lowered|lowers|reduced|reduces)\s+"
    r"(?:its|their|his|her)\s+(?:[\w-]+\s+)?prices?,?\s+from\s+"
    r"(?:(?:[\w$£€.,]+\s+){1,5}?to\s+)?$",
    re.IGNORECASE,
)


def _lowered(text: str) -> str | None:
    """:func:`lowered` of ``text``, once per text asked in turn."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    low = lowered(text)
    _last_lowered = (text, low)
    return low


# Words one of which (lowercased) every match of a pattern below holds, so the pattern is
# tried only where one occurs in the lowered text (tests/text/test_market_gates.py checks each
# against the pattern on generated text): "a share", "a tonne", "per pound", "an ounce", "per
# lb", "a bbl", "a bushel", "a barrel", "a gallon", "per cwt"; a volume's lots, crosses,
# switches, shares and contracts; a price's move; a new issue's bonds, notes, debentures and
# issues.
_PER_WORDS = ("share", "ton", "oun", "lb", "bbl", "bushel", "barrel", "gallon", "cwt")
_VOLUME_WORDS = ("lot", "crossed", "switches", "share", "contract")
_PRICE_WORD = "price"
_NEW_ISSUE_WORDS = ("bond", "note", "debenture", "issue", "offering")
#: The case-sensitive words a close needs ("It closed Friday at 74").
_CLOSED_WORDS = ("closed", "ended", "finished")
#: One search for any of :data:`_PER_WORDS`, of :data:`_VOLUME_WORDS`: a search for words
#: finds one exactly when one occurs (tests/text/test_market_clause.py).
_PER_WORD = re.compile("|".join(_PER_WORDS))
_VOLUME_WORD = re.compile("|".join(_VOLUME_WORDS))


def _last_new_issue_word(low: str) -> int:
    """Where the last of :data:`_NEW_ISSUE_WORDS` starts in ``low`` (-1: none)."""
    return max(low.rfind(word) for word in _NEW_ISSUE_WORDS)


_last_issue_word: tuple[str, int] = ("", -1)


def _may_be_new_issue(text: str, low: str | None, end: int) -> bool:
    """False only when ``_NEW_ISSUE`` cannot match at ``end``: no word it needs starts there or
    after (the last such word of the text is found once per text)."""
    global _last_issue_word
    if low is None:
        return True
    last = _last_issue_word
    if last[0] is not text:
        last = _last_issue_word = (text, _last_new_issue_word(low))
    return last[1] >= end


#: The second half of a rate quoted as a buying/selling pair ("773.05/776.92")
_RATE_PAIR = re.compile(r"/\d[\d,]*\.\d+\b")


def _is_rate_pair(text: str, start: int, end: int) -> bool:
    """Whether the decimal figure at ``start:end``, followed by a second one after a slash, is a
    rate its sentence names ("The Turkish Central Bank set a Lira/Dollar rate for March 10 of
    773.05/776.92 to the Dollar, down from the previous 769.60/773.45"): an official or market
    exchange rate, which anyone can look up (FIGURES-POLICY.md: market data, official prices)."""
    return "." in text[start:end] and "rate" in sentence_before(text, start).lower()


def is_market(text: str, start: int, end: int) -> bool:
    """Market data the reporter can observe: a price, index level or move ("shares rose 5p",
    "oil fell to $80 a barrel", "the FTSE 100 closed at 7,500")."""
    clause = clause_before(text, start)
    after = text[end : end + 40]
    low = _lowered(text)
    window = None if low is None else low[end : end + 40]  # ``after`` lowered
    if (window is None or _PER_WORD.search(window)) and (
        _PER_PRICE.match(after) or _PER_SHARE_BID().match(after)
    ):
        return True  # a share price, a commodity's price per unit, a bid per share
    if after[:1] == "/" and _RATE_PAIR.match(after) and _is_rate_pair(text, start, end):
        return True  # a rate quoted buying/selling ("a Lira/Dollar rate ... of 773.05/776.92")
    scan = CLAUSE_GATES.scan(clause)
    search = scan.search  # each pattern's search of the clause
    # (False: no pattern of _clause_gates() has its word in the clause, so each search of one
    # gives None and is left out; the patterns it leaves out are tried only after a search)
    gates = _clause_gates()
    some = gates is None or not scan.holds_none(gates)
    if some and search(_LENDING_RATE().pattern):
        return True  # a lender's rate on its products ("offered a fixed rate of 9.9 pct")
    move = some and search(_NAMED_MOVE)
    if move and (move["level"] or _STOCKS().search(text, max(0, start - 400), start)):
        # "..., Exxon Mobil fell 0.5%" in a report on shares; a price after its move in pence
        # or cents is one anywhere
        return True
    if (
        any(word in clause for word in _CLOSED_WORDS)
        and _CLOSED_AT().search(clause)
        and _STOCK_NEAR().search(text, max(0, start - 300), start)
    ):
        return True  # "... drove its stock up 5.50 dlrs in two days. It closed Friday at 74."
    if some and search(_TRADED()) and search(_AT_PRICE()):
        # a trade report's prices ("Dutch soyoil traded at 65.50 guilders for May, rising to",
        # "pellets traded afloat at up to 138 dlrs a tonne, with Mch at")
        return True
    # a futures month and a trade report's position need a month, case as written
    month = figure_after.has_month(clause)
    if (
        month
        and search(_CONTRACT_MOVE())
        and (
            _QUOTE_UNIT().match(after)
            or " at " in clause
            or (search(_LEVEL_OR_MOVE_END()) and _PRICE_UNIT().match(after))
        )
    ):
        return True  # "May was up 12.5 cents at 6.705 dlrs" in a futures report
    if month and search(_CONTRACT_SETTLED()):
        return True  # "May soymeal settled at 145.50 dlrs, up 1.20 dlrs"
    if month and search(_POSITION_AT()) and _TRADED().search(text, max(0, start - 400), start):
        return True  # a further position's price in a trade report ("with Mch at 191")
    volume = _VOLUME_AFTER().match(after) if window is None or _VOLUME_WORD.search(window) else None
    if volume and (
        volume["named"]
        or _VOLUME().search(text, max(0, start - 80), start)
        or (volume["daily"] and _TRADING().search(text, max(0, start - 200), start))
    ):
        return True  # a market's trading volume (not a broker's "orders for 500 contracts a day")
    if some and search(_VOLUME_OF()):
        return True  # a share's trading volume
    if some and (search(_POINTS_CLOSE()) or search(_ISSUE_TERMS())):
        return True  # an index's close; an issue's price, rate or yield
    if some and search(_OPERATION()):
        return True  # a central bank's market operation ("The Bundesbank bought 109.9 mln marks")
    if some and search(_BREADTH().pattern):
        return True  # "Winners led losers 303 to 221"
    if (
        # (tried only when a word their matches hold occurs after ``end``: figure_after)
        (
            figure_after.any_after(text, end, figure_after.FROM_CLOSE)
            and _FROM_CLOSE().match(text, end)
        )
        or (
            figure_after.any_after(text, end, figure_after.AGAINST_YESTERDAY)
            and _AGAINST_YESTERDAY().match(text, end)
        )
        or (some and (search(_PER_UNIT_MOVE()) or search(_CLOSE_OF())))
    ):
        return True  # a move against the last close, or of a price quoted per unit
    spread = search(_SPREAD())
    if spread and (not spread["dated"] or _SPREAD_DATES().match(text, end)):
        return True  # a spread between delivery dates ("a premium of 10 stg over three months")
    if (window is None or _PRICE_WORD in window) and _MOVE_IN_PRICE.match(after):
        return True  # "a 2.5% increase in its share price"
    if _may_be_new_issue(text, low, end) and _NEW_ISSUE().match(text, end):
        return True  # a new issue's size ("a 75 mln dlr six-year bond for Chrysler Credit")
    if some and search(_VALUATION()):
        return True  # a market's valuation ("price/earnings ratios of over 70")
    if is_terms(text, start, end, low):
        return True  # a security's or a deal's published terms
    if " of " in clause[-20:] and _ISSUE_OF_WORD.search(clause) and _ISSUE_OF().search(clause):
        return True  # "offering a bond of 125 mln"
    if "rice" in clause and _ISSUE_PRICE_AT().search(clause):
        return True  # "ended far above the par issue price at 108 109 pct"
    if (
        (window is None or _MOVE_NOUN_WORD.search(window))
        and _PERCENT_IN.search(text, start, end)
        and _MOVE_NOUN_AFTER().match(after)
    ):
        return True  # "a 40 pct dollar fall against the yen"
    if ("rice" in clause or "retail" in clause) and _PRODUCT_PRICE().search(clause):
        return True  # a product's price ("Priced from 5.5 mln to 22 mln dlrs, the ETA 10")
    if is_quote(text, start, end, clause, after):
        return True  # a commodity report's quote ("21 ov May bid", "Rye finished up 0.10 dlr")
    named = some and search(_MARKET_NOUN.pattern) is not None
    if (
        (window is None or _LEVEL_WORD.search(window))
        and (level := _LEVEL_AFTER().match(after))
        and (named or _MARKET_NOUN.search(after, level.end()))
    ):
        # a level a market is read at ("the market can hold in the low to mid 2200 area on the
        # Dow index", "support at the 1.80 mark"): an analyst's chart reading, not a count
        return True
    if not named and not _MARKET_NOUN.match(after, 0):
        return False
    return bool(search(_MARKET_MOVE().pattern) or _MARKET_MOVE().search(after[:25]))


#: A market level named by its neighbourhood, right after the number (with a market noun in the
#: clause or after it); ``_LEVEL_WORD`` gates the match on the lowered words after the figure.
_LEVEL_AFTER = lazy_re(r"\s*(?:points?\s+)?(?:area|level|mark|region|zone)\b", re.IGNORECASE)
_LEVEL_WORD = re.compile("area|level|mark|region|zone")


CLAUSE_GATES.add(
    lambda: (
        _LENDING_RATE().pattern,
        _TRADED(),
        _AT_PRICE(),
        _LEVEL_OR_MOVE_END(),
        _OPERATION(),
        _BREADTH().pattern,
        _PER_UNIT_MOVE(),
        _CLOSE_OF(),
        _SPREAD(),
        _MARKET_NOUN.pattern,
        _MARKET_MOVE().pattern,
        _POINTS_CLOSE(),
        _ISSUE_TERMS(),
        _VOLUME_OF(),
    )
)
# searched whole, but only in a clause holding the word they need: the verb of a company's move,
# the month of a trade report's position or of a futures contract
CLAUSE_GATES.require(
    lambda: (
        (_NAMED_MOVE, _MOVE_VERB),
        (_POSITION_AT(), _WIRE_MONTH),
        (_CONTRACT_MOVE(), MONTH),
        (_CONTRACT_SETTLED(), MONTH),
        # (its own leading words come down to "p", which nearly every clause holds: every match
        # holds "earnings" or "p/e")
        (_VALUATION(), r"earnings|p/e"),
    )
)


#: The indices in ``CLAUSE_GATES`` of the clause patterns :func:`is_market` searches first (the
#: others, ``_AT_PRICE``, ``_LEVEL_OR_MOVE_END``, ``_MARKET_MOVE`` and the futures month's, are
#: searched only after one of these or ``has_month`` finds something), read once the set is built.
_GATES: list[frozenset[int]] = []


def _clause_gates() -> frozenset[int] | None:
    """The indices of the clause patterns for :meth:`Scan.holds_none`, None while the set is
    not built (or when one of them is searched as it is: tests/text/test_market_clause.py)."""
    if _GATES:
        return _GATES[0]
    gates = CLAUSE_GATES.indices(
        (
            _LENDING_RATE().pattern,
            _NAMED_MOVE,
            _TRADED(),
            _OPERATION(),
            _BREADTH().pattern,
            _PER_UNIT_MOVE(),
            _CLOSE_OF(),
            _SPREAD(),
            _MARKET_NOUN.pattern,
            _POINTS_CLOSE(),
            _ISSUE_TERMS(),
            _VOLUME_OF(),
            _VALUATION(),
        )
    )
    if gates is not None:
        _GATES.append(gates)
    return gates
