"""Helpers for the English dev-set annotation modules (own tooling, not shared with heldout).

An annotation module gives actors, events, claims and quotes as *substrings*
plus codes; :func:`build_record` turns them into exact code-point offsets.

* Sentences are found by an anchor: a substring that occurs once in the text;
  the sentence is the one (from :func:`sentences`) that contains it.
* Triggers, claim texts and quote prefixes are searched inside that sentence;
  ``"word#2"`` picks the second occurrence.
* Actor mentions are regular expressions, matched everywhere in the text with
  word boundaries added on both sides.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
CAMEO_TSV = ROOT / "src" / "triangulate" / "extract" / "data" / "cameo_codes.tsv"

_ROOT_PLOVER = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE",
    "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION",
    "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip


def _goldstein_table() -> dict[str, float]:
    with CAMEO_TSV.open(encoding="utf-8") as fh:
        return {row["code"]: float(row["goldstein"]) for row in csv.DictReader(fh, delimiter="\t")}


GOLDSTEIN = _goldstein_table()


def plover(cameo: str) -> str | None:
    root = cameo[:2]
    if root == "08":
        return "CONCEDE" if cameo[:3] in ("080", "081", "082", "083") else "RETREAT"
    return _ROOT_PLOVER[root]


_BOUNDARY = re.compile(r"([.!?])(”)?(\s+)(?=[A-Z0-9“\"])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: every non-empty line, split after . ! ? (plus a closing ”)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        s = start + (len(line) - len(line.lstrip()))
        e = start + len(line.rstrip())
        cur = s
        for m in _BOUNDARY.finditer(text, s, e):
            cut = m.start(3)
            spans.append((cur, cut))
            cur = m.end(3)
        spans.append((cur, e))
    return spans


@dataclass
class Doc:
    doc_id: str
    text: str
    published: str
    genre: str
    title: str
    actors: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)


def E(sent: str, trig: str, source: str | None, target: str | None, st: str | None,
      tt: str | None, cameo: str, status: str = "asserted", by: str | None = None,
      date: str | None = None, loc: str | None = None, note: str | None = None) -> dict[str, Any]:  # fmt: skip
    return dict(sent=sent, trig=trig, source=source, target=target, st=st, tt=tt, cameo=cameo,
                status=status, by=by, date=date, loc=loc, note=note)  # fmt: skip


def C(sent: str, surface: str, item: str, value: float, unit: str, about: list[str],
      predicate: str, by: str, date: str | None, status: str = "asserted",
      approx: bool = False, vmax: float | None = None) -> dict[str, Any]:  # fmt: skip
    return dict(sent=sent, surface=surface, item=item, value=value, unit=unit, about=about,
                predicate=predicate, by=by, date=date, status=status, approx=approx, vmax=vmax)  # fmt: skip


def Q(sent: str, prefix: str, speaker: str, code: str | None) -> dict[str, Any]:
    return dict(sent=sent, prefix=prefix, speaker=speaker, code=code)


class SpanError(ValueError):
    pass


def _precision(date: str | None) -> str:
    if date is None:
        return "unknown"
    if "/" in date:
        return "range"
    return {10: "day", 7: "month", 4: "year"}[len(date)]


class Locator:
    def __init__(self, doc_id: str, text: str) -> None:
        self.doc_id, self.text = doc_id, text
        self.sents = sentences(text)

    def sentence(self, anchor: str) -> tuple[int, int]:
        n = self.text.count(anchor)
        if n != 1:
            raise SpanError(f"{self.doc_id}: sentence anchor {anchor!r} occurs {n} times")
        i = self.text.index(anchor)
        for s, e in self.sents:
            if s <= i and i + len(anchor) <= e:
                return (s, e)
        raise SpanError(f"{self.doc_id}: anchor {anchor!r} crosses a sentence boundary")

    def inside(self, sent: tuple[int, int], needle: str) -> tuple[int, int]:
        nth = 1
        if re.search(r"#\d+$", needle):
            needle, _, k = needle.rpartition("#")
            nth = int(k)
        s, e = sent
        pos = s - 1
        for _ in range(nth):
            pos = self.text.find(needle, pos + 1, e)
            if pos < 0:
                raise SpanError(
                    f"{self.doc_id}: {needle!r} (#{nth}) not in sentence {self.text[s:e]!r}"
                )
        return (pos, pos + len(needle))


def build_record(doc: Doc) -> dict[str, Any]:
    text = doc.text
    loc = Locator(doc.doc_id, text)
    actors = []
    for aid, name, atype, code, patterns in doc.actors:
        mentions: list[tuple[int, int]] = []
        for pat in patterns:
            found = [m.span() for m in re.finditer(rf"(?<!\w)(?:{pat})(?!\w)", text)]
            if not found:
                raise SpanError(f"{doc.doc_id}: actor {aid}: pattern {pat!r} matches nothing")
            mentions.extend(found)
        mentions = sorted(set(mentions))
        actors.append(dict(id=aid, name=name, type=atype, code=code,
                           mentions=[list(m) for m in mentions]))  # fmt: skip
    events = []
    for ev in doc.events:
        sent = loc.sentence(ev["sent"])
        trig = loc.inside(sent, ev["trig"])
        for key in ("st", "tt"):
            if ev[key] is not None and ev[key] not in text[sent[0] : sent[1]]:
                # plain anaphora from the sentence just before is allowed
                prev = [s for s in loc.sents if s[1] <= sent[0]]
                if not prev or ev[key] not in text[prev[-1][0] : prev[-1][1]]:
                    raise SpanError(f"{doc.doc_id}: {key} {ev[key]!r} not near {ev['sent']!r}")
        cameo = ev["cameo"]
        rec = dict(
            source=ev["source"], target=ev["target"], source_text=ev["st"], target_text=ev["tt"],
            cameo=cameo, root=cameo[:2], plover=plover(cameo), goldstein=GOLDSTEIN[cameo],
            status=ev["status"], attributed_to=ev["by"], date=ev["date"],
            date_precision=_precision(ev["date"]), location=ev["loc"],
            sentence=list(sent), trigger=list(trig),
        )  # fmt: skip
        if ev["note"]:
            rec["note"] = ev["note"]
        events.append(rec)
    claims = []
    for cl in doc.claims:
        sent = loc.sentence(cl["sent"])
        span = loc.inside(sent, cl["surface"])
        claims.append(dict(
            item=cl["item"], value=cl["value"], value_max=cl["vmax"], approximate=cl["approx"],
            unit=cl["unit"], about=cl["about"], predicate=cl["predicate"],
            asserted_by=cl["by"], date=cl["date"], status=cl["status"],
            text=list(span), sentence=list(sent),
        ))  # fmt: skip
    quotes = []
    for qu in doc.quotes:
        sent = loc.sentence(qu["sent"])
        start, _ = loc.inside(sent, qu["prefix"])
        if text[start - 1] != "“":
            raise SpanError(f"{doc.doc_id}: quote {qu['prefix']!r} does not follow “")
        end = text.index("”", start)
        qsent = sent
        if end > sent[1]:  # quote runs on over several sentences
            last = [s for s in loc.sents if s[0] <= end < s[1] + 1]
            qsent = (sent[0], last[0][1])
        quotes.append(dict(speaker=qu["speaker"], speaker_code=qu["code"],
                           text=[start, end], sentence=list(qsent)))  # fmt: skip
    return dict(
        doc_id=doc.doc_id, language="en", published=doc.published, genre=doc.genre,
        annotator="dev-en", actors=actors, events=events, claims=claims, quotes=quotes,
    )  # fmt: skip
