"""The ``claimcheck`` command: segment, draft, validate, report.

Errors a user can cause print one line and exit non-zero; they never show a
traceback. Exit codes: 0 fine, 1 the table breaks the contract, 2 a file
could not be read or an option is wrong.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pandas as pd

from claimcheck.io import ARTICLE_SUFFIXES, InputError, TableProblems, counted, is_are, read_csv_rows, write_csv_atomic
from claimcheck.schema import CLAIM_COLUMNS, DERIVED_COLUMNS

DEFAULT_CLAIMS = Path("data/claims.csv")
DEFAULT_EVIDENCE = Path("data/evidence.csv")
DEFAULT_ARTICLES = Path("data/articles")


def _to_stdout(out: Path | None) -> bool:
    return out is None or str(out) == "-"


def _check_output(out: Path | None, force: bool, hint: str = "") -> None:
    """Refuse an output path that would lose work or cannot be a table, before any work is done."""
    if _to_stdout(out):
        return
    assert out is not None
    if out.is_dir():
        raise InputError(f"{out}: is a folder, expected a .csv file to write")
    if out.suffix.lower() in ARTICLE_SUFFIXES:
        raise InputError(f"{out}: is an article's name (.txt/.md), expected a .csv file to write")
    if out.exists() and not force:
        raise InputError(f"{out}: exists{hint}; pass --force to replace it")


def _emit(df: pd.DataFrame, out: Path | None) -> None:
    if _to_stdout(out):
        df.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        write_csv_atomic(df, out)
        print(f"wrote {counted(len(df), 'row')} to {out}", file=sys.stderr)


def cmd_segment(args: argparse.Namespace) -> int:
    from claimcheck.segment import segment_paths

    _check_output(args.output, args.force)
    t0 = time.perf_counter()
    df = segment_paths(args.articles)
    dt = time.perf_counter() - t0
    _emit(df, args.output)
    counts = df["unit"].value_counts()
    summary = ", ".join(counted(int(counts.get(u, 0)), u) for u in ("title", "heading", "sentence"))
    print(f"{counted(len(df), 'unit')} ({summary}) in {dt * 1000:.1f} ms", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from claimcheck.validate import problem_files, validate_claims

    articles = _articles_given(args.claims, args.article) if args.article else None
    problems = validate_claims(args.claims, article=articles, evidence=args.evidence)
    stale = [p for p in problems if p.mended_by == "verdicts"]
    rows = sorted({p.line for p in stale})
    folded = len(rows) > STALE_SHOWN_AT_MOST
    shown = [((p.file, p.line), str(p)) for p in problems if not (folded and p.mended_by == "verdicts")]
    if folded:  # one line for what one command mends, so the problems a person must fix stand out
        cols = ", ".join(c for c in DERIVED_COLUMNS if any(p.column == c for p in stale))
        shown.append(((str(args.claims), rows[0]), f"{args.claims}:{rows[0]}: {cols}: out of date on {len(rows)} rows (lines {rows[0]}–{rows[-1]}), "
                      f"expected the values claimcheck verdicts {args.claims} fills"))
    for _, line in sorted(shown, key=lambda x: x[0]):  # stable: problems of one line keep their order
        print(line)
    if problems:
        # counted as printed: the folded line is one problem, as it is one command to mend
        print(f"{counted(len(shown), 'problem')} in {problem_files(problems)}", file=sys.stderr)
        if args.article and any(p.mended_by == "merge" for p in problems):
            arts = " ".join(str(a) for a in args.article)
            print(f"the article differs from the table: if it was revised, claimcheck draft {arts} --merge {args.claims} carries the table over to it", file=sys.stderr)
        return 1
    unchecked = [what for what, given in (("the text against an article: give --article", args.article),
                                          ("evidence_ids against an evidence table: give --evidence", args.evidence)) if not given]
    print(f"{args.claims}: valid" + (f" (not checked: {'; '.join(unchecked)})" if unchecked else ""), file=sys.stderr)
    return 0


def _load_evidence(path: Path | None) -> pd.DataFrame | None:
    if path is None:
        return None
    if not path.exists():
        raise InputError(f"{path}: no such file (the --evidence table)")
    from claimcheck.validate import validate_evidence

    problems, _ = validate_evidence(path)
    if problems:
        raise InputError(str(problems[0]))
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def cmd_draft(args: argparse.Namespace) -> int:
    from claimcheck.draft import draft_claims, draft_lines

    if args.dry_run and args.merge is None:
        raise InputError("draft: --dry-run works only with --merge CLAIMS (without --merge nothing is written unless -o is given)")
    if args.revision_of is not None and args.merge is None:
        raise InputError(f"draft: --as {args.revision_of} works only with --merge CLAIMS (it names the article's old name in that table)")
    if args.merge is None:
        hint = "" if args.output is None or args.output.suffix.lower() != ".csv" else (
            f" and may hold reviewed labels; use --merge {args.output} to keep them"
        )
        _check_output(args.output, args.force, hint)
    elif args.output is not None and not _to_stdout(args.output) and args.output.resolve() != args.merge.resolve():
        _check_output(args.output, args.force, f" (the merged table goes to -o; leave -o out to update {args.merge})")
    evidence = _load_evidence(args.evidence)
    model = None
    if args.model is not None:
        from claimcheck.model import apply_model, load_model

        model = load_model(args.model)
        if (why := model.stale_rules()) is not None:
            print(f"warning: {model.path}: {why}", file=sys.stderr)

    def suggest(drafts):
        """The drafts, with the certainty model's level where it is asked for."""
        if model is None:
            return drafts
        from claimcheck.audit import derive_verdicts

        return derive_verdicts(apply_model(drafts, model))  # a changed level changes the verdict

    if args.lines is not None:
        from claimcheck.io import read_text

        lines = [ln for ln in read_text(args.lines, "file of statements").splitlines() if ln.strip()]
        _emit(suggest(draft_lines(lines, evidence=evidence)), args.output)
        return 0
    if not args.articles:
        raise InputError("draft: give at least one ARTICLE file or folder, or --lines FILE")
    if args.merge is not None:
        from claimcheck.revise import keep_removed, merge_article

        if _to_stdout(args.output) and args.output is not None:
            raise InputError("draft: --merge writes a file; give -o OUT.csv, or leave -o out to update the merged table")
        out = args.output or args.merge
        merged, report = merge_article(args.merge, args.articles, evidence=evidence, revision_of=args.revision_of)
        before = len(report.unchanged) + len(report.edited) + len(report.removed)
        # the wrong file, or a truncated one? (a short table may lose half its rows to an honest edit)
        refused = len(report.removed) > before / 2 and len(report.removed) >= MERGE_REMOVES_AT_MOST and not args.force
        why = (
            f"{args.merge}: the merge would remove {len(report.removed)} of the {before} rows it matched against "
            f"{' '.join(str(a) for a in args.articles)}; is that the revised article?"
        )
        needs = "--force"
        if report.look_alike and not refused and not args.force:
            # a revision saved under a new name would start over beside the reviewed rows of the old one
            new, old, n, total = report.look_alike[0]
            refused, needs, why = True, f"--as {old} or --force", (
                f"{args.merge}: {n} of the {total} statements of {new!r} are word for word in its article {old!r}; "
                f"if {new!r} is a revision of it, add --as {old} to carry its rows over."
            )
        if before == 0 and not report.look_alike and not refused and not args.force and len(merged) > len(report.added):
            # the wrong article, or a new one for a table of several? (a table's own articles were not given)
            refused, why = True, (
                f"{args.merge}: none of the articles given ({', '.join(report.new_articles)}) is in it, so the merge "
                f"would add {counted(len(report.added), 'new row')} beside its {counted(len(merged) - len(report.added), 'row')}; "
                "is that the article it audits?"
            )
        # a refused merge lists no rows as if they had changed: the summary says what it would do
        for line in report.lines(rows=not refused or args.dry_run):
            print(line, file=sys.stderr)
        if args.dry_run:
            print(f"dry run: nothing written{'; ' + why + f' (a real run needs {needs})' if refused else ''}", file=sys.stderr)
            return 0
        if refused:
            raise InputError(f"{why} Nothing written (look with --dry-run; --force merges anyway)")
        if write_csv_atomic(merged, out):
            print(f"wrote {counted(len(merged), 'row')} to {out}", file=sys.stderr)
        else:
            print(f"nothing changed: {out} left as it was", file=sys.stderr)
        if report.removed_rows is not None and len(report.removed_rows):
            aside = keep_removed(report.removed_rows, Path(out))
            n = len(report.removed_rows)
            print(f"the {counted(n, 'removed row')}, with {'its' if n == 1 else 'their'} labels and notes, {is_are(n)} kept in {aside}", file=sys.stderr)
        return 0
    from claimcheck.segment import segment_paths

    _emit(suggest(draft_claims(segment_paths(args.articles), evidence=evidence)), args.output)
    return 0


def cmd_verdicts(args: argparse.Namespace) -> int:
    """Fill the three derived columns from certainty and evidence_level; nothing else changes."""
    from claimcheck.audit import derive_verdicts
    from claimcheck.validate import validate_claims

    if args.output is not None and args.output != args.claims:
        _check_output(args.output, args.force)
    # what the verdicts decide is not a reason to refuse them: the derived columns
    # themselves (missing or stale), and the rewrite an overstated row needs
    header, rows, lines = read_csv_rows(args.claims, "claims table")  # one line for a missing, empty or binary file
    width = len(header)
    for name in dict.fromkeys(h for h in header if header.count(h) > 1):
        raise TableProblems(f"{args.claims}:1: {name}: column appears twice, expected once; nothing written")
    for row, line in zip(rows, lines, strict=True):  # never pad or cut a row someone wrote
        if len(row) != width:
            raise TableProblems(f"{args.claims}:{line}: found {len(row)} fields, expected {width} (one per header column); nothing written")
    table = pd.DataFrame(rows, columns=header, dtype=str)
    for c in DERIVED_COLUMNS:  # a column deleted in a spreadsheet comes back where the contract puts it
        if c not in table.columns:
            table.insert(min(CLAIM_COLUMNS.index(c), len(table.columns)), c, "")
    checked = args.claims
    with tempfile.TemporaryDirectory() as tmp:
        if list(table.columns) != header:  # validate what will be written, with the columns back
            checked = Path(tmp) / args.claims.name
            table.to_csv(checked, index=False)
        try:
            found = validate_claims(checked)
        except InputError as e:  # named as the user's file, not the copy
            raise InputError(str(e).replace(str(checked), str(args.claims))) from None
        # the rewrite and the rationale are written after the verdicts (guide §0, steps 6 and 7)
        problems = [p for p in found if p.column not in (*DERIVED_COLUMNS, "suggested_revision", "rationale")]
        if checked != args.claims:  # the copy's lines are not the user's (blank lines, the added columns)
            _, _, copy_lines = read_csv_rows(checked, "claims table")
            where = dict(zip(copy_lines, lines, strict=True))
            problems = [replace(p, file=str(args.claims), line=where.get(p.line, p.line)) for p in problems]
    if problems:
        more = f" (and {len(problems) - 1} more: claimcheck validate {args.claims})" if len(problems) > 1 else ""
        raise TableProblems(f"{problems[0]}{more}; nothing written")
    derived = derive_verdicts(table)
    new = {c: derived[c].astype("string").fillna("").tolist() for c in DERIVED_COLUMNS}
    changed = [i for i in range(len(table)) if any(table.at[i, c] != new[c][i] for c in DERIVED_COLUMNS)]
    for c in DERIVED_COLUMNS:
        table[c] = new[c]
    counts = table["verdict"].replace("", "without an evidence level").value_counts()
    summary = f"the table's {len(table)} rows: " + ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in counts.items())
    out = args.output or args.claims
    if not changed and out == args.claims:
        print(f"{args.claims}: verdicts already up to date ({summary})", file=sys.stderr)
        return 0
    for i in changed[:20]:
        print(f"  {table.at[i, 'claim_id']}: verdict {table.at[i, 'verdict'] or '(none)'}", file=sys.stderr)
    if len(changed) > 20:
        print(f"  and {len(changed) - 20} more", file=sys.stderr)
    if args.dry_run:
        print(f"{len(changed)} row(s) would change; dry run: nothing written ({summary})", file=sys.stderr)
        return 0
    _emit(table, out)
    print(f"{len(changed)} row(s) changed; nothing else in the file ({summary})", file=sys.stderr)
    need = int(((table["verdict"] == "overstated") & (table["status"] == "reviewed") & (table["suggested_revision"].str.strip() == "")).sum())
    if need:
        print(f"{need} reviewed overstated row(s) still need a suggested_revision (claimcheck validate {out} lists them)", file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from claimcheck.report import build_report
    from claimcheck.validate import problem_files, validate_claims

    claims = args.claims or DEFAULT_CLAIMS  # None: not given, so the worked example's
    evidence = args.evidence or DEFAULT_EVIDENCE
    articles = args.article or [DEFAULT_ARTICLES]
    for given, path, flag in ((args.claims, claims, "--claims"), (args.article, articles[0], "--article"), (args.evidence, evidence, "--evidence")):
        if not path.exists():
            why = f"the {flag} given" if given is not None else f"the default, relative to where you run claimcheck; give {flag}"
            raise InputError(f"{path}: no such file or folder ({why})")
    article_files = _articles_given(claims, articles)
    covered = _table_articles(claims)
    if args.article is None and covered and not covered & {p.stem for p in article_files}:
        # a user's table against the worked example's article: one line, not one per row
        raise InputError(
            f"{claims}: its articles ({', '.join(sorted(covered)[:5])}) are not in {DEFAULT_ARTICLES}, "
            "the default; give --article (and --evidence) for them"
        )
    problems = validate_claims(claims, article=article_files, evidence=evidence)
    if problems:
        for p in problems[:20]:
            print(p, file=sys.stderr)
        if args.evidence is None and any("expected an evidence_id of" in p.message for p in problems):
            print(f"(no --evidence given: checked against the default {DEFAULT_EVIDENCE})", file=sys.stderr)
        raise InputError(f"{problem_files(problems)}: {len(problems)} problem(s); no report written (run claimcheck validate {claims} with the same --article and --evidence)")
    t0 = time.perf_counter()

    def progress(msg: str) -> None:
        print(f"[{time.perf_counter() - t0:5.1f}s] {msg}", file=sys.stderr, flush=True)

    paths = build_report(claims, evidence, article_files, args.out, progress=progress, force=args.force)
    progress(f"done: {len(paths)} files in {args.out}/ (open {args.out}/index.html)")
    return 0


def _articles_given(claims: Path, given: list[Path]) -> list[Path]:
    """Named files as given (one the table lacks is a problem); a folder's files only where the
    table covers them, since a folder may hold other articles."""
    from claimcheck.io import distinct_names, expand_articles

    folders = [a for a in given if a.is_dir()]
    named = expand_articles([a for a in given if not a.is_dir()])
    return distinct_names(expand_articles(named + (article_files_for(claims, expand_articles(folders)) if folders else [])))


def article_files_for(claims: Path, article_files: list[Path]) -> list[Path]:
    """The given articles that the claims table covers (a folder may hold others)."""
    covered = _table_articles(claims)
    return [p for p in article_files if p.stem in covered] or article_files


def _table_articles(claims: Path) -> set[str]:
    """The article names a claims table covers (empty if it has no article column)."""
    header, rows, _ = read_csv_rows(claims, "claims table")
    if "article" not in header:
        return set()
    k = header.index("article")
    return {r[k] for r in rows if len(r) > k}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("claimcheck")
    except PackageNotFoundError:
        return "unknown (not installed)"


STALE_SHOWN_AT_MOST = 3  # rows whose derived columns validate lists one by one before folding them into one line
MERGE_REMOVES_AT_MOST = 5  # rows a merge removes without --force when they are over half the table


class _Once(argparse.Action):
    """An option that takes one value: given twice, an error, not the last one silently winning."""

    def __call__(self, parser, namespace, values, option_string=None):
        seen = namespace.__dict__.setdefault("_given", set())  # a default is never "given"
        if self.dest in seen:
            parser.error(f"{option_string} given twice ({getattr(namespace, self.dest)} and {values}); it takes one")
        seen.add(self.dest)
        setattr(namespace, self.dest, values)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="claimcheck", description="Audit the claims in health writing.")
    p.add_argument("--version", action="version", version=f"claimcheck {_version()}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("segment", help="split articles into title, headings and sentences")
    s.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE", help=".txt/.md file or folder of them")
    s.add_argument("-o", "--output", type=Path, action=_Once, help="CSV to write (without -o, or with -o -: standard output)")
    s.add_argument("--force", action="store_true", help="replace an existing output file")
    s.set_defaults(func=cmd_segment)

    d = sub.add_parser("draft", help="first-pass labels for every statement, for a person to review")
    d.add_argument("articles", nargs="*", type=Path, metavar="ARTICLE", help=".txt/.md file or folder of them")
    d.add_argument("-o", "--output", type=Path, action=_Once, help="CSV to write (without -o, or with -o -: standard output; with --merge, without -o: the merged file)")
    d.add_argument("--lines", type=Path, action=_Once, metavar="FILE", help="label one statement per line, without segmenting")
    d.add_argument("--merge", type=Path, action=_Once, metavar="CLAIMS", help="re-segment a revised article against this table, keeping its labels")
    d.add_argument("--evidence", type=Path, default=None, action=_Once, help="evidence table to suggest evidence levels from")
    d.add_argument("--force", action="store_true", help="replace an existing output file (loses its labels); with --merge, merge even when it looks wrong (most rows would go, or none of the table's articles is given)")
    d.add_argument("--dry-run", action="store_true", help="with --merge: report what would change, write nothing")
    d.add_argument(
        "--as", dest="revision_of", action=_Once, metavar="OLD_NAME",
        help="with --merge and one ARTICLE: it is the revision of the table's article OLD_NAME, saved under a new file name",
    )
    d.add_argument(
        "--model", type=Path, metavar="MODEL.json", action=_Once,
        help="also apply a certainty model (e.g. benchmarks/models/certainty-pubmed.json, for PubMed-style findings) to levels 1-3",
    )
    d.set_defaults(func=cmd_draft)

    v = sub.add_parser("validate", help="check a claims table against the data contract")
    v.add_argument("claims", type=Path, metavar="CLAIMS.csv")
    v.add_argument("--article", type=Path, action="extend", nargs="+", help="article file(s) or folder(s) the table covers")
    v.add_argument("--evidence", type=Path, action=_Once, help="evidence table the ids must resolve in")
    v.set_defaults(func=cmd_validate)

    w = sub.add_parser(
        "verdicts", help="fill allowed_certainty, overstatement and verdict from certainty and evidence_level",
        description="Fill the derived columns after editing certainty or evidence_level by hand; no other column changes.",
    )
    w.add_argument("claims", type=Path, metavar="CLAIMS.csv")
    w.add_argument("-o", "--output", type=Path, action=_Once, help="CSV to write (default: update CLAIMS.csv in place)")
    w.add_argument("--force", action="store_true", help="replace an existing -o file")
    w.add_argument("--dry-run", action="store_true", help="say which rows would change, write nothing")
    w.set_defaults(func=cmd_verdicts)

    r = sub.add_parser("report", help="validate, execute the notebooks and render HTML reports")
    r.add_argument(
        "--claims", type=Path, default=None, action=_Once,
        help=f"claims table (default {DEFAULT_CLAIMS}); several articles go in one table: claimcheck draft A B -o CLAIMS.csv",
    )
    r.add_argument("--evidence", type=Path, default=None, action=_Once, help=f"evidence table (default {DEFAULT_EVIDENCE})")
    r.add_argument("--article", type=Path, action="extend", nargs="+", help=f"article file(s) or folder(s) (default {DEFAULT_ARTICLES})")
    r.add_argument("--out", type=Path, default=Path("reports"), action=_Once, help="folder for the HTML pages (default reports)")
    r.add_argument("--force", action="store_true", help="replace pages in --out that claimcheck did not write")
    r.set_defaults(func=cmd_report)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except InputError as e:
        print(f"claimcheck: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("claimcheck: interrupted; nothing half-written (writes are atomic)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
