"""A tracking score in an editor's words: one short sentence per feature the model uses.

Each sentence says what was measured ("62% of its content words appear in the original"), from
the counts in :class:`~lint.tracking.features.Evidence` where there are counts; the contribution
says whether it raised or lowered the score against the baseline (a pair at the training mean).
"""

from __future__ import annotations

from lint.tracking.features import Evidence
from lint.tracking.model import Contribution, Score


def _pct(value: float) -> str:
    return f"{round(value * 100)}%"


def _of(found: int, total: int, noun: str, plural: str, where: str) -> str:
    if total == 0:
        return f"it has no {plural} to compare"
    return f"{found} of its {total} {noun if total == 1 else plural} {where}"


_SHARES = {
    "containment_1": "of its words appear in the original",
    "content_containment": "of its content words appear in the original",
    "containment_2": "of its word pairs appear in the original",
    "containment_3": "of its three-word phrases appear in the original",
    "containment_5": "of its five-word phrases appear in the original",
    "containment_8": "of its eight-word runs are copied from the original",
    "coverage_8": "of its text is in passages copied word for word",
    "function_containment_4": "of its sentence shapes (function-word runs) appear in the original",
}


def sentence(contribution: Contribution, evidence: Evidence | None) -> str:
    """What ``contribution``'s feature measured, in words."""
    name, value = contribution.feature, contribution.value
    if name in _SHARES:
        if name == "content_containment" and evidence and evidence.content[1]:
            found, total = evidence.content
            return f"{_pct(value)} of its content words ({found} of {total}) appear in the original"
        return f"{_pct(value)} {_SHARES[name]}"
    if name == "sentence_match":
        closest = "with the original's closest passage"
        return f"its sentences share {_pct(value)} of their content words {closest}"
    if evidence is None:
        return f"{name} is {value:.2f}"
    return _counted(name, value, evidence)


def _counted(name: str, value: float, evidence: Evidence) -> str:
    """What a feature counted in ``evidence`` measured, in words."""
    if name == "aligned_sentences":
        return _of(
            evidence.aligned,
            evidence.sentences,
            "sentence",
            "sentences",
            "follow a passage of the original",
        )
    if name == "in_order":
        return _of(
            evidence.in_order,
            evidence.sentences,
            "sentence",
            "sentences",
            "follow the original in its order",
        )
    if name == "name_share":
        return _names(evidence)
    if name == "figure_share":
        return _of(*evidence.figures, "figure", "figures", "appear in the original")
    if name == "quote_share":
        return _of(*evidence.quotes, "quotation", "quotations", "are in the original")
    return f"{name} is {value:.2f}"  # pragma: no cover - every feature has a sentence


def _names(evidence: Evidence) -> str:
    """The share of names found in the original, with a few of those it lacks."""
    found, total = evidence.names
    text = _of(found, total, "name", "names", "appear in the original")
    missing = total - found
    if missing and total:
        examples = ", ".join(evidence.missing_names[:3])
        text += f"; it names {missing} the original does not ({examples})"
    return text


def reasons(score: Score, count: int = 3, against: bool = False) -> list[str]:
    """The ``count`` strongest drivers as sentences; with ``against``, those that lowered the
    score first (why a rewrite does not track)."""
    items = list(score.contributions)
    if against:
        items.sort(key=lambda c: (c.contribution >= 0, -abs(c.contribution)))
    return [sentence(c, score.evidence) for c in items[:count]]


def summary(score: Score, count: int = 3, against: bool = False) -> str:
    """One line: the drivers, then the baseline."""
    return "; ".join(reasons(score, count, against)) + f" (baseline {score.baseline:.2f})"


def lines(score: Score) -> list[str]:
    """Every feature the model uses, strongest first, with whether it raised or lowered the
    score: ``+1.2  62% of its content words appear in the original``."""
    return [f"{c.contribution:+5.1f}  {sentence(c, score.evidence)}" for c in score.contributions]
