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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from lint.core.document import Span
from lint.text.mentions import names
from lint.tracking.support import aliases, ampersands, clubs
from lint.tracking.support.demonyms import DEMONYM_STEMS, DEMONYMS, PERSON_ENDS

#: Words that are titles or ranks, not names: a name is split at them.
TITLES = frozenset(
    """president vice prime minister ministers secretary chancellor premier king queen prince
    princess sheikh sheik emir sultan pope cardinal bishop archbishop imam rabbi reverend rev
    general gen colonel col major maj captain capt lieutenant lt sergeant sgt commander admiral
    marshal officer chief deputy governor gov mayor senator sen representative rep congressman
    congresswoman ambassador envoy judge justice lord lady sir dame mr mrs ms miss dr prof
    professor spokesman spokeswoman spokesperson inspector detective constable superintendent
    commissioner ceo cfo coo chairman chairwoman chair founder
    coach boss""".split()  # noqa: SIM905
)
#: Capitalised words that are not names either: times of day and zones, common-noun acronyms,
#: compass adjectives ("a key Western ally").
NOT_NAMES = frozenset(
    """am pm gmt bst utc est edt pst cet vip ceo cfo cto coo gdp gp tv pc dna hiv ai faq ok mp mps
    dui dwi western eastern northern southern""".split()  # noqa: SIM905
)
_CONNECTORS = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "van", "von", "der", "of"})
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
_WORD = re.compile(r"[^\W\d_](?:[\w.]|['’](?!s\b))*")
_DOTTED = re.compile(r"[^\W\d_]\w*(?:\.\w+)+")  # "Change.org"; "U.S." folds to "us" as well
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")  # "south-east"
_POSSESSIVE = re.compile(r"['’]s$")
_LABEL_AFTER = re.compile(r" \d")
_HEADING_WORDS = 6
#: Words a title-case heading leaves in lower case
_TITLE_SMALL = frozenset("a an the of and or for to in on at by with from as vs".split())  # noqa: SIM905
_CAPITAL_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of|the|and|for|&)?\s*[A-Z][\w’'-]*)*")


def fold(word: str) -> str:
    """Case-folded, accents dropped, possessive and dots removed: "Sharaa’s" -> "sharaa"."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", word))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = plain.replace("’", "'")
    if plain.endswith("'s"):
        plain = plain[:-2]
    return plain.strip("'.").replace(".", "")


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


def _parts(text: str, span: Span) -> Iterator[list[tuple[int, str]]]:
    """The name's words with offsets, split at titles (which are dropped)."""
    part: list[tuple[int, str]] = []
    for match in _WORD.finditer(text, span.start, span.end):
        hyphenated = text[match.start() - 1 : match.start()] == "-" or text.startswith(
            "-", match.end()
        )  # "Mitchel-King" is a surname, not a king
        for offset, piece in _pieces(match.start(), match.group()):
            if not hyphenated and (fold(piece) in TITLES or fold(piece) in NOT_NAMES):
                if part:
                    yield part
                part = []
            else:
                part.append((offset, piece))
    if part:
        yield part


def _pieces(start: int, word: str) -> Iterator[tuple[int, str]]:
    """A hyphenated word's parts ("al-Sharaa" -> "al", "Sharaa") with their offsets."""
    offset = start
    for piece in word.split("-"):
        if piece:
            yield offset, piece
        offset += len(piece) + 1


def _trim(part: list[tuple[int, str]]) -> list[tuple[int, str]]:
    while part and fold(part[0][1]) in _CONNECTORS:
        part = part[1:]
    while part and fold(part[-1][1]) in _CONNECTORS:
        part = part[:-1]
    return part


def _supported(words: Sequence[str], vocabulary: Vocabulary) -> tuple[str, ...]:
    """The words not supported by ``vocabulary`` (empty: the name is supported)."""
    if len(words) == 1 and _is_acronym(words[0]):
        acronym = fold(words[0])
        if acronym in vocabulary.words or acronym in vocabulary.initials:
            return ()
        if acronym in vocabulary.aliases:
            return ()  # "UK" for the original's "Britain"
        return (words[0],)
    missing = tuple(w for w in words if fold(w) not in _CONNECTORS and not vocabulary.has(fold(w)))
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
        for part in _parts(text, name.span):
            part = _trim([(at, w) for at, w in part if not any(c.isdigit() for c in w)])
            if not part:
                continue
            written = [w for _, w in part]
            missing = _supported(written, vocabulary)
            if missing:
                span = Span(part[0][0], part[-1][0] + len(part[-1][1]))
                found = tuple(w for w in written if w not in missing and fold(w) not in _CONNECTORS)
                yield Unsupported(span, text[span.start : span.end], missing, found)
