"""Benchmark: the trained language layer (``triangulate.language.nlp``) on the seed articles.

Repeats the German seed articles (``examples/seeds/*.txt``) to ``--articles``
documents, splits sentences, then times ``annotate()`` (tokens, tags, morphology,
lemmas, dependencies, entities) over all of them in one process.  Prints model
load time, tokens/s, articles/s (and articles/s normalised to 600 words), and the
peak memory (RSS).  ``--threads`` caps BLAS/OpenMP threads (default 1).  There are no English seed
articles: ``--lang en`` runs the English models over the same (German) texts, which
gives a throughput figure only.

    uv run python bench/language_bench.py [--articles 200] [--lang de] [--threads 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--lang", default="de", choices=["de", "en"])
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, str(args.threads))

    from triangulate.language import sentences
    from triangulate.language.nlp import annotate, load

    texts = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "seeds").glob("*.txt"))
    ]
    docs = [texts[i % len(texts)] for i in range(args.articles)]
    t0 = time.perf_counter()
    load(args.lang)
    annotate("Warm-up.", sentences("Warm-up.", args.lang), args.lang)
    t_load = time.perf_counter() - t0

    t1 = time.perf_counter()
    n_tokens = n_words = n_ents = 0
    for text in docs:
        sents = sentences(text, args.lang)
        n_ents += len(annotate(text, sents, args.lang))
        n_tokens += sum(len(s.tokens) for s in sents)
        n_words += len(text.split())
    dt = time.perf_counter() - t1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"language layer ({args.lang}), {args.articles} articles, {n_words} words, {args.threads} thread(s)"
    )
    print(f"  model load + warm-up : {t_load:.1f} s")
    print(f"  tokens/s             : {n_tokens / dt:,.0f}")
    print(
        f"  articles/s           : {args.articles / dt:.1f}  (avg {n_words / args.articles:.0f} words)"
    )
    print(f"  600-word articles/s  : {n_words / 600 / dt:.1f}")
    print(f"  entities             : {n_ents}")
    print(f"  peak RSS             : {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
