"""The pair view: a rewrite beside its original, each rewrite sentence linked to the passage of
the original it follows, with the passages they share word for word marked inside.

Kept apart (one function, :func:`pair_view`) so how a rewrite's tracking is explained can change
without touching the rest of the report. The page script renders the data it returns.
"""

from __future__ import annotations

from typing import Any

from lint.html.model import TrackingInfo
from lint.html.shared import SharedPassage, shared_passages, words
from lint.tracking.align import FOLLOWS, Alignment, align

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


def following(alignment: Alignment) -> str:
    """How many rewrite sentences follow the original, in words."""
    total = alignment.compared
    if not total:
        return "The rewrite has no sentences to compare."
    noun = "sentence" if total == 1 else "sentences"
    return (
        f"{alignment.following} of the rewrite's {total} {noun} follow a passage of the original "
        f"(at least {100 * FOLLOWS:.0f}% of their content words are there)."
    )


def pair_view(tracking: TrackingInfo, rewrite: str) -> dict[str, Any]:
    """The original's text; the sentences of both as [start, end]; the links, as [rewrite
    sentence, first and last original sentence, similarity]; the shared passages as [rewrite
    start, end, original start, end]; and a summary."""
    passages = shared_passages(tracking.original_text, rewrite)
    alignment = align(tracking.original_text, rewrite)
    return {
        "original": tracking.original_text,
        "sentences": {
            "rewrite": [[s.start, s.end] for s in alignment.rewrite],
            "original": [[s.start, s.end] for s in alignment.original],
        },
        "links": [
            [link.rewrite, link.first, link.last, round(link.similarity, 2)]
            for link in alignment.links
        ],
        "shared": [
            [p.rewrite.start, p.rewrite.end, p.original.start, p.original.end] for p in passages
        ],
        "summary": following(alignment) + " " + coverage(passages, rewrite),
        "reasons": list(tracking.reasons),  # the score's drivers in an editor's words
        "baseline": tracking.baseline,
    }
