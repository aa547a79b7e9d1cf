"""Transfer check for the tracking model: train on one kind of derivation, test on another.

- LLM set: the real development pairs (LLM rewrites against other outlets' same-event reports
  and unrelated stories);
- newsroom set: the synthetic newsroom-style pairs of ``lint/tracking/augment.py`` (copy-edited
  and reordered wire copy, same-event reports with lifted paragraphs, and every kind, non-derived
  included, against originals of several joined stories).

Stories are split into two halves by group; a model trained on one set in one half is tested
on the other set in the other half (both ways round, both halves), so no story and no kind of
derivation is on both sides. The baseline is plain unigram containment of the rewrite in the
original (``containment_1``). Prints ROC AUC (derived vs non-derived) per direction.

    python bench/transfer_tracking.py ../shared/data/tracking-dev.jsonl
"""

from __future__ import annotations

import argparse
import zlib
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

from lint.tracking import train
from lint.tracking.augment import SYNTHETIC, augment
from lint.tracking.features import FEATURES
from lint.tracking.pairs import read_pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", type=Path)
    args = parser.parse_args()
    real = list(read_pairs(args.pairs))
    everything = real + augment(real)
    x = train.matrix(everything)
    labels = np.array([p.label for p in everything])
    y = (labels != "non-derived").astype(int)
    newsroom = np.array([p.origin in SYNTHETIC for p in everything])
    half = np.array([zlib.crc32((p.group or p.id).encode()) % 2 for p in everything])
    hard = np.array([p.origin in ("llm-rewrite", "same-event-other-outlet") for p in everything])
    origins = [p.origin for p in everything]
    containment = x[:, FEATURES.index("containment_1")]
    settings = train.Settings()
    print(f"{'train -> test':28s} {'model':>7s} {'containment':>12s}  pairs")
    for source, target, name in ((~newsroom, newsroom, "LLM -> newsroom"),
                                 (newsroom, ~newsroom, "newsroom -> LLM")):  # fmt: skip
        scores, truth, base = [], [], []
        for side in (0, 1):
            fit = source & (half == side)
            test = target & (half != side)
            model = train.fit_model(
                x[fit], labels[fit], [origins[i] for i in np.flatnonzero(fit)], settings
            )
            scores.append(model.derived_probability(x[test]))
            truth.append(y[test])
            base.append(containment[test])
        p, t, b = np.concatenate(scores), np.concatenate(truth), np.concatenate(base)
        print(f"{name:28s} {roc_auc_score(t, p):7.4f} {roc_auc_score(t, b):12.4f}  {len(t)}")
        if name.endswith("LLM"):
            mask = np.concatenate([hard[target & (half != s)] for s in (0, 1)])
            print(
                f"{'  LLM vs same-event only':28s} {roc_auc_score(t[mask], p[mask]):7.4f} "
                f"{roc_auc_score(t[mask], b[mask]):12.4f}  {int(mask.sum())}"
            )


if __name__ == "__main__":
    main()
