"""Cut a text into flat segments from possibly overlapping marked spans.

Overlapping or nested highlights cannot all be single HTML elements, so the text is cut at every
span boundary: each segment lies wholly inside or wholly outside each span, and carries the indexes
of the spans covering it. Concatenating the segments gives the text back; the segments carrying an
index, in order, give exactly that span's text. Empty spans become empty segments at their offset.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """``text[start:end]`` and the (ascending) indexes of the spans that cover it."""

    start: int
    end: int
    marks: tuple[int, ...] = ()


def _clip(value: int, length: int) -> int:
    return max(0, min(value, length))


def segments(length: int, spans: Sequence[tuple[int, int]]) -> list[Segment]:
    """Segments of a text of ``length`` characters marked by ``spans`` (half-open, clipped)."""
    clipped = [(_clip(s, length), max(_clip(s, length), _clip(e, length))) for s, e in spans]
    bounds = sorted({0, length, *(b for span in clipped for b in span)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    empty: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(clipped):
        if start == end:
            empty.setdefault(start, []).append(index)
        else:
            starts.setdefault(start, []).append(index)
            ends.setdefault(end, []).append(index)
    active: set[int] = set()
    result: list[Segment] = []
    for here, following in zip(bounds, [*bounds[1:], None], strict=True):
        active.difference_update(ends.get(here, ()))
        if here in empty:
            result.append(Segment(here, here, tuple(empty[here])))
        active.update(starts.get(here, ()))
        if following is not None:
            result.append(Segment(here, following, tuple(sorted(active))))
    return result
