"""A figure: one number of a text as the recogniser (:mod:`lint.text.numbers`) found it."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lint.core.document import Span
from lint.text.figure_context import FigureKind

_NOWHERE = Span(0, 0)


@dataclass(frozen=True, order=True)
class Figure:
    """A number in the text (see the module docstring)."""

    span: Span
    text: str
    value: float
    kind: FigureKind
    unit: str = ""
    extent: Span = _NOWHERE
    phrase: str = ""
    counted: str = ""
    spelled: bool = False
    rough: bool = False  # a rough quantity ("thousands of workers", "two-thirds"): not a numeral

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def key(self) -> tuple[float, bool]:
        """What two figures must share to state the same number ("10%" and "10 per cent"); a
        rough quantity never states the same number as a numeral ("thousands" is not "1,000")."""
        value = round(self.value, 6)
        return (-value if self.rough else value, self.percent)

    def as_kind(self, kind: FigureKind) -> Figure:
        """This figure with another kind."""
        return replace(self, kind=kind)
