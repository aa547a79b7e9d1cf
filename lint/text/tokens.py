"""Words and number words: the one word pattern and the number vocabulary of the text layer."""

from __future__ import annotations

import re

#: A word for comparison: numbers keep their separators ("1,400", "2.5").
FOLDED_WORD = re.compile(r"\w+(?:['.,]\w+)*")
#: A word: letters or digits, joined by apostrophes or hyphens ("Syria's", "well-known").
WORD = re.compile(r"\w+(?:['’-]\w+)*")


def flat(text: str) -> str:
    """``text`` with its line breaks as spaces, offsets unchanged: wire copy wraps lines anywhere,
    and patterns of words write the space between them as one space."""
    return text.replace("\n", " ").replace("\r", " ") if "\n" in text or "\r" in text else text


def wordlist(text: str, sep: str | None = None) -> tuple[str, ...]:
    """Words (or ``sep``-separated phrases) of a literal list, white space folded."""
    return tuple(" ".join(item.split()) for item in text.split(sep) if item.strip())


_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
UNITS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        wordlist(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
} | {
    w: 20 + 10 * i
    for i, w in enumerate(wordlist("twenty thirty forty fifty sixty seventy eighty ninety"))
}
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
#: Short multipliers written after digits ("5.9 mln", "$3bn", "£40k").
SHORT_SCALES: dict[str, float] = {
    "mln": 1e6,
    "bln": 1e9,
    "trln": 1e12,
    "bn": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
    "b": 1e9,
    "tn": 1e12,
}


def words(text: str) -> list[str]:
    """The words of ``text`` in order."""
    return WORD.findall(text)


def spelled_value(words_text: str) -> int:
    """The value of spelled number words ("two hundred and five", "forty-two", "two million");
    for a range ("two or three") its lower bound."""
    total, current = 0, 0
    first = re.split(r"\s+(?:to|or)\s+", words_text.lower())[0]
    for word in re.split(r"[-\s]+", first):
        if word in UNITS:
            current += UNITS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
    return total + current


_WORD_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
_ABBREVIATION_END = re.compile(r"\.[A-Za-z]")
_STOP_WORDS = frozenset(
    wordlist(
        """a an the of and or but nor to in on at by for with from into onto as than then since per
    via vs versus against was were is are am be been being has have had will would could should
    shall may might must can do does did that which who whom whose this these those its their his
    her our my your it he she they we you i me him us them there here when while after before
    until if so because also only just still more less fewer over under up down out about around
    compared last next ago each every year years yesterday today tomorrow now earlier later
    previously a.m p.m"""
    )
)
_IRREGULAR_PLURALS = frozenset(
    wordlist("people personnel children men women police staff troops cattle sheep fish livestock")
)


def counted_word(text: str, end: int) -> str:
    """The thing counted after a number ending at ``end`` ("officers" in "13 officers")."""
    tail = text[end : counted_end(text, end)].split()
    return tail[-1].lower() if tail else ""


def counted_end(text: str, end: int) -> int:
    """Extend a count over the thing counted: "13 officers", "111 civilian deaths"."""
    for taken in range(2):
        m = _WORD_AFTER.match(text, end)
        if not m:
            break
        word = m.group(1).lower().rstrip("'’-")
        abbreviation = _ABBREVIATION_END.match(text, m.end()) is not None  # "U.S."
        if word in _STOP_WORDS or len(word) < 2 or abbreviation:
            break
        plural = word in _IRREGULAR_PLURALS or (
            word.endswith("s") and not word.endswith(("ss", "us", "is"))
        )
        if taken == 1 and not plural:
            break
        end = m.start(1) + len(m.group(1).rstrip("'’-"))
        if plural:
            break
    return end
