"""Re-segment a revised article against an existing claims table, losing nothing.

The contract's "Revisions" rule: unchanged statements keep their id and every
human field; edited statements keep their id when recognisably the same
statement, keep their labels and go back to ``draft``; new statements get new
ids and drafted labels; removed statements are reported before they leave
the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import pandas as pd

from claimcheck.audit import derive_verdicts
from claimcheck.draft import draft_text, flags_in_rules
from claimcheck.io import InputError, TableProblems, article_slug, distinct_names, expand_articles, read_article, same_words, write_csv_atomic
from claimcheck.schema import CLAIM_COLUMNS, DERIVED_COLUMNS, OPTIONAL_COLUMNS, UNIT_COLUMNS, to_typed
from claimcheck.segment import id_prefix, segment_text

# How alike an edited statement must be to its old self to keep the old id:
# SequenceMatcher ratio over lower-cased words. 0.6 keeps "may reduce pain" ->
# "can reduce chronic pain" together and separates unrelated sentences
# (which score below 0.35 on the worked example's sentence pairs).
SAME_STATEMENT = 0.6
# A statement rewritten in its place (the one change between the same two kept
# neighbours) needs less: "is safe for almost everyone." -> "is safe for most healthy
# adults at the right dose." scores 0.57. Unrelated sentences stay apart (below 0.35).
SAME_PLACE = 0.35
_WORDS = re.compile(r"\w+")


@dataclass
class MergeReport:
    unchanged: list[str] = field(default_factory=list)
    edited: list[tuple[str, str, str]] = field(default_factory=list)  # id, old text, new text
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    # statements put back word for word after an earlier merge took them out: their rows come back
    restored: list[tuple[str, str]] = field(default_factory=list)
    # the removed rows whole, as the table had them (so the work in them can be kept aside)
    removed_rows: pd.DataFrame | None = None
    # articles merged that the table did not have: every statement of theirs is new
    new_articles: list[str] = field(default_factory=list)
    # a new article whose statements are mostly word for word in one the table has:
    # (new name, table's article, statements found there, statements in all)
    look_alike: list[tuple[str, str, int, int]] = field(default_factory=list)
    # an article merged with --as: (table's article, the file's name it now has)
    renamed: list[tuple[str, str]] = field(default_factory=list)

    def lines(self, rows: bool = True) -> list[str]:
        """The summary, its notes and (``rows``) a line per edited, new, restored or removed row."""
        out = [
            f"{len(self.unchanged)} unchanged, {len(self.edited)} edited (back to draft), "
            f"{len(self.added)} new, {len(self.removed)} removed"
            + (f", {len(self.restored)} restored from the removed rows" if self.restored else "")
        ]
        out += [
            f"  note: article {slug!r} is not in the table, so all its statements are new "
            "(a revised article keeps its rows only under its old file name, or with --as OLD_NAME)"
            for slug in self.new_articles
        ]
        out += [f"  note: {new!r} is merged as the revision of {old!r}; its rows now name {new!r}" for old, new in self.renamed]
        if not rows:
            return out
        out += [f"  edited  {cid}: {new!r} (was {old!r})" for cid, old, new in self.edited]
        out += [f"  new     {cid}: {text!r}" for cid, text in self.added]
        out += [f"  restored {cid}: {text!r} (its row, as it was when removed)" for cid, text in self.restored]
        out += [f"  removed {cid}: {text!r}" for cid, text in self.removed]
        return out


def _in_place(match: dict[int, int], n_new: int, n_old: int) -> list[tuple[int, int]]:
    """(new, old) pairs that are each the only unmatched statement between the same two
    matched neighbours (or an end of the article): a one-for-one replacement."""
    anchors = sorted(match.items())
    bounds = [(-1, -1), *anchors, (n_new, n_old)]
    pairs = []
    for (j0, i0), (j1, i1) in zip(bounds, bounds[1:]):
        if j1 - j0 == 2 and i1 - i0 == 2:  # the neighbours kept their order and one slot between them
            pairs.append((j0 + 1, i0 + 1))
    return pairs


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _WORDS.findall(a.lower()), _WORDS.findall(b.lower()), autojunk=False).ratio()


def _next_number(ids: Iterable[str]) -> int:
    nums = [int(m.group(1)) for i in ids if (m := re.search(r"-(\d+)$", i))]
    return max(nums, default=0) + 1


def removed_path(table: str | Path) -> Path:
    """Where a merge keeps the rows it takes out of ``table``: ``TABLE.removed.csv`` beside it."""
    t = Path(table)
    return t.with_name(t.stem + ".removed.csv")


def keep_removed(rows: pd.DataFrame, table: str | Path) -> Path:
    """Append rows a merge took out of ``table`` to ``removed_path(table)``:
    a statement deleted from the article by mistake keeps its review."""
    aside = removed_path(table)
    if aside.exists():
        rows = pd.concat([pd.read_csv(aside, dtype=str, keep_default_na=False), rows.astype(str)], ignore_index=True)
        # a row removed, restored and removed again unchanged is kept once (its latest place)
        rows = rows.drop_duplicates(keep="last", ignore_index=True)
    write_csv_atomic(rows, aside, like=table)  # Excel's BOM and CRLF, if the table has them
    return aside


def _reread_flags(kept: str, old_text: str, drafted: str, old_rules: str = "") -> str:
    """The flags of a row whose text is now its own rewrite: the drafter's reading of the new
    wording, plus any flag a person added (one the drafter did not give the old wording).

    Flags name the wording ("the best" is a superlative), so the old drafter flags go
    with the old words; a reviewer's own stay. What the drafter gave is read from the
    row's ``draft_rules`` (it read the sentence in its place: a frame heading adds
    presupposed_benefit), else from a draft of the old sentence alone.
    """
    was = flags_in_rules(old_rules)
    if was is None:
        was = set(draft_text(old_text).flags.split(";"))
    own = [f for f in str(kept).split(";") if f and f not in was]
    return ";".join(dict.fromkeys([f for f in str(drafted).split(";") if f] + own))


def _placed(row: pd.Series, unit: pd.Series) -> pd.Series:
    """A kept row at its unit's place in the revised article: its id and labels, the unit's offsets."""
    rec = row.copy()
    for c in UNIT_COLUMNS:
        if c != "claim_id":
            rec[c] = unit[c]
    return rec


def merge_units(
    old: pd.DataFrame,
    units: pd.DataFrame,
    evidence: pd.DataFrame | None = None,
    retired: Iterable[str] = (),
    removed: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, MergeReport]:
    """Carry one article's old rows over to its new units. Pure: returns a new table.

    ``retired``: ids that rows removed earlier had; a new statement never takes
    one, so an id always means one statement. ``removed``: those rows, as they
    were kept aside; a statement put back word for word gets its row back.
    New statements are drafted in
    the whole revised article, so a new bullet reads its heading as in a fresh draft.
    """
    from claimcheck.draft import draft_claims

    report = MergeReport()
    old = to_typed(old).reset_index(drop=True)
    old_free = list(range(len(old)))
    by_text: dict[str, list[int]] = {}
    for i, t in enumerate(old["text"]):
        by_text.setdefault(t, []).append(i)
    match: dict[int, int] = {}  # new index -> old index
    # 1. unchanged text: same statement. First the longest runs kept in order, so a repeated
    # sentence keeps the row of the copy that stayed among the same neighbours; then any
    # moved sentence, in reading order.
    aligned = SequenceMatcher(None, old["text"].tolist(), units["text"].tolist(), autojunk=False)
    for a, b, size in aligned.get_matching_blocks():
        for k in range(size):
            match[b + k] = a + k
            by_text[old.at[a + k, "text"]].remove(a + k)
            old_free.remove(a + k)
    for j, t in enumerate(units["text"]):
        if j not in match and by_text.get(t):
            i = by_text[t].pop(0)
            match[j] = i
            old_free.remove(i)
    # 2. edited: the most similar remaining old row, if alike enough. An editor who applied
    # the row's suggested revision rewrote the sentence on purpose: alike to the revision counts.
    revisions = old["suggested_revision"] if "suggested_revision" in old.columns else pd.Series("", index=old.index)

    def alike(j: int, i: int) -> tuple[float, bool]:
        new, by_text = units.at[j, "text"], _similarity(units.at[j, "text"], old.at[i, "text"])
        by_revision = _similarity(new, revisions.iat[i]) if revisions.iat[i].strip() else 0.0
        return max(by_text, by_revision), by_revision > by_text

    pairs = sorted(
        ((*alike(j, i), -abs(j - i), j, i) for j in range(len(units)) if j not in match for i in old_free),
        reverse=True,
    )
    edited: set[int] = set()
    revised: set[int] = set()  # edited toward the row's own suggested revision
    for score, toward_revision, _, j, i in pairs:
        if score < SAME_STATEMENT:
            break
        if j in match or i not in old_free:
            continue
        match[j] = i
        old_free.remove(i)
        edited.add(j)
        if toward_revision:
            revised.add(j)
    # 2b. rewritten in place: the only new statement between two kept neighbours, and the only
    # old row between them, alike enough for a rewrite
    # rows an earlier merge kept aside, by text (the last one kept): step 3 puts them back
    aside = {rec["text"]: rec for _, rec in to_typed(removed).iterrows()} if removed is not None and len(removed) else {}
    for j, i in _in_place(match, len(units), len(old)):
        if i not in old_free or units.at[j, "text"] in aside:  # moved elsewhere; or put back (step 3)
            continue
        score, toward_revision = alike(j, i)
        if score >= SAME_PLACE:
            match[j] = i
            old_free.remove(i)
            edited.add(j)
            if toward_revision:
                revised.add(j)
    prefix = old["claim_id"].iloc[0].rsplit("-", 1)[0] if len(old) else None
    own = prefix or (units.at[0, "claim_id"].rsplit("-", 1)[0] if len(units) else "")
    # numbers retired under this prefix only: another article's removed rows leave ours alone
    next_n = _next_number([*old["claim_id"], *(r for r in retired if r.rsplit("-", 1)[0] == own)])
    # 3. put back word for word after an earlier merge removed it: the row it had (the last one kept)
    back: dict[int, pd.Series] = {}
    for j in range(len(units)):
        if j not in match and units.at[j, "text"] in aside:
            back[j] = aside.pop(units.at[j, "text"])
    fresh_idx = [j for j in range(len(units)) if j not in match and j not in back]
    drafted = draft_claims(units, evidence=evidence) if fresh_idx or edited else None
    rows = []
    # the optional columns first (draft_rules...), then any others the table has, each once
    extra = [c for c in OPTIONAL_COLUMNS if c in old.columns or fresh_idx]
    extra += [c for c in old.columns if c not in CLAIM_COLUMNS and c not in extra]
    for j in range(len(units)):
        unit = units.loc[j, list(UNIT_COLUMNS)]
        if j in match:
            rec = _placed(old.loc[match[j]], unit)
            if j in edited:
                report.edited.append((rec["claim_id"], old.at[match[j], "text"], unit["text"]))
                rec["status"] = "draft"
                now = int(drafted.at[j, "certainty"])
                if same_words(unit["text"], revisions.iat[match[j]]):
                    # the rewrite itself, published: the old wording's certainty no longer describes the
                    # text, and the rewrite is done; what the claim is and its evidence still hold
                    flags = _reread_flags(rec["flags"], old.at[match[j], "text"], drafted.at[j, "flags"],
                                          old.at[match[j], "draft_rules"] if "draft_rules" in old.columns else "")
                    note = (f"its suggested revision applied word for word: certainty {rec['certainty']} -> {now}, the drafter's "
                            f"reading of the new text"
                            + (f", flags {rec['flags'] or '(none)'} -> {flags or '(none)'}" if flags != rec["flags"] else "")
                            + f", and the revision cleared; other labels kept from: {old.at[match[j], 'text']}")
                    for c in ("certainty", "hedge_cues", "boosters"):
                        rec[c] = drafted.at[j, c]
                    rec["flags"] = flags
                    rec["suggested_revision"] = ""
                else:
                    how = "text edited toward its suggested revision" if j in revised else "text edited"
                    note = f"{how}, labels kept from: {old.at[match[j], 'text']}"
                    if str(now) != str(rec["certainty"]):
                        note += f" (the drafter reads the new text as certainty {now}, the row says {rec['certainty']})"
                rec["reviewer_note"] = f"{rec['reviewer_note']} | {note}" if rec["reviewer_note"] else note
            else:
                report.unchanged.append(rec["claim_id"])
        elif j in back:
            rec = _placed(back[j], unit)
            report.restored.append((rec["claim_id"], unit["text"]))
        else:
            rec = drafted.loc[j].copy()
            rec["claim_id"] = f"{prefix or unit['claim_id'].rsplit('-', 1)[0]}-{next_n:03d}"
            next_n += 1
            report.added.append((rec["claim_id"], unit["text"]))
        rows.append(rec.reindex([*CLAIM_COLUMNS, *extra], fill_value=""))
    for i in sorted(old_free):
        report.removed.append((old.at[i, "claim_id"], old.at[i, "text"]))
    merged = derive_verdicts(pd.DataFrame(rows).reset_index(drop=True)) if rows else old.iloc[0:0]
    return merged, report


# A new article at least this share of whose statements are word for word in one
# article of the table is taken for that article saved under a new name.
LOOKS_REVISED = 0.5


def _look_alike(units: pd.DataFrame, old: pd.DataFrame) -> tuple[str, int] | None:
    """The table's article that holds most of ``units``' statements word for word, if over half."""
    said = set(units["text"])
    found = old[old["text"].isin(said)].groupby("article")["text"].nunique()
    if not len(found) or found.max() < max(2, LOOKS_REVISED * len(said)):
        return None
    return str(found.idxmax()), int(found.max())


def merge_article(
    claims_path: str | Path,
    articles: Iterable[str | Path],
    evidence: pd.DataFrame | None = None,
    revision_of: str | None = None,
) -> tuple[pd.DataFrame, MergeReport]:
    """Merge revised article files into the table at ``claims_path``; other articles' rows stay as they are.

    ``revision_of``: the table's name for the one article given, when the revision
    was saved under a new file name; its rows carry over and take the new name.
    """
    from claimcheck.validate import validate_claims

    problems = [p for p in validate_claims(claims_path) if p.column not in DERIVED_COLUMNS]
    if problems:
        more = f"; {len(problems) - 1} more: claimcheck validate {claims_path}" if len(problems) > 1 else ""
        raise TableProblems(f"{problems[0]} (fix the table before merging; nothing written{more})")
    old = pd.read_csv(claims_path, dtype=str, keep_default_na=False)
    aside = removed_path(claims_path)
    kept = pd.read_csv(aside, dtype=str, keep_default_na=False) if aside.exists() else None
    retired = kept["claim_id"].tolist() if kept is not None else []
    report = MergeReport()
    parts = []
    done: set[str] = set()
    paths = distinct_names(expand_articles(articles))
    names = old["article"].unique().tolist()
    if revision_of is not None:
        if revision_of not in names and article_slug(revision_of) in names:
            revision_of = article_slug(revision_of)  # the old file's name as typed: 'x.md' for the table's 'x'
        if len(paths) != 1:
            raise InputError(f"draft: --as {revision_of} names the old article of one revised file; {len(paths)} were given")
        if revision_of not in names:
            raise InputError(f"{claims_path}: has no article {revision_of!r} for --as, expected one of: {', '.join(names) or '(none)'}")
        if article_slug(paths[0]) != revision_of and article_slug(paths[0]) in names:
            raise InputError(f"{paths[0]}: the table already has rows for {article_slug(paths[0])!r}, so it cannot take over {revision_of!r}'s")
    for path in paths:
        slug = article_slug(path)
        was = revision_of or slug  # the article's name in the table
        mine = old[old["article"] == was]
        taken = {i.rsplit("-", 1)[0] for i in old.loc[old["article"] != was, "claim_id"]}
        prefix = mine["claim_id"].iloc[0].rsplit("-", 1)[0] if len(mine) else id_prefix(slug, taken)
        units = segment_text(read_article(path), slug, prefix)
        if was != slug:
            report.renamed.append((was, slug))
        elif not len(mine) and len(old):
            report.new_articles.append(slug)
            if (alike := _look_alike(units, old)) is not None:
                report.look_alike.append((slug, *alike, units["text"].nunique()))
        back = None
        if kept is not None and {"article", "text", "claim_id"} <= set(kept.columns):
            # a row restored once and removed again is kept twice: the later copy wins
            back = kept[(kept["article"] == was) & ~kept["claim_id"].isin(old["claim_id"])]
            back = back.drop_duplicates("claim_id", keep="last").reindex(columns=old.columns, fill_value="")
        merged, r = merge_units(mine, units, evidence, retired, back)
        parts.append(merged)
        done.add(was)
        for name in ("unchanged", "edited", "added", "removed", "restored"):
            getattr(report, name).extend(getattr(r, name))
    by_slug = {slug: to_typed(old[old["article"] == slug]) for slug in names if slug not in done}
    by_slug.update({p["article"].iloc[0]: p for p in parts if len(p)})
    gone = {cid for cid, _ in report.removed}
    report.removed_rows = old[old["claim_id"].isin(gone)].reset_index(drop=True)
    now_named = dict(report.renamed)  # a renamed article keeps its place in the table
    order = list(dict.fromkeys([*(now_named.get(a, a) for a in old["article"]), *by_slug]))
    table = pd.concat([by_slug[s] for s in order if s in by_slug], ignore_index=True)
    return table, report
