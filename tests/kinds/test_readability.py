"""Kind ``readability``: options, scores, skipped blocks and the offline syllable lookup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.kinds import readability
from lint.kinds.options import OptionError, build_options

ROOT = Path(__file__).resolve().parents[2]

DENSE = (
    "The regional administration, which had previously announced a comprehensive modernisation "
    "programme intended to consolidate municipal transportation authorities, confirmed on "
    "Wednesday that implementation would be postponed indefinitely pending additional "
    "environmental assessments, consultations with neighbouring jurisdictions and a "
    "reconsideration of the considerable financial obligations associated with the "
    "infrastructure commitments."
)
PLAIN = (
    "The city will not build the new tram line this year. Officials said on Wednesday that "
    "they need more time. They want to study the cost and the effect on the river. Some "
    "residents were glad. Others said the delay would hurt shops near the route. A vote is "
    "now set for May."
)


def options(**raw: object) -> readability.Options:
    return build_options(readability.Options, raw)


def test_dense_paragraph_gives_one_hit_over_the_whole_block():
    (hit,) = readability.check(DENSE, options(max=24))
    assert (hit.span.start, hit.span.end) == (0, len(DENSE))
    assert hit.values["metric"] == "flesch_kincaid_grade"
    assert hit.values["limit"] == 24
    assert hit.values["relation"] == "above"
    assert hit.values["score"] > 24
    assert hit.values["score"] == round(hit.values["score"], 1)
    assert dict(hit.data) == dict(hit.values)


def test_plain_paragraph_passes():
    assert list(readability.check(PLAIN, options(max=24))) == []


def test_min_bound_and_other_metric():
    (hit,) = readability.check(DENSE, options(metric="flesch_reading_ease", min=30))
    assert hit.values["relation"] == "below"
    assert hit.values["score"] < 30
    assert list(readability.check(PLAIN, options(metric="flesch_reading_ease", min=30))) == []


def test_short_blocks_are_not_judged():
    text = "Transportation infrastructure modernisation postponed indefinitely."
    assert list(readability.check(text, options(max=5))) == []
    assert list(readability.check(text, options(max=5, min_words=3)))


@pytest.mark.parametrize(
    "text",
    [
        "قالت وزارة الخارجية يوم الأربعاء إن المحادثات ستستأنف في القاهرة الأسبوع المقبل. " * 6,
        "Президент заявил в среду, что переговоры возобновятся на следующей неделе. " * 6,
        "政府表示谈判将于下周在开罗恢复。" * 20,
    ],
)
def test_non_latin_text_is_skipped_without_error(text):
    assert list(readability.check(text, options(max=0, min_words=1))) == []


def test_every_allowed_metric_scores():
    for metric in sorted(readability.METRICS):
        assert isinstance(readability.score(DENSE, metric), float), metric


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"max": 10, "metric": "grade"}, "allowed: automated_readability_index"),
        ({}, "set 'max', 'min' or both"),
        ({"min": 12, "max": 10}, "'min' (12) is above 'max' (10)"),
        ({"max": 10, "min_words": 0}, "'min_words' must be at least 1"),
        ({"max": 10, "maximum": 12}, "unknown option 'maximum'"),
        ({"max": "high"}, "option 'max' has the wrong type"),
    ],
)
def test_bad_options_fail(raw, message):
    with pytest.raises(OptionError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_options(readability.Options, raw)


def test_textstat_caches_are_bounded():
    """Memory must not grow with the corpus: every textstat cache has a maximum size."""
    from lint.text import syllables as _textstat_offline

    _textstat_offline.load()
    from textstat.backend import counts, metrics, selections, transformations

    cached = [
        getattr(module, name)
        for module in (counts, metrics, selections, transformations)
        for name in module.__all__
        if hasattr(getattr(module, name), "cache_info")
    ]
    assert cached
    assert all(func.cache_info().maxsize is not None for func in cached)


_OFFLINE = textwrap.dedent(
    """
    import json, socket, sys, tempfile
    import nltk

    calls = []
    def no_download(*args, **kwargs):
        calls.append(args)
        raise RuntimeError("nltk.download called")
    def no_network(*args, **kwargs):
        raise OSError("network blocked")

    nltk.download = no_download
    socket.socket.connect = no_network
    socket.create_connection = no_network
    nltk.data.path[:] = [tempfile.mkdtemp()]  # an empty data directory only
    try:
        nltk.data.find("corpora/cmudict")
        nltk_has_cmudict = True
    except LookupError:
        nltk_has_cmudict = False

    import lint
    assert "textstat" not in sys.modules, "import lint must not import textstat"
    from lint.kinds import readability
    from lint.kinds.options import build_options
    assert "textstat" not in sys.modules, "importing the kind must not import textstat"

    hits = list(readability.check(sys.argv[1], build_options(readability.Options, {"max": 5})))
    print(json.dumps({"nltk_has_cmudict": nltk_has_cmudict, "downloads": len(calls),
                      "score": hits[0].values["score"] if hits else None}))
    """
)


@pytest.mark.slow
def test_offline_without_nltk_cmudict(tmp_path):
    env = {"NLTK_DATA": str(tmp_path), "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-c", _OFFLINE, DENSE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result == {"nltk_has_cmudict": False, "downloads": 0, "score": result["score"]}
    # the same grade as in-process: syllables come from the bundled dictionary
    assert result["score"] == round(readability.score(DENSE, "flesch_kincaid_grade"), 1) > 24


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=400), metric=st.sampled_from(sorted(readability.METRICS)))
def test_any_text_no_crash_and_span_inside(text, metric):
    for hit in readability.check(text, options(metric=metric, min=1e9, min_words=1)):
        assert 0 <= hit.span.start <= hit.span.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(words=st.lists(st.from_regex(r"[A-Za-z]{1,15}[.,!?]?", fullmatch=True), max_size=80))
def test_wordy_text_no_crash(words):
    text = " ".join(words)
    for hit in readability.check(text, options(max=0, min_words=1)):
        assert (hit.span.start, hit.span.end) == (0, len(text))


_MODULES = """
import json, sys
from lint.cli import main
status = main(sys.argv[1:])
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in ("textstat", "pyphen"))))
sys.exit(status)
"""


def test_a_run_grades_without_importing_textstat(tmp_path: Path) -> None:
    """``newslint check`` of a small file scores Flesch-Kincaid natively (lint/text/grade.py):
    textstat is never imported, nor pyphen once the start-up cache holds the hyphenation
    patterns (the first run parses them with pyphen), and the rule fires with textstat's grade."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Transport plan delayed\n\n{DENSE}\n\n{PLAIN}\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "xdg")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", _MODULES, "check", "--no-cache", "a.txt"],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
    first, second = (json.loads(run.stdout.strip().splitlines()[-1]) for run in runs)
    assert not [m for m in first if m.startswith("textstat")]
    assert second == []  # the patterns come from the start-up cache
    from lint.text import syllables

    expected = round(syllables.load().flesch_kincaid_grade(DENSE), 1)
    findings = [line for line in runs[1].stdout.splitlines() if " readability " in line]
    assert findings == [
        f"a.txt:3:1: readability [info] Flesch-Kincaid grade {expected} is above 24; "
        "split long sentences and prefer plain words"
    ]
