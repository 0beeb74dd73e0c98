"""The drafter against people: agreement of draft labels with reviewed ones.

Pure functions on label sequences (numpy only): :func:`accuracy`,
:func:`macro_f1`, :func:`quadratic_kappa` and :func:`confusion`, and
:func:`metrics`, which computes the four headline numbers of notebook 04 from
the pairs :func:`compare` builds (each reviewed statement next to the
drafter's labels for the same unit, with the rules that fired).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from claimcheck.schema import CERTAINTY_LEVELS, CLAIM_TYPES, UNIT_COLUMNS


def accuracy(gold: Sequence, pred: Sequence) -> float:
    """Share of positions where the labels agree; nan for no labels."""
    g, p = np.asarray(list(gold), dtype=object), np.asarray(list(pred), dtype=object)
    if len(g) != len(p):
        raise ValueError("gold and pred differ in length")
    return float(np.mean(g == p)) if len(g) else float("nan")


def confusion(gold: Sequence, pred: Sequence, labels: Sequence) -> np.ndarray:
    """Counts: rows are the gold labels, columns the predicted ones, in ``labels`` order."""
    idx = {c: i for i, c in enumerate(labels)}
    m = np.zeros((len(labels), len(labels)), dtype=np.int64)
    for g, p in zip(gold, pred, strict=True):
        if g in idx and p in idx:
            m[idx[g], idx[p]] += 1
    return m


def f1_per_class(gold: Sequence, pred: Sequence, labels: Sequence) -> dict:
    """F1 of each label; a prediction outside ``labels`` still counts as a miss of the gold label."""
    pairs = list(zip(gold, pred, strict=True))
    out = {}
    for c in labels:
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if g != c and p == c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        out[c] = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
    return out


def macro_f1(gold: Sequence, pred: Sequence, labels: Sequence | None = None) -> float:
    """Unweighted mean of the per-class F1 over ``labels`` (default: every label seen)."""
    gold, pred = list(gold), list(pred)
    if labels is None:
        labels = sorted(set(gold) | set(pred), key=str)
    if not labels or not gold:
        return float("nan")
    return float(np.mean(list(f1_per_class(gold, pred, labels).values())))


def cohen_kappa(gold: Sequence, pred: Sequence) -> float:
    """Unweighted Cohen's kappa over nominal labels (1.0 when both sides use one label and agree)."""
    labels = sorted(set(gold) | set(pred))
    obs = confusion(gold, pred, labels)
    n = obs.sum()
    if not n:
        return float("nan")
    po = np.trace(obs) / n
    pe = float((obs.sum(axis=1) * obs.sum(axis=0)).sum()) / n**2
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def quadratic_kappa(gold: Sequence[int], pred: Sequence[int], lo: int = 0, hi: int = 4) -> float:
    """Cohen's kappa with quadratic weights on the ordinal scale ``lo``..``hi``.

    nan for no labels; 1.0 when chance agreement leaves nothing to beat and
    every pair agrees (e.g. one level only, on both sides).
    """
    g = np.asarray([int(x) for x in gold]) - lo
    p = np.asarray([int(x) for x in pred]) - lo
    if len(g) != len(p):
        raise ValueError("gold and pred differ in length")
    if not len(g):
        return float("nan")
    k = hi - lo + 1
    obs = np.zeros((k, k))
    np.add.at(obs, (g, p), 1)
    i, j = np.indices((k, k))
    w = (i - j) ** 2 / (k - 1) ** 2
    expected = np.outer(obs.sum(axis=1), obs.sum(axis=0)) / len(g)
    num, den = float((w * obs).sum()), float((w * expected).sum())
    if den == 0:
        return 1.0 if num == 0 else float("nan")
    return 1.0 - num / den


def compare(claims: pd.DataFrame) -> pd.DataFrame:
    """Reviewed statements beside the drafter's labels for the same units.

    The drafter reads only the unit columns of the whole table (so frames and
    sections carry over as in the article); the rows kept are those with status
    ``reviewed``. Columns: claim_id, article, unit, text, reviewed_type,
    draft_type, reviewed_certainty, draft_certainty (ints), draft_rules.
    """
    from claimcheck.draft import draft_claims  # the drafter loads its lexicons on first use

    draft = draft_claims(claims[list(UNIT_COLUMNS)].reset_index(drop=True))
    reviewed = (claims["status"] == "reviewed").to_numpy() & claims["certainty"].notna().to_numpy()
    c, d = claims[reviewed].reset_index(drop=True), draft[reviewed].reset_index(drop=True)
    return pd.DataFrame(
        {
            "claim_id": c["claim_id"].astype(str),
            "article": c["article"].astype(str),
            "unit": c["unit"].astype(str),
            "text": c["text"].astype(str),
            "reviewed_type": c["claim_type"].astype(str),
            "draft_type": d["claim_type"].astype(str),
            "reviewed_certainty": c["certainty"].astype("int64"),
            "draft_certainty": d["certainty"].astype("int64"),
            "draft_rules": d["draft_rules"].astype(str),
        }
    )


def metrics(pairs: pd.DataFrame) -> dict[str, float | int]:
    """Statements compared, type accuracy and macro-F1, certainty accuracy and quadratic kappa."""
    types = [t for t in CLAIM_TYPES if t in set(pairs["reviewed_type"]) | set(pairs["draft_type"])]
    lo, hi = CERTAINTY_LEVELS[0], CERTAINTY_LEVELS[-1]
    return {
        "statements": int(len(pairs)),
        "type_accuracy": accuracy(pairs["reviewed_type"], pairs["draft_type"]),
        "type_macro_f1": macro_f1(pairs["reviewed_type"], pairs["draft_type"], types),
        "certainty_accuracy": accuracy(pairs["reviewed_certainty"], pairs["draft_certainty"]),
        "certainty_qwk": quadratic_kappa(pairs["reviewed_certainty"], pairs["draft_certainty"], lo, hi),
    }


def disagreements(pairs: pd.DataFrame) -> pd.DataFrame:
    """The pairs where type or certainty differ, in table order."""
    differ = (pairs["reviewed_type"] != pairs["draft_type"]) | (
        pairs["reviewed_certainty"] != pairs["draft_certainty"]
    )
    return pairs[differ].reset_index(drop=True)
