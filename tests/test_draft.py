"""draft_claims / draft_lines: the interface the CLI uses."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from claimcheck.draft import draft_claims, draft_lines
from claimcheck.schema import CLAIM_COLUMNS, OPTIONAL_COLUMNS, flags
from claimcheck.segment import segment_article, segment_text

DRAFTER_ARTICLES = Path(__file__).parent / "articles" / "drafter"
LABELLED_ARTICLES = Path(__file__).parent / "articles"  # every folder of hand-labelled articles


def test_columns_and_values(article_path: Path) -> None:
    units = segment_article(article_path)
    out = draft_claims(units)
    assert list(out.columns) == [*CLAIM_COLUMNS, *OPTIONAL_COLUMNS]
    assert len(out) == len(units)
    assert out["text"].tolist() == units["text"].tolist()
    assert set(out["status"]) == {"draft"}
    assert out["certainty"].between(0, 4).all()
    known = set(flags())
    for f in out["flags"]:
        assert not f or set(f.split(";")) <= known
    assert (out["evidence_level"] == "").all()
    assert (out["verdict"] == "").all()
    assert out["draft_rules"].str.contains("type=").all()


def test_deterministic(article_path: Path) -> None:
    units = segment_article(article_path)
    pd.testing.assert_frame_equal(draft_claims(units), draft_claims(units.copy()))


def test_does_not_modify_input(article_path: Path) -> None:
    units = segment_article(article_path)
    before = units.copy()
    draft_claims(units)
    pd.testing.assert_frame_equal(units, before)


def test_empty_units() -> None:
    out = draft_claims(segment_text("x", "x").iloc[0:0])
    assert list(out.columns) == [*CLAIM_COLUMNS, *OPTIONAL_COLUMNS]
    assert out.empty


def test_draft_lines_offsets() -> None:
    lines = ["Ginger may reduce nausea.", "It is proven."]
    out = draft_lines(lines)
    joined = "\n".join(lines)
    assert [joined[a:b] for a, b in zip(out["start"], out["end"], strict=True)] == lines
    assert out["certainty"].tolist() == [1, 4]
    assert out["claim_id"].is_unique


def test_evidence_suggested_only_when_cited() -> None:
    text = "Turmeric\n\nCurcumin eased knee pain (Daily et al., 2016). Turmeric helps everyone.\n"
    evidence = pd.DataFrame(
        [{"evidence_id": "daily2016", "citation": "Daily JW, Yang M, Park S. Efficacy of turmeric extracts. J Med Food 2016.",
          "doi": "10.1089/jmf.2016.3705", "pmid": "", "certainty": "low"}]
    )
    out = draft_claims(segment_text(text, "turmeric"), evidence=evidence)
    cited = out[out["text"].str.contains("Daily")].iloc[0]
    assert (cited["evidence_level"], cited["evidence_ids"]) == ("low", "daily2016")
    assert "suggested" in cited["draft_rules"]
    other = out[out["text"].str.contains("everyone")].iloc[0]
    assert other["evidence_level"] == ""

DAILY = pd.DataFrame(
    [{"evidence_id": "daily2016", "citation": "Daily JW, Yang M, Park S. Efficacy of turmeric extracts. J Med Food 2016.",
      "doi": "10.1089/jmf.2016.3705", "pmid": "", "certainty": "low"}]
)


def _suggested(text: str) -> dict[str, tuple[str, str]]:
    out = draft_claims(segment_text(text, "turmeric"), evidence=DAILY)
    return {t: (lv, ids) for t, lv, ids in zip(out["text"], out["evidence_level"], out["evidence_ids"], strict=True) if ids}


def test_a_numbered_mark_is_followed_to_its_entry_in_the_reference_list() -> None:
    text = (
        "# Turmeric\n\nCurcumin eased knee pain [2]. Turmeric is safe [1].\n\n"
        "## References\n\n1. Smith A. A blog post. 2020.\n2. Daily JW, et al. Efficacy of turmeric extracts. 2016.\n"
    )
    got = _suggested(text)
    assert got["Curcumin eased knee pain [2]."] == ("low", "daily2016")
    assert "Turmeric is safe [1]." not in got  # entry 1 names no evidence row


def test_an_entry_is_found_by_its_own_number_or_its_place_and_ranges_count() -> None:
    by_number = "Turmeric\n\nIt eased pain [3].\n\nSources\n\n[3] Daily JW. Turmeric extracts. J Med Food 2016.\n"
    by_place = "Turmeric\n\nIt eased pain [1–2].\n\nReferences\n\n- Smith A. A blog. 2020.\n- Daily JW. Turmeric. 2016.\n"
    assert _suggested(by_number)["It eased pain [3]."] == ("low", "daily2016")
    assert _suggested(by_place)["It eased pain [1–2]."] == ("low", "daily2016")
    rules = draft_claims(segment_text(by_number, "t"), evidence=DAILY)["draft_rules"].iloc[1]
    assert rules.endswith("evidence=low(suggested: cites daily2016 through reference 3)")


def test_a_mark_with_no_reference_list_suggests_nothing() -> None:
    assert "It eased pain [1]." not in _suggested("Turmeric\n\nIt eased pain [1].\n\nDaily 2016 is a review.\n")


def test_numbered_heading_under_frame_title() -> None:
    text = "How Turmeric Can Ease Joint Pain\n\n1. Calming inflammation\n\nCurcumin blocks inflammatory enzymes.\n"
    out = draft_claims(segment_text(text, "t"))
    head = out[out["unit"] == "heading"].iloc[0]
    assert head["certainty"] == 2
    assert "frame" in head["draft_rules"]


LABELLED = sorted(LABELLED_ARTICLES.glob("*/*.labels.csv"))


@pytest.mark.parametrize("labels", LABELLED, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_labelled_articles_align_with_segmentation(labels: Path) -> None:
    """The hand-labelled rows match the units, so the agreement benchmark compares like with like."""
    article = next(p for p in labels.parent.glob(labels.name.replace(".labels.csv", ".*")) if p.suffix in (".txt", ".md"))
    lab = pd.read_csv(labels, dtype=str, keep_default_na=False)
    units = segment_article(article)
    assert lab["claim_id"].tolist() == units["claim_id"].tolist()
    assert lab["text"].tolist() == units["text"].tolist()


# Frame rule (types.toml [[frame]] how_ways_frame): numbered items under a
# "How X can Y" / "N ways X can Y" / "ways to Y" heading name the ways it acts:
# mechanism, at most the frame's level 2. Invented articles.
FRAME_GOLDEN = [
    ("frame-how-can-numbered-heading", "How Sauna Bathing Can Lower Blood Pressure\n\n1. Widening the arteries\n\nHeat relaxes the vessel walls.\n", "1. Widening the arteries", "mechanism", 2),
    ("frame-n-ways-can-numbered-heading", "6 Ways Pilates Can Ease Neck Pain\n\n1. Improving posture\n\nGood posture takes load off the neck.\n", "1. Improving posture", "mechanism", 2),
    ("frame-ways-to-under-heading", "Pilates basics\n\nPilates is a form of exercise.\n\nFour ways to sleep better with Pilates\n\n1. Reducing evening stress\n\nSlow breathing settles the body.\n", "1. Reducing evening stress", "mechanism", 2),
    ("frame-item-own-hedge-kept", "How Beetroot Juice Can Boost Stamina\n\n1. It may widen blood vessels\n\nNitrates turn into nitric oxide.\n", "1. It may widen blood vessels", "mechanism", 1),
    ("frame-safety-item-stays-safety", "5 Ways Fasting Can Help Weight Loss\n\n1. Avoiding side effects\n\nDrink water.\n", "1. Avoiding side effects", "safety", 2),
]


@pytest.mark.parametrize(("text", "item", "ctype", "level"), [g[1:] for g in FRAME_GOLDEN], ids=[g[0] for g in FRAME_GOLDEN])
def test_frame_rule_how_ways(text: str, item: str, ctype: str, level: int) -> None:
    out = draft_claims(segment_text(text, "frame"))
    row = out[out["text"] == item].iloc[0]
    assert (row["claim_type"], row["certainty"]) == (ctype, level), row["draft_rules"]
    assert "how_ways_frame" in row["draft_rules"]


def test_frame_rule_not_under_other_headings() -> None:
    text = "Benefits of Sauna Bathing\n\n1. Improving sleep\n\nMany people sleep better.\n"
    out = draft_claims(segment_text(text, "frame"))
    row = out[out["text"] == "1. Improving sleep"].iloc[0]
    assert "how_ways_frame" not in row["draft_rules"]
    assert row["claim_type"] == "efficacy"


def test_sentence_pointing_back_to_a_mechanism_step_stays_mechanism() -> None:
    text = (
        "How Ginger Works\n\n"
        "Ginger acts on serotonin receptors in the gut. This can lead to less nausea.\n\n"
        "This study was small.\n"
    )
    d = draft_claims(segment_text(text, "ginger")).set_index("text")
    assert d.loc["Ginger acts on serotonin receptors in the gut.", "claim_type"] == "mechanism"
    assert d.loc["This can lead to less nausea.", "claim_type"] == "mechanism"
    assert "chain" in d.loc["This can lead to less nausea.", "draft_rules"]


def test_pointing_back_needs_a_mechanism_before_it() -> None:
    text = "Ginger eases nausea in pregnancy. This can lead to better sleep.\n"
    d = draft_claims(segment_text(text, "ginger"))
    assert d["claim_type"].iloc[1] == "efficacy"


def _types_of(markdown: str) -> dict[str, tuple[str, int, str]]:
    d = draft_claims(segment_text(markdown, "spec"))
    return {t: (c, int(lv), r) for t, c, lv, r in zip(d["text"], d["claim_type"], d["certainty"], d["draft_rules"], strict=True)}


def test_a_sentence_with_no_type_cue_takes_its_headings_type() -> None:
    under_risk = _types_of("# Fish oil\n\n## Side effects\n\nSome people notice a fishy taste.\n")
    under_topic = _types_of("# Fish oil\n\n## Background\n\nSome people notice a fishy taste.\n")
    assert under_risk["Some people notice a fishy taste."][0] == "safety"
    assert "section default" in under_risk["Some people notice a fishy taste."][2]
    assert under_topic["Some people notice a fishy taste."][0] == "context"


def test_a_bullet_fragment_is_read_in_the_frame_of_its_heading() -> None:
    got = _types_of("# Fish oil\n\n## Who should not take it?\n\n- People with a bleeding disorder\n- Anyone booked for surgery\n")
    assert got["Who should not take it?"][:2] == ("safety", 0)
    assert got["Anyone booked for surgery"][0] == "safety"
    assert got["People with a bleeding disorder"][0] == "safety"


def test_a_do_not_use_heading_makes_the_list_under_it_contraindications() -> None:
    got = _types_of("Gel leaflet\n\nDo not use the gel:\n\n- on broken or infected skin\n- if you are pregnant\n")
    assert got["Do not use the gel:"][0] == "safety"
    assert got["on broken or infected skin"][0] == "safety"


def test_a_bullet_with_no_cue_takes_the_level_of_a_hedged_heading() -> None:
    got = _types_of(
        "Gel leaflet\n\nCommon (may affect up to 1 in 10 people):\n\n- redness or itching\n\n"
        "Side effects\n\n- a burning feeling\n"
    )
    assert got["redness or itching"][:2] == ("safety", 1)
    assert got["a burning feeling"][1] == 3


def test_an_imperative_heading_is_a_directive_and_a_noun_heading_a_topic_label() -> None:
    got = _types_of("# Fish oil\n\n## Book your consultation\n\nWe are open daily.\n\n## Booking\n\nWe are open daily too.\n")
    assert got["Book your consultation"][:2] == ("advice", 3)
    assert got["Booking"][:2] == ("context", 0)


def test_a_plural_pointing_back_to_a_side_effect_stays_safety() -> None:
    got = _types_of("Fish oil can cause loose stools. These usually ease within a week.\n")
    assert got["These usually ease within a week."][0] == "safety"
    assert "chain" in got["These usually ease within a week."][2]
    # "This" after a safety statement may mean the treatment: no chain
    after_safe = _types_of("Fish oil is safe for most adults. This helps with dry eyes.\n")
    assert "chain" not in after_safe["This helps with dry eyes."][2]


def test_a_harm_the_title_says_the_treatment_cuts_is_the_articles_outcome() -> None:
    title = "Vitamin D pills cut chest infections, trial finds"
    got = _types_of(f"# {title}\n\nPeople on vitamin D had fewer chest infections.\n")
    assert got[title][0] == "efficacy"
    assert got["People on vitamin D had fewer chest infections."][0] == "efficacy"
    # the same sentence under a title that names no benefit stays a harm
    plain = _types_of("# Vitamin D pills\n\nPeople on vitamin D had fewer chest infections.\n")
    assert plain["People on vitamin D had fewer chest infections."][0] == "safety"


def test_draft_rules_stay_one_part_per_label_when_a_frame_heading_holds_a_semicolon() -> None:
    from claimcheck.draft import draft_claims
    from claimcheck.segment import segment_text

    d = draft_claims(segment_text("Cold water\n\nClaimed benefits; the evidence varies\n\n- better mood\n", "cw", "cw"))
    rules = d.loc[d["text"] == "better mood", "draft_rules"].iloc[0]
    assert [part.split("=")[0] for part in rules.split("; ")] == ["type", "certainty", "support"]



def test_a_reference_list_entry_asserts_nothing() -> None:
    got = _types_of(
        "# Cold water\n\nIce baths reduce soreness [1].\n\n## References\n\n"
        "1. Tipton M. Cold water immersion: kill or cure? Exp. Physiol. 2017.\n"
    )
    assert got["Ice baths reduce soreness [1]."][:2] == ("efficacy", 3)
    assert got["1. Tipton M. Cold water immersion: kill or cure? Exp. Physiol. 2017."][:2] == ("context", 0)


def test_a_reference_mark_after_the_stop_leaves_a_full_sentence() -> None:
    from claimcheck.draft import draft_text

    plain = "Some people become anxious about their scores, a pattern researchers call orthosomnia."
    for mark in ("[^5]", "[1]", "[2, 3]"):
        d = draft_text(plain + mark)
        assert (d.certainty, d.support_in_text) == (draft_text(plain).certainty, "cited"), mark
    assert draft_text(plain).certainty == 3


def test_a_surname_with_a_particle_and_the_lines_mode_suggest_evidence_too() -> None:
    evidence = pd.DataFrame(
        [{"evidence_id": "dezambotti2019", "citation": "de Zambotti M, Cellini N, Goldstone A, et al. Wearable sleep technology. 2019.",
          "doi": "", "pmid": "", "certainty": "low"}]
    )
    out = draft_lines(["Trackers miss wake time (de Zambotti et al., 2019).", "Trackers are accurate (Zambotti 2019)."],
                      evidence=evidence)
    assert out["evidence_ids"].tolist() == ["dezambotti2019", ""]


def test_a_tables_header_row_is_a_label_and_its_data_rows_are_statements() -> None:
    got = _types_of(
        "# Magnesium forms\n\n| Form | Absorption | Best for |\n|---|---|---|\n"
        "| Glycinate | High | Sleep and calm |\n| Citrate | Moderate | Constipation |\n"
    )
    assert got["Form | Absorption | Best for"][:2] == ("context", 0)  # column names assert nothing
    assert got["Citrate | Moderate | Constipation"][1] == 3  # no verb, yet it states its cells
    assert got["Glycinate | High | Sleep and calm"][1] == 3


def test_a_lone_line_with_a_pipe_is_read_as_prose() -> None:
    got = _types_of("# Forum\n\nRe: Cold water | Pete (3 Nov): it is definitely proven to lift my mood.\n")
    assert got["Re: Cold water | Pete (3 Nov): it is definitely proven to lift my mood."][1] == 4


def test_two_prose_sentences_with_a_pipe_each_are_not_a_table() -> None:
    got = _types_of("# Sleep\n\nSleep is a skill | you can learn it. Most people | sleep better with a routine.\n")
    assert all("table header" not in rules for _, _, rules in got.values())
    assert got["Sleep is a skill | you can learn it."][:2] != ("context", 0)


def test_a_hard_line_break_or_a_quote_between_two_piped_sentences_is_no_rule_line() -> None:
    for gap in ("  \n", "\n> "):
        got = _types_of(f"# Sleep\n\nSleep is a skill | you can learn it.{gap}Most people | sleep better with a routine.\n")
        assert all("table header" not in rules for _, _, rules in got.values()), repr(gap)


def test_a_table_without_outer_pipes_still_has_a_header() -> None:
    got = _types_of("# Forms\n\nForm | Best for\n---|---\nGlycinate | Sleep and calm\nCitrate | Constipation\n")
    assert got["Form | Best for"][:2] == ("context", 0)
    assert got["Citrate | Constipation"][1] == 3


def test_a_short_row_or_an_escaped_pipe_does_not_make_a_data_row_a_header() -> None:
    got = _types_of(
        "# Forms\n\n| Form | Absorption | Best for |\n|---|---|---|\n| Oxide | cheap \\| poorly absorbed | none |\n"
        "| Citrate | Moderate |\n| Glycinate | High | Sleep |\n"
    )
    assert got["Form | Absorption | Best for"][:2] == ("context", 0)
    assert [got[t][2].split(";")[0] for t in ("Citrate | Moderate", "Glycinate | High | Sleep")] != ["type=context(table header)"] * 2
    assert all("table header" not in got[t][2] for t in got if t != "Form | Absorption | Best for")


def test_a_reviews_star_rated_headline_is_the_reviewers_claim_and_an_average_rating_is_not() -> None:
    got = _types_of(
        "# Reviews\n\n## 4.8 out of 5 (41,302 ratings)\n\n## ★★★★★ Finally sleeping through the night (Marcy T.)\n\n"
        "Great app.\n\n## 5.0 out of 5 stars Life changer for my knees\n\nGood.\n\n## Finally sleeping through the night\n\nYes.\n"
    )
    assert got["★★★★★ Finally sleeping through the night (Marcy T.)"][1] == 3
    assert got["5.0 out of 5 stars Life changer for my knees"][1] == 3
    assert got["4.8 out of 5 (41,302 ratings)"][1] == 0
    assert got["Finally sleeping through the night"][1] == 0  # without stars, a heading as before


def test_a_byline_asserts_nothing_unless_something_else_in_it_does() -> None:
    got = _types_of(
        "# Ginger\n\nMedically reviewed by Dr Jane Smith, MD.\n\n"
        "Prepared by the Society's committee and approved by its Board in March 2026, for dietitians.\n\n"
        "By the Thistledown Reviews team, updated 25 November 2026.\n\n"
        "Written by a GP, this guide explains the risks.\n\nBy the end of the week, most people feel better.\n"
    )
    for line in ("Medically reviewed by Dr Jane Smith, MD.", "By the Thistledown Reviews team, updated 25 November 2026.",
                 "Prepared by the Society's committee and approved by its Board in March 2026, for dietitians."):
        assert got[line][:2] == ("context", 0), line
    assert got["Written by a GP, this guide explains the risks."][:2] == ("safety", 3)
    assert got["By the end of the week, most people feel better."][1] == 3


def test_chapter_lines_need_a_run_of_timestamps_and_leave_tables_ratios_and_statistics_alone() -> None:
    got = _types_of(
        "# Notes\n\n- 00:00 Intro\n- **09:45** The dopamine study everyone talks about\n- 17:30 Safety: who should not plunge\n"
    )
    for line in ("00:00 Intro", "**09:45** The dopamine study everyone talks about", "17:30 Safety: who should not plunge"):
        assert got[line][:2] == ("context", 0), line
    other = _types_of(
        "# Dosing\n\n| Time | What |\n|---|---|\n| 08:00 | Take two tablets with breakfast |\n| 20:00 | Take one tablet |\n\n"
        "## Tips\n\n- 1:10 dilution of tea tree oil is safe for most skin\n\n"
        "## 4 out of 5 users fall asleep faster in 2 weeks\n\nApproved by the FDA in 2018 for adults with migraine.\n"
    )
    assert other["08:00 | Take two tablets with breakfast"][1] == 3
    assert other["1:10 dilution of tea tree oil is safe for most skin"][:2] == ("safety", 3)
    assert "precise_number(4 out of 5 users)" in other["4 out of 5 users fall asleep faster in 2 weeks"][2]  # no review headline
    assert "byline" not in other["Approved by the FDA in 2018 for adults with migraine."][2]
