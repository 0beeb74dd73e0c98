"""`claimcheck validate`: every broken file gets FILE:LINE: column: found, expected — never a traceback."""

import csv
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from claimcheck.audit import derive_verdicts
from claimcheck.cli import main
from claimcheck.schema import CLAIM_COLUMNS, EVIDENCE_COLUMNS
from claimcheck.segment import segment_article
from claimcheck.validate import validate_claims


@pytest.fixture
def evidence(tmp_path) -> Path:
    p = tmp_path / "evidence.csv"
    pd.DataFrame(
        [["vickers2018", "Vickers AJ et al. 2018. Acupuncture for chronic pain. J Pain.", "10.1016/j.jpain.2017.11.005",
          "29198932", "IPD meta-analysis", "39 RCTs; 20,827 patients", "About 0.2 SD better than sham.", "moderate",
          "https://pubmed.ncbi.nlm.nih.gov/29198932/", "seen at PubMed"]],
        columns=list(EVIDENCE_COLUMNS),
    ).to_csv(p, index=False)
    return p


@pytest.fixture
def claims(tmp_path, article_path) -> Path:
    """A valid table: every unit, plainly labelled, derived columns computed."""
    df = segment_article(article_path)
    df["claim_type"] = "context"
    df["certainty"] = 3
    df["support_in_text"] = "none"
    df["evidence_level"] = "n_a"
    df["status"] = "reviewed"
    df.loc[5, ["claim_type", "evidence_level", "evidence_ids", "rationale"]] = [
        "efficacy", "moderate", "vickers2018", "IPD meta-analysis shows a small effect over sham."]
    df.loc[5, "suggested_revision"] = "Reviews of trials suggest acupuncture probably reduces chronic pain a little."
    out = derive_verdicts(df)
    p = tmp_path / "claims.csv"
    out.to_csv(p, index=False)
    return p


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def rewrite(path: Path, fn) -> Path:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    fn(rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return path


def col(name: str) -> int:
    return CLAIM_COLUMNS.index(name)


def test_valid_table_passes(capsys, claims, article_path, evidence):
    code, out, err = run(capsys, "validate", claims, "--article", article_path, "--evidence", evidence)
    assert (code, out) == (0, "")
    assert err.strip() == f"{claims}: valid"


def test_valid_says_what_it_did_not_check(capsys, claims, article_path):
    code, _, err = run(capsys, "validate", claims)
    assert (code, err.strip()) == (0, f"{claims}: valid (not checked: the text against an article: give --article; "
                                      "evidence_ids against an evidence table: give --evidence)")
    code, _, err = run(capsys, "validate", claims, "--article", article_path)
    assert err.strip() == f"{claims}: valid (not checked: evidence_ids against an evidence table: give --evidence)"


def set_cell(row: int, name: str, value: str):
    def fn(rows):
        rows[row][col(name)] = value
    return fn


BROKEN = {
    # name: (mutation, expected line, expected column, words the message must hold)
    "unknown-claim-type": (set_cell(3, "claim_type", "anecdote"), 4, "claim_type", "one of mechanism"),
    "certainty-7": (set_cell(2, "certainty", "7"), 3, "certainty", "found 7, expected an integer 0–4"),
    "certainty-word": (set_cell(2, "certainty", "high"), 3, "certainty", "found 'high'"),
    "duplicate-id": (set_cell(9, "claim_id", "acu-002"), 10, "claim_id", "first on line 3"),
    "offsets-dont-match": (set_cell(4, "start", "60"), 5, "text", "expected article[60:"),
    "wrong-verdict": (set_cell(6, "verdict", "calibrated"), 7, "verdict", "expected 'overstated'"),
    "wrong-overstatement": (set_cell(6, "overstatement", "0"), 7, "overstatement", "expected '1'"),
    "unknown-evidence-id": (set_cell(6, "evidence_ids", "vickers2012"), 7, "evidence_ids", "found 'vickers2012'"),
    "unknown-flag": (set_cell(8, "flags", "superlative;clickbait"), 9, "flags", "found 'clickbait'"),
    "missing-rationale": (set_cell(6, "rationale", ""), 7, "rationale", "which source"),
    "missing-revision-when-overstated": (set_cell(6, "suggested_revision", ""), 7, "suggested_revision", "overstated"),
    "revision-on-a-row-not-overstated": (set_cell(3, "suggested_revision", "Acupuncture may help."), 4, "suggested_revision",
                                         "on a row whose verdict is not_assessed, expected a rewrite only on overstated rows"),
    "revision-that-changes-nothing": (lambda rows: set_cell(6, "suggested_revision", rows[6][col("text")])(rows), 7, "suggested_revision",
                                      "found the statement's own text, expected a rewrite at the allowed level"),
    "sources-missing-for-a-level": (set_cell(6, "evidence_ids", ""), 7, "evidence_ids", "at least one source"),
    "bad-status": (set_cell(2, "status", "done"), 3, "status", "draft, reviewed"),
    "advice-with-a-level": (lambda rows: [set_cell(6, "claim_type", "advice")(rows), set_cell(6, "evidence_level", "moderate")(rows)], 7, "evidence_level",
                            "found 'moderate' on an advice row, expected n_a"),
    "space-after-semicolon": (set_cell(6, "evidence_ids", "vickers2012; mu2020"), 7, "evidence_ids",
                              "with a space next to ';', expected items separated by ';' alone"),
}


@pytest.mark.parametrize(("mutate", "line", "column", "words"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_table_names_line_and_column(capsys, claims, article_path, evidence, mutate, line, column, words):
    rewrite(claims, mutate)
    code, out, _ = run(capsys, "validate", claims, "--article", article_path, "--evidence", evidence)
    assert code == 1
    hits = [ln for ln in out.splitlines() if ln.startswith(f"{claims}:{line}: {column}:")]
    assert hits, out
    assert words in hits[0]


def test_wrong_column_name(capsys, claims):
    def rename(rows):
        rows[0][col("claim_type")] = "claimtype"
    rewrite(claims, rename)
    code, out, _ = run(capsys, "validate", claims)
    assert code == 1
    assert f"{claims}:1: claim_type: column missing" in out
    assert f"{claims}:1: claimtype: unknown column 'claimtype'" in out


def test_missing_unit_names_the_statement(capsys, claims, article_path):
    rewrite(claims, lambda rows: rows.pop(12))
    code, out, _ = run(capsys, "validate", claims, "--article", article_path)
    assert code == 1
    line = next(ln for ln in out.splitlines() if "no row for" in ln)
    # the line of the row it belongs before, and the ids around it, not a line past the end of the file
    assert line.startswith(f"{claims}:13: text: no row for unit 12 of acupuncture-chronic-pain (a heading)")
    assert "How Acupuncture Can Relieve Chronic Pain" in line
    assert "after acu-011 and before acu-013" in line


def test_all_problems_in_one_run(capsys, claims):
    rewrite(claims, lambda rows: [set_cell(2, "certainty", "9")(rows), set_cell(5, "unit", "para")(rows)])
    code, out, _ = run(capsys, "validate", claims)
    assert code == 1
    assert len(out.splitlines()) == 2


def test_function_returns_problems(claims):
    rewrite(claims, set_cell(2, "certainty", "9"))
    problems = validate_claims(claims)
    assert [(p.line, p.column) for p in problems] == [(3, "certainty")]


UNREADABLE = {
    "empty-file": (b"", "is empty"),
    "binary-file": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL byte"),
    "latin-1-file": ("claim_id,text\nacu-001,caf\xe9\n".encode("latin-1"), ":2: column 12: found byte 0xe9, expected UTF-8"),
    "not-csv": (b"just some prose without commas\nand another line\n", "expected a comma-separated CSV"),
    "header-only": (",".join(CLAIM_COLUMNS).encode() + b"\n", "has a header but no rows"),
    "bad-quoting": (b'claim_id,text\nacu-001,"unclosed\n',
                    ':2: column 2 (text): a quoted value opens here and is never closed (expected a closing ")'),
    "quote-then-text": (b'claim_id,text,status\nacu-001,"ok",x\nacu-002,"half" quoted,x\n',
                        ':3: column 2 (text): text after the closing " of a quoted value, expected a comma'),
}


@pytest.mark.parametrize(("data", "words"), UNREADABLE.values(), ids=UNREADABLE.keys())
def test_unreadable_file_exits_2_with_one_line(capsys, tmp_path, data, words):
    p = tmp_path / "bad.csv"
    p.write_bytes(data)
    code, out, err = run(capsys, "validate", p)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith(f"claimcheck: {p}")
    assert words in err


def test_a_long_note_is_read_not_refused(tmp_path):
    """The csv module refuses a cell over 131,072 characters unless told otherwise."""
    from claimcheck.io import read_csv_rows

    p = tmp_path / "long.csv"
    p.write_text("claim_id,reviewer_note\nacu-001," + "x" * 200_000 + "\n", encoding="utf-8")
    assert len(read_csv_rows(p)[1][0][1]) == 200_000


def test_missing_file_and_folder(capsys, tmp_path):
    code, _, err = run(capsys, "validate", tmp_path / "nope.csv")
    assert (code, err.strip()) == (2, f"claimcheck: {tmp_path / 'nope.csv'}: no such file")
    code, _, err = run(capsys, "validate", tmp_path)
    assert code == 2
    assert "is a folder" in err


def test_bad_evidence_file_is_reported_too(capsys, claims, evidence):
    rewrite(evidence, lambda rows: rows[1].__setitem__(EVIDENCE_COLUMNS.index("certainty"), "strong"))
    code, out, _ = run(capsys, "validate", claims, "--evidence", evidence)
    assert code == 1
    assert f"{evidence}:2: certainty: found 'strong', expected one of high, moderate, low, very_low" in out


def test_command_line_never_shows_a_traceback(tmp_path):
    p = tmp_path / "bin.csv"
    p.write_bytes(bytes(range(256)))
    r = subprocess.run([sys.executable, "-m", "claimcheck.cli", "validate", str(p)], capture_output=True, text=True)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1


def test_an_evidence_header_problem_is_reported_once_not_as_every_unknown_id(capsys, claims, evidence):
    k = EVIDENCE_COLUMNS.index("certainty")
    rewrite(evidence, lambda rows: [row.pop(k) for row in rows])
    code, out, _ = run(capsys, "validate", claims, "--evidence", evidence)
    assert code == 1
    assert out.splitlines() == [f"{evidence}:1: certainty: column missing from the header, expected it (the rows are checked once it is back)"]


def test_a_semicolon_separated_table_says_so_on_line_1(capsys, tmp_path, claims):
    semi = tmp_path / "semi.csv"
    with claims.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    with semi.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";", lineterminator="\n").writerows(rows)
    code, _, err = run(capsys, "validate", semi)
    assert code == 2
    assert err.strip() == f"claimcheck: {semi}:1: found ';' between the header's columns, expected ',' (save the table as comma-separated CSV)"


def test_each_row_problem_names_the_rows_id_for_a_spreadsheet(capsys, claims, evidence, tmp_path, article_path):
    """A spreadsheet numbers rows, not file lines; a cell with a line break makes them differ."""
    def fn(rows):
        rows[1][col("rationale")] = "first line\nsecond line"  # line 2 now spans two lines of the file
        rows[2][col("certainty")] = "7"
    rewrite(claims, fn)
    rewrite(evidence, lambda rows: rows[1].__setitem__(EVIDENCE_COLUMNS.index("certainty"), "strong"))
    other = tmp_path / "other.txt"
    other.write_text("Zinc helps.\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", claims, "--evidence", evidence, "--article", article_path, other)
    assert code == 1
    lines = out.splitlines()
    cid = pd.read_csv(claims, dtype=str).at[1, "claim_id"]
    assert f"{claims}:4: certainty: found 7, expected an integer 0–4 [{cid}]" in lines
    assert any(ln.startswith(f"{evidence}:2: certainty:") and ln.endswith(" [vickers2018]") for ln in lines)
    no_rows = [ln for ln in lines if "found no row for article 'other'" in ln]
    assert len(no_rows) == 1 and not no_rows[0].endswith("]"), no_rows


def test_an_evidence_id_with_a_stray_space_is_one_problem_not_one_per_citing_claim(capsys, claims, evidence):
    rewrite(evidence, lambda rows: rows[1].__setitem__(0, "vickers2018 "))
    code, out, err = run(capsys, "validate", claims, "--evidence", evidence)
    assert code == 1
    assert out.splitlines() == [f"{evidence}:2: evidence_id: found 'vickers2018 ' with spaces around it, expected a key like vickers2018 [vickers2018]"]
    assert err.strip() == f"1 problem in {evidence}"


def test_the_two_tables_swapped_is_said_in_one_line(capsys, claims):
    code, out, _ = run(capsys, "validate", claims, "--evidence", claims)
    assert code == 1
    assert out.splitlines() == [f"{claims}:1: found a claims table (claim_id, text, …), expected an evidence table (evidence_id, citation, …)"]


def test_an_evidence_table_given_as_the_claims_table_is_said_in_one_line(capsys, evidence):
    code, out, _ = run(capsys, "validate", evidence)
    assert code == 1
    assert out.splitlines() == [f"{evidence}:1: found an evidence table (evidence_id, citation, …), expected a claims table (claim_id, text, …)"]


def test_an_unknown_column_message_lists_the_optional_columns_too(capsys, claims):
    rewrite(claims, lambda rows: [row.append("x") for row in rows])
    _, out, _ = run(capsys, "validate", claims)
    assert "draft_rules" in out and "unknown column 'x'" in out


def test_a_repeated_evidence_id_is_found_with_or_without_a_stray_space(capsys, claims, evidence):
    def fn(rows):
        rows.append(list(rows[1]))
        rows[2][0] = "vickers2018 "
    rewrite(evidence, fn)
    _, out, _ = run(capsys, "validate", claims, "--evidence", evidence)
    assert f"{evidence}:3: evidence_id: found 'vickers2018 ' again (first on line 2), expected a unique id [vickers2018]" in out.splitlines()


@pytest.mark.parametrize(("ctype", "problems"), [("efficacy", 1), ("usage", 1), ("context", 0)])
def test_n_a_is_for_rows_with_nothing_to_check(capsys, claims, ctype, problems):
    rewrite(claims, lambda rows: rows[3].__setitem__(col("claim_type"), ctype))  # an n_a row
    code, out, _ = run(capsys, "validate", claims)
    hits = [ln for ln in out.splitlines() if f"found n_a on {'an' if ctype == 'efficacy' else 'a'} {ctype} row" in ln]
    assert len(hits) == problems
    if problems:
        assert code == 1 and hits[0].startswith(f"{claims}:4: evidence_level: ")


def test_a_wrong_evidence_level_is_one_problem_not_a_cascade_of_stale_verdicts(capsys, claims):
    """n_a on a rated row: the verdicts it would derive are no hint, so only the level is reported."""
    df = pd.read_csv(claims, dtype=str, keep_default_na=False)
    i = df.index[(df["claim_type"] == "efficacy") & df["evidence_level"].isin(["low", "moderate"])][0]
    rewrite(claims, lambda rows: rows[i + 1].__setitem__(col("evidence_level"), "n_a"))
    code, out, _ = run(capsys, "validate", claims)
    assert code == 1
    assert [ln.split(": ")[0] for ln in out.splitlines()] == [f"{claims}:{i + 2}"]
    assert "evidence_level: found n_a on an efficacy row" in out


@pytest.mark.parametrize("then, now", [("\n", "\r\n"), ("\r\n", "\n")])
def test_an_article_re_saved_with_other_line_endings_is_one_problem_not_one_per_statement(capsys, draft_article, then, now):
    art, table = draft_article("ginger.md", "# Ginger\n\nGinger may ease nausea. It is safe.\n\n- High doses can cause heartburn.\n".replace("\n", then))
    art.write_bytes(art.read_bytes().replace(then.encode(), now.encode()))  # an editor's re-save
    code, out, err = run(capsys, "validate", table, "--article", art)
    assert code == 1
    assert out.count("\n") == 1, out
    assert f"{table}:3: start: found article 'ginger' with {'CRLF' if now == chr(13) + chr(10) else 'LF'} line endings" in out
    assert f"claimcheck draft {art} --merge {table}" in err
    # and the merge the hint names mends it, keeping every row
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert "4 unchanged, 0 edited" in capsys.readouterr().err
    assert main(["validate", str(table), "--article", str(art)]) == 0


def test_an_evidence_table_with_a_header_and_no_rows_yet_is_valid(tmp_path):
    # a fresh audit has found no source yet: its report can still be rendered from an empty evidence table
    from claimcheck.validate import validate_evidence

    empty = tmp_path / "evidence.csv"
    empty.write_text(",".join(EVIDENCE_COLUMNS) + "\n", encoding="utf-8")
    assert validate_evidence(empty) == ([], set())


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.example.org", "doi.org/10.1/x"])
def test_an_evidence_url_must_be_a_web_address(capsys, evidence, url):
    rewrite(evidence, lambda rows: rows[1].__setitem__(list(EVIDENCE_COLUMNS).index("url"), url))
    from claimcheck.validate import validate_evidence

    problems, _ = validate_evidence(evidence)
    assert [(p.line, p.column) for p in problems] == [(2, "url")]
    assert "expected a web address starting https:// or http://" in problems[0].message


def test_re_saved_line_endings_and_a_broken_offset_are_both_reported(capsys, draft_article):
    art, table = draft_article("ginger.md", "# Ginger\n\nGinger may ease nausea. It is safe.\n\n- High doses can cause heartburn.\n")
    art.write_bytes(art.read_bytes().replace(b"\n", b"\r\n"))
    rewrite(table, lambda rows: rows[2].__setitem__(col("start"), "x"))
    code, out, _ = run(capsys, "validate", table, "--article", art)
    assert code == 1
    assert f"{table}:3: start: found 'x'" in out and "CRLF line endings (LF before)" in out


def test_a_row_with_a_field_missing_is_one_problem_and_no_merge_hint(capsys, claims, article_path):
    """Its values sit in the wrong columns: what they would say, and the unit it no longer covers, is noise."""
    rewrite(claims, lambda rows: rows[4].pop(col("flags")))
    code, out, err = run(capsys, "validate", claims, "--article", article_path)
    assert code == 1
    assert out.splitlines() == [f"{claims}:5: found {len(CLAIM_COLUMNS) - 1} fields, expected {len(CLAIM_COLUMNS)} (one per header column) [acu-004]"]
    assert "--merge" not in err
