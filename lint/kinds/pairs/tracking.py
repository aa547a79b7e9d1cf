"""Kind ``tracking``: a rewrite whose tracking score against its original is below a threshold,
that tracks none of the declared originals, or whose declared source is missing.

A thin adapter over :mod:`lint.tracking.pairing` and :mod:`lint.tracking`; one hit per rewrite,
spanning its first selected block (the headline, usually).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from lint.core.document import Block, Document, Span
from lint.core.finding import Hit
from lint.kinds.base import Kind, Scope
from lint.kinds.pairs.options import TrackingOptions as Options
from lint.tracking.explain import reasons
from lint.tracking.model import Score
from lint.tracking.pairing import MISSING, UNMATCHED, Pair


def _where(pair: Pair, blocks: Sequence[Block]) -> Span:
    first = blocks[0] if blocks else (pair.rewrite.blocks[0] if pair.rewrite.blocks else None)
    return first.span if first else Span(0, 0)


def check(pair: Pair, blocks: Sequence[Block], options: Options) -> Iterator[Hit]:
    span = _where(pair, blocks)
    if pair.how == MISSING:
        yield _missing(pair, span, options)
        return
    score, nearest = pair.score, pair.nearest
    if score is None or nearest is None or score.score >= options.threshold:
        return
    yield Hit(span, _values(pair, score, options), _data(pair, score, nearest, options))


def _missing(pair: Pair, span: Span, options: Options) -> Hit:
    """The hit of a rewrite whose declared source is not in the corpus."""
    values = {
        "problem": "cannot be checked against its original",
        "detail": f"its declared source '{pair.declared}' is not in the corpus; add that report"
        " to the files checked, or correct the source the rewrite declares",
        "score": "n/a",
        "threshold": f"{options.threshold:.2f}",
        "original": pair.declared,
        "baseline": "n/a",
        "drivers": "",
    }
    return Hit(span, values, {"source": pair.declared, "matched_by": pair.how})


def _values(pair: Pair, score: Score, options: Options) -> dict[str, Any]:
    """The message values of a rewrite that scores below the threshold."""
    problem = (
        "tracks none of the declared originals"
        if pair.how == UNMATCHED
        else "does not track its original"
    )
    values = {
        "problem": problem,
        "score": f"{score.score:.2f}",
        "threshold": f"{options.threshold:.2f}",
        "original": " + ".join(
            o.path + (f" (record {o.record})" if o.record else "") for o in pair.sources
        ),
        "baseline": f"{score.baseline:.2f}",
        "drivers": "; ".join(reasons(score, options.drivers, against=True)),
    }
    values["detail"] = (
        "score {score} against {original} (threshold {threshold}, baseline {baseline}): {drivers}"
    ).format_map(values)
    return values


def _data(pair: Pair, score: Score, nearest: Document, options: Options) -> dict[str, Any]:
    """The extra data of a rewrite that scores below the threshold."""
    return {
        "score": round(score.score, 4),
        "threshold": options.threshold,
        "label": score.label,
        "original": nearest.path,
        "original_record": nearest.record,
        "originals": [o.path for o in pair.sources],
        "baseline": round(score.baseline, 4),
        "reasons": reasons(score, len(score.contributions)),
        "matched_by": pair.how,
        "features": {c.feature: round(c.value, 4) for c in score.contributions},
        "contributions": {c.feature: round(c.contribution, 4) for c in score.contributions},
    }


KIND = Kind("tracking", Scope.PAIR, Options, check)
