"""Benchmark: the whole path — read, sentences, actors, events, quotes, claims, store, grouping.

Builds N distinct German articles (default 400) by drawing sentences at random
from the demo corpus (so they are not near-duplicates of each other and every
stage does real work), writes them as JSON Lines, then runs ``ingest`` +
``process`` into a fresh SQLite store, once in-process and once with two worker
processes.  Prints articles/s (also normalised to 600-word articles), the events,
claims and quotes found, peak memory of the main process and of the workers,
and the ratio between the two runs.

    uv run python bench/pipeline_bench.py [--docs 400] [--sentences 30]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from triangulate.executor import get_executor  # noqa: E402
from triangulate.language import sentences  # noqa: E402
from triangulate.pipeline import ingest, process  # noqa: E402
from triangulate.store import open_store  # noqa: E402


def sentence_pool() -> list[str]:
    pool = []
    for line in (ROOT / "examples" / "eval" / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        pool += [s.text for s in sentences(text, "de") if len(s.text) > 40]
    return pool


def generate(path: Path, n: int, per_doc: int, seed: int = 11) -> int:
    rng = random.Random(seed)
    pool = sentence_pool()
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = " ".join(rng.sample(pool, min(per_doc, len(pool))))
            words += len(body.split())
            fh.write(json.dumps({"doc_id": f"bench-{i}", "text": body, "published": "2024-11-06",
                                 "language": "de"}, ensure_ascii=False) + "\n")  # fmt: skip
    return words


def rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run(label: str, corpus: Path, folder: Path, workers: int, n: int, words: int) -> float:
    store = open_store(folder / f"{label}.db")
    t0 = time.perf_counter()
    ingest([corpus], store)
    rep = process(store, executor=get_executor(workers))
    elapsed = time.perf_counter() - t0
    stats = store.stats()
    store.close()
    rate = rep.processed / elapsed
    per600 = rate * (words / n) / 600
    print(f"{label:>10}: {rep.processed} articles in {elapsed:6.1f} s = {rate:5.1f} articles/s "
          f"({per600:5.1f}/s at 600 words); events {stats['events']}, claims {stats['claims']}, "
          f"quotes {stats['quotes']}, event groups {rep.event_groups}; peak RSS main "
          f"{rss_mb(resource.RUSAGE_SELF):.0f} MB, workers {rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")  # fmt: skip
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--sentences", type=int, default=30, help="sentences per generated article")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        words = generate(corpus, args.docs, args.sentences)
        print(f"generated {args.docs} articles, {words / args.docs:.0f} words each on average")
        one = run("1 process", corpus, folder, 1, args.docs, words)
        two = run("2 workers", corpus, folder, 2, args.docs, words)
        print(f"ratio 2 workers / 1 process: {two / one:.2f}; aim: >= 20 articles/s, <= 2 GB")


if __name__ == "__main__":
    main()
