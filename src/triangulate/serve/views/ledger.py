"""``/claims`` (the claims ledger) and ``/flows`` (who gives what to whom)."""

from __future__ import annotations

from typing import Any

from ... import api
from ..core import Ctx, Page

#: The claims ledger's filters beyond ``item``/``about``, named as in the events view.
CLAIM_FILTERS = ("actor", "source", "target", "status", "since", "until")


def keep_window(w: dict[str, Any], f: dict[str, str | None]) -> bool:
    """Whether a ledger window (``Window.as_dict()``) passes the shared filters:
    ``actor`` its country or a source starting with it; ``source``/``target`` (a
    dyad) its country one of them; ``status`` some claim with it; ``since``/``until``
    the window overlapping the dates (``until`` as a prefix, as for events)."""
    start, end = w["window"]
    actor = f.get("actor")
    if (
        actor
        and w["country"] != actor
        and not any((s or "").startswith(actor) for s in w["sources"])
    ):
        return False
    dyad = [c for c in (f.get("source"), f.get("target")) if c]
    if dyad and w["country"] not in dyad:
        return False
    if f.get("status") and not any(c["status"] == f["status"] for c in w["claims"]):
        return False
    since, until = f.get("since"), f.get("until")
    if since and end and end < since:
        return False
    return not (until and start and start[: len(until)] > until)


def claims(ctx: Ctx) -> Page:
    item, about = ctx.text("item"), ctx.text("about")
    contradictions = ctx.flag("contradictions")
    shared = {name: ctx.text(name) for name in CLAIM_FILTERS}
    abouts = [a.strip() for a in (about or "").split(",") if a.strip()]
    windows = api.claims(ctx.store, item=item, about=abouts)
    if contradictions:
        windows = [w for w in windows if w.contradicted]
    data = [d for d in (w.as_dict() for w in windows) if keep_window(d, shared)]
    data = data[ctx.offset() :][: ctx.limit()]
    rows = [
        {
            "item": d["item"], "country": d["country"], "unit": d["unit"],
            "predicate": d["predicate"], "start": d["window"][0], "end": d["window"][1],
            "claims": len(d["claims"]), "independent_sources": d["independent_sources"],
            "sources": ", ".join(d["sources"]),
            "contradicted": any(r["kind"] == "contradict" for r in d["relations"]),
            "values": ", ".join(f"{c['value']:g}" for c in d["claims"]),
        }
        for d in data
    ]  # fmt: skip
    return Page(title="Claims ledger", rows=rows, data=data,
                filters={"item": item, "about": about, "contradictions": contradictions,
                         **shared})  # fmt: skip


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
