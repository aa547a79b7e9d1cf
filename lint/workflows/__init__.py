"""One module per command: check, fix, report (HTML), explain (rules, explain), track (score,
train). Each takes the parsed arguments and returns an :class:`ExitStatus`; all linting goes
through :mod:`lint.engine.run`."""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """What the command's exit code means."""

    CLEAN = 0  # nothing to report (or --exit-zero)
    FINDINGS = 1  # findings at or above the failing severity
    ERROR = 2  # a configuration, rule, input or output error
    INTERRUPTED = 130  # Ctrl-C
