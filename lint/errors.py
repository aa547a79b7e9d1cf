"""Errors that stop a run or skip one input, each with a one-line message.

One hierarchy: :class:`NewslintError` and its four kinds, by where the problem is."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import Any


class NewslintError(Exception):
    """Base class: ``str(err)`` is the one-line message shown to the user (exit 2)."""


class ConfigError(NewslintError):
    """A configuration file, command-line option, baseline or tracking model is invalid (exit 2,
    before any document is read)."""


class RuleError(NewslintError):
    """A rule file is invalid (exit 2, before any document is read)."""


class InputError(NewslintError):
    """One input file cannot be read; the run goes on with the others."""


class OutputError(NewslintError):
    """A file newslint writes (report, baseline, fix, cache) cannot be written."""


class InternalError(NewslintError):
    """A bug: newslint itself failed (exit 2, never 1, which means findings). The message is one
    line naming where (a file, a rule) and the exception."""

    @classmethod
    def of(cls, err: BaseException, where: str = "") -> InternalError:
        if isinstance(err, InternalError):
            return err
        detail = " ".join(str(err).split())[:200]
        what = f"{type(err).__name__}: {detail}" if detail else type(err).__name__
        prefix = f"{where}: " if where else ""
        return cls(f"{prefix}internal error ({what}); please report it")


@contextlib.contextmanager
def terminated_as_exit() -> Iterator[None]:
    """SIGTERM raises ``SystemExit(143)`` while the block runs (in the main thread), so the run
    stops its workers and exits quietly instead of dying with them mid-write."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
