"""Hold a claims table (and its evidence table) to the data contract.

Every problem is reported, not just the first, as ``FILE:LINE: column: found
…, expected … [ROW_ID]`` so that a person can fix the file in one pass: the
line is the file's, and the row's id finds it in a spreadsheet, whose row
numbers drift from the file's lines when a cell holds a line break. Files that
cannot be read as UTF-8 CSV at all raise :class:`~claimcheck.io.InputError`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from claimcheck.audit import verdict
from claimcheck.io import InputError, a_or_an, article_slug, read_article, read_csv_rows, same_words
from claimcheck.schema import (
    CLAIM_COLUMNS,
    CLAIM_SCHEMA,
    DERIVED_COLUMNS,
    EVIDENCE_COLUMNS,
    EVIDENCE_SCHEMA,
    OPTIONAL_COLUMNS,
    RATED_TYPES,
    WEB_ADDRESS,
    Column,
    allowed_values,
)
from claimcheck.segment import iter_units

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*-\d{3,}")
_KEY = re.compile(r"[a-z0-9][a-z0-9_]*")
_CUE = re.compile(r"[^;A-Z]+")
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_PMID = re.compile(r"[1-9]\d{0,8}")


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: str
    message: str
    row_id: str | None = ""  # the claim_id or evidence_id on that line; None: about the table, not the row
    # the command that mends it rather than a hand edit: "merge" (the article no longer fits
    # the table: edited, or re-saved) or "verdicts" (a derived column out of date)
    mended_by: str = field(default="", compare=False)

    def __str__(self) -> str:
        col = f" {self.column}:" if self.column else ""
        where = f" [{self.row_id}]" if self.row_id else ""
        return f"{self.file}:{self.line}:{col} {self.message}{where}"


def _name_rows(problems: list[Problem], f: str, lines: list[int], ids: Sequence[str]) -> list[Problem]:
    """Each problem on a row of ``f`` also carries that row's id."""
    by_line = {line: i.strip() for line, i in zip(lines, ids, strict=True) if i.strip()}
    return [
        replace(p, row_id=by_line[p.line]) if p.file == f and p.line in by_line and p.row_id == "" else p
        for p in problems
    ]


def problem_files(problems: Sequence[Problem]) -> str:
    """The files the problems are in, in order: 'claims.csv and evidence.csv'."""
    return " and ".join(dict.fromkeys(p.file for p in problems))


def _show(value: str, limit: int = 40) -> str:
    v = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(v)


def _expected(col: Column) -> str:
    if col.kind == "choice":
        return "one of " + ", ".join(allowed_values(col)) + ("" if col.required else " or empty")
    if col.kind == "int":
        rng = f" {col.lo}–{col.hi}" if col.lo is not None and col.hi is not None else (
            f" ≥ {col.lo}" if col.lo is not None else ""
        )
        return f"an integer{rng}"
    if col.kind == "id":
        return "an id like acu-001" if col.name == "claim_id" else "a key like vickers2018"
    if col.kind == "list":
        return "lower-case items separated by ';'"
    return "a value"


def _check_cell(col: Column, value: str) -> str | None:
    """None if the cell is fine, else 'found …, expected …'."""
    v = value.strip()
    if v != value and col.kind != "str":
        return f"found {_show(value)} with spaces around it, expected {_expected(col)}"
    if not v:
        return f"found an empty value, expected {_expected(col)}" if col.required else None
    if col.kind == "int":
        try:
            n = int(v)
        except ValueError:
            return f"found {_show(v)}, expected {_expected(col)}"
        if (col.lo is not None and n < col.lo) or (col.hi is not None and n > col.hi):
            return f"found {n}, expected {_expected(col)}"
    elif col.kind == "choice":
        if v not in allowed_values(col):
            return f"found {_show(v)}, expected {_expected(col)}"
    elif col.kind == "id":
        pattern = _ID if col.name == "claim_id" else _KEY
        if not pattern.fullmatch(v):
            return f"found {_show(v)}, expected {_expected(col)}"
    elif col.kind == "list":
        items = v.split(";")
        choices = allowed_values(col)
        for item in items:
            if not item or item != item.strip() and not item.strip():
                return f"found an empty item in {_show(v)}, expected {_expected(col)}"
            if item != item.strip():
                return f"found {_show(v)} with a space next to ';', expected items separated by ';' alone"
            if choices and item.strip() not in choices:
                return f"found {_show(item.strip())}, expected items from " + ", ".join(choices)
            if col.name in ("hedge_cues", "boosters") and not _CUE.fullmatch(item):
                return f"found {_show(item)}, expected {_expected(col)}"
    return None


def _read_table(
    path: str | Path, schema: Sequence[Column], optional: Sequence[str], what: str, may_be_empty: bool = False
) -> tuple[pd.DataFrame | None, list[int], list[Problem]]:
    """Rows as strings, the line of each, and the header/shape problems.

    ``may_be_empty``: a header alone is a table with no rows yet (an evidence table
    started before any source is found), not a truncated file."""
    header, rows, lines = read_csv_rows(path, what)
    f = str(path)
    problems: list[Problem] = []
    names = [c.name for c in schema]
    missing = [n for n in names if n not in header]
    unknown = [h for h in header if h not in names and h not in optional]
    dupes = sorted({h for h in header if header.count(h) > 1})
    for n in missing:
        how = f"claimcheck verdicts {f} adds it" if n in DERIVED_COLUMNS else "the rows are checked once it is back"
        problems.append(Problem(f, 1, n, f"column missing from the header, expected it ({how})"))
    for h in unknown:
        problems.append(Problem(f, 1, h or "(blank)", f"unknown column {_show(h)}, expected only the schema's columns: " + ", ".join([*names, *optional])))
    for h in dupes:
        problems.append(Problem(f, 1, h, "column appears twice, expected once"))
    if not rows and not may_be_empty:
        raise InputError(f"{path}:2: the {what} has a header but no rows")
    for row, line in zip(rows, lines, strict=True):
        if len(row) != len(header):
            problems.append(
                Problem(f, line, "", f"found {len(row)} fields, expected {len(header)} (one per header column)")
            )
    if missing or dupes:
        return None, lines, problems
    width = len(header)
    padded = [(r + [""] * width)[:width] for r in rows]
    df = pd.DataFrame(padded, columns=header, dtype=str)
    return df, lines, problems


_CLAIMS_TABLE = "a claims table (claim_id, text, …)"
_EVIDENCE_TABLE = "an evidence table (evidence_id, citation, …)"


def _other_table(path: str | Path, problems: list[Problem], wanted: str, found: str) -> list[Problem]:
    """One line for the other of the two tables given in place of this one, else ``problems``
    (its header problems name both id columns: one unknown, the other missing)."""
    if {"claim_id", "evidence_id"} <= {p.column for p in problems if p.line == 1}:
        return [Problem(str(path), 1, "", f"found {found}, expected {wanted}")]
    return problems


def validate_evidence(path: str | Path) -> tuple[list[Problem], set[str] | None]:
    """Problems in an evidence table, and the ids it defines (None if its header is too broken to tell)."""
    df, lines, problems = _read_table(path, EVIDENCE_SCHEMA, (), "evidence table", may_be_empty=True)
    if df is None:
        return _other_table(path, problems, _EVIDENCE_TABLE, _CLAIMS_TABLE), None
    f = str(path)
    seen: dict[str, int] = {}
    for i, line in enumerate(lines):
        rec = df.iloc[i]
        for col in EVIDENCE_SCHEMA:
            msg = _check_cell(col, rec[col.name])
            if msg:
                problems.append(Problem(f, line, col.name, msg))
        eid = rec["evidence_id"]
        key = eid.strip()  # 'x2020 ' is reported once, not also at every claim citing x2020
        if key in seen:
            problems.append(Problem(f, line, "evidence_id", f"found {_show(eid)} again (first on line {seen[key]}), expected a unique id"))
        seen.setdefault(key, line)
        doi, pmid = rec["doi"].strip(), rec["pmid"].strip()
        if doi and not _DOI.fullmatch(doi):
            problems.append(Problem(f, line, "doi", f"found {_show(doi)}, expected a bare DOI like 10.1001/archinternmed.2012.3654"))
        if pmid and not _PMID.fullmatch(pmid):
            problems.append(Problem(f, line, "pmid", f"found {_show(pmid)}, expected digits only"))
        url = rec["url"].strip()
        if url and not WEB_ADDRESS.fullmatch(url):
            problems.append(Problem(f, line, "url", f"found {_show(url)}, expected a web address starting https:// or http:// (the report links only those)"))
        if not doi and not pmid and not rec["verification"].strip():
            problems.append(
                Problem(f, line, "doi", "found neither doi nor pmid, expected at least one, or a verification note saying none was found")
            )
    return _name_rows(problems, f, lines, df["evidence_id"].tolist()), set(seen)


def validate_claims(
    path: str | Path,
    article: str | Path | Sequence[str | Path] | None = None,
    evidence: str | Path | None = None,
) -> list[Problem]:
    """Every way the claims table breaks the contract, sorted by line."""
    df, lines, problems = _read_table(path, CLAIM_SCHEMA, OPTIONAL_COLUMNS, "claims table")
    if df is None:
        problems = _other_table(path, problems, _CLAIMS_TABLE, _EVIDENCE_TABLE)
    evidence_ids: set[str] | None = None
    if evidence is not None:
        # an unreadable evidence header is reported once, not as every claim's id being unknown
        ev_problems, evidence_ids = validate_evidence(evidence)
        problems.extend(ev_problems)
    if df is None:
        return sorted(problems)
    f = str(path)
    # a row with too few or too many fields has its values in the wrong columns: its one
    # problem is said; what its shifted values would say is noise
    ragged = {lines.index(p.line) for p in problems if p.column == "" and p.line > 1}
    bad: set[tuple[int, str]] = {(i, c.name) for i in ragged for c in CLAIM_SCHEMA}
    for col in CLAIM_SCHEMA:
        for i, value in enumerate(df[col.name]):
            if i in ragged:
                continue
            msg = _check_cell(col, value)
            if msg:
                problems.append(Problem(f, lines[i], col.name, msg))
                bad.add((i, col.name))

    def ok(i: int, *cols: str) -> bool:
        return not any((i, c) in bad for c in cols)

    first_line: dict[str, int] = {}
    for i, rec in enumerate(df.itertuples(index=False)):
        if i in ragged:
            continue
        line = lines[i]
        r = rec._asdict()
        cid = r["claim_id"]
        if cid in first_line:
            problems.append(Problem(f, line, "claim_id", f"found {_show(cid)} again (first on line {first_line[cid]}), expected a unique id"))
        first_line.setdefault(cid, line)
        if ok(i, "start", "end") and r["start"] and r["end"] and int(r["end"]) <= int(r["start"]):
            problems.append(Problem(f, line, "end", f"found {r['end']}, expected more than start {r['start']}"))
        sec = r["secondary_type"]
        if sec and sec == r["claim_type"]:
            problems.append(Problem(f, line, "secondary_type", f"found {_show(sec)}, expected a type other than claim_type or empty"))
        level, status = r["evidence_level"], r["status"]
        if r["claim_type"] == "advice" and level not in ("", "n_a") and ok(i, "claim_type", "evidence_level"):
            problems.append(Problem(f, line, "evidence_level", f"found {_show(level)} on an advice row, expected n_a (the contract: advice has nothing to check)"))
            bad.add((i, "evidence_level"))  # the verdict it would give is no hint: fix the level first
        if r["claim_type"] in RATED_TYPES and level == "n_a" and ok(i, "claim_type", "evidence_level"):
            problems.append(
                Problem(f, line, "evidence_level", f"found n_a on {a_or_an(r['claim_type'])} row, expected a level (high, moderate, low, very_low, none or contradicted): n_a is for advice and context rows, which have nothing to check")
            )
            bad.add((i, "evidence_level"))
        if not level and status == "reviewed":
            nothing = r["claim_type"] in ("advice", "context")  # the contract: nothing to check
            problems.append(Problem(f, line, "evidence_level", "found an empty value, expected "
                                    + ("n_a on a reviewed advice or context row" if nothing else "a level on a reviewed row")))
        ids = [x for x in r["evidence_ids"].split(";") if x]
        if level and level not in ("n_a", "none") and not ids and ok(i, "evidence_level"):
            problems.append(Problem(f, line, "evidence_ids", f"found none, expected at least one source for evidence_level {level}"))
        if evidence_ids is not None and ok(i, "evidence_ids"):
            for x in ids:
                if x not in evidence_ids:
                    problems.append(Problem(f, line, "evidence_ids", f"found {_show(x)}, expected an evidence_id of {evidence}"))
        if ok(i, "certainty", "evidence_level") and r["certainty"]:
            allowed, over, name = verdict(int(r["certainty"]), level)
            for colname, want in (("allowed_certainty", allowed), ("overstatement", over), ("verdict", name)):
                want_s = "" if want is None else str(want)
                if ok(i, colname) and r[colname] != want_s:
                    problems.append(
                        Problem(f, line, colname, f"found {_show(r[colname]) if r[colname] else 'an empty value'}, expected {_show(want_s) if want_s else 'an empty value'} from certainty {r['certainty']} and evidence_level {level or '(empty)'} (claimcheck verdicts {f} fills it)", mended_by="verdicts")
                    )
            if status == "reviewed" and name == "overstated" and not r["suggested_revision"].strip():
                problems.append(Problem(f, line, "suggested_revision", "found an empty value, expected a rewrite at the allowed level for an overstated row"))
            elif name == "overstated" and same_words(r["suggested_revision"], r["text"]):
                problems.append(Problem(f, line, "suggested_revision", "found the statement's own text, expected a rewrite at the allowed level"))
            elif status == "reviewed" and name not in ("overstated", "") and r["suggested_revision"].strip():
                # the editor report lists overstated rows only: a rewrite anywhere else would never be seen
                problems.append(Problem(f, line, "suggested_revision", f"found {_show(r['suggested_revision'])} on a row whose verdict is {name}, "
                                        "expected a rewrite only on overstated rows (empty it, or move it to reviewer_note)"))
            if status == "reviewed" and level not in ("", "n_a") and not r["rationale"].strip():
                problems.append(Problem(f, line, "rationale", "found an empty value, expected why this level and which source"))
    if article is not None:
        problems.extend(_check_against_articles(f, df, lines, bad, article, placing=not ragged))
    return sorted(_name_rows(problems, f, lines, df["claim_id"].tolist()))


def _show_difference(found: str, expected: str, limit: int = 40) -> tuple[str, str, int]:
    """Both texts shown from a little before where they first differ, and that position:
    two long sentences that differ at the end would otherwise print the same."""
    k = next((i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b), min(len(found), len(expected)))
    if k < limit - 10:
        return _show(found, limit), _show(expected, limit), k
    a = max(0, k - 10)
    return "…" + _show(found[a:], limit), "…" + _show(expected[a:], limit), k


def _line_endings_changed(text: str, spans: dict[int, tuple[int, int, str]]) -> str | None:
    """'LF line endings (CRLF before)' (or the reverse) when only that explains why the offsets miss.

    ``spans``: row -> (start, end, text) of the rows whose offsets are readable. A re-save
    that changes line endings shifts every offset after the first line break: one problem
    for the file, rather than one per statement."""
    lf = text.replace("\r\n", "\n")
    for was, how in ((lf.replace("\n", "\r\n"), "LF line endings (CRLF before)"), (lf, "CRLF line endings (LF before)")):
        if was != text and all(was[s:e] == t for s, e, t in spans.values()):
            return how
    return None


def _check_against_articles(
    f: str, df: pd.DataFrame, lines: list[int], bad: set[tuple[int, str]], article: str | Path | Sequence[str | Path],
    placing: bool = True,
) -> list[Problem]:
    """Rows against the article's text. ``placing``: also name units no row covers (not while a
    row is unreadable: it is likely the row they lack, and the hint to merge would mislead)."""
    problems: list[Problem] = []
    paths = [article] if isinstance(article, (str, Path)) else list(article)
    texts = {article_slug(p): read_article(p) for p in paths}
    for slug, text in texts.items():
        rows = df.index[df["article"] == slug].tolist()
        if not rows:
            problems.append(Problem(f, 2, "article", f"found no row for article {_show(slug)}, expected one row per unit", None))
            continue
        # the rows whose offsets can be read (a broken one is reported as such already)
        spans = {i: (int(df.at[i, "start"]), int(df.at[i, "end"]), df.at[i, "text"]) for i in rows
                 if (i, "start") not in bad and (i, "end") not in bad}
        missed = [i for i, (s, e, t) in spans.items() if text[s:e] != t]
        if missed and (ending := _line_endings_changed(text, spans)) is not None:
            problems.append(Problem(f, lines[missed[0]], "start", f"found article {_show(slug)} with {ending}, expected the line endings it had "
                                    "when the table was drafted (every offset after the first line break is off; re-saved by an editor?)",
                                    mended_by="merge"))
            continue
        for i in missed:
            s, e, t = spans[i]
            found, expected, k = _show_difference(t, text[s:e])
            problems.append(
                Problem(f, lines[i], "text", f"found {found}, expected article[{s}:{e}] = {expected} (they differ from character {k + 1})",
                        mended_by="merge")
            )
        # where a missing unit's row belongs: between the rows around it in the article
        placed = sorted((s, i) for i, (s, _, _) in spans.items())
        units_at = {(s, e) for s, e, _ in spans.values()}
        for n, u in enumerate(iter_units(text) if placing else (), start=1):
            if (u.start, u.end) not in units_at:
                before = [i for s, i in placed if s < u.start]
                after = [i for s, i in placed if s >= u.end]
                where = " and ".join(
                    ([f"after {df.at[before[-1], 'claim_id']}"] if before else []) + ([f"before {df.at[after[0], 'claim_id']}"] if after else [])
                )
                problems.append(
                    Problem(f, lines[after[0]] if after else lines[-1], "text",
                            f"no row for unit {n} of {slug} (a {u.unit}) {_show(text[u.start:u.end])} at {u.start}:{u.end}"
                            + (f", {where}" if where else "") + ", expected every unit of the article to have a row", mended_by="merge")
                )
    slugs = set(texts)
    stray: dict[str, list[int]] = {}
    for i, slug in enumerate(df["article"]):
        if slug and slug not in slugs and len(paths) > 0 and (i, "article") not in bad:
            stray.setdefault(slug, []).append(i)
    for slug, rows in stray.items():
        n = f"{len(rows)} rows" if len(rows) > 1 else "1 row"
        problems.append(Problem(f, lines[rows[0]], "article", f"found {n} of {_show(slug)}, expected one of the articles given: " + ", ".join(sorted(slugs))))
    return problems


def assert_valid(path: str | Path, **kwargs) -> None:
    """Raise InputError naming the first problems when the table is invalid."""
    problems = validate_claims(path, **kwargs)
    if problems:
        more = f" (and {len(problems) - 1} more; run claimcheck validate)" if len(problems) > 1 else ""
        raise InputError(f"{problems[0]}{more}")


__all__ = ["CLAIM_COLUMNS", "EVIDENCE_COLUMNS", "Problem", "assert_valid", "problem_files", "validate_claims", "validate_evidence"]
