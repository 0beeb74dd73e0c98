"""Train the certainty model on the dev splits and export it as plain JSON.

Why: the rules miss certainty that lives outside cue words (a plain
comparative finding labelled "correlational", a causal verb with no modal).
A linear model over word pairs plus the rules' own verdict learns those from
labelled sentences, and stays explainable weight by weight.

Data: only the files shipped in ``benchmarks/data`` (no network), and only
their ``dev`` rows: Yu et al. 2019 (gold ``claimcheck_level``) and, as an
option dev cross-validation decides on, Pei & Jurgens 2021 (its
``claimcheck_level``). The test rows are never read here.

Choice: every variant in the grid is scored by stratified 5-fold CV on dev
(fixed seed): Yu macro-F1 over levels 1-3 and Spearman rho against the Pei
1-6 score (predicted level). Within one standard error of the best Yu
macro-F1 (the fold spread of the best / sqrt(5)), the simplest variant wins:
fewest features (larger ``min_df``), then strongest regularisation (smaller
C), then grid order. The 1-SE rule keeps the file small and avoids chasing
fold noise. Pei rows are added only if the variant chosen with them beats the
one chosen without on both numbers.

    .venv/bin/python scripts/train_certainty_model.py [--out benchmarks/models/certainty-pubmed.json]

The output is byte-for-byte the same on a re-run (sorted keys, weights
rounded to 6 decimals). Needs scikit-learn (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from pathlib import Path

import numpy as np
import sklearn
from scipy.stats import spearmanr
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _common import pei_rows, yu_rows  # noqa: E402 - the benchmarks' loaders of the vendored data
from claimcheck.agreement import macro_f1  # noqa: E402
from claimcheck.cues import load_lexicon  # noqa: E402
from claimcheck.draft import certainty_of  # noqa: E402
from claimcheck.model import CLASSES, FEATURE_SPEC, features  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
YU_DIR, PEI_DIR = DATA / "causal-language-pubmed", DATA / "sci-certainty-pei2021"
OUT = ROOT / "benchmarks" / "models" / "certainty-pubmed.json"
SEED = 0
FOLDS = 5
# The grid: regularisation, class weights, feature set, weighting, rare-feature cut, extra data.
GRID_C = (0.1, 0.3, 1.0, 3.0, 10.0)
GRID_CLASS_WEIGHT = ("balanced", None)
GRID_FEATURES = ("ngrams+rules", "ngrams+cues", "ngrams")  # with rule_level and cues / cues only / none
GRID_WEIGHTING = ("binary", "tfidf")
GRID_MIN_DF = (1, 2)
GRID_DATA = ("yu", "yu+pei")
# A weight whose largest absolute value over the classes is below this is dropped from the file.
PRUNE = 0.01
LICENCE_NOTE = (
    "derived from GPL-3.0 data (Yu et al. 2019, benchmarks/data/causal-language-pubmed); "
    "see benchmarks/models/README.md"
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def yu_dev() -> list[tuple[str, int]]:
    """(sentence, gold level) for Yu dev rows that have a level."""
    return [(t, lv) for t, lv in yu_rows("dev") if lv is not None]


def pei_dev() -> list[tuple[str, int, float]]:
    """(finding, mapped level, 1-6 score) for Pei dev rows."""
    return [(t, lv, score) for t, score, lv in pei_rows("dev")]


def _feats(fs: list[str], kind: str) -> dict[str, int]:
    """The features of one variant, from the full list :func:`features` gives."""
    if kind == "ngrams+cues":
        fs = [f for f in fs if not f.startswith("rule_level=")]
    elif kind == "ngrams":
        fs = [f for f in fs if "=" not in f]
    return dict.fromkeys(fs, 1)


def _fit(rows: list[dict], labels: list[int], v: dict):
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(rows)
    if v["min_df"] > 1:
        keep = np.flatnonzero(np.asarray((X > 0).sum(axis=0)).ravel() >= v["min_df"])
        vec.restrict(np.isin(np.arange(X.shape[1]), keep))
        X = vec.transform(rows)
    tf = TfidfTransformer().fit(X) if v["weighting"] == "tfidf" else None
    if tf is not None:
        X = tf.transform(X)
    clf = LogisticRegression(C=v["C"], class_weight=v["class_weight"], max_iter=10000, random_state=SEED)
    clf.fit(X, labels)

    def transform(new_rows: list[dict]):
        Z = vec.transform(new_rows)
        return tf.transform(Z) if tf is not None else Z

    return vec, clf, transform


def _rho(pred, gold) -> float:
    """Spearman rho; 0 when the model gives every row the same level (it ranks nothing)."""
    return 0.0 if np.ptp(pred) == 0 else float(spearmanr(pred, gold).statistic)


def cross_validate(yu, yu_feats, pei, pei_feats, v: dict) -> dict:
    """Mean over the folds of Yu macro-F1 and Pei rho (predicted and expected level)."""
    skf = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    y_gold = np.array([g for _, g in yu])
    p_gold = np.array([g for _, g, _ in pei])
    p_score = np.array([s for *_, s in pei])
    y_rows = [_feats(fs, v["features"]) for fs in yu_feats]
    p_rows = [_feats(fs, v["features"]) for fs in pei_feats]
    f1s, rho, rho_exp = [], [], []
    folds = zip(skf.split(y_rows, y_gold), skf.split(p_rows, p_gold), strict=True)
    for (ytr, yte), (ptr, pte) in folds:
        rows = [y_rows[i] for i in ytr]
        labels = [int(y_gold[i]) for i in ytr]
        if v["data"] == "yu+pei":
            rows += [p_rows[i] for i in ptr]
            labels += [int(p_gold[i]) for i in ptr]
        _, clf, transform = _fit(rows, labels, v)
        pred = clf.predict(transform([y_rows[i] for i in yte]))
        f1s.append(macro_f1(y_gold[yte].tolist(), pred.tolist(), CLASSES))
        Zp = transform([p_rows[i] for i in pte])
        rho.append(_rho(clf.predict(Zp), p_score[pte]))
        rho_exp.append(_rho(clf.predict_proba(Zp) @ clf.classes_, p_score[pte]))
    return {"yu_macro_f1": float(np.mean(f1s)), "yu_macro_f1_sd": float(np.std(f1s)),
            "pei_rho": float(np.mean(rho)), "pei_rho_expected": float(np.mean(rho_exp))}


def _round(x: float) -> float:
    r = round(float(x), 6)
    return 0.0 if r == 0 else r  # no "-0.0" in the file


def export(vec, clf, v: dict, cv: dict, n_rows: dict, grid: list) -> tuple[dict, int, int]:
    """The model file as a dict, plus (features kept, features in the vocabulary)."""
    if v["weighting"] != "binary":
        raise SystemExit("the model format holds binary features only; the chosen variant is tf-idf")
    if list(clf.classes_) != list(CLASSES):
        raise SystemExit(f"trained classes {list(clf.classes_)}, expected {list(CLASSES)}")
    names = vec.get_feature_names_out()
    W = clf.coef_.T  # (features, classes)
    weights = {}
    for name, w in zip(names, W, strict=True):
        if np.max(np.abs(w)) >= PRUNE:
            weights[str(name)] = [_round(x) for x in w]
    files = {
        "yu": [YU_DIR / "pubmed_causal_language_use.csv", YU_DIR / "splits_and_mapping.csv"],
        "pei": [PEI_DIR / "sentence-level-certainty.jsonl", PEI_DIR / "splits_and_mapping.csv"],
    }
    used = ["yu"] + (["pei"] if v["data"] == "yu+pei" else [])
    model = {
        "format": 1,
        "classes": list(CLASSES),
        "intercept": [_round(x) for x in clf.intercept_],
        "weights": weights,
        "features": FEATURE_SPEC,
        "rule_lexicons": {"certainty": load_lexicon("certainty").version},
        "trained_on": {
            k: {
                "files": {str(p.relative_to(ROOT)): _sha256(p) for p in files[k]},
                "split": "dev",
                "rows": n_rows[k],
                "gold": "claimcheck_level",
            }
            for k in used
        },
        "hyper": {
            "C": v["C"], "class_weight": v["class_weight"], "features": v["features"],
            "weighting": v["weighting"], "min_df": v["min_df"], "data": v["data"],
            "solver": "lbfgs (multinomial)", "cv": f"stratified {FOLDS}-fold on dev, seed {SEED}",
        },
        "cv_macro_f1": round(cv["yu_macro_f1"], 4),
        "cv": {
            "chosen": {k: round(x, 4) for k, x in cv.items()},
            "grid": grid,
        },
        "pruned": {"rule": f"dropped features whose largest |weight| < {PRUNE}",
                   "kept": len(weights), "vocabulary": len(names)},
        "sklearn": sklearn.__version__,
        "licence_note": LICENCE_NOTE,
    }
    return model, len(weights), len(names)


def dumps(model: dict) -> str:
    """Sorted-key JSON with one line per weight, so a diff of two models reads feature by feature."""
    def one(x) -> str:
        return json.dumps(x, sort_keys=True, ensure_ascii=False)

    lines = []
    for k in sorted(model):
        if k == "weights":
            body = ",\n".join(f"  {one(f)}: {one(model[k][f])}" for f in sorted(model[k]))
            lines.append(f' "weights": {{\n{body}\n }}')
        elif k == "cv":
            grid = ",\n".join(f"   {one(g)}" for g in model[k]["grid"])
            lines.append(f' "cv": {{"chosen": {one(model[k]["chosen"])}, "grid": [\n{grid}\n ]}}')
        else:
            lines.append(f" {one(k)}: {one(model[k])}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    yu, pei = yu_dev(), pei_dev()
    yu_feats = [features(t, certainty_of(t)) for t, _ in yu]
    pei_feats = [features(t, certainty_of(t)) for t, _, _ in pei]
    print(f"dev rows: Yu {len(yu)}, Pei {len(pei)}")

    variants = [
        {"data": d, "features": fk, "weighting": w, "min_df": m, "class_weight": cw, "C": c}
        for d, fk, w, m, cw, c in itertools.product(
            GRID_DATA, GRID_FEATURES, GRID_WEIGHTING, GRID_MIN_DF, GRID_CLASS_WEIGHT, GRID_C
        )
    ]
    scored = []
    for v in variants:
        cv = cross_validate(yu, yu_feats, pei, pei_feats, v)
        scored.append((v, cv))
    grid = [{**v, **{k: round(x, 4) for k, x in cv.items()}} for v, cv in scored]

    def best(data: str):
        pool = [(i, v, cv) for i, (v, cv) in enumerate(scored) if v["data"] == data]
        top = max(pool, key=lambda t: (t[2]["yu_macro_f1"], -t[0]))[2]
        bar = top["yu_macro_f1"] - top["yu_macro_f1_sd"] / np.sqrt(FOLDS)
        near = [t for t in pool if t[2]["yu_macro_f1"] >= bar]
        _, v, cv = min(near, key=lambda t: (-t[1]["min_df"], t[1]["C"], t[0]))
        return v, cv

    b_yu, b_both = best("yu"), best("yu+pei")
    chosen = b_both if (b_both[1]["yu_macro_f1"] > b_yu[1]["yu_macro_f1"]
                        and b_both[1]["pei_rho"] > b_yu[1]["pei_rho"]) else b_yu
    for name, (v, cv) in (("chosen, Yu dev only", b_yu), ("chosen, Yu+Pei dev", b_both)):
        print(f"{name}: {v} -> CV Yu macro-F1 {cv['yu_macro_f1']:.3f} (sd {cv['yu_macro_f1_sd']:.3f}), "
              f"Pei rho {cv['pei_rho']:.3f} (expected level {cv['pei_rho_expected']:.3f})")
    v, cv = chosen
    print(f"chosen: {v}")

    rows = [_feats(fs, v["features"]) for fs in yu_feats]
    labels = [g for _, g in yu]
    if v["data"] == "yu+pei":
        rows += [_feats(fs, v["features"]) for fs in pei_feats]
        labels += [g for _, g, _ in pei]
    vec, clf, _ = _fit(rows, labels, v)
    model, kept, vocab = export(vec, clf, v, cv, {"yu": len(yu), "pei": len(pei)}, grid)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps(model), encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}: "
          f"{kept} of {vocab} features, {args.out.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
