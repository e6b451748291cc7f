"""Flows: who gives what to whom, how much and when — from events and claims.

A flow is a (giver country, receiver country, category) triple such as
PRK → RUS *soldiers* or RUS → PRK *technology*.  Its evidence comes from two
sides:

* **events** whose CAMEO code moves something from source to target (material
  cooperation 06, aid 07, intents to give 03x); the category is chosen by the
  words of the event's sentence (``Soldaten`` → soldiers, ``Granaten`` →
  munitions, ``Öl`` → energy), else a default by code (072 → military support);
* **claims** whose item quantifies a category (soldiers, shells, share of
  imports) and that name two countries (the first gives, the second receives;
  "obtains"/"imports" reverse that), or one country that already gives in a flow
  of that category.

Categories, their words, items and verbs are data (``data/flows.yaml``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from .ledger import country_of, to_ledger_claim

RECEIVING_VERBS = ("obtain", "import", "receiv", "bought", "buy", "purchas")
FOCUS = 50  # characters either side of an event's trigger that decide its category first


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    cameo: tuple[str, ...]
    words: tuple[str, ...]
    items: tuple[str, ...]
    verbs: tuple[str, ...]
    owners: tuple[str, ...] = ()


@cache
def categories() -> tuple[Category, ...]:
    raw = yaml.safe_load(
        (resources.files("triangulate.analysis") / "data" / "flows.yaml").read_text("utf-8")
    )
    return tuple(
        Category(
            name=str(c["name"]),
            cameo=tuple(str(x) for x in c.get("cameo") or ()),
            words=tuple(str(x).casefold() for x in c.get("words") or ()),
            items=tuple(str(x).casefold() for x in c.get("items") or ()),
            verbs=tuple(str(x).casefold() for x in c.get("verbs") or ()),
            owners=tuple(str(x).upper() for x in c.get("owners") or ()),
        )
        for c in raw["categories"]
    )


@dataclass(frozen=True, slots=True)
class FlowItem:
    """One piece of evidence for a flow: an event or a quantity claim."""

    kind: str  # event | claim
    doc_id: str
    status: str
    date: str | None
    evidence: str
    cameo: str | None = None
    value: float | None = None
    unit: str | None = None
    interval: str | None = None
    source: str | None = None  # who asserts it: attributed_to / asserted_by


@dataclass
class Flow:
    giver: str
    receiver: str
    category: str
    events: list[FlowItem] = field(default_factory=list)
    quantities: list[FlowItem] = field(default_factory=list)

    @property
    def statuses(self) -> dict[str, int]:
        return dict(Counter(e.status for e in self.events))

    @property
    def dates(self) -> tuple[str | None, str | None]:
        ds = sorted(d for d in (i.date for i in self.events + self.quantities) if d)
        return (ds[0], ds[-1]) if ds else (None, None)

    def as_dict(self) -> dict[str, Any]:
        def item(i: FlowItem) -> dict[str, Any]:
            return {k: getattr(i, k) for k in FlowItem.__slots__}

        return {
            "giver": self.giver,
            "receiver": self.receiver,
            "category": self.category,
            "statuses": self.statuses,
            "dates": list(self.dates),
            "events": [item(e) for e in self.events],
            "quantities": [item(q) for q in self.quantities],
        }


def event_category(cameo: str, sentence: str, focus: str = "") -> str | None:
    """The category an event of code ``cameo`` moves, judged by the words near its
    trigger (``focus``) first, then by its whole sentence."""
    cats = [c for c in categories() if any(cameo.startswith(p) for p in c.cameo)]
    for text in (focus.casefold(), sentence.casefold()):
        for c in cats:
            if text and c.words and any(w in text for w in c.words):
                return c.name
    for c in cats:
        if not c.words:
            return c.name
    return None


def claim_category(item: str, verb: str) -> Category | None:
    """The category a claim quantifies: its item names it and its verb moves it."""
    low, v = item.casefold(), verb.casefold()
    for c in categories():
        if c.items and any(i in low for i in c.items) and any(w in v for w in c.verbs):
            return c
    return None


def _giver_receiver(about: tuple[str, ...], cat: Category, verb: str) -> tuple[str, str] | None:
    countries = list(dict.fromkeys(country_of(a) for a in about))
    if len(countries) < 2:
        return None
    owner = next((a for a in about if cat.owners and a[3:6] in cat.owners), None)
    g = country_of(owner) if owner else countries[0]
    r = next(c for c in countries if c != g)
    if any(x in verb.casefold() for x in RECEIVING_VERBS):
        g, r = r, g
    return g, r


def build_flows(
    event_rows: Iterable[dict[str, Any]],
    claim_rows: Iterable[dict[str, Any]],
    *,
    giver: str | None = None,
    receiver: str | None = None,
    category: str | None = None,
) -> list[Flow]:
    """Flows from stored event rows (``Store.events``) and claim rows (``Store.claims``)."""
    flows: dict[tuple[str, str, str], Flow] = {}
    for e in event_rows:
        if not e.get("source") or not e.get("target"):
            continue
        g, r = country_of(e["source"]), country_of(e["target"])
        evidence = str(e.get("evidence") or "")
        focus = ""
        if e.get("trigger_start") is not None and e.get("sentence_start") is not None:
            at = int(e["trigger_start"]) - int(e["sentence_start"])
            focus = evidence[max(0, at - FOCUS) : at + FOCUS]
        cat = event_category(str(e["cameo"]), evidence, focus)
        if cat is None or g == r:
            continue
        flow = flows.setdefault((g, r, cat), Flow(g, r, cat))
        flow.events.append(
            FlowItem("event", e["doc_id"], e["status"], e.get("date"), e.get("evidence") or "",
                     cameo=str(e["cameo"]), source=e.get("attributed_to") or "author")
        )  # fmt: skip
    for row in claim_rows:
        c = to_ledger_claim(row)
        category_ = claim_category(c.item, c.verb)
        if category_ is None or not c.about:
            continue
        item = FlowItem("claim", c.doc_id, c.status, c.as_of, c.evidence, value=c.value,
                        unit=c.unit, interval=c.interval, source=c.asserted_by)  # fmt: skip
        pair = _giver_receiver(c.about, category_, c.verb)
        if pair is not None:
            key = (*pair, category_.name)
            flows.setdefault(key, Flow(*key)).quantities.append(item)
            continue
        givers = [f for k, f in flows.items()
                  if k[0] == country_of(c.about[0]) and k[2] == category_.name and f.events]  # fmt: skip
        if givers:  # one country named: the flow of that giver best attested by events
            max(givers, key=lambda f: len(f.events)).quantities.append(item)
    out = [
        f
        for f in flows.values()
        if (not giver or f.giver == country_of(giver.upper()))
        and (not receiver or f.receiver == country_of(receiver.upper()))
        and (not category or category.casefold() in f.category.casefold())
    ]
    out.sort(key=lambda f: (-(len(f.events) + len(f.quantities)), f.giver, f.receiver, f.category))
    return out
