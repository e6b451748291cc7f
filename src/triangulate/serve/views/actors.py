"""``/actors`` (codes with mention counts) and ``/actors/{code}`` (a profile)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ...analysis.ledger import country_of
from ...store import EventFilter, Store
from ..core import Ctx, Page, not_found
from .events import all_events


def actor_counts(
    store: Store, *, prefix: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    return store.actor_counts(prefix=prefix, limit=limit, offset=offset)


def actors(ctx: Ctx) -> Page:
    prefix, limit, offset = ctx.text("code"), ctx.limit(), ctx.offset()
    rows = actor_counts(ctx.store, prefix=prefix, limit=limit, offset=offset)
    return Page(title="Actors", rows=rows,
                filters={"code": prefix, "limit": limit, "offset": offset})  # fmt: skip


def actor(ctx: Ctx) -> Page:
    code = ctx.path["code"].strip()
    if not code or len(code) > 32:
        raise not_found(f"actor {code!r}")
    as_source = all_events(ctx.store, EventFilter(source=code))
    as_target = all_events(ctx.store, EventFilter(target=code))
    quotes = ctx.store.quotes(code=code, limit=ctx.limit())
    if not (as_source or as_target or quotes):
        raise not_found(f"actor {code!r}")
    neighbours: Counter[str] = Counter()
    for e in as_source:
        neighbours[country_of(e.get("target"))] += 1
    for e in as_target:
        neighbours[country_of(e.get("source"))] += 1
    top = [{"code": c, "events": n} for c, n in neighbours.most_common(20)]
    seen: set[int] = set()
    rows: list[dict[str, Any]] = []
    for role, group in (("source", as_source), ("target", as_target)):
        for e in group:
            if e["id"] not in seen:
                seen.add(e["id"])
                rows.append({"role": role, **e})
    rows = rows[: ctx.limit()]
    data = {
        "code": code, "as_source": len(as_source), "as_target": len(as_target),
        "neighbours": top, "quotes": quotes, "events": rows,
    }  # fmt: skip
    sections = [("Top neighbours", top), ("Quotes", quotes)]
    return Page(title=f"Actor {code}", rows=rows, filters={"code": code}, data=data,
                context={"summary": {"as source": len(as_source), "as target": len(as_target)},
                         "sections": sections, "form": []})  # fmt: skip


VIEWS = [
    ("/actors", actors, "actors"),
    ("/actors/{code}", actor, "actor"),
]
