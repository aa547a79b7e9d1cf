"""An unnamed study that its paragraph names later.

"A study found" is vague only while the reader cannot tell whose study it is. A news paragraph
often names it a sentence or two on, referring back to it ("A study found that 96% of the chicks
die young. Lost habitat leaves them little food. The research was published in a conservation
journal."): the figure then rests on a named study. A later sentence covers the cue when it
refers back to the document with a definite article or demonstrative ("the study", "this
research") and has a reporting cue of its own ("published", "said", "by"); a mere mention of
"the study" with no source in its sentence does not.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

#: Vague cues that are a document with no author ("a study found", "one survey shows",
#: "research suggests"), lowered.
_UNNAMED = re.compile(
    r"(?:(?:a|an|one)\s+(?:new\s+|recent\s+)?)?(?:study|survey|poll|report|research)\b"
)
#: A reference back to that document ("the study", "this research", "the latest survey").
_BACK = re.compile(
    r"\b(?:the|this|that)\s+(?:new\s+|latest\s+|recent\s+)?(?:study|research|survey|poll"
    r"|report|paper|analysis)\b",
    re.IGNORECASE,
)


def named_later(
    text: str, starts: Sequence[int], cued: Collection[int], index: int, cue: str
) -> bool:
    """Whether the vague ``cue`` of sentence ``index`` (``starts``: each sentence's start in the
    paragraph ``text``; ``cued``: the sentences with a reporting cue) is an unnamed document that
    a later sentence with a reporting cue refers back to."""
    if _UNNAMED.match(" ".join(cue.lower().split())) is None:
        return False
    for i in sorted(cued):
        if i > index:
            end = starts[i + 1] if i + 1 < len(starts) else len(text)
            if _BACK.search(text, starts[i], end) is not None:
                return True
    return False
