"""A one-line progress bar on stderr for long runs: ``\\r``-updated, cleared at the end.

It stays silent for the first half second (a short run never shows it) unless many documents are
to be linted, redraws at most ten times a second, and is only created for a terminal.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import TextIO

DELAY = 0.5  # seconds before the bar appears
EAGER = 500  # documents to lint from which the bar appears at once
_INTERVAL = 0.1  # seconds between redraws
_WIDTH = 24  # characters of the bar itself


class Progress:
    """Counts documents done out of a total that grows as groups are read.

    With ``stream`` None it only counts (piped output, machine formats).
    """

    def __init__(self, stream: TextIO | None, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._clock = clock
        self._start = clock()
        self._last = -1.0
        self._shown = False
        self.total = 0
        self.done = 0
        self.label = "linting"

    def add(self, count: int) -> None:
        self.total += count

    def advance(self, count: int = 1) -> None:
        self.done += count
        self._draw()

    def stage(self, label: str) -> None:
        self.label = label
        self._draw(force=True)

    def _due(self, now: float) -> bool:
        if self._shown:
            return True
        return now - self._start >= DELAY or self.total >= EAGER

    def _draw(self, force: bool = False) -> None:
        now = self._clock()
        if self._stream is None or not self._due(now):
            return
        if not force and now - self._last < _INTERVAL and self.done < self.total:
            return
        filled = _WIDTH * self.done // self.total if self.total else _WIDTH
        bar = "#" * filled + "-" * (_WIDTH - filled)
        text = f"newslint: [{bar}] {self.done}/{self.total} documents, {self.label}"
        columns = shutil.get_terminal_size((80, 24)).columns
        self._stream.write("\r" + text[: max(columns - 1, 10)])
        self._stream.flush()
        self._shown, self._last = True, now

    def close(self) -> None:
        """Clear the line, so whatever stderr prints next starts clean."""
        if self._stream is not None and self._shown:
            columns = shutil.get_terminal_size((80, 24)).columns
            self._stream.write("\r" + " " * max(columns - 1, 10) + "\r")
            self._stream.flush()
            self._shown = False
