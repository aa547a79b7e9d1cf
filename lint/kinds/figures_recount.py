"""A source's account told paragraph by paragraph, each paragraph one sentence opening with the
same source ("Mellon said the loan loss reserve is estimated to be 575 mln dlrs ..." / "Mellon
said its capital ratio will be ..."): a passive estimate or an agentless forecast in the next
paragraph ("Non-performing loans are estimated at 1.45 billion dlrs") is that source's.

A single paragraph opening with its source does not carry its account into the next (the
narrator may go on with facts of their own: "The ministry said the fighting had ended." / "At
least 140 fighters were killed."); two in a row from the same source, one of them stating its
estimates, do, and only for such vague cues."""

from __future__ import annotations

import re

from lint.kinds.figures_frame import named_source
from lint.text.analysis import BlockText
from lint.text.cue_spans import Cues, cue_spans

#: At most this many words before the cue: the source's name and title ("Mellon Bank Corp's
#: chairman said"); past that the cue is inside the sentence, not its opening tag.
_HEAD_WORDS = 8


def _opening_source(block: BlockText, cues: Cues) -> str | None:
    """The named source opening a one-sentence paragraph of reported speech ("Mellon said ..."),
    or None. Only one sentence: in "Smith said X. The company's Y ..." the second is not his."""
    if len(block.sentences) != 1:
        return None
    real, _ = cue_spans(block.text, block.quotes, cues)
    if not real:
        return None
    start = real[0].start
    if len(block.text[block.sentences[0].start : start].split()) > _HEAD_WORDS:
        return None
    named = named_source(block.text, start)
    return None if named is None else named[0]


def recounted(before: BlockText | None, earlier: BlockText | None, cues: Cues) -> bool:
    """Whether the two paragraphs before one (``before`` right before it, ``earlier`` before
    that; None: not adjacent) are one source's account, paragraph by paragraph, stating its
    estimates."""
    if before is None or earlier is None or "estimate" not in earlier.text:
        return False
    source = _opening_source(before, cues)
    return source is not None and _opening_source(earlier, cues) == source


#: A real cue that is an estimating verb: an agent's own estimate ("floor traders are
#: guesstimating", "the ministry estimated"; a passive "is estimated" is a vague cue instead).
_ESTIMATING = re.compile(r"(?:guess|es)timat(?:e|es|ed|ing)", re.IGNORECASE)
#: Not an agent's estimate: the adjective ("the estimated 174 billion dlr deficit") or a
#: participle ("the program, estimated to cost ...").
_NOT_BEFORE = re.compile(r"(?:\b(?:the|an?|its|their|his|her)|,)\s*$", re.IGNORECASE)
_NOT_AFTER = re.compile(r"\s+to\b", re.IGNORECASE)


def estimating(before: BlockText | None, cues: Cues) -> bool:
    """Whether the paragraph right before one (None: not adjacent) opens with a source's own
    estimate of a figure ("Exchange floor traders are guesstimating today's hog slaughter at
    about 280,000 head"): a passive estimate in the next paragraph ("Cattle slaughter is
    guesstimated at about 125,000 head") goes on with that source's estimates."""
    if before is None or not before.sentences:
        return False
    first = before.sentences[0]
    real, _ = cue_spans(before.text, before.quotes, cues)
    return any(
        first.start <= s.start < first.end
        and _ESTIMATING.fullmatch(before.text, s.start, s.end) is not None
        and not _NOT_BEFORE.search(before.text, first.start, s.start)
        and not _NOT_AFTER.match(before.text, s.end)
        and any(s.end <= f.span.start < first.end for f in before.claims)
        for s in real
    )
