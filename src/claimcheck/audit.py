"""Step 3: the verdict, derived from asserted certainty and evidence level.

The rule is the contract's (GRADE informative statements, Santesso et al.
2020): evidence allows a certainty, and a statement that asserts more is
overstated. Nobody types these columns; they are computed here.
"""

from __future__ import annotations

import pandas as pd

from claimcheck.schema import ALLOWED_CERTAINTY, to_typed


def allowed_certainty(evidence_level: str) -> int | None:
    """3/2/1/0 for high/moderate/low/very_low, 0 for none/contradicted, None for n_a or blank."""
    return ALLOWED_CERTAINTY.get(evidence_level)


def verdict(certainty: int, evidence_level: str) -> tuple[int | None, int | None, str]:
    """(allowed_certainty, overstatement, verdict) for one statement.

    A blank evidence level (a draft not yet reviewed) gives no verdict at all.
    """
    if evidence_level == "":
        return None, None, ""
    allowed = allowed_certainty(evidence_level)
    if allowed is None:
        return None, None, "not_assessed"
    over = int(certainty) - allowed
    if over > 0:
        name = "overstated"
    elif over <= -2:
        name = "understated"
    elif certainty <= 1:
        name = "hedged"
    else:
        name = "calibrated"
    return allowed, over, name


def derive_verdicts(claims: pd.DataFrame) -> pd.DataFrame:
    """A copy of the claims table with allowed_certainty, overstatement and verdict computed."""
    out = to_typed(claims)
    triples = [
        verdict(c, e) if pd.notna(c) else (None, None, "")
        for c, e in zip(out["certainty"], out["evidence_level"], strict=True)
    ]
    out["allowed_certainty"] = pd.array([t[0] for t in triples], dtype="Int64")
    out["overstatement"] = pd.array([t[1] for t in triples], dtype="Int64")
    out["verdict"] = [t[2] for t in triples]
    return out
