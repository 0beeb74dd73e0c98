"""The drafter-agreement metrics on small hand-computed examples, and the notebook 04 helpers."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from claimcheck import agreement, plots, tables
from claimcheck.report import load_claims

FIXTURES = Path(__file__).parent / "fixtures"


def test_perfect_agreement_is_one():
    gold = [0, 1, 2, 3, 4, 3]
    assert agreement.accuracy(gold, gold) == 1.0
    assert agreement.quadratic_kappa(gold, gold) == 1.0
    types = ["efficacy", "usage", "efficacy", "context"]
    assert agreement.macro_f1(types, types) == 1.0


def test_quadratic_kappa_known_values():
    # Observed disagreement: one pair one level apart, weight 1/16, over 3 pairs.
    # Expected (row totals 1,1,1 at levels 0,1,2; column totals 1,0,2 at 0,1,2):
    # sum w_ij r_i c_j / n = (4*2 + 1*1 + 1*2 + 4*1) / 16 / 3 = 15/48; observed 3/48.
    assert agreement.quadratic_kappa([0, 1, 2], [0, 2, 2]) == pytest.approx(1 - 3 / 15)  # 0.8
    # Complete reversal of the two extremes: -1.
    assert agreement.quadratic_kappa([0, 4], [4, 0]) == pytest.approx(-1.0)
    # One level on both sides: no chance disagreement to beat, full agreement.
    assert agreement.quadratic_kappa([2, 2], [2, 2]) == 1.0
    assert math.isnan(agreement.quadratic_kappa([], []))


def test_macro_f1_and_accuracy_known_values():
    # a: P 1, R 1/2, F1 2/3; b: P 1/2, R 1, F1 2/3.
    assert agreement.macro_f1(["a", "a", "b"], ["a", "b", "b"]) == pytest.approx(2 / 3)
    assert agreement.accuracy(["a", "a", "b"], ["a", "b", "b"]) == pytest.approx(2 / 3)
    # A listed class nobody used scores 0 and pulls the mean down.
    assert agreement.macro_f1(["a"], ["a"], ["a", "b"]) == pytest.approx(0.5)


def test_confusion_rows_are_gold():
    m = agreement.confusion(["a", "a", "b"], ["a", "b", "b"], ["a", "b"])
    assert m.tolist() == [[1, 1], [0, 1]]


def test_metrics_on_the_fixture_and_the_notebook_helpers():
    claims = load_claims(FIXTURES / "script" / "claims.csv")
    pairs = agreement.compare(claims)
    assert len(pairs) == int((claims["status"] == "reviewed").sum())
    m = agreement.metrics(pairs)
    assert 0.0 <= m["type_accuracy"] <= 1.0 and -1.0 <= m["certainty_qwk"] <= 1.0
    counts = plots.confusion_counts(pairs)
    assert int(counts["certainty"].to_numpy().sum()) == len(pairs)
    fig = plots.plot_confusion(pairs)
    assert fig.get_label().startswith("Confusion matrices")
    assert "statement" in repr(tables.agreement_summary(pairs))
    tables.disagreement_table(pairs)


def test_no_reviewed_rows_and_no_benchmarks(tmp_path):
    pairs = pd.DataFrame(
        columns=[
            "claim_id",
            "text",
            "reviewed_type",
            "draft_type",
            "reviewed_certainty",
            "draft_certainty",
            "draft_rules",
        ]
    )
    assert "nothing to compare" in repr(tables.agreement_summary(pairs))
    assert "No benchmark results" in repr(tables.benchmark_table(tmp_path / "missing"))
    assert "No held-out results" in repr(tables.heldout_rounds(tmp_path / "missing"))


def test_heldout_rounds_show_the_first_sight_measurement_beside_now_and_two_people(tmp_path):
    import json

    first = {"type_macro_f1": 0.41, "certainty_qwk": 0.71}
    (tmp_path / "agreement.json").write_text(
        json.dumps(
            {
                "heldout10": {"rows": 7, "type_macro_f1": 0.9, "certainty_qwk": 0.95, "first_measurement": [["first (abc)", first]]},
                "heldout2": {"rows": 5, "type_macro_f1": 0.8, "certainty_qwk": 0.85,
                             "first_measurement": [["types v5, before", {"type_macro_f1": 0.1}], ["first (def)", first]],
                             "second_annotator": {"type_macro_f1": 0.99, "certainty_qwk": 1.0}},
            }
        ),
        "utf-8",
    )
    frame = tables.heldout_frame(tmp_path)
    assert frame["round"].tolist() == [2, 10]
    assert frame["type_first"].tolist() == [0.41, 0.41] and frame["type_human"].isna().tolist() == [False, True]
    from claimcheck import plots

    label = plots.plot_heldout(frame).get_label()
    assert "claim type first sight: 0.41, 0.41" in label and "claim type two people: 0.99, –" in label
    lines = repr(tables.heldout_rounds(tmp_path)).splitlines()
    assert lines[1] == "round 2 | 5 | 0.41 | 0.80 | 0.99 | 0.71 | 0.85 | 1.00"  # the "first" entry, not the earlier one
    assert lines[2] == "round 10 | 7 | 0.41 | 0.90 | – | 0.71 | 0.95 | –"  # rounds in number order


def test_the_benchmark_table_lists_every_held_out_round_and_says_which_are_still_first_sight(tmp_path):
    import json

    first = {"type_macro_f1": 0.412, "certainty_qwk": 0.71}
    (tmp_path / "agreement.json").write_text(
        json.dumps(
            {
                "heldout12": {"rows": 7, "type_macro_f1": 0.4123, "certainty_qwk": 0.7104, "first_measurement": [["first (abc)", first]]},
                "heldout": {"rows": 5, "type_macro_f1": 0.8, "certainty_qwk": 0.71, "first_measurement": [["first (def)", first]]},
            }
        ),
        "utf-8",
    )
    text = repr(tables.benchmark_table(tmp_path))
    assert "held-out round 1 (post hoc): claim_type macro-F1 | 0.80" in text  # rules moved its numbers
    assert "held-out round 12 (first sight): claim_type macro-F1 | 0.41" in text  # a round no code lists
    assert text.index("held-out round 1 ") < text.index("held-out round 12 ")


def test_cohen_kappa_on_a_hand_computed_table():
    from claimcheck.agreement import cohen_kappa

    # po = 3/4; pe = (2*1 + 2*3)/16 = 0.5; kappa = (0.75 - 0.5) / 0.5
    assert cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"]) == pytest.approx(0.5)
    assert cohen_kappa(["x", "y"], ["x", "y"]) == 1.0


def test_macro_f1_counts_a_prediction_outside_the_labels_as_a_miss():
    from claimcheck.agreement import macro_f1

    # gold 1 drafted as 0 (a level not scored): class 1 has tp 1, fn 1 -> F1 2/3; class 2 perfect.
    assert macro_f1([1, 1, 2], [1, 0, 2], labels=[1, 2]) == pytest.approx((2 / 3 + 1) / 2)
