"""``check --show-files`` (the files a run would lint, after ``exclude`` and ignore files) and
``check --show-settings`` (the configuration each group of files resolves to). Neither lints."""

from __future__ import annotations

import argparse
import json
from typing import Any

from lint.engine.groups import Group
from lint.engine.resolve import resolve
from lint.workflows import ExitStatus
from lint.workflows.check import options
from lint.workflows.output import print_errors


def files(args: argparse.Namespace) -> ExitStatus:
    groups, errors = resolve(args.paths, options(args))
    for path in sorted({p.as_posix() for group in groups for p in group.files}):
        print(path)
    print_errors(errors)
    return ExitStatus.ERROR if errors else ExitStatus.CLEAN


def _settings(group: Group) -> dict[str, Any]:
    config = group.config
    return {
        "config": config.source,
        "root": config.root.as_posix(),
        "files": len(group.files),
        "rules": sorted(r.id for r in group.rules),
        "fail-on": config.fail_on.label,
        "exclude": list(config.exclude),
        "extend-exclude": list(config.extend_exclude),
        "originals": list(config.originals),
        "per-file-ignores": {k: list(v) for k, v in config.per_file_ignores.items()},
        "rule-dirs": [d.as_posix() for d in config.rule_dirs],
        "rule-settings": {k: dict(v) for k, v in config.rules.items()},
        "jsonl": {k: list(v) for k, v in vars(config.jsonl).items()},
        "tracking-model": config.tracking_model.as_posix() if config.tracking_model else None,
        "corpus-context": len(group.context),
    }


def settings(args: argparse.Namespace) -> ExitStatus:
    """One block per configuration the paths resolve to; JSON with ``--format json``."""
    groups, errors = resolve(args.paths, options(args))
    found = [_settings(g) for g in groups]
    if args.format == "json":
        print(json.dumps(found, indent=2))
    else:
        for number, block in enumerate(found):
            print("" if number == 0 else "\n", end="")
            for key, value in block.items():
                shown = value if isinstance(value, str | int) else json.dumps(value)
                print(f"{key:16s} {shown}")
    print_errors(errors)
    return ExitStatus.ERROR if errors else ExitStatus.CLEAN
