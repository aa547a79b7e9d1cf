"""A market's trading volume: a count of shares, contracts or lots traded, its comparison with
an earlier session's and the crosses in it; and its breadth (how many issues rose and fell).
Market data the wire reports as it observes it (FIGURES-POLICY.md, "no source needed");
:func:`lint.text.figure_quotes.is_quote` and :func:`lint.text.figure_market.is_market` ask here.
"""

from __future__ import annotations

import re

from lint.text.gated import lazy_gated
from lint.text.lazy_re import lazy_re

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


def volume_quote(clause: str, low: str, after: str) -> bool:
    """Whether a figure with ``clause`` before it (``low``: lower-cased) and ``after`` after it
    is a market's volume or its comparison ("Volume was 186,410,000 shares compared to
    173,720,000 yesterday", "Options volume was 345,250 compared to 324,863 yesterday")."""
    if "volume" not in low and "turnover" not in low:
        return False
    compared = _VOLUME_UNIT().match(after) or _VOLUME_WHEN().match(after)
    if compared and _VOLUME_THEN().search(clause):
        return True
    volume = _VOLUME_WAS().search(clause)
    return bool(
        volume
        and (_VOLUME_UNIT().match(after) or (volume["market"] and _COMPARED_AFTER().match(after)))
    )


def crosses(text: str, start: int, after: str) -> bool:
    """The crosses in a volume in lots ("turnover was light at 47 lots, including 24 cross
    transactions")."""
    return bool(_CROSSES().match(after)) and "lots" in text[max(0, start - 80) : start]


#: A market's breadth ("Winners led losers 303 to 221", "advances outnumbered declines").
BREADTH = lazy_gated(
    r"\b(?:winners|gainers|advances|advancing issues|rises|risers)\s+(?:led|outnumbered"
    r"|outpaced|beat)\s+(?:losers|decliners|declines|declining issues|falls|fallers)\b",
    re.IGNORECASE,
)
#: A market's trading volume ("in a 2,227 lot volume including 523 crossed and 278 switches",
#: "volume rose to 188 mln shares"): the count of what traded.
VOLUME_AFTER = lazy_re(
    r"\s*(?:(?P<named>lots?\s+(?:volume|traded)\b)"
    # a contract's daily volume ("trading ... was under 500 contracts per day")
    r"|(?P<daily>(?:contracts|lots)\s+(?:(?:a|per)\s+(?:day|session)|daily)\b)"
    r"|lots?\b|crossed\b|switches\b"
    r"|(?:mln\s+|million\s+)?(?:shares|contracts)\s+(?:traded|changed\s+hands|from)\b)",
    re.IGNORECASE,
)
VOLUME = lazy_re(r"\b(?:volume|lots?|turnover)\b", re.IGNORECASE)
#: A share's volume named before it ("USAir closed up 5-3/8 at 49-1/8 on volume of 1.9 mln").
VOLUME_OF = lazy_re(r"\bvolume\s+of\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$", re.I)
TRADING = lazy_re(r"\b(?:volume|turnover|trading|traded)\b", re.IGNORECASE)
#: Words one of which (lowercased) every match of ``VOLUME_AFTER`` holds: a volume's lots,
#: crosses, switches, shares and contracts (tests/text/test_market_gates.py); one search for any
#: of them finds one exactly when one occurs (tests/text/test_market_clause.py).
_VOLUME_WORDS = ("lot", "crossed", "switches", "share", "contract")
VOLUME_WORD = re.compile("|".join(_VOLUME_WORDS))
