"""A name with a number given again by its number alone: "VW's new Audi 80 ... The 80 doubled
its sales", "Boeing's 747 ... the 747 carried". The block named the thing before ("Audi 80",
a capitalised word in mid-sentence right before the same digits), and "the" before the bare
number picks that name up: a model, not a count (FIGURES-POLICY.md: names containing numbers).
"""

from __future__ import annotations

import re

from lint.text import figure_context as ctx

#: "the" right before the number (the cheap test first: a plain number rarely follows it).
_THE_BEFORE = re.compile(r"(?:^|\s)[Tt]he\s+$")
#: How far back the name is looked for.
_REACH = 600


def names_again(text: str, start: int, head: str) -> bool:
    """Whether the plain number at ``start`` of ``text`` (``head``: the words before it) is a
    name the block gave before with a capitalised word ("Audi 80" ... "The 80")."""
    if not head.endswith(("the ", "The ")) or not _THE_BEFORE.search(head):
        return False
    match = re.match(r"\d+", text[start : start + 12])
    if match is None or match.end() < 2:
        return False  # one digit: too common to be read as the same name
    digits = match[0]
    first = max(0, start - _REACH)
    at = text.rfind(digits, first, start - 1)
    while at > first:
        after = text[at + len(digits) : at + len(digits) + 1]
        if not text[at - 1].isdigit() and not after.isalnum():
            earlier = text[max(0, at - 40) : at]
            if earlier[-1:] == " " and ctx.is_capitalised_name(earlier):
                return True
        at = text.rfind(digits, first, at)
    return False
