"""Demonyms for :mod:`lint.tracking.support.names`: irregular ones, and the person forms
("Englishman") whose demonym part supports a rewrite's "English"."""

from __future__ import annotations

#: Irregular demonyms: a name word here is supported by any of the words it maps to.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "scottish": ("scotland", "scot", "scots"),
    "scot": ("scotland", "scottish"),
    "english": ("england",),
    "british": ("britain", "uk"),
    "briton": ("britain", "uk"),
    "welsh": ("wales",),
    "irish": ("ireland",),
    "french": ("france",),
    "dutch": ("netherlands", "holland"),
    "swiss": ("switzerland",),
    "greek": ("greece",),
    "spanish": ("spain",),
    "danish": ("denmark",),
    "swedish": ("sweden",),
    "finnish": ("finland",),
    "polish": ("poland",),
    "turkish": ("turkey", "turkiye"),
    "thai": ("thailand",),
    "filipino": ("philippines",),
    "afghan": ("afghanistan",),
    "kurdish": ("kurd", "kurds", "kurdistan"),
    "american": ("america", "us", "usa"),
    "emirati": ("emirates", "uae"),
    "saudi": ("saudi", "arabia"),
    "israeli": ("israel",),
    "palestinian": ("palestine", "palestinians"),
    "pakistani": ("pakistan",),
    "bangladeshi": ("bangladesh",),
    "chinese": ("china",),
    "vietnamese": ("vietnam",),
    "portuguese": ("portugal",),
    "norwegian": ("norway",),
    "belgian": ("belgium",),
    "argentine": ("argentina",),
    "peruvian": ("peru",),
    "kiwi": ("zealand",),
}
#: "Englishman", "Scotswoman": a demonym and a word for the person
PERSON_ENDS = ("woman", "women", "man", "men")
DEMONYM_STEMS = frozenset(DEMONYMS) | {"scots"}
