"""Errors that stop a run or skip one input, each with a one-line message."""

from __future__ import annotations


class NewslintError(Exception):
    """Base class: ``str(err)`` is the one-line message shown to the user."""


class ConfigError(NewslintError):
    """A configuration file or command-line option is invalid (exit 2)."""


class RuleError(NewslintError):
    """A rule file is invalid (exit 2, before any document is read)."""


class InputError(NewslintError):
    """One input file cannot be read; the run goes on with the others."""
