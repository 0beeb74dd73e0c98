"""An optional, explainable second opinion on the drafted certainty level.

The rules (:mod:`claimcheck.draft`) read cue words; a small linear model,
trained outside the package on labelled sentences, reads every word pair as
well and can tell a plain comparative finding ("patients had higher X") from
a hedged one. It is a suggestion for the reviewer, never a label: rows keep
the rule level in ``certainty`` unless :func:`apply_model` is asked for, and
even then ``draft_rules`` says what the model saw.

The model file is plain JSON (see ``benchmarks/models/README.md``): a softmax
over levels 1-3 with one weight vector per feature. Features are the same
here and in the training script, which imports :func:`features`:

* word 1- and 2-grams of ``normalise(text)`` (numbers become ``#``), present
  or absent (binary);
* ``rule_level=<n>``: the level the rules drafted;
* ``cue=<rule id>``: each certainty cue rule (hedge, qualifier or booster)
  that matched anywhere in the statement.

Pure Python: no numpy or scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from claimcheck.cues import load_lexicon, normalise
from claimcheck.io import InputError

FORMAT = 1
CLASSES = (1, 2, 3)
# Keys a model file may carry: the first group is needed to predict, the rest is provenance.
REQUIRED = ("format", "classes", "intercept", "weights", "features")
OPTIONAL = ("rule_lexicons", "trained_on", "hyper", "cv", "cv_macro_f1", "sklearn", "licence_note", "pruned")
FEATURE_SPEC = {"tokens": "words", "ngram_max": 2, "binary": True, "rule_level": True, "cues": "certainty"}
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W\d_]+)?")
_NUMBER = re.compile(r"\d+")


def tokens(text: str) -> list[str]:
    """Words of the normalised text; a token made only of digits becomes ``#``."""
    return ["#" if _NUMBER.fullmatch(w) else w for w in _TOKEN.findall(normalise(text))]


def features(text: str, rule_level: int) -> list[str]:
    """The model's features of one statement, sorted and without repeats.

    N-gram features never contain ``=``; indicator features always do, so
    the two kinds cannot collide.
    """
    toks = tokens(text)
    out = set(toks)
    out.update(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False))
    out.add(f"rule_level={int(rule_level)}")
    out.update(f"cue={h.rule.id}" for h in load_lexicon("certainty").find(normalise(text)) if h.rule.level is not None)
    return sorted(out)


def _label(feature: str) -> str:
    return feature if "=" in feature else f"'{feature}'"


@dataclass(frozen=True)
class CertaintyModel:
    """A loaded model file: intercepts and per-feature weights, one per level in ``classes``."""

    path: str
    classes: tuple[int, ...]
    intercept: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    meta: Mapping[str, Any]

    def probabilities(self, text: str, rule_level: int) -> tuple[tuple[float, ...], list[tuple[str, tuple[float, ...]]]]:
        """(softmax probability per class, [(feature, weights)] of the features the model knows)."""
        known = [(f, self.weights[f]) for f in features(text, rule_level) if f in self.weights]
        scores = list(self.intercept)
        for _, w in known:
            scores = [s + x for s, x in zip(scores, w, strict=True)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return tuple(e / total for e in exp), known

    def predict(self, text: str, draft: Any = None) -> tuple[int, float, str]:
        """(level, its probability, the top three features that pushed toward it).

        ``draft`` is a :class:`claimcheck.draft.Draft`, a rule level (int), or
        None to draft ``text`` here. A feature pushes toward a level by how
        much its weight for that level exceeds its mean weight over the levels
        (the softmax only sees those differences); ties break by name.
        """
        if draft is None:
            from claimcheck.draft import draft_text

            draft = draft_text(text)
        level = int(draft if isinstance(draft, int) else draft.certainty)
        probs, known = self.probabilities(text, level)
        k = max(range(len(probs)), key=lambda i: (probs[i], -i))
        pushes = []
        for f, w in known:
            d = w[k] - sum(w) / len(w)
            if d > 0:
                pushes.append((-round(d, 6), f, d))
        pushes.sort()
        why = ", ".join(f"{_label(f)} +{d:.1f}" for _, f, d in pushes[:3]) or "intercept only"
        return self.classes[k], probs[k], f"model: {why}"

    def stale_rules(self) -> str | None:
        """Why the model's rule features may no longer mean what they meant in training, or None.

        The ``rule_level`` and ``cue=`` features come from the certainty
        lexicon; a file trained on another version reads them differently.
        A file without ``rule_lexicons`` predates the stamp and is not judged.
        """
        trained = self.meta.get("rule_lexicons", {}).get("certainty")
        now = load_lexicon("certainty").version
        if trained is None or trained == now:
            return None
        return f"trained on certainty lexicon v{trained}, the rules are now v{now}; retrain with scripts/train_certainty_model.py"

    def expected_level(self, text: str, rule_level: int) -> float:
        """Sum of probability x level: a graded score for ranking statements."""
        probs, _ = self.probabilities(text, rule_level)
        return sum(p * c for p, c in zip(probs, self.classes, strict=True))


def _fail(path: Path, msg: str) -> InputError:
    return InputError(f"{path}: {msg}")


def _vector(path: Path, where: str, v: Any, n: int) -> tuple[float, ...]:
    if not isinstance(v, list) or len(v) != n:
        got = f"{len(v)} values" if isinstance(v, list) else type(v).__name__
        raise _fail(path, f"{where}: expected a list of {n} numbers (one per class), found {got}")
    if not all(isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x) for x in v):
        raise _fail(path, f"{where}: expected {n} finite numbers, found {json.dumps(v)[:60]}")
    return tuple(float(x) for x in v)


def load_model(path: str | Path) -> CertaintyModel:
    """Read and check a model file; anything malformed is an :class:`InputError` naming the file."""
    from claimcheck.io import read_text

    p = Path(path)
    text = read_text(p, "model file")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{p}:{e.lineno}: column {e.colno}: not valid JSON ({e.msg}), expected a certainty model") from None
    if not isinstance(raw, dict):
        raise _fail(p, f"expected a JSON object with keys {', '.join(REQUIRED)}, found {type(raw).__name__}")
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        raise _fail(p, f"missing key {', '.join(map(repr, missing))}; a certainty model needs {', '.join(REQUIRED)}")
    unknown = sorted(set(raw) - set(REQUIRED) - set(OPTIONAL))
    if unknown:
        raise _fail(p, f"unknown key {', '.join(map(repr, unknown))}; allowed: {', '.join(REQUIRED + OPTIONAL)}")
    if raw["format"] != FORMAT or isinstance(raw["format"], bool):
        raise _fail(p, f"'format' is {raw['format']!r}, expected {FORMAT}")
    if raw["classes"] != list(CLASSES) or any(isinstance(c, bool) for c in raw["classes"]):
        raise _fail(p, f"'classes' is {json.dumps(raw['classes'])[:40]}, expected {list(CLASSES)}")
    if raw["features"] != FEATURE_SPEC:
        raise _fail(p, f"'features' is {json.dumps(raw['features'])[:80]}, expected {json.dumps(FEATURE_SPEC)}")
    n = len(CLASSES)
    intercept = _vector(p, "'intercept'", raw["intercept"], n)
    if not isinstance(raw["weights"], dict) or not raw["weights"]:
        raise _fail(p, "'weights': expected a non-empty object mapping feature -> list of numbers")
    weights = {str(f): _vector(p, f"weights[{f!r}]", v, n) for f, v in raw["weights"].items()}
    lexicons = raw.get("rule_lexicons", {})
    if not isinstance(lexicons, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v >= 1 for v in lexicons.values()
    ):
        raise _fail(p, f"'rule_lexicons' is {json.dumps(lexicons)[:60]}, expected an object mapping lexicon name -> version (a positive integer)")
    meta = {k: raw[k] for k in OPTIONAL if k in raw}
    return CertaintyModel(str(p), CLASSES, intercept, weights, meta)


def apply_model(drafts: pd.DataFrame, model: CertaintyModel) -> pd.DataFrame:
    """A copy of a drafted claims table with the model's level on rows the rules set to 1-3.

    Rows at level 0 (questions, topic labels) or 4 (boosted) are the rules'
    business and stay as they are; every changed or confirmed row gains
    ``; model=<level>(<explanation>)`` in ``draft_rules`` so a reviewer sees
    the suggestion and why. Row count, order and index never change.
    """
    out = drafts.copy()
    levels = out["certainty"].tolist()
    texts = out["text"].astype(str).tolist()
    rules = out["draft_rules"].fillna("").astype(str).tolist()
    new_levels, new_rules = list(levels), list(rules)
    for i, (lv, text) in enumerate(zip(levels, texts, strict=True)):
        if pd.isna(lv) or int(lv) not in CLASSES:
            continue
        level, prob, why = model.predict(text, int(lv))
        new_levels[i] = level
        new_rules[i] = f"{rules[i]}; model={level}(p={prob:.2f}; {why})"
    out["certainty"] = pd.array(new_levels, dtype=drafts["certainty"].dtype)
    out["draft_rules"] = new_rules
    return out


__all__ = ["CertaintyModel", "apply_model", "features", "load_model", "tokens"]
