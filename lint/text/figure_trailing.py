"""What a number is by the words right after it (part of :mod:`lint.text.figure_context`): a
unit or a measure ("two days", "25 years old", "30 km", "the 6300 personal computer"), a
compound modifier ("25-year-old", "10-day") and a percentage that is public record ("42 pct of
the vote", "a 25% tariff")."""

from __future__ import annotations

import re

from lint.text.figure_context import FigureKind
from lint.text.lazy_re import lazy_re

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
