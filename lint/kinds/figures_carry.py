"""The frame a paragraph of the ``figures`` kind takes from the paragraphs right before it: a
block quote their introduction opens, a source's account carried on from a closing speech tag
(``carry_over``), an estimate or a recount of one source's; and what that frame makes of the
paragraph's judged figures (:func:`in_frame`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from lint.kinds.figures_background import about_earlier, event_last_year, is_background
from lint.kinds.figures_recount import estimating, recounted
from lint.text.analysis import BlockText
from lint.text.attribution import ATTRIBUTED, QUOTED, UNATTRIBUTED, VAGUE, Judged, profile
from lint.text.paragraph_frame import (
    ends_with_cue,
    has_cue,
    introduces_quote,
    opens_backshifted,
    reports_on,
)

if TYPE_CHECKING:
    from lint.kinds.figures import Options
    from lint.text.cue_spans import Cues


class Frames:
    """What each paragraph of :func:`lint.kinds.figures_judge.judge_blocks` takes from the one
    right before it, read only for a paragraph with figures to judge: it is a block quote when
    that one introduces a quote ("The minister said:"); with ``carry_over`` it continues a
    source's account when that one ends with a cue, or has no cue at all and itself continued an
    account (read back through such paragraphs only), unless it is background. The same answers
    as reading every paragraph's frame in turn, without the cue spans of paragraphs no figure
    needs."""

    def __init__(self, options: Options, past_year_story: bool) -> None:
        self.options = options
        self.past_year_story = past_year_story
        self.befores: list[BlockText | None] = []  # per paragraph, the one right before it
        self.heres: list[BlockText] = []
        self.known: list[bool | None] = []  # per paragraph, whether it continues an account
        # per paragraph, whether the account it continues is about an earlier period: then the
        # paragraph's own "last year" is that account's subject, not background
        self.past: list[bool] = []

    def add(self, before: BlockText | None, here: BlockText) -> None:
        """The next paragraph, with the paragraph right before it (None: not adjacent)."""
        self.befores.append(before)
        self.heres.append(here)
        self.known.append(None)
        self.past.append(self.past_year_story)

    def quoted(self) -> bool:
        """Whether the last paragraph added is a block quote."""
        before = self.befores[-1]
        return before is not None and introduces_quote(before.text)

    def estimated(self) -> bool:
        """Whether the paragraph right before the last one added states an estimate or a
        forecast ("are estimated at ..., Iemura said.", "Olympus predicted parent company profit
        of ..., a spokesman said."): a passive estimate after it goes on with that one."""
        before = self.befores[-1]
        return before is not None and _ESTIMATING.search(before.text) is not None

    def recounted(self) -> bool:
        """Whether the two paragraphs before the last one added are one source's account,
        paragraph by paragraph, stating its estimates (lint.kinds.figures_recount)."""
        earlier = self.befores[-2] if len(self.befores) > 1 else None
        if recounted(self.befores[-1], earlier, self.options.cue_set):
            return True
        # (or the paragraph before opens with the source's own estimate: its next estimates)
        return estimating(self.befores[-1], self.options.cue_set)

    def carried(self) -> bool:
        """Whether the last paragraph added continues a source's account."""
        at = len(self.known) - 1
        pending = []  # paragraphs whose answer is the one before them
        while (known := self.known[at]) is None:
            own = self._own(at)
            if own is not None:
                # a speaker's account of last year ("... rose 11.6 pct last year, Seipp said.")
                # goes on in paragraphs on last year ("Personnel expenditure was up 11.9 pct
                # last year"): those are not background to it
                before = self.befores[at]
                past = self.past_year_story or (
                    own and before is not None and about_earlier(before.text)
                )
                known = own and not self._background(self.heres[at].text, past)
                self.known[at], self.past[at] = known, past
                break
            pending.append(at)
            at -= 1
        past = self.past[at]
        for at in reversed(pending):
            known = known and not self._background(self.heres[at].text, past)
            self.known[at], self.past[at] = known, past
        return known

    def _background(self, text: str, past: bool) -> bool:
        """Whether a paragraph is background to the account it would continue (``past``: an
        account of an earlier period, in which a deal done "late last year" is still history)."""
        if past and not self.past_year_story:
            return is_background(text, True) or event_last_year(text)
        return is_background(text, self.past_year_story)

    def _own(self, at: int) -> bool | None:
        """What the paragraph before paragraph ``at`` says of it on its own: it carries an
        account (it ends with a cue), it breaks one (not adjacent, a block quote's introduction,
        no ``carry_over``, a cue not at its end) or None: it passes on what it was given."""
        before = self.befores[at]
        if before is None or introduces_quote(before.text) or not self.options.carry_over:
            return False
        cues = self.options.cue_set
        if ends_with_cue(before.text, before.sentences, before.quotes, cues):
            return True
        here = self.heres[at]
        if has_cue(before.text, before.quotes, cues):
            # a cue not at its end: only reported speech in backshift goes on past it
            return not has_cue(here.text, here.quotes, cues) and _reports_on(before, here, cues)
        # (an account carried on in backshift goes on only while the backshift does)
        if at > 0 and self._shifted(at - 1):
            return opens_backshifted(here.text, here.sentences, here.quotes)
        return None

    def _shifted(self, at: int) -> bool:
        """Whether paragraph ``at``, with no cue, goes on in the backshift of the reported speech
        the paragraph before it ends in ("A decree said banks would ..." / "The bonds would be
        redeemed ..."), or of one such paragraph before it."""
        cues = self.options.cue_set
        while True:
            before, here = self.befores[at], self.heres[at]
            if before is None or has_cue(here.text, here.quotes, cues):
                return False
            if has_cue(before.text, before.quotes, cues):
                return not ends_with_cue(
                    before.text, before.sentences, before.quotes, cues
                ) and _reports_on(before, here, cues)
            if at == 0 or not opens_backshifted(here.text, here.sentences, here.quotes):
                return False
            at -= 1


def _reports_on(before: BlockText, here: BlockText, cues: Cues) -> bool:
    """:func:`lint.text.paragraph_frame.reports_on` of two paragraphs' analyses."""
    return reports_on(
        (before.text, before.sentences, before.quotes),
        (here.text, here.sentences, here.quotes),
        cues,
    )


def in_frame(
    block: BlockText,
    items: list[Judged],
    carried: Callable[[], bool],
    quoted: Callable[[], bool],
    estimated: Callable[[], bool] = lambda: False,
    recounted: Callable[[], bool] = lambda: False,
) -> list[Judged]:
    """``items`` of ``block`` in the frame the paragraph before gives it (asked only here):
    a block quote (``quoted``) or the account that paragraph's speech tag names (``carried``;
    ``estimated``: that paragraph states an estimate of its source's; ``recounted``: the two
    paragraphs before are one source's account stated one sentence at a time)."""
    if quoted():
        return [Judged(item.figure, QUOTED, "") for item in items]
    if any(i.attribution in _CARRIED for i in items) and carried():  # (only these change)
        # the paragraph goes on with the account its predecessor's speech tag names (but not in a
        # present-tense profile: "Welsh Water has 3,000 overflow pipes"), and an agentless "is
        # expected" there is that source's forecast
        return [
            Judged(item.figure, ATTRIBUTED, "")
            if (
                item.attribution == UNATTRIBUTED
                and not profile(block.text, block.sentence_starts, item.figure)
            )
            or (item.attribution == VAGUE and _speakers(item.cue, estimated))
            else item
            for item in items
        ]
    if any(i.attribution == VAGUE for i in items) and recounted():
        # goes on with a source's account told one sentence at a time, its estimates among
        # them: a passive estimate or agentless forecast there is that source's
        return [
            Judged(item.figure, ATTRIBUTED, "")
            if item.attribution == VAGUE and _speakers(item.cue, lambda: True)
            else item
            for item in items
        ]
    return items


#: The attributions a paragraph continuing a source's account may change.
_CARRIED = (UNATTRIBUTED, VAGUE)


#: An expectation with no agent ("is expected"): in a paragraph that continues a source's account
#: (its predecessor ends "..., the survey said"), it is that source's forecast. Estimates are
#: left vague ("Iraq is estimated to have foreign debt of about 50 billion dlrs" after "...,
#: the sources added." is no one's), and the adjective always: "an estimated one billion dlrs
#: in damage" is seldom the speaker's own.
_AGENTLESS = re.compile(r"(?:it )?(?:is|are) (?:expected|forecast)")
#: A passive estimate, the speaker's own when the paragraph before states one of theirs ("Group
#: sales ... are estimated at 1,520 billion yen in 1987/88, Iemura said." / "Home appliance sales
#: are estimated at 1,260 billion yen"): the account goes on, figure by figure.
_PASSIVE_ESTIMATE = re.compile(r"(?:it )?(?:is|are) (?:guess|es)timated")


#: A source's own estimate or forecast in a paragraph ("estimated", "forecast a net loss",
#: "predicted", "projected").
_ESTIMATING = re.compile(r"estimat|\b(?:forecast|predict|project(?:ed|s|ing)\b)")


def _speakers(cue: str, estimated: Callable[[], bool]) -> bool:
    """Whether a vague ``cue`` in a paragraph continuing a source's account is that source's."""
    low = " ".join(cue.lower().split())  # (a cue may span a line break: "is\nexpected")
    if _AGENTLESS.fullmatch(low):
        return True
    return _PASSIVE_ESTIMATE.fullmatch(low) is not None and estimated()
