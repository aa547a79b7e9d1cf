"""``dataclasses`` without ``inspect`` (lint.io.lazyinspect): the docstring a dataclass gets is the
one ``inspect.signature`` writes, for every dataclass of the package and for the cases the fast
path hands to ``inspect``; and a one-file run does not import ``inspect``."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import InitVar, dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest
from conftest import ROOT, SEEDS

import lint
from lint.io.lazyinspect import _Placeholder, signature_text


def _package_dataclasses() -> Iterator[type]:
    for info in pkgutil.walk_packages(lint.__path__, "lint."):
        if info.name == "lint.__main__":  # runs the command line
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra (ray, pyarrow...) not installed
            continue
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value):
                yield value


def _same(cls: type) -> None:
    expected = str(inspect.signature(cls))
    assert str(_Placeholder("inspect").signature(cls)) == expected


def test_every_dataclass_of_the_package_gets_inspects_text() -> None:
    classes = set(_package_dataclasses())
    assert len(classes) > 50
    fast = [cls for cls in classes if signature_text(cls) is not None]
    assert len(fast) > 0.9 * len(classes)  # the fast path is the common case
    for cls in classes:
        _same(cls)


@dataclass(frozen=True, order=True)
class _Point:
    x: int
    y: list[str] = field(default_factory=list, compare=False)
    label: str = "p"
    scale: float = 1.5
    missing: Any = None


@dataclass(kw_only=True)
class _KeywordOnly:
    width: float
    height: float = 2.0


@dataclass
class _Mixed:
    a: int
    b: str = field(default="b", kw_only=True)
    c: InitVar[int] = 3
    d: ClassVar[int] = 4


@dataclass(frozen=True)
class _Child(_Point):
    extra: tuple[int, ...] = ()


@dataclass(init=False)
class _NoInit:
    a: int = 1


@dataclass
class _New:
    a: int

    def __new__(cls, *args: Any, **kwargs: Any) -> _New:
        return super().__new__(cls)


class _Meta(type):
    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return super().__call__(*args, **kwargs)


@dataclass
class _WithMeta(metaclass=_Meta):
    a: int = 0


def _real_types() -> type:
    namespace: dict[str, Any] = {"dataclass": dataclass}
    source = "@dataclass\nclass Real:\n    a: int\n    b: list[int] | None = None\n"
    exec(compile(source, "<real>", "exec", dont_inherit=True), namespace)  # types, not strings
    cls: type = namespace["Real"]
    return cls


@pytest.mark.parametrize(
    "cls", [_Point, _KeywordOnly, _Mixed, _Child, _NoInit, _New, _WithMeta, _real_types()]
)
def test_other_shapes_of_class_get_inspects_text(cls: type) -> None:
    _same(cls)


def test_cases_it_cannot_tell_go_to_inspect() -> None:
    for cls in (_NoInit, _New, _WithMeta, _real_types()):
        assert signature_text(cls) is None


def test_a_run_imports_neither_inspect_nor_ast(tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom lint.cli import main\nstatus = main(sys.argv[1:])\n"
        "print(sorted(m for m in ('inspect', 'ast', 'dis') if m in sys.modules))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path)}
    seed = SEEDS / "002_06a2e6461da98317.txt"
    for _ in range(2):  # the first run builds the start-up cache (parsing YAML imports inspect)
        proc = subprocess.run(
            [sys.executable, "-c", probe, "check", "--no-cache", str(seed)],
            capture_output=True,
            text=True,
            cwd=seed.parent,
            env=env,
            check=False,
        )
        assert "Found 1 finding" in proc.stdout, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"
