"""Command line: argument parsing and dispatch to :mod:`lint.workflows` only.

Exit status: see :class:`ExitStatus` (0 clean, 1 findings, 2 errors, 130 interrupted).
"""

from __future__ import annotations

# First, before the modules that compile patterns as they are imported: the patterns the last runs
# compiled, rebuilt from the user's signed start-up cache (see lint.io.regexcache).
from lint.io import regexcache

regexcache.preload()

import argparse
import os
import re
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lint import __version__
from lint.core.finding import Severity
from lint.errors import InternalError, NewslintError, terminated_as_exit
from lint.formats import names as format_names
from lint.io.cache import DEFAULT_DIR
from lint.workflows import ExitStatus, jobs_value
from lint.workflows import report as report_commands
from lint.workflows import track as track_commands

__all__ = ["ExitStatus", "main"]


def _ids(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


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
    parent.add_argument(
        "--exclude",
        type=_ids,
        metavar="GLOBS",
        help="files and folders not to lint (comma-separated globs), instead of the config's",
    )
    parent.add_argument(
        "--extend-exclude",
        type=_ids,
        default=(),
        metavar="GLOBS",
        help="more files and folders not to lint, added to the config's",
    )
    return parent


class _OutputPath(argparse.Action):
    """``--output``: the path, and whether it was written as a folder (a trailing ``/``), which
    ``--engine ray`` still reads as the layout it had before ``--output-shards``."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        text = str(values)
        setattr(namespace, self.dest, Path(text))
        namespace.output_is_folder = text.endswith(("/", os.sep))


def _check_output(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--format",
        choices=format_names(),
        help="report format (default text; parquet for an --output FILE ending in .parquet)",
    )
    check.add_argument(
        "--output",
        action=_OutputPath,
        metavar="FILE",
        help="write the report, every finding sorted, to this file (both engines)",
    )
    check.add_argument(
        "--output-shards",
        type=Path,
        metavar="DIR",
        help="also write the findings as shards in DIR (JSON Lines; Parquet with parquet)",
    )
    check.add_argument(
        "--statistics", action="store_true", help="print counts per rule only (text or json)"
    )
    check.add_argument(
        "--show-source", action="store_true", help="text: show each finding's line, underlined"
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour text output (auto: on a terminal, unless NO_COLOR is set)",
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings only: no summary, warnings"
    )
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
    check.add_argument(
        "--strict", action="store_true", help="exit 2 on a warning (nothing linted, no original)"
    )


def _check_running(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--jobs",
        type=jobs_value,
        default="auto",
        metavar="N",
        help="processes (default auto: per CPU)",
    )
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help=f"cache folder (default: {DEFAULT_DIR} beside the config)",
    )
    check.add_argument(
        "--changed-since",
        metavar="REF",
        help="lint the files changed since git REF; the rest of PATHs is corpus context",
    )
    check.add_argument(
        "--stdin-filename", metavar="NAME", help="with PATH '-': the name of the text on stdin"
    )
    showing = check.add_mutually_exclusive_group()
    showing.add_argument(
        "--show-files", action="store_true", help="list the files that would be linted, and stop"
    )
    showing.add_argument(
        "--show-settings", action="store_true", help="print the resolved settings, and stop"
    )
    check.add_argument(
        "--engine", choices=["local", "ray"], default="local", help="ray: newslint[ray]'s job"
    )
    check.add_argument("--address", help="--engine ray: the cluster (auto, ray://HOST:PORT)")
    check.add_argument(
        "--stage-dir",
        type=Path,
        metavar="DIR",
        help="--engine ray: keep the stages here; a rerun restarts after the last finished one",
    )
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument(
        "--fix", action="store_true", help="remove duplicated paragraphs and repeated headlines"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print what --fix would change; write nothing"
    )
    check.add_argument(
        "--force-fix",
        action="store_true",
        help="with --fix: also write read-only, other users' and hard-linked files (never a link)",
    )


_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")


class _Parser(argparse.ArgumentParser):
    """An argument parser that suggests the nearest option or choice on a typo (argparse's
    ``suggest_on_error`` arrives only in Python 3.14)."""

    def error(self, message: str) -> typing.NoReturn:
        choice = _CHOICE.search(message)
        if choice:
            choices = [c.strip().strip("'") for c in choice.group(2).split(",")]
            message += _did_you_mean(choice.group(1), choices)
        elif message.startswith("unrecognized arguments: "):
            unknown = message.removeprefix("unrecognized arguments: ").split()
            options = [o for action in self._actions for o in action.option_strings]
            for word in unknown:
                if word.startswith("-"):
                    message += _did_you_mean(word.split("=", 1)[0], options)
        super().error(message)


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    import difflib  # only on a typo

    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="newslint", description="A corpus quality linter for generated news.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    commands = typing.cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", required=True, parser_class=_Parser),
    )
    lint_parent, config_parent = _lint_parent(), _config_parent()
    check = commands.add_parser("check", parents=[lint_parent], help="lint files and directories")
    _check_output(check)
    _check_running(check)
    report = commands.add_parser(
        "report", parents=[lint_parent], help="write a static HTML report for editors"
    )
    report_commands.add_arguments(report)
    rules = commands.add_parser("rules", parents=[config_parent], help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    explain = commands.add_parser("explain", parents=[config_parent], help="show a rule's docs")
    explain.add_argument("rule")
    track_commands.add_parsers(commands)
    commands.add_parser("server", help="run the language server over stdio (newslint[server])")
    return parser


def _command(name: str) -> Callable[[argparse.Namespace], int]:
    """The workflow of command ``name``, imported only when it runs."""
    if name == "check":
        from lint.workflows import check

        return check.run
    if name == "report":
        from lint.workflows import report

        return report.run
    if name == "server":
        from lint.workflows import server

        return server.run
    if name in ("rules", "explain"):
        from lint.workflows import explain

        return explain.rules if name == "rules" else explain.explain
    return track_commands.train if name == "train" else track_commands.score


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv``; an unknown option is blamed on the command it was given to, which knows
    the options to suggest (argparse reports it from the top-level parser)."""
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        subparsers.choices[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    try:
        with terminated_as_exit():  # SIGTERM: stop the workers, exit 143, no traceback
            status = int(_command(args.command)(args))
        regexcache.save()  # the patterns this command compiled, for the next run's start-up
        return status
    except NewslintError as err:
        print(f"newslint: error: {err}", file=sys.stderr)
        return int(ExitStatus.ERROR)
    except KeyboardInterrupt:
        return int(ExitStatus.INTERRUPTED)
    except Exception as err:  # a bug: exit 2 with one line, never 1 (which means findings)
        print(f"newslint: error: {InternalError.of(err)}", file=sys.stderr)
        return int(ExitStatus.ERROR)
