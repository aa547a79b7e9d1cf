"""One module per command: check, fix, report (HTML), explain (rules, explain), track (score,
train). Each takes the parsed arguments and returns an :class:`ExitStatus`; all linting goes
through :mod:`lint.engine.run`."""

from __future__ import annotations

import argparse
import enum


class ExitStatus(enum.IntEnum):
    """What the command's exit code means."""

    CLEAN = 0  # nothing to report (or --exit-zero)
    FINDINGS = 1  # findings at or above the failing severity
    ERROR = 2  # a configuration, rule, input or output error
    INTERRUPTED = 130  # Ctrl-C


def jobs_value(value: str) -> int:
    """``--jobs``: a positive number, or ``auto`` (one process per CPU)."""
    if value == "auto":
        from lint.engine.parallel import cpu_count

        return cpu_count()
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number or 'auto', not {value!r}")
    return int(value)
