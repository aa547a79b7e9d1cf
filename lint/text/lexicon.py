"""Lexicon matching shared by the ``phrases``, ``density`` and ``new-phrases`` kinds: compile the
entries (read by :mod:`lint.text.lexicon_entries`; phrase syntax: :mod:`lint.kinds.phrases`) into
one pattern, longest phrases first, and find its matches, trying the pattern only where an
Aho-Corasick prefilter over the literal start of each phrase says one can start (the matches
are ``finditer``'s)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from lint.core.document import Span
from lint.text.lexicon_entries import MARKS, WORD_CHAR, Entry, is_mark
from lint.text.phrase_starts import APOSTROPHES as _APOSTROPHES
from lint.text.phrase_starts import HYPHENS as _HYPHENS
from lint.text.phrase_starts import edged_automaton, literal_start, phrase_starts
from lint.text.quotes import inside, quote_spans

#: Combining marks that may follow a letter of a phrase in the text ("مروع" matches "مروعٌ").
_OPTIONAL_MARKS = f"[{MARKS}]*"


def _before(word: str, skip: str) -> str:
    """The lookbehind of one ``unless_before`` item (``skip`` as in :func:`_entry_pattern`)."""
    if is_mark(word):  # ", notably": the mark right before, or one white-space character away
        return f"(?<!{re.escape(word)}{skip})(?<!{re.escape(word)}\\s{skip})"
    if word.endswith("-"):
        return f"(?<!{_literal(word[:-1])}-{skip})"
    return f"(?<!(?<!{WORD_CHAR}){_literal(word)}\\s{skip})"


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
    spaced = [w for w in entry.unless_after if not w.startswith("-")]
    joined = [w[1:] for w in entry.unless_after if w.startswith("-")]  # "greatest-ever"
    if spaced:
        words = "|".join(_phrase_pattern(w) for w in spaced)
        ahead = f"(?!{WORD_CHAR})(?!\\s+(?:{words})(?!{WORD_CHAR}))"
    if joined:
        words = "|".join(_phrase_pattern(w) for w in joined)
        ahead += f"(?![{_HYPHENS}](?:{words})(?!{WORD_CHAR}))"
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
