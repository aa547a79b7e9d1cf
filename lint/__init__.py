"""newslint: a corpus quality linter for generated news."""

__version__ = "0.1.0"
