"""Kind ``pattern``: a user-defined regular expression, one hit per match.

The message can use ``{match}``, ``{suggestion}`` and the pattern's named groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lint.core.document import Span
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope
from lint.text.quotes import inside, quote_spans

_RESERVED = frozenset({"match", "suggestion"})


@dataclass(frozen=True)
class Options:
    pattern: str
    ignore_case: bool = False
    skip_quotes: bool = False
    suggest: str = ""
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        flags = re.IGNORECASE if self.ignore_case else 0
        try:
            regex = re.compile(self.pattern, flags)
        except re.error as err:
            raise ValueError(f"invalid regex {self.pattern!r}: {err}") from None
        if regex.match(""):
            raise ValueError(f"regex {self.pattern!r} matches the empty string")
        clash = _RESERVED & set(regex.groupindex)
        if clash:
            raise ValueError(f"regex group names {sorted(clash)} are reserved")
        object.__setattr__(self, "regex", regex)


def check(text: str, options: Options) -> Iterator[Hit]:
    """Yield a hit per non-empty match, skipping matches inside quotations if asked."""
    quotes = quote_spans(text) if options.skip_quotes else []
    suggestion = f"; consider '{options.suggest}'" if options.suggest else ""
    for match in options.regex.finditer(text):
        span = Span(match.start(), match.end())
        if len(span) == 0 or (quotes and inside(quotes, span)):
            continue
        values = {**match.groupdict(default=""), "match": match.group(), "suggestion": suggestion}
        yield Hit(span, values=values)


KIND = Kind("pattern", Scope.BLOCK, Options, check)
