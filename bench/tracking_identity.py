"""Scores before and after a change to the tracking path, compared to 1e-9.

Writes (``--write``) or compares against (``--compare``) the features, the evidence and the
score of every pair of a fixed sample: the seeds' pairs, every development pair both ways, 600-word
pairs as ``bench_tracking.py`` builds them, and neighbouring Reuters stories (wire furniture and
control characters). Profile parts that do not depend on representation (sentences, names,
figures, quotes) are compared too. Nothing derived from the data is written to the repository:
point ``--write`` outside it.

    git archive HEAD | tar -x -C /tmp/base
    PYTHONPATH=/tmp/base python bench/tracking_identity.py --write /tmp/before.json
    PYTHONPATH=. python bench/tracking_identity.py --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench_tracking import _article  # the same built articles as the speed bench

from lint.tracking.features import measure
from lint.tracking.model import load_model
from lint.tracking.profile import profile

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def sample(reuters: int, built: int) -> list[tuple[str, str, str]]:
    """(name, original, rewrite) of every pair compared."""
    seeds = {
        p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))
    }
    pairs = [(f"seed {a}/{b}", seeds[a], seeds[b]) for a in seeds for b in seeds if a != b]
    rows = [json.loads(line) for line in (DATA / "tracking-dev.jsonl").open(encoding="utf-8")]
    for row in rows:
        pairs.append((f"dev {row['id']}", row["original"], row["rewrite"]))
        pairs.append((f"dev {row['id']} reversed", row["rewrite"], row["original"]))
    originals = [r["original"] for r in rows]
    rewrites = [r["rewrite"] for r in rows]
    for i in range(built):
        pairs.append((f"built {i}", _article(originals, i, 600), _article(rewrites, i, 600)))
    texts: list[str] = []
    with (DATA / "bench-reuters.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if len(texts) > reuters:
                break
    for i in range(len(texts) - 1):
        pairs.append((f"reuters {i}", texts[i], texts[i + 1]))
        pairs.append((f"reuters {i} joined", texts[i] + "\n\n" + texts[i + 1], texts[i]))
    return pairs


def _parts(text: str) -> dict[str, Any]:
    prof = profile(text)
    return {
        "tokens": list(prof.tokens),
        "sentences": [sorted(s) for s in prof.sentences],
        "content": sorted([word, count] for word, count in prof.content.items()),
        "names": [list(n) for n in prof.name_list],
        "figures": sorted([list(f) for f in prof.figures]),
        "quotes": len(prof.quotes),
    }


def compute(pairs: list[tuple[str, str, str]], parts: int) -> dict[str, Any]:
    model = load_model()
    out: dict[str, Any] = {}
    for k, (name, original, rewrite) in enumerate(pairs):
        a, b = profile(original), profile(rewrite)
        values, evidence = measure(a, b)
        score = model.score_profiles(a, b)
        row: dict[str, Any] = {
            "features": list(values),
            "evidence": repr(evidence),
            "score": score.score,
            "probabilities": score.probabilities,
            "contributions": [[c.feature, c.value, c.contribution] for c in score.contributions],
        }
        if k < parts:
            row["original"] = _parts(original)
            row["rewrite"] = _parts(rewrite)
        out[name] = row
    return out


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return abs(float(a) - float(b)) <= 1e-9
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    return bool(a == b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--compare", type=Path)
    parser.add_argument("--reuters", type=int, default=1000, help="Reuters stories paired")
    parser.add_argument("--built", type=int, default=200, help="600-word pairs")
    parser.add_argument("--parts", type=int, default=2000, help="pairs whose profiles compare")
    args = parser.parse_args()
    now = compute(sample(args.reuters, args.built), args.parts)
    if args.write:
        args.write.write_text(json.dumps(now), encoding="utf-8")
        print(f"{len(now)} pairs written to {args.write}")
        return
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = [name for name in before if name not in now or not _close(before[name], now[name])]
    worst = max(
        (abs(before[n]["score"] - now[n]["score"]) for n in before if n in now), default=0.0
    )
    print(f"{len(before)} pairs compared; {len(differ)} differ; largest score change {worst:.3g}")
    for name in differ[:10]:
        print("  differs:", name)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
