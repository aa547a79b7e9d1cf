"""Command line: argument parsing and wiring only. Exit 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lint import __version__
from lint.config import Config, Finder, load
from lint.core.document import Document
from lint.core.finding import Finding, Severity
from lint.engine.engine import CORPUS_LEVELS, Engine, Tracking
from lint.engine.fix import Outcome, fix_corpus, unified_diff, write
from lint.engine.parallel import Runner, Work, cpu_count
from lint.engine.rules import Rule, builtin_dir, load_rules, rule_files
from lint.engine.run import lint_group
from lint.engine.selection import Selection, select_ids
from lint.engine.suppress import UNUSED, Suppressor
from lint.errors import InputError, NewslintError, OutputError
from lint.formats import FORMATS, Report, formatter
from lint.formats.text_format import statistics
from lint.io import baseline
from lint.io.cache import DEFAULT_DIR, Cache, directory_for, fingerprint
from lint.io.corpus import context_files, read_context
from lint.io.discover import expand
from lint.io.progress import Progress
from lint.io.readers import read_path
from lint.tracking.model import model_bytes
from lint.workflows import track as track_commands

if TYPE_CHECKING:
    from lint.html import TrackingInfo
    from lint.tracking.pairing import Pair

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
        "--originals",
        type=_ids,
        default=(),
        metavar="GLOBS",
        help="files that are original reports (comma-separated globs), added to the config's",
    )
    check.add_argument(
        "--corpus-root",
        type=Path,
        metavar="DIR",
        help="compare with every corpus file under DIR, report only on PATHs (pre-commit)",
    )
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
        "--jobs", type=_jobs, default=1, metavar="N", help="processes (default 1; 'auto': per CPU)"
    )
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help=f"cache folder (default: {DEFAULT_DIR} beside the config)",
    )
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument(
        "--fix", action="store_true", help="remove duplicated paragraphs and repeated headlines"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print what --fix would change; write nothing"
    )

    report = commands.add_parser("report", help="write a static HTML report for editors")
    report.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    report.add_argument("--output", type=Path, required=True, metavar="DIR", help="report folder")
    report.add_argument("--config", type=Path, help="use this configuration file for every path")
    report.add_argument("--select", type=_ids, help="only these rule ids (comma-separated)")
    report.add_argument("--extend-select", type=_ids, default=(), help="add these rule ids")
    report.add_argument("--ignore", type=_ids, default=(), help="skip these rule ids")
    report.add_argument("--originals", type=_ids, default=(), metavar="GLOBS")
    report.add_argument("--corpus-root", type=Path, metavar="DIR")

    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--config", type=Path)
    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule")
    explain.add_argument("--config", type=Path)
    track_commands.add_parsers(commands)
    return parser


@dataclass
class _Group:
    """Files that share one configuration form one corpus."""

    config: Config
    files: list[Path] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    context: list[Path] = field(default_factory=list)  # read by corpus rules, not reported
    context_documents: list[Document] | None = None
    known: frozenset[str] = frozenset()  # every rule id a directive may name
    report_unused: bool = False  # --report-unused-directives


def _rule_dirs(config: Config) -> list[Path]:
    return [builtin_dir(), *config.rule_dirs]


def _selection(args: argparse.Namespace) -> Selection:
    unused = (UNUSED,) if getattr(args, "report_unused_directives", False) else ()
    return Selection(args.select, (*args.extend_select, *unused), tuple(args.ignore))


def _groups(args: argparse.Namespace, errors: list[str]) -> list[_Group]:
    finder = Finder()
    fixed = load(args.config) if args.config else None
    groups: dict[str, _Group] = {}

    def config_for(path: Path) -> Config:
        return fixed or finder.for_directory(path if path.is_dir() else path.parent)

    def excluded(path: Path) -> bool:
        return config_for(path).excludes(path)

    def key(config: Config) -> str:
        return config.source + str(config.root)

    for item in expand(args.paths, excluded):
        if isinstance(item, InputError):
            errors.append(str(item))
            continue
        config = config_for(item)
        if args.originals:
            config = replace(config, originals=config.originals + tuple(args.originals))
        groups.setdefault(key(config), _Group(config)).files.append(item)
    for group in groups.values():
        dirs = _rule_dirs(group.config)
        files = rule_files(dirs)
        group.known = frozenset(files)
        group.report_unused = bool(getattr(args, "report_unused_directives", False))
        ids = select_ids(files, group.config, _selection(args))
        group.rules = load_rules(dirs, ids, group.config.rules)
    wanting = {k for k, g in groups.items() if any(r.level in CORPUS_LEVELS for r in g.rules)}
    if args.corpus_root and wanting:  # only corpus and pair rules read the context
        linted = [path for group in groups.values() for path in group.files]
        for path in context_files(args.corpus_root, linted, excluded):
            if (group_key := key(config_for(path))) in wanting:
                groups[group_key].context.append(path)
    return list(groups.values())


def _read(group: _Group, errors: list[str]) -> list[Document]:
    documents = []
    for path in group.files:
        for result in read_path(path, group.config.jsonl):
            if isinstance(result, InputError):
                errors.append(str(result))
            else:
                documents.append(result)
    return documents


def _context(group: _Group) -> list[Document]:
    """The group's corpus context, read once (``--fix`` lints a group several times)."""
    if group.context_documents is None:
        group.context_documents, unread = read_context(group.context, group.config.jsonl)
        for error in unread:  # not linted, so not an error of this run
            print(f"newslint: warning: {error} (corpus context)", file=sys.stderr)
    return group.context_documents


def _engine(group: _Group) -> Engine:
    config = group.config
    tracking = Tracking(
        lambda document: config.is_original(document.path),
        str(config.tracking_model) if config.tracking_model else None,
    )
    return Engine(group.rules, tracking)


def _finish(group: _Group, findings: list[Finding], documents: list[Document]) -> list[Finding]:
    """Inline directives, then per-file ignores."""
    suppressor = Suppressor(
        group.rules, group.known, group.report_unused, group.config.jsonl.directives
    )
    findings = suppressor.apply(findings, documents)
    ignored = {path: group.config.ignored_for(path) for path in {f.path for f in findings}}
    return [f for f in findings if f.rule not in ignored[f.path]]


def _lint(group: _Group, documents: list[Document], engine: Engine | None = None) -> list[Finding]:
    """Lint ``documents`` in this process, without the cache (``--fix``, ``report``)."""
    findings = (engine or _engine(group)).run(documents, context=_context(group))
    return _finish(group, findings, documents)


def _cache(args: argparse.Namespace, group: _Group) -> Cache | None:
    if args.no_cache:
        return None
    config = group.config  # its identity keeps groups sharing a --cache-dir in separate files
    settings = {
        "config": config.source,
        "jsonl": config.jsonl,
        "originals": config.originals,
        "per_file_ignores": config.per_file_ignores,
        "tracking_model": _model_digest(config),
        "directives": [sorted(group.known), group.report_unused],
    }
    directory = directory_for(group.config.root, args.cache_dir)
    return Cache(directory, fingerprint(group.rules, settings))


def _model_digest(config: Config) -> str:
    """The tracking model's bytes: a retrained model must not reuse cached scores."""
    try:
        data = model_bytes(str(config.tracking_model) if config.tracking_model else None)
    except OSError:
        return "unreadable"
    return hashlib.sha256(data).hexdigest()


def _lint_groups(
    args: argparse.Namespace, groups: list[_Group], errors: list[str], need_documents: bool
) -> list[_Run]:
    """Every group through the cache and ``--jobs`` workers, with a progress bar on a terminal."""
    show = args.format == "text" and sys.stderr.isatty()
    progress = Progress(sys.stderr if show else None)
    runner = Runner(args.jobs, [Work(tuple(g.rules), g.config.jsonl) for g in groups])
    runs: list[_Run] = []
    warnings: list[str] = []  # printed once the progress line is gone
    try:
        for index, group in enumerate(groups):
            cache = _cache(args, group)
            result = lint_group(
                group.files,
                index,
                _engine(group),
                runner,
                cache,
                progress,
                lambda found, documents, group=group: _finish(group, found, documents),
                _context(group),
                need_documents,
            )
            errors.extend(result.errors)
            runs.append(_Run(group, tuple(result.documents or ()), result.findings, result.paths))
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
    return runs


@dataclass(frozen=True)
class _Run:
    """One group's outcome: the files read and their findings."""

    group: _Group
    documents: tuple[Document, ...]  # empty when the cache held the finished findings
    findings: list[Finding]
    paths: tuple[str, ...]  # the files read


def _emit(args: argparse.Namespace, text: str) -> None:
    if not args.output:
        sys.stdout.write(text)
        return
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    except OSError as err:
        raise NewslintError(
            f"--output: cannot write {args.output.as_posix()} ({err.strerror})"
        ) from None


def _check(args: argparse.Namespace) -> int:
    errors: list[str] = []
    groups = _groups(args, errors)  # rule and config errors stop here, before reading documents
    # a missing or broken baseline stops the run before any document is read
    known = baseline.load(args.baseline) if args.baseline else None
    if args.fix or args.diff:
        return _fix(args, groups, errors, known)
    need_documents = bool(args.baseline or args.write_baseline)  # fingerprints read the text
    return _report(args, _lint_groups(args, groups, errors, need_documents), errors, known)


def _fix(
    args: argparse.Namespace, groups: list[_Group], errors: list[str], known: Counter[str] | None
) -> int:
    """``--diff`` prints what ``--fix`` would change; ``--fix`` writes it and reports the rest."""
    outcomes = [(g, fix_corpus(_read(g, errors), lambda d, g=g: _lint(g, d))) for g in groups]
    changes = sorted((c for _, outcome in outcomes for c in outcome.changes), key=lambda c: c.path)
    if args.diff:
        _emit(args, "".join(unified_diff(c) for c in changes))
        fixed = sum(c.fixed for c in changes)
        print(f"Would fix {_count(fixed)} in {_count(len(changes), 'file')}.", file=sys.stderr)
        _print_errors(errors)
        return EXIT_ERROR if errors else (EXIT_FINDINGS if changes else EXIT_CLEAN)
    failed: set[str] = set()
    for change in changes:
        try:
            write(change)
        except (InputError, OutputError) as err:
            errors.append(str(err))
            failed.add(change.path)
    runs = [
        _Run(g, tuple(o.documents), _remaining(g, o, failed), tuple(d.path for d in o.documents))
        for g, o in outcomes
    ]
    written = [c for c in changes if c.path not in failed]
    fixed = sum(c.fixed for c in written)
    done = f"Fixed {_count(fixed)} in {_count(len(written), 'file')}.\n" if fixed else ""
    return _report(args, runs, errors, known, done)


def _remaining(group: _Group, outcome: Outcome, failed: set[str]) -> list[Finding]:
    if not failed & {c.path for c in outcome.changes}:
        return list(outcome.findings)
    return _lint(group, outcome.reverting(failed))  # what is on disk for the files not written


def _count(n: int, word: str = "finding") -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _print_errors(errors: list[str]) -> None:
    for error in errors:
        print(f"newslint: error: {error}", file=sys.stderr)


def _without_baseline(
    path: Path, known: Counter[str], findings: list[Finding], documents: list[Document]
) -> list[Finding]:
    """The findings the baseline ``known`` (read from ``path``) does not hold."""
    return baseline.subtract(findings, baseline.entries(findings, documents, path.parent), known)


def _write_baseline(path: Path, findings: list[Finding], documents: list[Document]) -> str:
    count = baseline.write(path, baseline.entries(findings, documents, path.parent))
    return f"Wrote {count} finding{'s' * (count != 1)} to {path.as_posix()}.\n"


def _report(
    args: argparse.Namespace,
    runs: list[_Run],
    errors: list[str],
    known: Counter[str] | None,
    fixed: str = "",
) -> int:
    findings = sorted(f for run in runs for f in run.findings)
    documents = [d for run in runs for d in run.documents]
    if args.write_baseline:  # the baseline holds the findings: nothing is left to report
        _emit(args, _write_baseline(args.write_baseline, findings, documents))
        _print_errors(errors)
        return EXIT_ERROR if errors else EXIT_CLEAN
    if known is not None:
        findings = _without_baseline(args.baseline, known, findings, documents)
        new = set(findings)
        runs = [replace(r, findings=[f for f in r.findings if f in new]) for r in runs]
    linted = {path for run in runs for path in run.paths}
    context = Report.of((r for run in runs for r in run.group.rules), linted, Path.cwd())
    output = formatter(args.format)(findings, context)
    if args.statistics and args.format == "text":
        output = statistics(findings) + output
    if args.format == "text":
        output += fixed
    elif fixed:
        print(fixed, end="", file=sys.stderr)
    _emit(args, output)
    _print_errors(errors)
    if errors:
        return EXIT_ERROR
    fail_on = Severity.parse(args.fail_on) if args.fail_on else None
    failing = any(  # each file is judged by its own configuration's fail-on unless --fail-on
        f.severity >= (fail_on or run.group.config.fail_on) for run in runs for f in run.findings
    )
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_CLEAN


def _tracking_for(pairs: Sequence[Pair]) -> dict[str, TrackingInfo]:
    """Each paired rewrite's score against its original (or nearest one), for the report."""
    from lint.html import TrackingInfo, document_key

    return {
        document_key(p.rewrite): TrackingInfo(
            p.nearest.path, p.nearest.text, p.score.score, p.score.label
        )
        for p in pairs
        if p.nearest is not None and p.score is not None
    }


def _report_html(args: argparse.Namespace) -> int:
    from lint.html import articles, write_report  # only this command needs it

    errors: list[str] = []
    groups = _groups(args, errors)
    documents: list[Document] = []
    findings: list[Finding] = []
    docs: dict[str, Mapping[str, str]] = {}
    tracking: dict[str, TrackingInfo] = {}
    for group in groups:
        group_documents = _read(group, errors)
        engine = _engine(group)
        documents.extend(group_documents)
        findings.extend(_lint(group, group_documents, engine))
        tracking.update(_tracking_for(engine.pairs))
        docs.update({rule.id: rule.docs for rule in group.rules})
    _print_errors(errors)
    pages = write_report(args.output, articles(documents, findings, tracking), docs)
    count = len(pages) - 1
    print(f"Wrote {count} article page{'' if count == 1 else 's'} and {pages[0].as_posix()}")
    return EXIT_ERROR if errors else EXIT_CLEAN


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
    if "original" in rule.docs:  # pair rules: the examples are rewrites of this original
        print(f"Original{indent}{indent.join(rule.docs['original'].strip().splitlines())}\n")
    print(f"Flagged{indent}{indent.join(rule.docs['fail'].strip().splitlines())}\n")
    print(f"Not flagged{indent}{indent.join(rule.docs['pass'].strip().splitlines())}")
    return EXIT_CLEAN


_COMMANDS = {
    "check": _check,
    "report": _report_html,
    "rules": _rules,
    "explain": _explain,
    "train": track_commands.train,
    "score": track_commands.score,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except NewslintError as err:
        print(f"newslint: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
