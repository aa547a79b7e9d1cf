"""``newslint check --fix`` and ``--diff``: apply the edits findings carry, then report the rest.

``--diff`` prints what ``--fix`` would change and writes nothing; ``--fix`` writes each changed
file atomically and reports what is left, as ``check`` would (a file whose fix could not be
written is reported as it is on disk). ``--force-fix`` also writes the files ``--fix`` leaves
alone with a warning (read-only, another user's, hard-linked), never a symbolic link.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace

from lint.core.finding import Finding
from lint.engine.fix import Change, FixSkipped, Outcome, fix_corpus, unified_diff, write
from lint.engine.groups import Group
from lint.engine.outcome import Part, Run
from lint.engine.resolve import resolve
from lint.engine.run import lint_groups, no_articles, without_baseline
from lint.engine.unreadable import UNREADABLE
from lint.errors import NewslintError
from lint.io import baseline
from lint.workflows import ExitStatus, check
from lint.workflows.output import count, emit, print_errors, print_warnings


def _unread(part: Part) -> list[Finding]:
    """The part's ``unreadable-file`` findings: no document to fix or lint again, they stay."""
    return [f for f in part.findings if f.rule == UNREADABLE]


def _fixed(part: Part) -> Outcome:
    group, unread = part.group, _unread(part)
    return fix_corpus(
        list(part.documents), lambda documents: group.lint(documents)[0] + unread, part.findings
    )


def run(args: argparse.Namespace) -> ExitStatus:
    options = check.options(args, keep_documents=True)  # in this process, without the cache
    groups, errors = resolve(args.paths, options)
    known = baseline.load(args.baseline) if args.baseline else None  # before reading
    first = lint_groups(groups, errors, replace(options, baseline=None), None)
    nothing = no_articles(args.paths, groups)
    print_warnings([*first.warnings, *([nothing] if nothing else [])])
    outcomes = [(part, _fixed(part)) for part in first.parts]
    changes = sorted((c for _, outcome in outcomes for c in outcome.changes), key=lambda c: c.path)
    if args.diff:
        return _diff(args, changes, first.errors)
    errors, failed = list(first.errors), set()
    for change in changes:
        try:
            write(change, force=args.force_fix)
        except FixSkipped as err:  # a link, read-only, another owner, hard links: a warning
            print_warnings([str(err)])
            failed.add(change.path)
        except NewslintError as err:
            errors.append(str(err))
            failed.add(change.path)
    parts = [_remaining(part, outcome, failed) for part, outcome in outcomes]
    result = Run.of(parts, errors, ())
    if args.baseline and known is not None:
        result = without_baseline(result, args.baseline, known)
    written = [c for c in changes if c.path not in failed]
    fixed = sum(c.fixed for c in written)
    done = f"Fixed {count(fixed)} in {count(len(written), 'file')}.\n" if fixed else ""
    return check.report(args, result, done)


def _diff(args: argparse.Namespace, changes: Sequence[Change], errors: Sequence[str]) -> ExitStatus:
    emit(args.output, "".join(unified_diff(c) for c in changes))
    fixed = sum(c.fixed for c in changes)
    print(f"Would fix {count(fixed)} in {count(len(changes), 'file')}.", file=sys.stderr)
    print_errors(errors)
    if errors:
        return ExitStatus.ERROR
    return ExitStatus.FINDINGS if changes else ExitStatus.CLEAN


def _remaining(part: Part, outcome: Outcome, failed: set[str]) -> Part:
    """The part after fixing: what is on disk for the files whose fix was not written."""
    group: Group = part.group
    documents = list(outcome.documents)
    findings = list(outcome.findings)
    if failed & {c.path for c in outcome.changes}:
        documents = outcome.reverting(failed)
        findings = group.lint(documents)[0] + _unread(part)
    paths = tuple(d.path for d in documents)
    return Part(group, tuple(sorted(findings)), tuple(documents), paths)
