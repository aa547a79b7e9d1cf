"""Background in a story's figures: the reporter's own, not a source's account (FIGURES-POLICY.md).

A paragraph of earlier periods ("last year", unless the story reports on last year), history
("years ago") or a profile of a company or country ("had sales of", "employs", "is in debt") is
background, and so is one giving figures of a year before the story's latest one; an event dated
within last year stays history even inside an account of last year. The frame
(:mod:`lint.kinds.figures_frame`), the judge's frames and the figure evidence ask these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lint.text.figure_period import same_period
from lint.text.gated import found_in, gated

#: Words that date a paragraph before the story's own news: the reporter's background.
_BACKGROUND = re.compile(
    r"\b(?:previously|in the past"
    r"|earlier this year|a decade ago|years ago|historically|since (?:19|20)\d\d"
    r"|had already|\A\s*Before (?:the|that|then|his|her|its|their))\b"
    # a profile of a company or country: what it has, employs or owes, not what it announced
    r"|\b(?:had|has|have) (?:\w+ ){0,3}(?:earnings|sales|revenues?|profits?|income|assets"
    r"|losses|debts?|employees|reserves|turnover) (?:of|totalling|totaling)\b"
    r"|\b(?:employs|employed|owes|owed)\b|\bin debt\b",
    re.IGNORECASE,
)


#: An earlier period: background, unless the story itself reports on that period.
_EARLIER = gated(
    r"\b(?:last year|the (?:previous|prior) year|the year before|a year (?:ago|earlier))\b"
    r"|\b(?:last|previous|prior) (?:fiscal )?year's\b",
    re.IGNORECASE,
)
#: A record set against an earlier date ("the highest since July 28 last year", "the first time
#: since 1978 Sidor turned a profit"): a comparison in the release, not the reporter's history.
_RECORD_SINCE = (
    r"\b(?:highest|lowest|biggest|largest|smallest|best|worst|strongest|weakest|fastest"
    r"|slowest|sharpest|steepest|first time)\b[^.;]{0,40}?\bsince\b"
)
#: An earlier period as the baseline of a comparison ("income of 10.7 mln dlrs a year ago",
#: "fell to 521.1 mln dlrs from 716.9 mln in 1985", "rose to 17.35 billion guilders after 17.27
#: billion the previous year": after an amount, not a year; a record's): the results reported,
#: not background.
_COMPARED = re.compile(
    r"\b(?:against|versus|vs\.?|compared? (?:to|with)|compares (?:to|with)|from|up from"
    r"|down from|over|than|after(?= \d)(?! (?:19|20)\d\d\b))\b|" + _RECORD_SINCE,
    re.IGNORECASE,
)
_RECORD = re.compile(_RECORD_SINCE + r"[^.;]{0,12}", re.IGNORECASE)
#: A company's results for a period, with the change or the comparison ("The unit had operating
#: profit of 50.5 mln dlrs compared to 90.9 mln"): reported results, not a profile.
_RESULTS = re.compile(
    r"\b(?:compared (?:to|with)|against|versus|vs\.?|rose|fell|increased|decreased|declined"
    r"|(?:up|down)(?: \w+)? from"
    r"|dropped|jumped|climbed|slipped|below|above)\b",
    re.IGNORECASE,
)
#: A company introduced with a relative clause ("Laurentian Capital Corp, which recently
#: acquired ..."): a profile of another company, background even with a comparison.
_INTRODUCED = re.compile(r"\b[A-Z][\w.&-]*\s*,\s+(?:which|whose|who)\b")
#: A lead reporting on a past year (an annual report, last year's results).
_PAST_YEAR_STORY = re.compile(r"\b(?:last year|annual|year-end|fiscal)\b", re.IGNORECASE)


#: A year: "19" or "20" and two digits, between word edges, not the first of a range ("1985-86").
YEAR_PLAIN = r"\b(?:19|20)\d\d\b(?![/-]\d)"
#: ``YEAR_PLAIN`` opening with its digits, so that ``re`` skips in C to the next "1" or "2"
#: instead of trying the word edge at every character; the edge before them (a digit is a word
#: character: no word character before it) is a lookbehind over it and the two digits.
_YEAR = re.compile(r"(?:19|20)(?<!\w..)\d\d\b(?![/-]\d)")


def latest_year(texts: Sequence[str]) -> int:
    """The latest year ``_YEAR`` finds in any of ``texts`` (0 if none), from one search of the
    texts joined by newlines: a match is four digits between word edges, so none spans a
    newline, and a newline next to a text's edge is a non-word character that neither makes
    nor unmakes a word edge or the lookahead (``[/-]\\d`` cannot start at a newline) there."""
    return max((int(y.group()) for y in _YEAR.finditer("\n".join(texts))), default=0)


def dated_earlier(text: str, latest: int) -> bool:
    """Whether a paragraph gives figures of a year before the story's latest one, not as the
    baseline of a comparison ("accounted for 288 mln dlrs of its 1985 revenues"): a profile."""
    for year in _YEAR.finditer(text):
        if int(year.group()) < latest and not _COMPARED.search(
            text, max(0, year.start() - 80), year.start()
        ):
            return True
    return False


def reports_past_year(opening: str) -> bool:
    """Whether an opening paragraph naming its source reports on a past year: last year's
    results, an annual report."""
    return found_in(_PAST_YEAR_STORY, opening)


#: (text, past_year_story, release) -> :func:`is_background`: the frame, the judge's frames and the
#: figure evidence each ask it of the same paragraphs
_BACKGROUND_MEMO: dict[tuple[str, bool, bool], bool] = {}
_BACKGROUND_MEMO_LIMIT = 4096


def is_background(text: str, past_year_story: bool = False, release: bool = False) -> bool:
    """Whether a paragraph reads as the reporter's background: an earlier period than the
    story's own news ("last year", unless the story reports on last year), history ("years
    ago") or a profile of a company or country ("had sales of", "employs", "is in debt"). In an
    official body's or a dataset's release (``release``), a span from last year up to now ("has
    risen since the end of last year") is the release's series, not an earlier period.

    Memoised: the answer is a function of the arguments alone (module-level patterns)."""
    key = (text, past_year_story, release)
    found = _BACKGROUND_MEMO.get(key)
    if found is None:
        if len(_BACKGROUND_MEMO) >= _BACKGROUND_MEMO_LIMIT:
            _BACKGROUND_MEMO.clear()
        found = _BACKGROUND_MEMO[key] = background_plain(text, past_year_story, release)
    return found


def about_earlier(text: str) -> bool:
    """Whether a paragraph speaks of an earlier period than the story's news ("last year")."""
    return _EARLIER.search(text) is not None


#: An event dated within last year ("bought ... for 190 mln dlrs late last year"): history even
#: inside an account of last year's results.
_EVENT_LAST_YEAR = re.compile(
    r"\b(?:late|early|earlier|since|until|mid-?)\s*last year\b",
    re.IGNORECASE,
)


def event_last_year(text: str) -> bool:
    """Whether a paragraph dates an event within last year ("late last year")."""
    return _EVENT_LAST_YEAR.search(text) is not None


def background_plain(text: str, past_year_story: bool = False, release: bool = False) -> bool:
    """:func:`is_background` computed afresh."""
    background = found_in(_BACKGROUND, text)  # tried only where its words start
    if background and "since" in text:
        # (not a record's "since": "the first time since 1978")
        background = found_in(_BACKGROUND, _RECORD.sub(_blank, text))
    if background and not (_RESULTS.search(text) and not _INTRODUCED.search(text)):
        return True
    if past_year_story:
        return False
    # (the counterpart of a period reported, "in last year's first quarter", is a comparison's
    # baseline too: lint.text.figure_period)
    earlier = list(_EARLIER.finditer(text))
    changes = bool(earlier) and _RESULTS.search(text) is not None
    return bool(earlier) and not any(
        _COMPARED.search(text, max(0, m.start() - 80), m.start())
        or same_period(text, m)
        or (release and _SPAN_TO_NOW.search(text, max(0, m.start() - 40), m.start()) is not None)
        or (_CAUSE.search(text, max(0, m.start() - 120), m.start()) is not None and changes)
        for m in earlier
    )


#: A span from an earlier period up to now ("The rise has been steady since the end of last
#: year", "since January last year"): in a release, its series up to the present, not a closed
#: earlier period (elsewhere a tally's: "120 ships have been attacked since January last year").
_SPAN_TO_NOW = re.compile(
    r"\bsince\s+(?:the\s+(?:end|start|beginning|middle|turn)\s+of\s+|early\s+|late\s+|mid-?\s*)?"
    r"(?:[A-Z][a-z]+\s+)?$"
)


#: An earlier period inside a cause, in its sentence ("Truck exports fell to 108,782 from 127,903
#: because a contract ... ended last year", "Higher import prices due to poor harvests last year
#: made feed makers reluctant"): in a paragraph reporting changes, it explains them and dates no
#: figure of the paragraph ("Last year the group cut 2,400 jobs because ..." stays background).
_CAUSE = re.compile(
    r"\b(?:because|due\s+to|owing\s+to|as\s+a\s+result\s+of|caused\s+by|in\s+the\s+wake\s+of)\b"
    r"(?:[^.;]|\.(?=\d))*$",
    re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    """Spaces in place of a match (offsets kept)."""
    return " " * len(match.group())


#: A lead reporting an institution's failure ("said two Texas banks were closed by U.S. bank
#: regulators", "have failed, official spokesmen said", "placed ... in receivership").
_FAILURE = re.compile(
    r"\b(?:(?:was|were|been|being) closed|failed|failures?|insolven\w*|receivership)\b"
    r"|\bclosed (?:down )?(?:the\b|an?\b|[A-Z])"
)
#: A failed institution's size ("Equitable had assets of 59.12 mln dlrs", "The bank, which had
#: total assets of 20.1 mln dlrs, was ..."): in a story of its failure, part of the regulator's
#: account of it, not the reporter's profile of a company.
_SIZE = re.compile(r"\bha[ds] (?:total )?(?:assets|deposits) (?:of|totalling|totaling)\b")


def failure_story(lead: str) -> bool:
    """Whether a story's lead reports an institution's failure."""
    return _FAILURE.search(lead) is not None


def without_size(text: str) -> str:
    """``text`` with a failed institution's size profile blanked (offsets kept)."""
    return _SIZE.sub(_blank, text) if "ad" in text else text
