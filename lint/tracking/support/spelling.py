"""A name's word that the original spells differently: one letter added, dropped or changed, or
two next to each other swapped ("Norfolk" for the original's "Norfok", "Jonson" for "Johnson").

The rewrite may have mended the original's typo or miscopied its name; either way the editor is
told which spelling the original has, and the name is still reported.
"""

from __future__ import annotations

from collections.abc import Iterable

#: shorter words are too often one letter from another name ("Dele", "Dale")
MIN_LETTERS = 5


def one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter added, dropped or changed, or by two
    neighbouring letters swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) < len(b):
        return a[start:] == b[start + 1 :]
    if a[start + 1 :] == b[start + 1 :]:
        return True
    swapped = a[start + 1 : start + 2] + a[start : start + 1]
    return swapped == b[start : start + 2] and a[start + 2 :] == b[start + 2 :]


def respelled(word: str, theirs: Iterable[str]) -> str | None:
    """The first of ``theirs`` (the original's capitalised words) one edit from ``word``,
    comparing case-folded, if ``word`` has :data:`MIN_LETTERS` letters or more."""
    if len(word) < MIN_LETTERS:
        return None
    folded = word.casefold()
    return next((w for w in theirs if one_edit(folded, w.casefold())), None)
