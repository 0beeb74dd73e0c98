"""Shared helpers for the benchmark scripts: metrics without scikit-learn, result files."""

from __future__ import annotations

import json
import platform
import re
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "src"))

# The floor both benchmark READMEs define: two regexes, measured in the same run.
FLOOR_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|suggest\w*|appear\w*|seem\w*|likely|potential\w*)\b", re.I)
FLOOR_QUAL = re.compile(r"\b(?:can|associat\w*|correlat\w*|linked|related to|relationship)\b", re.I)


def floor_level(text: str) -> int:
    if FLOOR_HEDGE.search(text):
        return 1
    if FLOOR_QUAL.search(text):
        return 2
    return 3


def f1_per_class(gold: Sequence, pred: Sequence, labels: Sequence) -> dict:
    out = {}
    for c in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        out[c] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return out


def macro_f1(gold: Sequence, pred: Sequence, labels: Sequence) -> float:
    per = f1_per_class(gold, pred, labels)
    return sum(per.values()) / len(per) if per else 0.0


def accuracy(gold: Sequence, pred: Sequence) -> float:
    return sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0


def confusion(gold: Sequence, pred: Sequence, labels: Sequence) -> list[list[int]]:
    idx = {c: i for i, c in enumerate(labels)}
    m = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        if g in idx and p in idx:
            m[idx[g]][idx[p]] += 1
    return m


def quadratic_kappa(gold: Sequence[int], pred: Sequence[int], lo: int = 0, hi: int = 4) -> float:
    k = hi - lo + 1
    n = len(gold)
    if n == 0:
        return float("nan")
    obs = [[0.0] * k for _ in range(k)]
    for g, p in zip(gold, pred, strict=True):
        obs[g - lo][p - lo] += 1
    rg = [sum(r) for r in obs]
    cp = [sum(obs[i][j] for i in range(k)) for j in range(k)]
    num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = (i - j) ** 2 / (k - 1) ** 2
            num += w * obs[i][j]
            den += w * rg[i] * cp[j] / n
    return 1.0 - num / den if den else 1.0


def md_table(header: Sequence[str], rows: Sequence[Sequence]) -> str:
    def fmt(v):
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(fmt(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def confusion_md(m: list[list[int]], labels: Sequence, what: str = "gold \\ draft") -> str:
    return md_table([what, *map(str, labels)], [[str(c), *row] for c, row in zip(labels, m, strict=True)])


def environment() -> dict:
    from claimcheck.cues import versions

    return {"python": platform.python_version(), "lexicons": dict(versions())}


def write_result(name: str, result: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
