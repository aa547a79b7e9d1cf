"""What a number in news text is, from the words around it: the classification half of the figure
recogniser (:mod:`lint.text.numbers` finds and parses the numbers).

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
from lint.text.tokens import wordlist


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
#: An age in its context: people "at" an age ("men at 65 can expect"), and a number right after
#: an age in the same clause ("at age 65, and 0.2 years at 75, 85 and 95").
_AGE_CONTEXT = lazy_re(
    r"\b(?:men|women|guys|gals|people|males|females|boys|girls|adults|pensioners|children"
    r"|those|someone|anyone)\s+(?:at|over|under)\s+$"
    r"|\bage\s+\d{1,3}\b(?:[^.;]|\.\d){0,40}?(?:\bat\s+|,\s+(?:and\s+)?)$",
    re.IGNORECASE,
)


def age_context(head: str, value: float) -> bool:
    """Whether a plain number below 120 is an age by the words before it (see _AGE_CONTEXT)."""
    return value < 120 and HEAD_GATES.scan(head).search(_AGE_CONTEXT()) is not None


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
_DURATION = (
    r"(?:more |other |full |straight |consecutive |previous |past |next |further |extra )?"
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centur(?:y|ies)"
    r"|secs?|mins?|hrs?|wks?|mths?|mos|yrs?|qtrs?|quarters?|seasons?|terms?)\b"
)
_AFTER = re.compile(
    r"\s*(?:(?P<age>(?:(?:and|to|or|-|–)\s*\d+\s+)?(?:years? old|years? of age)|-year-old"
    r"|-month-old)"
    rf"|(?P<duration>(?:-|\s)?{_DURATION})"
    r"|(?P<time>(?:GMT|EST|EDT|BST|UTC|CET|PST|local time|a\.m\.|p\.m\.|am|pm|o'clock|hrs"
    r"|h(?!\.\w))\b)"  # not "H.K."
    r"|(?P<distance>(?:km|kilomet(?:re|er)s?|miles?|mi|met(?:re|er)s?|feet|ft|foot|yards?|yds?"
    r"|inches|cm|cms|mm|nautical miles?|kph|mph|km/h"
    # a product's specification ("a 16 mln bit memory chip", "a 370MW wind farm")
    r"|bits?|bytes?|kilobits?|megabits?|kilobytes?|megabytes?|gigabytes?|K?RAM|MHz|GHz"
    r"|megahertz|kilowatts?|megawatts?|horsepower|hp|octane)\b)"
    r"|(?P<ratio>times (?:the|as|more|higher|lower|greater|larger|bigger|faster|that|than)\b)"
    r"|(?P<sport>(?:[A-Z0-9][\w-]*\s+)?(?:games?|matches|rounds|races|starts|appearances|caps"
    r"|goals|tries|wickets|innings|laps|holes|sets|frames|points from|internationals|fixtures"
    r"|corners|bends|fences|hurdles"
    r"|group games)\b)"
    r"|(?P<prize>(?:each )?in prize money\b)"
    # a model number ("the 6300 personal computer", "its 30386 microprocessor"): no claim
    r"|(?P<model>(?:personal\s+)?(?:computer|microprocessor|processor|minicomputer|mainframe"
    r"|workstation|jetliner|airliner)\b(?!s))"
    r"|(?P<tablemove>(?:off|up|down)\s+\d)"
    r"|(?P<times>times\b)"
    r"|(?P<threshold>or (?:less|more|fewer|under|over|above|below|older|younger)\b)"
    r"|(?P<record>(?:votes?|seats?|ballots?|delegates|electoral votes|to \d+ votes?"
    # a vote or seat count with a word between ("60 “yea” votes", "233 Republican
    # seats") and a chamber's members ("who have just 52 members in the Senate")
    r"|(?:[\"\u201c\u2018']\w+[\"\u201d\u2019']|yea|yes|nay|aye|more|popular|postal"
    r"|(?-i:[A-Z][\w-]+))\s+(?:votes?|seats)"
    r"|members\s+in\s+the\s+(?:U\.S\.\s+)?(?:(?-i:Senate|House|Commons|Lords)|chamber"
    r"|parliament|assembly|legislature)"
    r"|in the \d+-(?:seat|member)"
    r"|(?:parliament(?:ary)?|assembly|council|house|senate|legislative)\s+seats"
    r"|(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}\d[\d,]*\s+"
    r"(?:[\w-]+\s+)?seats|swing"
    r"|turnout"
    r"|(?:increase|decrease|rise|fall|drop) in (?:the |its |their )?(?:votes?|vote share|support)"
    r"|voters? (?:participating|turned out|voted|cast)"
    r"|(?:criminal |separate )?(?:charges|counts of)"
    # members who voted ("more than 60 Democrats voted against her")
    r"|(?:[\w-]+\s+){1,2}?(?:voted|abstained))\b)"
    r"|(?P<market>(?:a|per) (?:barrel|ounce|tonne|bushel|gallon|litre)\b|points?\b"
    r"|basis points?\b|p\b|pence\b|unch\b|unchanged\b))",
    re.IGNORECASE,
)
_MODIFIER = re.compile(
    r"[-–](?:(?P<age>years?-old|months?-old|weeks?-old|day-old"
    r"|\s+(?:to|and)\s+\d+[-–](?:years?|months?)[-–]olds?)|(?P<duration>"
    r"(?:second|minute|hour|day|night|week|month|year|decade|game|match|race)s?\b)|[A-Za-z])",
    re.IGNORECASE,
)
_PERCENT_RECORD = lazy_re(
    r"\s*(?:of the (?:popular |national )?votes?|(?:\w+ )?(?:threshold|cut-off|hurdle)|swing"
    # a tax's rate ("a 30 percent effective tax rate", "a 4 percent surcharge", "a 25% tariff")
    r"|(?:(?:effective|top|marginal|corporate|income|basic|higher|flat|sales) )*(?:tax )?"
    r"(?:(?:interest|lending|deposit|loan|discount|prime|base|minimum|mortgage) )*"
    r"(?:tax|rate|surcharge|tariffs?|levy|duty|VAT)\b(?! (?:of|on) (?:growth|inflation|return))"
    r"|(?:increase|decrease|rise|fall|drop) in (?:the |its |their )?(?:votes?|vote share|support)"
    # a currency's official devaluation ("a humiliating three pct devaluation")
    r"|(?:de|re)valuation"
    # an ownership stake is public record ("Company is 81.5 pct owned by Electro Audio")
    r"|(?:owned|held) by"
    r")\b",
    re.IGNORECASE,
)
_CURRENCY_AFTER = re.compile(
    r"\s*(?:(?:US |Hong Kong |Australian |Canadian |Singapore |New Zealand )?(?:dollars"
    # "a 19.7 billion dollar debt", not "two Canadian dollar issues" (issues in dollars)
    r"|dollar(?!\s+(?:issues?|bonds?|notes?|deposits?|sector|market|terms|denominated)))|pounds"
    r"|(?:pounds )?sterling|euros?|yen|yuan|renminbi|rupees?|ringgit|rand|francs|roubles"
    r"|rubles|pesos|won|naira|shillings|dinars?|dirhams?|riyals?|lira|baht|rupiah|crowns"
    r"|kroner|kronor|zloty|reais|real|usd|eur|gbp|jpy|cny"
    r"|(?:U\.S\.\s|US\s|Canadian\s|Australian\s|Hong\sKong\s|H\.K\.\s|Singapore\s|N\.Z\.\s)?"
    r"(?:dlrs?|cts|cents)"
    r"|stg|marks|guilders|lire|swiss francs|yen|euroyen|euromarks|eurodollars"
    r"|european\s+currency\s+units|ecus?"
    r"|cruzados|cruzeiros|australs|escudos|pesetas|drachmas|schillings|forints|krona|markka"
    # the singular as an adjective ("a 10 billion peseta loan")
    r"|peseta|escudo|drachma|schilling|guilder|franc|rupee|shilling|intis?)\b",
    re.IGNORECASE,
)
_SPORT_BEFORE = lazy_re(
    r"\b(?:won|win|wins|beat|beats|beating|lost|lose|loses|losing|drew|draw|defeat|defeated"
    r"|victory|score|scored|scoreline|lead|led|trail|trailed|trailing|thrashed|edged|match"
    r"|game|set|sets|final|semi-final|tie|routed|hammered|held|against)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_SPORT_AFTER = lazy_re(
    r"\s*(?:\w+\s+){0,3}(?:win|victory|defeat|loss|draw|lead|on aggregate|home win|away win"
    r"|triumph|thrashing|scoreline)\b",
    re.IGNORECASE,
)
#: A count with no noun before its casualty verb ("over 800 were hurt", "12 have died").
_BARE_TOLL = lazy_re(
    r"\s+(?:were|have|had|are|was)\s+(?:been\s+)?(?:\w+\s+)?"
    r"(?:killed|dead|died|hurt|injured|wounded|missing|drowned|slain)\b",
    re.IGNORECASE,
)
_CASUALTY = re.compile(
    r"\b(?:killed|dead|died|deaths?(?!\s+(?:row|penalty|sentences?|threats?|certificates?))|die"
    r"|dying|injured|injuries|wounded|hurt|casualties|missing"
    r"|victims|bodies|fatalities|massacred|slain|executed|murdered|drowned|lives"
    r"|lost (?:their |his |her )?lives)\b",
    re.IGNORECASE,
)
#: A share that names a group ("the top 1 percent", "the poorest 20%").
GROUP_BEFORE = lazy_re(
    r"\bthe (?:top|bottom|richest|poorest|wealthiest|highest-earning|lowest-earning)\s+$",
    re.IGNORECASE,
)
#: A verb of killing or injuring just before the count ("killing 17 American sailors").
_KILLING = lazy_re(
    r"\b(?:killing|killed|kills|injuring|injured|wounding|wounded|claimed the lives of"
    r"|claiming the lives of|(?:deaths|injuries) (?:of|to))"
    r"\s+(?:at least |more than |over |about |some |nearly |almost |up to |an estimated )?$",
    re.IGNORECASE,
)
_AFFECTED_WORDS = (
    r"(?:were |have been |had been |are )?(?:displaced|fled|homeless|evacuated|arrested|detained"
    r"|affected|infected|rescued|stranded|laid off|sacked|hired|employed|protested|marched)\b"
)
_AFFECTED = lazy_re(_AFFECTED_WORDS, re.IGNORECASE)
#: The same as a verb right before the count ("arrested 13", "evacuated about 15").
_AFFECTING = lazy_re(
    r"\b(?:displaced|evacuated|arrested|detained|infected|rescued|sacked|laid off"
    r"|evacuating|arresting|detaining|rescuing)"
    r"\s+(?:at least |more than |over |about |some |nearly |almost |up to |an estimated )?$",
    re.IGNORECASE,
)
#: The same after the thing counted ("15 people were arrested").
_AFFECTED_AFTER = lazy_re(rf"\s*(?:[\w'’-]+\s+){{0,2}}?{_AFFECTED_WORDS}", re.IGNORECASE)
PEOPLE_NOUNS = frozenset(
    wordlist(
        """people persons civilians residents soldiers troops fighters militants rebels officers
    police policemen personnel children kids women men girls boys students pupils workers
    employees staff jobs patients victims deaths dead casualties injured wounded refugees
    migrants protesters demonstrators prisoners detainees hostages passengers voters members
    families households citizens villagers inhabitants users customers subscribers visitors
    tourists doctors nurses teachers journalists adults babies infants pilgrims supporters
    fans inmates suspects immigrants asylum-seekers workers"""
    )
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


def after_kind(text: str, end: int, percent: bool) -> FigureKind | None:
    """A kind from the words right after a number: "two days", "25 years old", "30 km"."""
    if percent:
        return FigureKind.RECORD if _PERCENT_RECORD().match(text, end) else None
    match = _AFTER.match(text, end)
    if not match:
        return None
    group = match.lastgroup
    return {
        "age": FigureKind.AGE,
        "duration": FigureKind.DURATION,
        "time": FigureKind.TIME,
        "distance": FigureKind.DISTANCE,
        "times": FigureKind.OTHER,
        "sport": FigureKind.SCORE,
        "ratio": FigureKind.COUNT,
        "threshold": FigureKind.RECORD,
        "prize": FigureKind.RECORD,
        "tablemove": FigureKind.MARKET,
        "record": FigureKind.RECORD,
        "market": FigureKind.MARKET,
        "model": FigureKind.OTHER,  # not NAME: pair features still compare it (figure_keys)
    }.get(group or "")


def modifier_kind(text: str, end: int) -> FigureKind | None:
    """A compound modifier: "25-year-old" (age), "10-day" (duration), "15-member" (other)."""
    match = _MODIFIER.match(text, end)
    if not match:
        return None
    if match.group("age"):
        return FigureKind.AGE
    return FigureKind.DURATION if match.group("duration") else FigureKind.OTHER


def is_date(text: str, start: int, end: int) -> bool:
    """A day of the month: "March 6", "6 March", "Feb. 22", "the 21st of May"."""
    return bool(
        MONTH_BEFORE().search(text, max(0, start - 12), start) or _MONTH_AFTER().match(text, end)
    )


#: A money word shortly before an amount, and a currency given earlier in the paragraph.
_MONEY_HEAD = lazy_re(
    r"\b(?:profits?|income|revenues?|sales|earnings|loss(?:es)?|turnover|deficits?|surplus(?:es)?"
    r"|imports|exports|debts?|reserves|budget|spending|costs?|assets|capital|dividends?"
    r"|investments?)\b(?:[^.;]|\.\d){0,80}$",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = lazy_re(
    r"\d\s*(?:mln|billion|million|bln)?\s*(?:dlrs?|stg|yen|marks|francs"
    r"|guilders|lire|dollars|pounds|euros)\b|[$£€¥]\s?\d",
    re.IGNORECASE,
)


def elided_currency(text: str, start: int) -> bool:
    """Whether an amount at ``start`` with no currency of its own takes one given before it:
    a money word before it in its clause, and an amount with a currency earlier in the text."""
    return bool(
        _MONEY_HEAD().search(text, max(0, start - 100), start)
        and _CURRENCY_BEFORE().search(text, max(0, start - 300), start)
    )


#: The last answer of :func:`currency_after`, as (text, end, answer): a money figure's kind and
#: then its extent ask for the same one (one tuple, replaced whole: safe to share between threads).
_last_currency: tuple[str, int, int | None] = ("", -1, None)


def currency_after(text: str, end: int) -> int | None:
    """The end of a currency word right after a number ("5 mln dlrs", "300 euros"), if any."""
    global _last_currency
    last = _last_currency
    if last[1] == end and last[0] is text:
        return last[2]
    match = _CURRENCY_AFTER.match(text, end)
    found = match.end() if match else None
    _last_currency = (text, end, found)
    return found


_VOTE_BEFORE = lazy_re(
    r"\b(?:(?:voted?|votes|voting|ballots?|margin|passed|approved|rejected|confirmed|split)\b"
    r"[^.;]{0,30}"
    # a veto's vote ("overrode Reagan's veto of an 88 billion dlr highway bill, 67-33")
    r"|veto(?:ed|es)?\b[^.;]{0,55})$",
    re.IGNORECASE,
)
_AGE_COMMAS = lazy_re(
    r"(?:[A-Z][\w'’.-]+|\b(?:player|striker|midfielder|defender|forward|winger|goalkeeper"
    r"|captain|batsman|bowler|rider|driver|jockey|boxer|star|actor|actress|singer|man|woman"
    r"|boy|girl|mother|father|son|daughter|wife|husband|teenager|victim|pupil|student|officer"
    r"|soldier|veteran|chef|author|director|presenter))"
    r",\s(?:now\s|then\s|aged\s)?$"
)


#: A vote's tally written with "to" ("The Senate voted 64 to 32 to override", "The vote was 71 to
#: 27", "a favorable vote of 65 to 15"): either number, right after the vote (a range after "from"
#: or "rose" is no tally).
_VOTE_TO_BEFORE = lazy_re(
    r"\b(?:voted|(?:vote|ballot|tally|margin)\s+(?:was|of|is)"
    r"|(?:approved|passed|rejected|confirmed)\s+(?:it\s+)?by)\s+(?P<first>[\d,]+\s+to\s+)?$",
    re.IGNORECASE,
)
_TO_NUMBER = lazy_re(r"\s+to\s+\d")


def vote_tally(text: str, start: int, end: int) -> bool:
    """Whether the plain number at ``start:end`` is one side of a vote's tally ("voted 64 to
    32"): public record."""
    vote = _VOTE_TO_BEFORE().search(text, max(0, start - 50), start)
    return vote is not None and (vote["first"] is not None or bool(_TO_NUMBER().match(text, end)))


def tally_kind(text: str, start: int, end: int) -> FigureKind | None:
    """ "19-15" after a vote word is public record; after a sport word, a score."""
    head = text[max(0, start - 60) : start]
    if _VOTE_BEFORE().search(head):
        return FigureKind.RECORD
    return FigureKind.SCORE if is_score(text, start, end) else None


_APPOSITION_END = lazy_re(r"[,)]|\s?[―—–]\s")


#: A person's age as a clause's complement ("Donald Trump, who is 70."), and an age group
#: ("people under 30", "voters over 65").
_AGE_IS = lazy_re(r"\b(?:who|he|she) (?:is|was|turns|turned|will turn|will be) $", re.IGNORECASE)
_AGE_END = lazy_re(r"\s*(?:[.,;)]|$)")
_AGE_GROUP = lazy_re(
    r"\b(?:people|those|adults|voters|children|kids|men|women|workers|students|anyone|patients"
    r"|residents|Americans|Britons|drivers|users|everyone|aged)"
    r" (?:under|over|above|below|younger than|older than|aged) $",
    re.IGNORECASE,
)


def is_age_apposition(text: str, start: int, end: int, value: float) -> bool:
    """ "Tom Young, 30, lay down ...": a small number between commas (or a comma and a dash)
    right after a name; "Donald Trump, who is 70."; "people under 30"."""
    if value >= 120:
        return False
    head = text[max(0, start - 40) : start]
    search = HEAD_GATES.scan(head).search
    if search(_AGE_GROUP()):
        return True
    if search(_AGE_IS()) and _AGE_END().match(text, end):
        return True
    if _APPOSITION_END().match(text, end) is None:
        return False
    return _AGE_COMMAS().search(text, max(0, start - 40), start) is not None


def is_score(text: str, start: int, end: int) -> bool:
    """A result written "3-1": a sport word before it or a result word after it."""
    head = text[max(0, start - 60) : start]
    return bool(_SPORT_BEFORE().search(head) or _SPORT_AFTER().match(text, end))


#: Units of measure a count can be of ("413,800 tonnes", "60 kilos", "500 MW"): a quantity.
MEASURES = frozenset(
    wordlist(
        """tonnes tonne tons ton kilos kilo kilograms kilogram kg kgs grams gram g lbs lb ounces
    ounce oz litres litre liters liter gallons gallon barrels barrel bbl bpd bushels bushel
    acres acre hectares hectare ha mw gw kw kwh mwh gwh twh megawatts gigawatts cubic sq"""
    )
)
#: A size per item, not a total ("bags of 60 kilos each").
_EACH = lazy_re(r"\s*\S+\s+(?:each|apiece)\b", re.IGNORECASE)


#: Those present at an event: an attendance, which needs no source (FIGURES-POLICY.md).
_ATTENDING = lazy_re(
    r"\s*(?:[\w-]+\s+){0,3}?(?:(?:were|was)\s+(?:present|in\s+attendance)|attended"
    r"|(?:are|were|is|was)\s+(?:expected|due|scheduled|set)\s+to\s+attend)\b"
)
#: Those counted at an event, and the event that had or drew them ("Expo 86 in Vancouver,
#: which alone had more than 22 mln visitors"): an attendance (not a country's tourists, a
#: rally's crowd or a programme's viewers, which are contested or measured by someone).
_ATTENDEES = frozenset(wordlist("visitors spectators attendees fans"))
_EVENT_DRAW = lazy_re(
    r"\b(?:expo|exposition|exhibition|world(?:'s)? fair|trade fair|festival|(?:air|motor|trade"
    r"|boat) show|concert|games|olympics|tournament|championships?|museum|gallery|convention"
    r"|match|final)\b(?:[^.;!?]|\.\d){0,80}?\b(?:had|has|drew|draws|attracted|attracts"
    r"|welcomed|welcomes|received|recorded|pulled in)\b(?:[^.;!?]|\.\d){0,30}$",
    re.IGNORECASE,
)


def attendance(text: str, end: int, counted: str) -> bool:
    """Whether the count ending at ``end`` of ``counted`` (lowered) is an event's attendance."""
    return counted in _ATTENDEES and _EVENT_DRAW().search(text, max(0, end - 160), end) is not None


_MEETING = lazy_re(
    r"\bmet(?:\s+with)?\s+(?:more\s+than\s+|about\s+|some\s+|around\s+)?$"
    # those at a meeting by where they came from ("Representatives from 26 Latin American
    # countries ended a United Nations trade meeting")
    r"|\b(?:representatives|delegates|delegations|envoys|ministers|leaders|officials)\s+from\s+"
    r"(?:more\s+than\s+|about\s+|some\s+|around\s+)?$",
    re.IGNORECASE,
)


def count_kind(
    text: str, end: int, counted: str, value: float, spelled: bool, head: str = ""
) -> FigureKind:
    """A count: of casualties, of people, a small routine count, or of something else."""
    if spelled and value < 10:
        return FigureKind.SPELLED_SMALL
    if value < 10:
        return FigureKind.SMALL_COUNT
    after = text[end : end + 60]
    word = counted.lower()
    if _CASUALTY.fullmatch(word) or (word in PEOPLE_NOUNS and _CASUALTY.search(after[:50])):
        return FigureKind.CASUALTY
    if _BARE_TOLL().match(after):
        return FigureKind.CASUALTY  # "189 people died and over 800 were hurt"
    search = HEAD_GATES.scan(head).search  # each pattern's search of the head
    if search(_KILLING()):
        return FigureKind.CASUALTY  # "killing 17 American sailors"
    if spelled and value < 20 and word not in PEOPLE_NOUNS:
        return FigureKind.SPELLED_SMALL  # "Eleven contracts were terminated"
    if word in MEASURES and _EACH().match(after):
        return FigureKind.OTHER  # "2,000 bags of 60 kilos each": the size of one bag
    if (
        value < 20
        and not spelled
        and not _AFFECTED_AFTER().match(after)
        and not _CASUALTY.search(after[:50])  # "Between 10 and 15 people died"
        and not search(_AFFECTING())  # "Police arrested 13 security personnel"
    ):
        # a small routine count ("The 12 men were accused", "his 16 opponents", "from 10
        # countries"); people arrested, displaced or laid off still count as affected
        return FigureKind.SMALL_COUNT
    if _ATTENDING().match(after) or search(_MEETING()):
        return FigureKind.RECORD  # an attendance ("About 300 people were present")
    if attendance(text, end, word):
        return FigureKind.RECORD  # an event's attendance ("the fair had 22,000 visitors")
    if word in _LEGISLATORS and value <= _CHAMBER:
        return FigureKind.RECORD  # "33 Senate Democrats", "100 MPs": a roll anyone can check
    if word in PEOPLE_NOUNS or _AFFECTED().match(after.lstrip()):
        return FigureKind.PEOPLE
    return FigureKind.COUNT


#: Members of a legislature: how many of them voted, signed or rebelled is public record (up to
#: the size of a chamber; "30 million Republicans" are voters).
_LEGISLATORS = frozenset(
    wordlist(
        """senators democrats republicans mps lawmakers legislators congressmen congresswomen
    representatives deputies peers councillors councilors tories"""
    )
)
_CHAMBER = 700


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
        _AGE_CONTEXT(),
        GROUP_BEFORE(),
        _AGE_GROUP(),
        _AGE_IS(),
        _KILLING(),
        _AFFECTING(),
        _MEETING(),
    )
)
