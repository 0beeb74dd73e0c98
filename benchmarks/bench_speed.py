"""Throughput of the drafter end to end (segment + draft), in statements per second.

The corpus (>= 100,000 statements) is made from the shipped articles
(CORPUS_DIRS: data/articles, tests/articles/drafter and tests/articles/heldout) by shuffling their paragraphs with a fixed
seed and mixing paragraphs from two articles; it is generated lazily and
processed in batches of BATCH articles (one table per batch, as
``claimcheck draft FOLDER`` does), so neither the corpus of results nor the
texts are held at once. Baselines are measured in the same run: segmentation alone,
a plain regex hedge counter over the same texts, the drafter without
segmentation (draft_lines), and pysbd sentence splitting on a sample.

    python benchmarks/bench_speed.py [--statements 100000] [--no-progress]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Iterator

from _common import FLOOR_HEDGE, ROOT, environment, md_table, write_result
from tqdm import tqdm

from claimcheck.cues import LEXICONS, load_lexicon
from claimcheck.draft import draft_claims, draft_lines
from claimcheck.segment import segment_text, segment_texts

SEED = 20261124
# named, so that adding a test set does not silently change what the speed is measured on
CORPUS_DIRS = ("data/articles", "tests/articles/drafter", "tests/articles/heldout")
TARGET = 20_000  # statements/s, from the issue
PYSBD_SAMPLE = 300  # articles; pysbd is ~100x slower than the rest
BATCH = 200  # articles per table: a DataFrame costs about as much to build as a short article to draft


def sources() -> list[list[str]]:
    """Paragraph lists of every shipped article, title paragraph first."""
    paths = [p for d in CORPUS_DIRS for p in sorted((ROOT / d).iterdir()) if p.suffix in (".txt", ".md") and p.name != "README.md"]
    out = []
    for p in paths:
        text = p.read_text("utf-8-sig").replace("\r\n", "\n")
        paras = [b.strip("\n") for b in text.split("\n\n") if b.strip()]
        if len(paras) >= 2:
            out.append(paras)
    return out


def corpus(n_articles: int, srcs: list[list[str]]) -> Iterator[str]:
    """``n_articles`` varied articles, deterministic for the seed."""
    rng = random.Random(SEED)
    for _ in range(n_articles):
        a, b = rng.sample(range(len(srcs)), 2)
        body = srcs[a][1:] + rng.sample(srcs[b][1:], k=min(3, len(srcs[b]) - 1))
        rng.shuffle(body)
        yield "\n\n".join([srcs[a][0], *body]) + "\n"


def _articles_needed(target: int, srcs: list[list[str]]) -> tuple[int, int]:
    """How many articles give >= target statements (counted by segmenting a prefix)."""
    n, total = 0, 0
    for text in corpus(10**9, srcs):
        total += len(segment_text(text, "x"))
        n += 1
        if total >= target:
            return n, total
    raise AssertionError("unreachable")


def batches(texts: Iterator[str], size: int = BATCH) -> Iterator[list[tuple[str, str]]]:
    """(slug, text) lists of ``size`` articles, generated lazily."""
    batch: list[tuple[str, str]] = []
    for text in texts:
        batch.append(("bench", text))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def timed(fn, texts: Iterator[str], total: int | None = None, desc: str = "", progress: bool = True) -> tuple[float, int]:
    count = 0
    bar = tqdm(total=total, desc=desc, unit="art", file=sys.stderr, disable=not progress, leave=False)
    t0 = time.perf_counter()
    for batch in batches(texts):
        count += fn(batch)
        bar.update(len(batch))
    secs = time.perf_counter() - t0
    bar.close()
    return secs, count


def run(target: int, progress: bool = True) -> dict:
    srcs = sources()
    n_art, n_stmt = _articles_needed(target, srcs)

    def end_to_end(batch: list[tuple[str, str]]) -> int:
        return len(draft_claims(segment_texts(batch)))

    def seg_only(batch: list[tuple[str, str]]) -> int:
        return len(segment_texts(batch))

    def regex_count(batch: list[tuple[str, str]]) -> int:
        for _, text in batch:
            len(FLOOR_HEDGE.findall(text))
        return 0

    # start-up is a once-per-process cost, reported on its own and not in the
    # rates: loading and compiling the lexicons, then one untimed warm batch
    # (which also compiles the per-character rule identifiers on first use)
    t0 = time.perf_counter()
    for name in LEXICONS:
        load_lexicon(name)
    startup_s = time.perf_counter() - t0
    end_to_end(next(batches(corpus(BATCH, srcs))))
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    e2e_s, e2e_n = timed(end_to_end, corpus(n_art, srcs), n_art, "segment+draft", progress)
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seg_s, seg_n = timed(seg_only, corpus(n_art, srcs), n_art, "segment", progress)
    rx_s, _ = timed(regex_count, corpus(n_art, srcs), n_art, "regex", progress)
    # the drafter without segmentation, on the same statements (one batch at a time)
    lines_s = 0.0
    for batch in batches(corpus(n_art, srcs)):
        units = segment_texts(batch)["text"].tolist()
        t0 = time.perf_counter()
        draft_lines(units)
        lines_s += time.perf_counter() - t0
    # pysbd on a sample, paragraph by paragraph (its documented good use)
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
    sample = list(corpus(min(PYSBD_SAMPLE, n_art), srcs))
    sample_n = sum(len(segment_text(t, "x")) for t in sample)
    t0 = time.perf_counter()
    for t in sample:
        for para in t.split("\n\n"):
            seg.segment(para)
    pysbd_s = time.perf_counter() - t0
    # peak traced allocation for one typical article (tracemalloc slows code, so separately)
    text = next(corpus(1, srcs))
    tracemalloc.start()
    draft_claims(segment_text(text, "bench"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    rate = e2e_n / e2e_s
    res = {
        "benchmark": "speed",
        "articles": n_art,
        "statements": e2e_n,
        "mean_statements_per_article": round(e2e_n / n_art, 1),
        "end_to_end_statements_per_s": rate,
        "startup_lexicons_s": startup_s,
        "segment_only_statements_per_s": seg_n / seg_s,
        "draft_lines_statements_per_s": e2e_n / lines_s,
        "regex_hedge_counter_statements_per_s": e2e_n / rx_s,
        "pysbd_sample_statements_per_s": sample_n / pysbd_s,
        "pysbd_sample_statements": sample_n,
        "ratio_end_to_end_vs_segment_only": rate / (seg_n / seg_s),
        "ratio_end_to_end_vs_regex_counter": rate / (e2e_n / rx_s),
        "ratio_end_to_end_vs_pysbd": rate / (sample_n / pysbd_s),
        "target_statements_per_s": TARGET,
        "meets_target": rate >= TARGET,
        "peak_rss_mb": rss1 / 1024,
        "rss_growth_during_run_mb": (rss1 - rss0) / 1024,
        "tracemalloc_peak_one_article_kb": peak / 1024,
        "seed": SEED,
        "batch_articles": BATCH,
        "environment": environment(),
    }
    assert e2e_n == seg_n == n_stmt
    return res


def markdown(r: dict) -> str:
    rows = [
        ["segment + draft (end to end)", f"{r['end_to_end_statements_per_s']:,.0f}", "1.00"],
        ["draft only (draft_lines)", f"{r['draft_lines_statements_per_s']:,.0f}",
         f"{r['draft_lines_statements_per_s'] / r['end_to_end_statements_per_s']:.2f}"],
        ["segmentation only", f"{r['segment_only_statements_per_s']:,.0f}", f"{1 / r['ratio_end_to_end_vs_segment_only']:.2f}"],
        ["plain regex hedge counter", f"{r['regex_hedge_counter_statements_per_s']:,.0f}", f"{1 / r['ratio_end_to_end_vs_regex_counter']:.2f}"],
        [f"pysbd splitting ({r['pysbd_sample_statements']:,} statements)", f"{r['pysbd_sample_statements_per_s']:,.0f}",
         f"{1 / r['ratio_end_to_end_vs_pysbd']:.2f}"],
    ]
    verdict = "meets" if r["meets_target"] else "does NOT meet"
    return "\n".join([
        f"Speed: {r['statements']:,} statements in {r['articles']:,} articles "
        f"(mean {r['mean_statements_per_article']} per article), one core, {r['batch_articles']} articles per table", "",
        md_table(["pipeline", "statements/s", "× end-to-end rate"], rows), "",
        f"End to end {r['end_to_end_statements_per_s']:,.0f} statements/s {verdict} the {r['target_statements_per_s']:,}/s target. "
        f"Peak RSS {r['peak_rss_mb']:.0f} MB (grew {r['rss_growth_during_run_mb']:.1f} MB during the run); "
        f"tracemalloc peak for one article {r['tracemalloc_peak_one_article_kb']:.0f} KB. "
        f"Start-up, once per process and not in the rates: {r['startup_lexicons_s'] * 1000:.0f} ms to load and compile "
        f"the lexicons, then one untimed warm-up batch of {r['batch_articles']} articles.",
    ])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--statements", type=int, default=100_000)
    ap.add_argument("--no-progress", action="store_true")
    args = ap.parse_args()
    res = run(args.statements, progress=not args.no_progress)
    print(markdown(res))
    write_result("speed", res)


if __name__ == "__main__":
    main()
