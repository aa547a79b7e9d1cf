"""Kind ``figures``: statistics stated in the narrator's voice without (or with a vague) source.

Document level. What a number is comes from the one recogniser (:mod:`lint.text.numbers`, via the
document's :mod:`lint.text.analysis`); who vouches for it from :mod:`lint.text.attribution`. Only
figures of the kinds in ``NEEDS_SOURCE`` are judged: casualty and people counts, amounts of money,
percentages and other counts. Dates, years, times, durations, ages, scores, standings, distances,
names with numbers, market prices, conversions, public record and small counts need no source.

Per paragraph, a figure is *quoted*, *attributed*, *vague* or *unattributed* (see
:mod:`lint.text.attribution`). Across paragraphs: with ``carry_over`` a cue in the last sentence
of the paragraph just before attributes a paragraph's figures (newswire continues "..., the
ministry said." into the next paragraph); a paragraph right after one ending "X said:" is a block
quote; a figure repeated after it was sourced keeps that source. A story whose lead names its
source covers later paragraphs within a few of a source, except background (earlier periods,
company profiles: :mod:`lint.kinds.figures_background`) and casualty and people counts
(:mod:`lint.kinds.figures_frame`).

Options: ``report`` (which of ``unattributed`` and ``vague`` the rule yields), ``cues`` and
``vague_cues`` (literal phrases), ``window`` (sentences after the figure a cue may stand in),
``vague_window``, ``carry_over``, ``spelled_min`` and ``spelled_not_before`` (spelled numbers to
skip), ``not_before`` / ``not_after`` (extra exclusions, regexes before or after the number),
``table_markers`` and ``table_ratio`` (blocks that are tables are skipped), ``per_sentence`` (one
hit per sentence, the first figure's, naming the sentence's other figures: one source added to a
sentence answers them all; false: one hit per figure); ``capitalised_names``
is kept for compatibility (the recogniser decides names). ``model`` picks who makes the final call
for ``unattributed`` in a document: ``default`` (the learned judge shipped as
``lint/kinds/figures_model.json``, :mod:`lint.kinds.figures_model`, over the evidence of
:mod:`lint.kinds.figures_evidence`), ``rules`` (the hand-written rules alone) or the path of another
model file. The model only vetoes: a figure is flagged when the rules find it unattributed and
the model agrees (its probability of "needs a source" reaches the model's threshold).

Hit values: ``figure`` (as written, with the thing counted), ``cue`` (the vague cue), ``what``
(the figure's kind with its article, e.g. "a casualty figure") and ``ask`` (what the editor
should add), ``more`` (the note naming the sentence's other figures, or empty). Hit data:
``figure``, ``value``, ``kind``, ``attribution``, ``cue`` and, when the sentence has other figures,
``more`` (each one's ``figure`` and ``at``, its place).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields

from lint.core.document import Block, Document, Span
from lint.core.finding import Hit, Ref
from lint.kinds import figures_defaults as defaults
from lint.kinds.base import Kind, Scope
from lint.kinds.figures_evidence import evidence
from lint.kinds.figures_frame import NEEDS_SOURCE
from lint.kinds.figures_judge import judge_text, judged_blocks
from lint.kinds.figures_model import Model, load_model
from lint.text.analysis import analysis
from lint.text.attribution import QUOTED, UNATTRIBUTED, Judged
from lint.text.cue_phrases import phrases
from lint.text.cue_spans import Cues
from lint.text.figure_counts import MEASURES
from lint.text.numbers import Figure, FigureKind

REPORTS = ("unattributed", "vague")
__all__ = ["KIND", "NEEDS_SOURCE", "Options", "block_hits", "check", "figures"]

#: What the editor should add, by kind of figure.
_ASK = {
    FigureKind.CASUALTY: "say who counted",
    FigureKind.PEOPLE: "say who counted",
    FigureKind.PERCENTAGE: "name the study, poll or agency behind it",
    FigureKind.MONEY: "say who reported it",
}


def _before(items: tuple[str, ...]) -> re.Pattern[str] | None:
    """Literal words or endings ("the", "'s") that may stand right before a spelled number."""
    parts = "|".join(re.escape(p.strip()) for p in items if p.strip())
    return re.compile(rf"(?:(?<![\w'’])(?:{parts}))\s+$", re.IGNORECASE) if parts else None


def _regexes(patterns: tuple[str, ...], name: str, template: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern from regex fragments, each checked on its own first."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"option {name!r}: bad pattern {pattern!r}: {err}") from None
    if not patterns:
        return None
    joined = "|".join("(?:" + p.replace(" ", r"\s+") + ")" for p in patterns)
    return re.compile(template.format(joined), re.IGNORECASE)


@dataclass(frozen=True)
class Options:
    """Options of the ``figures`` kind (see the module docstring)."""

    # ``report`` only picks which results ``check`` yields; it is left out of equality and hashing
    # so rules that differ only in it share one analysis of each document.
    report: str = field(default="unattributed", compare=False)
    window: int = 1
    vague_window: int = 0
    cues: tuple[str, ...] = defaults.DEFAULT_CUES
    vague_cues: tuple[str, ...] = defaults.DEFAULT_VAGUE_CUES
    not_before: tuple[str, ...] = defaults.DEFAULT_NOT_BEFORE
    not_after: tuple[str, ...] = defaults.DEFAULT_NOT_AFTER
    spelled_not_before: tuple[str, ...] = defaults.DEFAULT_SPELLED_NOT_BEFORE
    table_markers: tuple[str, ...] = defaults.DEFAULT_TABLE_MARKERS
    capitalised_names: bool = True
    spelled_min: int = 2
    table_ratio: float = 0.4
    carry_over: bool = True
    model: str = "default"
    # one hit per sentence (the first figure's, naming the others): one source added to the
    # sentence answers them all. Like ``report``, it only shapes what ``check`` yields.
    per_sentence: bool = field(default=True, compare=False)

    cue_set: Cues = field(init=False, repr=False, compare=False)
    before_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    after_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    spelled_before_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    table_pattern: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.report not in REPORTS:
            raise ValueError(f"option 'report' must be one of {', '.join(REPORTS)}")
        for name in ("window", "vague_window", "spelled_min"):
            if getattr(self, name) < 0:
                raise ValueError(f"option {name!r} must not be negative")
        if not 0 < self.table_ratio <= 1:
            raise ValueError("option 'table_ratio' must be in (0, 1]")
        if not self.cues:
            raise ValueError("option 'cues' must not be empty")
        cue_set = Cues(
            phrases(self.cues, "cues"),
            phrases(self.vague_cues, "vague_cues"),
            self.window,
            self.vague_window,
        )
        compiled = {
            "cue_set": cue_set,
            "before_pattern": _regexes(self.not_before, "not_before", r"(?<!\w)(?:{})\s*$"),
            "after_pattern": _regexes(self.not_after, "not_after", r"\s*(?:{})"),
            "spelled_before_pattern": _before(self.spelled_not_before),
            "table_pattern": _regexes(self.table_markers, "table_markers", "{}"),
        }
        for name, value in compiled.items():
            object.__setattr__(self, name, value)
        if self.model not in ("default", "rules"):
            load_model(self.model)  # fails here, when the rule loads, if the file is unusable

    def __hash__(self) -> int:
        """The hash the dataclass would compute (of the compared fields, in order), computed
        once: the options are part of the key of every per-block cache lookup of the figure
        rules (``skip_block``, the document memo), and their phrase lists are long. The value is
        kept out of pickles (:meth:`__getstate__`): another process hashes strings otherwise."""
        found: int | None = self.__dict__.get("_hash")
        if found is None:
            found = hash(tuple(getattr(self, name) for name in _COMPARED))
            object.__setattr__(self, "_hash", found)
        return found

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_hash", None)
        return state

    @property
    def judge(self) -> Model | None:
        """The learned judge of ``unattributed`` (None: the hand-written rules decide)."""
        if self.model == "rules":
            return None
        return load_model("" if self.model == "default" else self.model)


#: The fields the dataclass compares and hashes, in order.
_COMPARED = tuple(f.name for f in fields(Options) if f.compare)


def check(document: Document, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    """One hit per figure whose attribution is ``options.report`` (per sentence with
    ``per_sentence``); the judgement of the whole document is made once and shared by the two
    rules (they differ only in ``report``)."""
    shared = analysis(document)
    model = options.judge if options.report == "unattributed" else None
    indices = tuple(b.index for b in blocks)
    paragraphs = shared.memo(("paragraphs", indices), lambda: shared.paragraphs(blocks))
    found: list[tuple[Block, Judged]] = []
    if model is not None:
        if not any(
            j.attribution == UNATTRIBUTED for _, j in judged_blocks(shared, paragraphs, options)
        ):
            return  # the model only vetoes what the rules find unattributed: nothing to weigh
        key = ("figures-evidence", options, indices)
        rows = shared.memo(key, lambda: evidence(shared, paragraphs, options))
        # the model vetoes the rules' findings; it never flags a figure they source
        found = [
            (row.block, Judged(row.figure, UNATTRIBUTED, ""))
            for row in rows
            if row.verdict == UNATTRIBUTED and model.flags(row.values)
        ]
    else:
        found = [
            (block, item)
            for block, item in judged_blocks(shared, paragraphs, options)
            if item.attribution == options.report
        ]
    if not options.per_sentence:
        for block, item in found:
            yield _hit(item, block.start)
        return
    for block, items in _by_sentence(found, lambda b: shared.block(b).sentence_starts):
        more = [(m, Ref(document, m.figure.extent.shift(block.start))) for m in items[1:]]
        yield _hit(items[0], block.start, more)


def _by_sentence(
    found: Sequence[tuple[Block, Judged]], starts_of: Callable[[Block], list[int]]
) -> Iterator[tuple[Block, list[Judged]]]:
    """``found`` (in order) grouped by the sentence (``starts_of`` a block: its sentences'
    starts) each figure starts in."""
    group: list[Judged] = []
    at = (-1, -1)
    last: Block | None = None
    for block, item in found:
        where = (block.index, bisect_right(starts_of(block), item.figure.extent.start))
        if last is not None and where != at:
            yield last, group
            group = []
        at, last = where, block
        group.append(item)
    if last is not None:
        yield last, group


def block_hits(text: str, options: Options, carried: bool = False) -> Iterator[Hit]:
    """Hits for one block of text on its own, one per figure (``per_sentence`` groups a
    document's in :func:`check`); ``carried`` means the paragraph before ended with an
    attribution."""
    for item in judge_text(text, options, carried):
        if item.attribution == options.report:
            yield _hit(item, 0)


def figures(text: str, options: Options) -> list[Figure]:
    """The figures of ``text`` that need a source unless one is given, outside quotations."""
    return [item.figure for item in judge_text(text, options, False) if item.attribution != QUOTED]


def _hit(item: Judged, offset: int, more: Sequence[tuple[Judged, Ref]] = ()) -> Hit:
    """The hit for ``item``'s figure; ``more``: the other figures of its sentence with where
    they are, named in the message (value ``more``) and listed in the data."""
    figure = item.figure
    what = str(figure.kind)
    if figure.kind is FigureKind.COUNT and figure.counted.lower() in MEASURES:
        what = "quantity"  # "'413,800 tonnes' is a quantity with no source"
    article = "an" if what[0] in "aeiou" else "a"
    data: dict[str, object] = {
        "figure": figure.phrase,
        "value": figure.value,
        "kind": what,
        "attribution": item.attribution,
        "cue": item.cue,
    }
    if more:
        data["more"] = [{"figure": m.figure.phrase, "at": at} for m, at in more]
    return Hit(
        span=Span(figure.extent.start + offset, figure.extent.end + offset),
        values={
            "figure": figure.phrase,
            "cue": item.cue,
            "what": f"{article} {what}",
            "ask": _ASK.get(figure.kind, "say who reported it"),
            "more": _more(more),
        },
        data=data,
    )


def _more(more: Sequence[tuple[Judged, Ref]]) -> str:
    """The message's note on the sentence's other figures: " (so is '3%' in this sentence)",
    " (so are '3%' and '$2m' in this sentence)", or nothing."""
    if not more:
        return ""
    named = [f"'{m.figure.phrase}'" for m, _ in more]
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f" (so {'is' if len(named) == 1 else 'are'} {listed} in this sentence)"


KIND = Kind("figures", Scope.DOCUMENT, Options, check)
