"""Command line: argument parsing and dispatch to :mod:`lint.workflows` only.

Exit status: see :class:`ExitStatus` (0 clean, 1 findings, 2 errors, 130 interrupted).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from lint import __version__
from lint.core.finding import Severity
from lint.engine.parallel import cpu_count
from lint.errors import NewslintError
from lint.formats import FORMATS
from lint.io.cache import DEFAULT_DIR
from lint.workflows import ExitStatus
from lint.workflows import track as track_commands

__all__ = ["ExitStatus", "main"]


def _ids(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _jobs(value: str) -> int:
    if value == "auto":
        return cpu_count()
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number or 'auto', not {value!r}")
    return int(value)


def _config_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--config", type=Path, help="use this configuration file for every path")
    return parent


def _lint_parent() -> argparse.ArgumentParser:
    """The options every command that lints shares: paths, selection, originals, corpus."""
    parent = argparse.ArgumentParser(add_help=False, parents=[_config_parent()])
    parent.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    parent.add_argument("--select", type=_ids, help="only these rule ids (comma-separated)")
    parent.add_argument("--extend-select", type=_ids, default=(), help="add these rule ids")
    parent.add_argument("--ignore", type=_ids, default=(), help="skip these rule ids")
    parent.add_argument(
        "--originals",
        type=_ids,
        default=(),
        metavar="GLOBS",
        help="files that are original reports (comma-separated globs), added to the config's",
    )
    parent.add_argument(
        "--corpus-root",
        type=Path,
        metavar="DIR",
        help="compare with every corpus file under DIR, report only on PATHs (pre-commit)",
    )
    return parent


def _check_output(check: argparse.ArgumentParser) -> None:
    check.add_argument("--format", choices=sorted(FORMATS), default="text")
    check.add_argument("--output", type=Path, help="write the report to this file")
    check.add_argument("--statistics", action="store_true", help="print counts per rule")
    check.add_argument(
        "--fail-on", choices=[s.label for s in Severity], help="lowest severity that fails"
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument(
        "--report-unused-directives",
        action="store_true",
        help="report directives that suppress nothing (rule unused-directive)",
    )
    known = check.add_mutually_exclusive_group()
    known.add_argument(
        "--baseline", type=Path, metavar="FILE", help="report only findings not in this baseline"
    )
    known.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="record the findings in FILE, exit 0"
    )


def _check_running(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--jobs", type=_jobs, default=1, metavar="N", help="processes (default 1; 'auto': per CPU)"
    )
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help=f"cache folder (default: {DEFAULT_DIR} beside the config)",
    )
    check.add_argument(
        "--engine", choices=["local", "ray"], default="local", help="ray: newslint[ray]'s job"
    )
    check.add_argument("--address", help="--engine ray: the cluster (auto, ray://HOST:PORT)")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument(
        "--fix", action="store_true", help="remove duplicated paragraphs and repeated headlines"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print what --fix would change; write nothing"
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint", description="A corpus quality linter for generated news."
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    lint_parent, config_parent = _lint_parent(), _config_parent()
    check = commands.add_parser("check", parents=[lint_parent], help="lint files and directories")
    _check_output(check)
    _check_running(check)
    report = commands.add_parser(
        "report", parents=[lint_parent], help="write a static HTML report for editors"
    )
    report.add_argument("--output", type=Path, required=True, metavar="DIR", help="report folder")
    commands.add_parser("rules", parents=[config_parent], help="list the rules")
    explain = commands.add_parser("explain", parents=[config_parent], help="show a rule's docs")
    explain.add_argument("rule")
    track_commands.add_parsers(commands)
    return parser


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    """The workflow of command ``name``, imported only when it runs."""
    if name == "check":
        from lint.workflows import check

        return check.run
    if name == "report":
        from lint.workflows import report

        return report.run
    if name in ("rules", "explain"):
        from lint.workflows import explain

        return explain.rules if name == "rules" else explain.explain
    return track_commands.train if name == "train" else track_commands.score


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(_command(args.command)(args))
    except NewslintError as err:
        print(f"newslint: error: {err}", file=sys.stderr)
        return int(ExitStatus.ERROR)
    except KeyboardInterrupt:
        return int(ExitStatus.INTERRUPTED)
