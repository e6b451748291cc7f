"""``/actors`` (codes with mention counts) and ``/actors/{code}`` (a profile)."""

from __future__ import annotations

from typing import Any

from ...store import EventFilter, Store
from ..core import Ctx, Page, not_found


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
    """An actor's profile: how often it is source and target, the countries it deals
    with (exact counts from the store), its quotes and its first events as each role."""
    code = ctx.path["code"].strip()
    if not code or len(code) > 32:
        raise not_found(f"actor {code!r}")
    limit = ctx.limit()
    profile = ctx.store.actor_neighbours(code, limit=20)
    quotes = ctx.store.quotes(code=code, limit=limit)
    if not (profile["as_source"] or profile["as_target"] or quotes):
        raise not_found(f"actor {code!r}")
    seen: set[int] = set()
    rows: list[dict[str, Any]] = []
    for role, flt in (("source", EventFilter(source=code, limit=limit)),
                      ("target", EventFilter(target=code, limit=limit))):  # fmt: skip
        for e in ctx.store.events(flt) if len(rows) < limit else []:
            if e["id"] not in seen:
                seen.add(e["id"])
                rows.append({"role": role, **e})
    rows = rows[:limit]
    top = profile["neighbours"]
    data = {
        "code": code, "as_source": profile["as_source"], "as_target": profile["as_target"],
        "neighbours": top, "quotes": quotes, "events": rows,
    }  # fmt: skip
    sections = [("Top neighbours", top), ("Quotes", quotes)]
    summary = {"as source": profile["as_source"], "as target": profile["as_target"]}
    return Page(title=f"Actor {code}", rows=rows, filters={"code": code}, data=data,
                context={"summary": summary, "sections": sections, "form": []})  # fmt: skip


VIEWS = [
    ("/actors", actors, "actors"),
    ("/actors/{code}", actor, "actor"),
]
