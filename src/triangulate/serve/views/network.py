"""``/network`` (countries and dyads) and ``/dyads/{a}/{b}/series`` (a dyad over time)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from ...analysis.ledger import country_of
from ...extract.event_codes import quad_class
from ...store import EventFilter
from ..core import Ctx, Page, ServeError
from .events import all_events

QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
         4: "material_conflict"}  # fmt: skip


def _sign(total: float) -> str:
    return "positive" if total > 0 else "negative" if total < 0 else "neutral"


def network(ctx: Ctx) -> Page:
    flt = EventFilter(cameo=ctx.text("cameo"), status=ctx.text("status"),
                      date_from=ctx.text("since"), date_to=ctx.text("until"))  # fmt: skip
    nodes: dict[str, int] = defaultdict(int)
    edges: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    for e in all_events(ctx.store, flt):
        if not e.get("source") or not e.get("target"):
            continue
        a, b = country_of(e["source"]), country_of(e["target"])
        nodes[a] += 1
        if b != a:
            nodes[b] += 1
        edges[(min(a, b), max(a, b))].append(e.get("goldstein"))
    edge_rows = []
    for (a, b), scores in sorted(edges.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        known = [s for s in scores if s is not None]
        total = round(sum(known), 3)
        edge_rows.append({
            "a": a, "b": b, "count": len(scores), "goldstein_sum": total,
            "goldstein_mean": round(total / len(known), 3) if known else None,
            "sign": _sign(total),
        })  # fmt: skip
    node_rows = [{"code": c, "events": n}
                 for c, n in sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))]  # fmt: skip
    filters = {"cameo": flt.cameo, "status": flt.status, "since": flt.date_from,
               "until": flt.date_to}  # fmt: skip
    return Page(title="Network", rows=edge_rows, filters=filters,
                data={"nodes": node_rows, "edges": edge_rows},
                context={"sections": [("Nodes", node_rows)]})  # fmt: skip


def period(day: str | None, interval: str) -> str | None:
    """The month (``YYYY-MM``) or ISO week (``YYYY-Www``) of an ISO date, if known."""
    if not day or len(day) < 7:
        return None
    if interval == "month":
        return day[:7]
    try:
        y, w, _ = date.fromisoformat(day[:10] if len(day) >= 10 else day[:7] + "-01").isocalendar()
    except ValueError:
        return None
    return f"{y}-W{w:02d}"


def series(ctx: Ctx) -> Page:
    a, b = ctx.path["a"].strip(), ctx.path["b"].strip()
    interval = ctx.text("interval") or "month"
    if interval not in ("month", "week"):
        raise ServeError(400, "T901", "interval must be week or month")
    directed = ctx.flag("directed")
    pairs = [(a, b)] if directed or a == b else [(a, b), (b, a)]
    found: list[dict[str, Any]] = []
    for s, t in pairs:
        found += all_events(ctx.store, EventFilter(source=s, target=t))
    buckets: dict[str | None, dict[str, Any]] = {}
    for e in found:
        key = period(e.get("date") or e.get("published"), interval)
        row = buckets.setdefault(key, {"period": key, **{q: 0 for q in QUADS.values()},
                                       "other": 0, "events": 0, "_g": []})  # fmt: skip
        q = quad_class(e.get("root") or e.get("cameo"))
        row[QUADS[q] if q else "other"] += 1
        row["events"] += 1
        if e.get("goldstein") is not None:
            row["_g"].append(e["goldstein"])
    rows = []
    for key in sorted(buckets, key=lambda k: (k is None, k or "")):
        row = buckets[key]
        scores = row.pop("_g")
        row["goldstein_sum"] = round(sum(scores), 3)
        row["goldstein_mean"] = round(sum(scores) / len(scores), 3) if scores else None
        rows.append(row)
    return Page(title=f"Dyad {a}–{b} per {interval}", rows=rows,
                filters={"a": a, "b": b, "interval": interval, "directed": directed},
                context={"form": ["interval", "directed"]})  # fmt: skip


VIEWS = [
    ("/network", network, "network"),
    ("/dyads/{a}/{b}/series", series, "series"),
]
