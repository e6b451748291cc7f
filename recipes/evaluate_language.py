"""Held-out accuracy of the language layer (:mod:`triangulate.language.nlp`).

    uv run python recipes/evaluate_language.py            # prints the table
    uv run python recipes/evaluate_language.py --json out.json

German UD: GSD dev (never trained on).  German NER: GermEval 2014 dev (never trained
on) and MobIE test.  English UD: EWT test.  Gold tokenisation is used throughout
(multiword tokens merged to their surface form); everything after the tokenizer is
exactly what ``annotate()`` produces, rule post-processing included.
Attachment scores count every token, punctuation included.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import nlp_corpora as C  # noqa: E402

from triangulate.language import nlp as N  # noqa: E402

FEATS = ("Case", "Number", "Mood", "Person", "Tense", "VerbForm")


def _feats(s: str | None) -> dict[str, str]:
    return dict(kv.split("=", 1) for kv in (s or "").split("|") if "=" in kv)


def _run(lang: str, sents: list[list[str]], spaces: list[list[bool]] | None = None) -> list[Doc]:
    nlp = N.load(lang)
    docs = []
    for i, words in enumerate(sents):
        doc = Doc(nlp.vocab, words=words, spaces=spaces[i] if spaces else None)
        for j, t in enumerate(doc):
            t.is_sent_start = j == 0
        docs.append(doc)
    return list(nlp.pipe(docs, batch_size=256))


def eval_ud(lang: str, gold: list[C.UDSentence]) -> dict[str, float]:
    docs = _run(
        lang,
        [[w.form for w in s.words] for s in gold],
        [[w.space_after for w in s.words] for s in gold],
    )
    c: Counter[str] = Counter()
    for s, doc in zip(gold, docs, strict=True):
        toks = N._tokens(doc, 0, lang)
        assert len(toks) == len(s.words)
        for w, t in zip(s.words, toks, strict=True):
            c["n"] += 1
            c["upos"] += t.pos == w.upos
            c["n_xpos"] += 1
            c["xpos"] += t.tag == w.xpos
            c["lemma"] += (t.lemma or "") == w.lemma
            c["morph"] += _feats(t.morph) == _feats(w.feats)
            gf, pf = _feats(w.feats), _feats(t.morph)
            for f in FEATS:
                if f in gf:
                    c[f"n_{f}"] += 1
                    c[f] += pf.get(f) == gf[f]
            gs, ps = gf.get("Mood") == "Sub", pf.get("Mood") == "Sub"
            c["sub_tp"] += gs and ps
            c["sub_fp"] += ps and not gs
            c["sub_fn"] += gs and not ps
            ghead = None if w.head < 0 else w.head
            if t.head == ghead:
                c["uas"] += 1
                gdep = "root" if w.dep == "ROOT" else w.dep
                pdep = t.dep or ""
                if lang == "en" and "morphologizer" not in N.load("en").pipe_names:
                    pdep = N.EN_DEP_TO_UD.get(pdep, pdep)  # en_core_web_sm fallback
                    c["las"] += pdep.split(":")[0] == gdep.split(":")[0]
                else:
                    c["las"] += pdep == gdep
    n = c["n"]
    out = {k: 100 * c[k] / n for k in ("upos", "lemma", "morph", "uas", "las")}
    for f in FEATS:
        if c[f"n_{f}"]:
            out[f"feat_{f}"] = 100 * c[f] / c[f"n_{f}"]
    p = c["sub_tp"] / max(1, c["sub_tp"] + c["sub_fp"])
    r = c["sub_tp"] / max(1, c["sub_tp"] + c["sub_fn"])
    out["mood_sub_f1"] = 100 * 2 * p * r / max(1e-9, p + r)
    out["tokens"] = n
    out["xpos"] = 100 * c["xpos"] / max(1, c["n_xpos"])
    return out


def _spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out, start, label = set(), -1, ""
    for i, t in enumerate([*tags, "O"]):
        if start >= 0 and not (t.startswith("I-") and t[2:] == label):
            out.add((start, i, label))
            start = -1
        if t.startswith("B-") or (t.startswith("I-") and start < 0):
            start, label = i, t[2:]
    return out


def eval_ner(lang: str, gold: list[C.NerSent]) -> dict[str, float]:
    docs = _run(lang, [w for w, _t in gold])
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for (_w, tags), doc in zip(gold, docs, strict=True):
        g = _spans(tags)
        p = set()
        for e in doc.ents:
            label = N.EN_ENT_MAP.get(e.label_) if lang == "en" else e.label_
            if label in N.ENTITY_LABELS:
                p.add((e.start, e.end, label))
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
        for x in g - p:
            fn[x[2]] += 1
    out: dict[str, float] = {}
    for label in (*N.ENTITY_LABELS, "ALL"):
        if label == "ALL":
            a, b, d = sum(tp.values()), sum(fp.values()), sum(fn.values())
        else:
            a, b, d = tp[label], fp[label], fn[label]
        prec = a / max(1, a + b)
        rec = a / max(1, a + d)
        out[f"{label}_p"] = 100 * prec
        out[f"{label}_r"] = 100 * rec
        out[f"{label}_f"] = 100 * 2 * prec * rec / max(1e-9, prec + rec)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", type=Path)
    ap.add_argument("--skip-en", action="store_true")
    args = ap.parse_args()
    res: dict[str, dict[str, float]] = {}
    res["de_ud (GSD dev)"] = eval_ud("de", C.ud_german_splits()["heldout"])
    res["de NER (GermEval dev)"] = eval_ner("de", C.german_ner_splits(())["heldout"])
    res["de NER (MobIE test)"] = eval_ner(
        "de", C.read_mobie(C.CORPORA / "mobie_ner/test.conll2003")
    )
    if not args.skip_en:
        res["en_ud (EWT test)"] = eval_ud("en", C.ud_english_splits()["heldout"])
    for name, r in res.items():
        print(f"\n## {name}")
        if "upos" in r:
            print(
                "| UPOS | XPOS | lemma | morph (all feats) | Case | Number | Mood | Mood=Sub F1 | UAS | LAS | tokens |"
            )
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            print(
                f"| {r['upos']:.1f} | {r['xpos']:.1f} | {r['lemma']:.1f} | {r['morph']:.1f} | {r.get('feat_Case', 0):.1f} "
                f"| {r.get('feat_Number', 0):.1f} | {r.get('feat_Mood', 0):.1f} | {r['mood_sub_f1']:.1f} "
                f"| {r['uas']:.1f} | {r['las']:.1f} | {int(r['tokens'])} |"
            )
        else:
            print("| label | P | R | F1 |")
            print("|---|---|---|---|")
            for label in (*N.ENTITY_LABELS, "ALL"):
                print(
                    f"| {label} | {r[label + '_p']:.1f} | {r[label + '_r']:.1f} | {r[label + '_f']:.1f} |"
                )
    if args.json:
        args.json.write_text(json.dumps(res, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
