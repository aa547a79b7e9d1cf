"""The code of dataclasses' generated methods kept between runs (lint.io.codecache): a class made
with stored code behaves and looks as one made by ``dataclasses`` alone, the store is signed, and
it can be turned off. Each run is a fresh interpreter, as a command is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

_RUN = """
import json, sys
from lint.io import codecache
loaded = codecache.install()
if sys.argv[1] == "forbid":  # every source must come from the store
    def refuse(source):
        raise AssertionError("compiled, not loaded: " + source[:60])
    codecache._compile = refuse
import dataclasses, inspect
from dataclasses import dataclass, field

@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: "list[str]" = field(default_factory=list, compare=False)
    label: str = "p"

@dataclass(slots=True, kw_only=True)
class Box:
    width: float
    height: float = 1.5
    def area(self) -> float:
        return self.width * self.height

p, q = Point(1, ["a"]), Point(2)
b = Box(width=2.0)
b.height = 3.0
try:
    p.x = 5
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
result = {
    "loaded": loaded,
    "repr": [repr(p), repr(q), repr(b)],
    "order": [p < q, p == Point(1, ["b"]), hash(p) == hash(Point(1)), b.area()],
    "frozen": frozen,
    "signatures": [str(inspect.signature(Point)), str(inspect.signature(Box))],
    "annotations": [repr(Point.__init__.__annotations__), repr(Box.__init__.__annotations__)],
    "code": [Point.__init__.__code__.co_filename, Point.__eq__.__code__.co_flags],
    "saved": codecache.save(),
}
print(json.dumps(result))
"""


def _run(key_dir: Path, mode: str, env_off: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NEWSLINT_KEY_DIR": str(key_dir)}
    env.pop("NEWSLINT_NO_RULE_CACHE", None)
    if env_off:
        env["NEWSLINT_NO_RULE_CACHE"] = "1"
    proc = subprocess.run(
        [sys.executable, "-c", _RUN, mode],
        capture_output=True,
        text=True,
        env=env,
        cwd=key_dir,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _stock() -> dict:
    """The same classes made by dataclasses alone (no store installed), in a fresh interpreter."""
    install = "from lint.io import codecache\nloaded = codecache.install()"
    source = _RUN.replace(install, "loaded = 0")
    source = source.replace('"saved": codecache.save(),', '"saved": 0,')
    assert "import codecache" not in source and "codecache.save" not in source
    proc = subprocess.run(
        [sys.executable, "-c", source, "compile"], capture_output=True, text=True, check=True
    )
    return json.loads(proc.stdout)


def _same(result: dict, stock: dict) -> bool:
    keys = ("repr", "order", "frozen", "signatures", "annotations", "code")
    return all(result[key] == stock[key] for key in keys)


@pytest.mark.slow
def test_classes_made_with_stored_code_are_the_classes_dataclasses_makes(tmp_path):
    stock = _stock()
    assert stock["frozen"] and stock["order"] == [True, True, True, 6.0]
    # annotations evaluated, as without the store (a __future__ flag leaking would make strings)
    assert "<class 'int'>" in stock["annotations"][0]
    first = _run(tmp_path, "compile")
    assert first["loaded"] == 0 and first["saved"] >= 8 and _same(first, stock)
    (stored,) = (tmp_path / "code").glob("*/*.bin")
    again = _run(tmp_path, "forbid")  # compiling refuses: every source comes from the store
    assert again["loaded"] >= first["saved"] and again["saved"] == 0 and _same(again, stock)
    stored.write_bytes(b"\0" * 32 + stored.read_bytes()[32:])  # not signed with the key
    planted = _run(tmp_path, "compile")
    assert planted["loaded"] == 0 and _same(planted, stock)
    assert planted["saved"] >= first["saved"]  # compiled as usual, and stored again
    assert _run(tmp_path, "forbid")["loaded"] >= first["saved"]


@pytest.mark.slow
def test_a_damaged_store_is_compiled_again(tmp_path):
    _run(tmp_path, "compile")
    (stored,) = (tmp_path / "code").glob("*/*.bin")
    data = stored.read_bytes()
    stored.write_bytes(data[: len(data) // 2])  # cut short: fails its signature
    result = _run(tmp_path, "compile")
    assert result["loaded"] == 0 and result["saved"] >= 8 and _same(result, _stock())


@pytest.mark.slow
def test_the_store_can_be_turned_off(tmp_path):
    result = _run(tmp_path, "compile", env_off=True)
    assert (result["loaded"], result["saved"]) == (0, 0) and _same(result, _stock())
    assert not (tmp_path / "code").exists()


def test_the_caching_exec_compiles_as_exec_does():
    from lint.io import codecache

    source = "def __create_fn__(t):\n def f(a: t) -> t:\n  return a\n return f\n"
    plain: dict = {}
    exec(compile(source, "<string>", "exec", dont_inherit=True), {}, plain)
    cached: dict = {}
    codecache._exec(source, {}, cached)
    codecache._exec(source, {}, cached)  # the second time from the process's table
    made, expected = cached["__create_fn__"](int), plain["__create_fn__"](int)
    assert made.__annotations__ == expected.__annotations__ == {"a": int, "return": int}
    assert made.__code__.co_code == expected.__code__.co_code and made(3) == 3
    assert codecache._codes[source].co_filename == "<string>"
