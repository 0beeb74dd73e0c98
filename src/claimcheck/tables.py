"""What the notebooks display: generated prose, tables, figures, the highlighted article.

Every object here shows as HTML (or Markdown) to a reader and as readable
plain text to nbval, never as ``<object at 0x…>``. Article text, rationales
and citations are data: they are always HTML-escaped (quotes included, so a
``title`` attribute is safe) before they reach a page.
"""

from __future__ import annotations

import base64
import html
import io
import re
import textwrap
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from claimcheck import plots
from claimcheck.draft import certainty_of
from claimcheck.io import counted, drafts_words, is_are
from claimcheck.schema import CERTAINTY_NAMES, CLAIM_TYPES, VERDICTS, WEB_ADDRESS
from claimcheck.segment import FRONT_MATTER, between_units, plain_text, unmark

# The repository (the package is installed from it in editable mode): benchmark results live there.
_REPO = Path(__file__).resolve().parents[2]

# --- display objects -----------------------------------------------------------------------


class Prose:
    """Markdown prose (its plain text is the same Markdown); ``meta`` goes to the output's "
    "metadata."""

    def __init__(self, markdown: str, meta: Mapping[str, object] | None = None) -> None:
        self.markdown = markdown
        self.meta = dict(meta or {})

    def _repr_mimebundle_(self, include=None, exclude=None):
        data = {"text/markdown": self.markdown, "text/plain": self.markdown}
        return data, ({"claimcheck": self.meta} if self.meta else {})

    def __repr__(self) -> str:
        return self.markdown


class Html:
    """An HTML fragment with a plain-text twin (what nbval compares and a terminal shows)."""

    def __init__(self, markup: str, text: str) -> None:
        self.markup = markup
        self.text = text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.markup, "text/plain": self.text}

    def __repr__(self) -> str:
        return self.text


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes, byte-identical between runs (no software/date metadata)."""
    buf = io.BytesIO()
    with plots.style():
        fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def show(fig: Figure) -> None:
    """Display a figure as an embedded PNG whose text (and alt text) is the figure's label."""
    from IPython.display import display

    alt = fig.get_label() or "figure"
    png = base64.b64encode(figure_png(fig)).decode("ascii")
    display({"image/png": png, "text/plain": alt}, raw=True, metadata={"image/png": {"alt": alt}})


# --- escaping ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~>-])")


def esc(text: object) -> str:
    """HTML-escape, quotes included."""
    return html.escape(str(text), quote=True)


def md_quote(text: str) -> str:
    """Data text made safe inside Markdown: HTML-escaped, Markdown punctuation backslashed.

    An address is kept from the renderer's auto-linking (its colon becomes an entity):
    the link would run on into the backslash of an escaped ")" (walkthrough 6).
    """
    return _NO_AUTOLINK.sub(r"\1&#58;", _MD_SPECIAL.sub(r"\\\1", esc(plain_text(text)))).replace("www.", "www&#46;")


_NO_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto):")


def name_list(names: list[str], show=None, most: int = 5) -> str:
    """Names for a sentence, each through ``show`` (Markdown code by default): the first few, then how many more."""
    shown = ", ".join((show or _md_code)(a) for a in names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def _md_code(name: str) -> str:
    """A file name as Markdown code: shown as typed, never read as markup or HTML."""
    fence = "``" if "`" in name else "`"
    return f"{fence} {name} {fence}" if fence == "``" else f"`{name}`"


def _tint(color: str, amount: float = 0.28) -> str:
    """``color`` mixed with white: the background of highlighted text."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    mix = (round(255 - (255 - c) * amount) for c in (r, g, b))
    return "#" + "".join(f"{c:02X}" for c in mix)


VERDICT_TINTS = {v: _tint(c) for v, c in plots.VERDICT_COLORS.items()}


def level_label(level: str) -> str:
    """An evidence level as a reader sees it: ``very_low`` -> ``very low``, ``n_a`` -> ``n/a``."""
    return "n/a" if level == "n_a" else level.replace("_", " ")


def verdict_badge(verdict: str) -> str:
    v = verdict or plots.UNRATED
    color = plots.VERDICT_COLORS.get(v, plots.UNRATED_COLOR)
    ink = "#FFFFFF" if v in ("overstated", "calibrated", "understated") else "#000000"
    return (
        f'<span class="cc-badge" style="background:{color};color:{ink};padding:0 0.4em;'
        "border-radius:3px;white-space:nowrap;border:1px solid "
        f'{color if v != plots.UNRATED else "#555"}">'
        f"{esc(plots.VERDICT_LABELS[v])}</span>"
    )


def verdict_legend(claims: pd.DataFrame | None = None) -> Html:
    """The verdict colours as a one-line key, the same mapping the charts use.

    Given the claims, the key also names the colour of rows with no verdict yet
    (drafts without an evidence level), when there are any.
    """
    shown = [*VERDICTS, plots.UNRATED] if claims is not None and (claims["verdict"] == "").any() else list(VERDICTS)
    parts = [
        f'<span style="background:{VERDICT_TINTS.get(v, "#FFFFFF")};border-bottom:3px solid '
        f"{plots.VERDICT_COLORS.get(v, '#555555')};"  # unrated: as the highlighted article shows it
        f'padding:0 0.4em;margin-right:0.6em">{esc(plots.VERDICT_LABELS[v])}</span>'
        for v in shown
    ]
    return Html(
        f'<p class="cc-legend">Key: {"".join(parts)}</p>',
        "Key: " + ", ".join(plots.VERDICT_LABELS[v] for v in shown),
    )


# --- headline prose ------------------------------------------------------------------------


def _worst_sentence(h: Mapping[str, object]) -> str:
    top = h["most_overstated"]
    if not top:  # with nothing assessed, the sentence before has said why no verdict is given
        return "No statement asserts more than its evidence allows." if h["assessed"] else ""
    draft = "; a draft, not yet reviewed" if top.get("status", "reviewed") != "reviewed" else ""
    return (
        f"The most overstated statement ({top['claim_id']}{draft}) is worded as *{top['certainty']}* "
        "where the "
        f"evidence is *{level_label(top['evidence_level'])}*, {counted(top['overstatement'], 'level')} "
        "too strong: "
        f"“{md_quote(top['text'])}”"
    )


def _drafts_sentence(h: Mapping[str, object]) -> str:
    """A warning when some rows are unreviewed drafts (empty when every row is reviewed)."""
    if not h["drafts"]:
        return ""
    lead, rest = drafts_words(h["drafts"], h["statements"], h["unrated"])
    return f" **{lead}**: {rest}, so these numbers may change."


def inventory_summary(claims: pd.DataFrame) -> Prose:
    from claimcheck.report import headline

    h = headline(claims)
    units = claims["unit"].value_counts()
    types = claims["claim_type"].value_counts().reindex(list(CLAIM_TYPES), fill_value=0)
    common = types.sort_values(ascending=False, kind="stable")
    sections = len(claims.loc[claims["section"] != "", ["article", "section"]].drop_duplicates())
    openings = int(claims.loc[claims["section"] == "", "article"].nunique())  # rows of the section table too
    opening = (
        "" if not openings
        else " and the opening before the first heading" if openings == 1
        else f" and {openings} openings before a first heading"
    )
    # advice and context, unless the sentence has just counted them as the commonest kinds
    rest = [f"{counted(int(types['advice']), 'gives', 'give')} advice" if "advice" not in common.index[:2] else "",
            f"{counted(int(types['context']), 'is', 'are')} context" if "context" not in common.index[:2] else ""]
    advice = "; " + " and ".join(r for r in rest if r) if any(rest) else ""
    over = h["verdicts"]["overstated"]
    text = (
        f"**{counted(h['statements'], 'statement')}** in {counted(h['articles'], 'article')} "
        f"({name_list(h['article_names'])}): "
        f"{counted(int(units.get('title', 0)), 'title')}, "
        f"{counted(int(units.get('heading', 0)), 'heading')} and "
        f"{counted(int(units.get('sentence', 0)), 'sentence')}, "
        + (f"under {counted(sections, 'section')}{opening}. " if sections else "with no section heading. ")
        + f"The commonest kinds are {common.index[0]} ({int(common.iloc[0])}) and {common.index[1]} "
        f"({int(common.iloc[1])}){advice}. "
        + (f"**{over}** {'statement is' if over == 1 else 'statements are'} overstated." if h["assessed"]
           else "**No statement has an evidence level yet**, so none can be called overstated.")
        + f"{_drafts_sentence(h)}\n\n{_worst_sentence(h)}"
    )
    return Prose(text, {"headline": h})


def _wilson_low(k: pd.Series, n: pd.Series, z: float = 1.96) -> pd.Series:
    """The lower end of the Wilson 95% interval of k/n: 1 of 1 ranks below 15 of 17.

    Ranking claim types by their raw overstated share would name a type with
    one rated statement as the worst; this asks how high the share surely is.
    """
    n = n.where(n > 0)
    p = k / n
    centre = p + z * z / (2 * n)
    margin = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5)
    return (centre - margin) / (1 + z * z / n)


def calibration_summary(claims: pd.DataFrame) -> Prose:
    from claimcheck.report import headline

    h = headline(claims)
    v = h["verdicts"]
    by_type = plots.verdicts_by_type(claims)
    rated = by_type.drop(columns=["unrated"], errors="ignore")  # a row with no evidence level has no verdict yet
    n = rated.sum(axis=1)
    share = (_wilson_low(rated["overstated"], n)).where(n > 0).dropna()
    worst_type = share.sort_values(ascending=False, kind="stable").index[0] if len(share) else None
    type_sentence = (
        f" Overstatement is commonest among {worst_type} claims: "
        f"{int(rated.loc[worst_type, 'overstated'])} of {int(rated.loc[worst_type].sum())}"
        + (" with an evidence level." if int(rated.loc[worst_type].sum()) < int(by_type.loc[worst_type].sum()) else ".")
        if worst_type and by_type.loc[worst_type, "overstated"]
        else ""
    )
    article_sentence = ""
    if h["articles"] > 1:  # one share over an advert and a news report hides both
        parts = []
        for name, rows in claims.groupby("article", sort=False):
            one = headline(rows)
            over, checked = one["verdicts"]["overstated"], one["assessed"]
            parts.append(f"{_md_code(str(name))} " + (f"{over} of {checked} ({one['overstated_share']:.0%})" if checked else "none assessed yet"))
        article_sentence = " By article: " + name_list(parts, show=str) + "."
    over = v["overstated"]
    if not h["assessed"]:
        checked = "No statement has an evidence level to check it against yet, so none is called overstated"
    else:
        checked = f"Of the {counted(h['assessed'], 'statement')} with something to check, " + (
            f"**{over} {is_are(over)} overstated** ({h['overstated_share']:.0%}): "
            f"{'it asserts' if over == 1 else 'they assert'} more certainty than the evidence allows. "
            if over else "**none is overstated**. "
        ) + f"{v['calibrated']} {is_are(v['calibrated'])} calibrated, {v['hedged']} hedged and {v['understated']} understated"
    unchecked = f"; {counted(v['not_assessed'], 'asserts', 'assert')} nothing checkable." if v["not_assessed"] else "."
    text = f"{checked}{unchecked}{type_sentence}{article_sentence}{_drafts_sentence(h)}\n\n{_worst_sentence(h)}"
    return Prose(text, {"headline": h})


def editor_summary(claims: pd.DataFrame) -> Prose:
    from claimcheck.report import headline

    h = headline(claims)
    n = h["verdicts"]["overstated"]
    revised = int(
        (
            (claims["verdict"] == "overstated") & (claims["suggested_revision"].str.strip() != "")
        ).sum()
    )
    lead = (
        f"**{counted(n, 'statement')} to revise**, worst first; {revised} {'comes' if revised == 1 else 'come'} with a suggested "
        "revision. "
        if h["assessed"]
        else "**Nothing to revise yet**: no statement has an evidence level, and a statement is overstated only against "
        "its evidence (set `evidence_level` and `evidence_ids` while reviewing). "
    )
    text = (
        f"{lead}{'Below them' if n else 'Below'}, the whole article with every statement highlighted by its verdict "
        f"(hover over a statement for the reason).{_drafts_sentence(h)}\n\n{_worst_sentence(h)}"
    )
    return Prose(text, {"headline": h})


# --- tables --------------------------------------------------------------------------------

TABLE_STYLE = "border-collapse:collapse;font-size:0.92em;width:100%"
CELL = "border-bottom:1px solid #DDD;padding:3px 6px;vertical-align:top;text-align:left"


def _html_table(
    header: list[str],
    rows: list[list[str]],
    numeric: set[int] = frozenset(),
    nowrap: set[int] = frozenset(),
) -> str:
    def style(i: int) -> str:
        return (
            CELL
            + (";text-align:right" if i in numeric else "")
            + (";white-space:nowrap" if i in nowrap else "")
        )

    head = "".join(
        f'<th style="{style(i)};border-bottom:2px solid #888">{esc(h)}</th>'
        for i, h in enumerate(header)
    )
    body = "\n".join(
        "<tr>"
        + "".join(f'<td style="{style(i)}">{cell}</td>' for i, cell in enumerate(r))
        + "</tr>"
        for r in rows
    )
    return (
        f'<table class="cc-table" style="{TABLE_STYLE}"><thead><tr>{head}</tr></thead>\n'
        f"<tbody>\n{body}\n</tbody></table>"
    )


def _plain_table(header: list[str], rows: list[list[str]]) -> str:
    return "\n".join(" | ".join(r) for r in [header, *rows])


def section_table(claims: pd.DataFrame) -> Html:
    """Statements per section (reading order) and claim type, and each section's overstated count.

    With several articles, a section is named with its article: two articles'
    openings are two rows, not one.
    """
    sec = claims["section"].replace("", "(before the first heading)")
    if claims["article"].nunique() > 1:
        sec = claims["article"] + ": " + sec
    table = pd.crosstab(sec, claims["claim_type"]).reindex(columns=list(CLAIM_TYPES), fill_value=0)
    order = list(dict.fromkeys(sec))
    table = table.reindex(order)
    over = (claims["verdict"] == "overstated").groupby(sec).sum().reindex(order)
    header = ["section", *CLAIM_TYPES, "all", "overstated"]
    rows = [
        [
            str(s),
            *(str(int(table.loc[s, t])) for t in CLAIM_TYPES),
            str(int(table.loc[s].sum())),
            str(int(over[s])),
        ]
        for s in order
    ]
    markup = _html_table(
        header, [[esc(c) for c in r] for r in rows], numeric=set(range(1, len(header)))
    )
    return Html(markup, _plain_table(header, rows))


def claims_table(claims: pd.DataFrame) -> Html:
    """Every statement in reading order: id, text, type, certainty, evidence level, verdict.

    A row still at ``draft`` says so under its id: its labels are the drafter's, not a person's.
    """
    header = ["id", "unit", "statement", "type", "certainty", "evidence", "verdict"]
    rows, plain = [], []
    for r in claims.itertuples(index=False):
        draft = r.status != "reviewed"
        certainty = (
            f"{int(r.certainty)} {CERTAINTY_NAMES[int(r.certainty)]}"
            if pd.notna(r.certainty)
            else ""
        )
        cells = [
            r.claim_id,
            r.unit,
            plain_text(r.text),
            r.claim_type,
            certainty,
            level_label(r.evidence_level),
            r.verdict.replace("_", " "),
        ]
        plain.append([f"{r.claim_id} (draft)" if draft else r.claim_id, *cells[1:]])
        text = esc(cells[2])
        if r.unit != "sentence":
            text = f"<strong>{text}</strong>"
        rows.append(
            [esc(r.claim_id) + ("<br><em>draft</em>" if draft else ""), esc(r.unit)]
            + [text]
            + [esc(c) for c in cells[3:6]]
            + [verdict_badge(r.verdict)]
        )
    return Html(_html_table(header, rows, nowrap={0, 4, 5, 6}), _plain_table(header, plain))


# --- the editor's report -------------------------------------------------------------------

# A publication year as journals print it ("Trials 2011;12:87", "J Altern Complement Med 2006."),
# rather than a year inside a title ("… Survey 2007?") or a count ("1968 cases").
_PUB_YEAR = re.compile(r"\b((?:19|20)\d{2})(?=[;.)]|\s*$)")
_ANY_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_PERSON = re.compile(r"^[^\W\d][\w'’-]*(?: [^\W\d][\w'’-]*)* [A-Z]{1,3}$")


def short_citation(citation: str, fallback: str = "") -> str:
    """``Vickers AJ, Cronin AM, … 2012;…`` -> ``Vickers et al. 2012``.

    An organisation as author, or authors not recorded (``[Authors not captured]``),
    gives the organisation or the title, shortened.
    """
    parts = [p.strip() for p in citation.split(". ") if p.strip()]
    if not parts:
        return fallback
    authors = parts[0]
    first = authors.split(",")[0].split(";")[0].strip()
    if _PERSON.match(first):
        name = first.rsplit(" ", 1)[0] + (
            " et al." if ("," in authors or "et al" in authors) else ""
        )
    elif authors.startswith("[") and len(parts) > 1:
        name = textwrap.shorten(parts[1], width=45, placeholder="…")
    else:
        name = textwrap.shorten(authors, width=45, placeholder="…")
    year = _PUB_YEAR.search(citation) or _ANY_YEAR.search(citation)
    return f"{name} {year.group(1)}" if year else name or fallback


def source_link(row: Mapping[str, str]) -> str:
    """The best link for a source: DOI, else its URL, else PubMed.

    Only a web address becomes a link: a 'javascript:' or 'data:' URL in a hand-edited
    evidence table would run in the reader's browser."""
    doi = (row.get("doi") or "").strip()
    if doi:
        return f"https://doi.org/{doi}"
    if WEB_ADDRESS.fullmatch((row.get("url") or "").strip()):
        return row["url"].strip()
    pmid = (row.get("pmid") or "").strip()
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid else ""


def _sources(ids: str, evidence: pd.DataFrame) -> tuple[str, str]:
    by_id = {r["evidence_id"]: r for r in evidence.to_dict("records")}
    parts, plain = [], []
    for key in [i.strip() for i in ids.split(";") if i.strip()]:
        row = by_id.get(key)
        if row is None:
            parts.append(f"{esc(key)} (not in the evidence file)")
            plain.append(f"{key} (missing)")
            continue
        name = short_citation(row["citation"], key)
        link = source_link(row)
        label = (
            f"doi:{row['doi']}"
            if row.get("doi")
            else ("PMID " + row["pmid"] if row.get("pmid") else "link")
        )
        anchor = f' — <a href="{esc(link)}">{esc(label)}</a>' if link else ""
        # the id too: rationales name sources by it ("vickers2012 found …")
        parts.append(
            f'<span title="{esc(row["citation"])}">{esc(name)}</span> '
            f'<code class="cc-id">{esc(key)}</code>{anchor}'
        )
        plain.append(f"{name} [{key}] ({link})" if link else f"{name} [{key}]")
    return "; ".join(parts) or "none named", "; ".join(plain) or "none named"


def editor_list(claims: pd.DataFrame, evidence: pd.DataFrame) -> Html:
    """Overstated statements, worst first (reviewed before drafts): text, why, sources, revision."""
    from claimcheck.report import worst_first

    worst = worst_first(claims)
    if worst.empty:
        none = "No statement is overstated." if (claims["verdict"] != "").any() else "No statement has an evidence level yet."
        return Html(f"<p>{none}</p>", none)
    cards, plain = [], []
    several = claims["article"].nunique() > 1  # then each card names its article
    drafts_from = len(worst) - int((worst["status"] != "reviewed").sum())  # drafts come last
    for i, r in enumerate(worst.itertuples(index=False), start=1):
        if i == drafts_from + 1:
            head = (
                "Still at draft: the labels below are the drafter's, or from before the text was "
                "edited, so their verdicts may change on review."
            )
            cards.append(f'<p class="cc-drafts-head"><strong>{esc(head)}</strong></p>')
            plain.append(head)
        allowed = CERTAINTY_NAMES[int(r.allowed_certainty)]
        asserted = CERTAINTY_NAMES[int(r.certainty)]
        sources, sources_plain = _sources(r.evidence_ids, evidence)
        revision = plain_text(r.suggested_revision)  # as a reader will see it, like the statement above it
        # the rewrite read alone by the drafter: one still too strong is worth a second look, unless the
        # evidence contradicts the claim (then the rewrite states the corrected fact, at its own level)
        reads = certainty_of(revision) if revision and r.evidence_level != "contradicted" else None
        caution = (
            f"the drafter reads this revision as {CERTAINTY_NAMES[reads]} ({reads}), still stronger than "
            f"the evidence allows ({allowed}, {int(r.allowed_certainty)})"
            if reads is not None and reads > int(r.allowed_certainty) else ""
        )
        draft = r.status != "reviewed"
        # a draft's note says what changed since review ("the drafter reads the new text as …")
        note = r.reviewer_note.strip() if draft else ""
        cards.append(
            '<section class="cc-card" style="border-left:5px solid '
            f"{plots.VERDICT_COLORS['overstated']};"
            f'padding:0.3em 0.9em;margin:0 0 1em 0;background:#FAFAFA">'
            f'<p style="margin:0.3em 0"><strong>{i}. {esc(r.claim_id)}</strong>'
            f"{' · ' + esc(r.article) if several else ''} · {esc(r.unit)}"
            f"{' in “' + esc(r.section) + '”' if r.section else ''} · "
            f"worded <em>{esc(asserted)}</em>, evidence "
            f"<em>{esc(level_label(r.evidence_level))}</em> allows "
            f"<em>{esc(allowed)}</em> · {counted(int(r.overstatement), 'level')} too strong"
            f"{' · <strong>a draft, not yet reviewed</strong>' if draft else ''}</p>"
            '<blockquote style="margin:0.3em 0;padding:0.2em '
            f'0.8em;background:{VERDICT_TINTS["overstated"]}">'
            f"{esc(plain_text(r.text))}</blockquote>"
            f'<p style="margin:0.3em 0"><strong>Why:</strong> {esc(r.rationale) or "—"}</p>'
            f'<p style="margin:0.3em 0"><strong>Sources:</strong> {sources}</p>'
            + (f'<p style="margin:0.3em 0"><strong>Note:</strong> {esc(note)}</p>' if note else "")
            + '<p style="margin:0.3em 0"><strong>Suggested revision:</strong> '
            f"{esc(revision) if revision else '<em>none written yet</em>'}</p>"
            + (f'<p style="margin:0.3em 0"><strong>Check:</strong> {esc(caution)}</p>' if caution else "")
            + "</section>"
        )
        plain.append(
            f"{i}. {r.claim_id} (+{int(r.overstatement)}{', draft' if draft else ''}): {plain_text(r.text)}\n"
            f"   why: {r.rationale}\n   sources: {sources_plain}\n"
            + (f"   note: {note}\n" if note else "")
            + "   revision: "
            f"{revision or '(none)'}"
            + (f"\n   check: {caution}" if caution else "")
        )
    return Html("\n".join(cards), "\n".join(plain))


_INDENT = re.compile(r"[ \t]+")


def _gap(text: str, line_start: bool = True, last: bool = False) -> str:
    """Text between statements as read (segment.between_units), escaped, its line breaks kept (blank line = paragraph).

    A line's indentation is kept as non-breaking spaces (two per column, a tab
    four columns), so a nested list item stands in from its parent as in the article.
    """
    lines = between_units(text, line_start, last).split("\n")
    out = []
    for i, line in enumerate(lines):
        m = _INDENT.match(line) if (i or line_start) else None
        # indentation before text, or before the statement that follows on this line
        if m and (m.end() < len(line) or (i == len(lines) - 1 and not last)):
            cols = len(m.group().expandtabs(4))
            out.append("&nbsp;" * (2 * cols) + esc(line[m.end() :]))
        else:
            out.append(esc(line))
    return "<br>\n".join(out)


def highlighted_article(claims: pd.DataFrame, articles: Mapping[str, str]) -> Html:
    """Each article's full text, every statement highlighted by verdict, its rationale on hover.

    Text between statements (blank lines, list markers) is kept as is; the
    page shows the article's own line breaks.
    """
    blocks, plain = [], []
    for slug, text in articles.items():
        rows = claims[claims["article"] == slug].sort_values("start", kind="stable")
        out, pos = [], 0
        for r in rows.itertuples(index=False):
            start, end = int(r.start), int(r.end)
            if start < pos:  # overlapping rows: validation reports them; never print text twice
                continue
            gap = FRONT_MATTER.sub("", text[:start], count=1) if pos == 0 else text[pos:start]  # settings, not text
            out.append(_gap(gap, line_start=pos == 0 or text[pos - 1] in "\r\n"))
            v = r.verdict or plots.UNRATED
            tip = f"{r.claim_id} · {plots.VERDICT_LABELS[v]}"
            if r.rationale:
                tip += f" — {r.rationale}"
            color = plots.VERDICT_COLORS.get(v, "#555555")
            bg = VERDICT_TINTS.get(v, "#FFFFFF")
            weight = "font-weight:bold;font-size:1.1em;" if r.unit != "sentence" else ""
            out.append(
                f'<span class="cc-s cc-{esc(v)}" title="{esc(tip)}" '
                f'style="{weight}background:{bg};border-bottom:2px solid '
                f'{color}">{esc(unmark(text[start:end], footnote_marks=True))}</span>'
            )
            pos = end
        tail = FRONT_MATTER.sub("", text, count=1) if pos == 0 else text[pos:]  # an article with no rows
        out.append(_gap(tail, line_start=pos == 0 or text[pos - 1] in "\r\n", last=True))
        if len(articles) > 1:  # several articles on one page: each under its own name
            blocks.append(f'<h3 class="cc-article-name">{esc(slug)}</h3>')
        blocks.append(
            f'<article class="cc-article" style="line-height:1.75;max-width:46em;font-size:1.05em;'
            f'font-family:Georgia,serif">{"".join(out).strip()}</article>'
        )
        counts = rows["verdict"].replace("", plots.UNRATED).value_counts()
        plain.append(
            f"{slug}: {len(rows)} statements highlighted ("
            + ", ".join(
                f"{int(counts[v])} {plots.VERDICT_LABELS[v]}"
                for v in (*VERDICTS, plots.UNRATED)
                if v in counts
            )
            + ")"
        )
    return Html("\n".join(blocks), "\n".join(plain))


# --- 04: the drafter against the reviewed labels -------------------------------------------


def _pct(x: float) -> str:
    return "n/a" if x != x else f"{x:.0%}"


def _num(x: float) -> str:
    return "n/a" if x != x else f"{x:.2f}"


def agreement_summary(pairs: pd.DataFrame) -> Prose:
    """The drafter's agreement with the reviewed labels, in one paragraph (numbers from code)."""
    from claimcheck.agreement import disagreements, metrics

    m = metrics(pairs)
    if not m["statements"]:
        return Prose(
            "No statement in this claims table is marked *reviewed*: there is nothing to compare "
            "the drafter with yet."
        )
    n_dis = len(disagreements(pairs))
    text = (
        f"The drafter, reading the wording of the **{counted(m['statements'], 'reviewed statement')}** "
        f"only, gives the reviewed claim type to {_pct(m['type_accuracy'])} of them "
        f"(macro-F1 **{_num(m['type_macro_f1'])}**) and the reviewed certainty to "
        f"{_pct(m['certainty_accuracy'])} (quadratic weighted κ **{_num(m['certainty_qwk'])}**). "
        f"{counted(n_dis, 'statement')} {'differs' if n_dis == 1 else 'differ'} in type, certainty or both."
        + (
            f" From {counted(m['statements'], 'reviewed statement')} these figures say little; they firm up past 50 or so."
            if m["statements"] < 20
            else ""
        )
    )
    return Prose(text)


def disagreement_table(pairs: pd.DataFrame) -> Html | Prose:
    """The statements where draft and review differ, with the rules the drafter applied."""
    from claimcheck.agreement import disagreements

    dis = disagreements(pairs)
    if dis.empty:
        return Prose("The drafter agrees with every reviewed statement: nothing to list.")
    header = ["id", "statement", "reviewed", "draft", "why the drafter said so"]
    plain, rows = [], []
    for r in dis.itertuples(index=False):
        reviewed = f"{r.reviewed_type} / {r.reviewed_certainty}"
        drafted = f"{r.draft_type} / {r.draft_certainty}"
        why = r.draft_rules.replace("; ", "\n")
        cells = [r.claim_id, plain_text(r.text), reviewed, drafted, why]
        plain.append([*cells[:4], r.draft_rules])

        def mark(ok: bool, s: str) -> str:
            return esc(s) if ok else f"<strong>{esc(s)}</strong>"

        rows.append(
            [
                esc(r.claim_id),
                esc(cells[1]),
                esc(reviewed),
                mark(r.reviewed_type == r.draft_type, r.draft_type)
                + " / "
                + mark(r.reviewed_certainty == r.draft_certainty, str(r.draft_certainty)),
                "<br>".join(esc(x) for x in why.split("\n")),
            ]
        )
    return Html(_html_table(header, rows, nowrap={0, 2, 3}), _plain_table(header, plain))


# The agreement measures shown for each labelled set: (label, key in the set's result, kind).
AGREEMENT_MEASURES = (
    ("statements", "rows", "int"),
    ("claim_type accuracy", "type_accuracy", "share"),
    ("claim_type macro-F1", "type_macro_f1", "num"),
    ("certainty accuracy", "certainty_accuracy", "share"),
    ("certainty quadratic weighted κ", "certainty_qwk", "num"),
)
# The benchmark numbers shown, per result file: (label, path of keys in the JSON, kind).
# The held-out rounds of "agreement" are read from the file itself (_heldout_rows).
BENCHMARK_ROWS: dict[str, list[tuple[str, tuple[str, ...], str]]] = {
    "agreement": [
        (f"{part}: {label}", (key, metric), kind)
        for key, part in (("reviewed", "data/claims.csv, reviewed"), ("own", "drafter test articles"))
        for label, metric, kind in AGREEMENT_MEASURES
    ],
    "external-dev": [
        ("Pei 2021, Spearman ρ (draft)", ("pei2021", "draft_spearman"), "num"),
        ("Pei 2021, Spearman ρ (cue-count floor)", ("pei2021", "floor_spearman"), "num"),
        ("Yu 2019, macro-F1 (draft)", ("yu2019", "draft", "macro_f1"), "num"),
        ("Yu 2019, macro-F1 (floor)", ("yu2019", "floor", "macro_f1"), "num"),
    ],
    "speed": [
        ("statements per second, end to end", ("end_to_end_statements_per_s",), "int"),
        ("target, statements per second", ("target_statements_per_s",), "int"),
    ],
}
BENCHMARK_ROWS["external-test"] = BENCHMARK_ROWS["external-dev"]


def benchmark_results(folder: str | Path | None = None) -> dict[str, dict]:
    """The benchmark result files (``benchmarks/results/*.json`` of the repository), by name."""
    import json

    folder = Path(folder) if folder is not None else _REPO / "benchmarks" / "results"
    if not folder.is_dir():
        return {}
    return {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(folder.glob("*.json"))}


def _dig(data: object, keys: tuple[str, ...]) -> object:
    for k in keys:
        if not isinstance(data, dict) or k not in data:
            return None
        data = data[k]
    return data


def _round_number(key: str) -> int:
    """``heldout`` is round 1, ``heldout<n>`` round n."""
    return int(key[7:] or 1)


def _round_keys(agreement: dict) -> list[str]:
    """The held-out round keys of an agreement result, in round order."""
    return sorted((k for k in agreement if re.fullmatch(r"heldout\d*", k)), key=_round_number)


def _first_measurement(result: dict) -> dict:
    """A round's frozen measurement labelled "first" (else its earliest one), or {}."""
    frozen = result.get("first_measurement") or [["", {}]]
    return next((m for label, m in frozen if label.startswith("first")), frozen[0][1])


HELDOUT_COLUMNS = ("type_first", "type_now", "type_human", "certainty_first", "certainty_now", "certainty_human")


def heldout_frame(folder: str | Path | None = None) -> pd.DataFrame:
    """One row per held-out round, in round order: ``round``, ``statements`` and
    :data:`HELDOUT_COLUMNS` (type macro-F1 and certainty kappa at first sight,
    now and between two people; NaN where there is no such measurement).

    First sight is the measurement frozen before any rule was written from the
    round (the entry labelled "first"), the honest estimate for a new article;
    "now" is flattered by rules written from the round's own misses.
    """
    agreement = benchmark_results(folder).get("agreement", {})
    rows = []
    for k in _round_keys(agreement):
        r = agreement[k]
        first = _first_measurement(r)
        human = r.get("second_annotator") or {}
        row: dict[str, object] = {"round": _round_number(k), "statements": int(r.get("rows", 0))}
        for prefix, metric in (("type", "type_macro_f1"), ("certainty", "certainty_qwk")):
            for suffix, d in (("first", first), ("now", r), ("human", human)):
                v = d.get(metric)
                row[f"{prefix}_{suffix}"] = float(v) if isinstance(v, int | float) and not isinstance(v, bool) else float("nan")
        rows.append(row)
    return pd.DataFrame(rows, columns=["round", "statements", *HELDOUT_COLUMNS])


def heldout_rounds(folder: str | Path | None = None) -> Html | Prose:
    """:func:`heldout_frame` as a table, or a sentence saying there are no results."""
    frame = heldout_frame(folder)
    if frame.empty:
        return Prose("No held-out results were found (`benchmarks/results/agreement.json`): run `make bench`.")
    rows = [
        [f"round {r['round']}", f"{r['statements']:,}"] + ["–" if pd.isna(r[c]) else f"{r[c]:.2f}" for c in HELDOUT_COLUMNS]
        for r in frame.to_dict("records")
    ]
    header = [
        "held-out round", "statements",
        "type F1, first sight", "type F1, now", "type F1, two people",
        "certainty κ, first sight", "certainty κ, now", "certainty κ, two people",
    ]
    markup = _html_table(header, [[esc(c) for c in r] for r in rows], numeric=set(range(1, 8)))
    return Html(markup, _plain_table(header, rows))


def _heldout_rows(agreement: dict) -> list[tuple[str, tuple[str, ...], str]]:
    """BENCHMARK_ROWS-style rows for every held-out round in an agreement result, in round order.

    A round is "first sight" while its numbers are still the frozen first
    measurement, and "post hoc" once rules written later have moved them.
    """
    rows = []
    for k in _round_keys(agreement):
        r, first = agreement[k], _first_measurement(agreement[k])
        moved = any(round(r.get(m, 0.0), 3) != first.get(m) for m in ("type_macro_f1", "certainty_qwk"))
        part = f"held-out round {_round_number(k)} ({'post hoc' if moved else 'first sight'})"
        rows += [(f"{part}: {label}", (k, metric), kind) for label, metric, kind in AGREEMENT_MEASURES]
    return rows


def benchmark_table(folder: str | Path | None = None) -> Html | Prose:
    """The committed benchmark numbers (``make bench``), or a sentence saying there are none."""
    results = benchmark_results(folder)
    rows = []
    for name, data in results.items():
        specs = BENCHMARK_ROWS.get(name, []) + (_heldout_rows(data) if name == "agreement" else [])
        for label, keys, kind in specs:
            v = _dig(data, keys)
            if not isinstance(v, int | float) or isinstance(v, bool):
                continue
            shown = f"{v:.0%}" if kind == "share" else f"{v:,.0f}" if kind == "int" else f"{v:.2f}"
            rows.append([name, label, shown])
    if not rows:
        return Prose(
            "No benchmark results were found (`benchmarks/results/*.json`): run `make bench` "
            "to measure the drafter on the larger sets."
        )
    header = ["benchmark", "measure", "value"]
    markup = _html_table(header, [[esc(c) for c in r] for r in rows], numeric={2})
    return Html(markup, _plain_table(header, rows))
