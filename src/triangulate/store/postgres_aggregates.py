"""Aggregates over events for PostgreSQL: counts, dyad series, the network, neighbours.

Exact, never sampled: each is one or two GROUP BY queries over the events that match
the filter (the filter's indexes narrow them), keyed by the SQL functions of the
PostgreSQL schema (``tri_country``, ``tri_quad``, ``tri_month``, ``tri_week``), which
compute what :mod:`triangulate.store.sqlite_aggregates` keys its rollups by.  The rows
are shaped exactly as the SQLite store shapes them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from .base import EventFilter
from .postgres_filters import event_conditions, where_clause

#: Runs one parameterised statement and returns its rows as tuples.
Rows = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]

QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
         4: "material_conflict"}  # fmt: skip
OTHER = "other"
_DAY = "coalesce(nullif(e.date, ''), d.published)"  # what a series buckets by
_PERIOD = {"month": f"tri_month({_DAY})", "week": f"tri_week({_DAY})"}
_CS, _CT = "tri_country(e.source)", "tri_country(e.target)"
_BOTH = "coalesce(e.source, '') <> '' AND coalesce(e.target, '') <> ''"


def _grouped(
    rows: Rows, keys: Sequence[str], flt: EventFilter, extra: Sequence[str] = (),
    *, documents: bool = False,
) -> list[tuple[tuple[Any, ...], int, float, int]]:  # fmt: skip
    """``(key, n, goldstein sum, events with a score)`` of the events matching ``flt``
    grouped by the SQL expressions ``keys``."""
    conds, params = event_conditions(flt)
    conds = [*conds, *extra]
    k = len(keys)
    sql = (
        f"SELECT {''.join(x + ', ' for x in keys)}count(*), coalesce(sum(e.goldstein), 0),"
        " count(e.goldstein) FROM events e"
        + (" JOIN documents d ON d.doc_id = e.doc_id" if documents else "")
        + where_clause(conds)
        + (f" GROUP BY {', '.join(str(i + 1) for i in range(k))}" if k else "")
    )
    return [
        (tuple(r[:k]), int(r[k]), float(r[k + 1]), int(r[k + 2])) for r in rows(sql, params) if r[k]
    ]


def _round(value: float) -> float:
    return round(value, 3)


def _sign(total: float) -> str:
    return "positive" if total > 0 else "negative" if total < 0 else "neutral"


def count_events(rows: Rows, flt: EventFilter | None = None) -> int:
    """How many events match ``flt`` (paging ignored)."""
    return sum(n for _, n, _, _ in _grouped(rows, [], flt or EventFilter()))


def dyad_series(
    rows: Rows, a: str, b: str, *, interval: str = "month", directed: bool = False,
    flt: EventFilter | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """Events of the dyad a–b (both directions unless ``directed``) per period and quad class."""
    if interval not in _PERIOD:
        raise ValueError("interval must be week or month")
    flt = flt or EventFilter()
    pairs = [(a, b)] if directed or a == b else [(a, b), (b, a)]
    buckets: dict[str | None, dict[str, Any]] = {}
    for s, t in pairs:
        found = _grouped(rows, [_PERIOD[interval], "tri_quad(e.root, e.cameo)"],
                         replace(flt, source=s, target=t), documents=True)  # fmt: skip
        for (key, quad), n, gsum, gn in found:
            row = buckets.setdefault(key, {
                "period": key, **{q: 0 for q in QUADS.values()}, OTHER: 0,
                "events": 0, "_sum": 0.0, "_known": 0,
            })  # fmt: skip
            row[QUADS.get(int(quad), OTHER)] += n
            row["events"] += n
            row["_sum"] += gsum
            row["_known"] += gn
    out = []
    for key in sorted(buckets, key=lambda k: (k is None, k or "")):
        row = buckets[key]
        total, known = row.pop("_sum"), row.pop("_known")
        row["goldstein_sum"] = _round(total)
        row["goldstein_mean"] = _round(total / known) if known else None
        out.append(row)
    return out


def network(rows: Rows, flt: EventFilter | None = None) -> dict[str, list[dict[str, Any]]]:
    """Countries as nodes (events they take part in) and undirected pairs as edges."""
    keys = [f'least({_CS}, {_CT}) COLLATE "C"', f'greatest({_CS}, {_CT}) COLLATE "C"']
    found = _grouped(rows, keys, flt or EventFilter(), [_BOTH])
    edges = []
    nodes: dict[str, int] = {}
    for (a, b), n, gsum, gn in sorted(found, key=lambda r: (-r[1], r[0])):
        total = _round(gsum)
        edges.append({
            "a": a, "b": b, "count": n, "goldstein_sum": total,
            "goldstein_mean": _round(total / gn) if gn else None, "sign": _sign(total),
        })  # fmt: skip
        nodes[a] = nodes.get(a, 0) + n
        if b != a:
            nodes[b] = nodes.get(b, 0) + n
    node_rows = [{"code": c, "events": n}
                 for c, n in sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))]  # fmt: skip
    return {"nodes": node_rows, "edges": edges}


def actor_neighbours(rows: Rows, code: str, *, limit: int = 20) -> dict[str, Any]:
    """How often ``code`` (a prefix) is source and target, and the countries on the other
    side with their event counts (most first, then by code)."""
    counts = {"as_source": 0, "as_target": 0}
    neighbours: dict[str, int] = {}
    for role, flt, other in (
        ("as_source", EventFilter(source=code), _CT),
        ("as_target", EventFilter(target=code), _CS),
    ):
        for (value,), n, _, _ in _grouped(rows, [other], flt):
            counts[role] += n
            neighbours[value] = neighbours.get(value, 0) + n
    top = sorted(neighbours.items(), key=lambda kv: (-kv[1], kv[0]))[: max(limit, 0)]
    return {**counts, "neighbours": [{"code": c, "events": n} for c, n in top]}
