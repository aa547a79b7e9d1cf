"""The keys of a text's figures (what the pair features compare) without classifying every
figure: :func:`figure_keys` gives what the keys of :func:`lint.text.numbers.figures` would be."""

from __future__ import annotations

import re
from collections.abc import Container

from lint.core.document import Span
from lint.text import figure_context as ctx
from lint.text.figure import Figure
from lint.text.figure_context import FigureKind
from lint.text.figure_currency import currency_after
from lint.text.figure_glued import numeral_parts
from lint.text.figure_links import _CONVERSION_BEFORE as CONVERSION_BEFORE
from lint.text.figure_links import _JOINED as JOINED
from lint.text.figure_links import _RATIO as RATIO
from lint.text.figure_links import linked
from lint.text.numbers import (
    build_figure,
    extent_stop,
    has_candidate,
    listed_digits,
    numeral_kind,
    spelled_kind,
)
from lint.text.numeral_scan import free_numerals
from lint.text.spelled_scan import spelled_matches, spelled_parts
from lint.text.tokens import counted_end


def figure_keys(
    text: str, among: Container[tuple[float, bool]] | None = None
) -> frozenset[tuple[float, bool]]:
    """The :attr:`Figure.key` of every figure of :func:`figures` that is not a name with a number
    (what the pair features compare), without classifying every figure.

    A figure's kind matters to the keys only through three things: whether it is a name (left
    out), where its extent ends (a money or market figure's extent takes the currency word
    after it, another's the thing counted; a figure starting inside the figure before's extent
    is dropped) and the links to the figure before (:func:`linked`). So a figure is classified
    in full, by the same code as :func:`figures`, only where one of them could depend on it:
    when the words before it could make it a name (``before_kind`` says "name", or a
    percentage's group word), when the next figure starts between the two places its extent
    could end, or when the text between it and the next figure could link them. Elsewhere its
    kind is never computed; the keys are the same (checked against :func:`figures` on every
    text of the data set and in the tests).

    With ``among``, the keys in it only (``figure_keys(text) & among``): a figure whose key is
    not asked for is not asked whether it is a name (its kind, if never computed, leaves its
    extent's end to :meth:`_Pending.exact_end`, as for any figure not classified)."""
    found: list[_Pending] = []
    for m in free_numerals(text):
        start, end, value, unit, kind = numeral_parts(text, m)
        found.append(_Pending(text, m, start, end, m.start(), value, unit, kind, False))
    # a numeral holds a digit, so has_candidate() holds (asked only where none was found)
    if not found and not has_candidate(text):
        return frozenset()
    for m in spelled_matches(text):
        parts = spelled_parts(text, m)
        if parts is not None:
            start, end, value = parts
            unit = "%" if m["pct"] else ""
            found.append(_Pending(text, m, start, end, start, value, unit, None, True))
    if among is not None and not any((round(f.value, 6), f.unit == "%") in among for f in found):
        return frozenset()
    found.sort(key=_Pending.order)  # starts differ: numerals start at a digit, words at a letter
    keys: set[tuple[float, bool]] = set()
    previous: _Pending | None = None
    for figure in found:
        if previous is not None:
            low, high = previous.ends()
            start = figure.extent_start
            if start < high and (start < low or start < previous.exact_end()):
                continue  # inside the extent of the figure before
        key = (round(figure.value, 6), figure.unit == "%")
        if previous is not None and previous.may_link(figure):
            figure.final = linked(text, figure.figure(), previous.final_figure())
            name = figure.final.kind is FigureKind.NAME
        elif among is not None and key not in among:
            name = True  # not asked for: left out without asking
        else:  # linked() would return the figure as it is
            name = figure.is_name()
        if not name and (among is None or key in among):
            keys.add(key)
        previous = figure
    return frozenset(keys)


class _Pending:
    """A figure of :func:`figure_keys` whose kind is computed only when asked for."""

    __slots__ = (
        "_ends",
        "_figure",
        "end",
        "extent_start",
        "final",
        "kind",
        "m",
        "spelled",
        "start",
        "text",
        "unit",
        "value",
    )

    def __init__(
        self,
        text: str,
        m: re.Match[str],
        start: int,
        end: int,
        extent_start: int,
        value: float,
        unit: str,
        kind: FigureKind | None,
        spelled: bool,
    ) -> None:
        self.text, self.m, self.start, self.end = text, m, start, end
        self.extent_start, self.value, self.unit = extent_start, value, unit
        self.kind, self.spelled = kind, spelled
        self._figure: Figure | None = None
        self._ends: tuple[int, int] | None = None
        self.final: Figure | None = None  # the figure after linked(), where it was linked

    def order(self) -> int:
        return self.start

    def full_kind(self) -> FigureKind:
        """The kind :func:`figures` gives it before links."""
        if self.kind is None:
            text, m = self.text, self.m
            if self.spelled:
                self.kind = spelled_kind(text, m, self.start, self.end, self.value)
            else:
                self.kind = numeral_kind(text, m, self.end, self.value, self.unit)
        return self.kind

    def figure(self) -> Figure:
        """The figure as :func:`figures` builds it, before links."""
        if self._figure is None:
            span = Span(self.start, self.end)
            kind = self.full_kind()
            self._figure = build_figure(
                self.text, span, self.extent_start, self.value, kind, self.unit, self.spelled
            )
        return self._figure

    def final_figure(self) -> Figure:
        """The figure after links (kept as it is when nothing could link it)."""
        return self.final if self.final is not None else self.figure()

    def ends(self) -> tuple[int, int]:
        """The lowest and highest end its extent can have: the same when the kind is known or
        does not matter."""
        if self._ends is None:
            text, end = self.text, self.end
            if self.kind is not None:
                stop = extent_stop(text, end, self.kind, self.unit)
                self._ends = (stop, stop)
            else:
                money = currency_after(text, end) or end  # a money or market figure
                other = end if self.unit else counted_end(text, end)
                self._ends = (min(money, other), max(money, other))
        return self._ends

    def exact_end(self) -> int:
        """Its extent's end (classifies it when the two possible ends differ)."""
        low, high = self.ends()
        if low == high:
            return low
        return self.figure().extent.end

    def is_name(self) -> bool:
        """Whether :func:`figures` gives it the kind "name with a number" before links; the
        kind is computed only when the words before it could make it one."""
        if self.kind is None and not self._could_be_name():
            return False
        return self.full_kind() is FigureKind.NAME

    def _could_be_name(self) -> bool:
        """Whether :func:`lint.text.numbers._context_kind`, the only step of
        :func:`numeral_kind` and :func:`spelled_kind` that can say "name", could say it here."""
        text, m = self.text, self.m
        head = text[max(0, self.extent_start - 40) : self.extent_start]
        pct = bool(m["pct"])
        plain = not self.spelled and not (m["cur"] or m["mult"] or pct) and not self.unit
        if (plain or self.spelled) and (
            # before_kind says "name" only where names_before does: looked for first, being
            # cheaper than before_kind's other searches
            ctx.names_before(
                head,
                self.spelled,
                digits := listed_digits(text, self.end, m["num"]) if plain else "",
            )
        ):
            return ctx.before_kind(head, self.spelled, digits) is FigureKind.NAME or (
                pct and ctx.GROUP_BEFORE().search(head) is not None
            )
        return pct and ctx.GROUP_BEFORE().search(head) is not None

    def may_link(self, after: _Pending) -> bool:
        """Whether :func:`linked` could change ``after`` with this figure before it (a ratio, a
        figure joined to it, a conversion in brackets), whatever the two kinds are."""
        text, start = self.text, after.extent_start
        ends = set(self.ends()) if self._figure is None else {self._figure.extent.end}
        for end in ends | {self.end}:
            if RATIO.fullmatch(text, end, start) or JOINED.fullmatch(text, end, start):
                return True
            between = text[end:start]  # linked() measures from the extent's end
            if len(between) <= 20 and CONVERSION_BEFORE.search(between) is not None:
                return True
        return False
