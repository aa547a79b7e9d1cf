"""What a count counts, from the words around it (part of :mod:`lint.text.figure_context`):
casualties, people affected, an attendance or a legislature's members (public record), a
quantity of a unit of measure, a small routine count, or something else."""

from __future__ import annotations

import re

from lint.text.figure_context import HEAD_GATES, FigureKind
from lint.text.lazy_re import lazy_re
from lint.text.tokens import wordlist

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


HEAD_GATES.add(lambda: (_KILLING(), _AFFECTING(), _MEETING()))
