"""``newslint score`` (pairs file, or one --original/--rewrite pair), and scoring without
scikit-learn."""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tracking_texts import FIRE, FIRE_INDEPENDENT, FIRE_PARAPHRASE, LIBRARY, SEEDS, seed

from lint.tracking.features import FEATURES, features
from lint.tracking.model import FORMAT, load_model
from lint.tracking.profile import profile

pytestmark = pytest.mark.slow  # the real command in subprocesses

ROOT = Path(__file__).resolve().parents[2]
S000, S002 = (next(SEEDS.glob(f"{p}_*.txt")) for p in ("000", "002"))


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def pairs_file(tmp_path: Path) -> Path:
    records = [
        {"id": "para", "original": FIRE, "rewrite": FIRE_PARAPHRASE},
        {"id": "unrelated", "original": FIRE, "rewrite": LIBRARY, "label": "non-derived"},
        {"original": seed("002"), "rewrite": seed("000")},  # no id: the line number
        {"id": 44, "original": FIRE, "rewrite": FIRE_INDEPENDENT},
        {"id": "seed-004", "original": seed("002"), "rewrite": seed("004")},
    ]
    return _file(tmp_path, "pairs.jsonl", "".join(json.dumps(r) + "\n" for r in records))


def test_score_prints_one_json_line_per_pair_in_input_order(pairs_file: Path, run_cli) -> None:
    code, out, err = run_cli("score", str(pairs_file))
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["para", "unrelated", "3", "44", "seed-004"]
    assert all(set(line) == {"id", "score", "label"} for line in lines)
    model = load_model()
    texts = [(FIRE, FIRE_PARAPHRASE), (FIRE, LIBRARY), (seed("002"), seed("000")),
             (FIRE, FIRE_INDEPENDENT), (seed("002"), seed("004"))]  # fmt: skip
    for line, (original, rewrite) in zip(lines, texts, strict=True):
        expected = model.score(original, rewrite)
        assert line["score"] == round(expected.score, 6)
        assert line["label"] == expected.label
    assert lines[0]["score"] > 0.5 > lines[1]["score"]
    assert lines[0]["label"] == "wholly-derived" and lines[1]["label"] == "non-derived"


def _one_feature_model(path: Path, weight: float, bias: float) -> Path:
    """A format-2 model scoring with ``containment_3`` alone: P(derived) = sigmoid(w x + b)."""
    data = {
        "format": FORMAT,
        "version": 2,
        "features": ["containment_3"],
        "mean": [0.0],
        "scale": [1.0],
        "weights": [weight],
        "intercept": bias,
        "derived": "wholly-derived",
        "split": None,
        "threshold": 0.9,
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_score_with_another_model(pairs_file: Path, tmp_path: Path, run_cli) -> None:
    model = _one_feature_model(tmp_path / "m.json", 4.0, -1.0)
    code, out, err = run_cli("score", str(pairs_file), "--model", str(model))
    assert (code, err) == (0, "")
    first = json.loads(out.splitlines()[0])
    x = features(profile(FIRE), profile(FIRE_PARAPHRASE))[FEATURES.index("containment_3")]
    assert first["score"] == round(1 / (1 + math.exp(-(4.0 * x - 1.0))), 6)
    assert first["score"] != round(load_model().score(FIRE, FIRE_PARAPHRASE).score, 6)


def test_score_one_pair_explains_every_feature(tmp_path: Path, run_cli) -> None:
    """The verdict, the label's probabilities, the baseline, then one sentence an editor reads
    per feature the model uses, with the log-odds it adds, strongest first."""
    original = _file(tmp_path, "original.txt", FIRE)
    rewrite = _file(tmp_path, "rewrite.txt", FIRE_PARAPHRASE)
    code, out, err = run_cli("score", "--original", str(original), "--rewrite", str(rewrite))
    assert (code, err) == (0, "")
    model = load_model()
    result = model.score(FIRE, FIRE_PARAPHRASE)
    lines = out.splitlines()
    verdict = "the rewrite tracks the original"
    assert lines[0] == f"score {result.score:.3f} (threshold {model.threshold:.2f}): {verdict}"
    assert lines[1].startswith(f"label {result.label}  (")
    for label, p in result.probabilities.items():
        assert f"{label} {p:.3f}" in lines[1]
    assert lines[2].startswith("baseline ")
    rows = _rows(out)
    used = sum(w != 0 for w in model.weights)  # only the features the model uses
    assert len(rows) == len(result.contributions) == used
    for row, c in zip(rows, result.contributions, strict=True):
        assert row.split()[0] == f"{c.contribution:+.1f}"
        assert "_" not in row  # words, not feature names


def _rows(out: str) -> list[str]:
    """The explanation lines of ``score --original --rewrite``: log-odds, then a sentence."""
    return [line.strip() for line in out.splitlines() if re.match(r"^\s+[+-]\d+\.\d ", line)]


def test_score_one_pair_that_does_not_track(tmp_path: Path, run_cli) -> None:
    original = _file(tmp_path, "original.txt", FIRE)
    rewrite = _file(tmp_path, "rewrite.txt", LIBRARY)
    model = _one_feature_model(tmp_path / "m.json", 4.0, -1.0)
    code, out, _ = run_cli("score", "--original", str(original), "--rewrite", str(rewrite))
    assert code == 0 and "the rewrite does NOT track the original" in out.splitlines()[0]
    code, out, _ = run_cli(
        "score", "--original", str(original), "--rewrite", str(rewrite), "--model", str(model)
    )
    assert code == 0
    assert "(threshold 0.90)" in out.splitlines()[0]
    rows = _rows(out)
    assert len(rows) == 1 and "three-word phrases" in rows[0]  # the one feature, in words


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give PAIRS.jsonl, or --original FILE --rewrite FILE"),
        (("--original", "{o}"), "give either PAIRS.jsonl or both --original and --rewrite"),
        (("--rewrite", "{o}"), "give either PAIRS.jsonl or both --original and --rewrite"),
        (("{p}", "--original", "{o}", "--rewrite", "{o}"), "give either PAIRS.jsonl or both"),
        (("{p}", "--model", "{b}"), "not a newslint tracking model"),
        (("{p}", "--model", "{t}/absent.json"), "cannot read model"),
        (("--original", "{t}/absent.txt", "--rewrite", "{o}"), "absent.txt: cannot read"),
    ],
)
def test_score_misuse_is_exit_2_with_a_clear_message(
    tmp_path: Path, pairs_file: Path, run_cli, args: tuple[str, ...], message: str
) -> None:
    original = _file(tmp_path, "o.txt", FIRE)
    broken = _file(tmp_path, "b.json", '{"format": "other"}')
    values = {"o": original, "p": pairs_file, "b": broken, "t": tmp_path}
    code, out, err = run_cli("score", *(a.format(**values) for a in args))
    assert code == 2
    assert out == ""
    assert err.startswith("newslint: error: ") and message in err
    assert err.count("\n") == 1


def test_score_unlabelled_pairs_file_errors_name_the_line(tmp_path: Path, run_cli) -> None:
    path = _file(tmp_path, "p.jsonl", json.dumps({"original": "a", "rewrite": "b"}) + "\n{oops\n")
    code, _out, err = run_cli("score", str(path))
    assert code == 2
    assert err.startswith(f"newslint: error: {path}:2: malformed JSON")


# scoring never imports scikit-learn ------------------------------------------------------------

_WRAPPER = """
import runpy, sys
sys.argv = ["newslint", *sys.argv[1:]]
try:
    runpy.run_module("lint", run_name="__main__")
except SystemExit as exit:
    code = exit.code
heavy = sorted(m for m in ("sklearn", "scipy") if m in sys.modules)
print("IMPORTED:" + ",".join(heavy), file=sys.stderr)
raise SystemExit(code)
"""


def _run(tmp_path: Path, *args: str, fake_sklearn: bool) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if fake_sklearn:  # an sklearn that cannot be imported shadows the real one
        fake = tmp_path / "fake"
        (fake / "sklearn").mkdir(parents=True, exist_ok=True)
        (fake / "sklearn" / "__init__.py").write_text(
            "raise ImportError('scikit-learn must not be imported to score')\n", encoding="utf-8"
        )
        env["PYTHONPATH"] = os.pathsep.join([str(fake), str(ROOT)])
    return subprocess.run(
        [sys.executable, "-c", _WRAPPER, *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


SCORING = [
    ("check", "seeds/"),
    ("score", "--original", str(S002), "--rewrite", str(S000)),
    ("score", "{pairs}"),
]


@pytest.mark.parametrize("args", SCORING, ids=["check", "score-one", "score-file"])
@pytest.mark.parametrize("fake_sklearn", [False, True], ids=["real", "fake-sklearn"])
def test_scoring_does_not_import_scikit_learn(
    tmp_path: Path, pairs_file: Path, args: tuple[str, ...], fake_sklearn: bool
) -> None:
    proc = _run(tmp_path, *(a.format(pairs=pairs_file) for a in args), fake_sklearn=fake_sklearn)
    assert proc.returncode == (1 if args[0] == "check" else 0), proc.stderr
    assert proc.stderr.splitlines()[-1] == "IMPORTED:", proc.stderr
    if args[0] == "check":
        assert "off-source" in proc.stdout
    else:
        assert proc.stdout


def test_the_fake_sklearn_really_blocks_training(tmp_path: Path, pairs_file: Path) -> None:
    """The fake package is effective: training, which needs scikit-learn, fails with it."""
    proc = _run(tmp_path, "train", str(pairs_file), "--output", str(tmp_path / "m.json"),
                fake_sklearn=True)  # fmt: skip
    assert proc.returncode != 0
    assert "scikit-learn must not be imported to score" in proc.stderr
