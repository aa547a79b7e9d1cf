"""A price per traded unit or per share, a bid per share and a product's published price: market
data and published prices, which anyone can check (FIGURES-POLICY.md, "no source needed");
:func:`lint.text.figure_market.is_market` asks here."""

from __future__ import annotations

import re

from lint.text.lazy_re import lazy_re

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
PER_PRICE = re.compile(rf"(?:{_PER_SHARE.pattern})|(?:{_PER_UNIT.pattern})", re.IGNORECASE)
#: A bid's price per share, with its currency and "cash" first ("an outstanding 65 dlr cash per
#: share offer").
PER_SHARE_BID = lazy_re(
    r"\s*(?:[a-z]+\s+){0,2}?(?:a|per)\s+share\s+(?:cash\s+)?(?:offer|bid|tender|price)\b",
    re.IGNORECASE,
)


#: A product's price or price range, which the maker publishes and anyone can check
#: (FIGURES-POLICY.md: "product prices and specifications of existing products"): "Priced from
#: 5.5 mln to", "price tags of between one mln to", "retails at about". Not "valued at" or "sold
#: for" (a deal's value, which needs a source).
PRODUCT_PRICE = lazy_re(
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


# Words one of which (lowercased) every match of a pattern above holds, so the pattern is tried
# only where one occurs in the lowered text after the figure (tests/text/test_market_gates.py
# checks each against the pattern on generated text): "a share", "a tonne", "per pound", "an
# ounce", "per lb", "a bbl", "a bushel", "a barrel", "a gallon", "per cwt".
_PER_WORDS = ("share", "ton", "oun", "lb", "bbl", "bushel", "barrel", "gallon", "cwt")
#: One search for any of :data:`_PER_WORDS`: a search for words finds one exactly when one occurs
#: (tests/text/test_market_clause.py).
PER_WORD = re.compile("|".join(_PER_WORDS))
