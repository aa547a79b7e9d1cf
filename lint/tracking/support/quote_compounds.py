"""A compound that a rewrite's quotation writes as one word where its original hyphenates it,
or hyphenates where the original writes one word ("multifaceted" for "multi-faceted",
"heart-breaking" for "heartbreaking"): the same word in another house style, not an altered
quote.

Words compare split at hyphens (:func:`lint.text.normalize.words`), so "multi-faceted" is two
words and "multifaceted" one. Before a quote is compared, its words are brought to the
original's split: a word the original lacks that joins two words it hyphenates is cut in two,
and two words the quote hyphenates whose join is a word of the original (and which the original
never has side by side) are joined. Only across a hyphen in one of the texts: "the rapist" is not
"therapist".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence, Set

_HYPHENATED = re.compile(r"([^\W\d_]+)-(?=([^\W\d_]+))")


def hyphen_pairs(text: str) -> frozenset[tuple[str, str]]:
    """The (first, second) words, case-folded, on either side of each hyphen between letters."""
    plain = unicodedata.normalize("NFKC", text).casefold()
    return frozenset((m.group(1), m.group(2)) for m in _HYPHENATED.finditer(plain))


def joins(text: str) -> dict[str, tuple[str, str]]:
    """The compounds ``text`` hyphenates, by their letters joined: "multifaceted" -> ("multi",
    "faceted")."""
    return {a + b: (a, b) for a, b in sorted(hyphen_pairs(text))}


def align(
    quoted: Sequence[str],
    shown: Sequence[str],
    hyphenated: Set[tuple[str, str]],
    words: Set[str],
    joined: Mapping[str, tuple[str, str]],
    pairs: Mapping[tuple[str, str], object],
) -> tuple[list[str], list[str]]:
    """``quoted`` (folded) and ``shown`` (as written) split as the original splits them.

    ``hyphenated``: the pairs the quote hyphenates; ``words``, ``joined`` and ``pairs``: the
    original's words, its hyphenated compounds (see :func:`joins`) and its word pairs."""
    folded: list[str] = []
    written: list[str] = []
    i = 0
    while i < len(quoted):
        word = quoted[i]
        after = quoted[i + 1] if i + 1 < len(quoted) else None
        if (
            after is not None
            and (word, after) in hyphenated
            and word + after in words
            and (word, after) not in pairs
        ):
            folded.append(word + after)
            written.append(f"{shown[i]}-{shown[i + 1]}")
            i += 2
            continue
        if word not in words and word in joined:
            first, second = joined[word]
            folded += [first, second]
            cut = len(first) if shown[i].casefold() == word else None
            written += [shown[i][:cut], shown[i][cut:]] if cut else [first, second]
        else:
            folded.append(word)
            written.append(shown[i])
        i += 1
    return folded, written
