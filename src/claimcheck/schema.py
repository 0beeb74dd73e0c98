"""The claims table and the evidence table, defined once.

Validation, the drafter, the notebooks and the tests all read the columns,
types and allowed values from here. The red-flag list is data
(``rules/flags.csv``) so that its documentation travels with it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pandas as pd

UNITS = ("title", "heading", "sentence")
CLAIM_TYPES = ("mechanism", "efficacy", "safety", "usage", "advice", "context")
# claims evidence can bear on: rated on the evidence scale, never n_a (which is for advice and context)
RATED_TYPES = ("mechanism", "efficacy", "safety", "usage")
CERTAINTY_NAMES = ("uncertain", "hedged", "qualified", "unqualified", "boosted")
CERTAINTY_LEVELS = tuple(range(len(CERTAINTY_NAMES)))
SUPPORT = ("cited", "vague", "none")
EVIDENCE_LEVELS = ("high", "moderate", "low", "very_low", "none", "contradicted", "n_a")
GRADE_LEVELS = ("high", "moderate", "low", "very_low")
VERDICTS = ("overstated", "calibrated", "hedged", "understated", "not_assessed")
STATUSES = ("draft", "reviewed")
# what an evidence row's url must be: a web address, since the report makes it a link
WEB_ADDRESS = re.compile(r"(?i)https?://[^\s\"'<>]+")

# The allowed certainty per evidence level (GRADE informative statements,
# Santesso et al. 2020): high "reduces", moderate "probably reduces",
# low "may reduce", very low "uncertain whether"; none/contradicted allow 0.
ALLOWED_CERTAINTY = {"high": 3, "moderate": 2, "low": 1, "very_low": 0, "none": 0, "contradicted": 0}


@cache
def flag_table() -> pd.DataFrame:
    """The documented red flags: ``flag``, ``meaning``, ``example``."""
    text = files("claimcheck").joinpath("rules/flags.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    return pd.DataFrame(rows, columns=["flag", "meaning", "example"])


def flags() -> tuple[str, ...]:
    return tuple(flag_table()["flag"])


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "str", "int", "choice", "list" (';'-separated), "id"
    description: str
    choices: tuple[str, ...] = ()
    required: bool = False  # must be non-empty
    derived: bool = False  # computed by claimcheck.audit, never typed
    lo: int | None = None
    hi: int | None = None


def _choices(name: str) -> tuple[str, ...]:
    return flags() if name == "flags" else ()


CLAIM_SCHEMA: tuple[Column, ...] = (
    Column("claim_id", "id", "stable id <prefix>-NNN, unique in the file", required=True),
    Column("article", "str", "slug of the article, data/articles/<slug>.txt", required=True),
    Column("unit", "choice", "title, heading or sentence", UNITS, required=True),
    Column("section", "str", "text of the heading the unit sits under ('' before the first)"),
    Column("paragraph", "int", "1-based paragraph number in the article", required=True, lo=1),
    Column("sentence", "int", "1-based sentence number in the paragraph", required=True, lo=1),
    Column("start", "int", "character offset of the unit's first character", required=True, lo=0),
    Column("end", "int", "character offset after the unit's last character", required=True, lo=1),
    Column("text", "str", "the unit verbatim: article[start:end]", required=True),
    Column("claim_type", "choice", "what the statement is about", CLAIM_TYPES, required=True),
    Column("secondary_type", "choice", "the other kind of claim it makes, if any", CLAIM_TYPES),
    Column("certainty", "int", "strength the wording asserts, 0 uncertain … 4 boosted", required=True, lo=0, hi=4),
    Column("hedge_cues", "list", "words that lower or set the level, lower-case, ';'-separated"),
    Column("boosters", "list", "words that raise the level, lower-case, ';'-separated"),
    Column("support_in_text", "choice", "what the article offers as support", SUPPORT, required=True),
    Column("flags", "list", "red flags from rules/flags.csv, ';'-separated"),
    Column("evidence_level", "choice", "GRADE certainty of the best evidence for the claim as worded", EVIDENCE_LEVELS),
    Column("evidence_ids", "list", "keys of data/evidence.csv, ';'-separated"),
    Column("allowed_certainty", "int", "the certainty the evidence allows", derived=True, lo=0, hi=3),
    Column("overstatement", "int", "certainty - allowed_certainty", derived=True, lo=-4, hi=4),
    Column("verdict", "choice", "hedged, calibrated, overstated, understated, not_assessed", VERDICTS, derived=True),
    Column("suggested_revision", "str", "a publishable rewrite at the allowed level (overstated rows)"),
    Column("rationale", "str", "why this level, which source"),
    Column("status", "choice", "draft (drafter) or reviewed (checked by a person)", STATUSES, required=True),
    Column("reviewer_note", "str", "free text"),
)

EVIDENCE_SCHEMA: tuple[Column, ...] = (
    Column("evidence_id", "id", "key the claims table points to", required=True),
    Column("citation", "str", "authors, year, title, journal", required=True),
    Column("doi", "str", "DOI seen in a real record (10.xxxx/…)"),
    Column("pmid", "str", "PubMed id seen in a real record (digits)"),
    Column("design", "str", "e.g. IPD meta-analysis, Cochrane review, RCT", required=True),
    Column("size", "str", "trials / participants"),
    Column("finding", "str", "what it found, in the project's words, with numbers", required=True),
    Column("certainty", "choice", "GRADE level, as the authors or the project judge it", GRADE_LEVELS, required=True),
    Column("url", "str", "the record seen"),
    Column("verification", "str", "where each identifier was seen; what could not be confirmed"),
)

# Not in the contract: the drafter's explanation of each label (which rule or
# cue fired), kept beside the row so a reviewer sees why. Optional.
OPTIONAL_SCHEMA: tuple[Column, ...] = (
    Column("draft_rules", "str", "which drafter rules and cues produced the labels"),
)

UNIT_COLUMNS = tuple(c.name for c in CLAIM_SCHEMA[:9])
CLAIM_COLUMNS = tuple(c.name for c in CLAIM_SCHEMA)
DERIVED_COLUMNS = tuple(c.name for c in CLAIM_SCHEMA if c.derived)
OPTIONAL_COLUMNS = tuple(c.name for c in OPTIONAL_SCHEMA)
EVIDENCE_COLUMNS = tuple(c.name for c in EVIDENCE_SCHEMA)
INT_COLUMNS = tuple(c.name for c in CLAIM_SCHEMA if c.kind == "int")
# Columns a person writes; a re-segmentation must carry them over.
HUMAN_COLUMNS = tuple(c for c in CLAIM_COLUMNS[9:] if c not in DERIVED_COLUMNS)


def column(name: str) -> Column:
    for c in CLAIM_SCHEMA + OPTIONAL_SCHEMA + EVIDENCE_SCHEMA:
        if c.name == name:
            return c
    raise KeyError(name)


def allowed_values(col: Column) -> tuple[str, ...]:
    return col.choices or _choices(col.name)


def empty_units() -> pd.DataFrame:
    df = pd.DataFrame({c: pd.Series(dtype="str") for c in UNIT_COLUMNS})
    return df.astype({c: "int64" for c in ("paragraph", "sentence", "start", "end")})


def certainty_dtype() -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(CERTAINTY_LEVELS), ordered=True)


def evidence_dtype() -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(EVIDENCE_LEVELS), ordered=True)


def to_typed(df: pd.DataFrame) -> pd.DataFrame:
    """A claims table with integer columns as nullable ints and empty text as ''."""
    out = df.copy()
    for c in CLAIM_COLUMNS:
        if c not in out:
            out[c] = pd.NA if c in INT_COLUMNS else ""
    for c in INT_COLUMNS:
        out[c] = pd.to_numeric(out[c], errors="coerce").astype("Int64")
    for c in CLAIM_COLUMNS:
        if c not in INT_COLUMNS:
            out[c] = out[c].fillna("").astype(str)
    return out[list(CLAIM_COLUMNS) + [c for c in out.columns if c not in CLAIM_COLUMNS]]
