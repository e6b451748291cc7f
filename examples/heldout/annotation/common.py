"""Turn substring-based annotations into gold records with exact offsets.

The annotator chose every actor, event, claim and quote by reading the text;
this module only locates the chosen substrings (code-point offsets into the
text as read with ``open(path, encoding='utf-8').read()``) and fills the
lookup fields (root, PLOVER, Goldstein) from the CAMEO table.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TEXTS = HERE.parent / "texts"
CAMEO_TSV = ROOT / "src" / "triangulate" / "extract" / "data" / "cameo_codes.tsv"

GOLDSTEIN: dict[str, float] = {}
with CAMEO_TSV.open(encoding="utf-8") as fh:
    for row in csv.DictReader(fh, delimiter="\t"):
        GOLDSTEIN[row["code"]] = float(row["goldstein"])


def plover(cameo: str) -> str | None:
    """PLOVER type of a CAMEO code, by the table in examples/eval/GOLD-README.md (rule 20)."""
    root = cameo[:2]
    if root == "01":
        return None
    if root == "08":
        return "CONCEDE" if cameo[:3] in ("080", "081", "082", "083") else "RETREAT"
    table = {
        "02": "REQUEST", "10": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
        "06": "COOPERATE", "07": "AID", "09": "ACCUSE", "11": "ACCUSE", "12": "REJECT",
        "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE",
        "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
    }  # fmt: skip
    return table[root]


def read_text(doc_id: str) -> str:
    return (TEXTS / f"{doc_id}.txt").open(encoding="utf-8").read()


_END = re.compile(r'[.!?]["”“]?(?=\s+["„“”]?[A-ZÄÖÜ0-9])')


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: one per line, split after end punctuation (+ closing quote).

    The texts were written to avoid abbreviations with full stops, so this simple
    rule gives the sentence boundaries of GOLD-README rule 33; the annotator
    checked the printed list by eye.
    """
    spans = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        s = start
        for m in _END.finditer(line):
            e = start + m.end()
            spans.append((s, e))
            s = e
            while s < start + len(line) and text[s] == " ":
                s += 1
        if s < start + len(line.rstrip()):
            spans.append((s, start + len(line.rstrip())))
    return spans


def occurrences(text: str, surface: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hi = len(text) if hi is None else hi
    pat = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    return [m.start() for m in pat.finditer(text, lo, hi)]


def find_in(text: str, span: tuple[int, int], spec: str) -> list[int]:
    """Locate ``spec`` ("words" or "words#n" for the n-th occurrence, 1-based) inside span."""
    surface, _, nth = spec.partition("#")
    hits = occurrences(text, surface, span[0], span[1])
    if not hits:
        hits = [m.start() for m in re.finditer(re.escape(surface), text[span[0] : span[1]])]
        hits = [span[0] + h for h in hits]
    if not hits:
        raise ValueError(f"{spec!r} not found in {text[span[0] : span[1]]!r}")
    k = int(nth) - 1 if nth else 0
    start = hits[k]
    return [start, start + len(surface)]


QUOTE_OPEN = '"„“«‚'


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (English "…", German „…“)."""
    spans = []
    for m in re.finditer(r'"([^"\n]+)"|„([^“\n]+)“', text):
        g = 1 if m.group(1) is not None else 2
        spans.append((m.start(g), m.end(g)))
    return spans


def build(doc: dict, actors: list, events: list, claims: list, quotes: list) -> dict:
    text = read_text(doc["doc_id"])
    sents = sentences(text)
    rec = {
        "doc_id": doc["doc_id"],
        "language": doc["language"],
        "published": doc["published"],
        "genre": doc["genre"],
        "annotator": "H",
        "actors": [],
        "events": [],
        "claims": [],
        "quotes": [],
    }
    for aid, name, typ, code, specs in actors:
        mentions: list[list[int]] = []
        for spec in specs:
            if isinstance(spec, tuple):
                surface, picks = spec
                hits = occurrences(text, surface)
                if isinstance(picks, int):
                    picks = [picks]
                chosen = [hits[i - 1] for i in picks]
            else:
                surface = spec
                chosen = occurrences(text, surface)
            if not chosen:
                raise ValueError(f"{doc['doc_id']}: actor {aid}: {surface!r} not found")
            mentions.extend([h, h + len(surface)] for h in chosen)
        mentions = sorted({tuple(m) for m in mentions})
        rec["actors"].append(
            {
                "id": aid,
                "name": name,
                "type": typ,
                "code": code,
                "mentions": [list(m) for m in mentions],
            }
        )
    for ev in events:
        si, src, tgt, stext, ttext, cameo, status, attr, date, prec, loc, trig, *rest = ev
        sent = sents[si]
        item = {
            "source": src,
            "target": tgt,
            "source_text": stext,
            "target_text": ttext,
            "cameo": cameo,
            "root": cameo[:2],
            "plover": plover(cameo),
            "goldstein": GOLDSTEIN[cameo],
            "status": status,
            "attributed_to": attr,
            "date": date,
            "date_precision": prec,
            "location": loc,
            "sentence": list(sent),
            "trigger": find_in(text, sent, trig),
        }
        for label, value in (("source_text", stext), ("target_text", ttext)):
            if value is None or value in text[sent[0] : sent[1]]:
                continue
            if not (si > 0 and value in text[sents[si - 1][0] : sents[si - 1][1]]):
                raise ValueError(f"{doc['doc_id']} s{si}: {label} {value!r} not in sentence")
        if rest and rest[0]:
            item["note"] = rest[0]
        rec["events"].append(item)
    for cl in claims:
        si, spec, what, value, approx, unit, about, pred, by, date, status = cl
        sent = sents[si]
        rec["claims"].append(
            {
                "item": what,
                "value": value,
                "value_max": None,
                "approximate": approx,
                "unit": unit,
                "about": about,
                "predicate": pred,
                "asserted_by": by,
                "date": date,
                "status": status,
                "text": find_in(text, sent, spec),
                "sentence": list(sent),
            }
        )
    rec["events"].sort(
        key=lambda e: e["sentence"][0]
    )  # stable: keeps the annotator's order within a sentence
    qspans = quote_spans(text)
    for si, spec, speaker, code in quotes:
        sent = sents[si]
        span = find_in(text, sent, spec)
        if tuple(span) not in qspans:
            raise ValueError(f"{doc['doc_id']} s{si}: quote {spec!r} is not a full quoted span")
        rec["quotes"].append(
            {"speaker": speaker, "speaker_code": code, "text": span, "sentence": list(sent)}
        )
    return rec


def show(doc_id: str) -> None:
    text = read_text(doc_id)
    for i, (s, e) in enumerate(sentences(text)):
        print(f"[{i}] {text[s:e]}")
    print("QUOTES:", [text[s:e] for s, e in quote_spans(text)])
