"""An agentless forecast in a paragraph continuing a source's account is that source's, also
when the cue is wrapped over a line break (newswire text wraps its lines)."""

from __future__ import annotations

from lint.kinds.figures_carry import _speakers


def test_wrapped_agentless_forecast_is_the_speakers() -> None:
    assert _speakers("is\nexpected", lambda: False)
    assert _speakers("It is\nexpected", lambda: False)


def test_wrapped_passive_estimate_needs_an_estimate_before() -> None:
    assert not _speakers("are\nestimated", lambda: False)
    assert _speakers("are\nestimated", lambda: True)
    assert _speakers("is guesstimated", lambda: True)


def test_other_vague_cues_are_not_the_speakers() -> None:
    assert not _speakers("sources said", lambda: True)
    assert not _speakers("an estimated", lambda: True)
