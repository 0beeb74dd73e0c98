"""Render the report and screenshot each page in headless Chromium into docs/img/.

    .venv/bin/python scripts/screenshots.py                 # the real audit in data/
    .venv/bin/python scripts/screenshots.py --claims tests/fixtures/basic/claims.csv \\
        --evidence tests/fixtures/basic/evidence.csv --articles tests/fixtures/basic/articles

Needs ``chromium`` (Debian: ``apt-get install -y --no-install-recommends chromium``).
A Chromium screenshot is the viewport only, so besides one image per page
(``report-<page>.png``, top of the page) it takes the two views the README
uses, cut to one section each: ``calibration-grid.png`` (the grid of 02)
and ``editor-report.png`` (the top of 03's list of statements to revise).
Those two are taken from temporary copies of the pages that start at the
section, so nothing in the rendered report changes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from claimcheck.report import build_report

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]
# (output name, page, text of the heading to scroll to, window height)
VIEWS = [
    ("calibration-grid.png", "02-hedged-vs-overstated.html", "(b) Calibration grid", 760),
    ("editor-report.png", "03-editor-report.html", "Statements to revise, worst first", 1300),
]


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if path := shutil.which(name):
            return path
    raise SystemExit("chromium not found: apt-get install -y --no-install-recommends chromium")


def shoot(page: Path, png: Path, height: int = 1600) -> None:
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            chromium(),
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            f"--window-size=1200,{height}",
            page.as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    sys.stdout.write(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}\n")


def cropped_copy(page: Path, heading: str, dest: Path) -> Path:
    """A copy of ``page`` that starts at ``heading``: the cells before it are hidden.

    (Headless Chromium ignores #fragments and scrolling races the screenshot,
    so the page is cut instead; the rendered report itself is untouched.)
    """
    html = page.read_text("utf-8")
    pattern = re.compile(r"<h2[^>]*>" + re.escape(heading.replace("&", "&amp;")))
    if not pattern.search(html):
        raise SystemExit(f"{page.name}: no <h2> {heading!r} to screenshot")
    html = pattern.sub(lambda m: '<span id="cc-shot"></span>' + m.group(0), html, count=1)
    script = (
        "<script>(function(){var c=document.getElementById('cc-shot').closest('.jp-Cell')"
        ".previousElementSibling;while(c){c.style.display='none';c=c.previousElementSibling;}})();</script>"
    )
    dest.write_text(html.replace("</body>", script + "</body>"), "utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=Path, default=ROOT / "data" / "claims.csv")
    ap.add_argument("--evidence", type=Path, default=ROOT / "data" / "evidence.csv")
    ap.add_argument("--articles", type=Path, default=ROOT / "data" / "articles")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    os.environ.setdefault("MPLCONFIGDIR", str(ROOT / ".cache" / "matplotlib"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report"
        pages = build_report(
            args.claims,
            args.evidence,
            args.articles,
            report,
            progress=lambda m: sys.stdout.write(m + "\n"),
        )
        for page in pages:
            stem = "index" if page.name == "index.html" else page.stem.split("-", 1)[0]
            shoot(page, args.out / f"report-{stem}.png")
        for name, page, heading, height in VIEWS:
            copy = cropped_copy(report / page, heading, report / f"shot-{name}.html")
            shoot(copy, args.out / name, height)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
