"""Shared helpers for the benchmark scripts: the floor rule, tables, result files.

The metrics are the package's own (``claimcheck.agreement``), re-exported here.
"""

from __future__ import annotations

import csv
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

from claimcheck import agreement  # noqa: E402
from claimcheck.agreement import accuracy, f1_per_class, macro_f1, quadratic_kappa  # noqa: E402, F401

# The floor both benchmark READMEs define: two regexes, measured in the same run.
FLOOR_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|suggest\w*|appear\w*|seem\w*|likely|potential\w*)\b", re.I)
FLOOR_QUAL = re.compile(r"\b(?:can|associat\w*|correlat\w*|linked|related to|relationship)\b", re.I)


def floor_level(text: str) -> int:
    if FLOOR_HEDGE.search(text):
        return 1
    if FLOOR_QUAL.search(text):
        return 2
    return 3


def confusion(gold: Sequence, pred: Sequence, labels: Sequence) -> list[list[int]]:
    return agreement.confusion(gold, pred, labels).tolist()


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


def yu_rows(split: str) -> list[tuple[str, int | None]]:
    """(sentence, gold level or None for label 0) for one split of Yu et al. 2019."""
    base = DATA / "causal-language-pubmed"
    with (base / "pubmed_causal_language_use.csv").open(encoding="utf-8") as f:
        sents = [r["sentence"] for r in csv.DictReader(f)]
    with (base / "splits_and_mapping.csv").open(encoding="utf-8") as f:
        maps = list(csv.DictReader(f))
    out = []
    for m in maps:
        if m["split"] == split:
            lv = m["claimcheck_level"]
            out.append((sents[int(m["row"])], int(lv) if lv else None))
    return out


def pei_rows(split: str) -> list[tuple[str, float, int]]:
    """(finding, gold 1-6 certainty, mapped claimcheck level) for one split of Pei & Jurgens 2021."""
    base = DATA / "sci-certainty-pei2021"
    text = {}
    with (base / "sentence-level-certainty.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            text[r["id"]] = (r["finding"], r["sentence-level-certainty"])
    with (base / "splits_and_mapping.csv").open(encoding="utf-8") as f:
        return [(*text[int(m["id"])], int(m["claimcheck_level"])) for m in csv.DictReader(f) if m["split"] == split]
