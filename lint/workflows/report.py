"""``newslint report``: a static HTML report for editors (an index that triages the articles, and
one viewer that renders each of them).

Linting goes through the one run pipeline with the cache (as ``check``). When the output folder
holds a report and the cache holds the finished findings, a quick run (nothing parsed) gives the
findings; if they, the files' bytes, the rules' docs and the tracking model are what the report was
built from (its manifest's key), the report is left as it is. Otherwise the documents are parsed
(per-document findings still come from the cache) and the report is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from lint.io.files import read_regular
from lint.workflows import ExitStatus, check_local_jobs, jobs_value

if TYPE_CHECKING:
    from lint.engine.outcome import Run
    from lint.engine.rules import Rule
    from lint.engine.run import Options
    from lint.html import TrackingInfo
    from lint.tracking.pairing import Pair


def add_arguments(report: argparse.ArgumentParser) -> None:
    """The report's own options (besides the shared lint options)."""
    report.add_argument("--output", type=Path, required=True, metavar="DIR", help="report folder")
    report.add_argument(
        "--jobs",
        type=jobs_value,
        default=1,
        metavar="N",
        help="processes (default 1; 'auto': per CPU)",
    )
    report.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    report.add_argument("--cache-dir", type=Path, metavar="DIR", help="cache folder")


def document_rules(rules: Sequence[Rule]) -> set[str]:
    """The rules whose findings can be about a whole article (shown as banners)."""
    from lint.kinds.base import Scope

    return {r.id for r in rules if r.level is Scope.DOCUMENT}


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


def inputs_key(result: Run) -> str:
    """What a report is built from: the findings, the files' bytes, the rules and their docs,
    the tracking models, newslint's version."""
    # (imported here: the command line imports this module for its options; ~3 ms of every run)
    import importlib.resources

    from lint import __version__
    from lint.tracking.model import model_bytes

    digest = hashlib.sha256(__version__.encode())
    html = importlib.resources.files("lint.html")
    for item in sorted(html.iterdir(), key=lambda i: i.name):  # the report's own code and assets
        if item.name.endswith((".py", ".js", ".css")):
            digest.update(item.name.encode() + item.read_bytes())
    for finding in result.findings:
        digest.update(json.dumps(finding.as_dict(), sort_keys=True, default=str).encode())
    for path in sorted(result.paths):
        try:
            digest.update(path.encode() + hashlib.sha256(read_regular(path)).digest())
        except OSError:
            digest.update(f"{path}: unreadable".encode())
    for rule in result.rules:
        digest.update(json.dumps([rule.id, dict(rule.docs)], sort_keys=True, default=str).encode())
    for part in result.parts:
        model = part.group.config.tracking_model
        try:
            digest.update(model_bytes(str(model) if model else None))
        except OSError:
            digest.update(b"unreadable model")
    return digest.hexdigest()


def _options(args: argparse.Namespace) -> Options:
    from lint.workflows import check

    return check.options(
        args,
        jobs=getattr(args, "jobs", 1),
        cache=not getattr(args, "no_cache", True),
        cache_dir=getattr(args, "cache_dir", None),
    )


def run(args: argparse.Namespace) -> ExitStatus:
    from lint.engine.run import lint_paths
    from lint.html import articles, has_manifest, up_to_date, write_report
    from lint.workflows.output import count, print_errors, print_warnings

    check_local_jobs(args.jobs)
    options = _options(args)
    output: Path = args.output
    if options.cache and has_manifest(output):
        quick = lint_paths(args.paths, options)  # from the cache: nothing parsed
        if not quick.errors and not quick.documents and up_to_date(output, inputs_key(quick)):
            print_warnings(quick.warnings)
            print(f"Report up to date: {(output / 'index.html').as_posix()}")
            return ExitStatus.CLEAN
    result = lint_paths(args.paths, replace(options, keep_documents=True))
    print_warnings(result.warnings)
    print_errors(result.errors)
    docs = {rule.id: rule.docs for rule in result.rules}
    pages = articles(result.documents, list(result.findings), _tracking_for(result.pairs))
    key = inputs_key(result) if options.cache else ""
    written = write_report(output, pages, docs, document_rules(result.rules), key)
    print(
        f"Wrote {count(len(pages), 'article')} in {count(len(written), 'file')}: "
        f"{written[0].as_posix()}"
    )
    return ExitStatus.ERROR if result.errors else ExitStatus.CLEAN
