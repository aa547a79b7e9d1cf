"""The pair view: a rewrite beside its original, with the passages they share.

Kept apart (one function, :func:`pair_view`) so how a rewrite's tracking is explained can change
without touching the rest of the report. The page script renders the data it returns.
"""

from __future__ import annotations

from typing import Any

from lint.html.model import TrackingInfo
from lint.html.shared import SharedPassage, shared_passages, words

NONE = "—"


def coverage(passages: list[SharedPassage], rewrite: str) -> str:
    total = len(words(rewrite))
    shared = sum(p.words for p in passages)
    share = f"{100 * shared / total:.0f}%" if total else NONE
    noun = "passage" if len(passages) == 1 else "passages"
    return (
        f"{len(passages)} shared {noun} of 5 or more words cover {shared} of the rewrite's "
        f"{total} words ({share})."
    )


def pair_view(tracking: TrackingInfo, rewrite: str) -> dict[str, Any]:
    """The original's text, the shared passages as [rewrite start, end, original start, end]
    and a one-line summary."""
    passages = shared_passages(tracking.original_text, rewrite)
    return {
        "original": tracking.original_text,
        "shared": [
            [p.rewrite.start, p.rewrite.end, p.original.start, p.original.end] for p in passages
        ],
        "summary": coverage(passages, rewrite),
        "reasons": list(tracking.reasons),  # the score's drivers in an editor's words
        "baseline": tracking.baseline,
    }
