"""The corpus walk asks per folder what it can (configuration, excludes), not per file: same
files, same groups, same excludes as asking per file."""

from __future__ import annotations

from pathlib import Path

from conftest import write

from lint.engine import groups, resolve
from lint.engine.configs import Configs, group_key
from lint.engine.run import Options
from lint.io import discover
from lint.io.corpus import context_files, context_files_in_folders


def _corpus(root: Path) -> None:
    for name in ("a.txt", "b.md", "skip.txt", "notes.csv", "sub/c.txt", "sub/d.txt", "sub/x.txt"):
        write(root / name, "Headline\n\nA paragraph of text.\n")
    write(root / "sub" / "newslint.yaml", "exclude: ['x.txt']\n")


class _Counting:
    """An Excluded that counts its calls, and says which folders may exclude files."""

    def __init__(self, excluding: set[str], folders_without_globs: set[Path]) -> None:
        self.calls: list[str] = []
        self.excluding = excluding
        self.plain = folders_without_globs

    def __call__(self, path: Path, is_dir: bool | None = None) -> bool:
        self.calls.append(path.name)
        return path.name in self.excluding

    def may_exclude_files(self, folder: Path) -> bool:
        return folder not in self.plain


def test_a_folder_without_globs_is_not_asked_per_file(tmp_path):
    _corpus(tmp_path)
    asked = _Counting({"skip.txt", "x.txt"}, {tmp_path})
    found = [p.relative_to(tmp_path).as_posix() for p in context_files(tmp_path, [], asked)]
    # the top folder says none of its files can be excluded: skip.txt is kept, never asked
    assert found == ["a.txt", "b.md", "skip.txt", "sub/c.txt", "sub/d.txt"]
    assert "skip.txt" not in asked.calls and {"c.txt", "d.txt", "x.txt"} <= set(asked.calls)
    plain = [p.name for p in context_files(tmp_path, [], lambda p, is_dir=None: p.name == "a.txt")]
    assert plain == ["b.md", "skip.txt", "c.txt", "d.txt", "x.txt"]  # a plain callable: per file


def test_files_come_with_their_folder_and_join_its_group(tmp_path):
    _corpus(tmp_path)
    options = Options(corpus_root=tmp_path)
    configs = Configs(options)
    walked = list(context_files_in_folders(tmp_path, [tmp_path / "a.txt"], configs))
    assert [p.relative_to(tmp_path).as_posix() for p, _ in walked] == [
        "b.md",
        "skip.txt",
        "sub/c.txt",
        "sub/d.txt",
    ]  # x.txt excluded by sub/newslint.yaml
    for path, folder in walked:
        assert folder is not None and path == folder / path.name
        assert configs.key(folder, is_dir=True) == Configs(options).key(path)
    assert walked[2][1] is walked[3][1]  # one object per folder
    top = groups.Group(configs.of(tmp_path / "a.txt"), [tmp_path / "a.txt"])
    resolve.prepare(top, options)
    sub = groups.Group(configs.of(tmp_path / "sub" / "c.txt"), [])
    resolve.prepare(sub, options)
    both = {group_key(top.config): top, group_key(sub.config): sub}
    resolve._add_context(both, tmp_path, configs)
    assert [p.name for p in top.context] == ["b.md", "skip.txt"]
    assert [p.name for p in sub.context] == ["c.txt", "d.txt"]


def test_a_child_path_is_the_joined_path(tmp_path):
    for folder in (tmp_path, Path("."), Path("rel/sub"), Path("/")):
        make = discover._child_maker(folder)
        for name in ("a.txt", "b c.md", ".hidden.txt"):
            assert make(name) == folder / name and str(make(name)) == str(folder / name)
