"""Step 4: the rendered report — notebooks executed on an audit and exported to HTML.

:func:`load_audit` and :func:`headline` are what every notebook calls first;
:func:`build_report` executes each notebook in ``notebooks/`` with papermill
(the audit's files as parameters), renders it to self-contained HTML (no
code, no prompts, figures embedded, nothing loaded from a CDN) and writes an
``index.html`` with the headline numbers. Files are written atomically.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import pandas as pd

from claimcheck.audit import derive_verdicts
from claimcheck.io import InputError, article_slug, counted, drafts_words, expand_articles, is_are, read_article, write_text_atomic
from claimcheck.schema import CERTAINTY_NAMES, EVIDENCE_COLUMNS, VERDICTS
from claimcheck.segment import plain_text

NOTEBOOK_DIR = Path(__file__).resolve().parents[2] / "notebooks"
KERNEL = "python3"
# Rendered pages leave out all input code and prompts; the export tests check it.
TEMPLATE = "report.html.j2"


@dataclass(frozen=True)
class Audit:
    """One audit as the notebooks read it: claims (verdicts derived), evidence, texts by slug."""

    claims: pd.DataFrame
    evidence: pd.DataFrame
    articles: dict[str, str]

    def __repr__(self) -> str:  # never an address in a notebook
        n = (len(self.claims), len(self.evidence), len(self.articles))
        return f"Audit({n[0]} statements, {n[1]} sources, {n[2]} articles)"


def _read_table(path: str | Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def load_claims(path: str | Path) -> pd.DataFrame:
    """The claims table with typed columns and the verdict columns recomputed by the rule."""
    return derive_verdicts(_read_table(path))


def load_evidence(path: str | Path) -> pd.DataFrame:
    df = _read_table(path)
    for c in EVIDENCE_COLUMNS:
        if c not in df:
            df[c] = ""
    return df


def load_articles(articles: str | Path | Sequence[str | Path]) -> dict[str, str]:
    """Article texts by slug from files and/or folders (folders expanded, sorted)."""
    paths = [articles] if isinstance(articles, str | Path) else list(articles)
    return {article_slug(p): read_article(p) for p in expand_articles(paths)}


def load_audit(
    claims: str | Path, evidence: str | Path, articles: str | Path | Sequence[str | Path]
) -> Audit:
    return Audit(load_claims(claims), load_evidence(evidence), load_articles(articles))


def worst_first(claims: pd.DataFrame) -> pd.DataFrame:
    """Overstated statements: reviewed ones before drafts, each most overstated first, then in
    reading order (table order). A draft's verdict is provisional: after an edit it is the old
    text's, so a sentence just rewritten to its suggested revision must not lead the list."""
    over = claims[claims["verdict"] == "overstated"].copy()
    over["_pos"] = range(len(over))
    over["_draft"] = over["status"] != "reviewed"
    return over.sort_values(
        ["_draft", "overstatement", "_pos"], ascending=[True, False, True], kind="stable"
    ).drop(columns=["_pos", "_draft"])


def headline(claims: pd.DataFrame) -> dict[str, object]:
    """The numbers every page opens with: counts per verdict and the most overstated statement."""
    counts = {v: int((claims["verdict"] == v).sum()) for v in VERDICTS}
    assessed = sum(n for v, n in counts.items() if v != "not_assessed")
    worst = worst_first(claims)
    top = None
    if len(worst):
        row = worst.iloc[0]
        top = {
            "claim_id": row["claim_id"],
            "text": row["text"],
            "overstatement": int(row["overstatement"]),
            "certainty": CERTAINTY_NAMES[int(row["certainty"])],
            "evidence_level": row["evidence_level"],
            "status": row["status"],
        }
    return {
        "statements": len(claims),
        "articles": int(claims["article"].nunique()),
        "article_names": list(dict.fromkeys(claims["article"])),
        "verdicts": counts,
        "assessed": assessed,
        "overstated_share": round(counts["overstated"] / assessed, 3) if assessed else 0.0,
        "unrated": int((claims["verdict"] == "").sum()),
        # rows a person has not checked: their labels and verdicts are the drafter's first pass
        "drafts": int((claims["status"] != "reviewed").sum()),
        "most_overstated": top,
    }


# --- building the report -------------------------------------------------------------------


def notebooks(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """The report's notebooks, in their numbered order."""
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def exporter():
    """An HTML exporter for reviewer pages: no input, no prompts, no CDN scripts, our CSS."""
    from nbconvert import HTMLExporter

    templates = files("claimcheck").joinpath("templates")
    exp = HTMLExporter(
        template_name="lab",
        template_file=TEMPLATE,
        extra_template_basedirs=[str(templates)],
        extra_template_paths=[str(templates)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_anchor_links=True,
        embed_images=True,
    )
    return exp


def _strip_papermill(nb) -> None:
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)


def execute_notebook(path: Path, parameters: dict[str, object], cwd: Path):
    """Run one notebook with its parameters injected after the ``parameters`` cell.

    papermill injects the parameters (as ``papermill -p`` would); nbclient runs
    the kernel, with the kernel process's own log lines (ipykernel's start-up
    notices) sent to /dev/null so that a command line shows only our progress.
    Cell outputs, stderr included, still reach the notebook. Raises
    ``nbclient.exceptions.CellExecutionError`` on the first failing cell.
    """
    import subprocess

    import nbformat
    from nbclient import NotebookClient
    from papermill.parameterize import parameterize_notebook

    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:  # papermill expects every cell to have a tags list
        cell.metadata.setdefault("tags", [])
    nb.metadata.setdefault("papermill", {})
    nb = parameterize_notebook(nb, parameters, kernel_name=KERNEL, language="python")
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name=KERNEL,
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _strip_papermill(nb)
    return nb


def _css() -> str:
    return files("claimcheck").joinpath("templates/report.css").read_text("utf-8")


def _index_html(pages: list[tuple[str, str, str]], numbers: dict[str, object], claims_name: str = "") -> str:
    from claimcheck.plots import UNRATED_COLOR, VERDICT_COLORS
    from claimcheck.tables import VERDICT_TINTS, level_label, name_list

    css = _css()
    counts = numbers["verdicts"]
    rows = "\n".join(
        f'<tr><td><span class="cc-swatch" style="background:{VERDICT_COLORS[v]}"></span>'
        f"{html.escape(v.replace('_', ' '))}</td>"
        f'<td class="cc-num">{counts[v]}</td></tr>'
        for v in VERDICTS
    ) + (
        # rows with no evidence level have no verdict yet: counted, so the column adds up
        f'\n<tr><td><span class="cc-swatch" style="background:{UNRATED_COLOR}"></span>unrated (no evidence level yet)</td>'
        f'<td class="cc-num">{numbers["unrated"]}</td></tr>'
        if numbers["unrated"]
        else ""
    )
    top = numbers["most_overstated"]
    worst = (
        f'<p>Most overstated: <q style="background:{VERDICT_TINTS["overstated"]};'
        f'border-bottom:2px solid {VERDICT_COLORS["overstated"]}">{html.escape(plain_text(top["text"]))}</q> '
        f"({html.escape(top['claim_id'])}: asserted as {html.escape(top['certainty'])}, evidence "
        f"{html.escape(level_label(top['evidence_level']))}, {top['overstatement']} "
        f"level{'s' if top['overstatement'] != 1 else ''} too strong"
        f"{'' if top['status'] == 'reviewed' else '; a draft, not yet reviewed'}).</p>"
        if top
        else "<p>No statement is overstated.</p>" if numbers["assessed"] else ""
    )
    lead, rest = drafts_words(numbers["drafts"], numbers["statements"], numbers["unrated"])
    drafts = f'<p class="cc-drafts"><strong>{lead}</strong>: {rest}. Verdicts on drafts may change.</p>' if numbers["drafts"] else ""
    checked = (
        f"{counts['overstated']} of the {numbers['assessed']} with something to check {is_are(counts['overstated'])} "
        f"overstated ({numbers['overstated_share']:.0%})."
        if numbers["assessed"]
        else "none has an evidence level to check it against yet."
    )
    links = "\n".join(
        f'<li><a href="{html.escape(href)}">{html.escape(title)}</a> — {html.escape(question)}</li>'
        for href, title, question in pages
    )
    names = name_list(numbers["article_names"], lambda a: f"<strong>{html.escape(a)}</strong>")
    source = f'<p class="cc-source">{"Articles" if numbers["articles"] != 1 else "Article"}: {names}' + (
        f" · claims table <code>{html.escape(claims_name)}</code></p>" if claims_name else "</p>"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="claimcheck">
<title>claimcheck report</title>
<style>
{css}
</style>
</head>
<body class="cc-index">
<main>
<h1>claimcheck report</h1>
{source}
<p>{counted(numbers["statements"], "statement")} in {counted(numbers["articles"], "article")};
{checked}</p>
{drafts}
{worst}
<table class="cc-table cc-counts"><thead><tr><th>verdict</th><th>statements</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<h2>Pages</h2>
<ol>
{links}
</ol>
</main>
</body>
</html>
"""


def _foreign(page: Path) -> bool:
    """Whether ``page`` exists and is not a page of ours: ours name claimcheck as their
    generator (pages written before the tag say "claimcheck report" near the top)."""
    try:
        with page.open("rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return b'content="claimcheck"' not in head and b"claimcheck report" not in head


def build_report(
    claims: Path,
    evidence: Path,
    articles: Path | list[Path],
    out_dir: Path,
    progress: Callable[[str], None] | None = None,
    notebook_dir: Path | None = None,
    force: bool = False,
) -> list[Path]:
    """Execute every report notebook on an audit and write its HTML page plus ``index.html``.

    A page already there that claimcheck did not write (``_foreign``) is
    not replaced unless ``force``: ``--out docs`` must not eat a site's index.

    Paths are passed to the notebooks as absolute paths; each kernel runs with
    its working directory in the notebooks' folder. Returns the written files,
    the index last.
    """
    say = progress or (lambda _msg: None)
    folder = Path(notebook_dir) if notebook_dir else NOTEBOOK_DIR
    found = notebooks(folder)
    if not found:
        raise FileNotFoundError(f"{folder}: no numbered notebooks (NN-name.ipynb) to render")
    article_list = [articles] if isinstance(articles, str | Path) else list(articles)
    parameters = {
        "claims": str(Path(claims).resolve()),
        "evidence": str(Path(evidence).resolve()),
        "articles": [str(Path(a).resolve()) for a in article_list],
    }
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file, expected a folder for the report's pages")
    if not force:
        foreign = [p for p in (*(out / f"{nb.stem}.html" for nb in found), out / "index.html") if _foreign(p)]
        if foreign:
            raise InputError(
                f"{foreign[0]}: exists and is not a claimcheck page"
                + (f" (nor are {counted(len(foreign) - 1, 'other')} there)" if len(foreign) > 1 else "")
                + "; nothing written: give another --out, or --force to replace it"
            )
    exp = exporter()
    css = _css()
    written: list[Path] = []
    pages: list[tuple[str, str, str]] = []
    for path in found:
        t0 = time.perf_counter()
        nb = execute_notebook(path, parameters, folder)
        title = _title(nb) or path.stem
        nb.metadata["title"] = title
        # Cells with nothing to show (set-up, parameters, loading) would leave empty gaps.
        nb.cells = [c for c in nb.cells if c.cell_type != "code" or c.get("outputs")]
        body, _ = exp.from_notebook_node(
            nb, resources={"metadata": {"name": title}, "claimcheck_css": css}
        )
        dest = out / f"{path.stem}.html"
        write_text_atomic(body, dest)
        dest.chmod(0o644)  # a report is for reading: mkstemp's 0600 would hide it from a web server
        written.append(dest)
        pages.append((dest.name, title, _question(nb)))
        say(f"rendered {dest} ({time.perf_counter() - t0:.1f} s)")
    index = out / "index.html"
    write_text_atomic(_index_html(pages, headline(load_claims(claims)), Path(claims).name), index)
    index.chmod(0o644)
    written.append(index)
    say(f"wrote {index}")
    return written


def _question(nb) -> str:
    """The ``**Question.** …`` line of a notebook's first cell, without the label."""
    for line in nb.cells[0].source.splitlines() if nb.cells else []:
        if line.startswith("**Question.**"):
            return line.removeprefix("**Question.**").strip()
    return ""


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""
