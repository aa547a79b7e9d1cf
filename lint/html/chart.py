"""Two small inline SVG charts for the index (no library, no network): findings by rule, and
articles by number of findings."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

BUCKETS = ((0, 0), (1, 1), (2, 2), (3, 3), (4, 5), (6, 9), (10, 19), (20, None))
COLOURS = ("var(--error)", "var(--warning)", "var(--info)")


def _label(low: int, high: int | None) -> str:
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}–{high}"


def rule_bars(rows: Sequence[tuple[str, Sequence[int]]], width: int = 460) -> str:
    """Horizontal bars, one per rule: (rule, counts by severity), largest first (top 12)."""
    rows = sorted(rows, key=lambda r: (-sum(r[1]), r[0]))[:12]
    top = max((sum(c) for _, c in rows), default=1) or 1
    bar, gap, left = 16, 6, 190
    height = len(rows) * (bar + gap) + 4
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}"'
        f' height="{height}"><title>Findings by rule</title>'
    ]
    for number, (rule, counts) in enumerate(rows):
        y = number * (bar + gap) + 2
        parts.append(
            f'<text x="{left - 6}" y="{y + 12}" text-anchor="end" class="axis">'
            f"{escape(rule)}</text>"
        )
        x = float(left)
        for count, colour in zip(counts, COLOURS, strict=True):
            size = (width - left - 50) * count / top
            if size > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{size:.1f}" height="{bar}"'
                    f' style="fill:{colour}"/>'
                )
            x += size
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 12}" class="value">{sum(counts)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def histogram(totals: Sequence[int], width: int = 360, height: int = 150) -> str:
    """Columns: how many articles have 0, 1, 2, ... findings."""
    counts = [
        sum(1 for t in totals if t >= low and (high is None or t <= high)) for low, high in BUCKETS
    ]
    top = max(counts, default=1) or 1
    column = (width - 20) / len(BUCKETS)
    base = height - 22
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}"'
        f' height="{height}"><title>Articles by number of findings</title>'
    ]
    for number, ((low, high), count) in enumerate(zip(BUCKETS, counts, strict=True)):
        x = 10 + number * column
        size = (base - 14) * count / top
        parts.append(
            f'<rect x="{x + 3:.1f}" y="{base - size:.1f}" width="{column - 6:.1f}"'
            f' height="{size:.1f}" class="bar"/>'
            f'<text x="{x + column / 2:.1f}" y="{base - size - 3:.1f}" text-anchor="middle"'
            f' class="value">{count}</text>'
            f'<text x="{x + column / 2:.1f}" y="{height - 6}" text-anchor="middle"'
            f' class="axis">{_label(low, high)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
