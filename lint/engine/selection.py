"""Which rule ids run: configuration first, then the command line, as ruff merges them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from lint.config import Config
from lint.errors import ConfigError


@dataclass(frozen=True)
class Selection:
    """Command-line selection; ``select`` replaces the configuration's."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``known`` to a mistyped ``word``, or ""."""
    import difflib  # only for an unknown id

    close = difflib.get_close_matches(word, sorted(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _check_known(known: Mapping[str, Path], ids: tuple[str, ...], where: str) -> None:
    for rule_id in ids:
        if rule_id != "ALL" and rule_id not in known:
            hint = did_you_mean(rule_id, known)
            raise ConfigError(f"{where}: unknown rule id {rule_id!r}{hint}")


def select_ids(known: Mapping[str, Path], config: Config, cli: Selection) -> list[str]:
    """The rule ids to run, after checking every id named exists."""
    for ids, where in (
        (config.select or (), f"{config.source}: select"),
        (config.extend_select, f"{config.source}: extend-select"),
        (config.ignore, f"{config.source}: ignore"),
        (tuple(config.rules), f"{config.source}: rules"),
        (cli.select or (), "--select"),
        (cli.extend_select, "--extend-select"),
        (cli.ignore, "--ignore"),
    ):
        _check_known(known, ids, where)
    base = cli.select if cli.select is not None else config.select
    chosen = set(known) if base is None or "ALL" in base else set(base)
    chosen |= set(config.extend_select) | set(cli.extend_select)
    chosen -= set(config.ignore) | set(cli.ignore)
    return sorted(chosen)
