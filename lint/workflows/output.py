"""What every command prints: the report to stdout or ``--output``, errors and warnings."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from lint.errors import OutputError
from lint.io.atomic import write_atomic


def emit(output: Path | None, text: str | bytes) -> None:
    """``text`` to stdout, or to the ``--output`` file (its folders created); bytes (a binary
    format) go to a file only."""
    if not output:
        if isinstance(text, bytes):
            raise OutputError("a binary format is written to a file: give --output FILE")
        sys.stdout.write(text)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(output, text)
    except OSError as err:
        raise OutputError(f"--output: cannot write {output.as_posix()} ({err.strerror})") from None


def print_errors(errors: Iterable[str]) -> None:
    for error in errors:
        print(f"newslint: error: {error}", file=sys.stderr)


def print_warnings(warnings: Iterable[str]) -> None:
    for warning in warnings:
        print(f"newslint: warning: {warning}", file=sys.stderr)


def count(n: int, word: str = "finding") -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
