"""``newslint check``'s own options (besides the shared lint options of :mod:`lint.cli`): what
to report and where, and how to run. :mod:`lint.workflows.check` reads them."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lint.core.finding import Severity
from lint.formats import names as format_names
from lint.io.cache import DEFAULT_DIR
from lint.workflows import jobs_value


def add_arguments(check: argparse.ArgumentParser) -> None:
    """Every option of ``check`` that the other commands do not share."""
    _output_arguments(check)
    _running_arguments(check)


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


def _output_arguments(check: argparse.ArgumentParser) -> None:
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


def _running_arguments(check: argparse.ArgumentParser) -> None:
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
