"""The README's pull-request recipe end to end on a git repository: a base branch with a legacy
corpus and a baseline, a pull-request branch that edits and adds articles. Only the changed
articles are reported, corpus rules still compare them with every article, the baseline leaves
only new findings, and what GitHub is given fits its limits (10 annotations per severity per
step, 5,000 SARIF results per run).

``NEWSLINT_RECIPE_ARTICLES=2000`` runs it on 2,000 articles (the default, 120, keeps it quick).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import cli_env, write

pytestmark = pytest.mark.slow  # git and the real command in subprocesses

ARTICLES = int(os.environ.get("NEWSLINT_RECIPE_ARTICLES", "120"))
WORDS = [
    "council",
    "harbour",
    "budget",
    "river",
    "school",
    "bridge",
    "library",
    "market",
    "station",
    "hospital",
    "farmers",
    "railway",
    "museum",
    "tenants",
    "drivers",
    "nurses",
    "teachers",
    "festival",
    "ferry",
    "tram",
    "orchard",
    "quarry",
    "mill",
    "garden",
    "clinic",
    "depot",
    "archive",
    "parish",
    "bakery",
    "stadium",
]
VERBS = [
    "approved",
    "reviewed",
    "delayed",
    "funded",
    "opened",
    "closed",
    "inspected",
    "extended",
    "repaired",
]


def _article(rng: random.Random, n: int) -> str:
    """A unique, clean article: a headline and three paragraphs, each attributed."""
    head = f"{rng.choice(WORDS).title()} plan {n} moves ahead"
    paragraphs = []
    for p in range(3):
        a, b, c = rng.sample(WORDS, 3)
        verb = rng.choice(VERBS)
        paragraphs.append(
            f"The {a} board {verb} the {b} plan number {n}-{p} near the {c} on Monday, "
            f"a spokesperson for the {a} said."
        )
    return "\n".join([head, *paragraphs]) + "\n"


def _git(repo: Path, *args: str) -> str:
    who = ["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", *who, *args], cwd=repo, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _newslint(repo: Path, cache: Path, *args: str) -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "lint", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=1800,
        env=cli_env(cache),
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_pull_request_recipe(tmp_path):
    rng = random.Random(15)
    repo, cache = tmp_path / "repo", tmp_path / "cache"
    corpus = repo / "corpus"
    texts = {f"a{n:05d}.txt": _article(rng, n) for n in range(ARTICLES)}
    # the legacy faults: inflated wording in a tenth of the articles (the baseline holds them)
    for n, name in enumerate(sorted(texts)):
        if n % 10 == 0:
            texts[name] += "The heart-wrenching scenes were a stark reminder, the mayor said.\n"
    for name, text in texts.items():
        write(corpus / name, text)
    write(repo / "README.md", "Corpus\nThe heart-wrenching scenes were a stark reminder.\n")
    write(repo / ".gitignore", "README.md\n")
    _git(repo, "init", "-q", "-b", "main", ".")
    code, out, _ = _newslint(repo, cache, "check", "corpus/", "--write-baseline", "base.json")
    assert code == 0 and out.startswith("Wrote ") and "findings to base.json" in out
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "corpus")

    _git(repo, "checkout", "-qb", "pr")
    names = sorted(texts)
    copied = texts[names[7]].splitlines()[1]  # a paragraph of an article the PR does not touch
    write(corpus / "new-copy.txt", f"Board backs plan\n{copied}\n")
    write(corpus / "new-clean.txt", _article(rng, ARTICLES + 1))
    edited = names[20]  # a legacy article (with baselined faults) that the PR edits
    write(corpus / edited, texts[edited] + "It was an unprecedented, game-changer vote.\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "pull request")

    # step 1: the counts of the whole corpus for the job summary
    code, out, _ = _newslint(repo, cache, "check", "corpus/", "--statistics", "--exit-zero")
    assert code == 0 and "stylistic-inflation" in out and "duplicated-paragraph" in out

    # step 2: annotations for the new findings in the changed articles only
    args = ("check", "corpus/", "--changed-since", "main", "--baseline", "base.json")
    code, out, err = _newslint(repo, cache, *args, "--format", "github")
    assert code == 1, err
    lines = out.splitlines()
    files = {line.split("file=")[1].split(",")[0] for line in lines}
    assert files == {"corpus/new-copy.txt", f"corpus/{edited}"}
    copy = [line for line in lines if "duplicated-paragraph" in line]
    assert copy and f"corpus/{names[7]}:2 (in another document)" in copy[0]
    per_severity = Counter(line.split()[0] for line in lines)
    assert max(per_severity.values()) <= 10, per_severity  # GitHub shows 10 per severity a step
    new_inflation = [line for line in lines if "stylistic-inflation" in line]
    assert any("'game-changer' inflates" in line for line in new_inflation)
    assert not any("heart-wrenching" in line for line in lines)  # baselined

    # step 3: SARIF for code scanning, with the baseline: new findings only, under 5,000
    code, out, _ = _newslint(
        repo,
        cache,
        "check",
        "corpus/",
        "--baseline",
        "base.json",
        "--format",
        "sarif",
        "--exit-zero",
    )
    results = json.loads(out)["runs"][0]["results"]
    assert code == 0 and 0 < len(results) <= 5000
    assert all(
        r["ruleId"] != "stylistic-inflation" or "heart" not in r["message"]["text"] for r in results
    )

    # GitLab: the whole corpus as Code Quality JSON, then the MR gate on the changed articles
    code, out, _ = _newslint(repo, cache, "check", "corpus/", "--format", "gitlab", "--exit-zero")
    assert code == 0 and len(json.loads(out)) >= len(results)
    code, out, _ = _newslint(repo, cache, *args)
    assert code == 1 and out.splitlines()[-1].endswith("in 2 of 3 files.")
