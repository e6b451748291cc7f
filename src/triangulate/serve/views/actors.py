"""``/actors`` (codes with mention counts) and ``/actors/{code}`` (a profile)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from typing import Any

from ...analysis.ledger import country_of
from ...store import EventFilter, Store
from ..core import Ctx, Page, ServeError, not_found
from .events import all_events


def _connection(store: Store) -> sqlite3.Connection:
    # Mention counts are not part of the Store protocol yet; read them from the
    # SQLite connection (parameterised, read-only).
    conn = getattr(store, "_db", None)
    if not isinstance(conn, sqlite3.Connection):
        raise ServeError(501, "T902", "actor counts need the SQLite backend")
    return conn


def actor_counts(
    store: Store, *, prefix: str | None, limit: int, offset: int
) -> list[dict[str, Any]]:
    sql = (
        "SELECT m.code AS code, count(*) AS mentions, count(DISTINCT m.doc_id) AS documents,"
        " (SELECT a.name FROM actors a WHERE a.code = m.code GROUP BY a.name"
        "  ORDER BY count(*) DESC, a.name LIMIT 1) AS name"
        " FROM mentions m"
    )
    params: list[Any] = []
    if prefix:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql += " WHERE m.code LIKE ? ESCAPE '\\'"
        params.append(escaped + "%")
    sql += " GROUP BY m.code ORDER BY mentions DESC, m.code LIMIT ? OFFSET ?"
    params += [limit, offset]
    return [dict(r) for r in _connection(store).execute(sql, params)]


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
