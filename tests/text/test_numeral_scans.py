"""The numeral and stamp scans of :mod:`lint.text.numeral_scan` and the spelled-number scan of
:mod:`lint.text.spelled_scan` (issue 13, speed only) against the readable forms they replace:
the same numerals, the same stamps, on the seeds' blocks and on generated text mixing digits,
currency signs and the characters a stamp turns on."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from conftest import seed_texts
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.text import numeral_scan, spelled_scan

# The readable forms.
_EVERY_RUN = re.compile(r"[\d+(\n](?:(?<=\d)\d*)?")  # every run of digits, "+", "(", new line


def _stamps(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in numeral_scan._STAMPS.finditer(text)]


def _stamps_at_every_run(text: str) -> list[tuple[int, int]]:
    """numeral_scan._stamps as it was written before: ``match`` at every run of digits."""
    spans: list[tuple[int, int]] = []
    last = 0
    found = numeral_scan._STAMPS.match(text, 0)
    if found is not None:
        spans.append(found.span())
        last = found.end()
    for candidate in _EVERY_RUN.finditer(text):
        at = candidate.start()
        if text[at] == "\n":
            at += 1
        if at < last:
            continue
        found = numeral_scan._STAMPS.match(text, at)
        if found is not None:
            spans.append(found.span())
            last = found.end()
    return spans


def _numerals(text: str) -> Iterator[re.Match[str]]:
    """numeral_scan._numerals as it was written before: ``_NUMERAL`` searched from each end on."""
    pos = 0
    while (m := numeral_scan._NUMERAL.search(text, pos)) is not None:
        if m["dash"] == "to" and numeral_scan._number(m["num2"]) < numeral_scan._number(m["num"]):
            single = numeral_scan._SINGLE().match(text, m.start())
            assert single is not None
            m = single
        yield m
        pos = max(m.end(), pos + 1)


def _free_numerals(text: str) -> list[tuple[int, int]]:
    stamps = _stamps(text)
    starts = [s for s, _ in stamps]
    spans = []
    for m in _numerals(text):
        i = bisect_right(starts, m.start("num")) - 1
        if i < 0 or m.start("num") >= stamps[i][1]:
            spans.append(m.span())
    return spans


def _same(text: str) -> None:
    assert numeral_scan._stamps(text) == _stamps(text) == _stamps_at_every_run(text), text
    assert [m.span() for m in numeral_scan._numerals(text)] == [m.span() for m in _numerals(text)]
    assert [m.span() for m in numeral_scan.free_numerals(text)] == _free_numerals(text), text


PARTS = [
    *"0123456789",
    "12",
    "555",
    "2025",
    "\u0663",  # an Arabic-Indic digit: \d
    *" \t\n",
    "\u2003",  # an em space: \s
    *"-/:.)(+,",
    "a.m.",
    "p.m.",
    "A.M.",
    "P.M.",
    "am",
    "PM",
    "A",
    "p",
    "m",
    "x",
    "$",
    "US$",
    "Rs. ",
    "Rs.",
    "HK$",
    "£",
    "€",
    " to ",
    " mln",
    " pct",
    "%",
    "U.S. ",
    "NZ",
    "\u017f",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=24))
def test_numerals_and_stamps_are_found_as_by_the_plain_scans(parts: list[str]) -> None:
    _same("".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 \n\t-/:.)(+apAPm$£RsUSCHKNZx,", max_size=40))
def test_numerals_and_stamps_on_any_mix_of_their_characters(text: str) -> None:
    _same(text)


def test_numerals_and_stamps_on_the_seeds_and_known_cases() -> None:
    cases = [
        "Call 555-123-4567 or (555) 123 4567 at 10:30 a.m., 10.30 am, 10am or 10 p.m.",
        "On 2025-03-14 and 14/03/2025, 24/7, +44 20 7946 0958 and +1 555.123.4567.",
        "1. First\n 2) second\n(3) third\n4.\tfourth, 12.5 pct, 1,234.5 mln, Rs. 5 and Rs 6",
        "$US 5, US$6, HK$ 7, NZ$8, S$9 and $ 10 to 12 and 15 to 13 workers",
        "1.50 pm 1.505 1.50p 12 pm 123 456 123-456 12\u2003am 10P.M. 9A.M. 9 P.M. 10.30P.M.",
        "tel 555) 123-4567, x 12) y, 555.123-4567, 555 123.4567, 555.123.4567, (555) 123-4567",
    ]
    texts = seed_texts()
    assert texts
    for text in [*cases, *texts]:
        _same(text)
        for block in text.split("\n\n"):
            _same(block)


_SPELLED_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen twenty thirty"
    " forty fifty sixty seventy eighty ninety hundred thousand million ONE Two tWeNtY ZERO"
    " someone often weight phone tonne sixth and to or per cent pct"
)
SPELLED_PARTS = [
    *_SPELLED_WORDS.split(),
    *(" ", "-", "  ", "\n", ", ", "x", "1", "\u017f", "\u212a", "\u0130", "\u00e9", "\u00df"),
    *("\u017fix", "thou\u017fand", "\u00c9ight"),
]


def _same_spelled(text: str) -> None:
    plain = [(m.span(), m.group()) for m in spelled_scan._SPELLED.finditer(text)]
    assert [(m.span(), m.group()) for m in spelled_scan.spelled_matches(text)] == plain, text


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SPELLED_PARTS), max_size=20))
def test_spelled_numbers_are_found_as_by_finditer(parts: list[str]) -> None:
    _same_spelled("".join(parts))


def test_spelled_numbers_on_the_seeds() -> None:
    texts = seed_texts()
    for text in [*texts, "Twenty-one to thirty five per cent of seventeen", "one-two"]:
        _same_spelled(text)
