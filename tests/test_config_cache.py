"""Parsed configuration files come from the user's signed start-up cache: the same Config as
parsing the file, parsed again when the file changes, never trusted when not ours, never kept
when broken."""

from __future__ import annotations

import pickle
import shutil

import pytest
from conftest import ROOT
from conftest import write as _write

import lint.config as config_module
from lint.config import Finder, load
from lint.errors import ConfigError
from lint.io import startcache

TEXT = 'originals: ["o_*.txt"]\nignore: [readability]\nrules:\n  x:\n    severity: info\n'


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files actually parsed (cache misses)."""
    calls: list[str] = []
    real = config_module._parse

    def counted(path, text):
        calls.append(path.name)
        return real(path, text)

    monkeypatch.setattr(config_module, "_parse", counted)
    return calls


def test_a_configuration_is_parsed_once_then_read_from_the_cache(tmp_path, key_dir, parses):
    path = _write(tmp_path / "corpus" / "newslint.yaml", TEXT)
    first = Finder().for_directory(path.parent)
    again = Finder().for_directory(path.parent)
    assert parses == ["newslint.yaml"]
    assert again == first and again is not first
    assert again.originals == ("o_*.txt",) and again.ignore == ("readability",)
    assert again.root == path.parent.resolve() and again.source == first.source
    assert load(path) == first and parses == ["newslint.yaml"]  # --config: the same file
    assert len(list((key_dir / "configs").glob("*/*.bin"))) == 1
    moved = _write(tmp_path / "elsewhere" / "newslint.yaml", TEXT)  # the same bytes, another root
    assert load(moved).root == moved.parent and parses == ["newslint.yaml"] * 2


def test_an_edited_configuration_is_parsed_again(tmp_path, key_dir, parses):
    path = _write(tmp_path / "newslint.yaml", TEXT)
    assert load(path).ignore == ("readability",)
    _write(path, TEXT.replace("readability", "empty-article"))
    assert load(path).ignore == ("empty-article",)
    assert parses == ["newslint.yaml"] * 2


def test_a_broken_configuration_is_never_cached(tmp_path, key_dir, parses):
    path = _write(tmp_path / "newslint.yaml", "fail-on: fatal\n")
    for _ in range(2):
        with pytest.raises(ConfigError, match="fail-on"):
            load(path)
    assert parses == ["newslint.yaml"] * 2
    assert not list((key_dir / "configs").glob("*/*.bin"))


def test_a_planted_file_is_never_unpickled(tmp_path, key_dir, parses):
    path = _write(tmp_path / "newslint.yaml", TEXT)
    expected = load(path)
    (stored,) = (key_dir / "configs").glob("*/*.bin")
    planted = b"\0" * 32 + pickle.dumps((startcache.FORMAT, "x", None))
    stored.write_bytes(planted)
    assert load(path) == expected and parses == ["newslint.yaml"] * 2
    assert stored.read_bytes() != planted  # parsed again and rewritten


def test_a_pyproject_without_our_table_is_remembered_as_none(tmp_path, key_dir, parses):
    _write(tmp_path / "newslint.yaml", "ignore: [readability]\n")
    _write(tmp_path / "sub" / "pyproject.toml", "[tool.other]\nx = 1\n")
    for _ in range(2):
        assert Finder().for_directory(tmp_path / "sub").ignore == ("readability",)
    assert parses == ["pyproject.toml", "newslint.yaml"]
    with pytest.raises(ConfigError, match=r"no \[tool\.newslint\] table"):
        load(tmp_path / "sub" / "pyproject.toml")


def test_a_named_tracking_model_is_checked_on_every_load(tmp_path, key_dir, parses):
    """The model is a file of its own: a cached configuration does not vouch for it."""
    model = tmp_path / "model.json"
    shutil.copy(ROOT / "lint" / "tracking" / "default_model.json", model)
    path = _write(tmp_path / "newslint.yaml", "tracking-model: model.json\n")
    assert load(path).tracking_model == tmp_path / "model.json"
    model.write_text("not json", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"model\.json"):
        load(path)
    assert parses == ["newslint.yaml"]  # the configuration itself came from the cache


def test_the_cache_can_be_turned_off(tmp_path, key_dir, parses, monkeypatch):
    monkeypatch.setenv(startcache.ENV_OFF, "1")
    path = _write(tmp_path / "newslint.yaml", TEXT)
    assert load(path) == load(path)
    assert parses == ["newslint.yaml"] * 2 and not (key_dir / "configs").exists()
