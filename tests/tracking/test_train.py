"""``newslint train`` on a small fixture pairs file, and the augmentation it can add."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from tracking_texts import FIRE, FIRE_INDEPENDENT, FIRE_PARAPHRASE, sentences, training_pairs
from tracking_texts import write_pairs as write_records

from lint.tracking.augment import SYNTHETIC, augment
from lint.tracking.model import NON_DERIVED, Model
from lint.tracking.pairs import Pair, PairsError, read_pairs

pytestmark = pytest.mark.slow  # trains scikit-learn models, mostly through the CLI


@pytest.fixture(scope="module")
def pairs_file(tmp_path_factory) -> Path:
    return write_records(tmp_path_factory.mktemp("pairs") / "pairs.jsonl", training_pairs())


@pytest.fixture(scope="module")
def trained(pairs_file: Path) -> tuple[Path, str]:
    """One real training run (module-wide: the slowest thing here)."""
    import subprocess
    import sys

    output = pairs_file.parent / "model.json"
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "train", str(pairs_file), "--output", str(output)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return output, proc.stdout


def test_train_prints_grouped_cross_validation_metrics(trained) -> None:
    _, out = trained
    lines = out.splitlines()
    assert lines[0] == (
        "pairs: 39 (wholly-derived 21, non-derived 18); grouped 3-fold cross-validation"
    )
    assert re.fullmatch(r"macro-F1 0\.\d{3}  accuracy 0\.\d{3}", lines[1])
    assert re.fullmatch(r"  F1 wholly-derived +\d\.\d{3}", lines[2])
    assert re.fullmatch(r"  F1 non-derived +\d\.\d{3}", lines[3])
    assert re.fullmatch(r"derived vs non-derived: ROC AUC \d\.\d{4}  Brier .*", lines[4])
    assert "reliability (out of fold): bin, pairs, mean predicted, observed derived rate" in out
    assert lines[-1].startswith("wrote ") and lines[-1].endswith("model.json")


def test_train_writes_a_plain_json_model_with_provenance(trained, pairs_file: Path) -> None:
    output, out = trained
    raw = output.read_bytes()
    assert raw.startswith(b"{") and b"\x80" not in raw  # JSON text, not a pickle
    data = json.loads(raw)
    model = Model.from_dict(data, str(output))
    assert set(model.classes) == {"wholly-derived", NON_DERIVED}
    training = data["training"]
    assert training["data_sha256"] == hashlib.sha256(pairs_file.read_bytes()).hexdigest()
    assert training["data"] == "pairs.jsonl"
    assert training["pairs"] == 39 and training["synthetic"] == 0
    cv = training["cross_validation"]
    assert cv["folds"] == 3 and cv["pairs"] == 39
    assert f"macro-F1 {cv['macro_f1']:.3f}" in out
    assert 0.8 < cv["derived_auc"] <= 1.0  # these fixtures are easy to separate
    # and it separates the fixture paraphrase from the independent report
    assert model.score(FIRE, FIRE_PARAPHRASE).score > model.threshold
    assert model.score(FIRE, FIRE_INDEPENDENT).score < model.threshold


def test_train_is_deterministic(trained, pairs_file: Path, run_cli) -> None:
    output, _ = trained
    first = output.read_bytes()
    code, _, err = run_cli("train", str(pairs_file), "--output", str(output))
    assert code == 0, err
    assert output.read_bytes() == first


def test_train_with_augment_adds_partially_derived(pairs_file: Path, tmp_path: Path, run_cli):
    output = tmp_path / "augmented.json"
    code, out, err = run_cli("train", str(pairs_file), "--output", str(output), "--augment")
    assert code == 0, err
    assert "partially-derived" in out.splitlines()[0]
    assert re.search(r"  F1 partially-derived +\d\.\d{3}", out)
    data = json.loads(output.read_text(encoding="utf-8"))
    model = Model.from_dict(data)
    assert set(model.classes) == {"non-derived", "partially-derived", "wholly-derived"}
    expected = augment(list(read_pairs(pairs_file)))
    assert data["training"]["synthetic"] == len(expected) > 0
    assert data["training"]["cross_validation"]["pairs"] == 39 + len(expected)


def _labels(records: list[dict[str, str]], *labels: str) -> list[dict[str, str]]:
    return [r for r in records if r["label"] in labels]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("no-non-derived", "training needs both non-derived and derived pairs (found: "
                           "partially-derived, wholly-derived)"),
        ("only-non-derived", "training needs both non-derived and derived pairs (found: "
                             "non-derived)"),
        ("empty", "training needs both non-derived and derived pairs (found: no pairs)"),
        ("one-group", "cross-validation needs pairs from at least two groups"),
        ("class-per-group", "cannot train on these pairs (a training fold holds only one class"),
    ],
)  # fmt: skip
def test_untrainable_pairs_are_a_one_line_error(tmp_path: Path, run_cli, name, message) -> None:
    records = training_pairs()
    derived = _labels(records, "wholly-derived")
    data = {
        # would otherwise write a model without non-derived that no command can load
        "no-non-derived": [*derived, {**derived[0], "id": "p", "label": "partially-derived"}],
        "only-non-derived": _labels(records, "non-derived"),
        "empty": [],
        "one-group": [r for r in records if r["group"] == "fire"],
        # each training fold holds one class: scikit-learn refuses, newslint says why
        "class-per-group": [{**r, "group": r["label"]} for r in records],
    }[name]
    path = write_records(tmp_path / f"{name}.jsonl", data)
    output = tmp_path / "m.json"
    code, out, err = run_cli("train", str(path), "--output", str(output))
    assert code == 2, (out, err)
    assert err.startswith(f"newslint: error: {path}: {message}")
    assert err.count("\n") == 1, err
    assert not output.exists()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "malformed JSON"),
        (
            '{"id": "x", "original": "a b c", "label": "non-derived"}',
            "missing text field 'rewrite'",
        ),
        (
            '{"id": "x", "original": "a", "rewrite": "b", "label": "copied"}',
            "label 'copied' is not",
        ),
        ('{"id": "x", "original": "a", "rewrite": "b"}', "label None is not"),
        ("[1, 2]", "not a JSON object"),
    ],
)
def test_bad_pairs_are_a_one_line_error_naming_file_and_line(
    tmp_path: Path, run_cli, line: str, message: str
) -> None:
    good = json.dumps(training_pairs()[0])
    path = tmp_path / "bad.jsonl"
    path.write_text(f"{good}\n\n{good}\n{line}\n{good}\n", encoding="utf-8")
    output = tmp_path / "m.json"
    code, _out, err = run_cli("train", str(path), "--output", str(output))
    assert code == 2
    assert err.count("\n") == 1, err
    assert err.startswith(f"newslint: error: {path}:4: ")
    assert message in err
    assert not output.exists()


def test_unwritable_output_is_a_one_line_error(pairs_file: Path, tmp_path: Path, run_cli) -> None:
    output = tmp_path / "no-such-folder" / "m.json"
    code, _, err = run_cli("train", str(pairs_file), "--output", str(output))
    assert code == 2
    assert err == f"newslint: error: --output: cannot write {output} (No such file or directory)\n"


def test_missing_pairs_file(tmp_path: Path, run_cli) -> None:
    code, _, err = run_cli("train", str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "m"))
    assert code == 2
    assert err.startswith(f"newslint: error: {tmp_path / 'nope.jsonl'}: cannot read")


def test_read_pairs_unlabelled_and_default_ids(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"original": "a", "rewrite": "b"}\n\n{"id": 7, "original": "c", '
                    '"rewrite": "d", "group": 3}\n', encoding="utf-8")  # fmt: skip
    found = list(read_pairs(path, labelled=False))
    assert found == [Pair("1", "a", "b"), Pair("7", "c", "d", None, "3")]
    with pytest.raises(PairsError, match=r"p\.jsonl:1: label None"):
        list(read_pairs(path))


# augmentation ---------------------------------------------------------------------------------


def _pairs() -> list[Pair]:
    return list(
        Pair(r["id"], r["original"], r["rewrite"], r["label"], r["group"], r.get("origin"))
        for r in training_pairs()
    )


def test_augment_is_deterministic_and_keeps_groups() -> None:
    pairs = _pairs()
    first, second = augment(pairs), augment(list(reversed(pairs)))
    assert first == second  # input order does not matter either
    assert first
    by_id = {p.id: p for p in pairs}
    for synthetic in first:
        source, how = synthetic.id.split("~")
        assert how == synthetic.origin
        assert synthetic.group == by_id[source].group
        assert synthetic.original == by_id[source].original
    sources = [p.id.split("~")[0] for p in first]
    assert sources == sorted(sources)


def test_augment_labels_as_documented() -> None:
    pairs = _pairs()
    by_id = {p.id: p for p in pairs}
    made = augment(pairs)
    hows = {p.origin for p in made}
    assert {"copy-edit", "reorder", "mix-same-event"} <= hows <= SYNTHETIC
    for synthetic in made:
        source = by_id[synthetic.id.split("~")[0]]
        assert synthetic.group == source.group
        if synthetic.origin in ("copy-edit", "reorder"):
            assert synthetic.label == "wholly-derived"
            assert synthetic.original == source.original
        elif synthetic.origin == "mix-same-event":
            assert source.origin == "same-event-other-outlet"
            assert synthetic.label == "partially-derived"
    # one copy-edit and one reorder per story (distinct original), one mix per same-event report
    stories = {p.original for p in pairs if len(sentences(p.original)) >= 4}
    assert sum(p.origin == "copy-edit" for p in made) == len(stories)
    assert sum(p.origin == "reorder" for p in made) == len(stories)
    events = [p.id for p in pairs if p.origin == "same-event-other-outlet"]
    assert {f"{e}~mix-same-event" for e in events} <= {p.id for p in made}


def test_copy_edits_keep_the_originals_order_and_mixes_lift_part_of_it() -> None:
    pairs = _pairs()
    by_id = {p.id: p for p in pairs}
    for synthetic in augment(pairs):
        source = by_id[synthetic.id.split("~")[0]]
        original = sentences(source.original)
        parts = sentences(synthetic.rewrite)
        if synthetic.origin == "copy-edit":  # sentences in order, some cut or lightly edited
            verbatim = [original.index(s) for s in parts if s in original]
            assert verbatim == sorted(verbatim) and len(parts) <= len(original)
        elif synthetic.origin == "mix-same-event":  # the outlet's own report plus lifted lines
            own = set(sentences(source.rewrite))
            mine = sum(s in own for s in parts)
            assert 0 < mine < len(parts), synthetic.id


def test_augment_skips_short_texts_and_non_derived_of_other_origins() -> None:
    short = Pair("s", "One. Two. Three.", "One. Two. Three.", "wholly-derived", "g")
    assert augment([short]) == []  # too few sentences to cut or reorder
    other = Pair("n", FIRE, FIRE_INDEPENDENT, NON_DERIVED, "g")  # no same-event origin
    made = augment([short, other])
    # the story's original still gives its copy-edit and reorder; no mix without a same-event
    # report, no joined originals without a dozen other stories to join
    assert sorted(p.origin or "" for p in made) == ["copy-edit", "reorder"]
