"""What a paragraph tells of the frame of the paragraphs after it: it ends with its source
("..., the ministry said."), it introduces a block quote ("The minister said:"), it carries on an
earlier source's account with a pronoun speech tag ("..., they said."), it has any cue at all.
The figures kind reads these across paragraphs; :mod:`lint.text.attribution` judges the figures
of one paragraph."""

from __future__ import annotations

import re

from lint.core.document import Span
from lint.text.cue_spans import Cues, cue_spans
from lint.text.quotes import inside

#: A modal in reported speech's backshift ("A decree said firms would have to buy bonds").
_BACKSHIFTED = re.compile(r"\b(?:would|could)\b")

#: Words that end a paragraph introducing a block quote ("The minister said:").
_INTRO = re.compile(
    r"\b(?:said|says|added|adds|continued|continues|explained|explains|wrote|writes|reads|read"
    r"|stated|states|told \w+(?: \w+)?|tweeted|posted|declared|noted|argued|warned|insisted"
    r"|put it|statement)\s*(?:[^\w\s]\s*)?:\s*$",
    re.IGNORECASE,
)
#: Words a paragraph-ending speech tag may have after its cue ("said on Friday").
_TAG_WORDS = 3


def ends_with_cue(text: str, sentences: list[Span], quotes: list[Span], cues: Cues) -> bool:
    """Whether a paragraph ends with its source ("..., the ministry said."): a real cue outside
    quotations in the last clause of its last sentence (after its last comma), or with at most
    a few words after it ("the bank said on Friday.")."""
    last = sentences[-1]
    real, _ = cue_spans(text, quotes, cues)
    tags = [span for span in real if last.start <= span.start < last.end]
    if not tags:
        return False
    body = text[last.start : last.end].rstrip(" .\"'”’)")
    # (not a thousands separator: "it estimated stocks at 800,000 tonnes from 130,000")
    comma = max((m.start() for m in _CLAUSE_BREAK.finditer(body)), default=-1)
    end = last.start + len(body)
    for span in tags:
        if comma >= 0 and span.start > last.start + comma:
            return True
        if len(text[span.end : end].split()) <= _TAG_WORDS:
            return True
    return False


#: A clause break: a comma (not between digits), a semicolon or a dash.
_CLAUSE_BREAK = re.compile(r",(?!\d)|(?<!\d),|;|—")


_PRONOUN_TAG = re.compile(
    r"\b(?:(?:he|she|they|it|we) (?:said|says|added|told|estimated|reported|noted|wrote)"
    r"|(?:said|added|told) (?:he|she|they|it))\b",
    re.IGNORECASE,
)


def continues_account(text: str, quotes: list[Span]) -> bool:
    """Whether a paragraph carries on an earlier source's account with a pronoun speech tag
    ("..., they said."), so the paragraph before it, between two cues, is that account too."""
    return any(not inside(quotes, Span(m.start(), m.end())) for m in _PRONOUN_TAG.finditer(text))


def has_cue(text: str, quotes: list[Span], cues: Cues) -> bool:
    """Whether a paragraph has any cue, real or vague, outside quotations."""
    real, vague = cue_spans(text, quotes, cues)
    return bool(real or vague)


def introduces_quote(text: str) -> bool:
    """Whether a paragraph ends by introducing a block quote ("The minister said:")."""
    tail = text[-80:]
    if not tail.rstrip().endswith(":"):
        return False  # ``_INTRO`` ends with ":\s*$" (``rstrip`` strips what ``\s`` matches)
    return _INTRO.search(tail) is not None


def reports_on(
    before: tuple[str, list[Span], list[Span]], here: tuple[str, list[Span], list[Span]], cues: Cues
) -> bool:
    """Whether a paragraph (``here``: text, sentences, quotes) goes on with the reported speech
    the paragraph ``before`` it ends in: that one's last sentence reports in backshift after its
    cue ("A presidential decree said that banks would have to earmark 30 pct of profits"), and
    this one opens in backshift too, with no cue ("The bonds would be redeemed over two years").
    The narrator does not write "would" of what a source has not said."""
    text, sentences, quotes = before
    own, own_sentences, own_quotes = here
    if not sentences or not own_sentences:
        return False
    last = sentences[-1]
    real, _ = cue_spans(text, quotes, cues)
    tags = [span for span in real if last.start <= span.start < last.end]
    if tags and _COMPARES_BACK.match(own):
        return True  # "This is up from 131,000 tonnes in 1986": the figure just reported
    if _lists_changes(text, sentences, real) and _CHANGE.search(own, 0, own_sentences[0].end):
        return True  # the next of the changes a source opening the paragraph before lists
    reported = any(_outside(_BACKSHIFTED, text, quotes, span.end, last.end) for span in tags)
    return reported and opens_backshifted(own, own_sentences, own_quotes)


#: A change to a figure ("rose 806 mln stg to 7.08 billion", "dropped more than three points to
#: 26.6 pct", "totaled 366 mln dlrs").
_CHANGE = re.compile(
    r"\b(?:rose|fell|increased|decreased|declined|dropped|climbed|jumped|slipped|eased|grew"
    r"|totall?ed|increasing|decreasing|rising|falling)\b(?:[^.;]|\.\d){0,60}?\d"
)
#: How far into a paragraph its source may open it ("The company said", "Final returns show").
_OPENING = 40


def _lists_changes(text: str, sentences: list[Span], real: list[Span]) -> bool:
    """Whether a paragraph opens with its source, has no other, and reports changes to figures
    after it ("It said total operating costs rose 806 mln stg to 7.08 billion ...", "Final
    returns show the Socialists increasing their vote to 14.3 pct ..."): a release's items, which
    a paragraph with no source reporting further changes goes on with ("Support for the
    Christian Democrats rose to 34.3 pct")."""
    if not real or real[0].start - sentences[0].start > _OPENING:
        return False
    if any(span.start >= sentences[0].end for span in real):
        return False
    # (not a conditional in reported speech: "rates could rise further if money supply growth
    # rose above this year's eight pct target"), nor a change in a clause of the narrator's
    # after the source's ("Oil World estimated stocks at 800,000 tonnes, while stocks in Poland
    # fell to 130,000 tonnes")
    change = _CHANGE.search(text, real[0].end)
    return (
        change is not None
        and _BACKSHIFTED.search(text, real[0].end, change.start()) is None
        and _TURN.search(text, real[0].end, change.start()) is None
    )


#: A clause of the narrator's after a source's ("..., while ...", "; but ...").
_TURN = re.compile(r"[,;]\s*(?:while|whereas|but|although|though)\b|;")


#: A paragraph opening by comparing the figure the sentence before reported ("This is up from
#: 131,000 tonnes in 1986", "That compares with 2.1 mln a year earlier", "This would be down
#: from"): the same account's baseline, whatever its tense.
_COMPARES_BACK = re.compile(
    r"\s*(?:This|That|The (?:figure|total|estimate|forecast))\s+"
    r"(?:(?:is|was|would be|will be)\s+(?:\w+\s+)?(?:up|down|higher|lower)\s+(?:from|than|on)"
    r"|(?:compares|compared|would compare)\s+with)\b"
)


def opens_backshifted(text: str, sentences: list[Span], quotes: list[Span]) -> bool:
    """Whether a paragraph's first sentence is in reported speech's backshift ("would")."""
    return bool(sentences) and _outside(
        _BACKSHIFTED, text, quotes, sentences[0].start, sentences[0].end
    )


def _outside(pattern: re.Pattern[str], text: str, quotes: list[Span], start: int, end: int) -> bool:
    """Whether ``pattern`` matches between ``start`` and ``end`` outside quotations."""
    return any(
        not inside(quotes, Span(m.start(), m.end())) for m in pattern.finditer(text, start, end)
    )
