"""``newslint rules`` (list the rules) and ``newslint explain RULE`` (show a rule's docs)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lint.config import Finder, load
from lint.engine.resolve import rule_dirs
from lint.engine.rules import Rule, load_rules
from lint.engine.selection import did_you_mean
from lint.workflows import ExitStatus


def _all_rules(args: argparse.Namespace) -> list[Rule]:
    config = load(args.config) if args.config else Finder().for_directory(Path.cwd())
    return load_rules(rule_dirs(config), None, config.rules)


def rules(args: argparse.Namespace) -> ExitStatus:
    """One line per rule, or with ``--format json`` an array of ``{id, kind, severity, level,
    what, why}`` (the rule's effective severity, after the configuration)."""
    found = _all_rules(args)
    if args.format == "json":
        rows = [
            {
                "id": r.id,
                "kind": r.kind,
                "severity": r.severity.label,
                "level": r.level.value,
                "what": r.docs["what"],
                "why": r.docs["why"],
            }
            for r in found
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return ExitStatus.CLEAN
    for rule in found:
        print(f"{rule.id:28s} {rule.kind:12s} {rule.severity.label:8s} {rule.docs['what']}")
    return ExitStatus.CLEAN


def _indented(text: str) -> str:
    return "\n    ".join(text.strip().splitlines()) or "(only white space)"


def explain(args: argparse.Namespace) -> ExitStatus:
    by_id = {r.id: r for r in _all_rules(args)}
    rule = by_id.get(args.rule)
    if rule is None:
        hint = did_you_mean(args.rule, by_id)
        print(f"newslint: error: unknown rule {args.rule!r}{hint}", file=sys.stderr)
        return ExitStatus.ERROR
    print(f"{rule.id} ({rule.kind}, {rule.severity.label})\n")
    print(f"What it does\n    {rule.docs['what']}\n\nWhy it matters\n    {rule.docs['why']}\n")
    if "original" in rule.docs:  # pair rules: the examples are rewrites of this original
        print(f"Original\n    {_indented(rule.docs['original'])}\n")
    if "file" in rule.docs:  # the examples are files of this name (its suffix picks the reader)
        print(f"Examples are the file {rule.docs['file']}\n")
    print(f"Flagged\n    {_indented(rule.docs['fail'])}\n")
    print(f"Not flagged\n    {_indented(rule.docs['pass'])}")
    return ExitStatus.CLEAN
