"""Step 4, in pictures: the charts of the notebooks and the rendered report.

Every chart is a pair: a data function that returns the numbers drawn (tested
directly, because nbval never compares images) and a ``plot_*`` function that
takes the claims table and returns a :class:`matplotlib.figure.Figure`.

Figures are built without pyplot, so nothing is shown or kept alive behind the
caller's back: a notebook shows one with :func:`claimcheck.tables.show`. Each
figure's label (``fig.get_label()``) is a one-line description with the
numbers drawn; it becomes the image's alt text and the text nbval compares.

One colour per verdict, everywhere: :data:`VERDICT_COLORS`, from the
Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), which stays
distinguishable under the common colour-vision deficiencies.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from claimcheck.io import counted
from claimcheck.schema import ALLOWED_CERTAINTY, CERTAINTY_NAMES, CLAIM_TYPES, UNITS, VERDICTS
from claimcheck.segment import plain_text

# Okabe–Ito: vermillion, bluish green, sky blue, blue, and a neutral grey.
VERDICT_COLORS: dict[str, str] = {
    "overstated": "#D55E00",
    "calibrated": "#009E73",
    "hedged": "#56B4E9",
    "understated": "#0072B2",
    "not_assessed": "#BBBBBB",
}
# A draft row with no evidence level yet has no verdict; drawn white with an outline.
UNRATED = "unrated"
UNRATED_COLOR = "#FFFFFF"
VERDICT_LABELS: dict[str, str] = {v: v.replace("_", " ") for v in (*VERDICTS, UNRATED)}
# Text on a verdict colour: white on the dark ones, black on the light ones.
_INK = {"overstated": "white", "calibrated": "white", "understated": "white"}

# Evidence levels from weakest to strongest, as the calibration grid's columns
# (n_a rows assert nothing checkable and are left out of the grid).
GRID_LEVELS: tuple[str, ...] = ("contradicted", "none", "very_low", "low", "moderate", "high")
OVERSTATED_SHADE = "#F6D5C0"  # vermillion at ~25 % on white

# Fixed fonts and sizes: DejaVu Sans ships with matplotlib, so every machine
# draws the same glyphs.
STYLE: dict[str, object] = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "svg.hashsalt": "claimcheck",
}
WIDTH = 10.0  # inches; 1000 px at 100 dpi, fits a 1200 px page with margins


@contextmanager
def style() -> Iterator[None]:
    """The charts' fixed rc settings, for building and for saving a figure."""
    with mpl.rc_context(STYLE):
        yield


def _verdict(claims: pd.DataFrame) -> pd.Series:
    return claims["verdict"].replace("", UNRATED)


def _verdict_columns(counts: pd.DataFrame) -> list[str]:
    extra = [UNRATED] if UNRATED in counts.columns and counts[UNRATED].sum() else []
    return [*VERDICTS, *extra]


def _legend_handles(verdicts: list[str]) -> list[Patch]:
    return [
        Patch(
            facecolor=VERDICT_COLORS.get(v, UNRATED_COLOR),
            edgecolor="#555555",
            linewidth=0.5,
            label=VERDICT_LABELS[v],
        )
        for v in verdicts
    ]


def _counts(claims: pd.DataFrame, by: str, order: list[str]) -> pd.DataFrame:
    table = pd.crosstab(claims[by], _verdict(claims))
    table = table.reindex(index=order, columns=[*VERDICTS, UNRATED], fill_value=0)
    table.index.name, table.columns.name = by, "verdict"
    return table.astype("int64")


# --- 01: what the article says -------------------------------------------------------------


def inventory_counts(claims: pd.DataFrame) -> dict[str, pd.Series]:
    """Statements per claim type and per unit, every category listed, fixed order."""
    return {
        "claim_type": claims["claim_type"].value_counts().reindex(list(CLAIM_TYPES), fill_value=0),
        "unit": claims["unit"].value_counts().reindex(list(UNITS), fill_value=0),
    }


def plot_inventory(claims: pd.DataFrame) -> Figure:
    """Two bar charts: statements per claim type, statements per unit."""
    counts = inventory_counts(claims)
    with style():
        fig = Figure(figsize=(WIDTH, 3.4), layout="constrained")
        axes = fig.subplots(1, 2, width_ratios=[2, 1])
        titles = {"claim_type": "Statements by claim type", "unit": "Statements by unit"}
        for ax, (key, series) in zip(axes, counts.items(), strict=True):
            labels = list(series.index)[::-1]
            values = list(series.to_numpy())[::-1]
            bars = ax.barh(labels, values, color="#666666")
            ax.bar_label(bars, padding=3)
            ax.set_title(titles[key], loc="left")
            ax.set_xlabel("statements")
            ax.set_ylabel(key.replace("_", " "))
            ax.set_xlim(0, max(max(values), 1) * 1.15)
            ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    parts = "; ".join(
        f"{k.replace('_', ' ')}: " + ", ".join(f"{i} {n}" for i, n in s.items())
        for k, s in counts.items()
    )
    fig.set_label(f"Statements by {parts}.")
    return fig


# --- 02 (a): verdicts per claim type -------------------------------------------------------


def verdicts_by_type(claims: pd.DataFrame) -> pd.DataFrame:
    """Counts, one row per claim type (schema order), one column per verdict (+ unrated)."""
    return _counts(claims, "claim_type", list(CLAIM_TYPES))


def plot_verdicts_by_type(claims: pd.DataFrame) -> Figure:
    """Horizontal stacked bars: for each claim type, its statements split by verdict."""
    counts = verdicts_by_type(claims)
    verdicts = _verdict_columns(counts)
    rows = list(counts.index)[::-1]  # first claim type at the top
    with style():
        fig = Figure(figsize=(WIDTH, 3.8), layout="constrained")
        ax = fig.subplots()
        left = pd.Series(0, index=rows)
        for v in verdicts:
            values = counts.loc[rows, v]
            bars = ax.barh(
                rows,
                values,
                left=left,
                color=VERDICT_COLORS.get(v, UNRATED_COLOR),
                edgecolor="white" if v in VERDICT_COLORS else "#555555",
                linewidth=0.8,
                label=VERDICT_LABELS[v],
            )
            ax.bar_label(
                bars,
                labels=[str(n) if n else "" for n in values],
                label_type="center",
                color=_INK.get(v, "black"),
                fontsize=9,
            )
            left = left + values
        ax.set_title("Verdict by claim type", loc="left")
        ax.set_xlabel("statements")
        ax.set_ylabel("claim type")
        ax.set_xlim(0, max(int(left.max()), 1) * 1.05)
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        fig.legend(handles=_legend_handles(verdicts), loc="outside right upper", title="verdict")
    over = counts["overstated"]
    fig.set_label(
        "Verdict by claim type: "
        + "; ".join(
            f"{t} {int(counts.loc[t].sum())} ({int(over[t])} overstated)" for t in counts.index
        )
        + "."
    )
    return fig


# --- 02 (b): calibration grid --------------------------------------------------------------


def calibration_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Statements per (asserted certainty, evidence level); rows 0–4, columns :data:`GRID_LEVELS`.

    Rows whose evidence level is ``n_a`` or blank are not in the grid.
    """
    graded = claims[claims["evidence_level"].isin(GRID_LEVELS) & claims["certainty"].notna()]
    table = pd.crosstab(graded["certainty"].astype("int64"), graded["evidence_level"])
    table = table.reindex(
        index=range(len(CERTAINTY_NAMES)), columns=list(GRID_LEVELS), fill_value=0
    )
    table.index.name, table.columns.name = "certainty", "evidence_level"
    return table.astype("int64")


def cell_kind(certainty: int, evidence_level: str) -> str:
    """``calibrated`` on the diagonal (what the evidence allows), ``overstated`` above, else "
    "``below``."""
    allowed = ALLOWED_CERTAINTY[evidence_level]
    if certainty == allowed:
        return "calibrated"
    return "overstated" if certainty > allowed else "below"


def _diagonal_legend(fig: Figure, on: str, off: str, linewidth: float) -> None:
    """The legend of a grid whose outlined diagonal is agreement and shaded cells are not."""
    handles = [
        Patch(facecolor="white", edgecolor=VERDICT_COLORS["calibrated"], linewidth=linewidth, label=on),
        Patch(facecolor=OVERSTATED_SHADE, edgecolor="#CCCCCC", label=off),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=2)


def plot_calibration(claims: pd.DataFrame) -> Figure:
    """The calibration grid: certainty asserted (rows) against evidence level (columns)."""
    counts = calibration_counts(claims)
    left_out = int((~claims["evidence_level"].isin(GRID_LEVELS)).sum())
    with style():
        fig = Figure(figsize=(WIDTH, 5.6), layout="constrained")
        ax = fig.subplots()
        for i, level in enumerate(counts.columns):
            for c in counts.index:
                kind = cell_kind(c, level)
                n = int(counts.loc[c, level])
                ax.add_patch(
                    Rectangle(
                        (i, c),
                        1,
                        1,
                        facecolor=OVERSTATED_SHADE if kind == "overstated" else "white",
                        edgecolor="#CCCCCC",
                        linewidth=0.8,
                    )
                )
                ax.text(
                    i + 0.5,
                    c + 0.5,
                    str(n) if n else "·",
                    ha="center",
                    va="center",
                    fontsize=15 if n else 11,
                    fontweight="bold" if n else "normal",
                    color=VERDICT_COLORS["overstated"]
                    if kind == "overstated" and n
                    else "#222222"
                    if n
                    else "#999999",
                )
        # The diagonal: the certainty each level allows, outlined in the calibrated colour.
        for i, level in enumerate(counts.columns):
            ax.add_patch(
                Rectangle(
                    (i + 0.04, ALLOWED_CERTAINTY[level] + 0.04),
                    0.92,
                    0.92,
                    fill=False,
                    edgecolor=VERDICT_COLORS["calibrated"],
                    linewidth=2.5,
                )
            )
        ax.set_xlim(0, len(counts.columns))
        ax.set_ylim(0, len(counts.index))
        ax.set_xticks(
            [i + 0.5 for i in range(len(counts.columns))],
            [lv.replace("_", " ") for lv in counts.columns],
        )
        ax.set_yticks(
            [c + 0.5 for c in counts.index], [f"{c} {CERTAINTY_NAMES[c]}" for c in counts.index]
        )
        ax.tick_params(length=0)
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
        ax.set_xlabel(
            "evidence level (GRADE certainty of the best evidence for the claim as worded)"
        )
        ax.set_ylabel("certainty the wording asserts")
        ax.set_title("Asserted certainty against evidence", loc="left")
        _diagonal_legend(fig, "asserts what the evidence allows", "asserts more: overstated", 2.5)
        if left_out:
            ax.text(
                1.0,
                1.01,
                # two lines: one would run past a narrow grid's edge
                f"not in the grid: {left_out} statements\nwith nothing to check (n_a) or no level yet",
                transform=ax.transAxes,
                ha="right",
                va="bottom",
                fontsize=8,
                color="#555555",
            )
    total = int(counts.to_numpy().sum())
    over = sum(
        int(counts.loc[c, lv])
        for lv in counts.columns
        for c in counts.index
        if cell_kind(c, lv) == "overstated"
    )
    diag = sum(int(counts.loc[ALLOWED_CERTAINTY[lv], lv]) for lv in counts.columns)
    below = total - diag - over
    fig.set_label(
        f"Calibration grid: {total} statements with an evidence level; {diag} on the diagonal, "
        f"{over} above it (overstated), {below} below it (worded more cautiously than the evidence "
        f"allows: calibrated or hedged one level below, understated two or more); {left_out} not in the grid (n_a or unrated)."
    )
    return fig


# --- 02 (c): the article as a strip --------------------------------------------------------


def strip_data(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per statement in reading order: article, position (0-based), unit, verdict, label."""
    rows = []
    for article, group in claims.groupby("article", sort=False):
        g = group.sort_values("start", kind="stable")
        for pos, (unit, verdict, text) in enumerate(
            zip(g["unit"], _verdict(g), g["text"], strict=True)
        ):
            rows.append((article, pos, unit, verdict, text))
    return pd.DataFrame(rows, columns=["article", "position", "unit", "verdict", "text"])


def _short(text: str, width: int) -> str:
    return textwrap.shorten(plain_text(text), width=width, placeholder="…")


LABEL_CHARS = 28  # heading labels above the strip are cut to this many characters
_CHAR_WIDTH = 0.62  # a DejaVu Sans character's mean width, in font sizes (for placing labels)


def heading_rows(
    positions: list[int], labels: list[str], cell_px: float, fontsize: float = 8
) -> list[int]:
    """Each heading label's row (0 = nearest the strip): the lowest row where it overlaps "
    "nothing."""
    ends: list[float] = []  # per row, where its last label ends (in cells)
    rows = []
    for pos, label in zip(positions, labels, strict=True):
        width = (
            (len(label) + 1) * fontsize * _CHAR_WIDTH * (100 / 72) / cell_px
        )  # points -> px -> cells
        row = next((r for r, end in enumerate(ends) if end <= pos), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = pos + width
        rows.append(row)
    return rows


def plot_article_strip(claims: pd.DataFrame) -> Figure:
    """Each article as a row of cells in reading order, coloured by verdict; headings labelled.

    Labels are horizontal, stacked in as many rows as needed so none overlap,
    each tied to its cell by a thin line.
    """
    data = strip_data(claims)
    articles = list(dict.fromkeys(data["article"])) or [""]
    longest = max(int(data.groupby("article").size().max()), 1) if len(data) else 1
    present = [v for v in (*VERDICTS, UNRATED) if (data["verdict"] == v).any()]
    cell_px = (WIDTH - 0.4) * STYLE["figure.dpi"] / (longest + 0.5)
    layout = []
    for article in articles:
        d = data[data["article"] == article]
        marks = d[d["unit"] != "sentence"]
        labels = [_short(t, LABEL_CHARS) for t in marks["text"]]
        layout.append((d, marks, labels, heading_rows(list(marks["position"]), labels, cell_px)))
    nrows = [max(rows, default=-1) + 1 for *_, rows in layout]
    row_h = 0.55  # label rows, in strip heights
    with style():
        heights = [1.0 + 0.22 * n + 0.55 for n in nrows]
        fig = Figure(figsize=(WIDTH, 0.9 + sum(heights)), layout="constrained")
        axes = fig.subplots(len(articles), 1, squeeze=False, height_ratios=heights)[:, 0]
        for ax, article, (d, marks, labels, rows), n in zip(
            axes, articles, layout, nrows, strict=True
        ):
            for pos, verdict in zip(d["position"], d["verdict"], strict=True):
                ax.add_patch(
                    Rectangle(
                        (pos, 0),
                        1,
                        1,
                        facecolor=VERDICT_COLORS.get(verdict, UNRATED_COLOR),
                        edgecolor="white" if verdict in VERDICT_COLORS else "#555555",
                        linewidth=0.6,
                    )
                )
            for pos, unit, label, row in zip(
                marks["position"], marks["unit"], labels, rows, strict=True
            ):
                y = 1.35 + row * row_h
                ax.plot([pos + 0.5, pos + 0.5], [1.12, y - 0.05], color="#444444", linewidth=0.7)
                ax.plot([pos + 0.5], [1.12], marker="v", color="black", markersize=6)
                ax.text(
                    pos + 0.5 - 4 / cell_px,
                    y,
                    label,
                    ha="left",
                    va="bottom",
                    fontsize=8,
                    fontweight="bold" if unit == "title" else "normal",
                )
            ax.set_xlim(0, longest + 0.5)
            ax.set_ylim(0, 1.35 + max(n, 1) * row_h)
            ax.set_yticks([])
            step = 10 if len(d) > 30 else 5 if len(d) > 10 else 1
            ticks = list(range(0, len(d), step))
            ax.set_xticks([t + 0.5 for t in ticks], [str(t + 1) for t in ticks])
            ax.tick_params(axis="x", length=3)
            ax.set_xlabel(
                f"statement in reading order ({article})"
                if article
                else "statement in reading order"
            )
            ax.spines["left"].set_visible(False)
        fig.suptitle(
            "The article in reading order, one cell per statement (▼ title and headings)",
            x=0.01,
            ha="left",
            fontsize=12,
            fontweight="bold",
        )
        if present:
            fig.legend(
                handles=_legend_handles(present), loc="outside lower center", ncols=len(present)
            )
    counts = data["verdict"].value_counts()
    fig.set_label(
        f"Article strip: {counted(len(data), 'statement')} in {counted(data['article'].nunique(), 'article')}; "
        + ", ".join(f"{int(counts[v])} {VERDICT_LABELS[v]}" for v in present)
        + f"; {int((data['unit'] != 'sentence').sum())} title and heading cells marked."
    )
    return fig


# --- 02 (d): the cues ----------------------------------------------------------------------

CUE_KINDS = {"hedge_cues": "hedge", "boosters": "booster"}


def cue_counts(claims: pd.DataFrame, top: int = 10) -> pd.DataFrame:
    """For each hedge and booster cue: statements carrying it, split by verdict.

    Columns: ``kind`` (hedge/booster), ``cue``, ``statements``, one column per
    verdict. A cue's weight is the number of statements whose level it sets;
    the ``top`` heaviest of each kind are kept, ties broken alphabetically.
    """
    frames = []
    for column, kind in CUE_KINDS.items():
        cues = claims[column].str.split(";").explode().str.strip()
        long = pd.DataFrame({"cue": cues, "verdict": _verdict(claims).loc[cues.index]})
        # A cue counts once per statement, however often the statement repeats it.
        long = long[long["cue"].fillna("") != ""].reset_index().drop_duplicates(["index", "cue"])
        if long.empty:
            continue
        table = pd.crosstab(long["cue"], long["verdict"]).reindex(
            columns=[*VERDICTS, UNRATED], fill_value=0
        )
        table.insert(0, "statements", table.sum(axis=1))
        table = (
            table.reset_index()
            .sort_values(["statements", "cue"], ascending=[False, True])
            .head(top)
        )
        table.insert(0, "kind", kind)
        frames.append(table)
    columns = ["kind", "cue", "statements", *VERDICTS, UNRATED]
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)[columns]
    out.columns.name = None
    return out


def plot_cues(claims: pd.DataFrame, top: int = 10) -> Figure:
    """Side by side: the heaviest hedge cues and boosters, bars split by verdict."""
    counts = cue_counts(claims, top)
    verdicts = [v for v in (*VERDICTS, UNRATED) if v in counts and counts[v].sum()] or [
        "overstated"
    ]
    with style():
        fig = Figure(figsize=(WIDTH, 1.6 + 0.32 * max(top, 4)), layout="constrained")
        axes = fig.subplots(1, 2, sharex=True)
        for ax, kind in zip(axes, ("hedge", "booster"), strict=True):
            d = counts[counts["kind"] == kind].iloc[::-1]
            left = pd.Series(0, index=d.index)
            for v in verdicts:
                ax.barh(
                    d["cue"],
                    d[v],
                    left=left,
                    color=VERDICT_COLORS.get(v, UNRATED_COLOR),
                    edgecolor="white" if v in VERDICT_COLORS else "#555555",
                    linewidth=0.8,
                )
                left = left + d[v]
            for y, n in enumerate(d["statements"]):
                ax.text(n + 0.1, y, str(int(n)), va="center", fontsize=9)
            ax.set_title(f"{kind.capitalize()} cues", loc="left", fontsize=11)
            ax.set_xlabel("statements carrying the cue")
            ax.set_ylabel(f"{kind} cue")
            if d.empty:
                ax.text(
                    0.5,
                    0.5,
                    f"no {kind} cues recorded",
                    transform=ax.transAxes,
                    ha="center",
                    color="#777777",
                )
                ax.set_yticks([])
        most = int(counts["statements"].max()) if len(counts) else 1
        axes[0].set_xlim(0, most * 1.12 + 0.5)
        axes[0].xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
        fig.legend(
            handles=_legend_handles(verdicts),
            loc="outside lower center",
            ncols=len(verdicts),
            title="verdict of the statements carrying the cue",
        )
    desc = []
    for kind in ("hedge", "booster"):
        d = counts[counts["kind"] == kind]
        desc.append(
            f"{kind} cues: "
            + (
                ", ".join(f"{c} {int(n)}" for c, n in zip(d["cue"], d["statements"], strict=True))
                or "none"
            )
        )
    fig.set_label("Cues by statements carrying them; " + "; ".join(desc) + ".")
    return fig


# --- 04: the drafter against the reviewed labels -------------------------------------------


def confusion_counts(pairs: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Reviewed (rows) against drafted (columns) counts, for claim type and for certainty.

    ``pairs`` is :func:`claimcheck.agreement.compare`'s table. Every type and
    every level is listed, in the contract's order, so small tables keep the grid.
    """
    from claimcheck.agreement import confusion

    out = {}
    levels = list(range(len(CERTAINTY_NAMES)))
    for name, labels in (("claim_type", list(CLAIM_TYPES)), ("certainty", levels)):
        key = "type" if name == "claim_type" else "certainty"
        m = confusion(pairs[f"reviewed_{key}"].tolist(), pairs[f"draft_{key}"].tolist(), labels)
        table = pd.DataFrame(m, index=labels, columns=labels)
        table.index.name, table.columns.name = "reviewed", "draft"
        out[name] = table
    return out


def plot_confusion(pairs: pd.DataFrame) -> Figure:
    """Two confusion matrices side by side: claim type and certainty, reviewed against draft.

    Agreement (the diagonal) is outlined in the calibrated colour; cells off the
    diagonal with a count are shaded and numbered in the overstated colour.
    """
    counts = confusion_counts(pairs)
    titles = {"claim_type": "Claim type", "certainty": "Certainty (0 uncertain … 4 boosted)"}
    with style():
        fig = Figure(figsize=(WIDTH, 5.2), layout="constrained")
        axes = fig.subplots(1, 2)
        for ax, (name, table) in zip(axes, counts.items(), strict=True):
            k = len(table)
            for r in range(k):
                for c in range(k):
                    n = int(table.iat[r, c])
                    off = r != c and n > 0
                    ax.add_patch(
                        Rectangle(
                            (c, k - 1 - r),
                            1,
                            1,
                            facecolor=OVERSTATED_SHADE if off else "white",
                            edgecolor="#CCCCCC",
                            linewidth=0.8,
                        )
                    )
                    ax.text(
                        c + 0.5,
                        k - 0.5 - r,
                        str(n) if n else "·",
                        ha="center",
                        va="center",
                        fontsize=12 if n else 10,
                        fontweight="bold" if n else "normal",
                        color=(
                            VERDICT_COLORS["overstated"] if off else "#222222" if n else "#999999"
                        ),
                    )
                ax.add_patch(
                    Rectangle(
                        (r + 0.05, k - 1 - r + 0.05),
                        0.9,
                        0.9,
                        fill=False,
                        edgecolor=VERDICT_COLORS["calibrated"],
                        linewidth=2.0,
                    )
                )
            names = [str(x) for x in table.columns]
            types = name == "claim_type"
            ax.set_xlim(0, k)
            ax.set_ylim(0, k)
            ax.set_aspect("equal")
            ax.set_xticks(
                [i + 0.5 for i in range(k)],
                names,
                rotation=30 if types else 0,
                ha="right" if types else "center",
            )
            ax.set_yticks([k - 0.5 - i for i in range(k)], names)
            ax.tick_params(length=0)
            for side in ("left", "bottom"):
                ax.spines[side].set_visible(False)
            ax.set_xlabel("drafted")
            ax.set_ylabel("reviewed")
            ax.set_title(titles[name], loc="left")
        _diagonal_legend(fig, "draft agrees", "draft differs", 2.0)
    parts = []
    for name, table in counts.items():
        total = int(table.to_numpy().sum())
        diag = int(sum(table.iat[i, i] for i in range(len(table))))
        parts.append(f"{name.replace('_', ' ')} {diag} of {total} on the diagonal")
    fig.set_label(f"Confusion matrices, reviewed against draft: {'; '.join(parts)}.")
    return fig


HELDOUT_SERIES = (("first", "first sight", "#0072B2"), ("now", "now (post hoc)", "#56B4E9"), ("human", "two people", "#999999"))


def plot_heldout(frame: pd.DataFrame, targets: tuple[float, float] = (0.90, 0.85)) -> Figure:
    """Type macro-F1 and certainty kappa per held-out round, at first sight, now
    and between two people, with the targets as dashed lines.

    ``frame`` is :func:`claimcheck.tables.heldout_frame`; a missing value (no
    second labelling) leaves a gap.
    """
    rounds = frame["round"].tolist()
    width = 0.27
    desc = []
    with style():
        fig = Figure(figsize=(WIDTH, 3.6), layout="constrained")
        axes = fig.subplots(1, 2, sharey=True)
        for ax, (prefix, title), target in zip(
            axes, (("type", "Claim type, macro-F1"), ("certainty", "Certainty, quadratic κ")), targets, strict=True
        ):
            for i, (suffix, label, colour) in enumerate(HELDOUT_SERIES):
                values = frame[f"{prefix}_{suffix}"]
                xs = [r + (i - 1) * width for r in rounds]
                ax.bar(xs, values.fillna(0).tolist(), width=width, color=colour, label=label)
                shown = ", ".join("–" if pd.isna(v) else f"{v:.2f}" for v in values)
                desc.append(f"{title.split(',')[0].lower()} {label}: {shown}")
            ax.axhline(target, color="#222222", linestyle="--", linewidth=1)
            ax.text(rounds[-1] + 0.5 if rounds else 0.5, target, f" target {target:.2f}", va="bottom", ha="right", fontsize=9)
            ax.set_title(title, loc="left")
            ax.set_xticks(rounds, [f"round {r}" for r in rounds], rotation=0, fontsize=8)
            ax.set_ylim(0, 1.05)
        axes[0].set_ylabel("agreement with the hand labels")
        handles = [Patch(facecolor=c, label=lab) for _, lab, c in HELDOUT_SERIES]
        fig.legend(handles=handles, loc="outside lower center", ncols=3)
    fig.set_label(f"Held-out rounds {', '.join(map(str, rounds))}; " + "; ".join(desc) + ".")
    return fig
