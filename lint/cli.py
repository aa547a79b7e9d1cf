"""Command line: argument parsing and dispatch to :mod:`lint.workflows` only (a command's own
options live beside its workflow; :mod:`lint.workflows.session` runs it).

Exit status: see :class:`ExitStatus` (0 clean, 1 findings, 2 errors, 130 interrupted).
"""

from __future__ import annotations

# First: importing the session loads the patterns the last runs compiled, before the modules that
# compile patterns as they are imported (see lint.workflows.session).
from lint.workflows import session  # isort: skip

import argparse
import re
import sys
import typing
from collections.abc import Callable, Sequence
from pathlib import Path

from lint import __version__
from lint.workflows import ExitStatus, check_options
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


#: every command and its line in ``newslint --help``, in that order
_COMMANDS = {
    "check": "lint files and directories",
    "report": "write a static HTML report for editors",
    "rules": "list the rules",
    "explain": "show a rule's docs",
    "train": track_commands.TRAIN_HELP,
    "score": track_commands.SCORE_HELP,
    "server": "run the language server over stdio (newslint[server])",
}


def _add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str) -> None:
    """Command ``name``'s parser with all its options."""
    help = _COMMANDS[name]
    if name in ("check", "report"):
        command = commands.add_parser(name, parents=[_lint_parent()], help=help)
        (check_options if name == "check" else report_commands).add_arguments(command)
    elif name == "rules":
        rules = commands.add_parser(name, parents=[_config_parent()], help=help)
        rules.add_argument("--format", choices=("text", "json"), default="text")
    elif name == "explain":
        explain = commands.add_parser(name, parents=[_config_parent()], help=help)
        explain.add_argument("rule")
    elif name == "train":
        track_commands.add_train_arguments(commands.add_parser(name, help=help))
    elif name == "score":
        track_commands.add_score_arguments(commands.add_parser(name, help=help))
    else:
        commands.add_parser(name, help=help)


def _named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs, when it names one before any other argument (the top-level
    parser has no option that takes a value); None otherwise."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg if arg in _COMMANDS else None
    return None


def _parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. With ``command``, the only one the arguments can run, the
    other commands' parsers are left without their options (only their ``--help`` line shows,
    in the top-level help): adding every command's options was ~5 ms of a one-file run."""
    parser = _Parser(prog="newslint", description="A corpus quality linter for generated news.")
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    commands = typing.cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", required=True, parser_class=_Parser),
    )
    for name, help in _COMMANDS.items():
        if command is None or name == command:
            _add_command(commands, name)
        else:
            commands.add_parser(name, help=help)
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
    parser = _parser(_named(sys.argv[1:] if argv is None else argv))
    args, extra = parser.parse_known_args(argv)
    if extra:
        subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        subparsers.choices[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    return session.run(_command(args.command), args)
