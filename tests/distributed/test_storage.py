"""The Ray job's stage folders: a finished stage is read back only when its ``_DONE`` is signed
with this user's cache key and lists exactly the stage's files (their rows are pickles)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.distributed.storage import DONE, finished, seal
from lint.io import signing


def _stage(tmp_path: Path) -> Path:
    folder = tmp_path / "5-finish"
    folder.mkdir()
    (folder / "part-0.parquet").write_bytes(b"rows of pickles")
    return folder


def test_a_sealed_stage_is_finished(tmp_path):
    folder = _stage(tmp_path)
    assert finished(folder) is None  # not finished yet
    seal(folder, 7)
    assert finished(folder) == 7


@pytest.mark.parametrize(
    "tamper",
    ["edit", "add", "remove", "unsigned", "garbage"],
)
def test_a_tampered_stage_is_refused(tmp_path, tamper):
    folder = _stage(tmp_path)
    seal(folder, 7)
    done = folder / DONE
    if tamper == "edit":
        (folder / "part-0.parquet").write_bytes(b"rows of other pickles")
    elif tamper == "add":
        (folder / "part-1.parquet").write_bytes(b"more rows")
    elif tamper == "remove":
        (folder / "part-0.parquet").unlink()
    elif tamper == "unsigned":  # the _DONE of before signing, or one written by hand
        done.write_text(json.dumps({"rows": 7}))
    else:
        done.write_bytes(b"\x00" * 100)
    reason = finished(folder)
    assert isinstance(reason, str)
    expected = "changed" if tamper in ("edit", "add", "remove") else "not signed"
    assert expected in reason and "\n" not in reason


def test_a_stage_signed_with_another_users_key_is_refused(tmp_path, monkeypatch):
    folder = _stage(tmp_path)
    monkeypatch.setenv(signing.KEY_ENV, str(tmp_path / "someone-else"))
    signing.secret_key.cache_clear()
    try:
        seal(folder, 7)
        assert finished(folder) == 7  # for them
        monkeypatch.setenv(signing.KEY_ENV, str(tmp_path / "me"))
        signing.secret_key.cache_clear()
        assert "not signed with this user's key" in str(finished(folder))
    finally:
        monkeypatch.undo()
        signing.secret_key.cache_clear()


def _stages_folder(tmp_path: Path, fingerprint: str = "old") -> Path:
    from lint.distributed.storage import Stages

    root = tmp_path / "stages" / "group-0"
    Stages(root, fingerprint, progress=False)
    seal(_stage(root), 7)
    return root


def test_a_run_of_other_inputs_empties_a_folder_of_stage_files_only(tmp_path):
    from lint.distributed.storage import Stages

    root = _stages_folder(tmp_path)
    Stages(root, "old", progress=False)
    assert finished(root / "5-finish") == 7  # the same run: kept
    Stages(root, "new", progress=False)
    assert sorted(p.name for p in root.iterdir()) == ["manifest.json"]
    assert json.loads((root / "manifest.json").read_text()) == {"fingerprint": "new"}


@pytest.mark.parametrize(
    ("stranger", "named"),
    [
        ("notes.txt", "notes.txt"),
        ("5-finish/notes.txt", "5-finish/notes.txt"),
        ("corpus/a.txt", "corpus"),
        ("5-finish/sub/x.parquet", "5-finish/sub"),
        ("manifest", "manifest.json"),
    ],
)
def test_a_folder_holding_other_files_is_refused_not_emptied(tmp_path, stranger, named):
    from lint.distributed.storage import Stages
    from lint.errors import OutputError

    root = _stages_folder(tmp_path)
    if stranger == "manifest":  # a manifest.json that is a folder of someone's files
        (root / "manifest.json").unlink()
        (root / "manifest.json").mkdir()
        (root / "manifest.json" / "keep.txt").write_text("mine")
    else:
        (root / stranger).parent.mkdir(parents=True, exist_ok=True)
        (root / stranger).write_text("mine")
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    with pytest.raises(OutputError) as err:
        Stages(root, "new", progress=False)
    message = str(err.value)
    assert "\n" not in message and f"holds {named}," in message and "--stage-dir" in message
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before
    assert (root / "5-finish" / DONE).exists()


def test_a_folder_that_is_a_file_is_refused(tmp_path):
    from lint.distributed.storage import Stages
    from lint.errors import OutputError

    root = tmp_path / "group-0"
    root.write_text("mine")
    with pytest.raises(OutputError):
        Stages(root, "new", progress=False)
    assert root.read_text() == "mine"
