"""The evidence the text layer has on each figure of a document, as numbers for a learned judge.

One row of :data:`FEATURES` per recognised figure of the paragraphs: the recogniser's kind, the
hand-written rules' verdict (quoted, attributed, vague, unattributed, or not judged), where the
nearest reporting and vague cues stand (same sentence, the one before or after, earlier in the
paragraph, the paragraph before), the story's frame, background and history markers, and generic
signals (magnitude, currency, percent, hedges, position, repeats, names, tense). No feature is the
identity of a word of the article: every one is a policy-grounded signal, so that a model over
them carries over to news it was not trained on.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lint.core.document import Block, BlockKind, Span
from lint.kinds import figures_features as features
from lint.kinds.figures_background import is_background, reports_past_year
from lint.kinds.figures_exclude import excluded, skip_block
from lint.kinds.figures_features import FEATURES
from lint.kinds.figures_frame import NEEDS_SOURCE, story_frame
from lint.kinds.figures_judge import judged_blocks
from lint.text.analysis import BlockText, TextAnalysis
from lint.text.attribution import ATTRIBUTED, QUOTED
from lint.text.cue_spans import cue_spans
from lint.text.figure_clause import SENTENCE_END
from lint.text.numbers import Figure, FigureKind
from lint.text.paragraph_frame import ends_with_cue, has_cue, introduces_quote
from lint.text.quotes import inside

if TYPE_CHECKING:
    from lint.kinds.figures import Options


@dataclass(frozen=True)
class Evidence:
    """One figure of a paragraph with the rules' verdict and its feature values."""

    block: Block
    figure: Figure
    verdict: str  # the rules' attribution, or "" when they do not judge the figure
    cue: str  # the vague cue, when the verdict is vague
    values: tuple[float, ...]  # in the order of FEATURES


def _sentence_index(text: BlockText, offset: int) -> int:
    """The last sentence starting at or before ``offset`` (0 if none does)."""
    return max(0, bisect.bisect_right(text.sentence_starts, offset) - 1)


@dataclass(frozen=True)
class _Story:
    """What the whole document tells about each of its figures."""

    verdicts: dict[tuple[int, Span], tuple[str, str]]  # (block, figure span) -> (verdict, cue)
    paragraphs: list[Block]
    past_year_story: bool
    framed: dict[int, bool]  # indices of the framed paragraphs (see story_frame)
    cued: list[bool]  # per paragraph: has a reporting cue
    share: float  # the share of paragraphs with a reporting cue


@dataclass(frozen=True)
class _Paragraph:
    """What one paragraph with figures tells about each of them."""

    block: Block
    text: BlockText
    position: int  # among the paragraphs
    prev_end: bool  # the paragraph right before ends with a reporting cue
    block_quote: bool  # the paragraph right before introduces a quote
    cue_sentences: set[int]
    vague_sentences: set[int]
    skipped: bool
    title: bool
    background: bool
    first_person: bool
    first_cue: int | None
    last_cue: int | None


def evidence(shared: TextAnalysis, blocks: Sequence[Block], options: Options) -> list[Evidence]:
    """Evidence for every figure of the paragraphs among ``blocks``, in order."""
    story = _story(shared, blocks, options)
    seen: dict[tuple[float, bool], bool] = {}  # value -> sourced when seen
    rows: list[Evidence] = []
    previous: Block | None = None
    for position, block in enumerate(story.paragraphs):
        if shared.block(block).claims:
            paragraph = _paragraph(shared, options, story, position, block, previous)
            rows.extend(
                _row(story, paragraph, figure, seen, options) for figure in paragraph.text.claims
            )
        previous = block
    return rows


def _story(shared: TextAnalysis, blocks: Sequence[Block], options: Options) -> _Story:
    """The rules' verdicts and the story-wide signals of ``blocks``."""
    judged = judged_blocks(shared, blocks, options)
    verdicts = {(b.index, j.figure.span): (j.attribution, j.cue) for b, j in judged}
    paragraphs = [b for b in blocks if b.kind is BlockKind.PARAGRAPH]
    opening = paragraphs[:2]
    past_year_story = any(
        reports_past_year(b.text) and has_cue(b.text, shared.block(b).quotes, options.cue_set)
        for b in opening
    )
    framed = story_frame(shared, blocks, options, past_year_story)
    cued = [has_cue(b.text, shared.block(b).quotes, options.cue_set) for b in paragraphs]
    share = sum(cued) / len(cued) if cued else 0.0
    return _Story(verdicts, paragraphs, past_year_story, framed, cued, share)


def _paragraph(
    shared: TextAnalysis,
    options: Options,
    story: _Story,
    position: int,
    block: Block,
    previous: Block | None,
) -> _Paragraph:
    """The paragraph-wide signals of ``block``, ``previous`` being the paragraph before it."""
    text = shared.block(block)
    prev_end = block_quote = False
    if previous is not None and previous.index == block.index - 1:
        before = shared.block(previous)
        block_quote = introduces_quote(before.text)
        prev_end = ends_with_cue(before.text, before.sentences, before.quotes, options.cue_set)
    real, vague = cue_spans(text.text, text.quotes, options.cue_set)
    cue_sentences = {_sentence_index(text, s.start) for s in real}
    first_person = any(
        not inside(text.quotes, _span(m)) for m in features.FIRST_PERSON.finditer(text.text)
    )
    return _Paragraph(
        block=block,
        text=text,
        position=position,
        prev_end=prev_end,
        block_quote=block_quote,
        cue_sentences=cue_sentences,
        vague_sentences={_sentence_index(text, s.start) for s in vague},
        skipped=skip_block(text.text, options),
        title=not SENTENCE_END.search(text.text),
        background=is_background(text.text, story.past_year_story),
        first_person=first_person,
        first_cue=min(cue_sentences, default=None),
        last_cue=max(cue_sentences, default=None),
    )


def _row(
    story: _Story,
    paragraph: _Paragraph,
    figure: Figure,
    seen: dict[tuple[float, bool], bool],
    options: Options,
) -> Evidence:
    """The evidence on one figure of ``paragraph``; records in ``seen`` whether it is sourced."""
    block, text = paragraph.block, paragraph.text
    verdict, cue = story.verdicts.get((block.index, figure.span), ("", ""))
    if verdict == "" and figure.kind in NEEDS_SOURCE and not paragraph.skipped:
        verdict = "excluded" if excluded(text.text, figure, options) else ""
    index = _sentence_index(text, figure.span.start)
    sentence = text.sentences[min(index, len(text.sentences) - 1)]
    values: dict[str, float] = dict.fromkeys(FEATURES, 0.0)
    values[features.KINDS.get(figure.kind, "kind_no_source")] = 1.0
    values[features.VERDICTS.get(verdict, "rule_not_judged")] = 1.0
    values.update(_context_values(story, paragraph, index))
    values.update(_figure_values(text, figure))
    values.update(_sentence_values(text, sentence))
    key = figure.key
    values["in_quote"] = float(inside(text.quotes, figure.span))
    values["repeated"] = float(key in seen)
    values["repeated_sourced"] = float(seen.get(key, False))
    sourced = verdict in (ATTRIBUTED, QUOTED)
    seen[key] = seen.get(key, False) or sourced
    return Evidence(block, figure, verdict, cue, tuple(values[name] for name in FEATURES))


def _context_values(story: _Story, paragraph: _Paragraph, index: int) -> dict[str, float]:
    """Features of where the figure's sentence ``index`` stands in its paragraph and story."""
    cues, first_cue, last_cue = paragraph.cue_sentences, paragraph.first_cue, paragraph.last_cue
    position, n_paragraphs = paragraph.position, len(story.paragraphs)
    return {
        "cue_sentence": float(index in cues),
        "cue_previous": float(index - 1 in cues),
        "cue_next": float(index + 1 in cues),
        "cue_earlier_in_paragraph": float(first_cue is not None and first_cue < index),
        "cue_later_in_paragraph": float(last_cue is not None and last_cue > index + 1),
        "cue_previous_paragraph_end": float(paragraph.prev_end),
        "vague_sentence": float(index in paragraph.vague_sentences),
        "framed": float(paragraph.block.index in story.framed),
        "block_quote": float(paragraph.block_quote),
        "background": float(paragraph.background),
        "past_year_story": float(story.past_year_story),
        "first_person": float(paragraph.first_person),
        "sentence_position": index / max(1, len(paragraph.text.sentences) - 1),
        "first_sentence": float(index == 0),
        "paragraph_position": position / max(1, n_paragraphs - 1),
        "lead_paragraph": float(position == 0),
        "paragraph_has_cue": float(story.cued[position]),
        "story_cue_share": story.share,
        "title_block": float(paragraph.title),
        "skipped_block": float(paragraph.skipped),
    }


def _figure_values(text: BlockText, figure: Figure) -> dict[str, float]:
    """Features of the figure itself and the words just before it."""
    head = text.text[max(0, figure.extent.start - 30) : figure.extent.start]
    return {
        "log_value": math.log10(1.0 + abs(figure.value)),
        "currency": float(figure.kind is FigureKind.MONEY or bool(figure.unit)),
        "percent": float(figure.percent),
        "spelled": float(figure.spelled),
        "hedge": float(features.HEDGE.search(head) is not None),
    }


def _sentence_values(text: BlockText, sentence: Span) -> dict[str, float]:
    """Features of the sentence the figure stands in."""
    said = text.text[sentence.start : sentence.end]
    figure_starts = text.figure_starts
    lo = bisect.bisect_left(figure_starts, sentence.start)
    in_sentence = text.figures[lo : bisect.bisect_left(figure_starts, sentence.end)]
    return {
        "earlier_period": float(features.EARLIER.search(said) is not None),
        "named_org_sentence": float(features.ORG.search(said) is not None),
        "capitalised_words": math.log1p(len(features.CAPITALISED.findall(said))),
        "future_tense": float(features.FUTURE.search(said) is not None),
        "past_year_sentence": float(features.PAST_YEAR.search(said) is not None),
        "figures_in_sentence": math.log1p(len(in_sentence)),
        "sentence_words": math.log1p(len(said.split())),
    }


def _span(match: re.Match[str]) -> Span:
    return Span(match.start(), match.end())
