"""The original's quotation nearest a rewrite's quote that no passage of the original resembles
word for word.

A quote reworded past the passage match of :mod:`lint.tracking.support.quotes` (fewer than half
its words in order) is most often still the speaker's words, paraphrased: "Caster Semenya is
among the top contenders" for the original's "Caster Semenya is one of the contenders". Saying
only that it "is not in the original" reads as if it were invented; the editor is shown the
quotation it rewords instead. A quotation of the original is nearest when it shares the most
content words (function words left out, :data:`lint.tracking.profile.STOPWORDS`) with the quote,
and counts only when those are :data:`SHARE` of the quote's content words and two or more (one
for a quote of one or two content words: "immediate measures" for "immediate steps").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from lint.text.mentions import quotes
from lint.text.tokens import FOLDED_WORD
from lint.tracking.profile import STOPWORDS

#: the share of a quote's content words a quotation of the original must have to be its nearest
SHARE = 0.4
#: what is cut from a quotation's ends to show it: its marks, space and a clause's comma
_ENDS = " \t\r\n\"'“”‘’«»„,"


def content(text: str) -> frozenset[str]:
    """The folded content words of ``text``, apostrophes inside a word dropped."""
    folded = unicodedata.normalize("NFKC", text).replace("’", "'").casefold()
    return frozenset(w.replace("'", "") for w in FOLDED_WORD.findall(folded)) - STOPWORDS


@dataclass(frozen=True)
class Quotations:
    """An original's quotations, each with its content words."""

    items: tuple[tuple[str, frozenset[str]], ...]

    @classmethod
    def of(cls, text: str) -> Quotations:
        return cls(tuple((q.text.strip(_ENDS), content(q.text)) for q in quotes(text)))

    def nearest(self, quote: str) -> str | None:
        """The quotation sharing the most content words with ``quote`` (the first on ties), if
        it shares enough of them to be the one ``quote`` rewords."""
        theirs = content(quote)
        best, shared = None, 0
        for text, words in self.items:
            common = len(theirs & words)
            if common > shared:
                best, shared = text, common
        if shared < (2 if len(theirs) > 2 else 1) or shared < SHARE * len(theirs):
            return None
        return best
