"""A security's or a deal's published terms: what a bond pays and is redeemed at, what each share
of a bought company is exchanged for, a class of stock named by its dividend, what a warrant or
option entitles its holder to buy. They are written in the prospectus or the merger agreement,
which anyone can read, and wire copy states them without a reporting verb; an editor does not
send them back (FIGURES-POLICY.md: "public record that anyone can check", "specifications of
existing products", and names containing numbers).

Each test reads only the figure's sentence (up to :data:`_REACH` characters before it) and a few
words after it, and each needs a word it names (redeem, coupon, preferred, each ... share), so a
figure in an ordinary sentence is never one.
"""

from __future__ import annotations

import re

from lint.text.figure_clause import last_stop
from lint.text.lazy_re import lazy_re

#: How far back the figure's sentence is read (a redemption schedule lists several prices after
#: one "redeemable": "redeemable ... at 105 pct, during the seventh year at 102.5 pct and after
#: that at 100 pct of the principal amount").
_REACH = 250

#: Words one of which the sentence or the words after the figure must hold (lower-cased; each
#: test below needs one).
_WORDS = (
    "redeem",
    "redemption",
    "callable",
    "coupon",
    "prefer",
    "each",
    "right",
    "warrant",
    "option",
    "offer",
    "bid",
    "tender",
    "issuing",
)

#: The currency word between a number and what it prices ("4.50 dlrs cumulative preferred").
_CURRENCY = lazy_re(
    r"\s*(?:[A-Z][a-z]+\s+)?(?:dlrs?|dollars?|cents?|cts|stg|sterling|pounds?|pence|yen|marks?"
    r"|francs?|guilders?|lire|crowns?)\b",
    re.IGNORECASE,
)
#: A price per right or warrant, as a share's ("redeem its rights for five cents per right").
_PER_RIGHT = lazy_re(r"\s*(?:a|per|each)\s+(?:rights?|warrants?)\b", re.IGNORECASE)

#: What a warrant, option or right entitles its holder to buy ("sold warrants directly to
#: Fireman's Fund to purchase five mln shares", "options to buy up to 500,000 shares").
_TO_BUY = lazy_re(
    r"\b(?:warrants?|options?|rights?)\b[^.;]{0,40}?\bto\s+(?:buy|purchase|acquire"
    r"|subscribe\s+(?:for|to))\s+(?:up\s+to\s+)?(?:about\s+|another\s+|an\s+additional\s+)?$",
    re.IGNORECASE,
)
#: A redemption or call price: the sentence names the redemption and the figure follows "at" or
#: "for" ("redeem its preferred stock for 100 dlrs per share").
_REDEMPTION = lazy_re(
    r"\b(?:redeemable|redeemed|redeem|redemption|callable)\b(?:[^.;]|\.\d)*\b(?:at|for)\s+(?:about\s+)?$",
    re.IGNORECASE,
)
#: A bond's coupon ("will carry a 13 pct coupon", "a coupon of 7-3/4 pct").
_COUPON_AFTER = lazy_re(
    r"\s*(?:pct\s+|percent\s+|per\s+cent\s+|%\s*)?(?:annual\s+|semi-?annual\s+)?coupons?\b",
    re.IGNORECASE,
)
_COUPON_BEFORE = lazy_re(r"\bcoupons?\s+(?:rate\s+)?(?:of\s+)?(?:about\s+)?$", re.IGNORECASE)
#: A class of stock named by its dividend ("its 4.50 dlrs cumulative preferred stock, series A").
_STOCK_CLASS = lazy_re(
    r"\s*(?:(?:cumulative|non-?cumulative|convertible|exchangeable|redeemable|participating"
    r"|series\s+[A-Z])\s+)*(?:preferred|preference)\s+(?:stock|shares?)\b",
    re.IGNORECASE,
)
#: What each share of a company bought is turned into ("each remaining share will be converted
#: into 19.75 dlrs cash and 54.25 dlrs principal amount of debentures", "holders will receive 20
#: dlrs for each share").
_EACH_SHARE = lazy_re(
    r"\beach\s+(?:[\w-]+\s+){0,3}?(?:shares?|units?)\b[^.;]{0,120}?"
    r"\b(?:converted|exchanged|exchangeable|receive|receives|get|gets|entitled)\b",
    re.IGNORECASE,
)
_FOR_EACH_SHARE = lazy_re(
    r"\s*(?:[\w$.,-]+\s+){0,4}?(?:for|per)\s+each\s+(?:[\w-]+\s+){0,2}?shares?\b",
    re.IGNORECASE,
)

#: A bid's, tender offer's or share offering's price per share ("has offered 65 dlrs per share
#: for the company", "launched a takeover bid ... at 4.35 dlrs a share", "started tendering for
#: all Conrac shares at 25 dlrs each"): the offer's published terms. The offer word stands in the
#: figure's sentence before it with no result word between ("offered ... earned 2 dlrs a share"
#: is a result).
_OFFER_BEFORE = lazy_re(
    r"\b(?:offer|offers|offered|offering|bid|bids|bidding|tender|tenders|tendered|tendering)\b"
    r"(?:(?!\b(?:earn\w*|profits?|net|loss\w*|dividends?|revenues?|sales|paid|pays)\b)"
    r"[^.;]){0,100}$",
    re.IGNORECASE,
)
#: The price per share after the figure (and its currency): "a share", "per share", "cash per
#: share", or "each" after the shares it prices.
_OFFER_PER_SHARE = lazy_re(r"\s*(?:cash\s+)?(?:a|per)\s+share\b", re.IGNORECASE)
_EACH = lazy_re(r"\s*each\b", re.IGNORECASE)
_SHARES_AT = lazy_re(r"\bshares\s+(?:at|for)\s+$", re.IGNORECASE)
#: Shares offered at a price per share, the filing's range included ("2.5 mln shares of common
#: stock at an estimated 10-13 dlrs a share", "400,000 shares at 12 dlrs a share"): an
#: offering's terms, as its filing gives them, with or without the word "offer" in the sentence.
_SHARES_PRICED_AT = lazy_re(
    r"\bshares\b(?:[^.;]|\.\d){0,60}?\bat\s+(?:an\s+)?(?:estimated\s+)?"
    r"(?:[\w.,-]+\s+(?:to|and)\s+)?$",
    re.IGNORECASE,
)

#: An issuer's offering named with its size ("a unit of Kidder, Peabody, is offering 500 mln dlrs
#: of collateralized mortgage obligations", "is issuing 100,000 warrants"): the issue's size, on
#: its prospectus. Present progressive only: "has sold" or "plans to offer" are not its terms.
_OFFERING_BEFORE = lazy_re(
    r"\b(?:is|are)\s+(?:now\s+)?(?:offering|issuing)\s+(?:up\s+to\s+|about\s+)?$", re.IGNORECASE
)
_SECURITIES_AFTER = lazy_re(
    r"\s*(?:of\s+)?(?:[\w\"'-]+\s+){0,4}?(?:obligations|bonds|eurobonds|notes|debentures"
    r"|shares|stock|warrants|certificates|securities|units|paper)\b",
    re.IGNORECASE,
)


def _shares_priced(sentence: str, after: str) -> bool:
    """Whether the figure before ``after`` (its currency read) is a price per share of shares
    offered at it (:data:`_SHARES_PRICED_AT`)."""
    return (
        _OFFER_PER_SHARE().match(after) is not None
        and _SHARES_PRICED_AT().search(sentence) is not None
    )


def _offer_price(sentence: str, after: str) -> bool:
    """Whether the figure before ``after`` (its currency read) is an offer's price per share
    (:data:`_OFFER_BEFORE`), or shares' offered at it (:func:`_shares_priced`)."""
    if _OFFER_PER_SHARE().match(after):
        return _OFFER_BEFORE().search(sentence) is not None or _shares_priced(sentence, after)
    return (
        _EACH().match(after) is not None
        and _SHARES_AT().search(sentence) is not None
        and _OFFER_BEFORE().search(sentence) is not None
    )


#: A security's pricing in the figure's sentence ("24.4 mln dlrs of class J-3 bonds ... priced
#: at par to yield 8.26 pct", "Prices were set at par and 99.875, respectively"): the issue's
#: size, price and yield are its published terms. Gated on "pric" near the figure.
_PRICED = lazy_re(
    r"\b(?:bonds?|eurobonds?|notes|debentures|issues?|certificates|securities|shares|offering)\b"
    r"(?:[^.;]|\.\d)*?\bpriced\s+at\s+(?:par\b|\d)"
    r"|\bprices?\s+(?:was|were)\s+set\s+at\s+(?:par\b|\d)",
    re.IGNORECASE,
)


def _priced(text: str, start: int, end: int) -> bool:
    """Whether the figure's sentence prices a security (:data:`_PRICED`)."""
    tail = text[end : end + _REACH]
    stop = _SENTENCE_STOP.search(tail)
    sentence = sentence_before(text, start) + text[start:end] + tail[: stop.end() if stop else None]
    return _PRICED().search(sentence) is not None


#: The full stop that ends a sentence (not one inside a number: "99.875").
_SENTENCE_STOP = re.compile(r"[.;](?!\d)")


def sentence_before(text: str, start: int) -> str:
    """The figure's sentence up to ``start`` (back to the last full stop, at most
    :data:`_REACH` characters)."""
    head = text[max(0, start - _REACH) : start]
    return head[last_stop(head) + 1 :]


def is_terms(text: str, start: int, end: int, low: str | None = None) -> bool:
    """Whether the figure at ``start:end`` of ``text`` is a security's or a deal's published
    terms (see the module). ``low``: ``text`` lower-cased with the same offsets, when known."""
    first = max(0, start - _REACH)
    wide = low[first : end + _REACH] if low is not None else text[first : end + _REACH].lower()
    if "pric" in wide and _priced(text, start, end):
        return True
    window = wide[: end + 80 - first]
    # (the window holds the sentence and the words after the figure)
    worded = any(word in window for word in _WORDS)
    if not worded and " share" not in window[end - first :]:
        return False
    sentence = sentence_before(text, start)
    after = text[end : end + 80]
    currency = _CURRENCY().match(after)
    if currency:
        after = after[currency.end() :]
    if not worded:
        # shares priced at a price per share with no word above ("2.5 mln shares of common
        # stock at an estimated 10-13 dlrs a share"): only that test
        return currency is not None and _shares_priced(sentence, after)
    return bool(
        _REDEMPTION().search(sentence)
        or _COUPON_AFTER().match(after)
        or _COUPON_BEFORE().search(sentence)
        or _STOCK_CLASS().match(after)
        or _EACH_SHARE().search(sentence)
        or _FOR_EACH_SHARE().match(after)
        or _PER_RIGHT().match(after)
        or _TO_BUY().search(sentence)
        or (currency is not None and _offer_price(sentence, after))
        or (_OFFERING_BEFORE().search(sentence) is not None and _SECURITIES_AFTER().match(after))
    )
