"""Other names of the same thing, for :mod:`lint.tracking.support.names`.

A rewrite that writes "the UK" for its original's "Britain", "the US" for "American officials"
or "WWI" for "the First World War" names nothing the original did not: the words differ, the
thing named is the same. Each group below is one thing; when the original names it in any of
the group's forms, every form is supported in the rewrite.

The groups are few and closed on purpose: countries and wars whose other names are common
knowledge, not nicknames ("Spurs" for "Tottenham Hotspur") that an editor may want checked.
A group is found in the original by its forms as whole words; the short capital forms ("US",
"UK") only in capitals, so that the pronoun "us" does not name the United States.
"""

from __future__ import annotations

import re

#: One thing per group, in the forms a news text names it.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("UK", "U.K.", "United Kingdom", "Britain", "Great Britain", "British", "Briton", "Britons"),
    (
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "United States",
        "United States of America",
        "America",
        "American",
        "Americans",
        "Stateside",
    ),
    (
        "WWI",
        "WW1",
        "First World War",
        "World War I",
        "World War One",
        "World War 1",
        "Great War",
    ),
    ("WWII", "WW2", "Second World War", "World War II", "World War Two", "World War 2"),
    ("Netherlands", "Holland", "Dutch"),
)


def _form(form: str) -> str:
    escaped = re.escape(form).replace(r"\ ", r"\s+")
    if form.isupper() or "." in form:
        return escaped  # a capital form stays case-sensitive: "US", not "us"
    return f"(?i:{escaped})"


def _pattern(group: tuple[str, ...]) -> re.Pattern[str]:
    # longest first, so "U.S.A." is not read as "U.S." followed by "A."
    forms = sorted(group, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(_form(f) for f in forms) + r")(?![\w])")


_PATTERNS = tuple(_pattern(group) for group in GROUPS)


def words(original: str) -> frozenset[str]:
    """The words of every form of each group the original names, as the name check folds them
    (lower case, dots dropped): "Britain" in the original gives "uk", "britain", "kingdom"..."""
    found: set[str] = set()
    for group, pattern in zip(GROUPS, _PATTERNS, strict=True):
        if pattern.search(original):
            found.update(w.casefold().replace(".", "") for form in group for w in form.split())
    return frozenset(found)
