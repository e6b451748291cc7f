"""Benchmark: the trained language layer (``triangulate.language.nlp``) on the seed articles.

Repeats the German seed articles (``examples/seeds/*.txt``) to ``--articles``
documents, splits sentences, then times ``annotate()`` (tokens, tags, morphology,
lemmas, dependencies, entities) over all of them, first in **one process**, then in
**``--procs`` worker processes** (default 2, forked like the pipeline's
``ProcessExecutor``; each worker loads the models and warms up before a common start,
then annotates its share of the articles).  Prints model load time, tokens/s,
articles/s (and articles/s normalised to 600 words) for both — by wall clock and,
less sensitive to other load on the machine, by the CPU time of the worker(s), i.e. the
rate if each worker had a core to itself — and
the peak memory (RSS) of one process.  ``--threads`` caps BLAS/OpenMP threads per process (default 1).
There are no English seed articles: ``--lang en`` runs the English models over the
same (German) texts, which gives a throughput figure only.

    uv run python bench/language_bench.py [--articles 200] [--lang de] [--procs 2] [--threads 1]

The multi-process figure is only meaningful on an otherwise idle machine (the load
average before the run is printed).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _texts(n: int) -> list[str]:
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "seeds").glob("*.txt"))
    ]
    return [texts[i % len(texts)] for i in range(n)]


def _warm(lang: str) -> float:
    from triangulate.language import sentences
    from triangulate.language.nlp import annotate, load

    t0 = time.perf_counter()
    load(lang)
    annotate("Warm-up.", sentences("Warm-up.", lang), lang)
    return time.perf_counter() - t0


def _run(docs: list[str], lang: str) -> tuple[int, int, int]:
    from triangulate.language import sentences
    from triangulate.language.nlp import annotate

    n_tokens = n_words = n_ents = 0
    for text in docs:
        sents = sentences(text, lang)
        n_ents += len(annotate(text, sents, lang))
        n_tokens += sum(len(s.tokens) for s in sents)
        n_words += len(text.split())
    return n_tokens, n_words, n_ents


def _worker(docs: list[str], lang: str, barrier: Any, queue: Any) -> None:
    _warm(lang)
    barrier.wait()
    t0, c0 = time.perf_counter(), time.process_time()
    n_tokens, n_words, _ = _run(docs, lang)
    t1, c1 = time.perf_counter(), time.process_time()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((t0, t1, n_tokens, n_words, rss, c1 - c0))


def _multi(docs: list[str], lang: str, procs: int) -> tuple[float, int, int, float, float]:
    """Wall time, tokens, words, max per-process RSS and summed CPU time of ``procs``
    fresh processes."""
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    barrier = ctx.Barrier(procs)
    queue = ctx.Queue()
    shares = [docs[i::procs] for i in range(procs)]
    workers = [ctx.Process(target=_worker, args=(s, lang, barrier, queue)) for s in shares]
    for w in workers:
        w.start()
    results = [queue.get() for _ in workers]
    for w in workers:
        w.join()
    wall = max(r[1] for r in results) - min(r[0] for r in results)
    return (
        wall,
        sum(r[2] for r in results),
        sum(r[3] for r in results),
        max(r[4] for r in results),
        sum(r[5] for r in results),
    )


def _line(label: str, n_articles: int, n_tokens: int, n_words: int, dt: float) -> None:
    print(
        f"  {label:<14} tokens/s {n_tokens / dt:>8,.0f}   articles/s {n_articles / dt:5.1f}"
        f"   600-word articles/s {n_words / 600 / dt:5.1f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--lang", default="de", choices=["de", "en"])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--procs", type=int, default=2, help="worker processes (0: skip)")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))
    docs = _texts(args.articles)
    load1 = os.getloadavg()[0]

    multi = _multi(docs, args.lang, args.procs) if args.procs > 1 else None

    t_load = _warm(args.lang)
    t1, c1 = time.perf_counter(), time.process_time()
    n_tokens, n_words, n_ents = _run(docs, args.lang)
    dt, cpu = time.perf_counter() - t1, time.process_time() - c1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"language layer ({args.lang}), {args.articles} articles, {n_words} words "
        f"(avg {n_words / args.articles:.0f}), {n_tokens} tokens, {args.threads} thread(s)/process,"
        f" load average before {load1:.2f}"
    )
    print(f"  model load + warm-up : {t_load:.1f} s")
    _line("1 process", args.articles, n_tokens, n_words, dt)
    _line("  by CPU time", args.articles, n_tokens, n_words, cpu)
    if multi is not None:
        wall, m_tokens, m_words, _m_rss, m_cpu = multi
        _line(f"{args.procs} processes", args.articles, m_tokens, m_words, wall)
        _line("  by CPU time", args.articles, m_tokens, m_words, m_cpu / args.procs)
        print(f"  scaling              : {dt / wall:.2f}x over 1 process")
    print(f"  entities             : {n_ents}")
    print(f"  peak RSS (1 process) : {rss_mb:.0f} MB")
    if multi is not None:
        print(f"  peak RSS per worker  : {multi[3]:.0f} MB")


if __name__ == "__main__":
    main()
