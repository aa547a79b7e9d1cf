"""A lender's published rates, a central bank's market operations and official rates, and a rate
quoted as a buying/selling pair: prices and official figures anyone can look up
(FIGURES-POLICY.md, "no source needed"); :func:`lint.text.figure_market.is_market` asks here."""

from __future__ import annotations

import re

from lint.text.figure_terms import sentence_before
from lint.text.gated import lazy_gated
from lint.text.lazy_re import lazy_re

#: A lender's or market's rate right before the figure: a price, not a claim. With the product
#: it prices ("offering five year fixed rate mortgages at 9.9 pct"), and a loan's going rate
#: ("cheap bank loans -- the current rate is 10 pct"): a lender's published terms.
LENDING_RATE = lazy_gated(
    r"\b(?:fixed|variable|interest|mortgage|lending|borrowing|deposit|savings|base|prime"
    r"|discount|coupon|overnight|call money|repo)\s+rates?\s+"
    r"(?:(?:[\w-]+\s+)?(?:mortgages?|loans?|deposits?|(?:savings\s+)?accounts?)\s+)?(?:of|at)\s+"
    r"(?:about\s+|around\s+|some\s+|just\s+(?:over|under)\s+)?$"
    r"|\b(?:loans?|mortgages?|credit)\b[^.;]{0,40}?\b(?:current|going|interest|lending)\s+rates?"
    r"\s+(?:is|was|are|were|stands\s+at|stood\s+at)\s+(?:about\s+|around\s+|some\s+)?$",
    re.IGNORECASE,
)
OPERATION = lazy_re(
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


#: The second half of a rate quoted as a buying/selling pair ("773.05/776.92")
RATE_PAIR = re.compile(r"/\d[\d,]*\.\d+\b")


def is_rate_pair(text: str, start: int, end: int) -> bool:
    """Whether the decimal figure at ``start:end``, followed by a second one after a slash, is a
    rate its sentence names ("The Turkish Central Bank set a Lira/Dollar rate for March 10 of
    773.05/776.92 to the Dollar, down from the previous 769.60/773.45"): an official or market
    exchange rate, which anyone can look up (FIGURES-POLICY.md: market data, official prices)."""
    return "." in text[start:end] and "rate" in sentence_before(text, start).lower()
