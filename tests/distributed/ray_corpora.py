"""Corpora for the Ray parity tests and bench/bench_ray.py, written to a temporary folder.

``reuters_corpus``: Reuters articles (from ``shared/data/bench-reuters.jsonl``, never committed) as
``.txt`` files and JSONL shards, with planted copies: whole articles, paragraphs, near-duplicate
paragraphs (one word changed) and headlines. ``synthetic_corpus``: originals and their rewrites
(declared in front matter or ``source_id``, or left to the model), plus bad input: a broken JSONL
line, an undecodable record, a record with empty text, an empty file.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

REUTERS = Path(__file__).resolve().parents[3] / "shared" / "data" / "bench-reuters.jsonl"
WORDS = [
    "market",
    "shares",
    "rose",
    "fell",
    "percent",
    "company",
    "government",
    "analysts",
    "said",
    "week",
    "year",
]


def reuters_records(count: int, path: Path = REUTERS) -> list[dict[str, str]]:
    """The first ``count`` articles with a title and at least two paragraphs, paragraphs
    separated by blank lines (the wire's indented lines re-flowed)."""
    records: list[dict[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            paragraphs = [" ".join(p.split()) for p in record["text"].split("\n    ")]
            paragraphs = [p for p in paragraphs if p]
            if record.get("title") and len(paragraphs) >= 2:
                records.append({"title": record["title"], "paragraphs": paragraphs})
            if len(records) == count:
                break
    return records


def _near(paragraph: str, rng: random.Random) -> str:
    words = paragraph.split()
    words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def plant(records: list[dict[str, str]], seed: int = 11) -> list[dict[str, str]]:
    """``records`` with copies planted: whole articles, paragraphs (exact and near), headlines."""
    rng = random.Random(seed)
    out = [dict(r, paragraphs=list(r["paragraphs"])) for r in records]
    n = len(out)
    planted = max(1, n // 100)
    for _ in range(planted):  # whole articles
        out.append(dict(out[rng.randrange(n)]))
    for _ in range(planted * 2):  # paragraphs, exact and near
        source = out[rng.randrange(n)]["paragraphs"]
        longest = max(source, key=len)
        if len(longest.split()) >= 30:
            target = out[rng.randrange(n)]["paragraphs"]
            target.append(longest)
            out[rng.randrange(n)]["paragraphs"].append(_near(longest, rng))
    for _ in range(planted):  # headlines
        out[rng.randrange(n)]["title"] = out[rng.randrange(n)]["title"]
    return out


def _text(record: dict[str, str]) -> str:
    return record["title"] + "\n\n" + "\n\n".join(record["paragraphs"]) + "\n"


def write_corpus(records: list[dict[str, str]], root: Path, shard: int = 100) -> Path:
    """Half the records as ``.txt`` files in two folders, half as JSONL shards."""
    root.mkdir(parents=True, exist_ok=True)
    half = len(records) // 2
    for i, record in enumerate(records[:half]):
        folder = root / ("a" if i % 2 else "b")
        folder.mkdir(exist_ok=True)
        (folder / f"{i:06d}.txt").write_text(_text(record), encoding="utf-8")
    rest = records[half:]
    for start in range(0, len(rest), shard):
        lines = [
            json.dumps(
                {"id": f"r{half + start + j}", "title": r["title"],
                 "text": "\n\n".join(r["paragraphs"])}
            )
            for j, r in enumerate(rest[start : start + shard])
        ]  # fmt: skip
        (root / f"shard-{start // shard:04d}.jsonl").write_text("\n".join(lines) + "\n")
    return root


def reuters_corpus(root: Path, count: int, seed: int = 11) -> Path:
    return write_corpus(plant(reuters_records(count), seed), root)


def _rewrite(record: dict[str, str], rng: random.Random) -> list[str]:
    """A light rewrite: reporting verbs swapped, an inflated word added, a paragraph dropped."""
    paragraphs = [p.replace(" said ", " stated ") for p in record["paragraphs"]]
    paragraphs[0] = "In a remarkable development, " + paragraphs[0]
    if len(paragraphs) > 2 and rng.random() < 0.5:
        paragraphs.pop()
    return paragraphs


def synthetic_corpus(root: Path, count: int = 40, seed: int = 5) -> Path:
    """Originals and rewrites (declared in front matter or ``source_id``, or undeclared), and bad
    input, with a configuration naming the originals."""
    rng = random.Random(seed)
    records = reuters_records(count * 2)
    originals, others = records[:count], records[count:]
    (root / "originals").mkdir(parents=True)
    (root / "rewrites").mkdir()
    (root / "newslint.yaml").write_text('originals:\n  - "originals/**"\n')
    for i, record in enumerate(originals):
        (root / "originals" / f"o{i:03d}.txt").write_text(_text(record), encoding="utf-8")
    lines = []
    for i, record in enumerate(originals):
        body = "\n\n".join(_rewrite(record, rng))
        if i % 3 == 0:  # declared in front matter
            front = f"---\ntitle: {record['title']}\nsource: ../originals/o{i:03d}.txt\n---\n\n"
            (root / "rewrites" / f"w{i:03d}.md").write_text(front + body + "\n", encoding="utf-8")
        elif i % 3 == 1:  # declared in JSONL
            lines.append(json.dumps({"id": f"w{i}", "title": record["title"], "text": body,
                                     "source_id": f"o{i:03d}"}))  # fmt: skip
        else:  # undeclared: left to the model
            (root / "rewrites" / f"u{i:03d}.txt").write_text(
                record["title"] + "\n\n" + body + "\n", encoding="utf-8"
            )
    for i, record in enumerate(others[: count // 2]):  # unrelated articles
        (root / "rewrites" / f"x{i:03d}.txt").write_text(_text(record), encoding="utf-8")
    lines.append('{"id": "broken", "text": "an unfinished line')
    lines.append(json.dumps({"id": "empty", "title": "Nothing", "text": ""}))
    lines.append(json.dumps({"id": "missing", "title": "No text field"}))
    data = ("\n".join(lines) + "\n").encode() + b'{"id": "bad", "text": "caf\xe9 \xff"}\n'
    (root / "rewrites" / "batch.jsonl").write_bytes(data)
    (root / "rewrites" / "empty.txt").write_text("")
    (root / "rewrites" / "missing-source.md").write_text(
        "---\nsource: ../originals/nowhere.txt\n---\n\n" + _text(others[-1]), encoding="utf-8"
    )
    return root


def chain_corpus(root: Path, chains: int = 4, length: int = 15, seed: int = 3) -> Path:
    """Chains of near-duplicate paragraphs (each article's paragraph is the previous one's with
    one word changed, so neighbours are near duplicates and the ends are not) and chains of exact
    copies (article i shares one paragraph with i - 1 and another with i + 1), in ``.txt``
    files and a JSONL shard; made-up words, no shared data."""
    rng = random.Random(seed)
    vocabulary = [f"{rng.choice(WORDS)}{n}" for n in range(400)]

    def paragraph(words: int = 60) -> list[str]:
        return [rng.choice(vocabulary) for _ in range(words)]

    root.mkdir(parents=True, exist_ok=True)
    records = []
    for c in range(chains):
        words = paragraph()
        for i in range(length):
            words = list(words)
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
            text = " ".join(words) + ".\n\n" + " ".join(paragraph(30)) + "."
            records.append({"title": f"Chain {c} part {i}", "text": text})
    links = [" ".join(paragraph(40)) + "." for _ in range(length + 1)]
    for i in range(length):  # exact copies, linked pairwise
        records.append({"title": f"Linked {i}", "text": f"{links[i]}\n\n{links[i + 1]}"})
    rng.shuffle(records)
    for i, record in enumerate(records[: len(records) // 2]):
        (root / f"c{i:03d}.txt").write_text(f"{record['title']}\n\n{record['text']}\n")
    lines = [json.dumps({"id": f"j{i}", **r}) for i, r in enumerate(records[len(records) // 2 :])]
    (root / "chains.jsonl").write_text("\n".join(lines) + "\n")
    return root
