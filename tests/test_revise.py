"""Re-running the drafter after an edit keeps every human label it can."""

import os
import shutil

import pandas as pd
import pytest

from claimcheck.cli import main
from claimcheck.draft import certainty_of
from claimcheck.io import read_article


@pytest.fixture
def workspace(tmp_path, root):
    shutil.copy(root / "data" / "claims.csv", tmp_path / "claims.csv")
    art = tmp_path / "acupuncture-chronic-pain.txt"
    shutil.copy(root / "data" / "articles" / "acupuncture-chronic-pain.txt", art)
    return tmp_path, art


def edit(art, old, new):
    text = read_article(art)
    assert old in text
    art.write_text(text.replace(old, new), encoding="utf-8", newline="")


def test_merge_keeps_unchanged_rows_and_sends_edits_back_to_draft(workspace, capsys):
    tmp, art = workspace
    before = pd.read_csv(tmp / "claims.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    edit(art, "However, most people need 4-8 sessions to achieve substantial relief.",
         "However, most people may need several sessions to achieve some relief.")
    edit(art, "Increased blood flow can help to reduce inflammation and pain.",
         "Increased blood flow can help to reduce inflammation and pain.\n\nResearchers disagree about this mechanism.")
    edit(art, "It is a natural pain relieving chemical that our body produces. ", "")
    assert main(["draft", str(art), "--merge", str(tmp / "claims.csv")]) == 0
    err = capsys.readouterr().err
    assert "removed acu-015: 'It is a natural pain relieving chemical" in err
    after = pd.read_csv(tmp / "claims.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    # unchanged: id, labels and review kept
    for cid in ("acu-001", "acu-039", "acu-058"):
        same = [c for c in before.columns if c not in ("start", "end", "paragraph")]
        assert after.loc[cid, same].tolist() == before.loc[cid, same].tolist()
    # edited: same id, old labels, back to draft
    assert after.loc["acu-047", "text"].startswith("However, most people may need several")
    assert after.loc["acu-047", "status"] == "draft"
    assert after.loc["acu-047", "claim_type"] == before.loc["acu-047", "claim_type"]
    assert after.loc["acu-047", "suggested_revision"] == before.loc["acu-047", "suggested_revision"]
    # new: a new id after the highest, drafted
    new = after[after["text"] == "Researchers disagree about this mechanism."]
    assert new.index.tolist() == ["acu-059"]
    assert new["status"].iloc[0] == "draft"
    # removed: gone from the table, after being reported
    assert "acu-015" not in after.index
    assert main(["validate", str(tmp / "claims.csv"), "--article", str(art)]) == 0


def test_draft_refuses_to_overwrite_a_reviewed_file(workspace, capsys):
    tmp, art = workspace
    original = (tmp / "claims.csv").read_bytes()
    assert main(["draft", str(art), "-o", str(tmp / "claims.csv")]) == 2
    assert "--merge" in capsys.readouterr().err
    assert (tmp / "claims.csv").read_bytes() == original


def test_merge_dry_run_writes_nothing(workspace, capsys):
    tmp, art = workspace
    original = (tmp / "claims.csv").read_bytes()
    edit(art, "Results vary", "Results vary") if "Results vary" in read_article(art) else None
    assert main(["draft", str(art), "--merge", str(tmp / "claims.csv"), "--dry-run"]) == 0
    assert "58 unchanged" in capsys.readouterr().err
    assert (tmp / "claims.csv").read_bytes() == original


# --- the new-article workflow: draft to a file, review by hand, revise, merge, merge again


NEW_ARTICLE = """# Ginger for Nausea: What the Research Says

Ginger may ease nausea in early pregnancy.

## How it works

Compounds in ginger act on the gut. This speeds up emptying of the stomach.

## Safety

Ginger is safe for most people. High doses can cause heartburn.
"""


@pytest.fixture
def drafted(draft_article):
    return draft_article("ginger.md", NEW_ARTICLE)


def test_a_table_the_drafter_wrote_can_be_merged_again_and_again(drafted, capsys):
    art, table = drafted
    first = pd.read_csv(table, dtype=str, keep_default_na=False)
    assert "draft_rules" in first.columns
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert f"{len(first)} unchanged, 0 edited (back to draft), 0 new, 0 removed" in capsys.readouterr().err
    assert pd.read_csv(table, dtype=str, keep_default_na=False).equals(first)
    # a revision adds a statement: the merged table has draft_rules for it, and merges again
    edit(art, "High doses can cause heartburn.", "High doses can cause heartburn. Ask a midwife first.")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    after = pd.read_csv(table, dtype=str, keep_default_na=False)
    assert list(after.columns) == list(first.columns)
    assert after["text"].tolist()[-1] == "Ask a midwife first."
    assert after["draft_rules"].tolist()[-1].startswith("type=")


def test_hand_edits_to_a_drafted_table_survive_a_merge(drafted, capsys):
    art, table = drafted
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    i = df.index[df["text"] == "Ginger is safe for most people."][0]
    df.loc[i, "reviewer_note"] = "needs a source"
    df.loc[i, "claim_type"] = "safety"
    df.to_csv(table, index=False)
    edit(art, "Compounds in ginger act on the gut. ", "")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert "removed gin-004: 'Compounds in ginger act on the gut.'" in capsys.readouterr().err
    after = pd.read_csv(table, dtype=str, keep_default_na=False).set_index("claim_id")
    assert after.loc[df.loc[i, "claim_id"], "reviewer_note"] == "needs a source"
    assert "gin-004" not in after.index


def test_rows_a_merge_removes_are_kept_aside_with_their_work(drafted, capsys):
    art, table = drafted
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    df.loc[df["text"] == "High doses can cause heartburn.", "reviewer_note"] = "dose? cite the trial"
    df.to_csv(table, index=False)
    edit(art, " High doses can cause heartburn.", "")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert f"kept in {table.with_name('claims.removed.csv')}" in capsys.readouterr().err
    aside = pd.read_csv(table.with_name("claims.removed.csv"), dtype=str, keep_default_na=False)
    assert aside["text"].tolist() == ["High doses can cause heartburn."]
    assert aside["reviewer_note"].tolist() == ["dose? cite the trial"]
    # a second removal adds to the file; the first stays
    edit(art, " This speeds up emptying of the stomach.", "")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    aside = pd.read_csv(table.with_name("claims.removed.csv"), dtype=str, keep_default_na=False)
    assert aside["text"].tolist() == ["High doses can cause heartburn.", "This speeds up emptying of the stomach."]


def test_a_statement_put_back_after_a_merge_removed_it_gets_its_row_back(drafted, capsys):
    art, table = drafted
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    row = df.index[df["text"] == "High doses can cause heartburn."][0]
    cid = df.loc[row, "claim_id"]
    df.loc[row, ["reviewer_note", "claim_type"]] = ["dose? cite the trial", "advice"]  # a person's work
    df.to_csv(table, index=False)
    original = art.read_text(encoding="utf-8")
    edit(art, " High doses can cause heartburn.", "")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    art.write_text(original, encoding="utf-8")  # the editor changes their mind
    capsys.readouterr()
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    err = capsys.readouterr().err
    assert "0 new, 0 removed, 1 restored from the removed rows" in err
    assert f"restored {cid}: 'High doses can cause heartburn.'" in err
    after = pd.read_csv(table, dtype=str, keep_default_na=False)
    back = after[after["claim_id"] == cid]
    assert back[["text", "reviewer_note", "claim_type"]].values.tolist() == [["High doses can cause heartburn.", "dose? cite the trial", "advice"]]
    assert after["claim_id"].is_unique
    assert main(["validate", str(table), "--article", str(art)]) == 0


def test_merging_an_article_under_a_new_name_says_its_statements_are_all_new(drafted, capsys):
    art, table = drafted
    renamed = art.with_name("ginger-revised.md")
    renamed.write_text(art.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["draft", str(renamed), "--merge", str(table), "--dry-run"]) == 0
    err = capsys.readouterr().err
    assert "0 unchanged" in err and "article 'ginger-revised' is not in the table" in err


def test_a_revision_saved_under_a_new_name_is_refused_unless_named_with_as(drafted, capsys):
    art, table = drafted
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    df.loc[df["text"] == "Ginger is safe for most people.", "reviewer_note"] = "needs a source"
    df.to_csv(table, index=False)
    before = table.read_bytes()
    renamed = art.with_name("ginger-v2.md")
    renamed.write_text(art.read_text(encoding="utf-8").replace("High doses", "Very high doses"), encoding="utf-8")
    # it would have started over beside the reviewed rows: refused, in one line, naming the way out
    assert main(["draft", str(renamed), "--merge", str(table), "--dry-run"]) == 0
    assert "(a real run needs --as ginger or --force)" in capsys.readouterr().err
    assert main(["draft", str(renamed), "--merge", str(table)]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "statements of 'ginger-v2' are word for word in its article 'ginger'" in err and "--as ginger" in err
    assert table.read_bytes() == before
    # --as carries the rows over: same ids, the note kept, the edit back to draft, the new name on every row
    assert main(["draft", str(renamed), "--merge", str(table), "--as", "ginger"]) == 0
    err = capsys.readouterr().err
    assert f"{len(df) - 1} unchanged, 1 edited (back to draft), 0 new, 0 removed" in err
    assert "'ginger-v2' is merged as the revision of 'ginger'" in err
    after = pd.read_csv(table, dtype=str, keep_default_na=False)
    assert after["claim_id"].tolist() == df["claim_id"].tolist()
    assert set(after["article"]) == {"ginger-v2"}
    assert after.loc[after["text"] == "Ginger is safe for most people.", "reviewer_note"].tolist() == ["needs a source"]
    assert main(["validate", str(table), "--article", str(renamed)]) == 0


def test_as_names_an_article_the_table_has(drafted, capsys):
    art, table = drafted
    assert main(["draft", str(art), "--merge", str(table), "--as", "ginger.md", "--dry-run"]) == 0  # the file name as typed
    assert main(["draft", str(art), "--merge", str(table), "--as", "gingre"]) == 2
    assert "has no article 'gingre' for --as, expected one of: ginger" in capsys.readouterr().err
    assert main(["draft", str(art), "--as", "ginger"]) == 2
    assert "--as ginger works only with --merge" in capsys.readouterr().err


def test_a_new_bullet_is_drafted_under_its_heading_as_in_a_fresh_draft(draft_article):
    text = "# Acupuncture at Our Clinic\n\n## Conditions we treat\n\n- Back pain\n- Migraine\n"
    art, table = draft_article("clinic.md", text)
    art.write_text(text + "- Colic in babies\n", encoding="utf-8")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    merged = pd.read_csv(table, dtype=str, keep_default_na=False).set_index("text")
    fresh = table.with_name("fresh.csv")
    assert main(["draft", str(art), "-o", str(fresh)]) == 0
    direct = pd.read_csv(fresh, dtype=str, keep_default_na=False).set_index("text")
    cols = ["claim_type", "certainty", "flags", "draft_rules"]
    assert merged.loc["Colic in babies", cols].tolist() == direct.loc["Colic in babies", cols].tolist()


def test_an_id_is_never_given_to_a_second_statement(drafted, capsys):
    art, table = drafted
    edit(art, " High doses can cause heartburn.", "")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    gone = pd.read_csv(table.with_name("claims.removed.csv"), dtype=str)["claim_id"].tolist()
    edit(art, "Ginger is safe for most people.", "Ginger is safe for most people. Pregnant women should ask first.")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    after = pd.read_csv(table, dtype=str, keep_default_na=False)
    new_id = after.loc[after["text"] == "Pregnant women should ask first.", "claim_id"].item()
    assert new_id not in gone


def test_a_published_rewrite_rereads_the_wording_flags_and_keeps_a_reviewers_own(draft_article, capsys):
    art, table = draft_article("screen.md", "# Screening\n\nRegular screening is the best way to protect yourself.\n")
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    row = df["text"] == "Regular screening is the best way to protect yourself."
    assert df.loc[row, "flags"].item() == "superlative"
    df.loc[row, "flags"] = "superlative;unfalsifiable"  # a reviewer adds one of their own
    df.loc[row, "suggested_revision"] = "Regular screening may be one good way to protect yourself."
    df.to_csv(table, index=False)
    edit(art, "is the best way", "may be one good way")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    after = pd.read_csv(table, dtype=str, keep_default_na=False).set_index("text")
    got = after.loc["Regular screening may be one good way to protect yourself."]
    assert got["flags"] == "unfalsifiable"  # 'the best' is gone, the reviewer's flag stays
    assert "flags superlative;unfalsifiable -> unfalsifiable" in got["reviewer_note"]


def test_a_published_rewrite_drops_a_flag_the_drafter_gave_for_the_sentences_place(draft_article, capsys):
    art, table = draft_article("tur.md", "# Turmeric\n\n## 5 Ways Turmeric Can Ease Joint Pain\n\nTurmeric works in many simple ways for stiff joints.\n")
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    row = df["text"] == "Turmeric works in many simple ways for stiff joints."
    assert "presupposed_benefit" in df.loc[row, "flags"].item()  # from the heading it sits under
    df.loc[row, "suggested_revision"] = "Turmeric may help stiff joints."
    df.to_csv(table, index=False)
    edit(art, "Turmeric works in many simple ways for stiff joints.", "Turmeric may help stiff joints.")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    fresh = art.with_name("fresh.csv")
    assert main(["draft", str(art), "-o", str(fresh)]) == 0
    merged = pd.read_csv(table, dtype=str, keep_default_na=False).set_index("text")
    direct = pd.read_csv(fresh, dtype=str, keep_default_na=False).set_index("text")
    assert merged.at["Turmeric may help stiff joints.", "flags"] == direct.at["Turmeric may help stiff joints.", "flags"]


def test_the_removed_rows_file_opens_as_the_table_does(drafted, capsys):
    art, table = drafted
    text = table.read_text(encoding="utf-8")
    table.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))  # saved by Excel
    edit(art, " High doses can cause heartburn.", "")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    aside = table.with_name("claims.removed.csv").read_bytes()
    assert aside.startswith(b"\xef\xbb\xbf")
    assert aside.count(b"\r\n") == aside.count(b"\n") == 2


def test_a_new_articles_ids_start_at_one_whatever_another_article_retired(drafted, capsys):
    art, table = drafted
    edit(art, " High doses can cause heartburn.", "")
    assert main(["draft", str(art), "--merge", str(table)]) == 0  # retires one of gin's ids
    other = art.with_name("melatonin.md")
    other.write_text("# Melatonin\n\nMelatonin may help jet lag.\n", encoding="utf-8")
    assert main(["draft", str(other), "--merge", str(table), "--force"]) == 0  # a second article, on purpose
    after = pd.read_csv(table, dtype=str, keep_default_na=False)
    assert after.loc[after["article"] == "melatonin", "claim_id"].tolist() == ["mel-001", "mel-002"]


def test_an_edited_row_notes_when_the_drafter_now_reads_it_differently(drafted, capsys):
    art, table = drafted
    edit(art, "Ginger is safe for most people.", "Ginger may be safe for most people.")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    row = pd.read_csv(table, dtype=str, keep_default_na=False).set_index("text").loc["Ginger may be safe for most people."]
    assert row["certainty"] == "3" and row["status"] == "draft"
    assert "the drafter reads the new text as certainty 1, the row says 3" in row["reviewer_note"]


def test_applying_the_suggested_revisions_keeps_every_rows_id(workspace, capsys):
    """The editor's main path: each overstated sentence replaced by its own suggested
    revision. Most revisions share few words with the original (33 of 38 score below the
    similarity threshold), but the row is recognisably the same statement."""
    tmp, art = workspace
    before = pd.read_csv(tmp / "claims.csv", dtype=str, keep_default_na=False)
    revised = before[before["suggested_revision"] != ""]
    text = read_article(art)
    for r in revised.itertuples():
        text = text.replace(r.text, r.suggested_revision, 1)
    art.write_text(text, encoding="utf-8", newline="")
    assert main(["draft", str(art), "--merge", str(tmp / "claims.csv")]) == 0
    err = capsys.readouterr().err
    after = pd.read_csv(tmp / "claims.csv", dtype=str, keep_default_na=False).set_index("claim_id")
    kept = [cid for cid in revised["claim_id"] if cid in after.index and after.at[cid, "text"] != before.set_index("claim_id").at[cid, "text"]]
    assert len(kept) == len(revised), err
    applied = 0
    for cid in kept:
        assert after.at[cid, "status"] == "draft"
        old = before.set_index("claim_id").loc[cid]
        if after.at[cid, "text"] == old["suggested_revision"]:
            # published word for word: the rewrite is done, and its own wording sets the certainty
            applied += 1
            assert "its suggested revision applied word for word" in after.at[cid, "reviewer_note"]
            assert after.at[cid, "suggested_revision"] == ""
            assert after.at[cid, "certainty"] == str(certainty_of(old["suggested_revision"]))
            assert after.loc[cid, ["claim_type", "evidence_level", "evidence_ids", "rationale"]].tolist() == old[
                ["claim_type", "evidence_level", "evidence_ids", "rationale"]].tolist()
            if cid != "acu-032":  # its revision corrects a fact; see test_audit_data
                assert after.at[cid, "verdict"] != "overstated", cid
        else:
            assert "text edited toward its suggested revision" in after.at[cid, "reviewer_note"]
    assert applied >= len(kept) / 2
    assert " removed " not in err.replace("0 removed", "")


def test_a_merge_that_would_remove_most_rows_asks_for_force(workspace, capsys):
    """The wrong or a truncated article given to --merge would otherwise empty a reviewed table."""
    tmp, art = workspace
    table = tmp / "claims.csv"
    original = table.read_bytes()
    text = read_article(art)
    art.write_text(text[: len(text) // 4], encoding="utf-8", newline="")  # a quarter of the article survives
    assert main(["draft", str(art), "--merge", str(table), "--dry-run"]) == 0
    assert "(a real run needs --force)" in capsys.readouterr().err
    assert main(["draft", str(art), "--merge", str(table)]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "the merge would remove" in err and "of the 58 rows" in err and "--force" in err
    assert table.read_bytes() == original
    assert not table.with_name("claims.removed.csv").exists()
    assert main(["draft", str(art), "--merge", str(table), "--force"]) == 0
    assert len(pd.read_csv(table)) < 58 / 2


def test_a_refused_merge_lists_no_rows_as_if_they_had_changed(workspace, capsys):
    tmp, art = workspace
    text = read_article(art)
    art.write_text(text[: len(text) // 4], encoding="utf-8", newline="")
    assert main(["draft", str(art), "--merge", str(tmp / "claims.csv")]) == 2
    err = capsys.readouterr().err
    assert "removed" in err.splitlines()[0]  # the summary: how many would go
    assert not any(line.startswith("  removed ") for line in err.splitlines())
    assert main(["draft", str(art), "--merge", str(tmp / "claims.csv"), "--dry-run"]) == 0
    assert any(line.startswith("  removed acu-") for line in capsys.readouterr().err.splitlines())


def test_merging_an_article_the_table_does_not_audit_asks_for_force(workspace, tmp_path, capsys):
    """The wrong article given to --merge would otherwise add its drafts beside a reviewed audit."""
    tmp, _ = workspace
    table = tmp / "claims.csv"
    original = table.read_bytes()
    other = tmp_path / "sleep-apps.md"
    other.write_text("# Sleep apps\n\nTrackers may help you sleep. They are popular.\n", encoding="utf-8")
    assert main(["draft", str(other), "--merge", str(table)]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == (
        f"claimcheck: {table}: none of the articles given (sleep-apps) is in it, so the merge would add 3 new rows "
        "beside its 58 rows; is that the article it audits? Nothing written (look with --dry-run; --force merges anyway)"
    )
    assert table.read_bytes() == original
    assert main(["draft", str(other), "--merge", str(table), "--force"]) == 0  # a second article for the audit
    merged = pd.read_csv(table, dtype=str, keep_default_na=False)
    assert (len(merged), merged["claim_id"].is_unique) == (61, True)


def test_a_merge_that_changes_nothing_leaves_the_file_alone(drafted, capsys):
    art, table = drafted
    old = table.stat().st_mtime_ns - 10**9  # a second back: a rewrite shows even within one clock tick
    os.utime(table, ns=(old, old))
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert f"nothing changed: {table} left as it was" in capsys.readouterr().err
    assert table.stat().st_mtime_ns == old


def test_a_row_removed_twice_is_kept_aside_once(drafted, capsys):
    art, table = drafted
    original = art.read_text(encoding="utf-8")
    for _ in range(3):
        edit(art, " High doses can cause heartburn.", "")
        assert main(["draft", str(art), "--merge", str(table)]) == 0
        art.write_text(original, encoding="utf-8")
        assert main(["draft", str(art), "--merge", str(table)]) == 0
    aside = pd.read_csv(table.with_name("claims.removed.csv"), dtype=str, keep_default_na=False)
    assert aside["text"].tolist() == ["High doses can cause heartburn."]


def test_deleting_one_copy_of_a_repeated_sentence_keeps_the_other_copys_row(draft_article, capsys):
    art, table = draft_article("sauna.md", "# Sauna\n\nSaunas relax you. Saunas lower blood pressure. Saunas relax you.\n")
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    df["reviewer_note"] = [f"note {i}" for i in range(len(df))]
    df.to_csv(table, index=False)
    first, last = df["claim_id"].iloc[1], df["claim_id"].iloc[3]
    edit(art, "Saunas relax you. Saunas lower", "Saunas lower")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert f"removed {first}: 'Saunas relax you.'" in capsys.readouterr().err
    after = pd.read_csv(table, dtype=str, keep_default_na=False)
    assert after["claim_id"].tolist() == [df["claim_id"].iloc[0], df["claim_id"].iloc[2], last]
    assert after["reviewer_note"].tolist() == ["note 0", "note 2", "note 3"]


def test_a_sentence_reworded_in_its_place_keeps_its_row(draft_article, capsys):
    text = "# Magnesium\n\nIt comes in many forms. Magnesium is safe for almost everyone. Take it with food.\n"
    art, table = draft_article("mg.md", text)
    df = pd.read_csv(table, dtype=str, keep_default_na=False)
    df["reviewer_note"] = [f"note {i}" for i in range(len(df))]
    df.to_csv(table, index=False)
    # 0.57 alike, under the 0.6 a moved sentence needs; but it is the one change between the same neighbours
    edit(art, "is safe for almost everyone.", "is safe for most healthy adults at the right dose.")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert "0 new, 0 removed" in capsys.readouterr().err
    after = pd.read_csv(table, dtype=str, keep_default_na=False)
    assert after["claim_id"].tolist() == df["claim_id"].tolist()
    assert after.at[2, "reviewer_note"].startswith("note 2 | text edited")


def test_an_unrelated_sentence_in_the_same_place_is_new(draft_article, capsys):
    text = "# Magnesium\n\nIt comes in many forms. Magnesium is safe for almost everyone. Take it with food.\n"
    art, table = draft_article("mg.md", text)
    edit(art, "Magnesium is safe for almost everyone.", "Our shop ships worldwide.")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert "1 new, 1 removed" in capsys.readouterr().err


def test_a_sentence_put_back_gets_its_own_row_not_the_one_written_in_its_place(draft_article, capsys):
    text = "# Magnesium\n\nIt comes in many forms. Magnesium is safe for almost everyone. Take it with food.\n"
    art, table = draft_article("mg.md", text)
    old_id = pd.read_csv(table, dtype=str).set_index("text").at["Magnesium is safe for almost everyone.", "claim_id"]
    edit(art, " Magnesium is safe for almost everyone.", "")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    edit(art, "many forms.", "many forms. Magnesium is safe for most healthy adults at the right dose.")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    edit(art, "Magnesium is safe for most healthy adults at the right dose.", "Magnesium is safe for almost everyone.")
    assert main(["draft", str(art), "--merge", str(table)]) == 0
    assert f"restored {old_id}" in capsys.readouterr().err
