"""Certainty drafter against two external, human-labelled benchmarks.

* Yu et al. 2019 (causal-language-pubmed): claim strength of PubMed conclusion
  sentences, mapped to claimcheck levels 1/2/3 (see the data README). Metric:
  3-way macro-F1 over levels 1-3 (draft 4 counts as 3, draft 0 is a miss),
  a collapsed 2-way score ({1,2} vs {3}) and the confusion matrix. Label-0 rows
  have no gold level: reported only as how often the drafter gives them >= 1.
* Pei & Jurgens 2021 (sci-certainty-pei2021): Spearman rho between the
  drafted level (0-4) and the 1-6 human certainty score.

The floor (the READMEs' two-regex rule) is computed in the same run. Tune on
``--split dev``; the default ``test`` split is for reporting only.

    python benchmarks/bench_external.py [--split dev|test]
"""

from __future__ import annotations

import argparse
import time

from _common import (
    accuracy,
    confusion,
    confusion_md,
    environment,
    f1_per_class,
    floor_level,
    macro_f1,
    md_table,
    pei_rows,
    write_result,
    yu_rows,
)
from scipy.stats import spearmanr

from claimcheck.draft import draft_text

LEVELS = (1, 2, 3)
PUBLISHED_YU = "BioBERT, 4 classes incl. no-relation, 5-fold CV: macro-F1 0.883, accuracy 0.900 (not comparable: other task)"
PUBLISHED_PEI = "fine-tuned LMs in the paper; exact correlation not verified (see data README)"


def _mapped(level: int) -> int:
    return min(level, 3)  # draft 4 -> 3; 0 stays 0 (a miss)


def _collapse(level: int) -> str:
    return "3" if level >= 3 else ("12" if level >= 1 else "0")


def run(split: str) -> dict:
    t0 = time.perf_counter()
    yu = yu_rows(split)
    scored = [(s, g) for s, g in yu if g is not None]
    gold = [g for _, g in scored]
    draft = [_mapped(draft_text(s).certainty) for s, _ in scored]
    floor = [floor_level(s) for s, _ in scored]
    zero_rows = [s for s, g in yu if g is None]
    zero_ge1 = sum(1 for s in zero_rows if draft_text(s).certainty >= 1) / len(zero_rows)
    gold2 = [_collapse(g) for g in gold]
    yu_res = {
        "rows_scored": len(scored),
        "draft": {
            "macro_f1": macro_f1(gold, draft, LEVELS),
            "per_class_f1": {str(k): v for k, v in f1_per_class(gold, draft, LEVELS).items()},
            "accuracy": accuracy(gold, draft),
            "macro_f1_2way": macro_f1(gold2, [_collapse(p) for p in draft], ("12", "3")),
            "confusion": confusion(gold, draft, (0, 1, 2, 3)),
        },
        "floor": {
            "macro_f1": macro_f1(gold, floor, LEVELS),
            "per_class_f1": {str(k): v for k, v in f1_per_class(gold, floor, LEVELS).items()},
            "accuracy": accuracy(gold, floor),
            "macro_f1_2way": macro_f1(gold2, [_collapse(p) for p in floor], ("12", "3")),
        },
        "label0_rows": len(zero_rows),
        "label0_share_drafted_ge1": zero_ge1,
        "published": PUBLISHED_YU,
    }
    pei = pei_rows(split)
    p_gold = [g for _, g, _ in pei]
    p_draft = [draft_text(s).certainty for s, _, _ in pei]
    p_floor = [floor_level(s) for s, _, _ in pei]
    pei_res = {
        "rows": len(pei),
        "draft_spearman": float(spearmanr(p_draft, p_gold).statistic),
        "floor_spearman": float(spearmanr(p_floor, p_gold).statistic),
        "draft_level_counts": {str(k): p_draft.count(k) for k in range(5)},
        "published": PUBLISHED_PEI,
    }
    return {
        "benchmark": "external",
        "split": split,
        "yu2019": yu_res,
        "pei2021": pei_res,
        "seconds": round(time.perf_counter() - t0, 2),
        "environment": environment(),
    }


def markdown(res: dict) -> str:
    y, p = res["yu2019"], res["pei2021"]
    d, f = y["draft"], y["floor"]
    rows = [
        ["Yu 2019: 3-way macro-F1 (levels 1-3)", d["macro_f1"], f["macro_f1"], "≥ 0.85"],
        ["Yu 2019: per-class F1 1 / 2 / 3", " / ".join(f"{d['per_class_f1'][k]:.2f}" for k in "123"),
         " / ".join(f"{f['per_class_f1'][k]:.2f}" for k in "123"), ""],
        ["Yu 2019: accuracy", d["accuracy"], f["accuracy"], ""],
        ["Yu 2019: 2-way macro-F1 ({1,2} vs {3})", d["macro_f1_2way"], f["macro_f1_2way"], ""],
        ["Pei 2021: Spearman ρ", p["draft_spearman"], p["floor_spearman"], "≥ 0.60"],
    ]
    out = [f"External certainty benchmarks, **{res['split']}** split "
           f"(Yu: {y['rows_scored']} rows with a level; Pei: {p['rows']} rows)", "",
           md_table(["metric", "drafter", "floor (two regexes)", "target"], rows), "",
           "Yu confusion matrix (rows gold, columns draft; draft 4 counted as 3, draft 0 = miss):", "",
           confusion_md(y["draft"]["confusion"], (0, 1, 2, 3)), "",
           f"Yu label-0 rows (no gold level, {y['label0_rows']}): drafter gives ≥ 1 to "
           f"{y['label0_share_drafted_ge1']:.1%} of them (diagnostic only).", "",
           f"Published: Yu — {y['published']}. Pei — {p['published']}."]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    args = ap.parse_args()
    res = run(args.split)
    print(markdown(res))
    write_result(f"external-{args.split}", res)


if __name__ == "__main__":
    main()
