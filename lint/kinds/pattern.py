"""Kind ``pattern``: a user-defined regular expression, one hit per match.

The message can use ``{match}``, ``{suggestion}`` and the pattern's named groups.

A user's regex runs on Python's backtracking engine, so a pattern such as ``(a+)+$`` can take
exponential time. Each check therefore runs under a time budget (:data:`TIME_BUDGET` seconds per
block, enforced with a real-time interval timer, which interrupts ``re`` between steps; only in the
main thread of a process, where newslint runs rules): a runaway match raises
:class:`RegexTimeout`, which the engine turns into an ``internal-error`` finding naming the rule,
and the run goes on.
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lint.core.document import Span
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope
from lint.text.gated import Gated
from lint.text.quotes import inside, quote_spans

_RESERVED = frozenset({"match", "suggestion"})

#: Seconds a pattern may take on one block (a paragraph, a headline): real text takes well under a
#: millisecond; only catastrophic backtracking comes near.
TIME_BUDGET = 2.0


class RegexTimeout(RuntimeError):
    """A pattern ran past :data:`TIME_BUDGET` on one block."""


@contextlib.contextmanager
def _budget(pattern: str, seconds: float) -> Iterator[None]:
    """Raise :class:`RegexTimeout` in the block if it runs past ``seconds`` (main thread only,
    where a signal can be delivered; elsewhere, no budget)."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0  # someone else's timer: leave it alone
    ):
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        shown = pattern if len(pattern) <= 60 else pattern[:59] + "…"
        raise RegexTimeout(
            f"the regex {shown!r} took over {seconds:g} s on one block"
            " (catastrophic backtracking?); simplify the pattern"
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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


#: id(regex) -> (regex, its gate): found by identity, as ``lint.text.gated.found_in`` does. An
#: ``lru_cache`` keyed by the compiled pattern hashed its code (some KB) on every block, since a
#: compiled pattern does not keep its hash; the regex is held, so its id is not reused while
#: its entry stands.
_GATES: dict[int, tuple[re.Pattern[str], Gated]] = {}
_MAX_GATES = 64


def _gate(regex: re.Pattern[str]) -> Gated:
    """The one :class:`Gated` of ``regex`` (its automaton is built once, after its first
    searches); a rule's options keep one regex object, so each rule keeps its gate."""
    entry = _GATES.get(id(regex))
    if entry is not None and entry[0] is regex:
        return entry[1]
    if len(_GATES) >= _MAX_GATES:
        _GATES.clear()
    gate = Gated(regex)
    _GATES[id(regex)] = (regex, gate)
    return gate


def check(text: str, options: Options) -> Iterator[Hit]:
    """Yield a hit per non-empty match, skipping matches inside quotations if asked."""
    gate = _gate(options.regex)
    starts = gate.starts(text)  # where the words a match starts with occur (lint.text.gated)
    if starts == []:
        return  # none occurs: no match
    quotes = quote_spans(text) if options.skip_quotes else []
    suggestion = f"; consider '{options.suggest}'" if options.suggest else ""
    with _budget(options.pattern, TIME_BUDGET):  # all matching inside, none while suspended
        # tried only where such a word starts (None: everywhere, ``finditer`` as it is)
        matches = list(gate.finditer(text, starts))
    for match in matches:
        span = Span(match.start(), match.end())
        if len(span) == 0 or (quotes and inside(quotes, span)):
            continue
        values = {**match.groupdict(default=""), "match": match.group(), "suggestion": suggestion}
        yield Hit(span, values=values)


KIND = Kind("pattern", Scope.BLOCK, Options, check)
