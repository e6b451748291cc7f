"""Build examples/dev_en/docs.jsonl and gold.jsonl from texts/ and the annotation modules.

    uv run --frozen python examples/dev_en/annotation/build.py

Offsets are computed here from substrings; the result is checked with the
project's validator (triangulate.evaluation.validate) and the build fails on
any problem.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE.parent
sys.path.insert(0, str(HERE))

from common import Doc, build_record  # noqa: E402

from triangulate.evaluation.validate import validate_records  # noqa: E402

MODULES = ["dev_en_001", "dev_en_002", "dev_en_003", "dev_en_004", "dev_en_005"]


def load(name: str) -> Doc:
    mod = importlib.import_module(name)
    text = (DEV / "texts" / f"{mod.DOC_ID}.txt").read_text(encoding="utf-8")
    doc = Doc(mod.DOC_ID, text, mod.PUBLISHED, mod.GENRE, text.split("\n", 1)[0])
    doc.actors, doc.events, doc.claims, doc.quotes = mod.ACTORS, mod.EVENTS, mod.CLAIMS, mod.QUOTES
    return doc


def main() -> int:
    docs = [load(m) for m in MODULES if (HERE / f"{m}.py").exists()]
    records = [build_record(d) for d in docs]
    texts = {d.doc_id: d.text for d in docs}
    problems = validate_records(records, docs=texts, source="gold.jsonl")
    if problems:
        print("\n".join(problems))
        return 1
    with (DEV / "docs.jsonl").open("w", encoding="utf-8") as fh:
        for d in docs:
            row = dict(doc_id=d.doc_id, text=d.text, published=d.published, language="en",
                       genre=d.genre, title=d.title, url=None)  # fmt: skip
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (DEV / "gold.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in records:
        print(r["doc_id"], "actors", len(r["actors"]), "events", len(r["events"]),
              "claims", len(r["claims"]), "quotes", len(r["quotes"]))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
