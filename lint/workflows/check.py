"""``newslint check``: lint, then report in a format, write or subtract a baseline, decide the
exit status. ``--fix`` and ``--diff`` are :mod:`lint.workflows.fix`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lint.core.finding import Severity
from lint.engine.groups import Options
from lint.engine.run import Run, lint_paths
from lint.formats import Report, formatter
from lint.formats.text_format import statistics
from lint.io import baseline
from lint.workflows import ExitStatus
from lint.workflows.output import emit, print_errors, print_warnings


def options(args: argparse.Namespace, **more: object) -> Options:
    """The run options the shared command-line options ask for."""
    shared = {
        "config": args.config,
        "select": args.select,
        "extend_select": tuple(args.extend_select),
        "ignore": tuple(args.ignore),
        "originals": tuple(args.originals),
        "corpus_root": args.corpus_root,
        "report_unused_directives": getattr(args, "report_unused_directives", False),
    }
    return Options(**shared, **more)  # type: ignore[arg-type]


def run(args: argparse.Namespace) -> ExitStatus:
    if args.fix or args.diff:
        from lint.workflows import fix

        return fix.run(args)
    if getattr(args, "engine", "local") == "ray":
        from lint.workflows import distributed

        return distributed.run(args, options(args))
    show = args.format == "text" and sys.stderr.isatty()
    result = lint_paths(
        args.paths,
        options(
            args,
            jobs=args.jobs,
            cache=not args.no_cache,
            cache_dir=args.cache_dir,
            baseline=args.baseline,
            keep_documents=bool(args.write_baseline),  # fingerprints read the text
            progress=sys.stderr if show else None,
        ),
    )
    print_warnings(result.warnings)
    return report(args, result)


def _write_baseline(path: Path, result: Run) -> str:
    count = baseline.write(path, baseline.entries(result.findings, result.documents, path.parent))
    return f"Wrote {count} finding{'s' * (count != 1)} to {path.as_posix()}.\n"


def report(args: argparse.Namespace, result: Run, fixed: str = "") -> ExitStatus:
    """Print the findings of ``result`` (``fixed``: what ``--fix`` did) and judge them."""
    if args.write_baseline:  # the baseline holds the findings: nothing is left to report
        emit(args.output, _write_baseline(args.write_baseline, result))
        print_errors(result.errors)
        return ExitStatus.ERROR if result.errors else ExitStatus.CLEAN
    context = Report.of(result.rules, result.paths, Path.cwd())
    output = formatter(args.format)(list(result.findings), context)
    if args.statistics and args.format == "text":
        output = statistics(list(result.findings)) + output
    if args.format == "text":
        output += fixed
    elif fixed:
        print(fixed, end="", file=sys.stderr)
    emit(args.output, output)
    print_errors(result.errors)
    if result.errors:
        return ExitStatus.ERROR
    fail_on = Severity.parse(args.fail_on) if args.fail_on else None
    failing = any(  # each file is judged by its own configuration's fail-on unless --fail-on
        f.severity >= (fail_on or part.group.config.fail_on)
        for part in result.parts
        for f in part.findings
    )
    return ExitStatus.FINDINGS if failing and not args.exit_zero else ExitStatus.CLEAN
