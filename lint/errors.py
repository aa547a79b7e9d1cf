"""Errors that stop a run or skip one input, each with a one-line message.

One hierarchy: :class:`NewslintError` and its four kinds, by where the problem is."""

from __future__ import annotations


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
