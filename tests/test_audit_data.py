"""The committed audit of the worked example holds to the contract."""

import re
from pathlib import Path

import pandas as pd
import pytest

from claimcheck.draft import draft_lines
from claimcheck.validate import validate_claims

CLAIMS = "data/claims.csv"
EVIDENCE = "data/evidence.csv"


@pytest.fixture(scope="module")
def claims(root):
    return pd.read_csv(root / CLAIMS, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def evidence(root):
    return pd.read_csv(root / EVIDENCE, dtype=str, keep_default_na=False)


def test_audit_validates_with_full_coverage(root, article_path):
    assert validate_claims(root / CLAIMS, article=article_path, evidence=root / EVIDENCE) == []


def test_every_row_is_reviewed(claims):
    assert set(claims["status"]) == {"reviewed"}
    assert len(claims) == 58


def test_every_source_has_an_identifier_or_says_why_not(evidence):
    for row in evidence.itertuples():
        if not (row.doi or row.pmid):
            assert re.search(r"\b(no|not|neither|none|left empty)\b", row.verification, re.I), row.evidence_id


def test_identifiers_are_well_formed_and_unique(evidence):
    dois = evidence.loc[evidence["doi"] != "", "doi"]
    pmids = evidence.loc[evidence["pmid"] != "", "pmid"]
    assert dois.str.match(r"^10\.\d{4,9}/\S+$").all()
    assert pmids.str.fullmatch(r"\d{6,9}").all()
    assert dois.is_unique
    assert pmids.is_unique


def test_every_overstated_row_has_a_revision_and_a_rationale(claims):
    over = claims[claims["verdict"] == "overstated"]
    assert len(over) > 0
    assert (over["suggested_revision"].str.len() > 20).all()
    assert (over["rationale"].str.len() > 20).all()
    assert (claims.loc[claims["verdict"] != "overstated", "suggested_revision"] == "").all()


def test_a_revision_is_a_new_sentence_not_the_old_one(claims):
    over = claims[claims["verdict"] == "overstated"]
    assert (over["suggested_revision"] != over["text"]).all()


# Revisions the drafter reads above their allowed level, each for a known reason.
# Strict xfail: when the drafter or the revision is fixed, the test says so.
DRAFTER_MISREADS: dict[str, str] = {}
REVISION_TOO_STRONG = {
    "acu-032": "the revision corrects a wrong fact; its own evidence (textbook anatomy) is high, not the original's",
}


def overstated_rows():
    df = pd.read_csv(Path(__file__).parent.parent / CLAIMS, dtype=str, keep_default_na=False)
    return df[df["verdict"] == "overstated"].to_dict("records")


def _param(row):
    reason = DRAFTER_MISREADS.get(row["claim_id"]) or REVISION_TOO_STRONG.get(row["claim_id"])
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(row, id=row["claim_id"], marks=marks)


@pytest.mark.parametrize("row", [_param(r) for r in overstated_rows()])
def test_revision_drafts_at_or_below_its_allowed_certainty(row):
    drafted = draft_lines([row["suggested_revision"]])
    assert int(drafted["certainty"].iloc[0]) <= int(row["allowed_certainty"]), drafted["draft_rules"].iloc[0]
