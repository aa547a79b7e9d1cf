"""The options of the pair kinds, apart from their checks.

A rule's options are part of the rule set the start-up cache keeps (``lint.engine.rulecache``),
and unpickling one imports the module its class lives in. Here, that is this small module, not the
kind's: the pair kinds' checks (and the tracking support, quotes and names code they import) load
only when a run has a rewrite with an original to check. Each kind module names its class
``Options``, as every kind does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lint.kinds import phrases


@dataclass(frozen=True)
class NewFiguresOptions:
    """No options: figures compare by normalised value."""


@dataclass(frozen=True)
class NewNamesOptions:
    """No options: see :mod:`lint.tracking.support.names` for how names compare."""


@dataclass(frozen=True)
class NewPhrasesOptions(phrases.Options):
    everywhere: phrases.Options = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        base = phrases.Options(self.lexicon, self.ignore_case, skip_quotes=False)
        object.__setattr__(self, "everywhere", base)


@dataclass(frozen=True)
class QuoteDiffOptions:
    """No options: see :mod:`lint.tracking.support.quotes` for what counts as near-verbatim."""


@dataclass(frozen=True)
class TrackingOptions:
    threshold: float = 0.5
    drivers: int = 3

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise ValueError("threshold must be between 0 and 1")
        if self.drivers < 1:
            raise ValueError("drivers must be at least 1")
