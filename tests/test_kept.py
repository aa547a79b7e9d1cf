"""A run keeps a compact record of each document (lint.core.kept), never the parsed document,
once its per-document rules have run; the findings are those of a run that keeps documents."""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

import pytest
from conftest import ROOT

import lint
from lint.core.document import Document
from lint.core.kept import Kept, full
from lint.engine import engine as engine_module
from lint.io.readers import read_file_bytes

PARA = (
    "The regional council approved a new budget on Tuesday after three hours of debate, "
    "with most members backing the plan to repair the coastal road."
)
NEAR = PARA.replace("three hours", "four hours")
OTHER = (
    "Officials said the repairs would start in the spring and take about two years, "
    "depending on the weather and on deliveries of materials from the mainland."
)
THIRD = (
    "Residents of the coastal villages have asked for the road to be fixed since the storms "
    "of two winters ago damaged its surface and closed one lane for months."
)


def _article(title: str, *paragraphs: str) -> str:
    return "\n\n".join([title, *paragraphs]) + "\n"


def _corpus(folder: Path) -> Path:
    """Planted duplicates across and within documents, a repeated headline, a copied article,
    near copies, and directives, one of them inside a duplicated copy."""
    files = {
        "a.txt": _article("Council approves budget", PARA, OTHER),
        "b.txt": _article("Budget passes", THIRD, PARA, THIRD),  # a copy, and one within
        "c.txt": _article("Council approves budget", NEAR, OTHER),  # headline, near, exact
        "d.txt": _article("Council approves budget", PARA, OTHER),  # a copied article
        "e.txt": _article(
            "Road works", "<!-- newslint: disable-next=duplicated-paragraph -->", OTHER, THIRD
        ),
        "f.txt": _article(
            "Village road", "<!-- newslint: disable=readability -->", PARA, "<!-- newslint: x -->"
        ),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    records = [
        {"id": "r1", "title": "Record one", "text": f"{PARA}\n\n{THIRD}"},
        {"id": "r2", "title": "Record two", "text": THIRD, "newslint": {"disable": ["all"]}},
        {"id": "r3", "title": "Record three", "text": OTHER, "newslint": {"nope": 1}},
    ]
    lines = "\n".join(json.dumps(r) for r in records) + "\n"
    (folder / "g.jsonl").write_text(lines, encoding="utf-8")
    return folder


def _both(paths: list[str], **options: object) -> tuple[lint.Run, lint.Run]:
    compact = lint.lint_paths(paths, lint.Options(**options))  # type: ignore[arg-type]
    whole = lint.lint_paths(paths, lint.Options(keep_documents=True, **options))  # type: ignore[arg-type]
    return compact, whole


def test_seeds_give_the_same_findings_kept_or_whole(monkeypatch):
    monkeypatch.chdir(ROOT)
    compact, whole = _both(["seeds/"])
    assert compact.findings == whole.findings
    assert compact.documents == [] and len(whole.documents) == 5
    assert compact.pairs and [p.rewrite.path for p in compact.pairs] == [
        p.rewrite.path for p in whole.pairs
    ]


@pytest.mark.parametrize("unused", [False, True])
def test_planted_duplicates_and_directives_give_the_same_findings(tmp_path, unused):
    folder = _corpus(tmp_path)
    compact, whole = _both([str(folder)], report_unused_directives=unused)
    assert compact.findings == whole.findings  # messages, positions, data and fixes alike
    found = {(Path(f.path).name, f.rule, f.line) for f in compact.findings}
    assert ("b.txt", "duplicated-paragraph", 5) in found  # PARA, first in a.txt
    assert ("b.txt", "duplicated-paragraph", 7) in found  # THIRD, earlier in b.txt
    assert ("c.txt", "repeated-headline", 1) in found
    assert ("c.txt", "near-duplicate-paragraph", 3) in found
    assert ("d.txt", "duplicate-article", 1) in found
    assert ("f.txt", "invalid-directive", 7) in found
    assert any(f.rule == "invalid-directive" and f.record == "r3" for f in compact.findings)
    # the directive in e.txt suppresses its copy of OTHER; r2's field suppresses everything
    assert not any(Path(f.path).name == "e.txt" and f.line == 5 for f in compact.findings)
    assert not any(f.record == "r2" and f.rule == "duplicated-paragraph" for f in compact.findings)
    assert ("f.txt", "unused-directive", 3) in found if unused else True
    within = next(
        f
        for f in compact.findings
        if Path(f.path).name == "b.txt" and f.rule == "duplicated-paragraph" and f.line == 7
    )
    assert within.edits, "a copy within its document carries the fix that deletes it"


def test_parallel_workers_send_kept_documents_with_the_same_findings(tmp_path):
    folder = _corpus(tmp_path)
    for number in range(60):  # enough documents for a pool of two
        body = _article(f"Story {number}", PARA if number % 3 else NEAR, f"Item {number}. {OTHER}")
        (folder / f"n{number:02d}.txt").write_text(body, encoding="utf-8")
    compact = lint.lint_paths([str(folder)], lint.Options(jobs=2))
    whole = lint.lint_paths([str(folder)], lint.Options(keep_documents=True))
    assert compact.findings == whole.findings
    assert sum(f.rule == "duplicated-paragraph" for f in compact.findings) >= 40


def _watch(monkeypatch, at_corpus):  # type: ignore[no-untyped-def]
    """Weak references to every document the per-document stage sees; ``at_corpus(documents,
    refs)`` runs when the corpus stage starts."""
    refs: list[weakref.ref[Document]] = []
    check_document = engine_module.Engine.check_document
    check_corpus = engine_module.Engine.check_corpus

    def watched_document(self, document):  # type: ignore[no-untyped-def]
        refs.append(weakref.ref(document))
        return check_document(self, document)

    def watched_corpus(self, documents, context=()):  # type: ignore[no-untyped-def]
        documents = list(documents)
        at_corpus(documents, refs)
        return check_corpus(self, documents, context)

    monkeypatch.setattr(engine_module.Engine, "check_document", watched_document)
    monkeypatch.setattr(engine_module.Engine, "check_corpus", watched_corpus)
    return refs


def test_no_parsed_document_outlives_its_per_document_stage(tmp_path, monkeypatch):
    folder = _corpus(tmp_path)
    alive: list[int] = []
    kinds: list[set[type]] = []
    names = {str(path) for path in folder.iterdir()}

    def at_corpus(documents, refs):  # type: ignore[no-untyped-def]
        gc.unfreeze()  # the run froze what it keeps: count it too
        gc.collect()
        parsed = [o for o in gc.get_objects() if isinstance(o, Document)]
        alive.append(sum(ref() is not None for ref in refs) + sum(o.path in names for o in parsed))
        kinds.append({type(d) for d in documents})

    refs = _watch(monkeypatch, at_corpus)
    lint.lint_paths([str(folder)], lint.Options())
    assert len(refs) == 9 and alive == [0], "every parsed document was dropped"
    assert kinds == [{Kept}]
    kinds.clear()
    alive.clear()
    run = lint.lint_paths([str(folder)], lint.Options(keep_documents=True))
    assert kinds == [{Document}] and len(run.documents) == 9, "whole when the caller asks"
    assert alive == [9], "the count sees documents that are kept"


def test_a_kept_document_parses_again_to_the_same_document():
    text = _article("Headline here", PARA, "<!-- newslint: disable=all -->", OTHER)
    document = read_file_bytes("x.txt", text.encode())
    assert isinstance(document, Document)
    kept = Kept.of(document, directives=True)
    kept.reparse = lambda: read_file_bytes("x.txt", text.encode())  # type: ignore[assignment,return-value]
    assert full(kept) == document
    kinds = frozenset(b.kind for b in document.blocks)
    assert [(b.kind, b.index, b.span) for b in kept.blocks_of(kinds)] == [
        (b.kind, b.index, b.span) for b in document.blocks
    ]
    assert all(b.text == "" for b in kept.blocks_of(kinds))
    assert kept.line_index().position(len(text) - 1) == (7, len(OTHER) + 1)
    with pytest.raises(LookupError):
        Kept.of(document, directives=False).document()  # nothing to parse it again from


def test_dropped_documents_are_not_frozen_with_what_the_run_keeps(tmp_path, monkeypatch):
    """The run freezes what it keeps every 128 documents (the GC need not scan it); garbage
    frozen with it would never be freed, and a dropped document's analysis holds cycles."""
    for number in range(300):
        body = _article(f"Story {number}", f"Item {number}. {PARA}", f"{number} people. {OTHER}")
        (tmp_path / f"n{number:03d}.txt").write_text(body, encoding="utf-8")
    alive: list[int] = []

    def at_corpus(documents, refs):  # type: ignore[no-untyped-def]
        gc.collect()  # frozen objects are not collected: what is alive now stays alive
        alive.append(sum(ref() is not None for ref in refs))

    refs = _watch(monkeypatch, at_corpus)
    lint.lint_paths([str(tmp_path)], lint.Options())
    assert len(refs) == 300 and alive == [0]
