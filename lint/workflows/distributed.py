"""``newslint check --engine ray``: the same run on a Ray cluster (``pip install newslint[ray]``).

Groups, rules and the tracking model are resolved on the driver exactly as for ``newslint
check`` (a broken configuration stops the run before anything is read); each group then goes
through the stages of :mod:`lint.distributed.stages` (driven by :mod:`lint.workflows.ray_group`),
which call the same engine, kinds, suppression and collapse. As for ``newslint check``, the
merged, deterministically sorted report goes to stdout or ``--output FILE`` and ``--output-shards
DIR`` adds the findings as shards (see :func:`lint.workflows.output.write_shards`). With
``--stage-dir DIR`` the stages' Parquet stays there and a rerun of the same inputs restarts after
the last finished stage; without it the stages live in a temporary folder.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, replace
from pathlib import Path

from lint.core.finding import Finding
from lint.distributed.threads import ray_shutdown_races_hidden
from lint.engine.groups import Group, Options
from lint.engine.outcome import Part, Run
from lint.engine.resolve import resolve
from lint.engine.run import no_articles
from lint.workflows import ExitStatus
from lint.workflows.output import emit, print_errors, print_warnings
from lint.workflows.ray_group import Linted, lint_group

OBJECT_STORE = 256 * 1024 * 1024  # a local cluster shares the machine with other work


def connect(address: str | None, cpus: int, quiet: bool = False) -> bool:
    """Join the cluster at ``address`` or start a local one of ``cpus`` CPUs; False when this
    process was connected already. Workers get this checkout of newslint first on their path (a
    cluster's nodes must have newslint installed). ``quiet`` (``-q``): Ray's and Ray Data's own
    log lines and warnings are errors only."""
    import ray
    import ray.data  # it sets up its loggers when first imported

    if quiet:
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
        warnings.filterwarnings("ignore", module=r"ray(\.|$)")
    if ray.is_initialized():
        return False
    here = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH", "")) if p)
    runtime_env = {"env_vars": {"PYTHONPATH": path}}
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.default_hash_shuffle_parallelism = max(2, cpus * 2)  # not 200 partitions of a few rows
    context.max_hash_shuffle_aggregators = max(1, cpus)
    if os.environ.get("NEWSLINT_RAY_SHUFFLE", "sort") == "sort":  # tasks, not aggregator actors
        from ray.data.context import ShuffleStrategy

        context.shuffle_strategy = ShuffleStrategy.SORT_SHUFFLE_PULL_BASED
    if address:
        ray.init(
            address=address,
            runtime_env=runtime_env,
            log_to_driver=False,
            logging_level=logging.ERROR if quiet else logging.INFO,
        )
    else:
        # Ray runs its workers at niceness 15, under everything else on the machine: a local
        # cluster's workers are this command's own, as `--jobs` workers are, so they run at the
        # command's niceness (RAY_worker_niceness, if set, still decides)
        system = {} if "RAY_worker_niceness" in os.environ else {"worker_niceness": 0}
        ray.init(
            num_cpus=cpus,
            object_store_memory=OBJECT_STORE,
            _system_config=system,
            include_dashboard=False,
            runtime_env=runtime_env,
            log_to_driver=False,
            logging_level=logging.ERROR if quiet else logging.INFO,
        )
    return True


@dataclass(frozen=True)
class Layout:
    """Where ``--engine ray`` writes: the merged, sorted report (None: stdout), the findings'
    shards and the stages (None: a temporary folder, no restart)."""

    report: Path | None
    shards: Path | None
    stages: Path | None
    warning: str | None = None  # the folder ``--output`` of before, still read as it was


def layout(args: argparse.Namespace) -> Layout:
    """``--output FILE``, ``--output-shards DIR`` and ``--stage-dir DIR``; an ``--output``
    written as a folder (``out/``, or an existing folder) keeps the layout it had before them:
    ``out/findings.EXT``, ``out/shards/`` and ``out/stages/``, with a warning."""
    output: Path | None = args.output
    shards: Path | None = getattr(args, "output_shards", None)
    stages: Path | None = getattr(args, "stage_dir", None)
    if output is None or not (getattr(args, "output_is_folder", False) or output.is_dir()):
        return Layout(output, shards, stages)
    where, suffix = output.as_posix(), _suffix(args.format)
    warning = (
        f"--output {where}/ names a folder: the report goes to {where}/findings.{suffix}, "
        f"shards to {where}/shards and stages to {where}/stages as before; give --output FILE, "
        "--output-shards DIR and --stage-dir DIR instead"
    )
    return Layout(
        output / f"findings.{suffix}",
        shards or output / "shards",
        stages or output / "stages",
        warning,
    )


def lint_linted(
    paths: list[str],
    options: Options,
    cpus: int,
    root: Path,
    progress: bool = True,
    baseline_root: Path | None = None,
) -> tuple[Linted, list[Group], list[str]]:
    """The findings of the files under ``paths`` (stages under ``root``), sorted, each with its
    baseline entry relative to ``baseline_root`` if given; the groups; the errors (missing
    paths). On the connected cluster (see :func:`connect`)."""
    groups, errors = resolve(paths, options)
    root_name = str(baseline_root.resolve()) if baseline_root is not None else None
    linted: Linted = []
    for number, group in enumerate(groups):
        if group.files:
            linted += lint_group(group, root / f"group-{number}", cpus, progress, root_name)
    linted.sort(key=lambda pair: pair[0])
    return linted, groups, errors


def lint_paths(
    paths: list[str], options: Options, cpus: int, root: Path, progress: bool = True
) -> tuple[list[Finding], list[Group], list[str]]:
    """Sorted findings of the files under ``paths`` (stages under ``root``), the groups and the
    errors (missing paths), on the connected cluster (see :func:`connect`); with
    ``options.baseline``, without the findings it holds, as ``newslint check`` subtracts it."""
    from lint.io import baseline

    known = baseline.load(options.baseline) if options.baseline else None  # before any work
    where = options.baseline.parent if options.baseline else None
    linted, groups, errors = lint_linted(paths, options, cpus, root, progress, where)
    findings = [f for f, _ in linted]
    if known is not None:
        entries = [e for _, e in linted if e is not None]
        findings = baseline.subtract(findings, entries, known)
    return findings, groups, errors


def _write_baseline(
    args: argparse.Namespace, paths: list[str], options: Options, root: Path
) -> tuple[str, list[str]]:
    """``--write-baseline FILE`` with the Ray job: every finding's entry, made on the workers.
    Returns what to print and the errors."""
    from lint.io import baseline

    target: Path = args.write_baseline
    progress = not args.quiet
    linted, groups, errors = lint_linted(paths, options, args.jobs, root, progress, target.parent)
    if not args.quiet:
        print_warnings(w for g in groups for w in g.warnings)
    count = baseline.write(target, [e for _, e in linted if e is not None])
    return f"Wrote {count} finding{'s' * (count != 1)} to {target.as_posix()}.\n", errors


def as_run(
    findings: list[Finding], groups: list[Group], errors: list[str], paths: list[str]
) -> Run:
    """The Ray job's outcome as the local engine's :class:`~lint.engine.outcome.Run`, for the same
    report (one part per group: its files, its findings; its warnings, then the run's)."""
    parts: list[Part] = []
    for group in groups:
        files = tuple(p.as_posix() for p in group.files)
        mine = set(files)
        parts.append(Part(group, tuple(f for f in findings if f.path in mine), (), files))
    said = [w for g in groups for w in g.warnings]
    nothing = no_articles(paths, groups)
    if nothing:
        said.append(nothing)
    return Run(tuple(parts), tuple(findings), tuple(errors), tuple(said))


def run(args: argparse.Namespace, options: Options) -> ExitStatus:
    """``newslint check --engine ray``: the stages on the cluster, then the same report as
    ``newslint check`` (:func:`lint.workflows.check.report`: ``--statistics``, ``-q``,
    ``--show-source``, ``--strict``, shards and exit status alike)."""
    from lint.workflows import check

    started = time.perf_counter()
    where = layout(args)
    if where.warning and not args.quiet:
        print_warnings([where.warning])
    paths, note = list(args.paths), None
    if args.changed_since:  # as the local engine: the changed files, the rest as context
        from lint.workflows import changed

        paths, corpus_root = changed.targets(args)
        options = replace(options, corpus_root=corpus_root)
        if not paths:
            note = (
                f"no article under {', '.join(args.paths)} changed since {args.changed_since}; "
                "nothing was linted"
            )
    stdout, sys.stdout = sys.stdout, sys.stderr  # Ray's log monitor prints; the report is ours
    connected = False
    with ray_shutdown_races_hidden():  # Ray Data's own threads racing at a stage's end
        try:
            if paths:  # nothing changed: no cluster to start
                connected = connect(getattr(args, "address", None), args.jobs, args.quiet)
            with tempfile.TemporaryDirectory(prefix="newslint-ray-") as scratch:
                root = where.stages or Path(scratch)
                if args.write_baseline:
                    wrote, errors = _write_baseline(args, paths, options, root)
                else:
                    options = replace(options, baseline=args.baseline)
                    findings, groups, errors = lint_paths(
                        paths, options, args.jobs, root, not args.quiet
                    )
        finally:
            if connected:  # Ray's thread printing its node's warnings ("(raylet) ...") to
                import ray  # sys.stdout stops before the report goes there

                ray.shutdown()
            sys.stdout = stdout
    if args.write_baseline:  # the baseline holds the findings: nothing is left to report
        emit(where.report, wrote)
        print_errors(errors)
        return ExitStatus.ERROR if errors else ExitStatus.CLEAN
    result = as_run(findings, groups, errors, paths)
    if note is not None:
        result = replace(result, warnings=(note,))
    shown = argparse.Namespace(
        **{**vars(args), "output": where.report, "output_shards": where.shards}
    )
    status = check.report(shown, result)
    if not args.quiet:
        seconds = time.perf_counter() - started
        print(f"newslint: ray: {len(findings):,} findings in {seconds:.1f} s", file=sys.stderr)
    return status


def _suffix(name: str) -> str:
    return {"junit": "xml", "text": "txt"}.get(name, name)
