"""Rebuild the German model shipped in ``src/triangulate/models/`` from ``/work/shared/corpora``.

    uv run python recipes/train_de.py --install   # the shipped de_ud (joint UD + NER), ~35 min
    uv run python recipes/train_de.py             # the same, without installing it

Earlier / experimental variants (not shipped; see ``models/de_ud/MODEL_CARD.md``):

    uv run python recipes/train_de.py --only ud       # UD only (tagger/morph/parser/lemmatizer)
    uv run python recipes/train_de.py --only ner      # NER with its own tok2vec (de_ner)
    uv run python recipes/train_de.py --only ner --shared-tok2vec   # NER on de_ud's frozen tok2vec

The shipped model ("joint") is one spaCy pipeline ``tok2vec → tagger → morphologizer →
parser → trainable_lemmatizer → ner`` whose single tok2vec is trained on the UD
sentences (gold + HanTa silver) and the NER sentences together; each part of the
training set leaves the other part's annotation missing.  The parser has a narrower
hidden layer (64, maxout 2) than spaCy's default (128, 3): most of the speed-up.

Fixed seeds (``nlp_corpora.SEED`` for splits, ``system.seed`` for spaCy), one thread.
Intermediate files go to ``--workdir`` (default ``/tmp/triangulate-train``).

German UD model ("de_ud"): tok2vec + tagger + morphologizer + parser + trainable
lemmatizer.  The *tagger* predicts a joint label ``UPOS|STTS``; it is trained on
the gold UD sentences (UPOS gold, STTS from GSD's XPOS or, for PUD, from HanTa)
plus HanTa-annotated silver sentences (HanTa STTS and lemma; UPOS mapped from
STTS with a word-aware table learnt on the gold training part).  Morphology and
dependencies are learnt from the gold sentences only (silver leaves them unset,
which spaCy treats as missing).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import spacy
from spacy.cli.init_config import init_config
from spacy.tokens import Doc, DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nlp_corpora as C  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "src" / "triangulate" / "models"
PARSER_HIDDEN = 64
PARSER_PIECES = 2
JOINT_EPOCHS = 6


def hanta_stts(tag: str) -> str:
    tag = tag.replace("(", "").replace(")", "")
    return {"NNA": "NN", "NNI": "NN"}.get(tag, tag)


def _tagger() -> Any:
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger("morphmodel_ger.pgz")


def hanta_annotate(sents: list[list[str]], cache: Path) -> list[list[tuple[str, str]]]:
    """(lemma, STTS) per word, cached in ``cache`` (JSON lines)."""
    if cache.exists():
        rows = [json.loads(line) for line in cache.read_text(encoding="utf-8").splitlines()]
        if len(rows) == len(sents):
            return [[(a, b) for a, b in r] for r in rows]
    tagger = _tagger()
    out: list[list[tuple[str, str]]] = []
    for words in sents:
        res = tagger.tag_sent(words, taglevel=1) if words else []
        out.append([(lemma, hanta_stts(tag)) for _w, lemma, tag in res])
    cache.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in out), encoding="utf-8")
    return out


def upos_table(gold: list[C.UDSentence], stts: list[list[str]]) -> dict[tuple[str, str], str]:
    """Most frequent gold UPOS per (STTS, lower-cased word) and per STTS (key word '')."""
    by_word: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for s, tags in zip(gold, stts, strict=True):
        for w, t in zip(s.words, tags, strict=True):
            by_word[(t, w.form.lower())][w.upos] += 1
            by_word[(t, "")][w.upos] += 1
    return {
        k: c.most_common(1)[0][0] for k, c in by_word.items() if k[1] == "" or sum(c.values()) >= 2
    }


def map_upos(table: dict[tuple[str, str], str], stts: str, word: str) -> str:
    if (stts, word.lower()) in table:
        return table[(stts, word.lower())]
    if stts == "NE":
        return "PROPN"
    return table.get((stts, ""), "X")


def build_ud(work: Path, silver: bool = True) -> None:
    nlp = spacy.blank("de")
    splits = C.ud_german_splits()
    pud_ids = {s.sent_id for s in splits["train"] if not s.sent_id.startswith("test-")}
    gold_train = splits["train"]
    ht_gold = hanta_annotate(
        [[w.form for w in s.words] for s in gold_train], work / "hanta_ud_train.jsonl"
    )
    stts_gold: list[list[str]] = []
    for s, ann in zip(gold_train, ht_gold, strict=True):
        if s.sent_id in pud_ids:  # PUD's XPOS is not STTS
            stts_gold.append([t for _l, t in ann])
        else:
            stts_gold.append([w.xpos for w in s.words])
    table = upos_table(gold_train, [[t for _l, t in a] for a in ht_gold])
    train = DocBin(store_user_data=False)
    for s, stts in zip(gold_train, stts_gold, strict=True):
        train.add(
            C.ud_to_doc(nlp.vocab, s, [f"{w.upos}|{t}" for w, t in zip(s.words, stts, strict=True)])
        )
    n_silver = 0
    if silver:
        raw = list(C.iter_raw_german_sentences())
        silver_ann = hanta_annotate(raw, work / "hanta_silver.jsonl")
        for words, a in zip(raw, silver_ann, strict=True):
            tags = [f"{map_upos(table, t, w)}|{t}" for w, (_l, t) in zip(words, a, strict=True)]
            train.add(Doc(nlp.vocab, words=words, tags=tags, lemmas=[lem for lem, _t in a]))
            n_silver += len(words)
    train.to_disk(work / "ud_train.spacy")
    tune = DocBin()
    ht_tune = hanta_annotate(
        [[w.form for w in s.words] for s in splits["tune"]], work / "hanta_ud_tune.jsonl"
    )
    for s, _a in zip(splits["tune"], ht_tune, strict=True):
        tune.add(C.ud_to_doc(nlp.vocab, s, [f"{w.upos}|{w.xpos}" for w in s.words]))
    tune.to_disk(work / "ud_tune.spacy")
    print(
        f"ud: {len(gold_train)} gold sentences, {n_silver} silver tokens, {len(splits['tune'])} tune"
    )


def build_ner(work: Path, extra: tuple[str, ...]) -> None:
    nlp = spacy.blank("de")
    splits = C.german_ner_splits(extra)
    for name in ("train", "tune"):
        db = DocBin()
        for s in splits[name]:
            db.add(C.ner_to_doc(nlp.vocab, s))
        db.to_disk(work / f"ner_{name}.spacy")
    print(f"ner: {len(splits['train'])} train sentences, {len(splits['tune'])} tune")


def build_joint(work: Path) -> None:
    """UD and NER training sets in one: each part leaves the other's annotation missing."""
    nlp = spacy.blank("de")
    for name in ("train", "tune"):
        db = DocBin(store_user_data=False)
        for part in ("ud", "ner"):
            for doc in DocBin().from_disk(work / f"{part}_{name}.spacy").get_docs(nlp.vocab):
                db.add(doc)
        db.to_disk(work / f"joint_{name}.spacy")
    print("joint: UD + NER training sets merged")


def write_config(
    work: Path,
    kind: str,
    max_epochs: int,
    lang: str = "de",
    tagger_from: Path | None = None,
    share_from: Path | None = None,
    ner_tok2vec: tuple[int, int] | None = None,
) -> Path:
    if kind.startswith("ud"):
        pipeline = ["tagger", "morphologizer", "parser", "trainable_lemmatizer"]
    elif kind == "joint":
        pipeline = ["tagger", "morphologizer", "parser", "trainable_lemmatizer", "ner"]
    else:
        pipeline = ["ner"]
    cfg = init_config(lang=lang, pipeline=pipeline, optimize="efficiency", gpu=False)
    if kind == "ner" and share_from is not None:
        # NER listens to the (frozen) tok2vec of the UD model: one tok2vec pass per
        # German sentence instead of two.  ``install`` ships the ``ner`` component only.
        cfg["components"]["tok2vec"] = {"source": str(share_from)}
        cfg["training"]["frozen_components"] = ["tok2vec"]
        cfg["training"]["annotating_components"] = ["tok2vec"]
        cfg["components"]["ner"]["model"]["tok2vec"]["width"] = 96
    if kind == "ner" and tagger_from is not None:
        # NER sees the UD model's predicted ``UPOS|STTS`` tag as one more embedded
        # feature; its own tok2vec is inline, so the component is self-contained.
        ner_model = cfg["components"]["ner"]["model"]
        ner_model["tok2vec"] = {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": 96,
                "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG"],
                "rows": [10000, 2000, 2500, 2500, 500],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 96,
                "depth": 4,
                "window_size": 1,
                "maxout_pieces": 3,
            },
        }
        cfg["components"]["tok2vec"] = {"source": str(tagger_from)}
        cfg["components"]["tagger"] = {"source": str(tagger_from)}
        cfg["nlp"]["pipeline"] = ["tok2vec", "tagger", "ner"]
        cfg["training"]["frozen_components"] = ["tok2vec", "tagger"]
        cfg["training"]["annotating_components"] = ["tagger"]
    cfg["paths"]["train"] = str(work / f"{kind}_train.spacy")
    cfg["paths"]["dev"] = str(work / f"{kind}_tune.spacy")
    cfg["system"]["seed"] = 13
    cfg["training"]["max_epochs"] = max_epochs
    cfg["training"]["max_steps"] = 0
    cfg["training"]["patience"] = 0
    cfg["training"]["eval_frequency"] = 400
    if "model" in cfg["components"]["tok2vec"]:
        cfg["components"]["tok2vec"]["model"]["embed"]["rows"] = [10000, 2000, 2500, 2500]
        if kind == "ner" and ner_tok2vec is not None:  # own, narrower tok2vec
            width, depth = ner_tok2vec
            cfg["components"]["tok2vec"]["model"]["encode"]["width"] = width
            cfg["components"]["tok2vec"]["model"]["encode"]["depth"] = depth
    if kind.startswith("ud") or kind == "joint":
        cfg["components"]["parser"]["min_action_freq"] = 5 if lang == "de" else 30
        if lang == "de":  # narrower parser hidden layer: ~2.5x faster, see MODEL_CARD
            cfg["components"]["parser"]["model"]["hidden_width"] = PARSER_HIDDEN
            cfg["components"]["parser"]["model"]["maxout_pieces"] = PARSER_PIECES
        cfg["components"]["tagger"]["overwrite"] = True
        cfg["training"]["score_weights"] = {
            "tag_acc": 0.3,
            "pos_acc": 0.0,
            "morph_acc": 0.2,
            "dep_uas": 0.1,
            "dep_las": 0.2,
            "lemma_acc": 0.2,
            "sents_f": 0.0,
        }
    if kind == "joint":
        cfg["training"]["score_weights"] = {
            "tag_acc": 0.2,
            "pos_acc": 0.0,
            "morph_acc": 0.1,
            "dep_uas": 0.0,
            "dep_las": 0.1,
            "lemma_acc": 0.1,
            "sents_f": 0.0,
            "ents_f": 0.5,
            "ents_p": 0.0,
            "ents_r": 0.0,
        }
    path = work / f"{kind}.cfg"
    cfg.to_disk(path)
    return path


def train(
    work: Path,
    kind: str,
    max_epochs: int,
    lang: str = "de",
    tagger_from: Path | None = None,
    share_from: Path | None = None,
    ner_tok2vec: tuple[int, int] | None = None,
) -> Path:
    cfg = write_config(work, kind, max_epochs, lang, tagger_from, share_from, ner_tok2vec)
    out = work / f"{kind}_model"
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    subprocess.run(
        [sys.executable, "-m", "spacy", "train", str(cfg), "--output", str(out)],
        check=True,
        env=env,
    )
    return out / "model-best"


def tok2vec_fingerprint(model_dir: Path) -> str:
    """SHA-256 of a pipeline's ``tok2vec`` weights (a listening NER is tied to them)."""
    return hashlib.sha256((model_dir / "tok2vec" / "model").read_bytes()).hexdigest()


def install(best: Path, name: str, shared: bool = False) -> None:
    """Copy a trained pipeline into the package; an NER pipeline keeps only ``ner``.

    ``shared``: the NER listens to ``de_ud``'s tok2vec; the fingerprint of that
    tok2vec is written to ``meta.json`` so that loading can refuse a mismatched pair.
    """
    dest = MODELS / name
    if dest.exists():
        shutil.rmtree(dest)
    nlp = spacy.load(best)
    if name.endswith("_ner") and ("tagger" in nlp.pipe_names or shared):
        fingerprint = tok2vec_fingerprint(best) if shared else None
        for pipe in [p for p in nlp.pipe_names if p != "ner"]:
            nlp.remove_pipe(pipe)
        if fingerprint:
            nlp.meta["triangulate"] = {"listens_to": "de_ud", "tok2vec_sha256": fingerprint}
        nlp.to_disk(dest)
    else:
        shutil.copytree(best, dest)
    print(f"installed {best} -> {dest}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=["ud", "ner", "joint"], default=None)
    ap.add_argument(
        "--shared-tok2vec",
        action="store_true",
        help="experimental (--only ner): NER listens to de_ud's frozen tok2vec instead of its own",
    )
    ap.add_argument(
        "--ner-tok2vec",
        default=None,
        help="WIDTH,DEPTH of the NER's own tok2vec (--only ner; default 96,4)",
    )
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/triangulate-train"))
    ap.add_argument(
        "--ud-model",
        type=Path,
        default=None,
        help="UD pipeline whose tok2vec the NER listens to (default: the one just trained, "
        "else the installed de_ud)",
    )
    ap.add_argument("--epochs-ud", type=int, default=8)
    ap.add_argument("--epochs-ner", type=int, default=10)
    ap.add_argument("--epochs-joint", type=int, default=JOINT_EPOCHS)
    ap.add_argument("--no-silver", action="store_true")
    ap.add_argument(
        "--ner-extra",
        default="mobie,europeana,swap",
        help="comma list of additions to GermEval: mobie, europeana, swap, gaz (with swap: a "
        "second copy with names from offline lists; experimental) (or '')",
    )
    ap.add_argument(
        "--ner-tags", action="store_true", help="experimental: UD tagger output as NER feature"
    )
    ap.add_argument("--install", action="store_true", help="copy model-best into the package")
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    kinds = [args.only] if args.only else ["joint"]
    for kind in kinds:
        share: Path | None = None
        if kind == "ud":
            build_ud(args.workdir, silver=not args.no_silver)
            best = train(args.workdir, "ud", args.epochs_ud)
        elif kind == "joint":  # experimental: one tok2vec trained on UD and NER together
            build_ud(args.workdir, silver=not args.no_silver)
            build_ner(args.workdir, tuple(x for x in args.ner_extra.split(",") if x))
            build_joint(args.workdir)
            best = train(args.workdir, "joint", args.epochs_joint)
            if args.install:  # one pipeline with everything: de_ner is not needed
                install(best, "de_ud")
                shutil.rmtree(MODELS / "de_ner", ignore_errors=True)
            continue
        else:
            build_ner(args.workdir, tuple(x for x in args.ner_extra.split(",") if x))
            ud_best = args.workdir / "ud_model" / "model-best" if args.ner_tags else None
            if args.shared_tok2vec and not args.ner_tags:
                share = args.ud_model or (
                    args.workdir / "ud_model" / "model-best"
                    if args.only is None
                    else MODELS / "de_ud"
                )
            narrow = (
                tuple(int(x) for x in args.ner_tok2vec.split(",")) if args.ner_tok2vec else None
            )
            best = train(
                args.workdir,
                "ner",
                args.epochs_ner,
                tagger_from=ud_best,
                share_from=share,
                ner_tok2vec=narrow,  # type: ignore[arg-type]
            )
        if args.install:
            install(best, f"de_{kind}", shared=kind == "ner" and share is not None)


if __name__ == "__main__":
    main()
