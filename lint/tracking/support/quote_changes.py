"""What a rewrite changed in a quotation, word by word, for the finding's message.

The closest passage of the original alone leaves an editor to spot the difference; when the
quote differs from it in a few places, each place is named: "'big' -> 'huge'" for a word
replaced, "+'finally'" for one the original lacks. Words the quote leaves out are not changes
(an excerpt may skip words). A rewording with more than :data:`MOST` such places, or a place of
more than :data:`WIDEST` words, is a paraphrase, which the passage itself shows better.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

MOST = 3
WIDEST = 4


def changes(
    quoted: Sequence[str],
    passage: Sequence[str],
    shown: Sequence[str],
    shown_passage: Sequence[str],
) -> tuple[str, ...]:
    """The places where ``quoted`` differs from ``passage`` (both folded words), named with the
    same words as written (``shown``, ``shown_passage``), or ``()`` when there are none or too
    many to list."""
    found: list[str] = []
    matcher = difflib.SequenceMatcher(None, list(passage), list(quoted), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("equal", "delete"):
            continue
        if i2 - i1 > WIDEST or j2 - j1 > WIDEST:
            return ()
        new = " ".join(shown[j1:j2])
        old = " ".join(shown_passage[i1:i2])
        found.append(f"'{old}' -> '{new}'" if op == "replace" else f"+'{new}'")
    return tuple(found) if len(found) <= MOST else ()
