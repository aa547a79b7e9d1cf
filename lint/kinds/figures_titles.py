"""The figures of a title-like block in the ``figures`` kind: a headline's figure is judged as
the same figure is in the body of the document."""

from __future__ import annotations

from lint.core.document import Block
from lint.text.analysis import TextAnalysis
from lint.text.attribution import VAGUE, Judged
from lint.text.figure_clause import SENTENCE_END


def judge_titles(
    shared: TextAnalysis, results: list[tuple[Block, Judged]]
) -> list[tuple[Block, Judged]]:
    """A figure in a title-like block (no sentence punctuation) takes the class of the same
    figure elsewhere in the document."""
    blocks = {block.index: block for block, _ in results}
    titles = {index: _is_title(block.text) for index, block in blocks.items()}  # once per block
    classes: dict[tuple[float, bool], str] = {}
    for block, item in results:
        if not titles[block.index]:
            classes.setdefault(item.figure.key, item.attribution)
    out = []
    for block, item in results:
        cls = classes.get(item.figure.key)
        if titles[block.index] and cls is not None and cls != item.attribution:
            item = Judged(item.figure, cls, item.cue if cls == VAGUE else "")
        out.append((block, item))
    del shared
    return out


def _is_title(text: str) -> bool:
    """One line with no sentence punctuation, or in title case."""
    if "\n" in text.strip():
        return False
    if not SENTENCE_END.search(text):
        return True
    long = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.75 * len(long)
