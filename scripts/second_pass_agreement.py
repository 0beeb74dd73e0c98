"""Agreement between the first pass (data/claims.csv) and the blind second pass.

Cohen's kappa for claim_type and evidence_level, quadratic-weighted kappa for
certainty; prints a markdown table and the rows that disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from claimcheck.agreement import cohen_kappa, quadratic_kappa

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    one = pd.read_csv(ROOT / "data/claims.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    two = pd.read_csv(ROOT / "docs/second-pass/pass2.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    two = two.loc[one.index]
    print("| field | agreement | kappa |\n|---|---|---|")
    for col, wts in (("claim_type", None), ("certainty", "quadratic"), ("evidence_level", None)):
        a, b = one[col].tolist(), two[col].tolist()
        if col == "certainty":
            a, b = [int(x) for x in a], [int(x) for x in b]
        agree = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
        name = "weighted κ (quadratic)" if wts else "Cohen's κ"
        print(f"| {col} | {agree:.2f} ({sum(x == y for x, y in zip(a, b, strict=True))}/{len(a)}) | {name} {(quadratic_kappa(a, b) if wts else cohen_kappa(a, b)):.2f} |")
    print()
    for cid in one.index:
        diffs = [f"{c}: {one.at[cid, c]} vs {two.at[cid, c]}" for c in ("claim_type", "certainty", "evidence_level")
                 if one.at[cid, c] != two.at[cid, c]]
        if diffs:
            print(f"- {cid} {'; '.join(diffs)} — {two.at[cid, 'note']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
