"""Kind ``phrases``: flag words and phrases from a lexicon, in the narrator's voice.

Options:

- ``lexicon``: category name -> list of entries. An entry is a phrase string or a mapping
  ``{phrase: str, suggest: str, unless_before: [str], unless_after: [str]}`` (all but
  ``phrase`` optional): ``suggest`` is a plainer wording to offer; a word of ``unless_before``
  right before the phrase, or of ``unless_after`` right after it, means the phrase is something
  else there ("the stated goal", "commented on"); a word ending in "-" is joined to the phrase
  by its hyphen ("above-mentioned"), and so is an ``unless_after`` word starting with "-"
  ("greatest-ever"); an ``unless_before`` item may also be one punctuation
  mark, right before the phrase or one space away (", notably France"). A rule
  file may name a lexicon file instead (``lexicon: inflation``); the engine replaces the name with
  that file's ``categories`` mapping before the options are built.
- ``ignore_case`` (default true): match regardless of case.
- ``skip_quotes`` (default true): ignore matches inside quotations (what a source said).
- ``skip_reported`` (default false): ignore matches in reported speech too, the paraphrase of a
  named source ("The company said it made a significant discovery"; :mod:`lint.text.reported`):
  the evaluation there is the source's, not the writer's; and a capitalised match a speech verb
  follows, which is a speaker's name ("Brilliant said").
- ``keep_reported`` (default none): lexicon categories whose matches count in reported speech
  all the same: melodrama ("lost their lives", "heart-wrenching") is the writer's choice of
  words for a fact the source gave ("According to the monitor, over 1,000 people have lost their
  lives"), where an evaluation ("an excellent crop") is the source's; but not in a clause after a
  speech verb ("He noted that the cuts would be devastating";
  :func:`lint.text.reported.speech_clauses`), which is the source's own evaluation.
- ``reported_tags`` (default true): with ``skip_reported``, a closing speech tag (", the
  minister stated") and a sentence naming its source with "according to" count as reported
  speech. False for reporting verbs, which are the tags' own words: only a verb inside what a
  source said is skipped then ("Lawson said he had merely stated the pound's value"), unless
  it follows a comma or "and" / "but", where the writer tags on a verb of their own ("...,
  but he emphasized"; :func:`lint.text.reported.opens_clause`).
- ``need_speaker`` (default none): phrases (as written in the lexicon) that count only after a
  subject that can speak (:mod:`lint.text.speaker`): "the minister underscored" dresses up
  "said", "falling bond prices underscored the anxiety" does not.
- ``need_clause`` (default none): phrases that count only before what was said or at the end of
  a tag ("he mentioned that", "mentioned the plan was dead", '..., he mentioned.'), not before
  an object ("mentioned the SEC", "mentioned car exports"), where the verb names a topic.
- Under ``skip_reported``, a match of two or more words capitalised mid-sentence is part of a
  name, not the writer's wording ("a loan guaranteed by High Voltage";
  :func:`lint.text.capitals.in_name`).

Phrase syntax:

- words are separated by spaces; a space matches any run of white space (line breaks included);
- a hyphen matches a hyphen, white space or nothing: ``heart-wrenching`` also matches
  ``heartwrenching`` and ``heart wrenching``;
- a word ending in ``*`` matches any ending of that word: ``teeter* on the edge`` matches
  ``teeters on the edge`` and ``teetering on the edge``; ``underscor* the severity`` matches
  ``underscoring the severity``;
- straight and curly apostrophes match each other;
- combining marks in the text (Arabic and Hebrew vowel marks, accents written as separate
  characters) are optional after any character: ``مروع`` matches ``مَرُوعٌ``;
- every other character matches itself (case-insensitively by default);
- a phrase starts with a letter or digit and ends with a letter, digit or ``*``; a match must
  start and end at word edges, which works for any script (Arabic diacritics count as part of
  the word they sit on).

All entries compile into one pattern, longest phrases first, so a longer phrase wins over a
shorter one at the same place (``a stark reminder`` over ``stark``).

Speed: the pattern starts with a lookbehind, so ``re`` tries it at every character. An
Aho-Corasick automaton (pyahocorasick, built once per lexicon) over the literal start of each
phrase finds the few places a match can start, and the pattern is tried only there; the matches
are the same as ``finditer``'s (the pattern decides, the automaton only skips places where no
phrase can start).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lint.core.document import Span
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope
from lint.text.capitals import in_name
from lint.text.lexicon import LexiconPattern, compile_entries, compile_lexicon, matches
from lint.text.lexicon_entries import MARKS, WORD_CHAR, Entry, PhraseMatch, parse_lexicon
from lint.text.reported import (
    is_reported,
    is_speaker,
    opens_clause,
    reported_spans,
    speech_clauses,
)
from lint.text.speaker import has_speaker, introduces_speech

__all__ = [
    "KIND",
    "MARKS",
    "WORD_CHAR",
    "Entry",
    "Options",
    "PhraseMatch",
    "check",
    "compile_entries",
    "find",
]


@dataclass(frozen=True)
class Options:
    lexicon: Mapping[str, Any] = field(hash=False)
    ignore_case: bool = True
    skip_quotes: bool = True
    skip_reported: bool = False
    need_speaker: Sequence[str] = field(default=(), hash=False)
    keep_reported: Sequence[str] = field(default=(), hash=False)
    reported_tags: bool = True
    need_clause: Sequence[str] = field(default=(), hash=False)
    entries: tuple[Entry, ...] = field(init=False, repr=False, compare=False)
    pattern: LexiconPattern = field(init=False, repr=False, compare=False)
    speaker_entries: frozenset[int] = field(init=False, repr=False, compare=False)
    clause_entries: frozenset[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries = parse_lexicon(self.lexicon)
        object.__setattr__(self, "entries", entries)
        object.__setattr__(self, "pattern", compile_lexicon(entries, self.ignore_case))
        object.__setattr__(
            self, "speaker_entries", _entries(entries, "need_speaker", self.need_speaker)
        )
        object.__setattr__(
            self, "clause_entries", _entries(entries, "need_clause", self.need_clause)
        )


def _entries(entries: tuple[Entry, ...], option: str, phrases: Sequence[str]) -> frozenset[int]:
    """The indexes of the entries an option names by their phrases, all of which must exist."""
    wanted = {phrase.lower() for phrase in phrases}
    unknown = wanted - {entry.phrase.lower() for entry in entries}
    if unknown:
        raise ValueError(f"{option} names phrases not in the lexicon: {sorted(unknown)}")
    return frozenset(i for i, e in enumerate(entries) if e.phrase.lower() in wanted)


def find(text: str, options: Options) -> Iterator[PhraseMatch]:
    """Matches of the lexicon in ``text``, skipping quotations when ``options.skip_quotes``."""
    pattern = options.pattern
    found = matches(text, pattern.pattern, pattern.flags, options.skip_quotes)
    # reported speech is looked for only in the few blocks with a match
    skip = options.skip_reported
    reported = reported_spans(text, options.reported_tags) if found and skip else []
    clauses: list[Span] | None = None  # a source's clauses after a speech verb, when needed
    for span, index in found:
        if reported and is_reported(reported, span):
            if options.entries[index].category not in options.keep_reported:
                # a verb tagged on after a comma or "and" is the writer's again, for reporting
                # verbs
                if options.reported_tags or not opens_clause(text, span):
                    continue
            else:
                if clauses is None:
                    clauses = speech_clauses(text)
                if is_reported(clauses, span):
                    continue
        if skip and (is_speaker(text, span) or in_name(text, span)):
            continue
        if index in options.speaker_entries and not has_speaker(text, span):
            continue
        if index in options.clause_entries and not introduces_speech(text, span):
            continue
        yield PhraseMatch(span, options.entries[index])


def check(text: str, options: Options) -> Iterator[Hit]:
    """One hit per lexicon match in ``text``."""
    for span, entry in find(text, options):
        suggestion = f"; consider '{entry.suggest}'" if entry.suggest else ""
        data: dict[str, str] = {"category": entry.category, "phrase": entry.phrase}
        if entry.suggest:
            data["suggest"] = entry.suggest
        values = {
            "match": text[span.start : span.end],
            "category": entry.category,
            "suggest": entry.suggest,
            "suggestion": suggestion,
        }
        yield Hit(span=span, values=values, data=data)


KIND = Kind("phrases", Scope.BLOCK, Options, check)
