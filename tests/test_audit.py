"""The verdict rule, on every cell of the contract's table."""

import pandas as pd
import pytest

from claimcheck.audit import allowed_certainty, derive_verdicts, verdict
from claimcheck.schema import CERTAINTY_LEVELS, EVIDENCE_LEVELS

# The contract: allowed certainty by evidence level, and the verdict for every
# (certainty, level) pair, written out by hand rather than computed.
ALLOWED = {"high": 3, "moderate": 2, "low": 1, "very_low": 0, "none": 0, "contradicted": 0, "n_a": None}
O, C, H, U, N = "overstated", "calibrated", "hedged", "understated", "not_assessed"
TABLE = {
    #            certainty: 0  1  2  3  4
    "high":         [U, U, C, C, O],
    "moderate":     [U, H, C, O, O],
    "low":          [H, H, O, O, O],
    "very_low":     [H, O, O, O, O],
    "none":         [H, O, O, O, O],
    "contradicted": [H, O, O, O, O],
    "n_a":          [N, N, N, N, N],
}


def test_table_covers_every_level():
    assert set(TABLE) == set(EVIDENCE_LEVELS) == set(ALLOWED)


@pytest.mark.parametrize("level", EVIDENCE_LEVELS)
def test_allowed_certainty(level):
    assert allowed_certainty(level) == ALLOWED[level]


@pytest.mark.parametrize(
    ("certainty", "level"), [(c, e) for e in EVIDENCE_LEVELS for c in CERTAINTY_LEVELS],
    ids=[f"{c}-{e}" for e in EVIDENCE_LEVELS for c in CERTAINTY_LEVELS],
)
def test_verdict_cell(certainty, level):
    allowed, over, name = verdict(certainty, level)
    assert name == TABLE[level][certainty]
    assert allowed == ALLOWED[level]
    assert over == (None if allowed is None else certainty - allowed)


def test_blank_level_on_a_draft_gives_no_verdict():
    assert verdict(3, "") == (None, None, "")


def test_derive_verdicts_fills_the_three_columns_and_keeps_the_rest():
    df = pd.DataFrame({"claim_id": ["a-001", "a-002", "a-003"], "certainty": [4, 1, 2],
                       "evidence_level": ["low", "n_a", ""], "verdict": ["typed by hand", "", ""]})
    out = derive_verdicts(df)
    assert out["verdict"].tolist() == ["overstated", "not_assessed", ""]
    assert out["overstatement"].tolist() == [3, pd.NA, pd.NA]
    assert out["allowed_certainty"].tolist() == [1, pd.NA, pd.NA]
    assert out["claim_id"].tolist() == df["claim_id"].tolist()
    assert df["verdict"].iloc[0] == "typed by hand", "the input is not modified"
