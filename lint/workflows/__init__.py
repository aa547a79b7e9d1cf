"""One module per command: check, fix, report (HTML), explain (rules, explain), track (score,
train). Each takes the parsed arguments and returns an :class:`ExitStatus`; all linting goes
through :mod:`lint.engine.run`; :mod:`lint.workflows.session` runs every command."""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """What the command's exit code means."""

    CLEAN = 0  # nothing to report (or --exit-zero)
    FINDINGS = 1  # findings at or above the failing severity
    ERROR = 2  # a configuration, rule, input or output error
    INTERRUPTED = 130  # Ctrl-C


#: The most worker processes ``--jobs`` starts on one machine: each holds every rule and a share
#: of the documents, so thousands of them (a typo: ``--jobs 1000``) would exhaust memory or the
#: process limit long before they helped. ``--engine ray`` spreads work over a cluster instead.
MAX_JOBS = 256


def jobs_value(value: str) -> int:
    """``--jobs``: a positive number, or ``auto`` (one process per CPU, at most
    :data:`MAX_JOBS`)."""
    import argparse  # not at import: argparse's gettext compiles a pattern (see workflows.session)

    if value == "auto":
        from lint.engine.parallel import cpu_count

        return min(cpu_count(), MAX_JOBS)
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number or 'auto', not {value!r}")
    return int(value)


def check_local_jobs(jobs: int) -> None:
    """Refuse (exit 2) more than :data:`MAX_JOBS` worker processes on this machine."""
    if jobs > MAX_JOBS:
        from lint.engine.parallel import cpu_count
        from lint.errors import InputError

        raise InputError(
            f"--jobs {jobs}: at most {MAX_JOBS} worker processes on one machine "
            f"(this one has {cpu_count()} CPUs; --jobs auto uses one per CPU)"
        )
