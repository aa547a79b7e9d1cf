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
