"""write_atomic: the one writer (baseline, cache, fixes, report pages)."""

from __future__ import annotations

import os
import stat

import pytest

from lint.io.atomic import write_atomic


def test_new_file_gets_0644_and_existing_file_keeps_its_mode(tmp_path):
    new = tmp_path / "new.txt"
    write_atomic(new, "é\n")
    assert new.read_bytes() == "é\n".encode()
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    old = tmp_path / "old.txt"
    old.write_text("x", encoding="utf-8")
    old.chmod(0o600)
    write_atomic(old, b"y")
    assert old.read_bytes() == b"y"
    assert stat.S_IMODE(old.stat().st_mode) == 0o600


@pytest.mark.parametrize("where", ["write", "replace"])
def test_a_failure_leaves_the_target_and_no_temporary_file(tmp_path, monkeypatch, where):
    target = tmp_path / "t.txt"
    target.write_text("before", encoding="utf-8")

    def fail(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync" if where == "write" else "replace", fail)
    with pytest.raises(OSError):
        write_atomic(target, "after")
    assert [p.name for p in tmp_path.iterdir()] == ["t.txt"]
    assert target.read_text(encoding="utf-8") == "before"
