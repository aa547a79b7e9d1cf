"""Default option values of the ``figures`` kind: cue lists and user exclusions.

The rules (``rules/unattributed-figure.yaml``, ``rules/vague-attribution.yaml``) list their cues as
data; these are the defaults when a rule leaves an option out. What a number *is* (a year, an age,
a name) is decided by the recogniser (:mod:`lint.text.numbers`); ``not_before`` and ``not_after``
are extra exclusions a rule may add, empty by default.
"""

from __future__ import annotations

from lint.text.tokens import wordlist

#: Reporting cues: a source (named, or a category of speaker: "analysts say") gives the figure.
DEFAULT_CUES: tuple[str, ...] = wordlist(
    """said|says|say|saying|told|tells|according to|reported|estimated|estimates
    |announced|announces|confirmed|confirms|stated|claimed that|claims that|added|adding|noted
    |notes|showed|shows|show|found|finds|figures show|data show|statistics show|projected
    |projects|projecting|forecast|forecasts|forecasting|predicted|predicts|expects|expected
    |verified|disclosed|discloses|citing|cited|quoted|quoting|wrote|writes|posted|warned
    |warns|revealed|reveals|recorded|registered|counted|calculated|calculates|suggested
    |suggests|indicated|indicates|published|tweeted|testified|acknowledged|admitted|insisted
    |argued|authorized|authorised|approved|reporting|announcing|estimating|guesstimating|guesstimated|guesstimates
    |predicting
    |warning|compiled|tallied|filed|figures from|data from|statistics from|in a statement|sees
    |anticipates|predict|expect|estimate that|project that|reckon|reckons|reckoned
    |analysts estimate|economists estimate|traders estimate|dealers estimate|experts estimate
    |officials estimate|analysts project|economists project|forecasters project|analysts see
    |economists see|traders see|dealers see
    |forecasters|put the toll at|put the death toll at|puts the toll at|puts the death toll at
    |allege|alleges|alleged that|announce|concluded that|concludes that|ruled that|called for
    |calls for|called on|calls on|ordered|noting|insisting
    |emphasized|emphasised|highlighted|stressed|underscored|pointed out|explained|mentioned
    |asserted|affirmed|remarked|declared|reiterated|maintained that|contended|commented
    |conceded|clarified|specified|observed that|note that
    |complained|denied|denies|threatened to|threatens to|pressing for|pushing for
    |foresees|foresee|envisages|envisage|envisaged|envisions
    |guesses|estimates ranged|estimates range|attribute
    |maintain that|maintains that|their demand for|its demand for|demands for|expecting
    |proposed to|raised its estimate|lowered its estimate|cut its estimate|revised its estimate
    |raised its forecast|lowered its forecast|cut its forecast|revised its forecast
    |lifted its estimate|increased its estimate|reduced its estimate|trimmed its estimate
    |lifted its forecast|increased its forecast|reduced its forecast|trimmed its forecast
    |claimed they|claims they|claim they|recommended that|recommended raising
    |recommended cutting|recommended increasing|recommended reducing""",
    "|",
)
#: Agentless cues: they sound sourced but name no one.
DEFAULT_VAGUE_CUES: tuple[str, ...] = (
    "reports suggest",
    "reports indicate",
    "reports say",
    "reports said",
    "it is believed",
    "it is thought",
    "it is estimated",
    "it is reported",
    "it is expected",
    "it is understood",
    "is expected",
    "are expected",
    "is tipped",
    "are tipped",
    "is estimated",
    "are estimated",
    "is guesstimated",
    "are guesstimated",
    "an estimated",
    "is believed",
    "are believed",
    "is thought",
    "are thought",
    "is said",
    "are said",
    "reportedly",
    "allegedly",
    "sources say",
    "sources said",
    "some say",
    "some estimates",
    "by some estimates",
    "by one estimate",
    "estimates suggest",
    "according to reports",
    "according to some",
    "according to sources",
    "have heard",
    "has heard",
    "it has been reported",
    "has been reported",
    "widely reported",
    "is widely believed",
    "is rumoured",
    "is rumored",
    "are rumoured",
    "are rumored",
    "was rumoured",
    "was rumored",
    "were rumoured",
    "were rumored",
    "rumours",
    "rumors",
    "speculation that",
    "there was speculation",
    "over claims that",
    "amid claims that",
    "one study found",
    "a study found",
    "studies show",
    "research shows",
    "research suggests",
    "a study shows",
    "a study showed",
    "a study suggests",
    "one study shows",
    "one study showed",
    "one study suggests",
    "a survey found",
    "a survey shows",
    "a survey showed",
    "a survey suggests",
    "one survey found",
    "one survey shows",
    "one survey showed",
    "one survey suggests",
    "a poll found",
    "a poll shows",
    "a poll showed",
    "a poll suggests",
    "one poll found",
    "one poll shows",
    "one poll showed",
    "one poll suggests",
    "a report found",
    "a report shows",
    "a report showed",
    "a report suggests",
    "one report found",
    "one report shows",
    "one report showed",
    "one report suggests",
)
#: A rate's denominator ("27.50 marks per 100 kilos", "per 1,000 people") is no claim.
DEFAULT_NOT_BEFORE: tuple[str, ...] = ("per",)
DEFAULT_SPELLED_NOT_BEFORE: tuple[str, ...] = (
    "the",
    "these",
    "those",
    "both",
    "all",
    "its",
    "their",
    "his",
    "her",
    "our",
    "each",
    "every",
    "other",
    "'s",
    "’s",
)
DEFAULT_TABLE_MARKERS: tuple[str, ...] = (r"\bvs\b", r"^\s*note\s*:")
#: A ship's tonnage is its specification ("The Cyprus vessel Fearless, 31,841 tonnes dw").
DEFAULT_NOT_AFTER: tuple[str, ...] = (
    r"(?:tonnes?|tons?|t)?\s*(?:dw|dwt|deadweight|grt|gross registered tons?|gross tons?)\b",
)
