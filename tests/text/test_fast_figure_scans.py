"""Faster scans in the figure code and the segmenter against the readable forms they replace
(issue 13, speed only): each must give exactly what the plain pattern or code gives, on the
seeds' blocks and on generated text mixing the characters and words each scan turns on."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from conftest import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.kinds import density, figures
from lint.kinds import figures_background as background
from lint.kinds import pattern as pattern_kind
from lint.kinds.figures_exclude import skip_block
from lint.kinds.options import build_options
from lint.text import (
    attribution,
    cues,
    figure_rates,
    figure_volume,
    numbers,
    paragraph_frame,
    spelled_scan,
)
from lint.text import cue_proposals as cp
from lint.text import figure_context as context
from lint.text import figure_market as market
from lint.text import figure_statute as statute
from lint.text import gated as gated_module
from lint.text import segment as segmenter
from lint.text.gated import Gated, gated, leading_words
from lint.text.segment import segment

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _gate_from_the_first_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Gated patterns use their automaton from the first search here (a run searches with the
    pattern alone at first), so every comparison below is of the gated search."""
    monkeypatch.setattr(gated_module, "PLAIN_SEARCHES", 0)


# The readable forms.
CANDIDATE = re.compile(rf"\d|\b(?:{spelled_scan._NUMBER_WORDS})\b", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_NUMERIC_TOKEN = re.compile(
    r"^[(\[]?(?:[-+$£€¥]?\d[\d,.:/-]*%?|nil|n\.?a\.?|unch|nc)[)\],;:.]{0,2}$", re.IGNORECASE
)
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


def _proposals(text: str) -> list[tuple[int, int]]:
    """cue_proposals.proposals as it was written before (the hints started with "\\b")."""
    found = []
    for pattern, hint, not_named in (
        (
            cp._PROPOSAL,
            re.compile(r"\b" + cp._PROPOSAL_HINT.pattern),
            cp._NOT_PROPOSERS,
        ),
        (
            cp._SPEAKS,
            re.compile(r"\b" + cp._SPEAKS_HINT.pattern),
            cp._NOT_PROPOSERS,
        ),
        (
            cp._NAMED_REPORT,
            re.compile(r"\b" + cp._NAMED_REPORT_HINT.pattern),
            cp._NOT_PUBLISHERS,
        ),
        (
            cp._PLAN_NOUN,
            re.compile(r"\b" + cp._PLAN_NOUN_HINT.pattern),
            cp._NOT_PLANNERS,
        ),
    ):
        if hint.search(text) is not None:
            found += [m.span() for m in pattern.finditer(text) if m.group(1) not in not_named]
    return found


def _skip_block(text: str, options: figures.Options) -> bool:
    """skip_block as it was written before."""
    letters = _LETTER.findall(text)
    if not letters or len(_LATIN.findall(text)) * 2 < len(letters):
        return True
    if sum(1 for ch in letters if ch.isupper()) * 2 > len(letters):
        return True
    if options.table_pattern and options.table_pattern.search(text):
        return True
    tokens = _TOKEN.findall(text)
    numeric = sum(1 for t in tokens if _NUMERIC_TOKEN.match(t))
    ratio = numeric / len(tokens)
    if ratio >= options.table_ratio:
        return True
    return ratio >= options.table_ratio / 2 and not re.search(r"[.!?…][\"'”’)\]]*\s*$", text)


def _options(rule: str) -> figures.Options:
    data = yaml.safe_load((ROOT / "rules" / f"{rule}.yaml").read_text(encoding="utf-8"))
    return build_options(figures.Options, data["options"])


OPTIONS = [_options("unattributed-figure"), _options("vague-attribution"), figures.Options()]
SEED_BLOCKS = [
    b.text for p in sorted(SEEDS.glob("*.txt")) for b in segment(p.read_text(encoding="utf-8"))
]

_PIECES = st.sampled_from(
    [
        *["one", "One", "ONE", "seven", "ſeven", "ſix", "twenty", "Thousand", "million"],
        *["bn", "mln", "hundred", "billion", "trillion", "zero", "often", "someone", "weight"],
        *["tone", "eleven", "Eleven-", "_ten", "ten_", "2ten", "ten2", "x"],
        *["1", "12", "1,234", "3.5", "-4", "+5", "$7", "£8", "€9", "¥1", "(12)", "[3]", "45%"],
        *["12,", "12;", "12:", "12.", "1/2", "3-4", "10:30", "٣", "²", "½", "١٢"],
        *["A", "B", "THE", "The", "the", "Net", "NET", "é", "É", "ß", "ǅ", "İ", "ı", "K"],
        *["Π", "п", "中", "文", "Ⅷ", "ⅷ", "_"],
        *[" ", "  ", "   ", "    ", "\n", "\t", "\u00a0", "\u2003", "\r", "\x1c"],
        *[".", "!", "?", "…", ",", ";", ":", '"', "”", "’", ")", "]", "(", "-"],
        *["said", "Said", "according to", "sources", "officials", "estimated", "by", "in", "at"],
        *["puts", "the", "toll", "a", "filing", "Reuters's", "(source:", "offer would", "list"],
        *["He", "would", "impose", "They", "estimate", "that", "Pew", "survey", "found"],
        *["within", "set", "asset", "court", "Court", "ruled", "police", "named", "show"],
        *["shares", "SHARES", "ſhares", "per share", "a share", "outstanding", "Dow", "S&P"],
        *["rose", "fell", "up", "closed at", "minimum", "wage", "capped", "tax rate", "raised"],
        *[
            "[Insert quote]",
            "[",
            "{city}",
            "{",
            "<insert date>",
            "As an AI",
            "here's",
            "Sure! here",
        ],
        *["# ", "## Heading", "**", "__", "*", "_", "> ", ">", "#", "***"],
        *["lorem IPSUM", "very unique", "REALLY important", "NATO said", "note: this article"],
        *["fixed rate of", "interest rates at", "Winners led losers", "advances", "ſtocks", "K"],
        *["<!-- newslint: disable -->", "<!--", "-->", "\n\n", "\r\n", "a   b", "1    2"],
        *["also said", "ALSO SAID", ", he added.", ", adds", "added that", "further reported"],
        *["last year", "the prior year", "a year ago", "previous fiscal year's", "LAST YEAR"],
        *["traded at", "changed hands", "Bundesbank bought", "Fed injected", "after selling"],
        *["turnout of", "the majority", "majority of", "swung", "plans ", "would ", "estimate "],
        *["Reuters report that", "study found", "claims ", "Trading", "Fed", "fed"],
        *["said:", "told Reuters:", "statement -:", ": ", ":\u2003", ":\x1c", "SAID :"],
    ]
)
_TEXT = st.one_of(st.lists(_PIECES, min_size=1, max_size=40).map("".join), st.text(max_size=120))


GATED = [
    market._MARKET_NOUN,
    market._MARKET_MOVE(),
    statute.STATUTORY,
    figure_rates.LENDING_RATE(),
    figure_volume.BREADTH(),
    context._ELECTION_BEFORE,
    attribution._ALSO,
    background._EARLIER,
]


PLACEHOLDER = pattern_kind.Options(
    **yaml.safe_load((ROOT / "rules" / "placeholder-text.yaml").read_text(encoding="utf-8"))[
        "options"
    ]
)
USER_PATTERNS = [
    PLACEHOLDER,
    pattern_kind.Options(r"\b(?:very|really) (?:unique|important)\b", ignore_case=True),
    pattern_kind.Options(r"[A-Z]{3,} said", skip_quotes=True),  # a class first: no gate
]


def _pattern_hits(text: str, options: pattern_kind.Options) -> list[tuple[int, int, str]]:
    return [
        (h.span.start, h.span.end, h.values["match"]) for h in pattern_kind.check(text, options)
    ]


def _plain_pattern_hits(text: str, options: pattern_kind.Options) -> list[tuple[int, int, str]]:
    """pattern.check without the gate: every match, as before."""
    quotes = pattern_kind.quote_spans(text) if options.skip_quotes else []
    return [
        (m.start(), m.end(), m.group())
        for m in options.regex.finditer(text)
        if m.end() > m.start()
        and not (quotes and pattern_kind.inside(quotes, pattern_kind.Span(*m.span())))
    ]


def _plain(text: str) -> str:
    """segment.plain as it was written before."""
    return segmenter._MARKUP.sub("", segmenter._MARKUP.sub("", text.strip())).strip()


def _is_other(raw: str) -> bool:
    """segment._is_other as it was written before."""
    lines = raw.splitlines()
    if all(segmenter._SIGN_OFF.match(line) for line in lines) or segmenter._is_table_line(raw):
        return True
    return sum(map(str.isalpha, raw)) < len(raw.strip()) * 0.4


def _group(text: str, lines: list[segmenter.Span], wrapped: bool) -> list[segmenter.Span]:
    """segment._group as it was written before (each line's block asked again as it grew)."""
    found = []
    current: segmenter.Span | None = None
    for span in lines:
        line = text[span.start : span.end]
        if not line.strip():
            if current:
                found.append(current)
            current = None
            continue
        # a line wrapped with one space before a lowercase word, after a line with no end
        # punctuation, goes on with its sentence (the text layer's rule since c07ce92)
        before = lines[lines.index(span) - 1] if lines.index(span) else None
        last = text[before.start : before.end].rstrip() if before is not None else ""
        goes_on = (
            line[:1] == " "
            and line[1:2].islower()
            and bool(last)
            and not segmenter._TERMINAL.search(last)
        )
        starts_new = (
            not wrapped
            or (line[:1].isspace() and not goes_on)
            or segmenter._is_table_line(line)
            or segmenter._is_comment(line)
        )
        previous = text[current.start : current.end] if current is not None else ""
        if current is not None and (
            starts_new or segmenter._is_table_line(previous) or segmenter._is_comment(previous)
        ):
            found.append(current)
            current = None
        current = segmenter.Span(current.start, span.end) if current else span
    if current:
        found.append(current)
    return found


def _check(text: str) -> None:
    lines = list(segmenter._lines(text, 0, len(text)))
    for wrapped in (False, True):
        assert list(segmenter._group(text, lines, wrapped)) == _group(text, lines, wrapped)
    assert density.count_words(text) == len(density._WORD.findall(text))
    assert segmenter.plain(text) == _plain(text)
    assert segmenter._is_other(text) == _is_other(text)
    for options in USER_PATTERNS:
        assert _pattern_hits(text, options) == _plain_pattern_hits(text, options)
    for pattern in GATED:
        spans = ((0, len(text)), (len(text) // 3, len(text)), (1, len(text) - 1), (-2, len(text)))
        for pos, endpos in (*spans, (len(text) // 2, len(text) // 3), (len(text) // 4, 10**6)):
            found = pattern.search(text, pos, endpos)
            plain = pattern.pattern.search(text, pos, endpos)
            assert (found and found.span()) == (plain and plain.span()), pattern.pattern.pattern
        expected = [m.span() for m in pattern.pattern.finditer(text)]
        assert [m.span() for m in pattern.finditer(text)] == expected, pattern.pattern.pattern
    assert numbers.has_candidate(text) == (CANDIDATE.search(text) is not None)
    intro = paragraph_frame._INTRO.search(text[-80:]) is not None
    assert paragraph_frame.introduces_quote(text) == intro
    assert segmenter._is_comment(text) == (segmenter._COMMENT_LINE.match(text) is not None)
    for options in OPTIONS:
        assert skip_block.__wrapped__(text, options) == _skip_block(text, options)
        for phrases in (options.cue_set.real, options.cue_set.vague):
            if phrases is not None:
                expected = [m.span() for m in phrases.pattern.finditer(text)]
                assert [m.span() for m in phrases.finditer(text)] == expected
    # both read wrapped lines as one line (cues.flat keeps offsets)
    expected = [m.span() for m in cues.CONSTRUCTIONS.finditer(cues.flat(text))]
    assert [m.span() for m in cues.constructions(text)] == expected
    assert [m.span() for m in cp.proposals(text)] == _proposals(cues.flat(text))


@pytest.mark.parametrize("text", SEED_BLOCKS, ids=range(len(SEED_BLOCKS)))
def test_fast_figure_scans_match_the_plain_forms_on_the_seeds(text: str) -> None:
    _check(text)


@pytest.mark.parametrize(
    "text",
    [
        "Net   1.5 in the\nfirst   quarter of\nthe year   ended\nin March, it said.\n",
        "A line that goes\n<!-- newslint: disable -->\non and on it goes\n\n<!-- x -->\nmore\n",
        "One   gap and\r\nanother   gap then\r\nno gap at all here\r\n",
    ],
)
def test_grouping_lines_keeps_each_block_s_table_and_comment_state(text: str) -> None:
    # wrapped lines with one table gap each: the third line starts a block once two are held
    _check(text)
    lines = list(segmenter._lines(text, 0, len(text)))
    assert len(list(segmenter._group(text, lines, True))) > 1


@settings(max_examples=600, deadline=None)
@given(text=_TEXT)
def test_fast_figure_scans_match_the_plain_forms_on_generated_text(text: str) -> None:
    _check(text)


def test_gated_patterns_are_gated_by_their_leading_words() -> None:
    # every gated figure-context pattern has leading words to gate with (else the comparisons
    # above would compare a pattern with itself)
    for pattern in GATED:
        assert pattern.search("") is None and pattern._automaton is not None
    words = leading_words(
        re.compile(r"(?<!a )\b(?:Shares?|stock (?:price|index))\b|(?=x)Dow", re.I)
    )
    assert words is not None and {"share", "stock ", "dow"} <= words | {"stock "}
    assert leading_words(re.compile(r"\b(?:[A-Z]\w+|shares)")) is None  # a class first
    assert leading_words(re.compile(r"(?:a|)b")) is None  # an empty alternative
    assert leading_words(re.compile("é")) is None  # outside ASCII
    found = gated(r"\bshares\b", re.I)
    assert isinstance(found, Gated) and found.search("Xerox SHARES fell") is not None
    assert found.search("no such word") is None and found.search("ſhares") is not None


def test_a_gated_pattern_searches_as_it_is_until_it_has_searched_enough(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gated_module, "PLAIN_SEARCHES", 3)
    found = gated(r"\b(?:rose|fell) by\b", re.I)
    texts = ["Shares ROSE by 5", "none here", "it fell by 2 and rose by 3", "fell", "x fell by"]
    spans = []
    for text in texts:
        match = found.search(text)
        spans.append(match and match.span())
        if len(spans) <= 3:
            assert found._automaton is gated_module._UNBUILT  # the pattern alone, so far
    assert found._automaton is not None and found._automaton is not gated_module._UNBUILT
    assert spans == [(7, 14), None, (3, 10), None, (2, 9)]
    assert found.can_match("rose by") and not found.can_match("nothing")


def test_the_placeholder_pattern_is_gated() -> None:
    assert pattern_kind._gate(PLACEHOLDER.regex).can_match("Fill in [City] now")
    assert not pattern_kind._gate(PLACEHOLDER.regex).can_match("The council met on Tuesday.")
    assert _pattern_hits("The council of [City] met.", PLACEHOLDER) == [(15, 21, "[City]")]


def test_ascii_word_count_tells_words_apart() -> None:
    assert density.count_words("U.S. rate-setters' 1,400 cuts, it's") == 5
    assert density.count_words("naïve café") == 2


def test_number_word_initials_class_is_what_ignorecase_matches() -> None:
    # the case-sensitive class that starts _NUMBER_WORD holds every character IGNORECASE
    # matches to an initial of a number word (the long s for "s" among them), and no other
    plain = re.compile(f"[{spelled_scan._WORD_INITIALS}]", re.IGNORECASE)
    found = "".join(chr(c) for c in range(sys.maxunicode + 1) if plain.fullmatch(chr(c)))
    assert found == spelled_scan._WORD_INITIAL_CHARS


def test_the_scans_can_tell_texts_apart() -> None:
    # the comparisons above are not vacuous: both answers occur
    assert numbers.has_candidate("ſeventeen boats") and not numbers.has_candidate("often")
    assert numbers.has_candidate("x2") and not numbers.has_candidate("someone tone")
    table = "Net   1,234   5,678\nRevs   12.5   13.1"
    assert skip_block.__wrapped__(table, OPTIONS[0])
    assert not skip_block.__wrapped__("The company said it sold 12 ships.", OPTIONS[0])
    assert _proposals("She would impose a tax") and not _proposals("Shewould impose a tax")
    assert [m.span() for m in cues.constructions("within a filing")] == []
    assert [m.span() for m in cues.constructions("as in a filing")] == [(3, 14)]
