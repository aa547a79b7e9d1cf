"""The words a quotation attributes to its speaker, as a comparison with a source needs them.

Two marks in a quotation are the writer's, not the speaker's, by news convention:

- square brackets enclose the writer's insertion or clarification ("[the council] should have
  acted", "I can [win]"), so what they hold is left out;
- an ellipsis ("...", "…", ". . .") marks words left out, so the quotation is cut there into
  parts, each of which the source must have on its own.

And a share written "20%" in one text and "20 per cent" (or "20 percent") in the other is one
figure: :func:`drop_percent` leaves out the spelled-out "per cent" after a number, as
:func:`lint.text.normalize.words` already leaves out the "%" sign.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lint.text.normalize import written

_BRACKETED = re.compile(r"\[[^\[\]]*\]")
_ELLIPSIS = re.compile(r"\.(?:\s?\.){2,}|…")


def _number(word: str) -> bool:
    return word[:1].isdigit()


def drop_percent(words: Sequence[str]) -> list[int]:
    """Indices of ``words`` to keep: all but a "per cent" or "percent" right after a number."""
    folded = [w.casefold() for w in words]
    keep: list[int] = []
    i = 0
    while i < len(folded):
        after_number = i > 0 and _number(folded[i - 1])
        if after_number and folded[i] == "percent":
            i += 1
            continue
        if after_number and folded[i] == "per" and i + 1 < len(folded) and folded[i + 1] == "cent":
            i += 2
            continue
        keep.append(i)
        i += 1
    return keep


def quoted_parts(quote: str) -> list[list[str]]:
    """The speaker's words in ``quote`` as :func:`lint.text.normalize.written` gives them (fold
    them to compare), one list per part between ellipses; bracketed insertions and a number's
    "per cent" left out, empty parts dropped."""
    parts: list[list[str]] = []
    for piece in _ELLIPSIS.split(_BRACKETED.sub(" ", quote)):
        found = written(piece)
        kept = [found[i] for i in drop_percent(found)]
        if kept:
            parts.append(kept)
    return parts
