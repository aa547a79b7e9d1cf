"""Names a rewrite gives that its original does not.

A name (a run of capitalised words, see :func:`lint.text.mentions.names`) is split at titles
("Syrian President Ahmad al-Sharaa" -> "Syrian", "Ahmad al-Sharaa"); each part is supported when
every word of it occurs in the original, in any case, where words compare:

- case-folded, accents and possessives dropped, hyphenated parts separately ("al-Assad");
- by stem for plurals and demonyms: "Alawites" / "Alawite", "Syrian" / "Syria",
  "Lebanese" / "Lebanon", "Ukrainian" / "Ukraine";
- connectors ("al", "bin", "de", "of") are ignored.

So "Assad" is supported by "Bashar al-Assad" and "Ministry of Defence" by "defence ministry". An
acronym is supported by the initials of a capitalised run in the original ("UN" by "United
Nations", "SOHR" by "Syrian Observatory for Human Rights"), and a run by an acronym of its
initials in the original. Two runs joined by "and" or "&" are one name to the original's
ampersand acronyms: "Accident and Emergency" is supported by "A&E", "Marks and Spencer" by "M&S"
(the name finder splits a run at "and", so each half alone has no acronym to match), and a
rewrite's "A&E" by the original's "Accident and Emergency" (or its "A&E").

Titles and ranks are split off (:mod:`lint.tracking.support.name_parts`), but those right before
a wholly new part that the original lacks too are reported with it ("Premier League" when the
original has neither word). A wholly new name one letter from a name the original gives carries the
original's spelling (:mod:`lint.tracking.support.spelling`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lint.core.document import Span
from lint.text.mentions import names
from lint.tracking.support import aliases, ampersands, clubs
from lint.tracking.support.demonyms import DEMONYM_STEMS, DEMONYMS, PERSON_ENDS
from lint.tracking.support.name_parts import CONNECTORS, fold, parts, trim
from lint.tracking.support.spelling import respelled

_STEM_SUFFIXES = frozenset(
    {
        "",
        "s",
        "es",
        "n",
        "an",
        "ans",
        "ian",
        "ians",
        "ns",
        "i",
        "is",
        "e",
        "ese",
        "on",
        "a",
        "o",
        "y",
    }
    | {"ish", "ite", "ites", "er", "ers"}
)
_MIN_STEM = 4
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "&"})
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_DOTTED = re.compile(r"[^\W\d_]\w*(?:\.\w+)+")  # "Change.org"; "U.S." folds to "us" as well
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")  # "south-east"
_POSSESSIVE = re.compile(r"['’]s$")
_LABEL_AFTER = re.compile(r" \d")
_HEADING_WORDS = 6
#: Words a title-case heading leaves in lower case
_TITLE_SMALL = frozenset("a an the of and or for to in on at by with from as vs".split())  # noqa: SIM905
_CAPITAL_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of|the|and|for|&)?\s*[A-Z][\w’'-]*)*")


def same_stem(a: str, b: str) -> bool:
    """Folded words equal, or a plural or demonym of each other ("syrian" / "syria")."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= _MIN_STEM and a[common:] in _STEM_SUFFIXES and b[common:] in _STEM_SUFFIXES


@dataclass(frozen=True)
class Vocabulary:
    """What the original says that a name can be checked against."""

    words: frozenset[str]  # folded words
    by_prefix: dict[str, tuple[str, ...]]  # first four letters -> words, for stem matches
    initials: frozenset[str]  # initials of its capitalised runs ("un", "sohr")
    acronyms: frozenset[str]  # its all-capital words, folded
    aliases: frozenset[str] = frozenset()  # words of other names of what it names ("uk")
    suffixed: frozenset[str] = frozenset()  # words it gives a club suffix ("manchester")
    sporting: bool = False  # whether it reads as a sports report (clubs.sporting)
    capitalised: tuple[str, ...] = ()  # its capitalised words as written, first use first

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        words = {fold(w) for w in _TOKEN.findall(text)}
        words |= {part for w in list(words) for part in w.split("-")}
        # "south-east" supports "Southeast", "co-operative" "Cooperative"
        words |= {fold(w.replace("-", "")) for w in _HYPHENATED.findall(text)}
        # "Englishman", "Frenchwomen": the demonym within ("English", "French")
        words |= {
            w[: -len(end)]
            for w in list(words)
            for end in PERSON_ENDS
            if w.endswith(end) and w[: -len(end)] in DEMONYM_STEMS
        }
        # A dotted name ("Change.org", "Amazon.com") is one word to the name finder, folded
        # without its dots; _TOKEN splits it at them, so the whole is added as well.
        words |= {fold(w) for w in _DOTTED.findall(text)}
        by_prefix: dict[str, list[str]] = {}
        for word in sorted(words):
            by_prefix.setdefault(word[:_MIN_STEM], []).append(word)
        initials = {_initials(run.group()) for run in _CAPITAL_RUN.finditer(text)}
        # "BBC's" is the acronym "BBC" (the possessive is no part of it)
        acronyms = {fold(w) for w in _TOKEN.findall(text) if _is_acronym(_POSSESSIVE.sub("", w))}
        acronyms |= ampersands.acronyms(text)
        return cls(
            frozenset(words),
            {k: tuple(v) for k, v in by_prefix.items()},
            frozenset(i for i in initials if len(i) >= 2),
            frozenset(acronyms),
            aliases.words(text),
            clubs.suffixed(text, fold),
            clubs.sporting(text),
            tuple(dict.fromkeys(w for w in _TOKEN.findall(text) if w[0].isupper())),
        )

    def has(self, word: str) -> bool:
        if word in self.words or any(w in self.words for w in DEMONYMS.get(word, ())):
            return True
        if word in self.aliases:
            return True
        return any(same_stem(word, w) for w in self.by_prefix.get(word[:_MIN_STEM], ()))


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _initials(run: str) -> str:
    parts = [p for w in run.split() for p in w.split("-") if p]
    return "".join(p[0] for p in parts if p.lower() not in _ACRONYM_SKIP).casefold()


@dataclass(frozen=True)
class Unsupported:
    """A name (or the part of one after a title) and its words the original lacks."""

    span: Span
    text: str
    missing: tuple[str, ...]  # as written in the rewrite
    found: tuple[str, ...] = ()  # its other words, which the original has
    #: each missing word and the original's spelling of it, when every word of the name has one
    respelled: tuple[tuple[str, str], ...] = ()


def _supported(words: Sequence[str], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The words not supported by ``vocabulary`` (empty: the name is supported)."""
    if len(words) == 1 and _is_acronym(words[0]):
        acronym = fold(words[0])
        if acronym in vocabulary.words or acronym in vocabulary.initials:
            return ()
        if acronym in vocabulary.aliases:
            return ()  # "UK" for the original's "Britain"
        return (words[0],)
    missing = tuple(w for w in words if fold(w) not in CONNECTORS and not vocabulary.has(fold(w)))
    if missing and len(words) >= 2 and _initials(" ".join(words)) in vocabulary.acronyms:
        return ()
    if (
        missing
        and vocabulary.sporting
        and clubs.added_suffix(words, missing, fold, vocabulary.suffixed)
    ):
        return ()  # "Swansea City" for the original's "Swansea"
    return missing


def _heading(text: str, span: Span) -> bool:
    """Whether the name sits on a short line of capitalised words ("Key Points:"), title case
    allowing its small words in lower case ("Importance of Preservation")."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    line = _TOKEN.findall(text[start : end if end >= 0 else len(text)])
    return len(line) <= _HEADING_WORDS and all(w[0].isupper() or w in _TITLE_SMALL for w in line)


def unsupported_names(
    text: str, original: str | Vocabulary, within: Sequence[Span] | None = None
) -> Iterator[Unsupported]:
    """Names in ``text`` (inside ``within``, if given) that ``original`` does not support."""
    vocabulary = original if isinstance(original, Vocabulary) else Vocabulary.of(original)
    runs = list(names(text))
    joined = ampersands.joined(text, runs, _initials, vocabulary.acronyms)
    joined |= ampersands.letters_of(
        text,
        runs,
        lambda letters: letters in vocabulary.initials or letters in vocabulary.acronyms,
    )
    for index, name in enumerate(runs):
        if index in joined:
            continue
        if within is not None and not any(
            s.start <= name.span.start and name.span.end <= s.end for s in within
        ):
            continue
        if text.startswith("$", name.span.end):
            continue  # a currency ("AU$", "US$")
        if " " not in name.text and _LABEL_AFTER.match(text, name.span.end):
            continue  # a label with a number: "Category 5", "Formula 1"
        if _heading(text, name.span):
            continue
        if " " in name.text and _initials(name.text) in vocabulary.acronyms:
            # spelled out in full, the original's acronym: "Police Service of Northern Ireland"
            # for "PSNI" (its parts, split at "Northern", would have no acronym to match)
            continue
        for part in parts(text, name.span):
            words = trim([(at, w) for at, w in part.words if not any(c.isdigit() for c in w)])
            if not words:
                continue
            written = [w for _, w in words]
            missing = _supported(written, vocabulary)
            if missing:
                whole = all(w in missing or fold(w) in CONNECTORS for w in written)
                titles = _new_titles(part.titles, vocabulary) if whole else []
                yield _unsupported(text, titles + words, len(titles), missing, vocabulary)


def _new_titles(titles: list[tuple[int, str]], vocabulary: Vocabulary) -> list[tuple[int, str]]:
    """The titles right before a wholly new part of a name that the original lacks as well: part
    of what is new ("Premier League" when the original has neither word, not "League"). A
    title before a known surname is a role, not a name ("Sir Philip Craven" for "Craven" is
    reported as "Philip Craven")."""
    new: list[tuple[int, str]] = []
    for at, title in reversed(titles):
        if vocabulary.has(fold(title)):
            break
        new.insert(0, (at, title))
    return new


def _unsupported(
    text: str,
    words: list[tuple[int, str]],
    titles: int,
    missing: tuple[str, ...],
    vocabulary: Vocabulary,
) -> Unsupported:
    """The finding for ``words``, of which the first ``titles`` are titles the original lacks
    and ``missing`` the other words it lacks."""
    span = Span(words[0][0], words[-1][0] + len(words[-1][1]))
    written = [w for _, w in words]
    missing = tuple(written[:titles]) + missing
    found = tuple(w for w in written[titles:] if w not in missing and fold(w) not in CONNECTORS)
    # the original's spelling, when every new word after the titles is one edit from one of its
    # words ("Norfolk" for "Norfok"), not for a new first name beside a known or new surname
    spelled = () if found else tuple(_respellings(missing[titles:], vocabulary))
    if len(spelled) != len(missing) - titles:
        spelled = ()
    return Unsupported(span, text[span.start : span.end], missing, found, spelled)


def _respellings(words: Sequence[str], vocabulary: Vocabulary) -> Iterator[tuple[str, str]]:
    for word in words:
        theirs = respelled(word, vocabulary.capitalised)
        if theirs is not None:
            yield word, theirs
