"""What a number in news text is, from the words around it: the classification half of the figure
recogniser (:mod:`lint.text.numbers` finds and parses the numbers). Here the kinds and the words
before a number; the words after it in :mod:`lint.text.figure_trailing`, ages in
:mod:`lint.text.figure_age`, votes and scores in :mod:`lint.text.figure_tally`, currencies in
:mod:`lint.text.figure_currency`, what a count counts in :mod:`lint.text.figure_counts`.

Each classifier looks only at a short window around one number candidate.
"""

from __future__ import annotations

import enum
import re

from lint.text.figure_clause import MONTH as MONTH
from lint.text.figure_clause import clause_before as clause_before
from lint.text.figure_market import is_market as is_market
from lint.text.figure_record import is_prize as is_prize
from lint.text.figure_record import is_statutory as is_statutory
from lint.text.figure_record import is_threshold as is_threshold
from lint.text.gate_set import GateSet
from lint.text.gated import gated
from lint.text.lazy_re import lazy_re


class FigureKind(enum.StrEnum):
    """What a figure is, in the words of FIGURES-POLICY.md."""

    CASUALTY = "casualty figure"
    PEOPLE = "people count"
    MONEY = "amount of money"
    PERCENTAGE = "percentage"
    COUNT = "count"
    SCORE = "score"
    STANDING = "standing"
    DISTANCE = "distance"
    AGE = "age"
    DURATION = "duration"
    DATE = "date"
    YEAR = "year"
    TIME = "time"
    CONVERSION = "conversion"
    MARKET = "market price"
    RECORD = "public record"
    NAME = "name with a number"
    SMALL_COUNT = "small count"
    SPELLED_SMALL = "spelled-out small number"
    OTHER = "other"


#: The patterns searched in the words just before a figure (``head``), gated together: one scan
#: of a head for all of them (:mod:`lint.text.gate_set`).
HEAD_GATES = GateSet(plain_scans=32)  # built early: lint.text.lead_reader reads its words
MONTH_BEFORE = lazy_re(rf"\b{MONTH}\.?\s+$")
_MONTH_AFTER = lazy_re(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b")
_LABEL_BEFORE = re.compile(
    # the next label of a list ("between junctions 25A and 26", "Articles 5 and 6")
    r"(?<!\w)(?:numbers|sections|articles|chapters|pages|flights|routes|resolutions|rooms"
    r"|platforms|gates|junctions|levels|stages|rounds|groups|channels|lines)"
    r"\s+\w+(?:\s+(?:for|at|in|near)\s+[A-Z][\w'’-]*)?\s*(?:,|and|or|to|-|–)\s*$"
    # the first label of a list ("between junctions 25 and 26", "rooms 5 and 6")
    r"|(?<!\w)(?:sections|chapters|pages|flights|routes|rooms|platforms|gates|junctions|stages)\s*$"
    r"|(?<!\w)(?:no\.|nos\.|number|section|article|chapter|page|flight|route|resolution|room"
    r"|platform|gate|junction|level|grade|phase|stage|round|group|class|channel|bus|line"
    r"|local"  # a union's local, named by its number ("members of local 174 of the UFCW")
    r"|windows|iphone|radio|apollo|formula|category|tier|week|day|year|size|group of"
    r"|(?:women|men)(?:'s|’s)|mixed)\s*$",  # ("(?:wo)?men": no leading word to gate on)
    re.IGNORECASE,
)
#: An election's public record: "a turnout of 42.65%", "a swing of 7%", "a majority of 2,873".
_ELECTION_BEFORE = gated(
    r"\b(?:(?:turnout|swing|(?<!the )majority|vote share|share of the vote)(?: [\w-]+){0,3}"
    r" (?:of|was|at|to|from)|swinging|swung"
    # a race's margin ("He won two years ago by 36 percentage points", "carried his district by")
    r"|\b(?:won|wins|winning|carried|carries|carrying)\b(?: [\w'’.-]+){0,5}? by"
    # a bill's vote ("which passed by 230 to 192")
    r"|\b(?:passed|approved|adopted|rejected|defeated)(?: [\w'’.-]+){0,2}? by"
    # a vote's tally ("defeated vice chairman Stanley Meierfeld by a vote of 315 to")
    r"|\bby a (?:vote|margin) of(?: [\d,]+ to)?)"
    r"(?: (?:by|about|around|just|only|nearly|almost|some|over|under))?\s*$",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"(?<!\w)(?:aged|age|ages|aged between|aged up to|the ages? of|ages? of)\s*$", re.IGNORECASE
)

_STANDING_BEFORE = re.compile(
    r"(?<!\w)(?:ranked|seeded|seed|placed|position|world no\.?|top|ranking"
    r"|(?:from|in|of|reach(?:ed|ing)?|into|to) the last|round of)\s*$",
    re.IGNORECASE,
)
#: A golf round ("a five-under-par 67") and a table row of market moves ("991 off 37").
_SCORE_BEFORE = re.compile(
    r"(?:under|over|level)[- ]par\s*$"
    # a tally compared ("No team has scored more tries than the 42 by Widnes")
    r"|\b(?:goals|tries|points|runs|wickets|touchdowns|birdies|caps|appearances)"
    r"\s+than\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TABLE_MOVE_BEFORE = re.compile(r"\d\s+(?:off|up|down)\s*$")
_CAPITALISED_BEFORE = lazy_re(r"\b([A-Z][\w&-]*)\s$")
_SENTENCE_END = lazy_re(r"[.!?…:][\"'”’)\]]*\s*$")
#: A share that names a group ("the top 1 percent", "the poorest 20%").
GROUP_BEFORE = lazy_re(
    r"\bthe (?:top|bottom|richest|poorest|wealthiest|highest-earning|lowest-earning)\s+$",
    re.IGNORECASE,
)


#: A tax's, tariff's or duty's rate named before it ("The tariffs of 100 pct", "a sales tax of
#: 5 pct"), and the old rate it is compared with ("The tariffs of 100 pct - up from about five
#: pct"): set in law, public record like the rate written after its number ("a 25% tariff"); and
#: the rate stated with a verb ("The tax is 0.25 pct on each side of a trade"), not profit after
#: or before tax.
_RATE_BEFORE = gated(
    r"\b(?<!before )(?<!after )(?<!pre-)(?<!pre )"
    r"(?:(?:tax|tariff|dut(?:y|ies)|lev(?:y|ies)|surcharge|vat)(?:es|s)?(?: rates?)?"
    r" (?:of|at|is|was|are|were|will be)(?: (?:about|around|some|up to|just))?"
    r"(?: [\d.,]+ ?(?:pct|percent|per cent|%) ?[-–—,(] ?(?:up|down) from"
    r"(?: (?:about|around|some))?)?)"
    r"\s*$",
    re.IGNORECASE,
)


def is_rate(head: str) -> bool:
    """Whether the words before a percentage make it a tax's or tariff's rate."""
    return HEAD_GATES.scan(head).search(_RATE_BEFORE.pattern) is not None


def is_election(head: str) -> bool:
    """Whether the words before a figure make it an election's result: "a turnout of"."""
    return HEAD_GATES.scan(head).search(_ELECTION_BEFORE.pattern) is not None


def before_kind(head: str, spelled: bool, digits: str = "") -> FigureKind | None:
    """A kind from the words just before a number: "aged 25", "Section 3", "ranked 5"."""
    search = HEAD_GATES.scan(head).search  # each pattern's search of the head
    if search(_AGE_BEFORE):
        return FigureKind.AGE
    if search(_ELECTION_BEFORE.pattern):  # is_election(head)
        return FigureKind.RECORD
    if search(_STANDING_BEFORE):
        return FigureKind.STANDING
    if search(_SCORE_BEFORE):
        return FigureKind.SCORE
    if _TABLE_MOVE_BEFORE.search(head):
        return FigureKind.MARKET
    if names_before(head, spelled, digits):
        return FigureKind.NAME
    return None


def names_before(head: str, spelled: bool, digits: str = "") -> bool:
    """Words before a number that make it part of a name: a label ("Section", "Radio"), a name
    given ("called the 386") or, before digits, a capitalised word ("Boeing 737") or a list of
    such names ("Ship Shoal 128 and 129": ``digits`` is the number's own digits)."""
    search = HEAD_GATES.scan(head).search
    if search(_LABEL_BEFORE) or search(CALLED_BEFORE()):
        return True
    if spelled:
        return False
    return is_capitalised_name(head) or (bool(digits) and listed_name(head, digits))


#: A list of numbers ending in "and"/"or" right before a number: "128 and ", "209, 302 and ".
_NUMBER_LIST_BEFORE = lazy_re(r"(?<![\d,.])(\d+)(?:,\s*\d+)*,?\s+(?:and|or|&)\s+$")


def listed_name(head: str, digits: str) -> bool:
    """Whether a number of ``digits`` closes a list whose first number is a name with a number
    ("tracts West Cameron 209, 302 and 303", "Ship Shoal 128 and 129"): the same number of
    digits, and a capitalised word in mid-sentence right before the first one. Not "Highway 61
    and 2,000 people" (a count has other digits)."""
    tail = head[-6:]
    if not ("and" in tail or "or" in tail or "&" in tail) or not digits.isdecimal():
        return False  # (cheap first: nearly every number fails here)
    match = _NUMBER_LIST_BEFORE().search(head)
    if match is None or len(match[1]) != len(digits):
        return False
    return is_capitalised_name(head[: match.start(1)])


#: A name given to something ("more commonly called the 386", "known as the 7").
CALLED_BEFORE = lazy_re(r"\b(?:called|named|dubbed|known\s+as|nicknamed)\s+(?:the\s+)?$")


def is_capitalised_name(head: str) -> bool:
    """A capitalised word in mid-sentence right before the number ("Boeing 737", "Radio 4")."""
    match = _CAPITALISED_BEFORE().search(head)
    if not match or HEAD_GATES.scan(head).search(MONTH_BEFORE()):
        return False
    prefix = head[: match.start(1)].rstrip()
    return bool(prefix) and not _SENTENCE_END().search(prefix) and prefix[-1] not in '"“‘(—–-'


def is_date(text: str, start: int, end: int) -> bool:
    """A day of the month: "March 6", "6 March", "Feb. 22", "the 21st of May"."""
    return bool(
        MONTH_BEFORE().search(text, max(0, start - 12), start) or _MONTH_AFTER().match(text, end)
    )


HEAD_GATES.add(
    lambda: (
        _AGE_BEFORE,
        _ELECTION_BEFORE.pattern,
        _RATE_BEFORE.pattern,
        _STANDING_BEFORE,
        _SCORE_BEFORE,
        _LABEL_BEFORE,
        CALLED_BEFORE(),
        MONTH_BEFORE(),
        GROUP_BEFORE(),
    )
)
