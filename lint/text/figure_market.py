"""Market data the reporter can observe: prices, index levels and moves, rates, new issues, a
trade report's prices and a central bank's operations (FIGURES-POLICY.md, "no source needed").
:func:`is_market` reads a figure with the patterns of figure_prices (per unit, per share, a
product's), figure_rates (lenders', central banks'), figure_moves (moves and closes),
figure_futures (trade reports, futures by month), figure_volume (volume, breadth) and
figure_issues (new issues); their clause patterns are gated together here, in one order."""

from __future__ import annotations

import re

from lint.text import (
    figure_after,
    figure_futures,
    figure_issues,
    figure_moves,
    figure_prices,
    figure_rates,
    figure_volume,
)
from lint.text.figure_clause import CLAUSE_GATES, MONTH, WIRE_MONTH_NAME, clause_before
from lint.text.figure_quotes import is_quote
from lint.text.figure_terms import is_terms
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


#: A market's valuation ("driving price/earnings ratios to over 70, compared with about 15").
_VALUATION = lazy_re(
    r"\b(?:price[/-]earnings|price-to-earnings|p/e)\s+(?:ratios?|multiples?)\b[^.;]{0,60}$",
    re.IGNORECASE,
)


#: The text :func:`is_market` was last asked about, lowered (None: lowering would move offsets
#: or hide a case-insensitive match), as (text, lowered): the figures of one block ask in turn
#: (one tuple, replaced whole: safe to share between threads).
_last_lowered: tuple[str, str | None] = ("", "")


def _lowered(text: str) -> str | None:
    """:func:`lowered` of ``text``, once per text asked in turn."""
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    low = lowered(text)
    _last_lowered = (text, low)
    return low


def is_market(text: str, start: int, end: int) -> bool:
    """Market data the reporter can observe: a price, index level or move ("shares rose 5p",
    "oil fell to $80 a barrel", "the FTSE 100 closed at 7,500")."""
    clause = clause_before(text, start)
    after = text[end : end + 40]
    low = _lowered(text)
    window = None if low is None else low[end : end + 40]  # ``after`` lowered
    if (window is None or figure_prices.PER_WORD.search(window)) and (
        figure_prices.PER_PRICE.match(after) or figure_prices.PER_SHARE_BID().match(after)
    ):
        return True  # a share price, a commodity's price per unit, a bid per share
    if (
        after[:1] == "/"
        and figure_rates.RATE_PAIR.match(after)
        and figure_rates.is_rate_pair(text, start, end)
    ):
        return True  # a rate quoted buying/selling ("a Lira/Dollar rate ... of 773.05/776.92")
    scan = CLAUSE_GATES.scan(clause)
    search = scan.search  # each pattern's search of the clause
    # (False: no pattern of _clause_gates() has its word in the clause, so each search of one
    # gives None and is left out; the patterns it leaves out are tried only after a search)
    gates = _clause_gates()
    some = gates is None or not scan.holds_none(gates)
    if some and search(figure_rates.LENDING_RATE().pattern):
        return True  # a lender's rate on its products ("offered a fixed rate of 9.9 pct")
    move = some and search(figure_moves.NAMED_MOVE)
    if move and (move["level"] or figure_moves.STOCKS().search(text, max(0, start - 400), start)):
        # "..., Exxon Mobil fell 0.5%" in a report on shares; a price after its move in pence
        # or cents is one anywhere
        return True
    if (
        any(word in clause for word in figure_moves.CLOSED_WORDS)
        and figure_moves.CLOSED_AT().search(clause)
        and figure_moves.STOCK_NEAR().search(text, max(0, start - 300), start)
    ):
        return True  # "... drove its stock up 5.50 dlrs in two days. It closed Friday at 74."
    if some and search(figure_futures.TRADED()) and search(figure_futures.AT_PRICE()):
        # a trade report's prices ("Dutch soyoil traded at 65.50 guilders for May, rising to",
        # "pellets traded afloat at up to 138 dlrs a tonne, with Mch at")
        return True
    # a futures month and a trade report's position need a month, case as written
    month = figure_after.has_month(clause)
    if (
        month
        and search(figure_futures.CONTRACT_MOVE())
        and (
            figure_futures.QUOTE_UNIT().match(after)
            or " at " in clause
            or (
                search(figure_futures.LEVEL_OR_MOVE_END())
                and figure_futures.PRICE_UNIT().match(after)
            )
        )
    ):
        return True  # "May was up 12.5 cents at 6.705 dlrs" in a futures report
    if month and search(figure_futures.CONTRACT_SETTLED()):
        return True  # "May soymeal settled at 145.50 dlrs, up 1.20 dlrs"
    if (
        month
        and search(figure_futures.POSITION_AT())
        and figure_futures.TRADED().search(text, max(0, start - 400), start)
    ):
        return True  # a further position's price in a trade report ("with Mch at 191")
    volume = (
        figure_volume.VOLUME_AFTER().match(after)
        if window is None or figure_volume.VOLUME_WORD.search(window)
        else None
    )
    if volume and (
        volume["named"]
        or figure_volume.VOLUME().search(text, max(0, start - 80), start)
        or (volume["daily"] and figure_volume.TRADING().search(text, max(0, start - 200), start))
    ):
        return True  # a market's trading volume (not a broker's "orders for 500 contracts a day")
    if some and search(figure_volume.VOLUME_OF()):
        return True  # a share's trading volume
    if some and (search(figure_moves.POINTS_CLOSE()) or search(figure_issues.ISSUE_TERMS())):
        return True  # an index's close; an issue's price, rate or yield
    if some and search(figure_rates.OPERATION()):
        return True  # a central bank's market operation ("The Bundesbank bought 109.9 mln marks")
    if some and search(figure_volume.BREADTH().pattern):
        return True  # "Winners led losers 303 to 221"
    if (
        # (tried only when a word their matches hold occurs after ``end``: figure_after)
        (
            figure_after.any_after(text, end, figure_after.FROM_CLOSE)
            and figure_moves.FROM_CLOSE().match(text, end)
        )
        or (
            figure_after.any_after(text, end, figure_after.AGAINST_YESTERDAY)
            and figure_moves.AGAINST_YESTERDAY().match(text, end)
        )
        or (some and (search(figure_moves.PER_UNIT_MOVE()) or search(figure_moves.CLOSE_OF())))
        or (search(figure_moves.PRICE_MOVE()) and figure_moves.unit_move(text, start, end))
    ):
        return True  # a move against the last close, or of a price quoted per unit or in money
    spread = search(figure_futures.SPREAD())
    if spread and (not spread["dated"] or figure_futures.SPREAD_DATES().match(text, end)):
        return True  # a spread between delivery dates ("a premium of 10 stg over three months")
    if (window is None or figure_moves.PRICE_WORD in window) and figure_moves.MOVE_IN_PRICE.match(
        after
    ):
        return True  # "a 2.5% increase in its share price"
    if figure_issues.may_be_new_issue(text, low, end) and figure_issues.NEW_ISSUE().match(
        text, end
    ):
        return True  # a new issue's size ("a 75 mln dlr six-year bond for Chrysler Credit")
    if some and search(_VALUATION()):
        return True  # a market's valuation ("price/earnings ratios of over 70")
    if is_terms(text, start, end, low):
        return True  # a security's or a deal's published terms
    if (
        " of " in clause[-20:]
        and figure_issues.ISSUE_OF_WORD.search(clause)
        and figure_issues.ISSUE_OF().search(clause)
    ):
        return True  # "offering a bond of 125 mln"
    if "rice" in clause and figure_issues.ISSUE_PRICE_AT().search(clause):
        return True  # "ended far above the par issue price at 108 109 pct"
    if (
        (window is None or figure_moves.MOVE_NOUN_WORD.search(window))
        and figure_moves.PERCENT_IN.search(text, start, end)
        and figure_moves.MOVE_NOUN_AFTER().match(after)
    ):
        return True  # "a 40 pct dollar fall against the yen"
    if ("rice" in clause or "retail" in clause) and figure_prices.PRODUCT_PRICE().search(clause):
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
        figure_rates.LENDING_RATE().pattern,
        figure_futures.TRADED(),
        figure_futures.AT_PRICE(),
        figure_futures.LEVEL_OR_MOVE_END(),
        figure_rates.OPERATION(),
        figure_volume.BREADTH().pattern,
        figure_moves.PER_UNIT_MOVE(),
        figure_moves.CLOSE_OF(),
        figure_moves.PRICE_MOVE(),
        figure_futures.SPREAD(),
        _MARKET_NOUN.pattern,
        _MARKET_MOVE().pattern,
        figure_moves.POINTS_CLOSE(),
        figure_issues.ISSUE_TERMS(),
        figure_volume.VOLUME_OF(),
    )
)
# searched whole, but only in a clause holding the word they need: the verb of a company's move,
# the month of a trade report's position or of a futures contract
CLAUSE_GATES.require(
    lambda: (
        (figure_moves.NAMED_MOVE, figure_moves.MOVE_VERB),
        (figure_futures.POSITION_AT(), WIRE_MONTH_NAME),
        (figure_futures.CONTRACT_MOVE(), MONTH),
        (figure_futures.CONTRACT_SETTLED(), MONTH),
        # (its own leading words come down to "p", which nearly every clause holds: every match
        # holds "earnings" or "p/e")
        (_VALUATION(), r"earnings|p/e"),
    )
)


#: The indices in ``CLAUSE_GATES`` of the clause patterns :func:`is_market` searches first (the
#: others, figure_futures' ``AT_PRICE`` and ``LEVEL_OR_MOVE_END``, ``_MARKET_MOVE`` and the
#: futures month's, are searched only after one of these or ``has_month`` finds something), read
#: once the set is built.
_GATES: list[frozenset[int]] = []


def _clause_gates() -> frozenset[int] | None:
    """The indices of the clause patterns for :meth:`Scan.holds_none`, None while the set is
    not built (or when one of them is searched as it is: tests/text/test_market_clause.py)."""
    if _GATES:
        return _GATES[0]
    gates = CLAUSE_GATES.indices(
        (
            figure_rates.LENDING_RATE().pattern,
            figure_moves.NAMED_MOVE,
            figure_futures.TRADED(),
            figure_rates.OPERATION(),
            figure_volume.BREADTH().pattern,
            figure_moves.PER_UNIT_MOVE(),
            figure_moves.CLOSE_OF(),
            figure_futures.SPREAD(),
            _MARKET_NOUN.pattern,
            figure_moves.POINTS_CLOSE(),
            figure_issues.ISSUE_TERMS(),
            figure_volume.VOLUME_OF(),
            _VALUATION(),
        )
    )
    if gates is not None:
        _GATES.append(gates)
    return gates
