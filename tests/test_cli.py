"""The command line: what it refuses, and that it never loses a file or shows a traceback."""

import os
import stat
from pathlib import Path

import pandas as pd
import pytest

from claimcheck.cli import main
from claimcheck.schema import EVIDENCE_COLUMNS

REPO = Path(__file__).resolve().parents[1]

ARTICLE = "# Zinc and Colds\n\nZinc may shorten a cold by a day.\n\nIt is proven to work for everyone.\n"


@pytest.fixture
def art(tmp_path):
    p = tmp_path / "zinc.md"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


@pytest.fixture
def reviewed(tmp_path, art):
    """A table someone has worked on."""
    out = tmp_path / "claims.csv"
    assert main(["draft", str(art), "-o", str(out)]) == 0
    df = pd.read_csv(out, dtype=str, keep_default_na=False)
    df.loc[0, "reviewer_note"] = "checked by hand"
    df.to_csv(out, index=False)
    return out


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_draft_lines_does_not_replace_an_existing_table(tmp_path, reviewed, capsys):
    lines = tmp_path / "lines.txt"
    lines.write_text("It may help.\n", encoding="utf-8")
    before = reviewed.read_bytes()
    assert main(["draft", "--lines", str(lines), "-o", str(reviewed)]) == 2
    assert "exists" in one_error_line(capsys)
    assert reviewed.read_bytes() == before
    assert main(["draft", "--lines", str(lines), "-o", str(reviewed), "--force"]) == 0
    assert reviewed.read_bytes() != before


def test_merge_into_another_existing_file_needs_force(tmp_path, art, reviewed, capsys):
    other = tmp_path / "other.csv"
    other.write_text("keep me\n", encoding="utf-8")
    assert main(["draft", str(art), "--merge", str(reviewed), "-o", str(other)]) == 2
    assert "leave -o out to update" in one_error_line(capsys)
    assert other.read_text(encoding="utf-8") == "keep me\n"
    # -o naming the merged file itself is the default, and needs no --force
    assert main(["draft", str(art), "--merge", str(reviewed), "-o", str(reviewed)]) == 0


@pytest.mark.parametrize("bad", ["folder", "article"])
def test_an_output_that_cannot_be_a_table_is_refused_before_any_work(tmp_path, art, capsys, bad):
    out = tmp_path / "out" if bad == "folder" else art
    if bad == "folder":
        out.mkdir()
    before = art.read_bytes()
    assert main(["draft", str(art), "-o", str(out), "--force"]) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"claimcheck: {out}: ") and "expected a .csv file" in line
    assert art.read_bytes() == before


def test_a_destination_under_a_file_is_one_line(tmp_path, art, capsys):
    assert main(["segment", str(art), "-o", str(art / "units.csv")]) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"claimcheck: {art / 'units.csv'}: cannot write here")


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, reviewed, capsys, monkeypatch):
    before = reviewed.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)  # the temporary file is written, and cannot be flushed
    assert main(["draft", "--lines", str(reviewed.parent / "zinc.md"), "-o", str(reviewed), "--force"]) == 2
    assert "cannot write (No space left on device); the old file, if any, is unchanged" in one_error_line(capsys)
    assert reviewed.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.csv", "zinc.md"]


def test_a_missing_parent_folder_that_cannot_be_made_is_one_line(art, capsys):
    assert main(["segment", str(art), "-o", "/proc/claimcheck-test/units.csv"]) == 2
    assert "cannot write here" in one_error_line(capsys)


def test_written_tables_keep_the_permissions_of_the_file_they_replace(tmp_path, art, reviewed):
    reviewed.chmod(0o644)
    assert main(["draft", str(art), "--merge", str(reviewed)]) == 0
    assert stat.S_IMODE(reviewed.stat().st_mode) == 0o644


def test_a_new_table_gets_the_umask_permissions_not_private_ones(tmp_path, art):
    old = os.umask(0o022)
    try:
        assert main(["segment", str(art), "-o", str(tmp_path / "units.csv")]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "units.csv").stat().st_mode) == 0o644


def test_dash_means_standard_output(tmp_path, art, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["draft", str(art), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("claim_id,")
    assert not (tmp_path / "-").exists()


def test_options_that_would_be_ignored_are_refused(tmp_path, art, capsys):
    assert main(["draft", str(art), "--dry-run"]) == 2
    assert "--dry-run works only with --merge" in one_error_line(capsys)
    assert main(["draft", str(art), "--evidence", str(tmp_path / "nope.csv")]) == 2
    assert one_error_line(capsys) == f"claimcheck: {tmp_path / 'nope.csv'}: no such file (the --evidence table)"


def test_a_table_named_as_an_article_is_refused(reviewed, capsys):
    assert main(["draft", str(reviewed)]) == 2
    assert one_error_line(capsys) == f"claimcheck: {reviewed}: found a .csv file, expected an article as plain text or Markdown (.txt or .md)"


def test_a_utf16_article_is_named_as_such(tmp_path, capsys):
    p = tmp_path / "wide.txt"
    p.write_bytes(ARTICLE.encode("utf-16"))
    assert main(["segment", str(p)]) == 2
    assert "found a UTF-16 byte order mark, expected UTF-8 text" in one_error_line(capsys)


def test_an_article_given_twice_is_drafted_once(tmp_path, art, capsys):
    assert main(["segment", str(art), str(tmp_path), str(art)]) == 0
    out = capsys.readouterr().out
    assert out.count("Zinc may shorten a cold by a day.") == 1


def test_report_defaults_are_explained_when_run_elsewhere(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["report"]) == 2
    assert "relative to where you run claimcheck" in one_error_line(capsys)


def rate(table, row, level, ids="smith2020"):
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    df.loc[row, ["evidence_level", "evidence_ids"]] = [level, ids]
    df.to_csv(table, index=False, lineterminator="\n")
    return df


def test_verdicts_fills_the_derived_columns_and_nothing_else(reviewed, capsys):
    before = rate(reviewed, 2, "low")  # "It is proven to work for everyone." drafted at 4
    assert main(["validate", str(reviewed)]) == 1
    assert "claimcheck verdicts" in capsys.readouterr().out
    assert main(["verdicts", str(reviewed)]) == 0
    after = pd.read_csv(reviewed, dtype=str, keep_default_na=False)
    assert after.loc[2, ["allowed_certainty", "overstatement", "verdict"]].tolist() == ["1", "3", "overstated"]
    others = [c for c in before.columns if c not in ("allowed_certainty", "overstatement", "verdict")]
    assert after[others].equals(before[others])
    assert main(["validate", str(reviewed)]) == 0
    capsys.readouterr()
    # a second run finds nothing to do and does not rewrite the file
    mtime = reviewed.stat().st_mtime_ns
    assert main(["verdicts", str(reviewed)]) == 0
    assert "already up to date" in capsys.readouterr().err
    assert reviewed.stat().st_mtime_ns == mtime


def test_verdicts_says_how_many_changed_rows_it_did_not_list(tmp_path, capsys):
    table = pd.read_csv(Path(__file__).parents[1] / "data" / "claims.csv", dtype=str, keep_default_na=False)
    table[["allowed_certainty", "overstatement", "verdict"]] = ""
    table.to_csv(tmp_path / "c.csv", index=False)
    assert main(["verdicts", str(tmp_path / "c.csv"), "--dry-run"]) == 0
    err = capsys.readouterr().err.splitlines()
    changed = int(next(line for line in err if "row(s) would change" in line).split()[0])
    assert changed > 20
    assert sum(line.startswith("  ") and ": verdict " in line for line in err) == 20
    assert f"  and {changed - 20} more" in err


def test_verdicts_dry_run_writes_nothing(reviewed, capsys):
    rate(reviewed, 2, "moderate")
    before = reviewed.read_bytes()
    assert main(["verdicts", str(reviewed), "--dry-run"]) == 0
    assert "1 row(s) would change" in capsys.readouterr().err
    assert reviewed.read_bytes() == before


def test_verdicts_refuses_a_table_with_other_problems_and_counts_them(reviewed, capsys):
    df = rate(reviewed, 2, "strong")
    df.loc[1, "certainty"] = "7"
    df.to_csv(reviewed, index=False)
    before = reviewed.read_bytes()
    assert main(["verdicts", str(reviewed)]) == 1  # the rows break the contract, as validate says: exit 1
    line = one_error_line(capsys)
    assert line.startswith(f"claimcheck: {reviewed}:3: certainty: found") and "1 more" in line and line.endswith("nothing written")
    assert reviewed.read_bytes() == before


def test_validate_after_a_revision_shows_where_texts_differ_and_suggests_merge(tmp_path, art, reviewed, capsys):
    art.write_text(ARTICLE.replace("by a day.", "by half a day."), encoding="utf-8")
    assert main(["validate", str(reviewed), "--article", str(art)]) == 1
    out, err = capsys.readouterr()
    line = next(ln for ln in out.splitlines() if "expected article[" in ln)
    # shown from just before the first difference, so the two sides differ on screen
    assert "(they differ from character 28)" in line
    found, expected = line.split(", expected article[")
    assert "by a day" in found
    assert "by half" in expected
    assert f"claimcheck draft {art} --merge {reviewed}" in err


def test_validate_with_the_wrong_article_says_so_once_per_article(tmp_path, reviewed, capsys):
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nSomething else entirely.\n", encoding="utf-8")
    assert main(["validate", str(reviewed), "--article", str(other)]) == 1
    out = capsys.readouterr().out
    stray = [ln for ln in out.splitlines() if ": article: found" in ln and "zinc" in ln]
    assert stray == [f"{reviewed}:2: article: found 3 rows of 'zinc', expected one of the articles given: other [zin-001]"]


def test_long_texts_that_differ_late_are_shown_from_the_difference():
    from claimcheck.validate import _show_difference

    a = "Acupuncture is a safe treatment for most adults with chronic pain."
    b = "Acupuncture is a safe treatment for most adults with chronic neck pain."
    found, expected, k = _show_difference(a, b)
    assert k == a.index("pain.")
    assert found != expected and found.startswith("…") and "neck" in expected


def test_verdicts_puts_back_derived_columns_deleted_in_a_spreadsheet(reviewed, capsys):
    df = rate(reviewed, 2, "low").drop(columns=["allowed_certainty", "overstatement", "verdict"])
    df.to_csv(reviewed, index=False)
    assert main(["verdicts", str(reviewed)]) == 0
    after = pd.read_csv(reviewed, dtype=str, keep_default_na=False)
    assert list(after.columns[:24]) == list(pd.read_csv(reviewed, nrows=0).columns[:24])
    assert after.columns.get_loc("verdict") == after.columns.get_loc("overstatement") + 1
    assert after.loc[2, "verdict"] == "overstated"


def test_verdicts_does_not_wait_for_the_rewrite_it_is_about_to_ask_for(reviewed, capsys):
    df = rate(reviewed, 2, "low")
    df.loc[2, ["status", "rationale"]] = ["reviewed", "one small trial"]
    rest = df["evidence_level"] == ""
    df.loc[rest, ["claim_type", "secondary_type", "evidence_level"]] = ["context", "", "n_a"]  # nothing to check
    df.loc[:, "status"] = "reviewed"
    df.to_csv(reviewed, index=False)
    assert main(["verdicts", str(reviewed)]) == 0
    assert "1 reviewed overstated row(s) still need a suggested_revision" in capsys.readouterr().err


def test_a_table_saved_by_excel_keeps_its_byte_order_mark_and_line_endings(reviewed, capsys):
    rate(reviewed, 2, "low")
    text = reviewed.read_text(encoding="utf-8")
    reviewed.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert main(["verdicts", str(reviewed)]) == 0
    data = reviewed.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n")
    # only the row whose verdict was filled changed
    old_lines, new_lines = text.splitlines(), data[3:].decode("utf-8").split("\r\n")[:-1]
    assert [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b] == [3]


def test_a_table_saved_with_every_field_quoted_stays_quoted_and_only_the_changed_row_differs(reviewed, capsys):
    import csv

    rate(reviewed, 2, "low")
    with reviewed.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with reviewed.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    before = reviewed.read_text(encoding="utf-8").splitlines()
    assert main(["verdicts", str(reviewed)]) == 0
    after = reviewed.read_text(encoding="utf-8").splitlines()
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [3]
    assert "1 row(s) changed; nothing else in the file (the table's 3 rows:" in capsys.readouterr().err


def test_validate_takes_several_articles_after_one_option_and_folders(tmp_path, art, reviewed, capsys):
    other = tmp_path / "other.md"
    other.write_text("# Other\n\nSomething else entirely.\n", encoding="utf-8")
    assert main(["validate", str(reviewed), "--article", str(art), str(other)]) == 1
    assert "found no row for article 'other'" in capsys.readouterr().out
    assert main(["validate", str(reviewed), "--article", str(tmp_path)]) == 0  # the folder's other.md is not covered


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"", "the claims table is empty"),
        (b"\x8b\x00\x17binary", "found a NUL byte"),
        (b"claim_id,article\n", "has a header but no rows"),
        (b"claim_id,article\nx,\"unclosed\n", "column 2 (article): a quoted value opens here and is never closed"),
    ],
    ids=["missing", "empty", "binary", "header-only", "broken-quote"],
)
def test_verdicts_on_an_unreadable_table_is_one_line_not_a_traceback(tmp_path, capsys, content, expected):
    table = tmp_path / "claims.csv"
    if content is not None:
        table.write_bytes(content)
    assert main(["verdicts", str(table)]) == 2
    line = one_error_line(capsys)
    assert line.startswith(f"claimcheck: {table}") and expected in line
    assert content is None or table.read_bytes() == content


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "--claims", "a.csv", "--claims", "b.csv"],
        ["validate", "a.csv", "--evidence", "e.csv", "--evidence", "f.csv"],
        ["draft", "x.md", "-o", "a.csv", "-o", "b.csv"],
        ["verdicts", "a.csv", "-o", "b.csv", "-o", "c.csv"],
        ["report", "--out", "reports", "--out", "x"],  # the first equal to the default
    ],
    ids=["report", "validate", "draft", "verdicts", "report-default-first"],
)
def test_an_option_given_twice_is_an_error_not_the_last_one_winning(capsys, argv, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # should the check fail, nothing is written into the repository
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "given twice" in err and "Traceback" not in err


def test_report_says_when_problems_come_from_a_default_it_was_not_given(tmp_path, art, reviewed, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # data/articles and data/evidence.csv, the defaults, as in a clone
    (tmp_path / "data" / "articles").mkdir(parents=True)
    (tmp_path / "data" / "articles" / "other.md").write_text("# Other\n\nText.\n", encoding="utf-8")
    assert main(["report", "--claims", str(reviewed), "--out", str(tmp_path / "rep")]) == 2
    assert "data/evidence.csv: no such file or folder (the default" in one_error_line(capsys)
    (tmp_path / "data" / "evidence.csv").write_bytes((REPO / "data" / "evidence.csv").read_bytes())
    # a user's table against the worked example's article: one line, not one per row
    assert main(["report", "--claims", str(reviewed), "--out", str(tmp_path / "rep")]) == 2
    line = one_error_line(capsys)
    assert "its articles (zinc) are not in data/articles, the default; give --article" in line
    # the article given, the evidence defaulted: an unknown id says where it was looked up
    df = pd.read_csv(reviewed, dtype=str, keep_default_na=False)
    df.loc[1, ["evidence_level", "evidence_ids", "rationale"]] = ["low", "nosuch2020", "why"]
    df.to_csv(reviewed, index=False)
    assert main(["verdicts", str(reviewed)]) == 0
    capsys.readouterr()
    assert main(["report", "--claims", str(reviewed), "--article", str(art), "--out", str(tmp_path / "rep")]) == 2
    err = capsys.readouterr().err
    assert "(no --evidence given: checked against the default data/evidence.csv)" in err
    assert not (tmp_path / "rep").exists()


def test_verdicts_refuses_a_duplicated_column_or_a_ragged_row_and_keeps_the_file(reviewed, capsys):
    text = reviewed.read_text(encoding="utf-8")
    header, first, *rest = text.splitlines()
    for broken, words in (
        ("\n".join([header + ",verdict", *(r + "," for r in [first, *rest])]) + "\n", ":1: verdict: column appears twice"),
        ("\n".join([header, first + ",EXTRA", *rest]) + "\n", ":2: found"),
    ):
        reviewed.write_text(broken, encoding="utf-8")
        assert main(["validate", str(reviewed)]) == 1
        capsys.readouterr()
        assert main(["verdicts", str(reviewed)]) == 1  # as validate exits on the same table (README)
        assert words in one_error_line(capsys)
        assert reviewed.read_text(encoding="utf-8") == broken


def test_verdicts_names_the_users_line_when_it_checks_a_copy(reviewed, capsys):
    df = pd.read_csv(reviewed, dtype=str, keep_default_na=False).drop(columns=["verdict"])
    df.loc[2, "certainty"] = "three"
    lines = df.to_csv(index=False).splitlines()
    lines.insert(2, "")  # a blank line above the bad row: the copy has none
    reviewed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["verdicts", str(reviewed)]) == 1
    assert one_error_line(capsys).startswith(f"claimcheck: {reviewed}:5: certainty: found 'three'")


def test_two_article_files_of_one_name_are_refused_not_merged_into_one_table(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "zinc.md").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "claims.csv"
    assert main(["draft", str(tmp_path / "a" / "zinc.md"), str(tmp_path / "b"), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "has the article name 'zinc'" in err and "expected one file per name" in err
    assert not out.exists()


def test_report_takes_from_a_folder_only_the_articles_the_table_covers(tmp_path, art, reviewed, capsys, monkeypatch):
    import claimcheck.report

    (tmp_path / "unrelated.txt").write_text("Unrelated\n\nNo rows for this one.\n", encoding="utf-8")
    seen = {}
    monkeypatch.setattr(claimcheck.report, "build_report", lambda c, e, a, out, progress, force: seen.setdefault("a", a) and [])
    evidence = tmp_path / "evidence.csv"
    row = {"evidence_id": "x2020", "citation": "X. 2020.", "pmid": "1", "design": "RCT", "finding": "f", "certainty": "low"}
    evidence.write_text(",".join(EVIDENCE_COLUMNS) + "\n" + ",".join(row.get(c, "") for c in EVIDENCE_COLUMNS) + "\n",
                        encoding="utf-8")
    code = main(["report", "--claims", str(reviewed), "--article", str(tmp_path), "--evidence", evidence.as_posix(),
                 "--out", str(tmp_path / "out")])
    assert (code, [p.name for p in seen["a"]]) == (0, ["zinc.md"]), capsys.readouterr().err
    # a file named on the command line that the table lacks is still a problem
    assert main(["validate", str(reviewed), "--article", str(art), str(tmp_path / "unrelated.txt")]) == 1
    assert "found no row for article 'unrelated'" in capsys.readouterr().out


def test_a_folders_other_files_of_one_name_do_not_stop_validate(tmp_path, art, reviewed, capsys):
    """The name check is on the articles read: the folder's unrelated notes.md and notes.txt are not."""
    (tmp_path / "notes.md").write_text("# Notes\n\nMine.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Notes\n\nMine too.\n", encoding="utf-8")
    assert main(["validate", str(reviewed), "--article", str(tmp_path)]) == 0
    assert main(["draft", str(tmp_path), "-o", str(tmp_path / "all.csv")]) == 2  # drafting reads them all
    assert "has the article name 'notes'" in capsys.readouterr().err


def test_a_short_table_may_lose_most_of_its_rows_to_an_honest_edit(art, reviewed, capsys):
    art.write_text("# Zinc and Colds\n\nZinc is a mineral.\n", encoding="utf-8")  # 2 of 3 rows go
    assert main(["draft", str(art), "--merge", str(reviewed)]) == 0
    assert "1 new, 2 removed" in capsys.readouterr().err


def test_report_out_naming_a_file_is_one_line_and_leaves_the_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    taken = tmp_path / "good.csv"
    taken.write_text("keep me\n", encoding="utf-8")
    assert main(["report", "--out", str(taken)]) == 2
    assert one_error_line(capsys) == f"claimcheck: {taken}: is a file, expected a folder for the report's pages"
    assert taken.read_text(encoding="utf-8") == "keep me\n"


def test_report_never_replaces_a_page_it_did_not_write(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><title>My site</title>my notes</html>\n", encoding="utf-8")
    assert main(["report", "--out", str(site)]) == 2
    assert one_error_line(capsys) == (
        f"claimcheck: {site / 'index.html'}: exists and is not a claimcheck page; "
        "nothing written: give another --out, or --force to replace it"
    )
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert "my notes" in (site / "index.html").read_text(encoding="utf-8")


def test_pages_claimcheck_wrote_are_its_own_to_replace(tmp_path):
    from claimcheck.report import _foreign, _index_html, headline, load_claims

    ours = tmp_path / "index.html"
    ours.write_text(_index_html([], headline(load_claims(REPO / "data" / "claims.csv"))), encoding="utf-8")
    assert not _foreign(ours)
    assert not _foreign(REPO / "reports" / "01-claim-inventory.html")  # a page rendered by the notebooks
    assert not _foreign(tmp_path / "missing.html")
    (tmp_path / "theirs.html").write_text("<html>notes</html>", encoding="utf-8")
    assert _foreign(tmp_path / "theirs.html")


def test_report_names_the_option_of_a_missing_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(["report", "--evidence", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "r")]) == 2
    assert one_error_line(capsys) == f"claimcheck: {tmp_path / 'nope.csv'}: no such file or folder (the --evidence given)"


def test_counts_of_one_are_singular(tmp_path, capsys):
    art = tmp_path / "only.md"
    art.write_text("# Only a title\n", encoding="utf-8")
    assert main(["draft", str(art), "-o", str(tmp_path / "c.csv")]) == 0
    assert f"wrote 1 row to {tmp_path / 'c.csv'}" in capsys.readouterr().err
    assert main(["segment", str(art)]) == 0
    assert "1 unit (1 title, 0 headings, 0 sentences)" in capsys.readouterr().err


def test_verdicts_come_before_the_rationale_as_the_guide_orders_the_work(draft_article, capsys):
    # guide §0: evidence level (step 5), then verdicts (6), then rationale and rewrite (7)
    _, table = draft_article("ice.md", "# Ice baths\n\nIce baths cure arthritis.\n")
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    df.loc[1, ["claim_type", "evidence_level", "status", "rationale"]] = ["efficacy", "none", "reviewed", ""]
    df.to_csv(table, index=False)
    assert main(["verdicts", str(table)]) == 0
    after = pd.read_csv(table, dtype=str, keep_default_na=False)
    assert after.loc[1, "verdict"] == "overstated"
    capsys.readouterr()
    assert main(["validate", str(table)]) == 1  # the rationale and the rewrite are still owed
    out = capsys.readouterr().out
    assert "rationale: found an empty value" in out and "suggested_revision: found an empty value" in out


def test_validate_folds_out_of_date_verdicts_into_one_line(tmp_path, capsys, root):
    table = tmp_path / "claims.csv"
    df = pd.read_csv(root / "data" / "claims.csv", dtype=str, keep_default_na=False)
    df["verdict"] = ""  # e.g. levels set in a spreadsheet, verdicts not run yet
    df.loc[3, "claim_type"] = "anecdote"  # and one problem a person must fix
    df.to_csv(table, index=False)
    assert main(["validate", str(table)]) == 1
    got = capsys.readouterr()
    out = got.out.splitlines()
    stale = int((pd.read_csv(root / "data" / "claims.csv", dtype=str, keep_default_na=False)["verdict"] != "").sum())
    assert len(out) == 2  # in line order: the folded line opens on line 2
    assert f"{table}:2: verdict: out of date on {stale} rows (lines 2–" in out[0]
    assert out[0].endswith(f"expected the values claimcheck verdicts {table} fills")
    assert out[1].startswith(f"{table}:5: claim_type: found 'anecdote'")
    assert got.err.startswith(f"2 problems in {table}")  # as printed: the folded line is one


def test_a_missing_column_says_what_restores_it_and_that_rows_wait_for_it(tmp_path, capsys, root):
    df = pd.read_csv(root / "data" / "claims.csv", dtype=str, keep_default_na=False)
    df.drop(columns=["verdict"]).to_csv(tmp_path / "a.csv", index=False)
    df.drop(columns=["boosters"]).to_csv(tmp_path / "b.csv", index=False)
    assert main(["validate", str(tmp_path / "a.csv")]) == 1
    assert f"verdict: column missing from the header, expected it (claimcheck verdicts {tmp_path / 'a.csv'} adds it)" in capsys.readouterr().out
    assert main(["validate", str(tmp_path / "b.csv")]) == 1
    assert "boosters: column missing from the header, expected it (the rows are checked once it is back)" in capsys.readouterr().out


def test_an_empty_evidence_level_on_a_reviewed_advice_row_asks_for_n_a(reviewed, capsys):
    df = pd.read_csv(reviewed, dtype=str, keep_default_na=False)
    df.loc[0, ["claim_type", "secondary_type", "evidence_level", "status"]] = ["advice", "", "", "reviewed"]
    df.to_csv(reviewed, index=False)
    assert main(["validate", str(reviewed)]) == 1
    assert "evidence_level: found an empty value, expected n_a on a reviewed advice or context row" in capsys.readouterr().out
