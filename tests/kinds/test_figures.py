"""Tests for the ``figures`` kind (rules unattributed-figure and vague-attribution)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.kinds import figures
from lint.kinds.options import OptionError, build_options

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def rule_options(rule: str) -> figures.Options:
    data = yaml.safe_load((ROOT / "rules" / f"{rule}.yaml").read_text(encoding="utf-8"))
    return build_options(figures.Options, data["options"])


UNATTRIBUTED = rule_options("unattributed-figure")
VAGUE = rule_options("vague-attribution")


def seed_line(prefix: str, line: int) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8").split("\n")[line - 1]


def hits(text: str, options: figures.Options = UNATTRIBUTED) -> list[tuple[str, int]]:
    """(figure, start) of each hit, checking that the span and the figure agree."""
    found = []
    for hit in figures.block_hits(text, options):
        assert text[hit.span.start : hit.span.end] == hit.values["figure"]
        found.append((hit.values["figure"], hit.span.start))
    return found


def figure_texts(text: str) -> list[str]:
    return [f.phrase for f in figures.figures(text, UNATTRIBUTED)]


# --- the seed expectations -------------------------------------------------------------------


def test_seed_000_line_6_officers_unattributed_civilians_vague() -> None:
    text = seed_line("000", 6)
    assert hits(text) == [("13 officers", text.index("13 officers"))]
    assert hits(text, VAGUE) == [("1,400 civilians", text.index("1,400 civilians"))]
    (vague,) = figures.block_hits(text, VAGUE)
    assert vague.values["cue"] == "Reports suggest"
    assert vague.data["value"] == 1400


def test_seed_000_line_7_age_is_not_a_figure() -> None:
    text = seed_line("000", 7)
    assert "aged 25" in text
    assert figure_texts(text) == []


def test_seed_000_line_8_united_nations_reported() -> None:
    text = seed_line("000", 8)
    assert figure_texts(text) == ["111 civilian deaths"]
    assert hits(text) == []
    assert hits(text, VAGUE) == []


def test_seed_003_line_7_population_share_unattributed() -> None:
    text = seed_line("003", 7)
    assert hits(text) == [("10%", text.index("10%"))]


def test_seed_003_line_8_according_to() -> None:
    text = seed_line("003", 8)
    assert figure_texts(text) == ["740 civilian casualties"]
    assert hits(text) == hits(text, VAGUE) == []


def test_seed_004_line_4_vague_and_attributed() -> None:
    text = seed_line("004", 4)
    assert figure_texts(text) == ["1,000 individuals", "125 members", "148 pro-Assad fighters"]
    assert hits(text) == []
    assert hits(text, VAGUE) == [
        ("125 members", text.index("125 members")),
        ("148 pro-Assad fighters", text.index("148 pro-Assad fighters")),
    ]


def test_seed_004_line_8_no_cue() -> None:
    text = seed_line("004", 8)
    assert hits(text) == [("10%", text.index("10%"))]


def test_seed_001_line_7_according_to_covers_the_sentence() -> None:
    text = seed_line("001", 7)
    assert figure_texts(text) == ["1,400 civilians", "13 security personnel"]
    assert hits(text) == hits(text, VAGUE) == []


def test_seed_001_line_6_claimed_lives_is_not_a_cue() -> None:
    text = seed_line("001", 6)
    assert hits(text) == [("1,400 lives", text.index("1,400 lives"))]


def test_seed_002_original() -> None:
    line_3, line_9 = seed_line("002", 3), seed_line("002", 9)
    assert "25 years old" in line_3
    assert figure_texts(line_3) == ["1,400 civilians"]  # "25" is quoted, "6 March" a date
    assert figure_texts(line_9) == ["111 civilians"]  # "four days" is a duration
    for text in (line_3, line_9):
        assert hits(text) == hits(text, VAGUE) == []


# --- what is a figure ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some 1,400 civilians died.", ["1,400 civilians"]),
        ("Prices rose 10% and 3.5 per cent.", ["10%", "3.5 per cent"]),
        ("Output hit 5.9 mln tonnes.", ["5.9 mln tonnes"]),
        ("The deal is worth $3 billion.", ["$3 billion"]),
        ("It raised £3bn and US$4.5 million.", ["£3bn", "US$4.5 million"]),
        ("Thirteen civilians were killed.", ["Thirteen civilians"]),
        ("Some two million people fled.", ["two million people"]),
        ("About twenty-five soldiers died.", ["twenty-five soldiers"]),
        ("Between 10 and 15 people died.", ["10 and 15 people"]),  # a range is one claim
        ("Between 10-15 people died.", ["10-15 people"]),
        ("At least 111 civilian deaths.", ["111 civilian deaths"]),
        ("The toll rose to 148 pro-Assad fighters.", ["148 pro-Assad fighters"]),
        ("Police arrested 13 security personnel.", ["13 security personnel"]),
    ],
)
def test_figures_found(text: str, expected: list[str]) -> None:
    assert figure_texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It happened in 2011.",
        "It began on March 6.",
        "It began on 6 March.",
        "It began on Feb 22 and Feb. 23.",
        "It began on 2025-03-14 or 14/03/2025.",
        "The blast came at 10:30, at 3 p.m. and at 1400 GMT.",
        "Amjad, aged 25, died.",
        "He was 25 years old.",
        "A 25-year-old man died.",
        "The 3rd brigade and the 21st division.",
        "1. Fighters regrouped.",
        "It lasted two days, then four more weeks and 12 months.",
        "The G7 discussed COVID-19 and the F-16.",
        "A Boeing 737 crashed near Section 3.",
        "Call +44 20 7946 0958 or (212) 555-1234.",
        "Thousands fled, dozens died and hundreds of acres burned.",
        "A few hundred thousand bags.",
        "The two men met. One man died.",
        "It lies 30 km north of the city.",
        "It happened three times in the 1980s.",
        "“We buried 140 fighters,” he said.",
        "Shr 12 cts vs 10 cts",
        "REUTER &#3;",
        "He was ranked #1 at 0700 local time.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figure_texts(text) == []


def test_table_block_is_skipped() -> None:
    assert figure_texts("Net 1,234 5,678 9,012 3,456 Revs 1.2 3.4 5.6") == []


def test_a_table_row_with_nil_cells_is_skipped() -> None:
    row = "Soybean prev 100.9, Feb 45.1, MAr nil, Apr nil, May 20.0,\ntotal 166.1 (218.5)."
    assert figure_texts(row) == []
    # the same words in a sentence are not a table
    assert figure_texts("Soybean registrations were nil in March, against 100.9 mln in Feb.")


def test_values_with_the_previous_ones_in_brackets_are_a_table() -> None:
    assert figure_texts("Sunflowerseed oil for May 323 (313) and june onwards 330 (320).") == []
    assert figure_texts("Sales rose to 323 mln dlrs (313 mln dlrs a year ago).")


def test_value_is_parsed() -> None:
    values = [
        f.value for f in figures.figures("Lost $1.2 billion, 2,500 jobs, twenty-one.", UNATTRIBUTED)
    ]
    assert values == [1.2e9, 2500.0, 21.0]


# --- attribution -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At least 140 fighters were killed, the ministry said.",
        "At least 140 fighters were killed, said the ministry.",
        "According to the ministry, 140 fighters were killed.",
        "The ministry estimated that 140 fighters were killed.",
        "The ministry spoke on Friday. It put the toll at 140 fighters.",
        "At least 140 fighters died. The toll was reported by the ministry.",
        "“The toll keeps rising,” the commander said. At least 140 fighters died.",
    ],
)
def test_attributed(text: str) -> None:
    assert hits(text) == hits(text, VAGUE) == []


def test_a_cue_earlier_in_the_paragraph_frames_what_follows() -> None:
    text = "The ministry said so. Roads reopened. Shops shut. At least 140 fighters died."
    assert hits(text) == []


def test_a_cue_after_the_next_sentence_does_not_attribute() -> None:
    text = "At least 140 fighters died. Roads reopened. Shops shut. The ministry said so."
    assert hits(text) == [("140 fighters", text.index("140"))]
    wide = build_options(figures.Options, {"window": 3})
    assert hits(text, wide) == []


def test_cue_inside_quotation_does_not_attribute() -> None:
    text = "At least 140 fighters died. “They told us nothing,” a woman wept."
    assert hits(text) == [("140 fighters", text.index("140"))]


def test_vague_cue_only_in_its_own_sentence() -> None:
    text = "Reports suggest the toll is rising. At least 140 fighters were killed."
    assert hits(text) == [("140 fighters", text.index("140"))]
    assert hits(text, VAGUE) == []
    wide = build_options(figures.Options, {"report": "vague", "vague_window": 1})
    assert hits(text, wide) == [("140 fighters", text.index("140"))]


def test_real_cue_overlapping_vague_cue_is_vague() -> None:
    text = "At least 140 fighters died, sources say."
    assert hits(text) == []
    (hit,) = figures.block_hits(text, VAGUE)
    assert hit.values["figure"] == "140 fighters"
    assert hit.values["cue"] == "sources say"
    assert hit.data["attribution"] == "vague"


def test_arabic_text_is_skipped() -> None:
    assert hits("قتل 13 شخصا في الهجمات على القرى الساحلية.") == []


# --- options ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        {"report": "everything"},
        {"window": -1},
        {"cues": []},
        {"cues": ["said", " "]},
        {"not_after": ["("]},
        {"table_ratio": 0},
        {"colour": "red"},
    ],
)
def test_bad_options_fail(raw: dict[str, object]) -> None:
    with pytest.raises(OptionError):
        build_options(figures.Options, raw)


def test_options_from_yaml_are_compiled_once() -> None:
    assert UNATTRIBUTED.cue_set.real is not None
    assert figures.Options() == UNATTRIBUTED
    assert VAGUE.report == "vague"


# --- properties ------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [*list("abc XYZ019,.%$£-–“”\"‘’'\n:/()#&"), "said", " 1,400 ", "March", "قتل", "two", " vs "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from([UNATTRIBUTED, VAGUE]))
def test_any_text_gives_spans_inside_it(text: str, options: figures.Options) -> None:
    for hit in figures.block_hits(text, options):
        assert 0 <= hit.span.start < hit.span.end <= len(text)
        assert text[hit.span.start : hit.span.end] == hit.values["figure"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_does_not_crash(text: str) -> None:
    for hit in figures.block_hits(text, UNATTRIBUTED):
        assert 0 <= hit.span.start < hit.span.end <= len(text)


# -- the learned judge (lint/kinds/figures_model.py) -------------------------------------------

_JUDGE_TEXTS = (
    "Floods hit the valley\n\nAt least 1,400 civilians were killed and repairs will cost £40m.\n\n"
    "The council said 300 homes were damaged. Sales fell 12% last year.\n",
    "Results\n\nThe company made a profit of $12m, it said on Friday. It employs 4,000 people.\n\n"
    '"We sold 2,000 cars," the chief executive said. Two men were arrested on 6 March.\n',
)


def _evidence_rows(text: str, options: figures.Options = UNATTRIBUTED) -> list[tuple[float, ...]]:
    from lint.core.document import BlockKind, Document
    from lint.kinds.figures_evidence import evidence
    from lint.text.analysis import analysis
    from lint.text.segment import segment

    document = Document("t.txt", text, segment(text))
    blocks = document.blocks_of(frozenset({BlockKind.PARAGRAPH}))
    return [row.values for row in evidence(analysis(document), blocks, options)]


def test_shipped_model_loads_with_known_features_and_a_threshold() -> None:
    from lint.kinds.figures_features import FEATURES
    from lint.kinds.figures_model import load_model

    model = load_model()
    assert set(model.features) <= set(FEATURES)
    assert 0 < model.threshold < 1
    assert model.meta["cv"]["grouped_by"] == "article"


def test_pure_python_score_is_the_logistic_of_the_standardised_row() -> None:
    import math

    from lint.kinds.figures_features import FEATURES
    from lint.kinds.figures_model import Model

    row = [float(i % 3) for i in range(len(FEATURES))]
    data = {
        "format": "newslint-figures-model",
        "features": [FEATURES[0], FEATURES[5]],
        "mean": [1.0, 2.0],
        "scale": [2.0, 0.5],
        "coef": [0.5, -1.0],
        "intercept": 0.25,
        "threshold": 0.4,
    }
    model = Model.from_dict(data)
    expected = 0.25 + 0.5 * (row[0] - 1.0) / 2.0 - 1.0 * (row[5] - 2.0) / 0.5
    assert model.decision(row) == pytest.approx(expected)
    assert model.probability(row) == pytest.approx(1 / (1 + math.exp(-expected)))


@pytest.mark.parametrize(
    "data",
    [
        {"format": "other"},
        {"format": "newslint-figures-model", "features": ["no_such_feature"], "mean": [0.0]},
        {
            "format": "newslint-figures-model",
            "features": ["log_value"],
            "mean": [0.0, 1.0],
            "scale": [1.0],
            "coef": [1.0],
            "intercept": 0.0,
        },
    ],
)
def test_a_malformed_model_is_refused(data: dict[str, object]) -> None:
    from lint.kinds.figures_model import Model, ModelError

    with pytest.raises(ModelError):
        Model.from_dict(data)


def test_model_option_rules_or_a_missing_file() -> None:
    assert figures.Options(model="rules").judge is None
    assert figures.Options().judge is not None
    with pytest.raises(ValueError, match="cannot read model"):
        figures.Options(model="/nonexistent/figures-model.json")


@pytest.mark.slow
def test_pure_python_scorer_equals_scikit_learn_decision_function() -> None:
    np = pytest.importorskip("numpy")
    linear_model = pytest.importorskip("sklearn.linear_model")
    from lint.kinds.figures_features import FEATURES
    from lint.kinds.figures_model import Model

    rows = [row for text in _JUDGE_TEXTS for row in _evidence_rows(text)]
    x = np.array(rows)
    y = np.array([i % 2 for i in range(len(rows))])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    fitted = linear_model.LogisticRegression(C=1.0, max_iter=1000).fit((x - mean) / scale, y)
    model = Model.from_dict(
        {
            "format": "newslint-figures-model",
            "features": list(FEATURES),
            "mean": mean.tolist(),
            "scale": scale.tolist(),
            "coef": fitted.coef_[0].tolist(),
            "intercept": float(fitted.intercept_[0]),
            "threshold": 0.5,
        }
    )
    expected = fitted.decision_function((x - mean) / scale)
    for row, value in zip(rows, expected, strict=True):
        assert model.decision(row) == pytest.approx(float(value), abs=1e-9)


def test_the_two_figure_rules_and_the_kind_defaults_share_one_cue_list():
    """unattributed-figure and vague-attribution judge the same figures with the same cues (one
    reports what the other does not); a cue added to one file and not the other splits them."""
    from pathlib import Path

    import yaml

    from lint.kinds import figures_defaults

    rules = Path(__file__).resolve().parents[2] / "rules"
    unattributed = yaml.safe_load((rules / "unattributed-figure.yaml").read_text("utf-8"))
    vague = yaml.safe_load((rules / "vague-attribution.yaml").read_text("utf-8"))
    a, b = unattributed["options"], vague["options"]
    assert {k: v for k, v in a.items() if k != "report"} == {
        k: v for k, v in b.items() if k != "report"
    }
    assert tuple(a["cues"]) == figures_defaults.DEFAULT_CUES
    assert tuple(a["vague_cues"]) == figures_defaults.DEFAULT_VAGUE_CUES


def test_a_count_of_a_unit_of_measure_is_called_a_quantity() -> None:
    text = "The mine produced 413,800 tonnes of zinc. Farmers sold 2,000 bags of grain."
    found = {h.values["figure"]: h.values["what"] for h in figures.block_hits(text, UNATTRIBUTED)}
    assert found == {"413,800 tonnes": "a quantity", "2,000 bags": "a count"}


def test_a_size_per_item_and_a_bracketed_unit_conversion_are_not_claims() -> None:
    # the size of one bag, and the same weight restated in pounds, need no source of their own
    assert hits("Farmers sold 2,000 bags of 60 kilos each.") == [("2,000 bags", 13)]
    assert hits("The catch rose to 4,500 kg (9,900 lbs) this year.") == [("4,500 kg", 18)]
