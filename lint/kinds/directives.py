"""Kind ``directives``: findings about suppression directives, made by :mod:`lint.engine.suppress`.

Its level is ``post``: the engine never runs it (it has no ``check``). Rules of this kind exist so
that findings about directives (``invalid-directive``, ``unused-directive``) are documented,
selected, ignored and given a severity like any rule's. Their message template gets ``problem``.
"""

from __future__ import annotations

from dataclasses import dataclass

from lint.kinds.base import Kind, Scope


@dataclass(frozen=True)
class Options:
    """No options."""


KIND = Kind("directives", Scope.POST, Options, None)
