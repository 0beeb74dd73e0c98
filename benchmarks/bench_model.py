"""Rules alone vs the certainty model, on the TEST splits of both external benchmarks.

The model is read from its JSON file through ``claimcheck.model`` (pure
Python, as users run it), never through scikit-learn. Three ways to label:

* ``rules``: the drafted level (Yu: 4 counts as 3, 0 is a miss);
* ``model``: the model's level for every sentence;
* ``rules+model``: what ``apply_model`` does: the model relabels rows the
  rules put at 1-3; rows at 0 or 4 keep the rule level.

Yu et al. 2019: macro-F1 over levels 1-3, per-class F1, confusion matrix.
Pei & Jurgens 2021: Spearman rho against the 1-6 score, for the predicted
level and for the expected level (sum of probability x level).

The model was trained and tuned on the dev splits only; this script is the
one look at test per model file.

    python benchmarks/bench_model.py [--model benchmarks/models/certainty-pubmed.json]
"""

from __future__ import annotations

import argparse

from _common import ROOT, confusion, confusion_md, environment, f1_per_class, macro_f1, md_table, pei_rows, write_result, yu_rows
from scipy.stats import spearmanr

from claimcheck.draft import certainty_of
from claimcheck.model import CLASSES, load_model

MODEL = ROOT / "benchmarks" / "models" / "certainty-pubmed.json"
LABELS = (0, 1, 2, 3)


def _combined(rule: int, model_level: float) -> float:
    return rule if rule not in CLASSES else model_level


def _yu_scores(gold: list[int], pred: list[int]) -> dict:
    return {
        "macro_f1": macro_f1(gold, pred, CLASSES),
        "per_class_f1": {str(k): v for k, v in f1_per_class(gold, pred, CLASSES).items()},
        "confusion": confusion(gold, pred, LABELS),
    }


def run(model_path) -> dict:
    model = load_model(model_path)
    yu = [(s, g) for s, g in yu_rows("test") if g is not None]
    gold = [g for _, g in yu]
    rules = [certainty_of(s) for s, _ in yu]
    mod = [model.predict(s, lv)[0] for (s, _), lv in zip(yu, rules, strict=True)]
    yu_res = {
        "rows_scored": len(yu),
        "rules": _yu_scores(gold, [min(r, 3) for r in rules]),
        "model": _yu_scores(gold, mod),
        "rules+model": _yu_scores(gold, [min(int(_combined(r, m)), 3) for r, m in zip(rules, mod, strict=True)]),
        "changed_by_model": sum(1 for r, m in zip(rules, mod, strict=True) if r in CLASSES and r != m),
    }
    pei = pei_rows("test")
    score = [g for _, g, _ in pei]
    p_rules = [certainty_of(s) for s, _, _ in pei]
    p_level = [model.predict(s, lv)[0] for (s, _, _), lv in zip(pei, p_rules, strict=True)]
    p_exp = [model.expected_level(s, lv) for (s, _, _), lv in zip(pei, p_rules, strict=True)]

    def rho(pred) -> float:
        return float(spearmanr(pred, score).statistic)

    pei_res = {
        "rows": len(pei),
        "spearman": {
            "rules": rho(p_rules),
            "model": rho(p_level),
            "model_expected": rho(p_exp),
            "rules+model": rho([_combined(r, m) for r, m in zip(p_rules, p_level, strict=True)]),
            "rules+model_expected": rho([_combined(r, m) for r, m in zip(p_rules, p_exp, strict=True)]),
        },
        "rule_level_counts": {str(k): p_rules.count(k) for k in range(5)},
    }
    return {
        "benchmark": "model",
        "split": "test",
        "model": {"file": str(model.path), "hyper": model.meta.get("hyper"), "cv_macro_f1": model.meta.get("cv_macro_f1")},
        "yu2019": yu_res,
        "pei2021": pei_res,
        "environment": environment(),
    }


def markdown(res: dict) -> str:
    y, p = res["yu2019"], res["pei2021"]
    ways = ("rules", "model", "rules+model")

    def per(k: str) -> str:
        return " / ".join(f"{y[k]['per_class_f1'][c]:.2f}" for c in "123")

    rows = [
        ["Yu 2019: 3-way macro-F1 (levels 1-3)", *(y[k]["macro_f1"] for k in ways)],
        ["Yu 2019: per-class F1 1 / 2 / 3", *(per(k) for k in ways)],
        ["Pei 2021: Spearman ρ, level", *(p["spearman"][k] for k in ways)],
        ["Pei 2021: Spearman ρ, expected level", "", p["spearman"]["model_expected"],
         p["spearman"]["rules+model_expected"]],
    ]
    return "\n".join([
        f"Certainty model vs rules, **test** split (Yu: {y['rows_scored']} rows with a level; "
        f"Pei: {p['rows']} rows). Model `{res['model']['file']}`, dev CV macro-F1 {res['model']['cv_macro_f1']}.", "",
        md_table(["metric", "rules", "model (every row)", "rules+model (apply_model)"], rows), "",
        f"The model changed the level of {y['changed_by_model']} of {y['rows_scored']} Yu rows. "
        "Yu confusion, rules+model (rows gold, columns predicted; 0 = miss):", "",
        confusion_md(y["rules+model"]["confusion"], LABELS, "gold \\ predicted"),
    ])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(MODEL))
    args = ap.parse_args()
    res = run(args.model)
    res["model"]["file"] = str(res["model"]["file"]).removeprefix(str(ROOT) + "/")
    print(markdown(res))
    write_result("model", res)


if __name__ == "__main__":
    main()
