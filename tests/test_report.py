"""build_report on the fixture audit: pages, escaping, no CDN, no code; and the helpers behind the pages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd
import pytest

from claimcheck import tables
from claimcheck.report import (
    _index_html,
    build_report,
    headline,
    load_audit,
    load_claims,
    notebooks,
    worst_first,
)

FIXTURES = Path(__file__).parent / "fixtures"
SCRIPT = "<script>alert(1)</script>"
# The pages `claimcheck report` renders.
PAGES = ["index.html", "01-claim-inventory.html", "02-hedged-vs-overstated.html", "03-editor-report.html"]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, str]:
    """The report of the fixture whose worst statement carries a <script> tag (rendered once)."""
    f = FIXTURES / "script"
    out = tmp_path_factory.mktemp("report")
    steps: list[str] = []
    paths = build_report(
        f / "claims.csv", f / "evidence.csv", f / "articles", out, progress=steps.append
    )
    assert len(steps) == len(paths)
    assert all(p.parent == out for p in paths)
    assert not list(out.glob(".*.tmp")), "atomic writes leave no temporary files"
    return {p.name: p.read_text("utf-8") for p in paths}


def test_index_and_one_page_per_notebook(rendered):
    expected = [f"{nb.stem}.html" for nb in notebooks()] + ["index.html"]
    assert list(rendered) == expected
    assert len(expected) >= 4
    index = rendered["index.html"]
    for page in expected[:-1]:
        assert f'href="{page}"' in index


def test_every_page_leads_back_to_the_index_and_names_its_generator(rendered):
    for name, body in rendered.items():
        if name != "index.html":
            assert '<a href="index.html">' in body, name
        assert 'content="claimcheck"' in body[:4096], name  # what report --out checks before replacing a page


def test_index_has_the_headline_numbers(rendered):
    h = headline(load_claims(FIXTURES / "script" / "claims.csv"))
    index = rendered["index.html"]
    assert f"{h['statements']} statements" in index
    for verdict, n in h["verdicts"].items():
        assert re.search(rf"{verdict.replace('_', ' ')}</td><td class=\"cc-num\">{n}</td>", index)
    assert h["most_overstated"]["claim_id"] in index


@pytest.mark.parametrize("page", PAGES)
def test_article_text_is_escaped_on_every_page(rendered, page):
    body = rendered[page]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert(1)" not in body
    assert "alert(1)</script>" not in body


@pytest.mark.parametrize("page", PAGES)
def test_pages_load_nothing_from_a_cdn(rendered, page):
    body = rendered[page]
    assert not re.search(r"<script[^>]*\bsrc=", body)
    assert "cdnjs" not in body
    assert "unpkg" not in body
    assert "mathjax" not in body.lower()
    assert not re.search(r"<link[^>]*href=\"https?:", body)


@pytest.mark.parametrize(
    "page", ["01-claim-inventory.html", "02-hedged-vs-overstated.html", "03-editor-report.html"]
)
def test_pages_show_no_code_and_no_prompts(rendered, page):
    body = rendered[page]
    assert "load_audit" not in body
    assert "%matplotlib" not in body
    assert "import " not in body
    assert not re.search(r">\s*(In|Out)(&nbsp;|\s)*\[\d*\]", body), "no In[ ]/Out[ ] prompts"
    assert not re.search(r'class="(highlight|jp-CodeMirrorEditor)', body), "no code blocks"
    assert "Traceback" not in body
    assert "Warning" not in body
    assert "/fixtures/" not in body, "no absolute paths in a page"


def test_figures_are_embedded(rendered):
    assert rendered["01-claim-inventory.html"].count('src="data:image/png;base64,') == 1
    assert rendered["02-hedged-vs-overstated.html"].count('src="data:image/png;base64,') == 4
    assert 'alt="Calibration grid:' in rendered["02-hedged-vs-overstated.html"]


def test_editor_page_lists_overstated_worst_first_with_hover_rationale(rendered):
    body = rendered["03-editor-report.html"]
    order = [m.group(1) for m in re.finditer(r"<strong>\d+\. (gin-\d+)</strong>", body)]
    assert order == ["gin-004", "gin-001", "gin-007", "gin-010", "gin-003", "gin-008"]
    assert 'href="https://doi.org/10.5555/fixture.1"' in body
    assert (
        'title="gin-004 · overstated — No trial supports &lt;script&gt;alert(1)&lt;/script&gt; at all."'
        in body
    )


# --- the helpers, without a kernel ---------------------------------------------------------


@pytest.fixture(scope="module")
def audit():
    f = FIXTURES / "basic"
    return load_audit(f / "claims.csv", f / "evidence.csv", f / "articles")


def test_headline(audit):
    h = headline(audit.claims)
    assert h["statements"] == 11
    assert h["articles"] == 1
    assert h["verdicts"] == {
        "overstated": 6,
        "calibrated": 2,
        "hedged": 1,
        "understated": 0,
        "not_assessed": 2,
    }
    assert h["assessed"] == 9
    assert h["overstated_share"] == 0.667
    assert h["most_overstated"]["claim_id"] == "gin-001"  # +3, first in reading order among the +3s


def test_unreviewed_drafts_are_counted_and_named_wherever_the_headline_is(audit):
    assert headline(audit.claims)["drafts"] == 0
    claims = audit.claims.copy()
    claims.loc[claims["claim_id"] == "gin-001", "status"] = "draft"
    h = headline(claims)
    assert h["drafts"] == 1
    # a reviewed verdict leads: the draft's may be its old text's
    assert h["most_overstated"]["status"] == "reviewed"
    page = _index_html([], h)
    assert "1 of the 11 statements is still a draft</strong>: its labels are" in page
    assert "a draft, not yet reviewed" not in page
    everything = headline(claims.assign(status="draft"))
    assert everything["most_overstated"]["claim_id"] == "gin-001"
    assert "a draft, not yet reviewed" in _index_html([], everything)
    assert "1 of the 11 statements is still a draft" in repr(tables.calibration_summary(claims))
    assert "All 11 statements are still drafts" in _index_html([], everything)
    assert "(gin-001; a draft, not yet reviewed)" in repr(tables.inventory_summary(claims.assign(status="draft")))
    # a fully reviewed audit says nothing about drafts
    assert "still drafts" not in _index_html([], headline(audit.claims))
    assert "draft" not in repr(tables.calibration_summary(audit.claims))


def test_a_fresh_draft_with_no_evidence_level_is_not_called_free_of_overstatement(audit):
    fresh = audit.claims.assign(status="draft", evidence_level="", evidence_ids="", verdict="", allowed_certainty="", overstatement="")
    h = headline(fresh)
    assert h["assessed"] == 0
    page = _index_html([], h)
    assert "none has an evidence level to check it against yet" in page and "0 of the 0" not in page
    assert "No statement is overstated" not in page
    assert f'unrated (no evidence level yet)</td><td class="cc-num">{len(fresh)}<' in page  # the count column adds up
    assert "**Nothing to revise yet**" in repr(tables.editor_summary(fresh))
    assert "Below, the whole article" in repr(tables.editor_summary(fresh))  # no list above for 'them' to mean
    calm = audit.claims.assign(verdict=audit.claims["verdict"].replace("overstated", "calibrated"))
    assert "Below, the whole article" in repr(tables.editor_summary(calm))  # rated, and nothing to list
    assert "No statement has an evidence level yet." in tables.editor_list(fresh, audit.evidence).text
    for summary in (tables.inventory_summary(fresh), tables.calibration_summary(fresh)):
        text = repr(summary)
        assert "overstated" in text and "No statement asserts more than its evidence allows" not in text
        assert "0 statements are overstated" not in text and "**0**" not in text
        assert "evidence level" in text


def test_worst_first_orders_by_overstatement_then_position(audit):
    worst = worst_first(audit.claims)
    assert worst["claim_id"].tolist() == [
        "gin-001",
        "gin-004",
        "gin-007",
        "gin-010",
        "gin-003",
        "gin-008",
    ]
    assert worst["overstatement"].tolist() == [3, 3, 3, 2, 1, 1]


def test_highlighted_article_reproduces_the_text(audit):
    markup = tables.highlighted_article(audit.claims, audit.articles).markup
    text = html.unescape(re.sub(r"<[^>]+>", "", markup.replace("<br>\n", "\n")))
    assert text == audit.articles["ginger-nausea"].strip()
    assert markup.count('class="cc-s ') == len(audit.claims)


def test_title_attribute_escapes_quotes():
    claims = load_claims(FIXTURES / "basic" / "claims.csv")
    claims.loc[0, "rationale"] = 'Says "cures" \' & <b>'
    markup = tables.highlighted_article(claims, {"ginger-nausea": "x" * 500}).markup
    assert 'title="gin-001 · overstated — Says &quot;cures&quot; &#x27; &amp; &lt;b&gt;"' in markup


@pytest.mark.parametrize(
    ("citation", "short"),
    [
        (
            "Vickers AJ, Cronin AM, Maschino AC. Acupuncture for chronic pain. Arch Intern Med 2012;172:1444.",
            "Vickers et al. 2012",
        ),
        ("Madsen MV. Acupuncture treatment for pain. BMJ 2009;338:a3115.", "Madsen 2009"),
        ("NCCIH. Acupuncture: what you need to know.", "NCCIH"),
    ],
)
def test_short_citation(citation, short):
    assert tables.short_citation(citation) == short


def test_source_link_prefers_doi():
    assert (
        tables.source_link({"doi": "10.1/x", "url": "https://a", "pmid": "1"})
        == "https://doi.org/10.1/x"
    )
    assert (
        tables.source_link({"doi": "", "url": "", "pmid": "123"})
        == "https://pubmed.ncbi.nlm.nih.gov/123/"
    )


def test_markdown_quote_neutralises_html_and_markup():
    assert (
        tables.md_quote(f"*bold* 2 * 3 {SCRIPT}")
        == r"bold 2 \* 3 &lt;script&gt;alert\(1\)&lt;/script&gt;"
    )


def test_an_address_in_quoted_text_renders_as_text_without_a_stray_backslash():
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    page = markdown2html_mistune(tables.md_quote("a [landmark study](https://example.org/study) and www.x.org."))
    assert "(https://example.org/study)" in page and "www.x.org" in page
    assert "<a " not in page and "\\" not in page


def test_editor_cards_show_text_as_read_and_mark_drafts(audit):
    claims = audit.claims.copy()
    first = claims["claim_id"] == "gin-001"
    claims.loc[first, "text"] = "Ginger is **clinically proven** to stop [nausea](https://x.org/a)."
    claims.loc[first, "status"] = "draft"
    claims.loc[first, "suggested_revision"] = "Ginger **may** ease [nausea](https://x.org/a)."
    cards = tables.editor_list(claims, audit.evidence)
    card = cards.markup.split("</section>")[-2]  # drafts come after the reviewed rows
    assert "gin-001" in card
    assert "Ginger is clinically proven to stop nausea (https://x.org/a)." in card
    assert "Suggested revision:</strong> Ginger may ease nausea (https://x.org/a).</p>" in card
    assert "**" not in cards.markup and "](" not in cards.markup
    assert "a draft, not yet reviewed" in card
    assert cards.markup.count("a draft, not yet reviewed") == 1
    assert cards.markup.index("Still at draft") < cards.markup.index("gin-001")
    assert not repr(cards).startswith("1. gin-001")
    assert "(+3, draft): Ginger is clinically proven" in repr(cards).split("Still at draft")[1]


def test_several_articles_on_one_page_are_each_named(audit):
    text = audit.articles["ginger-nausea"]
    one = tables.highlighted_article(audit.claims, audit.articles).markup
    assert "cc-article-name" not in one
    two = tables.highlighted_article(audit.claims, {"ginger-nausea": text, "other<b>": "No rows."}).markup
    assert two.count('class="cc-article-name"') == 2
    assert "other&lt;b&gt;</h3>" in two
    assert two.index("ginger-nausea</h3>") < two.index("other&lt;b&gt;</h3>")


def test_display_objects_print_readable_text(audit):
    prose = tables.inventory_summary(audit.claims)
    assert repr(prose).startswith("**11 statements** in 1 article")
    _bundle, meta = prose._repr_mimebundle_()
    assert meta["claimcheck"]["headline"] == headline(audit.claims)
    table = tables.claims_table(audit.claims)
    assert (
        repr(table).splitlines()[1].startswith("gin-001 | title | Ginger Cures Nausea for Everyone")
    )


@pytest.mark.parametrize("variant", ["basic", "script"])
def test_fixtures_are_valid_audits(variant):
    """The fixtures pass the same validation `claimcheck report` runs first."""
    from claimcheck.validate import validate_claims

    f = FIXTURES / variant
    articles = sorted((f / "articles").glob("*.txt"))
    assert validate_claims(f / "claims.csv", article=articles, evidence=f / "evidence.csv") == []


def test_summaries_agree_in_number_and_count_only_rated_rows(audit):
    claims = audit.claims.copy()
    # one overstated mechanism claim, one mechanism claim with no evidence level yet
    mech = claims.index[claims["claim_type"] == "mechanism"]
    claims.loc[mech[1], ["evidence_level", "allowed_certainty", "overstatement", "verdict"]] = ["", pd.NA, pd.NA, ""]
    text = repr(tables.calibration_summary(claims))
    assert "Overstatement is commonest among efficacy claims: 2 of 3." in text  # not mechanism's 1 of 1
    claims.loc[claims["claim_id"] == "gin-005", "verdict"] = "overstated"  # efficacy 3 of 3
    text = repr(tables.calibration_summary(claims))
    assert "Overstatement is commonest among efficacy claims: 3 of 3." in text
    claims.loc[claims["claim_id"] == "gin-005", ["evidence_level", "allowed_certainty", "overstatement", "verdict"]] = [
        "", pd.NA, pd.NA, ""]
    text = repr(tables.calibration_summary(claims))
    assert "Overstatement is commonest among efficacy claims: 2 of 2 with an evidence level." in text
    few = audit.claims[audit.claims["claim_id"].isin(["gin-001", "gin-005", "gin-006"])]  # efficacy x2, context x1
    inv = repr(tables.inventory_summary(few)).split("\n")[0]
    # context is among the commonest kinds, so it is not counted a second time; one overstated row is singular
    assert inv.endswith("The commonest kinds are efficacy (2) and context (1); 0 give advice. **1** statement is overstated.")
    advice = audit.claims.assign(claim_type=["advice"] * 3 + ["efficacy"] * 2 + ["context"] * (len(audit.claims) - 5))
    inv = repr(tables.inventory_summary(advice)).split("\n")[0]
    assert "(3); " not in inv and "give advice" not in inv  # advice and context both among the commonest: said once


def test_index_names_the_article_and_the_claims_table(rendered):
    page = rendered["index.html"]
    assert re.search(r'<p class="cc-source">Article: <strong>[^<]+</strong> · claims table <code>claims.csv</code></p>', page)


def test_two_articles_openings_are_two_sections_not_one(audit):
    claims = pd.concat([audit.claims, audit.claims.assign(article="other", claim_id="o-" + audit.claims["claim_id"])])
    plain = repr(tables.section_table(claims))
    assert "ginger-nausea: (before the first heading)" in plain
    assert "other: (before the first heading)" in plain
    assert "(before the first heading)" in repr(tables.section_table(audit.claims))
    assert "ginger-nausea:" not in repr(tables.section_table(audit.claims))
    assert "2 articles (`ginger-nausea`, `other`)" in repr(tables.inventory_summary(claims))


def test_a_drafts_card_shows_what_changed_and_a_reviewed_card_keeps_its_note_private(audit):
    claims = audit.claims.copy()
    first = claims["claim_id"] == "gin-001"
    claims.loc[first, "reviewer_note"] = "edited; the drafter reads the new text as certainty 1, the row says 4"
    reviewed = tables.editor_list(claims, audit.evidence)
    assert "the drafter reads the new text" not in reviewed.markup
    claims.loc[first, "status"] = "draft"
    card = tables.editor_list(claims, audit.evidence).markup.split("</section>")[-2]
    assert "<strong>Note:</strong> edited; the drafter reads the new text as certainty 1" in card


def test_sources_name_the_evidence_id_the_rationale_uses(audit):
    row = audit.claims[audit.claims["evidence_ids"] != ""].iloc[0]
    key = row["evidence_ids"].split(";")[0].strip()
    markup = tables.editor_list(audit.claims, audit.evidence).markup
    assert f'<code class="cc-id">{key}</code>' in markup


def test_a_markdown_article_is_highlighted_as_read_not_as_typed():
    from claimcheck.draft import draft_claims
    from claimcheck.segment import segment_text

    text = (
        "# Sleep Well\n\n## Why it works\n\n> \"Best sleep ever,\" writes Tom.\n\n"
        "- **Fast:** works in *20* minutes.\n- See [the study](https://x.org/a).\n\n---\n\nBody & more.\n"
    )
    claims = draft_claims(segment_text(text, "sleep"))
    markup = tables.highlighted_article(claims, {"sleep": text}).markup
    shown = html.unescape(re.sub(r"<[^>]+>", "", markup))
    for mark in ("#", "**", "](", "> ", "---", "- "):
        assert mark not in shown, mark
    assert "• Fast: works in 20 minutes." in shown
    assert "• See the study (https://x.org/a)." in shown
    assert "Body &amp; more." in markup


def test_a_nested_list_keeps_its_indentation_on_the_highlighted_page():
    from claimcheck.draft import draft_claims
    from claimcheck.segment import segment_text

    text = "# Sleep\n\n- Keep a routine.\n  - Go to bed at ten.\n    1. Even at weekends.\n- Avoid screens. Really.\n"
    claims = draft_claims(segment_text(text, "s"))
    shown = html.unescape(re.sub(r"<[^>]+>", "", tables.highlighted_article(claims, {"s": text}).markup))
    lines = [ln for ln in shown.splitlines() if ln.strip()]
    indent = {ln.strip(): len(ln) - len(ln.lstrip("\u00a0")) for ln in lines}
    assert indent["• Keep a routine."] == 0
    assert indent["• Go to bed at ten."] == 4  # two columns in the article
    assert indent["1. Even at weekends."] == 8
    assert indent["• Avoid screens. Really."] == 0  # a space between two sentences stays a space


def test_footnote_marks_and_definitions_read_as_numbered_notes_on_the_highlighted_page():
    from claimcheck.draft import draft_claims
    from claimcheck.segment import segment_text

    text = "# Sleep\n\nMagnesium helps some people sleep.[^1]\n\n[^1]: Abbasi B. *J Res Med Sci*. 2012.\n"
    claims = draft_claims(segment_text(text, "s"))
    shown = html.unescape(re.sub(r"<[^>]+>", "", tables.highlighted_article(claims, {"s": text}).markup))
    assert "Magnesium helps some people sleep.[1]" in shown  # the mark stays, so the note can be found
    assert "[1] Abbasi B. J Res Med Sci. 2012." in shown
    assert "[^" not in shown


def test_an_article_with_no_rows_shows_its_text_without_its_front_matter():
    text = "---\ntitle: Sleep\ndraft: true\n---\n\n# Sleep\n\nIt helps.\n"
    empty = pd.DataFrame(columns=["article", "start", "end", "claim_id", "verdict", "rationale", "unit"])
    shown = html.unescape(re.sub(r"<[^>]+>", "", tables.highlighted_article(empty, {"s": text}).markup))
    assert "It helps." in shown
    assert "draft: true" not in shown


def test_a_footnote_label_keeps_its_underscores_in_mark_and_definition_alike():
    from claimcheck.draft import draft_claims
    from claimcheck.segment import segment_text

    text = "# Sleep\n\nIt helps.[^side_effects]\n\n[^side_effects]: Leaflet, *2020*, __p. 4__.\n"
    claims = draft_claims(segment_text(text, "s"))
    shown = html.unescape(re.sub(r"<[^>]+>", "", tables.highlighted_article(claims, {"s": text}).markup))
    assert "It helps.[side_effects]" in shown
    assert "[side_effects] Leaflet, 2020, p. 4." in shown  # wrapping emphasis still goes


def test_a_markdown_table_is_shown_row_by_row_without_its_pipes():
    from claimcheck.draft import draft_claims
    from claimcheck.segment import segment_text

    text = "# Trial\n\n| Dose | Loss |\n|---|:-:|\n| 5 mg | 15% |\n| Placebo | 3% |\n\nBody.\n"
    claims = draft_claims(segment_text(text, "t"))
    assert claims["text"].tolist()[1:4] == ["Dose | Loss", "5 mg | 15%", "Placebo | 3%"]
    shown = html.unescape(re.sub(r"<[^>]+>", "", tables.highlighted_article(claims, {"t": text}).markup))
    assert "---" not in shown
    assert [ln.strip() for ln in shown.splitlines() if "|" in ln] == ["Dose | Loss", "5 mg | 15%", "Placebo | 3%"]


@pytest.mark.parametrize(
    ("gap", "where", "shown"),
    [
        ("\r\n---\r\n\r\n", {}, "<br>\n<br>\n"),  # a rule in a CRLF article
        ("\n\n***", {"last": True}, "<br>\n<br>\n"),  # a rule that ends the article
        ("\n\n- **", {}, "<br>\n<br>\n• "),  # a bullet before a bold statement is no rule
        (" > ", {"line_start": False}, " &gt; "),  # mid-line: a comparison, not a quote mark
    ],
)
def test_markup_between_statements_is_dropped_only_where_it_is_markup(gap, where, shown):
    assert tables._gap(gap, **where) == shown


def test_the_editor_page_says_how_much_is_still_draft_and_keys_the_unrated_colour(audit):
    assert "unrated" not in repr(tables.verdict_legend(audit.claims))
    assert "draft" not in repr(tables.editor_summary(audit.claims))
    claims = audit.claims.copy()
    rows = claims["claim_id"].isin(["gin-002", "gin-011"])
    claims.loc[rows, ["status", "evidence_level", "allowed_certainty", "overstatement", "verdict"]] = [
        "draft", "", pd.NA, pd.NA, ""]
    assert "2 of the 11 statements are still drafts" in repr(tables.editor_summary(claims))
    assert repr(tables.verdict_legend(claims)).endswith(", unrated")


def test_with_several_articles_cards_name_their_article_and_sections_count_per_article(audit):
    one = tables.editor_list(audit.claims, audit.evidence).markup
    assert "<strong>1. gin-001</strong> · title" in one
    other = audit.claims.assign(article="other", claim_id="o-" + audit.claims["claim_id"])
    both = pd.concat([audit.claims, other], ignore_index=True)
    cards = tables.editor_list(both, audit.evidence).markup
    assert "<strong>1. gin-001</strong> · ginger-nausea · title" in cards
    sections = audit.claims.loc[audit.claims["section"] != "", "section"].nunique()
    assert f"under {2 * sections} sections and 2 openings before a first heading" in repr(tables.inventory_summary(both))
    assert f"under {sections} sections and the opening before the first heading." in repr(tables.inventory_summary(audit.claims))


def test_the_inventory_table_marks_rows_still_at_draft(audit):
    claims = audit.claims.copy()
    reviewed = tables.claims_table(claims)
    assert "<em>draft</em>" not in reviewed.markup
    claims.loc[claims["claim_id"] == "gin-002", "status"] = "draft"
    table = tables.claims_table(claims)
    assert table.markup.count("<em>draft</em>") == 1
    assert re.search(r">gin-002<br><em>draft</em></td>", table.markup)
    lines = repr(table).splitlines()
    assert [line.split(" | ")[0] for line in lines if "(draft)" in line] == ["gin-002 (draft)"]


def test_with_several_articles_the_overstated_share_is_given_per_article_too(audit):
    assert "By article" not in repr(tables.calibration_summary(audit.claims))
    other = audit.claims.assign(article="other", claim_id="o-" + audit.claims["claim_id"])
    other.loc[other["verdict"] == "overstated", ["certainty", "verdict"]] = [1, "hedged"]
    h = headline(audit.claims)
    over, checked = h["verdicts"]["overstated"], h["assessed"]
    text = repr(tables.calibration_summary(pd.concat([audit.claims, other], ignore_index=True)))
    assert f"By article: `ginger-nausea` {over} of {checked} ({over / checked:.0%}), `other` 0 of {checked} (0%)." in text


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>", "vbscript:x"])
def test_a_source_url_that_is_not_a_web_address_is_never_a_link(audit, url):
    evidence = audit.evidence.assign(doi="", pmid="", url=url)
    cards = tables.editor_list(audit.claims, evidence).markup
    assert "— link" not in cards  # a source without a web address is named, not linked
    assert 'href="javascript' not in cards.lower() and 'href="data' not in cards.lower() and 'href="vbscript' not in cards.lower()
    assert tables.source_link({"url": url}) == ""
    assert tables.source_link({"url": "https://example.org/trial"}) == "https://example.org/trial"


def test_a_revision_still_too_strong_for_its_evidence_is_marked_for_a_second_look(audit):
    claims = audit.claims.copy()
    card_of = lambda cid: next(c for c in tables.editor_list(claims, audit.evidence).markup.split("</section>") if f"{cid}</strong>" in c)  # noqa: E731
    assert "<strong>Check:</strong>" not in card_of("gin-001")  # "Ginger may ease nausea…": hedged, as allowed
    claims.loc[claims["claim_id"] == "gin-001", "suggested_revision"] = "Ginger eases nausea in most people."
    assert "the drafter reads this revision as unqualified (3), still stronger than the evidence allows (hedged, 1)" in card_of("gin-001")
    claims.loc[claims["claim_id"] == "gin-001", "evidence_level"] = "contradicted"  # the rewrite states the corrected fact
    assert "<strong>Check:</strong>" not in card_of("gin-001")


def test_front_matter_is_not_shown_as_article_text():
    from claimcheck.draft import draft_claims
    from claimcheck.segment import segment_text

    text = "---\ntitle: The Glow Letter\nauthor: Verdant\n---\n# Sleep\n\nMagnesium helps.\n"
    claims = draft_claims(segment_text(text, "g"))
    shown = html.unescape(re.sub(r"<[^>]+>", "", tables.highlighted_article(claims, {"g": text}).markup))
    assert "author" not in shown and "Glow Letter" not in shown
    assert shown.strip().startswith("Sleep")
