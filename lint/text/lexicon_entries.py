"""A lexicon's entries: the phrase syntax's words and marks (:mod:`lint.kinds.phrases` documents
it), one :class:`Entry` per phrase with its category, suggestion and context words, read and
checked from a rule's ``lexicon`` mapping. :mod:`lint.text.lexicon` compiles and matches them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from lint.core.document import Span

#: Combining marks and joiners that belong to the word they sit on (Latin accents, Hebrew and
#: Arabic vowel marks, Devanagari signs, zero-width (non-)joiners). ``\w`` alone leaves them out.
MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u200c\u200d"
)
WORD_CHAR = rf"[\w{MARKS}]"
_WORD_CHAR = re.compile(WORD_CHAR)


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: the phrase as written, its category and an optional suggestion."""

    phrase: str
    category: str
    suggest: str = ""
    #: Words that, right before the phrase, make it something else ("the stated goal",
    #: "above-mentioned": a word ending in "-" is joined to the phrase by its hyphen), or a
    #: punctuation mark right before it, at most one white-space character away ("," for the
    #: list's ", notably France").
    unless_before: tuple[str, ...] = ()
    #: Words that, right after the phrase, make it something else ("stated goal").
    unless_after: tuple[str, ...] = ()


class PhraseMatch(NamedTuple):
    """A match of a lexicon entry: where (relative to the text searched) and which entry."""

    span: Span
    entry: Entry


def _parse_entry(category: str, raw: Any) -> Entry:
    if isinstance(raw, str):
        phrase, suggest = raw, ""
    elif isinstance(raw, Mapping):
        unknown = set(raw) - {"phrase", "suggest", "unless_before", "unless_after"}
        if unknown or not isinstance(raw.get("phrase"), str):
            raise ValueError(
                f"lexicon category {category!r}: entry {dict(raw)!r} must be a string or a "
                "mapping with a string 'phrase' and optional 'suggest', 'unless_before' and "
                "'unless_after'"
            )
        phrase, suggest = raw["phrase"], raw.get("suggest", "")
        if not isinstance(suggest, str):
            raise ValueError(
                f"lexicon category {category!r}: entry {phrase!r} has a non-string 'suggest'"
            )
    else:
        raise ValueError(
            f"lexicon category {category!r}: entry {raw!r} must be a string or a mapping"
        )
    phrase = " ".join(phrase.split())
    _check_phrase(category, phrase)
    before = _words(category, phrase, raw, "unless_before")
    after = _words(category, phrase, raw, "unless_after")
    return Entry(phrase, category, suggest.strip(), before, after)


def _words(category: str, phrase: str, raw: Any, key: str) -> tuple[str, ...]:
    """The words of an entry's ``unless_before`` or ``unless_after`` list."""
    if not isinstance(raw, Mapping) or key not in raw:
        return ()
    items = raw[key]
    if not isinstance(items, list) or not items:
        raise ValueError(
            f"lexicon category {category!r}: entry {phrase!r}: {key!r} must be a non-empty list"
        )
    words = []
    for item in items:
        text = " ".join(item.split()) if isinstance(item, str) else ""
        if key == "unless_before" and is_mark(text):
            words.append(text)
            continue
        joined = key == "unless_after" and text[:1] == "-"  # joined by its hyphen: "-ever"
        if joined and len(text) > 1 and _WORD_CHAR.fullmatch(text[1]):
            words.append(text)
            continue
        if not text or not _WORD_CHAR.fullmatch(text[0]):
            raise ValueError(
                f"lexicon category {category!r}: entry {phrase!r}: {key!r} has an entry "
                f"{item!r} that is not a word"
            )
        words.append(text)
    return tuple(words)


def is_mark(text: str) -> bool:
    """Whether ``text`` is one punctuation mark (an ``unless_before`` item that is no word)."""
    return len(text) == 1 and not text.isspace() and not _WORD_CHAR.fullmatch(text)


def _check_phrase(category: str, phrase: str) -> None:
    problem = ""
    if not phrase:
        problem = "is empty"
    elif not _WORD_CHAR.fullmatch(phrase[0]) or phrase[0] == "_":
        problem = "must start with a letter or digit"
    elif not (_WORD_CHAR.fullmatch(phrase[-1]) or phrase[-1] == "*"):
        problem = "must end with a letter, digit or '*'"
    elif any("*" in word[:-1] or word == "*" for word in phrase.split()):
        problem = "may use '*' only at the end of a word"
    if problem:
        raise ValueError(f"lexicon category {category!r}: entry {phrase!r} {problem}")


def parse_lexicon(lexicon: Mapping[str, Any]) -> tuple[Entry, ...]:
    if not isinstance(lexicon, Mapping) or not lexicon:
        raise ValueError("lexicon must be a non-empty mapping of category -> list of entries")
    entries: list[Entry] = []
    seen: dict[str, str] = {}
    for category, raw_entries in lexicon.items():
        if not isinstance(category, str) or not isinstance(raw_entries, list | tuple):
            raise ValueError(f"lexicon category {category!r} must map to a list of entries")
        for raw in raw_entries:
            entry = _parse_entry(category, raw)
            key = entry.phrase.casefold().replace("\u2019", "'")
            if key in seen:
                raise ValueError(
                    f"lexicon category {category!r}: entry {entry.phrase!r} duplicates an "
                    f"entry of category {seen[key]!r}"
                )
            seen[key] = category
            entries.append(entry)
    if not entries:
        raise ValueError("lexicon has no entries")
    return tuple(entries)
