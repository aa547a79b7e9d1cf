"""A source's account told paragraph by paragraph, each paragraph one sentence opening with the
same source ("Mellon said the loan loss reserve is estimated to be 575 mln dlrs ..." / "Mellon
said its capital ratio will be ..."): a passive estimate or an agentless forecast in the next
paragraph ("Non-performing loans are estimated at 1.45 billion dlrs") is that source's.

A single paragraph opening with its source does not carry its account into the next (the
narrator may go on with facts of their own: "The ministry said the fighting had ended." / "At
least 140 fighters were killed."); two in a row from the same source, one of them stating its
estimates, do, and only for such vague cues."""

from __future__ import annotations

from lint.kinds.figures_frame import named_source
from lint.text.analysis import BlockText
from lint.text.attribution import Cues, cue_spans

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
