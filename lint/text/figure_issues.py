"""A new issue's size and terms: a bond's or note's size named after or before it, an issue's or
auction's price, rate or yield and a security's price against its issue price: published terms,
which anyone can look up (FIGURES-POLICY.md, "no source needed");
:func:`lint.text.figure_market.is_market` asks here."""

from __future__ import annotations

import re

from lint.text.lazy_re import lazy_re

NEW_ISSUE = lazy_re(
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
#: An issue's or auction's price, rate or yield ("The average price of the one-year bills was
#: 94.014", "Net rate on the preceding issue end-February was 9.98 pct"): its published terms.
ISSUE_TERMS = lazy_re(
    r"\b(?:price|rate|yield)s?\b[^.;]{0,60}?\b(?:issue|auction|tender|bills|paper)\b"
    r"[^.;]{0,40}?\b(?:was|were|of|at)\s+(?:about\s+)?$",
    re.IGNORECASE,
)


#: A new issue named before its size ("Canadian Imperial Bank of Commerce offering a bond of 125
#: mln", "launched a five-year eurobond of 100 mln dlrs"): its published terms, as
#: ``NEW_ISSUE`` is after the size. Only after an issuer's verb: "defaulted on bonds of 5 billion"
#: is a claim. Gated on " of " and :data:`ISSUE_OF_WORD` in the clause.
ISSUE_OF = lazy_re(
    r"\b(?:offer(?:s|ed|ing)?|launch(?:es|ed|ing)?|issu(?:es|ed|ing)|pric(?:es|ed|ing)"
    r"|plac(?:es|ed|ing)|lead[- ]manag(?:es|ed|ing)|arrang(?:es|ed|ing))\s+(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:bond|eurobond|note|issue|offering|debenture)s?\s+of\s+"
    r"(?:about\s+|some\s+)?$",
    re.IGNORECASE,
)
ISSUE_OF_WORD = re.compile("bond|note|issue|offering|debenture", re.IGNORECASE)
#: A security's price against its issue price ("the deal ended far above the par issue price at
#: 108 109 pct", a bid/offer pair): a quote, as ``ISSUE_TERMS`` with the words the other way
#: round. Not a price guessed before the issue ("a likely share offer price of 120 francs",
#: "the expected issue price"). Gated on "rice" in the clause.
ISSUE_PRICE_AT = lazy_re(
    r"(?<!likely )(?<!expected )(?<!possible )(?<!probable )(?<!proposed )"
    r"\b(?:issue|issuing|reoffer)\s+price\b[^.;]{0,40}?\b(?:at|of|was)\s+"
    r"(?:about\s+)?(?:\d[\d./-]*\s+)?$",
    re.IGNORECASE,
)


#: Words one of which (lowercased) every match of ``NEW_ISSUE`` holds: a new issue's bonds, notes,
#: debentures and issues (tests/text/test_market_gates.py).
_NEW_ISSUE_WORDS = ("bond", "note", "debenture", "issue", "offering")


def _last_new_issue_word(low: str) -> int:
    """Where the last of :data:`_NEW_ISSUE_WORDS` starts in ``low`` (-1: none)."""
    return max(low.rfind(word) for word in _NEW_ISSUE_WORDS)


_last_issue_word: tuple[str, int] = ("", -1)


def may_be_new_issue(text: str, low: str | None, end: int) -> bool:
    """False only when ``NEW_ISSUE`` cannot match at ``end``: no word it needs starts there or
    after (the last such word of the text is found once per text)."""
    global _last_issue_word
    if low is None:
        return True
    last = _last_issue_word
    if last[0] is not text:
        last = _last_issue_word = (text, _last_new_issue_word(low))
    return last[1] >= end
