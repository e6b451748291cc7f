"""Build examples/heldout/{docs,gold}.jsonl from texts/ and the annotation modules.

Run: uv run --frozen python examples/heldout/annotation/build.py
"""

from __future__ import annotations

import importlib
import json
import sys

from common import HERE, build, read_text

DOC_IDS = [
    "heldout-en-001", "heldout-en-002", "heldout-en-003", "heldout-en-004",
    "heldout-de-001", "heldout-de-002",
]  # fmt: skip


def main() -> int:
    docs, gold = [], []
    for doc_id in DOC_IDS:
        module_name = doc_id.replace("-", "_")
        try:
            mod = importlib.import_module(module_name)
        except ModuleNotFoundError:
            print(f"skip {doc_id}: no annotation yet", file=sys.stderr)
            continue
        text = read_text(doc_id)
        meta = mod.DOC
        docs.append(
            {
                "doc_id": doc_id,
                "text": text,
                "published": meta["published"],
                "language": meta["language"],
                "genre": meta["genre"],
                "title": text.split("\n", 1)[0],
                "url": None,
                "source": "original synthetic text written for this project (CC0)",
            }
        )
        gold.append(build(meta, mod.ACTORS, mod.EVENTS, mod.CLAIMS, mod.QUOTES))
    out = HERE.parent
    with (out / "docs.jsonl").open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    with (out / "gold.jsonl").open("w", encoding="utf-8") as fh:
        for g in gold:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    split = out / "by-language"
    split.mkdir(exist_ok=True)
    for lang in ("en", "de"):
        with (split / f"docs.{lang}.jsonl").open("w", encoding="utf-8") as fh:
            for d in docs:
                if d["language"] == lang:
                    fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        with (split / f"gold.{lang}.jsonl").open("w", encoding="utf-8") as fh:
            for g in gold:
                if g["language"] == lang:
                    fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    from triangulate.evaluation import validate_records

    problems = validate_records(
        gold, docs={d["doc_id"]: d["text"] for d in docs}, source="gold.jsonl"
    )
    for p in problems:
        print(p)
    for g in gold:
        print(g["doc_id"], {k: len(g[k]) for k in ("actors", "events", "claims", "quotes")})
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
