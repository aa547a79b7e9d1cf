"""The currency of an amount (part of :mod:`lint.text.figure_context`): a currency word right
after a number ("5 mln dlrs", "300 euros"), and a currency given earlier for an amount with
none of its own ("income of 214 mln dlrs compared with 177 mln")."""

from __future__ import annotations

import re

from lint.text.lazy_re import lazy_re

_CURRENCY_AFTER = re.compile(
    r"\s*(?:(?:US |Hong Kong |Australian |Canadian |Singapore |New Zealand )?(?:dollars"
    # "a 19.7 billion dollar debt", not "two Canadian dollar issues" (issues in dollars)
    r"|dollar(?!\s+(?:issues?|bonds?|notes?|deposits?|sector|market|terms|denominated)))|pounds"
    r"|(?:pounds )?sterling|euros?|yen|yuan|renminbi|rupees?|ringgit|rand|francs|roubles"
    r"|rubles|pesos|won|naira|shillings|dinars?|dirhams?|riyals?|lira|baht|rupiah|crowns"
    r"|kroner|kronor|zloty|reais|real|usd|eur|gbp|jpy|cny"
    r"|(?:U\.S\.\s|US\s|Canadian\s|Australian\s|Hong\sKong\s|H\.K\.\s|Singapore\s|N\.Z\.\s)?"
    r"(?:dlrs?|cts|cents)"
    r"|stg|marks|guilders|lire|swiss francs|yen|euroyen|euromarks|eurodollars"
    r"|european\s+currency\s+units|ecus?"
    r"|cruzados|cruzeiros|australs|escudos|pesetas|drachmas|schillings|forints|krona|markka"
    # the singular as an adjective ("a 10 billion peseta loan")
    r"|peseta|escudo|drachma|schilling|guilder|franc|rupee|shilling|intis?)\b",
    re.IGNORECASE,
)


#: A money word shortly before an amount, and a currency given earlier in the paragraph.
_MONEY_HEAD = lazy_re(
    r"\b(?:profits?|income|revenues?|sales|earnings|loss(?:es)?|turnover|deficits?|surplus(?:es)?"
    r"|imports|exports|debts?|reserves|budget|spending|costs?|assets|capital|dividends?"
    r"|investments?)\b(?:[^.;]|\.\d){0,80}$",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = lazy_re(
    r"\d\s*(?:mln|billion|million|bln)?\s*(?:dlrs?|stg|yen|marks|francs"
    r"|guilders|lire|dollars|pounds|euros)\b|[$£€¥]\s?\d",
    re.IGNORECASE,
)


def elided_currency(text: str, start: int) -> bool:
    """Whether an amount at ``start`` with no currency of its own takes one given before it:
    a money word before it in its clause, and an amount with a currency earlier in the text."""
    return bool(
        _MONEY_HEAD().search(text, max(0, start - 100), start)
        and _CURRENCY_BEFORE().search(text, max(0, start - 300), start)
    )


#: The last answer of :func:`currency_after`, as (text, end, answer): a money figure's kind and
#: then its extent ask for the same one (one tuple, replaced whole: safe to share between threads).
_last_currency: tuple[str, int, int | None] = ("", -1, None)


def currency_after(text: str, end: int) -> int | None:
    """The end of a currency word right after a number ("5 mln dlrs", "300 euros"), if any."""
    global _last_currency
    last = _last_currency
    if last[1] == end and last[0] is text:
        return last[2]
    match = _CURRENCY_AFTER.match(text, end)
    found = match.end() if match else None
    _last_currency = (text, end, found)
    return found
