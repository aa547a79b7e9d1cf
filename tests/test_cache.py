"""The content-hash cache: identical output, only edited documents re-linted, never a crash."""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar
from unittest import mock

import pytest
from conftest import SEEDS, write
from generated import make_files, make_jsonl

from lint.core.finding import Finding, Severity
from lint.engine import run as run_module
from lint.engine.parallel import Runner
from lint.engine.rules import builtin_dir, load_rules
from lint.engine.run import Options, lint_paths
from lint.io.cache import dump_finding, fingerprint, load_finding
from lint.io.records import JsonlFields
from lint.io.signing import signed, verified


def _copy_seeds(directory: Path) -> Path:
    for path in SEEDS.iterdir():
        if path.is_file():  # not a .newslint_cache a previous run left there
            write(directory / path.name, path.read_bytes())
    return directory


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.suffix in (".txt", ".jsonl"))


class _Recorder(Runner):
    """A serial runner that remembers which sources it linted and which it only parsed."""

    made: ClassVar[list[_Recorder]] = []

    def __init__(self, jobs: int, works) -> None:
        super().__init__(1, works)
        self.linted: list[str] = []
        self.parsed: list[str] = []
        _Recorder.made.append(self)

    def run(self, group, tasks, progress):
        for task in tasks:
            (self.linted if task.lint else self.parsed).append(task.source.slot)
        return super().run(group, tasks, progress)


def _rules(overrides=None):
    return load_rules([builtin_dir()], None, overrides or {})


def _lint(files, cache_dir: Path):
    """Through the run pipeline (lint.lint_paths), with the recording runner."""
    _Recorder.made.clear()
    options = Options(cache=True, cache_dir=cache_dir)
    with mock.patch.object(run_module, "Runner", _Recorder):
        result = lint_paths([str(f) for f in files], options)
    (runner,) = _Recorder.made
    return list(result.findings), list(result.errors), runner


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_warm_run_prints_exactly_what_the_cold_run_did(run_cli, tmp_path, fmt):
    cache = tmp_path / "cache"
    args = ("check", "seeds/", "--format", fmt)
    cold = run_cli(*args, cache_dir=cache)
    assert list(cache.glob("*.json")), "the cold run wrote the cache"
    warm = run_cli(*args, cache_dir=cache)
    uncached = run_cli(*args, "--no-cache", cache_dir=tmp_path / "unused")
    assert cold == warm == uncached
    assert cold[0] == 1 and cold[1].count("\n") > 20
    assert not (tmp_path / "unused").exists(), "--no-cache writes nothing"


def test_unchanged_corpus_is_neither_linted_nor_parsed(tmp_path):
    corpus = make_files(tmp_path / "corpus", 12)
    first = _lint(_files(corpus), tmp_path / "cache")
    second = _lint(_files(corpus), tmp_path / "cache")
    assert len(first[2].linted) == 12
    assert (second[2].linted, second[2].parsed) == ([], [])
    assert first[0] == second[0]
    assert [f.data for f in first[0]] == [f.data for f in second[0]]
    assert any(f.data.get("first") for f in second[0])  # nested data survived the round trip


def test_editing_one_file_changes_only_its_findings(run_cli, tmp_path):
    corpus = make_files(tmp_path / "corpus", 12)
    before = _lint(_files(corpus), tmp_path / "cache")[0]
    edited = corpus / "part1" / "003.txt"
    edited.write_text("Story three\n\nIt was a heart-wrenching day, a stark reminder.\n", "utf-8")
    after, _, runner = _lint(_files(corpus), tmp_path / "cache")
    assert runner.linted == [edited.as_posix()]  # the others come from the cache
    assert len(runner.parsed) == 11  # parsed again for the corpus rules only
    fresh = _lint(_files(corpus), tmp_path / "fresh-cache")[0]
    assert after == fresh
    assert [f.data for f in after] == [f.data for f in fresh]
    name = edited.as_posix()
    unchanged = [f for f in before if f.path != name and "another document" not in f.message]
    assert {f for f in unchanged} <= set(after)
    assert {f for f in after if f.path == name} != {f for f in before if f.path == name}


def test_editing_one_jsonl_record_relints_only_that_record(tmp_path):
    path = make_jsonl(tmp_path / "c.jsonl", 20)
    _lint([path], tmp_path / "cache")
    lines = path.read_text("utf-8").splitlines()
    record = json.loads(lines[6])
    record["text"] = "A breathtaking, unprecedented surge of 40 percent shook the markets."
    lines[6] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    after, _, runner = _lint([path], tmp_path / "cache")
    assert runner.linted == [f"{path.as_posix()}:7"]
    assert after == _lint([path], tmp_path / "fresh")[0]


def test_cli_edit_then_rerun_matches_an_uncached_run(run_cli, tmp_path):
    corpus = _copy_seeds(tmp_path / "seeds")
    cache = tmp_path / "cache"
    run_cli("check", str(corpus), cache_dir=cache)
    target = corpus / "004_696d2abe624ca1f4.txt"
    target.write_text(
        target.read_text("utf-8") + "\nA plethora of officials were there.\n", "utf-8"
    )
    for fmt in ("text", "json"):
        warm = run_cli("check", str(corpus), "--format", fmt, cache_dir=cache)
        assert warm == run_cli("check", str(corpus), "--format", fmt, "--no-cache")
    assert "a plethora of" in warm[1].lower()


def test_corrupt_cache_file_is_ignored(run_cli, tmp_path):
    cache = tmp_path / "cache"
    expected = run_cli("check", "seeds/", cache_dir=cache)
    (stored,) = cache.glob("*.json")
    stored.write_bytes(b"\x00{not json")
    assert run_cli("check", "seeds/", cache_dir=cache) == expected
    json.loads(verified(stored.read_bytes()))  # rewritten whole, signed


def test_corrupt_entries_are_recomputed(tmp_path):
    corpus = make_files(tmp_path / "corpus", 6)
    expected = _lint(_files(corpus), tmp_path / "cache")[0]
    (stored,) = (tmp_path / "cache").glob("*.json")
    data = json.loads(verified(stored.read_bytes()))
    slots = sorted(data["units"])
    data["units"][slots[0]] = "garbage"
    data["units"][slots[1]][1] = [{"path": "x"}]  # a finding missing its fields
    data["corpus"] = [data["corpus"][0], [{"severity": "fatal"}]]
    stored.write_bytes(signed(json.dumps(data).encode()))  # as the user's own newslint would
    found, _, runner = _lint(_files(corpus), tmp_path / "cache")
    assert found == expected
    assert sorted(runner.linted) == slots[:2]


def test_rule_or_config_change_invalidates(run_cli, tmp_path):
    corpus = _copy_seeds(tmp_path / "seeds")
    cache = tmp_path / "cache"
    _, out, _ = run_cli("check", str(corpus), cache_dir=cache)
    assert "stylistic-inflation [warning]" in out
    config = corpus / "newslint.yaml"
    config.write_text(
        config.read_text("utf-8") + "rules:\n  stylistic-inflation: {severity: error}\n", "utf-8"
    )
    _, out, _ = run_cli("check", str(corpus), cache_dir=cache)
    assert "stylistic-inflation [error]" in out and "stylistic-inflation [warning]" not in out
    assert len(list(cache.glob("*.json"))) == 2  # one file per rule set


def test_fingerprint_follows_rule_definitions():
    base = _rules()
    assert fingerprint(base) == fingerprint(_rules())
    changed = _rules({"near-duplicate-paragraph": {"options": {"threshold": 0.9}}})
    assert fingerprint(changed) != fingerprint(base)
    severity = _rules({"readability": {"severity": "error"}})
    assert fingerprint(severity) != fingerprint(base)
    assert fingerprint(base, {"jsonl": JsonlFields(text=("article",))}) != fingerprint(base)


def test_finding_round_trip_keeps_nested_data():
    finding = Finding(
        "a.jsonl",
        3,
        1,
        3,
        1,
        "duplicated-paragraph",
        Severity.ERROR,
        "copy of a.jsonl:2",
        start=5,
        end=40,
        data={
            "first": {"path": "a.jsonl", "line": 2, "column": 1},
            "similarity": 0.8125,
            "record": "r1",
            "text_line": 4,
            "values": [1, 2.5, None, True],
        },
    )
    again = load_finding(json.loads(json.dumps(dump_finding(finding))))
    assert again == finding
    assert (again.severity, again.start, again.end, again.data) == (
        finding.severity,
        5,
        40,
        finding.data,
    )


def test_default_location_is_beside_the_config_with_a_gitignore(run_cli, tmp_path):
    corpus = _copy_seeds(tmp_path / "seeds")
    run_cli("check", ".", cwd=corpus, cache_dir=None)
    ignore = corpus / ".newslint_cache" / ".gitignore"
    assert ignore.read_text("utf-8").splitlines()[-1] == "*"
    plain = make_files(tmp_path / "plain", 2)
    run_cli("check", str(plain), cwd=tmp_path, cache_dir=None)  # no config: the current folder
    assert (tmp_path / ".newslint_cache" / ".gitignore").is_file()
    assert not (plain / ".newslint_cache").exists()


def test_cache_dir_flag_and_no_cache(run_cli, tmp_path):
    chosen = tmp_path / "chosen"
    run_cli("check", "seeds/", "--cache-dir", str(chosen), cache_dir=tmp_path / "env")
    assert list(chosen.glob("*.json")) and not (tmp_path / "env").exists()


def test_unwritable_cache_warns_and_the_run_goes_on(run_cli, tmp_path):
    blocker = write(tmp_path / "blocker", "a file where the cache folder would go")
    code, out, err = run_cli("check", "seeds/", "--cache-dir", str(blocker / "sub"))
    assert (code, out) == (1, (Path(__file__).parent / "golden" / "seeds.txt").read_text("utf-8"))
    assert err.startswith("newslint: warning: ") and "cannot write cache" in err
    assert len(err.splitlines()) == 1


def test_a_finding_keeps_its_edits_and_record_through_the_cache():
    from lint.core.document import Span
    from lint.core.finding import Edit

    edits = (Edit(Span(3, 9)), Edit(Span(12, 12), "x"))
    finding = Finding("a.jsonl", 2, 1, 2, 1, "r", Severity.INFO, "m", 3, 9, {}, "id-7", edits)
    loaded = load_finding(json.loads(json.dumps(dump_finding(finding))))
    assert (loaded, loaded.edits, loaded.record) == (finding, edits, "id-7")


def _git(folder: Path, *args: str) -> None:
    import subprocess

    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def test_a_cache_folder_tracked_by_git_is_not_used_with_a_warning(run_cli, tmp_path):
    """A committed cache is never trusted silently (issue 14): one warning line, and the folder is
    neither read nor written while git tracks it."""
    repo = tmp_path / "repo"
    write(repo / "a.txt", (SEEDS / "000_ff806e430f618b52.txt").read_text("utf-8"))
    _git(repo, "init", "-q")
    cache = repo / ".newslint_cache"
    first = run_cli("check", "a.txt", cwd=repo, cache_dir=None)
    assert first[0] == 1 and "tracked by git" not in first[2]
    _git(repo, "add", "-f", ".newslint_cache")
    _git(repo, "commit", "-qm", "oops")
    stored = {p: p.read_bytes() for p in cache.iterdir()}
    for stored_file in stored:
        if stored_file.suffix == ".json":
            stored_file.write_bytes(b"tampered")
    code, out, err = run_cli("check", "a.txt", cwd=repo, cache_dir=None)
    assert (code, out) == first[:2]
    assert err == (
        "newslint: warning: .newslint_cache: the cache folder is tracked by git (2 files), so it "
        "is neither read nor written; untrack it: git rm -r --cached .newslint_cache\n"
    )
    assert all(p.read_bytes() in (b"tampered", stored[p]) for p in cache.iterdir())  # unwritten
    _git(repo, "rm", "-rq", "--cached", ".newslint_cache")
    assert run_cli("check", "a.txt", cwd=repo, cache_dir=None) == first


def test_git_is_not_run_outside_a_repository_or_without_the_cache(tmp_path, monkeypatch):
    import subprocess

    from lint.io import gitcheck

    write(tmp_path / "a.txt", "Headline\n\nA short article.\n")
    (tmp_path / ".newslint_cache").mkdir()
    calls: list[object] = []
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a))
    monkeypatch.setattr(gitcheck, "_in_git_work_tree", lambda folder: False)
    lint_paths([str(tmp_path)], Options(cache=True, cache_dir=tmp_path / ".newslint_cache"))
    monkeypatch.setattr(gitcheck, "_in_git_work_tree", lambda folder: True)
    lint_paths([str(tmp_path)], Options(cache=False))
    assert calls == []
    assert gitcheck.git_tracked(tmp_path / "missing") == 0


def test_a_hung_or_missing_git_counts_as_nothing_tracked(tmp_path, monkeypatch):
    import subprocess

    from lint.io import gitcheck

    monkeypatch.setattr(gitcheck, "_in_git_work_tree", lambda folder: True)

    def hang(*args: object, **kwargs: object) -> None:
        assert kwargs["timeout"] == gitcheck.GIT_TIMEOUT
        raise subprocess.TimeoutExpired("git", 5.0)

    monkeypatch.setattr(subprocess, "run", hang)
    assert gitcheck.git_tracked(tmp_path) == 0

    def missing(*args: object, **kwargs: object) -> None:
        raise FileNotFoundError("git")

    monkeypatch.setattr(subprocess, "run", missing)
    assert gitcheck.git_tracked(tmp_path) == 0
