"""Regular expressions compiled on first use.

A module-level ``re.compile`` runs at import, for every run, whether or not a document ever
reaches the code that uses the pattern; some of the figure recogniser's context patterns are
large (compiling one costs more than a millisecond). ``NAME = lazy_re(r"...", flags)`` keeps the
pattern's text where it is read and compiles it the first time ``NAME()`` is called (once per
process: the getter is cached). Same pattern, same flags, same matches.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable


def lazy_re(pattern: str, flags: int | re.RegexFlag = 0) -> Callable[[], re.Pattern[str]]:
    """A getter of ``re.compile(pattern, flags)``, compiled on its first call."""

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
