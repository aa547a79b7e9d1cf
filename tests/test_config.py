"""Configuration: discovery by walking up, pyproject tables, validation, selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write as _write

from lint.config import Finder, from_mapping, load
from lint.core.finding import Severity
from lint.engine.selection import Selection, select_ids
from lint.errors import ConfigError


def test_nearest_config_wins(tmp_path):
    _write(tmp_path / "newslint.yaml", "fail-on: error\n")
    _write(tmp_path / "corpus" / "pyproject.toml", "[tool.newslint]\nignore = ['readability']\n")
    (tmp_path / "corpus" / "deep" / "er").mkdir(parents=True)
    finder = Finder()
    top = finder.for_directory(tmp_path)
    deep = finder.for_directory(tmp_path / "corpus" / "deep" / "er")
    assert top.fail_on is Severity.ERROR
    assert deep.ignore == ("readability",) and deep.fail_on is Severity.WARNING
    assert deep.root == (tmp_path / "corpus").resolve()


def test_pyproject_without_table_is_skipped(tmp_path):
    _write(tmp_path / "newslint.yaml", "ignore: [readability]\n")
    _write(tmp_path / "sub" / "pyproject.toml", "[tool.other]\nx = 1\n")
    assert Finder().for_directory(tmp_path / "sub").ignore == ("readability",)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"selekt": ["a"]}, "cfg: selekt: unknown key"),
        ({"select": "a b"}, None),
        ({"select": [1]}, "cfg: select[0]: 1 is not of type 'string'"),
        ({"fail-on": "fatal"}, "cfg: fail-on: 'fatal' is not one of ['error', 'warning', 'info']"),
        ({"rules": {"x": {"colour": 1}}}, "cfg: rules.x.colour: unknown key (known: options, sev"),
        ({"jsonl": {"txt": "body"}}, "cfg: jsonl.txt: unknown key"),
        (
            {"rules": {"readability": {"severity": "critical"}}},
            "cfg: rules.readability.severity: 'critical' is not one of ['error', 'warning',",
        ),
        ({"rules": {"x": {"options": 3}}}, "cfg: rules.x.options: 3 is not of type 'object'"),
        ({"per-file-ignores": {"wire/*": [2]}}, "cfg: per-file-ignores.wire/*[0]: 2 is not of"),
        (
            {"rules": {"readability": {"options": {"max": float("nan")}}}},
            "cfg: rules.readability.options.max: must be a finite number, not nan",
        ),
        (
            {"rules": {"x": {"options": {"limits": [1, float("-inf")]}}}},
            "cfg: rules.x.options.limits: must be a finite number, not [1, -inf]",
        ),
    ],
)
def test_validation_names_file_and_key(tmp_path, data, message):
    if message is None:
        assert from_mapping(data, tmp_path, "cfg").select == ("a b",)
        return
    with pytest.raises(ConfigError) as err:
        from_mapping(data, tmp_path, "cfg")
    assert str(err.value).startswith(message)


def test_exclude_matches_files_and_directories(tmp_path):
    config = from_mapping({"exclude": ["drafts", "*.tmp.txt"]}, tmp_path, "cfg")
    assert config.excludes(tmp_path / "drafts")
    assert config.excludes(tmp_path / "drafts" / "a.txt")
    assert config.excludes(tmp_path / "x" / "b.tmp.txt")
    assert not config.excludes(tmp_path / "a.txt")


@pytest.mark.parametrize(
    ("patterns", "excluded", "kept"),
    [
        (["**/tmp/*.txt"], ["tmp/a.txt", "x/y/tmp/a.txt"], ["tmp.txt", "x/tmp/sub/a.md"]),
        (["/top.txt"], ["top.txt"], ["sub/top.txt"]),
        (["*.txt", "!keep.txt"], ["a.txt", "sub/b.txt"], ["keep.txt", "sub/keep.txt", "a.md"]),
        (["drafts/"], ["drafts/a.txt", "x/drafts/b.txt"], ["drafts.txt"]),
        (["sub/*.txt"], ["sub/a.txt"], ["x/sub/a.txt"]),  # a slash inside anchors the glob
    ],
)
def test_exclude_globs_follow_gitignore(tmp_path, patterns, excluded, kept):
    config = from_mapping({"exclude": patterns}, tmp_path, "cfg")
    for rel in (*excluded, *kept):
        _write(tmp_path / rel, "x\n")
    assert [r for r in excluded if not config.excludes(tmp_path / r)] == []
    assert [r for r in kept if config.excludes(tmp_path / r)] == []


def test_directory_pattern_prunes_the_walk(tmp_path):
    from lint.io.discover import expand

    for rel in ("drafts/a.txt", "drafts/deep/b.txt", "keep/c.txt", "drafts.txt"):
        _write(tmp_path / rel, "x\n")
    config = from_mapping({"exclude": ["drafts/"]}, tmp_path, "cfg")
    assert config.excludes(tmp_path / "drafts") and not config.excludes(tmp_path / "drafts.txt")
    found = sorted(
        p.relative_to(tmp_path).as_posix() for p in expand([str(tmp_path)], config.excludes)
    )
    assert found == ["drafts.txt", "keep/c.txt"]


def test_per_file_ignores_and_originals(tmp_path):
    config = from_mapping(
        {"per-file-ignores": {"wire/*": ["readability"]}, "originals": ["002_*.txt"]},
        tmp_path,
        "cfg",
    )
    assert config.ignored_for(str(tmp_path / "wire" / "a.txt")) == {"readability"}
    assert config.ignored_for(str(tmp_path / "a.txt")) == frozenset()
    assert config.is_original(str(tmp_path / "002_abc.txt"))


def test_selection_merges_config_and_cli(tmp_path):
    known = {name: Path(name) for name in ("a", "b", "c")}
    config = from_mapping({"select": ["a", "b"], "ignore": ["b"]}, tmp_path, "cfg")
    assert select_ids(known, config, Selection()) == ["a"]
    assert select_ids(known, config, Selection(select=("c",))) == ["c"]
    assert select_ids(known, config, Selection(extend_select=("c",))) == ["a", "c"]
    with pytest.raises(ConfigError, match="--ignore: unknown rule id 'z'"):
        select_ids(known, config, Selection(ignore=("z",)))


def test_load_reports_missing_table(tmp_path):
    path = _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    with pytest.raises(ConfigError, match=r"no \[tool\.newslint\] table"):
        load(path)
    with pytest.raises(ConfigError, match="syntax error"):
        load(_write(tmp_path / "bad.yaml", "select: [\n"))


@pytest.mark.parametrize("value", [".nan", ".NaN", ".inf", "-.inf"])
def test_a_non_finite_option_is_a_one_line_error(run_cli, tmp_path, value):
    """``max: .nan`` made every comparison false: the rule silently never fired (issue 14)."""
    _write(tmp_path / "a.txt", "Headline\n\nA short article.\n")
    config = f"rules:\n  readability:\n    options:\n      max: {value}\n"
    _write(tmp_path / "newslint.yaml", config)
    code, out, err = run_cli("check", str(tmp_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "rules.readability.options.max: must be a finite number" in err
    assert "newslint.yaml" in err


def test_a_rule_file_with_a_non_finite_option_is_refused():
    from lint.kinds.figures import Options
    from lint.kinds.options import OptionError, build_options

    with pytest.raises(OptionError, match="'table_ratio' must be a finite number, not nan"):
        build_options(Options, {"table_ratio": float("nan")})


def test_unknown_rule_ids_in_per_file_ignores_are_warned_about(run_cli, tmp_path):
    _write(tmp_path / "a.txt", "Headline\n\nIt was a heart-wrenching moment.\n")
    _write(
        tmp_path / "newslint.yaml",
        "per-file-ignores:\n  '*.txt': [stylistic-inflaton, internal-error, nonsense-rule]\n",
    )
    code, out, err = run_cli("check", str(tmp_path))
    assert code == 1 and "stylistic-inflation" in out  # the typo ignored nothing
    warnings = [line for line in err.splitlines() if "per-file-ignores" in line]
    assert warnings == [
        f"newslint: warning: {tmp_path / 'newslint.yaml'}: per-file-ignores.*.txt: unknown rule "
        "id 'stylistic-inflaton' (did you mean 'stylistic-inflation'?); it ignores nothing",
        f"newslint: warning: {tmp_path / 'newslint.yaml'}: per-file-ignores.*.txt: unknown rule "
        "id 'nonsense-rule'; it ignores nothing",
    ]
    _write(tmp_path / "newslint.yaml", "per-file-ignores:\n  '*.txt': [stylistic-inflation]\n")
    code, out, err = run_cli("check", str(tmp_path))
    assert "per-file-ignores" not in err and "stylistic-inflation" not in out


@pytest.mark.parametrize("key", ["originals", "exclude", "extend-exclude"])
def test_a_glob_pathspec_cannot_read_is_a_one_line_error(run_cli, tmp_path, key):
    """``originals: ["!"]`` crashed a one-file run with an internal error."""
    _write(tmp_path / "a.txt", "Headline\n\nA short article.\n")
    _write(tmp_path / "newslint.yaml", f'{key}: ["!"]\n')
    code, out, err = run_cli("check", "a.txt", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and f"newslint.yaml: {key}: " in err and "'!'" in err
