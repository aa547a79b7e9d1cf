"""Command line: argument parsing and wiring only. Exit 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint import __version__
from lint.cache import DEFAULT_DIR, Cache, directory_for, fingerprint
from lint.config import Config, Finder, load
from lint.discover import expand
from lint.errors import InputError, NewslintError
from lint.finding import Finding, Severity
from lint.formats import FORMATS
from lint.formats.text_format import statistics
from lint.parallel import RuleSpec, Runner, cpu_count
from lint.pipeline import lint_group
from lint.progress import Progress
from lint.rules import Rule, builtin_dir, load_rules, rule_files
from lint.selection import Selection, select_ids

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _ids(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _jobs(value: str) -> int:
    if value == "auto":
        return cpu_count()
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number or 'auto', not {value!r}")
    return int(value)


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
        "--jobs", type=_jobs, default=1, metavar="N", help="processes (default 1; 'auto': per CPU)"
    )
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help=f"cache folder (default: {DEFAULT_DIR} beside the config)",
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
    spec: RuleSpec | None = None
    rules: list[Rule] = field(default_factory=list)


def _rule_dirs(config: Config) -> list[Path]:
    return [builtin_dir(), *config.rule_dirs]


def _selection(args: argparse.Namespace) -> Selection:
    return Selection(args.select, tuple(args.extend_select), tuple(args.ignore))


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
        ids = select_ids(rule_files(dirs), group.config, _selection(args))
        group.spec = RuleSpec.of(dirs, ids, group.config.rules, group.config.jsonl)
        group.rules = group.spec.load()
    return list(groups.values())


def _cache(args: argparse.Namespace, group: _Group) -> Cache | None:
    if args.no_cache:
        return None
    config = group.config  # its identity keeps groups sharing a --cache-dir in separate files
    settings = {"config": config.source, "jsonl": config.jsonl, "originals": config.originals}
    directory = directory_for(group.config.root, args.cache_dir)
    return Cache(directory, fingerprint(group.rules, settings))


def _lint(
    args: argparse.Namespace, groups: list[_Group], errors: list[str], progress: Progress
) -> list[Finding]:
    runner = Runner(args.jobs, {g.spec: g.rules for g in groups if g.spec})
    findings: list[Finding] = []
    warnings: list[str] = []  # printed once the progress line is gone
    try:
        for group in groups:
            assert group.spec is not None
            cache = _cache(args, group)
            found, problems = lint_group(
                group.files, group.spec, group.rules, runner, cache, progress
            )
            errors.extend(problems)
            ignored = {path: group.config.ignored_for(path) for path in {f.path for f in found}}
            findings.extend(f for f in found if f.rule not in ignored[f.path])
            problem = cache.save() if cache else None
            warnings.extend([problem] if problem else [])
    except BaseException:
        runner.close(interrupted=True)
        raise
    finally:
        progress.close()
    runner.close()
    for warning in warnings:
        print(f"newslint: warning: {warning}", file=sys.stderr)
    return findings


def _check(args: argparse.Namespace) -> int:
    errors: list[str] = []
    groups = _groups(args, errors)  # rule and config errors stop here, before reading documents
    show = args.format == "text" and sys.stderr.isatty()
    progress = Progress(sys.stderr if show else None)
    findings = sorted(_lint(args, groups, errors, progress))
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
