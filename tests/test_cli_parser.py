"""The command line builds only the parser of the command it runs (lint.cli._parser): that
command's help, usage and parsed arguments are the ones the full parser gives, and the top-level
help lists every command as before."""

from __future__ import annotations

import argparse

import pytest

from lint import cli


def _subparser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found: argparse.ArgumentParser = action.choices[name]
    return found


@pytest.mark.parametrize("name", list(cli._COMMANDS))
def test_a_commands_own_parser_is_the_full_parsers(name: str) -> None:
    full, own = cli._parser(), cli._parser(name)
    assert _subparser(own, name).format_help() == _subparser(full, name).format_help()
    assert own.format_help() == full.format_help()


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--no-cache", "--jobs", "2", "a.txt"],
        ["check", "--select", "readability,empty-document", "--format", "json", "."],
        ["report", "--output", "out", "."],
        ["rules", "--format", "json"],
        ["explain", "readability"],
        ["score", "--original", "a.txt", "--rewrite", "b.txt"],
        ["server"],
    ],
)
def test_the_arguments_parse_the_same(argv: list[str]) -> None:
    assert cli._named(argv) == argv[0]
    assert cli._parse(argv) == cli._parser().parse_args(argv)


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        ([], None),
        (["--help"], None),
        (["--", "check"], None),
        (["chek", "x"], None),
        # "-" is read as the command by argparse (an invalid choice: the error lists every
        # command, whose parsers all exist); --version exits before any command runs
        (["-", "check"], "check"),
        (["--version", "check"], "check"),
    ],
)
def test_which_command_the_arguments_name(argv: list[str], named: str | None) -> None:
    assert cli._named(argv) == named


def test_an_invalid_command_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli._parse(["-", "check"])
    assert "choose from 'check', 'report', 'rules', 'explain', 'train', 'score', 'server'" in (
        capsys.readouterr().err
    )
