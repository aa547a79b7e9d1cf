"""How far a clause-bound vague cue reaches: which figures of its sentence it hedges.

Most vague cues frame a whole sentence ("..., trade sources said", "reportedly"). Two kinds do
not: the adjective "an estimated" hedges the quantity right after it ("an estimated 2,000
people", "at an estimated total cost of 500 mln dlrs"), and a passive forecast or estimate ("is
expected", "are estimated", "is believed") hedges its own clause: the subject it is said of
("Some seven billion marks is expected to flow in") and what follows in that clause ("The
deficit is expected to total 28.9 billion dlrs"). A figure elsewhere in the sentence is not
hedged by them: the object of another verb ("The new line will carry 240,000 tonnes a year and
is expected to open in 1991"), a figure inside a modifier of the subject ("The operation to
pump 2,000 tonnes of fuel out of the hull is expected to last a week"), a relative clause
("steers that weigh 600 lbs and are estimated to grade ..."), the clause after "while", or a
figure before "an estimated" ("offering 4 mln shares at an estimated 20 dlrs a share"). A
sentence frame does not reach back over a fronted concessive clause ("Though the plan would
cost $4 trillion, one study found ..." reports the study's finding, not the cost). Such a
figure is judged as if the cue were not there (unattributed, or attributed by another cue).
"""

from __future__ import annotations

import re

from lint.core.document import Span

#: The cues whose reach is a clause or a noun phrase, not the sentence (the cue text, lowered
#: and with its spaces normalised, must match in full).
_PASSIVE = re.compile(
    r"(?:it )?(?:is|are) (?:expected|estimated|guesstimated|believed|thought|said|tipped"
    r"|rumou?red)"
)
_ADJECTIVE = "an estimated"
#: A sentence opening with a subordinate clause, which a vague frame after it does not report.
_FRONTED = re.compile(r"\s*(?:Though|Although|While|Whereas|Even though|Even if|Despite)\b")

#: What ends the clause a passive cue stands in, between it and a later figure: a semicolon, a
#: dash, or a comma opening a contrast or a relative clause ("..., while", "..., which").
_BREAK_AFTER = re.compile(
    r";|\s--\s|—|,\s*(?:while|whereas|but|although|though|which|who|whose|where|when)\b"
    r"|\bwhile\b",
    re.IGNORECASE,
)
#: Between a figure and a later passive cue, what says the figure is not in the cue's subject:
#: a clause break, a relative pronoun ("that weigh ... and are estimated"), a finite verb or
#: auxiliary of another predicate.
_NOT_SUBJECT = re.compile(
    r";|\s--\s|—|\b(?:while|whereas|which|who|whose|that|when|where|because|after|before"
    r"|will|would|has|have|had|was|were|can|could|should|may|might|must|said|says)\b",
    re.IGNORECASE,
)
#: A coordinated predicate right before the cue: "... 240,000 tonnes a year and is expected".
_COORDINATED = re.compile(r"\b(?:and|but|or)\s*$", re.IGNORECASE)
#: Before a figure in the cue's subject, what makes it part of a modifier with its own verb: an
#: infinitive ("The operation to pump 2,000 tonnes") or a relative clause opened before it.
_MODIFIER_BEFORE = re.compile(
    r"\bto (?!(?:the|a|an|about|some|around|over|under|nearly|almost|more|less|at|up|as)\b)"
    r"[a-z]+\b|\b(?:which|who|whose|that|will|would|has|have|had|is|are|was|were)\b|;|\s--\s|—"
)
_PUNCTUATION = re.compile(r"[,;:()]|\s--\s|—")
#: The end of the words between "an estimated"'s figure and the next figure coordinated with it.
_LIST_NEXT = re.compile(
    r"\b(?:and|or)\s+(?:about|some|nearly|almost|around|roughly|over|more than)?\s*$", re.I
)
#: A numeral other than a year ("an estimated 1987 borrowing requirement of 42 billion").
_NUMERAL = re.compile(r"(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d,.]*")
#: A comparison: what follows is another figure, not a second one of the estimate's.
_COMPARED = re.compile(r"\b(?:against|from|versus|vs|compared|than|before)\b", re.IGNORECASE)
#: How many words may stand between "an estimated" and the figure it hedges ("an estimated
#: total cost of 500 mln dlrs", "an estimated net worth of $48 billion").
_ADJECTIVE_WORDS = 5
#: How many words may stand between a figure in a passive cue's subject and the cue ("3,000
#: people from the flooded villages are believed").
_SUBJECT_WORDS = 8


def reaches(text: str, sentence_start: int, cue: Span, figure: Span) -> bool:
    """Whether the vague ``cue`` hedges ``figure``, both in the sentence opening at
    ``sentence_start`` of ``text``."""
    word = " ".join(text[cue.start : cue.end].lower().split())
    adjective = word == _ADJECTIVE
    if not adjective and _PASSIVE.fullmatch(word) is None:
        # a sentence frame ("sources said"), but not over a fronted clause it does not report
        # ("Though his plan would cost $4 trillion, one study found ...")
        return not (
            figure.end <= cue.start
            and _FRONTED.match(text, sentence_start) is not None
            and "," in text[figure.end : cue.start]
        )
    if figure.start >= cue.end:
        between = text[cue.end : figure.start]
        if adjective:
            # the phrase it opens ("an estimated total cost of"), or a figure coordinated with
            # the one it hedges ("an estimated 127 mln head of cattle and 4.5 billion chickens")
            if _PUNCTUATION.search(between):
                return False
            if len(between.split()) <= _ADJECTIVE_WORDS and not _NUMERAL.search(between):
                return True  # the first figure after it
            return (
                _LIST_NEXT.search(between) is not None
                and len(_NUMERAL.findall(between)) <= 1  # (coordinated with a later figure)
                and _COMPARED.search(between) is None  # ("... against 4.77 billion")
            )
        return _BREAK_AFTER.search(between) is None
    if adjective or figure.end > cue.start:
        return False
    between = text[figure.end : cue.start]
    if (
        len(between.split()) > _SUBJECT_WORDS
        or _NOT_SUBJECT.search(between)
        or _COORDINATED.search(between)
    ):
        return False
    return _MODIFIER_BEFORE.search(text, sentence_start, figure.start) is None
