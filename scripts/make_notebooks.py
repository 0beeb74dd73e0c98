"""Write the report notebooks from code, with fixed cell ids, and execute them in place.

    .venv/bin/python scripts/make_notebooks.py            # write and execute all
    .venv/bin/python scripts/make_notebooks.py 02         # only notebooks whose name starts with 02
    .venv/bin/python scripts/make_notebooks.py --no-execute

Each notebook is a function decorated with ``@notebook("NN-name")`` that returns
its cells. They share one opening (title/question/audience/regenerate, the
``remove-input`` set-up cell, the ``parameters`` cell, the load cell): use
:func:`opening`. To add a notebook, write one more function; ids are
``<key>`` strings you choose, unique in the notebook and stable, so a
regenerated notebook diffs cleanly.

Executed with nbclient in ``notebooks/`` (as nbval and papermill run them),
without timing metadata, so re-running on unchanged data changes no byte.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
KERNEL = {"name": "python3", "display_name": "Python 3 (claimcheck)", "language": "python"}
REGENERATE = (
    "`claimcheck report --claims CLAIMS.csv --evidence EVIDENCE.csv --article ARTICLE --out FOLDER/` "
    "renders these pages for any audit, and `make report` for the worked example in `reports/`; "
    "`.venv/bin/python scripts/make_notebooks.py` rewrites and re-executes the committed notebooks."
)

REGISTRY: dict[str, Callable[[], list]] = {}


def notebook(name: str) -> Callable[[Callable[[], list]], Callable[[], list]]:
    """Register a function returning a notebook's cells under ``notebooks/<name>.ipynb``."""

    def register(fn: Callable[[], list]) -> Callable[[], list]:
        REGISTRY[name] = fn
        return fn

    return register


def md(key: str, text: str):
    cell = new_markdown_cell(text.strip("\n"))
    cell.id = key
    return cell


def code(key: str, source: str, *tags: str):
    cell = new_code_cell(source.strip("\n"))
    cell.id = key
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


SETUP = """
%matplotlib inline
from claimcheck import plots, tables
from claimcheck.report import load_audit
"""

PARAMETERS = """
claims = "../data/claims.csv"  # the audited claims table, one row per statement (verdicts are recomputed)
evidence = "../data/evidence.csv"  # the sources the claims' evidence_ids point to
articles = "../data/articles"  # the article text(s): a folder, a file, or a list of them
"""

LOAD = """
audit = load_audit(claims, evidence, articles)
"""


def opening(title: str, question: str, audience: str, extra: str = "") -> list:
    """Title cell, set-up, parameters and load: the first four cells of every notebook."""
    intro = f"""
# {title}

**Question.** {question}

**For.** {audience}

**Regenerate.** {REGENERATE}
{extra}"""
    return [
        md("title", intro),
        code("setup", SETUP, "remove-input"),
        code("parameters", PARAMETERS, "parameters"),
        code("load", LOAD, "remove-input"),
    ]


@notebook("01-claim-inventory")
def claim_inventory() -> list:
    return [
        *opening(
            "01 · Claim inventory",
            "What does the article state, statement by statement, and of what kinds?",
            "Reviewers checking the segmentation and the labels before reading the verdicts.",
        ),
        code("summary", "tables.inventory_summary(audit.claims)"),
        md(
            "by-type-md",
            "## By type and unit\n\nEvery unit of the article is a row: the title and headings count, because headlines are where health copy overstates most.",
        ),
        code("by-type", "tables.show(plots.plot_inventory(audit.claims));"),
        md(
            "by-section-md",
            "## By section\n\nStatements per section in reading order, with how many of each section's statements are overstated.",
        ),
        code("by-section", "tables.section_table(audit.claims)"),
        md(
            "table-md",
            "## Every statement\n\nIn reading order; certainty is what the wording asserts (0 uncertain … 4 boosted), evidence is the GRADE level of the best source for the claim as worded.",
        ),
        code("table", "tables.claims_table(audit.claims)"),
    ]


@notebook("02-hedged-vs-overstated")
def hedged_vs_overstated() -> list:
    return [
        *opening(
            "02 · Hedged or overstated?",
            "Where does the wording assert more certainty than the evidence allows?",
            "Reviewers and editors deciding where the article needs work.",
        ),
        code("summary", "tables.calibration_summary(audit.claims)"),
        md(
            "types-md",
            "## (a) Verdict by claim type\n\nThe verdict follows from the wording's certainty and the evidence level, which allows high → “reduces” (3), moderate → “probably” (2), low → “may” (1), very low, none or contradicted → “uncertain whether” (0), as GRADE words them. A statement is *overstated* when its wording asserts more than that; *understated* when it is worded two or more levels below; otherwise (at most one level below) *hedged* when worded at 0 or 1 (“may”, “it is uncertain whether”) and *calibrated* when worded at 2 or more; and *not assessed* when it is advice or context, with nothing to check.",
        ),
        code("types", "tables.show(plots.plot_verdicts_by_type(audit.claims));"),
        md(
            "grid-md",
            "## (b) Calibration grid\n\nEach cell counts the statements with that asserted certainty and that evidence level. The outlined cells are the diagonal, where the wording says exactly what the evidence allows (calibrated, or hedged at certainty 0 and 1); the shaded cells above it are overstated.",
        ),
        code("grid", "tables.show(plots.plot_calibration(audit.claims));"),
        md(
            "strip-md",
            "## (c) The article in reading order\n\nOne cell per statement, coloured by verdict; the title and headings are marked above the strip.",
        ),
        code("strip", "tables.show(plots.plot_article_strip(audit.claims));"),
        md(
            "cues-md",
            "## (d) The cues that carry the most weight\n\nThe hedge words and boosters that set the most statements' certainty, each bar split by the verdict of those statements.",
        ),
        code("cues", "tables.show(plots.plot_cues(audit.claims));"),
    ]


@notebook("03-editor-report")
def editor_report() -> list:
    return [
        *opening(
            "03 · Editor's report",
            "Which statements should be revised, why, and how?",
            "Editors revising the copy; each entry has the reason, the sources and a rewrite at the level the evidence allows.",
        ),
        code("summary", "tables.editor_summary(audit.claims)"),
        md(
            "worst-md",
            "## Statements to revise, worst first\n\nOrdered by how many certainty levels the wording exceeds the evidence, then by position in the article.",
        ),
        code("worst", "tables.editor_list(audit.claims, audit.evidence)"),
        md(
            "article-md",
            "## The article, highlighted\n\nEvery statement in the verdict's colour; hover over one to see its id, verdict and rationale.",
        ),
        code("legend", "tables.verdict_legend(audit.claims)"),
        code("article", "tables.highlighted_article(audit.claims, audit.articles)"),
    ]


@notebook("04-drafter-agreement")
def drafter_agreement() -> list:
    return [
        *opening(
            "04 · The drafter against the reviewers",
            "How often do the drafter's first-pass labels match the reviewed ones, and where they "
            "differ, why?",
            "Maintainers of the drafter's rules, and reviewers deciding how far to trust a draft.",
        ),
        code(
            "summary",
            "from claimcheck import agreement\n\n"
            "pairs = agreement.compare(audit.claims)  # each reviewed statement beside its draft\n"
            "tables.agreement_summary(pairs)",
        ),
        md(
            "confusion-md",
            "## Draft against review\n\nThe drafter (`claimcheck.draft.draft_claims`) reads only the "
            "unit columns of the claims table; each matrix counts the reviewed statements by their "
            "reviewed label (rows) and the drafted one (columns). The outlined diagonal is agreement.",
        ),
        code("confusion", "tables.show(plots.plot_confusion(pairs));"),
        md(
            "disagree-md",
            "## Where they differ\n\nEach statement whose drafted type or certainty differs from the "
            "review, the differing part in bold, with the rules that fired in the drafter "
            "(`draft_rules`): the cue words and the scope rule that set the label.",
        ),
        code("disagree", "tables.disagreement_table(pairs)"),
        md(
            "bench-md",
            "## Benchmarks\n\nThese numbers describe the drafter, not the claims table above: they "
            "are the project's, committed by `make bench` (`benchmarks/results/*.json`), and the same "
            "in every report. The same agreement measured on the worked example's reviewed table (the "
            "acupuncture article) and on the drafter's own test articles, the external sets, and speed.",
        ),
        code("bench", "tables.benchmark_table()"),
        md(
            "heldout-md",
            "## Articles the rules were not written for\n\nEach held-out round is three invented "
            "articles of new genres, labelled by hand from the contract and the annotation guide by "
            "someone who never ran the drafter. *First sight* is the one measurement taken before any "
            "rule was written from the round: it is the estimate to use for a new article. *Now* is "
            "flattered by rules written from the round's own misses. *Two people* compares a second "
            "blind labelling of the same statements, where a round has one (`docs/second-pass/`), the reach of a careful "
            "person following the same guide.",
        ),
        code("heldout-plot", "tables.show(plots.plot_heldout(tables.heldout_frame()));"),
        code("heldout", "tables.heldout_rounds()"),
    ]


def build(name: str) -> nbformat.NotebookNode:
    nb = new_notebook(cells=REGISTRY[name]())
    nb.metadata["kernelspec"] = dict(KERNEL)
    nb.metadata["language_info"] = {"name": "python"}
    ids = [c.id for c in nb.cells]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{name}: duplicate cell ids {ids}")
    return nb


def execute(nb: nbformat.NotebookNode) -> None:
    os.environ.setdefault("MPLCONFIGDIR", str(ROOT / ".cache" / "matplotlib"))
    os.environ.setdefault("PYTHONHASHSEED", "0")
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    # The kernel process's own log lines (ipykernel start-up notices) are not the notebook's.
    client.execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("only", nargs="*", help="notebook name prefixes (default: all)")
    ap.add_argument(
        "--no-execute", action="store_true", help="write the cells without running them"
    )
    args = ap.parse_args(argv)
    NOTEBOOKS.mkdir(exist_ok=True)
    for name in REGISTRY:
        if args.only and not any(name.startswith(p) for p in args.only):
            continue
        nb = build(name)
        if not args.no_execute:
            execute(nb)
        path = NOTEBOOKS / f"{name}.ipynb"
        nbformat.validate(nb)
        tmp = path.with_suffix(".ipynb.tmp")
        nbformat.write(nb, tmp)
        tmp.replace(path)
        sys.stdout.write(
            f"wrote {path.relative_to(ROOT)}{'' if args.no_execute else ' (executed)'}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
