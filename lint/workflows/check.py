"""``newslint check``: lint, then report in a format, write or subtract a baseline, decide the
exit status. ``--fix`` and ``--diff`` are :mod:`lint.workflows.fix`; ``--show-files`` and
``--show-settings`` are :mod:`lint.workflows.show`; ``--changed-since`` picks its files in
:mod:`lint.workflows.changed`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from lint.config import Finder
from lint.core.finding import Finding, Severity
from lint.engine.groups import Options
from lint.engine.outcome import Run
from lint.engine.run import lint_paths, lint_texts
from lint.errors import InputError
from lint.formats import BINARY_FORMATS, Report, binary_formatter, for_output, formatter
from lint.formats.report import Lines
from lint.formats.text_format import statistics, statistics_json
from lint.io.files import read_regular
from lint.kinds.base import Scope
from lint.workflows import ExitStatus, check_local_jobs
from lint.workflows.output import emit, print_errors, print_warnings, write_shards

STDIN = "-"


def options(args: argparse.Namespace, **more: object) -> Options:
    """The run options the shared command-line options ask for."""
    shared: dict[str, Any] = {
        "config": args.config,
        "select": args.select,
        "extend_select": tuple(args.extend_select),
        "ignore": tuple(args.ignore),
        "originals": tuple(args.originals),
        "corpus_root": args.corpus_root,
        "report_unused_directives": getattr(args, "report_unused_directives", False),
        "exclude": getattr(args, "exclude", None),
        "extend_exclude": tuple(getattr(args, "extend_exclude", ())),
        "outputs": _outputs(args),
    }
    return Options(**{**shared, **more})


def _outputs(args: argparse.Namespace) -> tuple[Path, ...]:
    """Where the run writes: ``--output``, ``--output-shards``, ``--stage-dir`` (left out of the
    files to lint)."""
    names = ("output", "output_shards", "stage_dir")
    return tuple(p for p in (getattr(args, n, None) for n in names) if isinstance(p, Path))


def _usage(args: argparse.Namespace) -> None:
    """Combinations argparse cannot refuse by itself (InputError: exit 2)."""
    stdin = STDIN in args.paths
    if stdin and len(args.paths) > 1:
        raise InputError("'-' (stdin) cannot be combined with other paths")
    if args.stdin_filename and not stdin:
        raise InputError("--stdin-filename needs the path '-' (read the text from stdin)")
    if stdin and (args.fix or args.diff or args.changed_since or args.write_baseline):
        raise InputError(
            "'-' (stdin) cannot be used with --fix, --diff, --changed-since or --write-baseline"
        )
    if args.changed_since and (args.fix or args.diff):
        raise InputError("--changed-since cannot be used with --fix or --diff")
    if args.format in BINARY_FORMATS and not args.output:
        raise InputError(f"--format {args.format} writes a binary file: give --output FILE")
    if args.format in BINARY_FORMATS and args.statistics:
        raise InputError("--statistics prints text or json, not " + args.format)
    if getattr(args, "engine", "local") == "ray" and (args.fix or args.diff):
        raise InputError(
            "--fix and --diff rewrite files in place and lint them again until they are stable, "
            "on this machine's files: run them with the local engine (without --engine ray)"
        )
    if getattr(args, "stage_dir", None) and getattr(args, "engine", "local") != "ray":
        raise InputError(
            "--stage-dir keeps the stages of --engine ray; the local engine reuses work through "
            "its cache (--cache-dir)"
        )
    if getattr(args, "force_fix", False) and not args.fix:
        raise InputError("--force-fix only applies with --fix")
    if getattr(args, "engine", "local") == "local":
        check_local_jobs(args.jobs)


def run(args: argparse.Namespace) -> ExitStatus:
    args.format = for_output(args.format, str(args.output) if args.output else None)
    _usage(args)
    if args.show_files or args.show_settings:
        from lint.workflows import show

        return show.files(args) if args.show_files else show.settings(args)
    if args.fix or args.diff:
        from lint.workflows import fix

        return fix.run(args)
    if getattr(args, "engine", "local") == "ray":
        from lint.workflows import distributed

        return distributed.run(args, options(args))
    show_progress = args.format == "text" and not args.quiet and sys.stderr.isatty()
    more = {
        "jobs": args.jobs,
        "cache": not args.no_cache,
        "cache_dir": args.cache_dir,
        "baseline": args.baseline,
        "keep_documents": bool(args.write_baseline),  # fingerprints read the text
        "progress": sys.stderr if show_progress else None,
    }
    if args.paths == [STDIN]:
        result, text = _lint_stdin(args)
        return report(args, result, lines=lambda path: text.splitlines())
    elif args.changed_since:
        from lint.workflows import changed

        paths, root = changed.targets(args)
        result = lint_paths(paths, options(args, **more, corpus_root=root))
        if not paths:
            where = ", ".join(args.paths)
            note = (
                f"no article under {where} changed since {args.changed_since}; nothing was linted"
            )
            result = Run(result.parts, result.findings, result.errors, (note,))
    else:
        result = lint_paths(args.paths, options(args, **more))
    return report(args, result)


def _lint_stdin(args: argparse.Namespace) -> tuple[Run, str]:
    """The text on stdin, named ``--stdin-filename`` (its suffix picks the reader, its folder
    the configuration), linted alone: per-document rules, and corpus rules within it."""
    name = args.stdin_filename or STDIN
    config = args.config
    if config is None:
        found = Finder().for_directory(Path(name).parent)
        config = None if found.source == "defaults" else Path(found.source)
    data = sys.stdin.buffer.read()
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return lint_texts({name: data}, options(args, config=config)), text


def _write_baseline(path: Path, result: Run) -> str:
    from lint.io import baseline

    count = baseline.write(path, baseline.entries(result.findings, result.documents, path.parent))
    return f"Wrote {count} finding{'s' * (count != 1)} to {path.as_posix()}.\n"


def use_color(choice: str, stream: TextIO, environ: dict[str, str] | None = None) -> bool:
    """``--color``: ``always`` and ``never`` as asked; ``auto`` colours a terminal unless
    ``NO_COLOR`` is set to anything (no-color.org) or ``TERM`` is ``dumb``, and honours
    ``FORCE_COLOR`` as ruff does. ``--color always`` overrides ``NO_COLOR``."""
    env = dict(os.environ) if environ is None else environ
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    return stream.isatty() and env.get("TERM") != "dumb"


@lru_cache(maxsize=64)
def _file_lines(path: str) -> tuple[str, ...]:
    """A linted file's lines as findings count them (UTF-8, BOM dropped); none if unreadable."""
    if path == STDIN or path.endswith(".parquet"):  # binary: no lines to show
        return ()
    try:  # never blocks on a FIFO named like an article
        text = read_regular(path).decode("utf-8", errors="replace")
    except OSError:
        return ()
    return tuple(text.removeprefix("\ufeff").splitlines())


def _shown(source: str) -> str:
    """A configuration file's path relative to the current folder when under it."""
    try:
        return Path(source).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return source


def _originals_warnings(result: Run) -> list[str]:
    """A warning for each declared ``originals`` glob that matched no file the run read, when
    rules that compare rewrites with originals ran: they had nothing to compare with."""
    warnings: list[str] = []
    for part in result.parts:
        config = part.group.config
        pair_rules = sorted(r.id for r in part.group.rules if r.level is Scope.PAIR)
        if not pair_rules or not config.originals:
            continue
        seen = [config.relative(Path(p)) for p in (*part.paths, *map(str, part.group.context))]
        from lint.io.globs import matches

        for glob in dict.fromkeys(config.originals):
            if not any(matches(rel, (glob,)) for rel in seen):
                warnings.append(
                    f"originals glob {glob!r} ({_shown(config.source)}) matched no file that was "
                    "read; "
                    f"{', '.join(pair_rules)} had no declared original to compare with "
                    "(lint the originals too, or give --corpus-root)"
                )
    return warnings


def report(
    args: argparse.Namespace, result: Run, fixed: str = "", lines: Lines | None = None
) -> ExitStatus:
    """Print the findings of ``result`` (``fixed``: what ``--fix`` did; ``lines``: how to read
    a linted text's lines, by default from its file) and judge them."""
    quiet = getattr(args, "quiet", False)
    warnings = [*result.warnings, *_originals_warnings(result)]
    if not quiet:
        print_warnings(warnings)
    if args.write_baseline:  # the baseline holds the findings: nothing is left to report
        emit(args.output, _write_baseline(args.write_baseline, result))
        print_errors(result.errors)
        return ExitStatus.ERROR if result.errors else ExitStatus.CLEAN
    fail_on = Severity.parse(args.fail_on) if args.fail_on else None
    thresholds = {
        path: fail_on or part.group.config.fail_on for part in result.parts for path in part.paths
    }
    findings = list(result.findings)
    emit(args.output, _render(args, result, findings, thresholds, fixed, lines or _file_lines))
    if getattr(args, "output_shards", None):
        context = Report.of(result.rules, result.paths, Path.cwd())
        write_shards(findings, args.output_shards, args.format, context)
    if fixed and (args.format != "text" or args.statistics) and not quiet:
        print(fixed, end="", file=sys.stderr)
    print_errors(result.errors)
    if result.errors:
        return ExitStatus.ERROR
    if getattr(args, "strict", False) and warnings:
        print_errors(["--strict: the run gave warnings"])
        return ExitStatus.ERROR
    failing = any(  # each file is judged by its own configuration's fail-on unless --fail-on
        f.severity >= thresholds.get(f.path, fail_on or Severity.WARNING) for f in findings
    )
    return ExitStatus.FINDINGS if failing and not args.exit_zero else ExitStatus.CLEAN


def _render(
    args: argparse.Namespace,
    result: Run,
    findings: Sequence[Finding],
    thresholds: dict[str, Severity],
    fixed: str,
    lines: Lines,
) -> str | bytes:
    if args.statistics:  # counts only, as ruff prints them
        return statistics_json(findings) if args.format == "json" else statistics(findings)
    quiet = getattr(args, "quiet", False)
    context = Report.of(
        result.rules,
        result.paths,
        Path.cwd(),
        fail_on=thresholds,
        lines=lines,
        color=args.output is None and use_color(getattr(args, "color", "never"), sys.stdout),
        show_source=getattr(args, "show_source", False),
        summary=not quiet and not (result.errors and not result.paths),  # nothing was read
    )
    if args.format in BINARY_FORMATS:
        return binary_formatter(args.format)(list(findings), context)
    output = formatter(args.format)(list(findings), context)
    if args.format == "text" and not quiet:
        output += fixed
    return output
