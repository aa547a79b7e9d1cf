"""``newslint rules`` (list the rules) and ``newslint explain RULE`` (show a rule's docs)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lint.config import Finder, load
from lint.engine.groups import rule_dirs
from lint.engine.rules import Rule, load_rules
from lint.workflows import ExitStatus


def _all_rules(args: argparse.Namespace) -> list[Rule]:
    config = load(args.config) if args.config else Finder().for_directory(Path.cwd())
    return load_rules(rule_dirs(config), None, config.rules)


def rules(args: argparse.Namespace) -> ExitStatus:
    for rule in _all_rules(args):
        print(f"{rule.id:28s} {rule.kind:12s} {rule.severity.label:8s} {rule.docs['what']}")
    return ExitStatus.CLEAN


def _indented(text: str) -> str:
    return "\n    ".join(text.strip().splitlines()) or "(only white space)"


def explain(args: argparse.Namespace) -> ExitStatus:
    rule = {r.id: r for r in _all_rules(args)}.get(args.rule)
    if rule is None:
        print(f"newslint: error: unknown rule {args.rule!r}", file=sys.stderr)
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
