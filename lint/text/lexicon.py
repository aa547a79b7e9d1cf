"""Lexicon matching shared by the ``phrases``, ``density`` and ``new-phrases`` kinds: parse the
entries (phrase syntax: :mod:`lint.kinds.phrases`), compile them into one pattern, longest phrases
first, and find its matches, trying the pattern only where an Aho-Corasick prefilter over the
literal start of each phrase says one can start (the matches are ``finditer``'s)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from lint.core.document import Span
from lint.text.phrase_starts import APOSTROPHES as _APOSTROPHES
from lint.text.phrase_starts import HYPHENS as _HYPHENS
from lint.text.phrase_starts import edged_automaton, literal_start, phrase_starts
from lint.text.quotes import inside, quote_spans

#: Combining marks and joiners that belong to the word they sit on (Latin accents, Hebrew and
#: Arabic vowel marks, Devanagari signs, zero-width (non-)joiners). ``\w`` alone leaves them out.
MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u200c\u200d"
)
WORD_CHAR = rf"[\w{MARKS}]"
_WORD_CHAR = re.compile(WORD_CHAR)
_OPTIONAL_MARKS = f"[{MARKS}]*"


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
        if key == "unless_before" and _is_mark(text):
            words.append(text)
            continue
        if not text or not _WORD_CHAR.fullmatch(text[0]):
            raise ValueError(
                f"lexicon category {category!r}: entry {phrase!r}: {key!r} has an entry "
                f"{item!r} that is not a word"
            )
        words.append(text)
    return tuple(words)


def _is_mark(text: str) -> bool:
    """Whether ``text`` is one punctuation mark (an ``unless_before`` item that is no word)."""
    return len(text) == 1 and not text.isspace() and not _WORD_CHAR.fullmatch(text)


def _before(word: str, skip: str) -> str:
    """The lookbehind of one ``unless_before`` item (``skip`` as in :func:`_entry_pattern`)."""
    if _is_mark(word):  # ", notably": the mark right before, or one white-space character away
        return f"(?<!{re.escape(word)}{skip})(?<!{re.escape(word)}\\s{skip})"
    if word.endswith("-"):
        return f"(?<!{_literal(word[:-1])}-{skip})"
    return f"(?<!(?<!{WORD_CHAR}){_literal(word)}\\s{skip})"


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


def _phrase_pattern(phrase: str) -> str:
    """The regular expression for one phrase (see the module docstring for the syntax)."""
    words = []
    for word in phrase.split(" "):
        stem, star = (word[:-1], True) if word.endswith("*") else (word, False)
        parts = []
        for ch in stem:
            if ch in _HYPHENS:
                parts.append(rf"(?:[{_HYPHENS}]|\s+)?")
            elif ch in _APOSTROPHES:
                parts.append(f"[{_APOSTROPHES}]")
            elif ch.isascii():
                parts.append(re.escape(ch))
            else:  # vowel marks in the text are optional: "مروع" matches "مروعٌ"
                parts.append(re.escape(ch) + _OPTIONAL_MARKS)
        words.append("".join(parts) + (f"{WORD_CHAR}*" if star else ""))
    return r"\s+".join(words)


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


@dataclass
class Prefilter:
    """Where each phrase can start: an Aho-Corasick automaton over the literal start of the phrases
    that start with an ASCII character (``keys``), and a pattern for the first characters of the
    others, whose places are tried with the whole pattern."""

    entries: tuple[Entry, ...]
    ignore_case: bool
    automaton: Any  # ahocorasick.Automaton, or None when no phrase starts with ASCII
    members: dict[int, list[int]]  # key id -> indices of the entries with that key
    others: re.Pattern[str] | None
    #: the same keys with their word edges, for ASCII texts (see
    #: :func:`lint.text.phrase_starts.edged_automaton`); None when a
    #: key holds a character that is not a letter, digit or underscore
    edged: Any = None
    #: (keys, for an ASCII text) -> the cut-down pattern (see :meth:`pattern`)
    patterns: dict[tuple[tuple[int, ...], bool], re.Pattern[str]] = field(default_factory=dict)

    def pattern(self, keys: tuple[int, ...], ascii_text: bool = False) -> re.Pattern[str]:
        r"""The lexicon's pattern cut down to the entries of ``keys``, in the same order (longest
        first), so it matches what the whole pattern matches where those keys start. With
        ``ascii_text``, for ASCII texts only: the same pattern with ``WORD_CHAR`` written
        ``\w`` and no optional marks (see :func:`ascii_only`)."""
        found = self.patterns.get((keys, ascii_text))
        if found is None:
            indices = sorted(
                (i for key in keys for i in self.members[key]),
                key=lambda i: (-len(self.entries[i].phrase), i),
            )
            body = "|".join(f"(?P<e{i}>{_entry_pattern(self.entries[i])})" for i in indices)
            flags = (re.IGNORECASE if self.ignore_case else 0) | re.UNICODE
            source = rf"(?<!{WORD_CHAR})(?:{body})(?!{WORD_CHAR})"
            found = re.compile(ascii_only(source) if ascii_text else source, flags)
            self.patterns[(keys, ascii_text)] = found
        return found


def ascii_only(source: str) -> str:
    r"""A lexicon pattern's source as it matches on ASCII texts, which is cheaper to compile: on
    an ASCII character ``WORD_CHAR`` is ``\w`` (its marks are not ASCII, and no ASCII character
    matches one of them ignoring case; a test checks every character), and ``[MARKS]*`` matches
    nothing but the empty string. Each of those classes cost ``re`` some 0.2 ms to compile (a
    bitmap of the marks), about 1 ms a cut-down pattern; a run compiles one per set of keys it
    meets, in every worker."""
    return source.replace(WORD_CHAR, r"\w").replace(_OPTIONAL_MARKS, "")


@functools.lru_cache(maxsize=32)
def _prefilter(entries: tuple[Entry, ...], ignore_case: bool) -> Prefilter:
    """One prefilter per lexicon, built once (cached by the entries)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    ids: dict[tuple[str, bool], int] = {}
    members: dict[int, list[int]] = {}
    others: set[str] = set()
    for index, entry in enumerate(entries):
        start, whole = literal_start(entry.phrase)
        if not start:
            others.add(entry.phrase[0])
            continue
        key = (start.lower() if ignore_case else start, whole)
        if key not in ids:
            ids[key] = len(ids)
        members.setdefault(ids[key], []).append(index)
    for (start, whole), key_id in ids.items():
        previous = automaton.get(start, ())
        automaton.add_word(start, (*previous, (key_id, len(start), whole)))
    if ids:
        automaton.make_automaton()
    flags = re.IGNORECASE if ignore_case else 0
    other = (
        re.compile("[" + "".join(map(re.escape, sorted(others))) + "]", flags) if others else None
    )
    edged = edged_automaton(ids) if ids else None
    return Prefilter(entries, ignore_case, automaton if ids else None, members, other, edged)


def _literal(words: str) -> str:
    """Words as a fixed-width pattern (for a lookbehind): one white-space character between."""
    return r"\s".join(re.escape(word) for word in words.split(" "))


def _entry_pattern(entry: Entry, first: bool = True) -> str:
    """An entry's pattern with its exceptions as lookarounds; without its first character
    when ``first`` is false (a branch of :func:`compile_entries` matches that character, so
    each lookbehind then also sees it)."""
    skip = "" if first else "."
    behind = "".join(_before(w, skip) for w in entry.unless_before)
    ahead = ""
    if entry.unless_after:
        words = "|".join(_phrase_pattern(w) for w in entry.unless_after)
        ahead = f"(?!{WORD_CHAR})(?!\\s+(?:{words})(?!{WORD_CHAR}))"
    phrase = _phrase_pattern(entry.phrase)
    return behind + (phrase if first else phrase[1:]) + ahead


def entries_source(entries: tuple[Entry, ...], ignore_case: bool) -> tuple[str, int]:
    """The source and flags of one pattern for all entries; group ``e<i>`` matches
    ``entries[i]``. The flags are those the compiled pattern reports (``re.UNICODE`` added), so
    ``re``'s own cache finds it from them.

    Alternatives are grouped by their first character (so the engine tries only the phrases that
    can start at a word) and ordered longest first within a group.
    """
    groups: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        first = entry.phrase[0]
        groups.setdefault(first.lower() if ignore_case else first, []).append(i)
    branches = []
    for _, members in sorted(groups.items()):
        members.sort(key=lambda i: (-len(entries[i].phrase), i))
        # A phrase starts with a word character, which ``_phrase_pattern`` emits unescaped.
        rest = "|".join(f"(?P<e{i}>{_entry_pattern(entries[i], False)})" for i in members)
        branches.append(f"{re.escape(entries[members[0]].phrase[0])}(?:{rest})")
    pattern = rf"(?<!{WORD_CHAR})(?:{'|'.join(branches)})(?!{WORD_CHAR})"
    return pattern, int((re.IGNORECASE if ignore_case else 0) | re.UNICODE)


def compile_entries(entries: tuple[Entry, ...], ignore_case: bool) -> re.Pattern[str]:
    """One compiled pattern for all entries (see :func:`entries_source`)."""
    return re.compile(*entries_source(entries, ignore_case))


@dataclass(frozen=True)
class LexiconPattern:
    """A lexicon's whole pattern, by source and flags: compiled only when a text needs it (the
    prefilter's cut-down patterns match most texts), so loading a rule set does not compile five
    patterns of hundreds of alternatives that a hook's one article may never use.

    It carries its prefilter (not part of its value), and registers it again when unpickled (a
    cached rule set, see :mod:`lint.engine.rulecache`): without it ``matches`` would compile and
    run the whole pattern at every character (the same matches, much slower)."""

    pattern: str
    flags: int
    prefilter: Prefilter | None = field(default=None, compare=False, repr=False, init=False)

    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_registered, (self.pattern, self.flags, self.prefilter))


def _registered(pattern: str, flags: int, prefilter: Prefilter | None) -> LexiconPattern:
    """A lexicon pattern with its prefilter registered for ``matches`` (unpickling)."""
    found = LexiconPattern(pattern, flags)
    if prefilter is not None:
        object.__setattr__(found, "prefilter", prefilter)
        _PREFILTERS.setdefault((pattern, flags), prefilter)
    return found


def compile_lexicon(entries: tuple[Entry, ...], ignore_case: bool) -> LexiconPattern:
    """The lexicon's pattern (not compiled yet), with its prefilter registered for ``matches``."""
    pattern = LexiconPattern(*entries_source(entries, ignore_case))
    prefilter = _PREFILTERS[(pattern.pattern, pattern.flags)] = _prefilter(entries, ignore_case)
    object.__setattr__(pattern, "prefilter", prefilter)
    return pattern


#: (pattern source, flags) -> the prefilter of its lexicon (registered by ``compile_lexicon``)
_PREFILTERS: dict[tuple[str, int], Prefilter] = {}


@functools.lru_cache(maxsize=64)
def matches(text: str, source: str, flags: int, skip_quotes: bool) -> tuple[tuple[Span, int], ...]:
    """(span, entry index) of each match. Cached (bounded): stylistic-inflation and
    inflation-density scan the same blocks with the same lexicon one after the other. The key is
    the pattern's source (a string hashes once; a compiled pattern hashes its code every time)."""
    prefilter = _PREFILTERS.get((source, flags))
    starts = phrase_starts(text, prefilter) if prefilter is not None else None
    matches: list[re.Match[str]] = []
    if prefilter is None or starts is None:
        matches = list(re.compile(source, flags).finditer(text))
    else:  # the matches ``finditer`` finds: tried only where a phrase can start
        end = 0
        ascii_text = text.isascii()
        built = prefilter.patterns  # looked up here first: ``pattern`` is a call per place
        for start, keys in starts:
            if start >= end:
                if not keys:
                    pattern = re.compile(source, flags)
                else:
                    cached = built.get((keys, ascii_text))
                    pattern = cached if cached is not None else prefilter.pattern(keys, ascii_text)
                match = pattern.match(text, start)
                if match is not None:
                    matches.append(match)
                    end = match.end()
    if not matches:
        return ()
    quotes = quote_spans(text) if skip_quotes else []
    found = []
    for match in matches:
        span = Span(match.start(), match.end())
        if not (quotes and inside(quotes, span)):
            found.append((span, int(str(match.lastgroup)[1:])))
    return tuple(found)
