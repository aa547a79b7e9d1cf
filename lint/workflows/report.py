"""``newslint report``: a static HTML report for editors (index and one page per article)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.engine.run import lint_paths
from lint.workflows import ExitStatus, check
from lint.workflows.output import count, print_errors, print_warnings

if TYPE_CHECKING:
    from lint.html import TrackingInfo
    from lint.tracking.pairing import Pair


def _tracking_for(pairs: Sequence[Pair]) -> dict[str, TrackingInfo]:
    """Each paired rewrite's score against its original (or nearest one), for the report."""
    from lint.html import TrackingInfo, document_key
    from lint.tracking.explain import reasons

    return {
        document_key(p.rewrite): TrackingInfo(
            p.nearest.path,
            p.nearest.text,
            p.score.score,
            p.score.label,
            p.score.baseline,
            tuple(
                f"{c.contribution:+.1f}: {r}"
                for c, r in zip(
                    p.score.contributions, reasons(p.score, len(p.score.contributions)), strict=True
                )
            ),
        )
        for p in pairs
        if p.nearest is not None and p.score is not None
    }


def run(args: argparse.Namespace) -> ExitStatus:
    from lint.html import articles, write_report  # only this command needs it

    result = lint_paths(args.paths, check.options(args, keep_documents=True))
    print_warnings(result.warnings)
    print_errors(result.errors)
    docs = {rule.id: rule.docs for rule in result.rules}
    pages = articles(result.documents, list(result.findings), _tracking_for(result.pairs))
    written = write_report(args.output, pages, docs)
    print(f"Wrote {count(len(written) - 1, 'article page')} and {written[0].as_posix()}")
    return ExitStatus.ERROR if result.errors else ExitStatus.CLEAN
