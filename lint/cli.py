"""Command line: argument parsing and wiring only. Exit 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint import __version__, baseline
from lint.config import Config, Finder, load
from lint.discover import expand
from lint.document import Document
from lint.engine import Engine
from lint.errors import InputError, NewslintError
from lint.finding import Finding, Severity
from lint.formats import FORMATS
from lint.formats.text_format import statistics
from lint.readers import read_path
from lint.rules import Rule, builtin_dir, load_rules, rule_files
from lint.selection import Selection, select_ids
from lint.suppress import UNUSED, Suppressor

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _ids(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newslint", description="A corpus quality linter for generated news."
    )
    parser.add_argument("--version", action="version", version=f"newslint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="lint files and directories")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--config", type=Path, help="use this configuration file for every path")
    check.add_argument("--select", type=_ids, help="only these rule ids (comma-separated)")
    check.add_argument("--extend-select", type=_ids, default=(), help="add these rule ids")
    check.add_argument("--ignore", type=_ids, default=(), help="skip these rule ids")
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

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--config", type=Path)
    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule")
    explain.add_argument("--config", type=Path)
    return parser


@dataclass
class _Group:
    """Files that share one configuration form one corpus."""

    config: Config
    files: list[Path] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    known: frozenset[str] = frozenset()  # every rule id a directive may name


def _rule_dirs(config: Config) -> list[Path]:
    return [builtin_dir(), *config.rule_dirs]


def _selection(args: argparse.Namespace) -> Selection:
    unused = (UNUSED,) if args.report_unused_directives else ()
    return Selection(args.select, (*args.extend_select, *unused), tuple(args.ignore))


def _groups(args: argparse.Namespace, errors: list[str]) -> list[_Group]:
    finder = Finder()
    fixed = load(args.config) if args.config else None
    groups: dict[str, _Group] = {}

    def config_for(path: Path) -> Config:
        return fixed or finder.for_directory(path if path.is_dir() else path.parent)

    for item in expand(args.paths, lambda p: config_for(p).excludes(p)):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        config = config_for(item)
        groups.setdefault(config.source + str(config.root), _Group(config)).files.append(item)
    for group in groups.values():
        dirs = _rule_dirs(group.config)
        files = rule_files(dirs)
        group.known = frozenset(files)
        ids = select_ids(files, group.config, _selection(args))
        group.rules = load_rules(dirs, ids, group.config.rules)
    return list(groups.values())


def _lint(
    group: _Group, errors: list[str], args: argparse.Namespace
) -> tuple[list[Finding], list[Document]]:
    documents = []
    for path in group.files:
        for result in read_path(path, group.config.jsonl):
            if isinstance(result, InputError):
                errors.append(str(result))
            else:
                documents.append(result)
    findings = Engine(group.rules).run(documents)
    suppressor = Suppressor(
        group.rules, group.known, args.report_unused_directives, group.config.jsonl.directives
    )
    findings = suppressor.apply(findings, documents)
    ignored = {path: group.config.ignored_for(path) for path in {f.path for f in findings}}
    return [f for f in findings if f.rule not in ignored[f.path]], documents


def _without_baseline(
    path: Path, known: Counter[str], findings: list[Finding], documents: list[Document]
) -> list[Finding]:
    """The findings the baseline ``known`` (read from ``path``) does not hold."""
    return baseline.subtract(findings, baseline.entries(findings, documents, path.parent), known)


def _write_baseline(path: Path, findings: list[Finding], documents: list[Document]) -> str:
    count = baseline.write(path, baseline.entries(findings, documents, path.parent))
    return f"Wrote {count} finding{'s' * (count != 1)} to {path.as_posix()}.\n"


def _check(args: argparse.Namespace) -> int:
    errors: list[str] = []
    groups = _groups(args, errors)  # rule and config errors stop here, before reading documents
    # a missing or broken baseline stops the run before any document is read
    known = baseline.load(args.baseline) if args.baseline else None
    linted = [_lint(group, errors, args) for group in groups]
    findings = sorted(f for found, _ in linted for f in found)
    documents = [d for _, group_documents in linted for d in group_documents]
    if args.write_baseline:  # the baseline holds the findings: nothing is left to report
        findings, report = [], _write_baseline(args.write_baseline, findings, documents)
    else:
        if known is not None:
            findings = _without_baseline(args.baseline, known, findings, documents)
        report = FORMATS[args.format](findings)
    if args.statistics and args.format == "text":
        report = statistics(findings) + report
    if args.output:
        args.output.write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    for error in errors:
        print(f"newslint: error: {error}", file=sys.stderr)
    if args.fail_on:
        threshold: Severity | None = Severity.parse(args.fail_on)
    else:
        threshold = min((g.config.fail_on for g in groups), default=None)
    if errors:
        return EXIT_ERROR
    failing = threshold is not None and any(f.severity >= threshold for f in findings)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def _all_rules(args: argparse.Namespace) -> list[Rule]:
    config = load(args.config) if args.config else Finder().for_directory(Path.cwd())
    return load_rules(_rule_dirs(config), None, config.rules)


def _rules(args: argparse.Namespace) -> int:
    for rule in _all_rules(args):
        print(f"{rule.id:28s} {rule.kind:12s} {rule.severity.label:8s} {rule.docs['what']}")
    return EXIT_CLEAN


def _explain(args: argparse.Namespace) -> int:
    rules = {r.id: r for r in _all_rules(args)}
    rule = rules.get(args.rule)
    if rule is None:
        print(f"newslint: error: unknown rule {args.rule!r}", file=sys.stderr)
        return EXIT_ERROR
    indent = "\n    "
    print(f"{rule.id} ({rule.kind}, {rule.severity.label})\n")
    print(f"What it does\n    {rule.docs['what']}\n\nWhy it matters\n    {rule.docs['why']}\n")
    print(f"Flagged{indent}{indent.join(rule.docs['fail'].strip().splitlines())}\n")
    print(f"Not flagged{indent}{indent.join(rule.docs['pass'].strip().splitlines())}")
    return EXIT_CLEAN


_COMMANDS = {"check": _check, "rules": _rules, "explain": _explain}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except NewslintError as err:
        print(f"newslint: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
