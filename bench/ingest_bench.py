"""Benchmark: ingest + store without NLP on a generated corpus.

Generates N articles (default 10,000; ~600 words each, German, built from the
vocabulary of the demo corpus so that language detection and near-duplicate
fingerprinting do real work), then times reading them into a fresh SQLite store
twice: as a directory of .txt files and as one JSON Lines file.  Prints
documents/s, MB/s and peak memory (RSS), and the ratio between the two forms.

    uv run python bench/ingest_bench.py [--docs 10000] [--words 600]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from triangulate.pipeline import ingest  # noqa: E402
from triangulate.store import open_store  # noqa: E402


def vocabulary() -> list[str]:
    words: list[str] = []
    for path in sorted((ROOT / "examples" / "seeds").glob("*.txt")):
        words += re.findall(r"\w+[.,]?", path.read_text(encoding="utf-8"))
    return words


def generate(n: int, n_words: int, folder: Path, seed: int = 7) -> tuple[Path, Path, int]:
    rng = random.Random(seed)
    vocab = vocabulary()
    txt_dir = folder / "txt"
    txt_dir.mkdir()
    jsonl = folder / "corpus.jsonl"
    size = 0
    with jsonl.open("w", encoding="utf-8") as fh:
        for i in range(n):
            body = " ".join(rng.choice(vocab) for _ in range(n_words))
            text = f"Meldung {i}: {' '.join(rng.sample(vocab, 6))}\n\n{body}.\n"
            (txt_dir / f"{i:06d}.txt").write_text(text, encoding="utf-8")
            fh.write(json.dumps({"doc_id": f"gen-{i}", "text": text, "published": "2024-11-06",
                                 "language": "de"}, ensure_ascii=False) + "\n")  # fmt: skip
            size += len(text.encode("utf-8"))
    return txt_dir, jsonl, size


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(label: str, path: Path, folder: Path, n: int, size: int) -> float:
    db = folder / f"{label}.db"
    store = open_store(db)
    t0 = time.perf_counter()
    report = ingest([path], store)
    elapsed = time.perf_counter() - t0
    stats = store.stats()
    store.close()
    rate = n / elapsed
    print(f"{label:>6}: {n} docs in {elapsed:6.2f} s = {rate:7.0f} docs/s, "
          f"{size / elapsed / 1e6:5.1f} MB/s; stored {stats['documents']}, "
          f"near-duplicates {report.duplicates}, problems {len(report.problems)}; "
          f"peak RSS so far {peak_rss_mb():.0f} MB")  # fmt: skip
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=600)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        txt_dir, jsonl, size = generate(args.docs, args.words, folder)
        print(
            f"generated {args.docs} articles ({size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s"
        )
        txt_rate = run("txt", txt_dir, folder, args.docs, size)
        jsonl_rate = run("jsonl", jsonl, folder, args.docs, size)
        print(f"ratio jsonl/txt: {jsonl_rate / txt_rate:.2f}; aim: >= 500 docs/s each")


if __name__ == "__main__":
    main()
