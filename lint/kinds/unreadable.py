"""Kind ``unreadable``: a file (or JSONL record) that could not be read into a document.

Its level is ``post``: the engine never runs it (there is no document to run it on). The run
pipeline makes its findings from what the readers report (:class:`lint.io.files.Unreadable`),
see :mod:`lint.engine.unreadable`. The rule exists so that these findings are documented,
selected, ignored and given a severity like any rule's. Its message template gets ``problem``.
"""

from __future__ import annotations

from dataclasses import dataclass

from lint.kinds.base import Kind, Scope


@dataclass(frozen=True)
class Options:
    """No options."""


KIND = Kind("unreadable", Scope.POST, Options, None)
