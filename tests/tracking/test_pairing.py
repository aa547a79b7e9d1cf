"""Pairing rewrites with originals (declared sources, matching among declared originals) and the
``off-source`` rule over it, through real documents, the real engine and the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tracking_texts import FIRE, FIRE_INDEPENDENT, FIRE_PARAPHRASE, LIBRARY, SEEDS

from lint.core.document import Document
from lint.engine.engine import Engine, Tracking
from lint.engine.rules import builtin_dir, load_rules
from lint.io.files import Unreadable
from lint.io.readers import read_path
from lint.tracking.model import load_model
from lint.tracking.pairing import DECLARED, MATCHED, MISSING, UNMATCHED, pair_documents

ROOT = Path(__file__).resolve().parents[2]
SEED = {p.name[:3]: p.name for p in SEEDS.glob("*.txt")}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def markdown(meta: str, text: str) -> str:
    title, _, body = text.partition("\n\n")
    return f"---\ntitle: {title}\n{meta}\n---\n\n{body}"


def documents(root: Path) -> list[Document]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix in (".txt", ".md", ".jsonl"):
            for result in read_path(path.relative_to(root)):
                assert not isinstance(result, Unreadable), result
                found.append(result)
    return found


def documents_at(root: Path) -> list[Document]:
    return [d for p in sorted(root.glob("*.txt")) for d in read_path(p)]


def check_json(run_cli, root: Path, *args: str) -> tuple[int, list[dict]]:
    code, out, err = run_cli("check", ".", "--select", "off-source", "--format", "json", *args,
                             cwd=root)  # fmt: skip
    assert err == "", err
    return code, json.loads(out)


def by_path(findings: list[dict]) -> dict[str, dict]:
    paths = [f["path"] for f in findings]
    assert len(paths) == len(set(paths)), "one off-source finding per rewrite at most"
    return {f["path"]: f for f in findings}


# declared sources -------------------------------------------------------------------------------


@pytest.fixture
def declared_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Rewrites declaring their source by relative path, by id and by file stem; no originals."""
    write(tmp_path / "originals" / "fire.md", markdown("id: harwick-fire", FIRE))
    write(tmp_path / "originals" / "library.txt", LIBRARY)
    write(tmp_path / "rewrites" / "by-path.md", markdown("source: ../originals/fire.md",
                                                         FIRE_PARAPHRASE))  # fmt: skip
    write(tmp_path / "rewrites" / "by-id.md", markdown("source: harwick-fire", FIRE_PARAPHRASE))
    write(tmp_path / "rewrites" / "by-stem.md", markdown("source: library", FIRE_PARAPHRASE))
    write(tmp_path / "rewrites" / "missing.md", markdown("source: ../wire/absent.txt", LIBRARY))
    write(tmp_path / "rewrites" / "undeclared.md", markdown("author: desk", FIRE_PARAPHRASE))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_declared_sources_are_found_by_path_id_and_stem(declared_corpus: Path) -> None:
    pairs = pair_documents(documents(declared_corpus), lambda _d: False, load_model())
    found = {p.rewrite.path: p for p in pairs}
    # the two documents declared as sources are originals: they get no pair ...
    assert set(found) == {
        "rewrites/by-path.md", "rewrites/by-id.md", "rewrites/by-stem.md", "rewrites/missing.md",
        "rewrites/undeclared.md",
    }  # fmt: skip
    # ... and a rewrite that declares nothing is matched among them (as documented)
    undeclared = found["rewrites/undeclared.md"]
    assert (undeclared.how, undeclared.original.path) == (MATCHED, "originals/fire.md")
    for name in ("by-path", "by-id"):
        pair = found[f"rewrites/{name}.md"]
        assert pair.how == DECLARED
        assert pair.original is not None and pair.original.path == "originals/fire.md"
        assert pair.score is not None and pair.score.score >= 0.5
    stem = found["rewrites/by-stem.md"]
    assert (stem.how, stem.original.path) == (DECLARED, "originals/library.txt")
    assert stem.score.score < 0.5  # declared, but it follows another report
    missing = found["rewrites/missing.md"]
    assert (missing.how, missing.original, missing.declared) == (
        MISSING,
        None,
        "../wire/absent.txt",
    )


def test_declared_sources_through_the_cli(declared_corpus: Path, run_cli) -> None:
    code, findings = check_json(run_cli, declared_corpus)
    assert code == 1
    found = by_path(findings)
    assert set(found) == {"rewrites/by-stem.md", "rewrites/missing.md"}
    stem = found["rewrites/by-stem.md"]
    assert stem["data"]["original"] == "originals/library.txt"
    assert stem["data"]["matched_by"] == "declared"
    assert stem["message"].startswith("rewrite does not track its original: score 0.")
    assert "against originals/library.txt (threshold 0.50, baseline" in stem["message"]
    missing = found["rewrites/missing.md"]
    assert missing["data"] == {"source": "../wire/absent.txt", "matched_by": "missing"}
    assert "its declared source '../wire/absent.txt' is not in the corpus" in missing["message"]
    assert missing["line"] == 2  # the headline (front-matter title)


def test_jsonl_source_id_pairs_with_the_record_of_that_id(tmp_path: Path, run_cli) -> None:
    records = [
        {"id": "wire-1", "title": "Fire", "text": FIRE.partition("\n\n")[2]},
        {"id": "wire-2", "text": LIBRARY},
        {"id": "gen-1", "text": FIRE_PARAPHRASE, "source_id": "wire-1"},
        {"id": "gen-2", "text": FIRE_PARAPHRASE, "source_id": "wire-2"},
        {"id": "gen-3", "text": LIBRARY, "source_id": "wire-9"},
        {"id": "gen-4", "text": LIBRARY},
    ]
    write(tmp_path / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    docs = [d for d in read_path(tmp_path / "feed.jsonl") if isinstance(d, Document)]
    assert len(docs) == len(records)
    pairs = {p.rewrite.record: p for p in pair_documents(docs, lambda _d: False, load_model())}
    assert set(pairs) == {"gen-1", "gen-2", "gen-3", "gen-4"}
    # gen-4 declares nothing: it is matched among the records declared as sources
    assert (pairs["gen-4"].how, pairs["gen-4"].original.record) == (MATCHED, "wire-2")
    assert (pairs["gen-1"].how, pairs["gen-1"].original.record) == (DECLARED, "wire-1")
    assert pairs["gen-1"].score.score >= 0.5
    assert (pairs["gen-2"].how, pairs["gen-2"].original.record) == (DECLARED, "wire-2")
    assert pairs["gen-3"].how == MISSING

    code, findings = check_json(run_cli, tmp_path)
    assert code == 1
    found = {(f["line"], f["data"]["record"]): f for f in findings}
    assert set(found) == {(4, "gen-2"), (5, "gen-3")}
    assert found[(4, "gen-2")]["data"]["original_record"] == "wire-2"
    assert "against feed.jsonl (record wire-2)" in found[(4, "gen-2")]["message"]
    assert "'wire-9' is not in the corpus" in found[(5, "gen-3")]["message"]


def test_a_rewrite_declaring_itself_is_missing_its_source(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "self.md", markdown("source: self.md", FIRE))
    (pair,) = pair_documents(documents(tmp_path), lambda _d: False, load_model())
    assert pair.how == MISSING


def test_a_lone_file_declaring_a_missing_source_still_reports_it(tmp_path, run_cli) -> None:
    """A one-file run skips pairing only for a document that declares no source (it could pair
    with nothing): one that declares a source it cannot find is still reported."""
    write(tmp_path / "missing.md", markdown("source: ../wire/absent.txt", LIBRARY))
    code, out, err = run_cli("check", "missing.md", "--select", "off-source", "--format", "json",
                             cwd=tmp_path)  # fmt: skip
    assert (code, err) == (1, "")
    findings = json.loads(out)
    assert [f["path"] for f in findings] == ["missing.md"]
    assert "is not in the corpus" in findings[0]["message"]


def test_a_lone_document_without_a_source_is_not_paired(tmp_path, monkeypatch) -> None:
    """Whichever it is (original or rewrite), a lone document that declares no source pairs
    with nothing, so the engine does not run the pairing (its globs, model and profiles)."""
    import lint.tracking.pairing as pairing

    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", FIRE_PARAPHRASE)
    (document,) = documents(tmp_path)
    rules = load_rules([builtin_dir()], ["off-source"])
    for original in (True, False):
        assert pair_documents([document], lambda _d, o=original: o, load_model()) == []
    monkeypatch.setattr(pairing, "pair_documents", None)  # calling it would fail the test
    engine = Engine(rules, Tracking(lambda _d: True, load_model()))
    assert engine.check_corpus([document]) == [] and engine.pairs == []


# matching among declared originals -----------------------------------------------------------


@pytest.fixture
def two_originals(tmp_path: Path) -> Path:
    """The seeds (002 original) and the fire story (005 original), with rewrites of both."""
    for name in SEED.values():
        shutil.copy(SEEDS / name, tmp_path / name)
    write(tmp_path / "005_fire.txt", FIRE)
    write(tmp_path / "006_fire_rewrite.txt", FIRE_PARAPHRASE)
    write(tmp_path / "007_fire_other_outlet.txt", FIRE_INDEPENDENT)
    write(tmp_path / "008_library.txt", LIBRARY)
    return tmp_path


def test_each_rewrite_is_matched_to_its_own_original(two_originals: Path, monkeypatch) -> None:
    monkeypatch.chdir(two_originals)
    docs = documents(two_originals)
    rules = load_rules([builtin_dir()], ["off-source"])
    originals = {SEED["002"], "005_fire.txt"}
    engine = Engine(rules, Tracking(lambda d: d.path in originals))
    engine.run(docs)
    pairs = {p.rewrite.path: (p.how, p.nearest.path) for p in engine.pairs}
    assert pairs == {
        SEED["000"]: (MATCHED, SEED["002"]),
        SEED["001"]: (MATCHED, SEED["002"]),
        SEED["003"]: (UNMATCHED, SEED["002"]),
        SEED["004"]: (UNMATCHED, SEED["002"]),
        "006_fire_rewrite.txt": (MATCHED, "005_fire.txt"),
        "007_fire_other_outlet.txt": (UNMATCHED, "005_fire.txt"),
        "008_library.txt": (UNMATCHED, pairs["008_library.txt"][1]),
    }
    assert pairs["008_library.txt"][1] in originals


def test_findings_name_the_matched_original(two_originals: Path, run_cli) -> None:
    write(two_originals / "newslint.yaml", 'originals: ["002_*.txt", "005_*"]\n')
    code, findings = check_json(run_cli, two_originals)
    assert code == 1
    found = by_path(findings)
    assert set(found) == {SEED["003"], SEED["004"], "007_fire_other_outlet.txt", "008_library.txt"}
    assert found[SEED["003"]]["data"]["original"] == SEED["002"]
    assert found[SEED["004"]]["data"]["original"] == SEED["002"]
    assert found["007_fire_other_outlet.txt"]["data"]["original"] == "005_fire.txt"
    for finding in found.values():
        assert finding["data"]["matched_by"] == "unmatched"
        assert finding["message"].startswith("rewrite tracks none of the declared originals")

    # with the rule's threshold raised, the tracked rewrites are reported too, against theirs
    write(two_originals / "newslint.yaml", 'originals: ["002_*.txt", "005_*"]\n'
          "rules:\n  off-source:\n    options:\n      threshold: 0.999999\n")  # fmt: skip
    _, findings = check_json(run_cli, two_originals)
    found = by_path(findings)
    assert found[SEED["000"]]["data"]["original"] == SEED["002"]
    assert found[SEED["001"]]["data"]["original"] == SEED["002"]
    assert found[SEED["000"]]["data"]["matched_by"] == "matched"
    assert "does not track its original" in found[SEED["000"]]["message"]


def test_no_declared_originals_no_off_source(two_originals: Path, run_cli) -> None:
    code, findings = check_json(run_cli, two_originals)
    assert (code, findings) == (0, [])
    docs = documents_at(two_originals)
    assert pair_documents(docs, lambda _d: False, load_model()) == []


def test_originals_flag_works_like_the_config_key(two_originals: Path, run_cli) -> None:
    _, by_flag = check_json(run_cli, two_originals, "--originals", "002_*.txt,005_*")
    write(two_originals / "newslint.yaml", 'originals: ["002_*.txt", "005_*"]\n')
    _, by_config = check_json(run_cli, two_originals)
    assert by_flag == by_config
    assert len(by_flag) == 4
    # the flag adds to the configuration's originals
    write(two_originals / "newslint.yaml", 'originals: ["002_*.txt"]\n')
    _, added = check_json(run_cli, two_originals, "--originals", "005_*")
    assert added == by_config


# the model setting ---------------------------------------------------------------------------


def test_tracking_model_config_key(two_originals: Path, run_cli) -> None:
    write(two_originals / "broken.json", '{"format": "newslint-tracking-model", "features": []}')
    write(
        two_originals / "newslint.yaml", 'originals: ["002_*.txt"]\ntracking-model: broken.json\n'
    )
    code, _out, err = run_cli("check", ".", cwd=two_originals)
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("newslint: error: ") and "broken.json: malformed model" in err

    write(
        two_originals / "newslint.yaml", 'originals: ["002_*.txt"]\ntracking-model: absent.json\n'
    )
    code, _, err = run_cli("check", ".", cwd=two_originals)
    assert code == 2 and "absent.json: cannot read model" in err

    # a working model: its threshold decides what is matched (through the engine, in process)
    shipped = json.loads((ROOT / "lint" / "tracking" / "default_model.json").read_text("utf-8"))
    strict = write(two_originals / "strict.json", json.dumps({**shipped, "threshold": 0.99}))
    rules = load_rules([builtin_dir()], ["off-source"])
    docs = [d for d in documents_at(two_originals) if Path(d.path).name[:3] <= "004"]
    seen = {}
    for model in (None, str(strict)):
        engine = Engine(rules, Tracking(lambda d: "/002_" in d.path, model))
        engine.run(docs)
        seen[model] = {Path(p.rewrite.path).name[:3]: p.how for p in engine.pairs}
    assert seen[None] == {"000": MATCHED, "001": MATCHED, "003": UNMATCHED, "004": UNMATCHED}
    assert set(seen[str(strict)].values()) == {UNMATCHED}  # 0.64 and 0.83 are below 0.99


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# seeds and the rule's options ----------------------------------------------------------------


def test_seeds_off_source_exactly_for_003_and_004(run_cli) -> None:
    code, out, err = run_cli("check", "seeds/", "--select", "off-source", "--format", "json")
    assert (code, err) == (1, "")
    found = by_path(json.loads(out))
    assert set(found) == {f"seeds/{SEED['003']}", f"seeds/{SEED['004']}"}
    for finding in found.values():
        assert finding["data"]["original"] == f"seeds/{SEED['002']}"
        assert finding["data"]["label"] == "non-derived"
        assert finding["data"]["score"] < 0.5
        assert finding["line"] == 1
        model = load_model()
        used = {n for n, w in zip(model.features, model.weights, strict=True) if w > 0}
        assert set(finding["data"]["features"]) == used


@pytest.mark.parametrize("threshold", ["1.5", "-0.1"])
def test_off_source_threshold_is_validated(tmp_path: Path, run_cli, threshold: str) -> None:
    for name in SEED.values():
        shutil.copy(SEEDS / name, tmp_path / name)
    write(tmp_path / "newslint.yaml", 'originals: ["002_*.txt"]\n'
          f"rules:\n  off-source:\n    options:\n      threshold: {threshold}\n")  # fmt: skip
    code, out, err = run_cli("check", ".", cwd=tmp_path)
    assert code == 2 and out == ""
    assert "threshold must be between 0 and 1" in err
    assert err.count("\n") == 1


def test_raising_the_threshold_flags_the_seed_rewrites_too(tmp_path: Path, run_cli) -> None:
    for name in SEED.values():
        shutil.copy(SEEDS / name, tmp_path / name)
    options = "options:\n      threshold: 0.99\n      drivers: 1\n"
    write(
        tmp_path / "newslint.yaml",
        f'originals: ["002_*.txt"]\nrules:\n  off-source:\n    {options}',
    )
    code, findings = check_json(run_cli, tmp_path)
    assert code == 1
    found = by_path(findings)
    assert set(found) == {SEED[k] for k in ("000", "001", "003", "004")}
    assert "(threshold 0.99, baseline " in found[SEED["000"]]["message"]
    reasons = found[SEED["000"]]["message"].split("): ", 1)[1]
    assert "; " not in reasons  # drivers: 1, one reason in words


def test_a_rewrite_declaring_several_sources_is_scored_against_their_union() -> None:
    from tracking_texts import FIRE, FIRE_PARAPHRASE, LIBRARY

    from lint.core.document import Document
    from lint.tracking.model import load_model
    from lint.tracking.pairing import DECLARED, pair_documents

    fire = Document("fire.txt", FIRE, ())
    library = Document("library.txt", LIBRARY, ())
    rewrite = Document("rewrite.md", FIRE_PARAPHRASE, (), {"source": ["library.txt", "fire.txt"]})
    (pair,) = pair_documents([fire, library, rewrite], lambda d: False, load_model())
    assert pair.how == DECLARED
    assert [d.path for d in pair.sources] == ["library.txt", "fire.txt"]
    assert pair.original is not None and pair.original.path == "library.txt + fire.txt"
    assert pair.score is not None and pair.score.score >= 0.5
    missing = Document("r2.md", FIRE_PARAPHRASE, (), {"source": ["fire.txt", "absent.txt"]})
    (gone,) = [p for p in pair_documents([fire, missing], lambda d: False, load_model())]
    assert gone.declared == "absent.txt"


# several originals matched -------------------------------------------------------------------


def _roundup_documents() -> list[Document]:
    from tracking_texts import ROUNDUP

    return [
        Document("originals/fire.txt", FIRE, ()),
        Document("originals/library.txt", LIBRARY, ()),
        Document("originals/seed.txt", (SEEDS / SEED["002"]).read_text(encoding="utf-8"), ()),
        Document("rewrites/roundup.txt", ROUNDUP, ()),
        Document("rewrites/fire.txt", FIRE_PARAPHRASE, ()),
        Document("rewrites/other-outlet.txt", FIRE_INDEPENDENT, ()),
    ]


def _is_original(document: Document) -> bool:
    return document.path.startswith("originals/")


def test_a_rewrite_drawn_from_two_originals_is_matched_to_both() -> None:
    model = load_model()
    docs = _roundup_documents()
    pairs = {p.rewrite.path: p for p in pair_documents(docs, _is_original, model)}
    roundup = pairs["rewrites/roundup.txt"]
    assert roundup.how == MATCHED
    assert [d.path for d in roundup.sources] == ["originals/fire.txt", "originals/library.txt"]
    assert roundup.original is not None
    assert roundup.original.path == "originals/fire.txt + originals/library.txt"
    assert roundup.score is not None and roundup.score.score >= model.threshold
    # the union scores higher than either original alone, which explains only half of it
    for alone in docs[:2]:
        assert model.score(alone.text, docs[3].text).score < roundup.score.score


def test_a_second_original_joins_only_when_it_explains_what_the_first_does_not() -> None:
    pairs = {p.rewrite.path: p for p in pair_documents(_roundup_documents(), _is_original,
                                                       load_model())}  # fmt: skip
    # a rewrite of one report: the first original explains it; nothing is added
    fire = pairs["rewrites/fire.txt"]
    assert (fire.how, [d.path for d in fire.sources]) == (MATCHED, ["originals/fire.txt"])
    assert fire.original is not None and fire.original.path == "originals/fire.txt"
    # another outlet's report: no original explains its sentences; still one, unmatched
    other = pairs["rewrites/other-outlet.txt"]
    assert other.how == UNMATCHED and len(other.sources) == 1


def test_a_missing_source_reads_as_an_editors_sentence(declared_corpus: Path, run_cli) -> None:
    _, findings = check_json(run_cli, declared_corpus)
    missing = by_path(findings)["rewrites/missing.md"]
    assert missing["message"] == (
        "rewrite cannot be checked against its original: its declared source "
        "'../wire/absent.txt' is not in the corpus; add that report to the files checked, "
        "or correct the source the rewrite declares"
    )
    assert "n/a" not in missing["message"]
