"""Text shown on a terminal or in a CI log: characters that could move the cursor, colour or
clear the screen, end a line early or reorder what is shown are written as escapes instead.

File names and article text (a finding's message quotes it) come from people the corpus owner
does not control; ``\\x1b[2J`` in an article must print as those characters, not clear the
reviewer's screen. Machine formats (JSON, XML) escape by their own rules and keep text exact.
"""

from __future__ import annotations

import re

#: C0 controls (tab and newline too: one finding is one line), DEL, C1 controls, the bidirectional
#: embeddings, overrides and isolates, the direction marks, and the line and paragraph separators.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with each control character as ``\\xNN`` (or ``\\uNNNN``); unchanged (the same
    object) when it has none."""
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(_escape, text)
