"""scikit-learn is the optional ``train`` extra; without it ``newslint train`` says so."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lint.cli import main


def test_train_without_scikit_learn_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [m for m in sys.modules if m == "sklearn" or m.startswith("sklearn.")]:
        monkeypatch.setitem(sys.modules, name, None)  # import -> ModuleNotFoundError
    monkeypatch.setitem(sys.modules, "sklearn", None)
    monkeypatch.delitem(sys.modules, "lint.tracking.train", raising=False)
    import lint.tracking

    monkeypatch.delattr(lint.tracking, "train", raising=False)  # imported by an earlier test
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("")
    try:
        code = main(["train", str(pairs), "--output", str(tmp_path / "model.json")])
    except SystemExit as exit_info:
        code = exit_info.code
    assert code == 2
    assert "pip install 'newslint[train]'" in capsys.readouterr().err


def test_checking_never_imports_scikit_learn(tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys; from lint import lint_paths; lint_paths([sys.argv[1]]); "
        "print(any(m.split('.')[0] == 'sklearn' for m in sys.modules))"
    )
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    out = subprocess.run(
        [sys.executable, "-c", code, str(seeds)], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
