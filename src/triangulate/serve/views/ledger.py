"""``/claims`` (the claims ledger) and ``/flows`` (who gives what to whom)."""

from __future__ import annotations

from ... import api
from ..core import Ctx, Page


def claims(ctx: Ctx) -> Page:
    item, about = ctx.text("item"), ctx.text("about")
    contradictions = ctx.flag("contradictions")
    abouts = [a.strip() for a in (about or "").split(",") if a.strip()]
    windows = api.claims(ctx.store, item=item, about=abouts)
    if contradictions:
        windows = [w for w in windows if w.contradicted]
    windows = windows[ctx.offset() :][: ctx.limit()]
    data = [w.as_dict() for w in windows]
    rows = [
        {
            "item": d["item"], "country": d["country"], "unit": d["unit"],
            "predicate": d["predicate"], "start": d["window"][0], "end": d["window"][1],
            "claims": len(d["claims"]), "independent_sources": d["independent_sources"],
            "sources": ", ".join(d["sources"]), "contradicted": w.contradicted,
            "values": ", ".join(f"{c['value']:g}" for c in d["claims"]),
        }
        for w, d in zip(windows, data, strict=True)
    ]  # fmt: skip
    return Page(title="Claims ledger", rows=rows, data=data,
                filters={"item": item, "about": about, "contradictions": contradictions})  # fmt: skip


def flows(ctx: Ctx) -> Page:
    giver, receiver, category = ctx.text("giver"), ctx.text("receiver"), ctx.text("category")
    found = api.flows(ctx.store, giver=giver, receiver=receiver, category=category)
    found = found[ctx.offset() :][: ctx.limit()]
    data = [f.as_dict() for f in found]
    rows = [
        {
            "giver": d["giver"], "receiver": d["receiver"], "category": d["category"],
            "events": len(d["events"]), "quantities": len(d["quantities"]),
            "first": d["dates"][0], "last": d["dates"][1],
            "statuses": ", ".join(f"{k}:{v}" for k, v in sorted(d["statuses"].items())),
        }
        for d in data
    ]  # fmt: skip
    return Page(title="Flows", rows=rows, data=data,
                filters={"giver": giver, "receiver": receiver, "category": category})  # fmt: skip


VIEWS = [
    ("/claims", claims, "claims"),
    ("/flows", flows, "flows"),
]
