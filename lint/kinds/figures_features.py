"""The features of the learned figure judge: their names, in the order a model's weights follow,
and the patterns behind the generic signals (hedges, tense, past years, names). See
:mod:`lint.kinds.figures_evidence` for how each row is built."""

from __future__ import annotations

import re

from lint.text.attribution import ATTRIBUTED, QUOTED, UNATTRIBUTED, VAGUE
from lint.text.numbers import FigureKind

#: Kinds with a feature of their own; every other kind is ``kind_no_source``.
KINDS = {
    FigureKind.CASUALTY: "kind_casualty",
    FigureKind.PEOPLE: "kind_people",
    FigureKind.MONEY: "kind_money",
    FigureKind.PERCENTAGE: "kind_percentage",
    FigureKind.COUNT: "kind_count",
    FigureKind.SMALL_COUNT: "kind_small",
    FigureKind.SPELLED_SMALL: "kind_small",
    FigureKind.MARKET: "kind_market",
    FigureKind.RECORD: "kind_record",
    FigureKind.CONVERSION: "kind_conversion",
}
VERDICTS = {
    QUOTED: "rule_quoted",
    ATTRIBUTED: "rule_attributed",
    VAGUE: "rule_vague",
    UNATTRIBUTED: "rule_unattributed",
}

FEATURES: tuple[str, ...] = (
    "kind_casualty",
    "kind_people",
    "kind_money",
    "kind_percentage",
    "kind_count",
    "kind_small",
    "kind_market",
    "kind_record",
    "kind_conversion",
    "kind_no_source",
    "rule_quoted",
    "rule_attributed",
    "rule_vague",
    "rule_unattributed",
    "rule_not_judged",
    "in_quote",
    "cue_sentence",
    "cue_previous",
    "cue_next",
    "cue_earlier_in_paragraph",
    "cue_later_in_paragraph",
    "cue_previous_paragraph_end",
    "vague_sentence",
    "framed",
    "block_quote",
    "background",
    "past_year_story",
    "earlier_period",
    "first_person",
    "log_value",
    "currency",
    "percent",
    "spelled",
    "hedge",
    "sentence_position",
    "first_sentence",
    "paragraph_position",
    "lead_paragraph",
    "repeated",
    "repeated_sourced",
    "named_org_sentence",
    "capitalised_words",
    "future_tense",
    "past_year_sentence",
    "figures_in_sentence",
    "sentence_words",
    "paragraph_has_cue",
    "story_cue_share",
    "title_block",
    "skipped_block",
)

HEDGE = re.compile(
    r"(?:\b(?:about|around|some|nearly|almost|over|roughly|approximately|up to|at least"
    r"|more than|less than|fewer than|as many as|as much as|an estimated|estimated|close to"
    r"|under|just over|just under)\s+(?:[$£€¥]\s?)?)$",
    re.IGNORECASE,
)
FUTURE = re.compile(r"\b(?:will|would|could|should|may|might|plans? to|expects?|to be)\b")
PAST_YEAR = re.compile(
    r"\b(?:last year|a year (?:ago|earlier)|the (?:previous|prior) year|in (?:19|20)\d\d)\b",
    re.IGNORECASE,
)
EARLIER = re.compile(r"\b(?:previously|earlier|years ago|since|had been|was once)\b", re.I)
FIRST_PERSON = re.compile(r"\bI(?= [a-z]|['’][a-z])|\b(?:[Mm]y|me|[Mm]yself)\b")
ORG = re.compile(
    r"\b(?:[A-Z][a-z]+ )*(?:[A-Z][a-z]+|[A-Z]{2,})(?: (?:Inc|Corp|Co|Ltd|plc|Group|Bank|Ministry"
    r"|Office|Agency|Department|Council|Commission|Institute|University|Association|Board"
    r"|Authority|Service|Bureau|Centre|Center|Fund|Committee|Party|Police))\b"
    r"|\b[A-Z]{2,}\b"
)
CAPITALISED = re.compile(r"(?<=[a-z,;] )[A-Z][\w&'’-]+")
