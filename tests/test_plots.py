"""The numbers behind every chart, on the small fixture audit (nbval never compares images)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from claimcheck import plots, tables
from claimcheck.report import load_claims
from claimcheck.schema import CLAIM_TYPES, VERDICTS

FIXTURE = Path(__file__).parent / "fixtures" / "basic"


@pytest.fixture(scope="module")
def claims() -> pd.DataFrame:
    return load_claims(FIXTURE / "claims.csv")


def test_inventory_counts(claims):
    counts = plots.inventory_counts(claims)
    assert counts["claim_type"].to_dict() == {
        "mechanism": 2,
        "efficacy": 3,
        "safety": 2,
        "usage": 2,
        "advice": 0,
        "context": 2,
    }
    assert counts["unit"].to_dict() == {"title": 1, "heading": 2, "sentence": 8}


def test_verdicts_by_type_are_the_stacked_bar_heights(claims):
    counts = plots.verdicts_by_type(claims)
    assert list(counts.index) == list(CLAIM_TYPES)
    assert list(counts.columns)[: len(VERDICTS)] == list(VERDICTS)
    assert counts.loc["efficacy", ["overstated", "hedged"]].tolist() == [2, 1]
    assert counts.loc["mechanism", "overstated"] == 2
    assert counts.loc["safety", ["overstated", "calibrated"]].tolist() == [1, 1]
    assert counts.loc["context", "not_assessed"] == 2
    assert counts.loc["advice"].sum() == 0
    assert counts.to_numpy().sum() == len(claims)


def test_stacked_bars_draw_those_heights_in_the_verdict_colours(claims):
    fig = plots.plot_verdicts_by_type(claims)
    ax = fig.axes[0]
    drawn: dict[str, float] = {}
    for bar in ax.patches:
        colour = to_hex(bar.get_facecolor()).upper()
        drawn[colour] = drawn.get(colour, 0) + bar.get_width()
    assert drawn[plots.VERDICT_COLORS["overstated"]] == 6
    assert drawn[plots.VERDICT_COLORS["calibrated"]] == 2
    assert drawn[plots.VERDICT_COLORS["not_assessed"]] == 2


def test_calibration_grid_counts(claims):
    grid = plots.calibration_counts(claims)
    assert list(grid.index) == [0, 1, 2, 3, 4]
    assert list(grid.columns) == list(plots.GRID_LEVELS)
    expected = {
        (4, "low"): 2,
        (3, "high"): 1,
        (3, "moderate"): 1,
        (1, "low"): 1,
        (3, "very_low"): 1,
        (1, "very_low"): 1,
        (4, "moderate"): 1,
        (2, "moderate"): 1,
    }
    found = {
        (c, lv): int(grid.loc[c, lv]) for c in grid.index for lv in grid.columns if grid.loc[c, lv]
    }
    assert found == expected
    assert grid.to_numpy().sum() == (claims["evidence_level"] != "n_a").sum()


@pytest.mark.parametrize(
    ("certainty", "level", "kind"),
    [
        (3, "high", "calibrated"),
        (4, "high", "overstated"),
        (1, "high", "below"),
        (2, "moderate", "calibrated"),
        (1, "low", "calibrated"),
        (2, "low", "overstated"),
        (0, "very_low", "calibrated"),
        (1, "very_low", "overstated"),
        (0, "none", "calibrated"),
        (0, "contradicted", "calibrated"),
        (1, "contradicted", "overstated"),
    ],
)
def test_grid_cell_kind_marks_diagonal_and_shades_above(certainty, level, kind):
    assert plots.cell_kind(certainty, level) == kind


def test_grid_overstated_cells_agree_with_the_verdict_rule(claims):
    graded = claims[claims["evidence_level"].isin(plots.GRID_LEVELS)]
    kinds = [
        plots.cell_kind(int(c), lv)
        for c, lv in zip(graded["certainty"], graded["evidence_level"], strict=True)
    ]
    assert [k == "overstated" for k in kinds] == (graded["verdict"] == "overstated").tolist()


def test_strip_is_in_reading_order_with_headings(claims):
    strip = plots.strip_data(claims.sample(frac=1, random_state=1))
    assert strip["position"].tolist() == list(range(len(claims)))
    assert strip["text"].tolist() == claims.sort_values("start")["text"].tolist()
    assert strip.loc[strip["unit"] != "sentence", "position"].tolist() == [0, 5, 8]
    assert strip["verdict"].tolist()[:3] == ["overstated", "calibrated", "overstated"]


def test_cue_counts_rank_by_statements_then_name(claims):
    cues = plots.cue_counts(claims)
    boosters = cues[cues["kind"] == "booster"]
    assert boosters["cue"].tolist() == ["everyone", "always", "completely", "cures"]
    assert boosters["statements"].tolist() == [2, 1, 1, 1]
    assert boosters.iloc[0]["overstated"] == 2
    hedges = cues[cues["kind"] == "hedge"].set_index("cue")
    assert hedges.loc["might", "overstated"] == 1
    assert hedges.loc["may", "hedged"] == 1
    assert len(plots.cue_counts(claims, top=2)) == 4


def test_a_draft_without_evidence_levels_still_plots(claims):
    draft = claims.copy()
    draft.loc[draft.index[:3], ["evidence_level", "verdict"]] = ""
    assert plots.verdicts_by_type(draft)[plots.UNRATED].sum() == 3
    assert plots.calibration_counts(draft).to_numpy().sum() == 6
    for fn in (
        plots.plot_verdicts_by_type,
        plots.plot_calibration,
        plots.plot_article_strip,
        plots.plot_cues,
    ):
        assert isinstance(fn(draft), Figure)


PLOTS = [
    plots.plot_inventory,
    plots.plot_verdicts_by_type,
    plots.plot_calibration,
    plots.plot_article_strip,
    plots.plot_cues,
]


@pytest.mark.parametrize("plot", PLOTS, ids=lambda f: f.__name__)
def test_plots_are_figures_of_fixed_size_with_a_description(claims, plot):
    fig = plot(claims)
    assert isinstance(fig, Figure)
    assert fig.get_size_inches()[0] == plots.WIDTH
    assert fig.get_label().endswith(".")
    assert "0x" not in fig.get_label()


@pytest.mark.parametrize("plot", PLOTS, ids=lambda f: f.__name__)
def test_plots_render_byte_identical_twice(claims, plot):
    assert tables.figure_png(plot(claims)) == tables.figure_png(plot(claims))


def test_calibration_description_carries_the_counts(claims):
    label = plots.plot_calibration(claims).get_label()
    assert "9 statements with an evidence level" in label
    assert "3 on the diagonal, 6 above it (overstated), 0 below it (worded more cautiously than the evidence allows: calibrated or hedged one level below, understated two or more); 2 not in the grid" in label
    on = claims.index[(claims["certainty"] == claims["allowed_certainty"]) & (claims["allowed_certainty"] > 0)][0]
    lower = claims.copy()
    lower.loc[on, "certainty"] = lower.loc[on, "allowed_certainty"] - 1  # one row worded below what it may say
    assert "2 on the diagonal, 6 above it (overstated), 1 below it" in plots.plot_calibration(lower).get_label()


def test_heading_labels_stack_only_when_they_would_overlap():
    # 10 px per cell, 8 pt labels: "abc" is ~3 cells wide, a 28-character label ~22 cells.
    assert plots.heading_rows([0, 10, 20], ["abc", "abc", "abc"], cell_px=10) == [0, 0, 0]
    assert plots.heading_rows([0, 2, 30], ["x" * 28, "y" * 28, "z"], cell_px=10) == [0, 1, 0]
    assert plots.heading_rows([0, 1, 2], ["a" * 20] * 3, cell_px=10) == [0, 1, 2]
