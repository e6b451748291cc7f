"""SQL-side aggregates over events: dyad series, the network, actor neighbours, counts.

Exact, never sampled.  Rollup tables (migration 0003) hold, per key, the number
of events ``n``, the sum of their Goldstein scores ``gsum`` and how many had one
``gn``.  Codes are kept at the level the dashboard asks for, the country
(``country_of``: ``PRKGOV`` counts for ``PRK``):

* ``series_month`` / ``series_week`` — source country × target country × month
  (or ISO week) × quad class: dyad series, neighbours and counts, unfiltered;
* ``series_month_f`` / ``series_week_f`` — the same × event month × CAMEO root ×
  PLOVER × status: the same with filters;
* ``pair_sum`` — the undirected country pair (the network);
* ``pair_total`` — × CAMEO root × PLOVER × status (the network with filters);
* ``pair_month`` — × event month (the network with dates);
* ``pair_rollup`` — × event month, CAMEO root, PLOVER and status (with both);
* ``timeline_month`` / ``timeline_week`` (migration 0004) — month (or week) × quad
  class over every event, whoever its actors (the timeline), and ``*_f`` the same ×
  event month × CAMEO root × PLOVER × status.

A store opened read-only with an older schema uses the rollups it has and reads
events for the rest.

The store keeps them current itself: :func:`apply_document` subtracts a
document's events before they are replaced and adds the new ones after
(``save_analysis``), and :func:`rebuild` recomputes everything (migration,
``refresh_rollups``).  Event groups are not part of any key, so regrouping
leaves the rollups as they are.

A filter a rollup can answer (country-code prefixes, CAMEO roots, PLOVER, status,
dates) is answered from the smallest such rollup; a date bound finer than a month is answered from the
rollup for the months inside the range plus an indexed scan of the events of
the boundary months.  Any other filter (a document, an event group, an actor
code longer than its country's, a CAMEO code longer than its root) falls back to a GROUP BY over the matching events
with the same key expressions, so both ways give the same numbers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from ..extract.event_codes import quad_class
from .base import EventFilter
from .sql_filters import event_conditions, like_exact, like_prefix, prefix_condition, where_clause

QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
         4: "material_conflict"}  # fmt: skip
OTHER = "other"
NONE = ""  # how a missing period, code or PLOVER class is kept in a rollup key


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


def _quad(root: str | None, cameo: str | None) -> int:
    return quad_class(root or cameo) or 0


def register_functions(db: sqlite3.Connection) -> None:
    """The SQL functions the rollup keys use (``tri_period``, ``tri_quad``)."""
    db.create_function("tri_period", 2, period, deterministic=True)
    db.create_function("tri_quad", 2, _quad, deterministic=True)


# -- rollup definitions -----------------------------------------------------------
#: What a series buckets by: the event date, else the publication date (looked up only
#: then, so that a scan of dated events needs no document and an index can cover it).
_DAY = (
    "coalesce(nullif(e.date, ''), (SELECT d.published FROM documents d WHERE d.doc_id = e.doc_id))"
)


def _country(column: str) -> str:
    """SQL for :func:`triangulate.analysis.ledger.country_of` of ``column``."""
    return (
        f"(CASE WHEN coalesce({column}, '') = '' THEN '?'"
        f" WHEN substr({column}, 1, 3) = 'IGO' THEN substr({column}, 1, 6)"
        f" ELSE substr({column}, 1, 3) END)"
    )


_COMMON = {
    "dated": "(e.date IS NOT NULL)",
    "dm": "coalesce(substr(e.date, 1, 7), '')",
    "c2": "substr(e.cameo, 1, 2)",
    "plover": "coalesce(e.plover, '')",
    "status": "e.status",
}


@dataclass(frozen=True)
class Rollup:
    """A rollup table: its key columns with the SQL that computes each from an event."""

    table: str
    keys: dict[str, str]
    where: str = ""  # which events it counts (SQL over ``e``); empty: all

    def expr(self, column: str) -> str:
        return self.keys[column]


_CS, _CT = _country("e.source"), _country("e.target")
_MONTH = f"coalesce(tri_period({_DAY}, 'month'), '')"
_WEEK = f"coalesce(tri_period({_DAY}, 'week'), '')"
_QUAD = "tri_quad(e.root, e.cameo)"
_SERIES = {"cs": _CS, "ct": _CT}
SERIES_MONTH = Rollup("series_month", {**_SERIES, "month": _MONTH, "quad": _QUAD})
SERIES_WEEK = Rollup("series_week", {**_SERIES, "week": _WEEK, "quad": _QUAD})
SERIES_MONTH_F = Rollup("series_month_f", {**_SERIES, "month": _MONTH, **_COMMON, "quad": _QUAD})
SERIES_WEEK_F = Rollup("series_week_f", {**_SERIES, "week": _WEEK, **_COMMON, "quad": _QUAD})
_BOTH = "coalesce(e.source, '') <> '' AND coalesce(e.target, '') <> ''"
_PAIR = {"a": f"min({_CS}, {_CT})", "b": f"max({_CS}, {_CT})"}
PAIR_SUM = Rollup("pair_sum", dict(_PAIR), where=_BOTH)
PAIR_TOTAL = Rollup(
    "pair_total", {**_PAIR, **{k: v for k, v in _COMMON.items() if k not in ("dated", "dm")}},
    where=_BOTH,
)  # fmt: skip
PAIR_DATED = Rollup(
    "pair_month", {"dated": _COMMON["dated"], "dm": _COMMON["dm"], **_PAIR}, where=_BOTH
)
PAIR_MONTH = Rollup(
    "pair_rollup", {"dated": _COMMON["dated"], "dm": _COMMON["dm"], **_PAIR, **_COMMON},
    where=_BOTH,
)  # fmt: skip
TIMELINE_MONTH = Rollup("timeline_month", {"month": _MONTH, "quad": _QUAD})
TIMELINE_WEEK = Rollup("timeline_week", {"week": _WEEK, "quad": _QUAD})
TIMELINE_MONTH_F = Rollup("timeline_month_f", {"month": _MONTH, **_COMMON, "quad": _QUAD})
TIMELINE_WEEK_F = Rollup("timeline_week_f", {"week": _WEEK, **_COMMON, "quad": _QUAD})
TIMELINES = (TIMELINE_MONTH, TIMELINE_WEEK, TIMELINE_MONTH_F, TIMELINE_WEEK_F)
ROLLUPS = (SERIES_MONTH, SERIES_WEEK, SERIES_MONTH_F, SERIES_WEEK_F, PAIR_SUM, PAIR_TOTAL,
           PAIR_DATED, PAIR_MONTH, *TIMELINES)  # fmt: skip
#: Which rollups answer what, smallest first (one without actor columns only answers
#: a filter without actors).
SERIES = {
    "month": (TIMELINE_MONTH, TIMELINE_MONTH_F, SERIES_MONTH, SERIES_MONTH_F),
    "week": (TIMELINE_WEEK, TIMELINE_WEEK_F, SERIES_WEEK, SERIES_WEEK_F),
}
NETWORK = (PAIR_SUM, PAIR_TOTAL, PAIR_DATED, PAIR_MONTH)
COUNTS = (TIMELINE_MONTH, TIMELINE_MONTH_F, SERIES_MONTH, SERIES_MONTH_F)

#: Which rollups to use: all (True), none (False) or those whose tables exist.
Usable = bool | Set[str]


def rollup_tables(db: sqlite3.Connection) -> frozenset[str]:
    """The rollup tables this database has (an older schema has fewer or none)."""
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return frozenset(r.table for r in ROLLUPS if r.table in names)


def _usable(rollups: Iterable[Rollup], use: Usable) -> list[Rollup]:
    if use is True:
        return list(rollups)
    if use is False:
        return []
    return [r for r in rollups if r.table in use]


# -- maintenance --------------------------------------------------------------------
def _apply(
    db: sqlite3.Connection, rollup: Rollup, where: str, params: list[Any], sign: int
) -> None:
    cols = list(rollup.keys)
    exprs = ", ".join(rollup.keys[c] for c in cols)
    conds = [c for c in (where, rollup.where) if c]
    db.execute(
        f"INSERT INTO {rollup.table} ({', '.join(cols)}, n, gsum, gn)"
        f" SELECT {exprs}, ? * count(*), ? * total(e.goldstein), ? * count(e.goldstein)"
        " FROM events e"
        f"{where_clause(conds) or ' WHERE true'}"
        f" GROUP BY {', '.join(str(i + 1) for i in range(len(cols)))}"
        f" ON CONFLICT ({', '.join(cols)}) DO UPDATE SET n = n + excluded.n,"
        " gsum = CASE WHEN gn + excluded.gn = 0 THEN 0.0 ELSE gsum + excluded.gsum END,"
        " gn = gn + excluded.gn",
        [sign, sign, sign, *params],
    )


def apply_document(db: sqlite3.Connection, doc_id: str, sign: int, use: Usable = True) -> None:
    """Add (``sign`` 1) or subtract (-1) the stored events of ``doc_id`` to every rollup."""
    for rollup in _usable(ROLLUPS, use):
        _apply(db, rollup, "e.doc_id = ?", [doc_id], sign)


def rebuild(db: sqlite3.Connection, use: Usable = True) -> None:
    """Recompute the rollups from the events (inside the caller's transaction)."""
    for rollup in _usable(ROLLUPS, use):
        db.execute(f"DELETE FROM {rollup.table}")
        _apply(db, rollup, "", [], 1)


# -- answering a filter ------------------------------------------------------------
@dataclass
class _Plan:
    conditions: list[str]
    params: list[Any]
    boundary: list[str]  # event months (YYYY-MM) whose events are read from ``events``


def country_prefix(value: str) -> bool:
    """Whether "code starts with ``value``" is "its country (``country_of``) starts with
    ``value``": an ASCII letters-and-digits prefix of at most three characters, or of
    at most six starting with IGO (an IGO's "country" is its first six characters)."""
    if not (value.isascii() and value.isalnum()):
        return False
    return len(value) <= 3 or (value[:3].upper() == "IGO" and len(value) <= 6)


def _country_condition(column: str, value: str) -> tuple[str, list[Any]]:
    """A country column starting with ``value``: equality for a whole country code (three
    letters, or six for an IGO), so that the index narrows on the next column too."""
    upper = value.upper()
    whole = len(value) == 6 if upper.startswith("IGO") else len(value) == 3
    return (f"{column} = ?", [upper]) if whole else prefix_condition(column, value)


def _plan(rollup: Rollup, flt: EventFilter) -> _Plan | None:
    """How ``rollup`` answers ``flt``, or None if it cannot."""
    keys = rollup.keys
    if flt.doc_id or flt.group or (flt.cameo and len(flt.cameo) > 2):
        return None
    conds: list[str] = []
    params: list[Any] = []
    for value, columns in (
        (flt.actor, ("cs", "ct")), (flt.source, ("cs",)), (flt.target, ("ct",)),
    ):  # fmt: skip
        if not value:
            continue
        if any(c not in keys for c in columns) or not country_prefix(value):
            return None
        parts = [_country_condition(f"r.{c}", value) for c in columns]
        conds.append("(" + " OR ".join(p[0] for p in parts) + ")")
        params += [v for p in parts for v in p[1]]
    for value, column, sql, param in (
        (flt.cameo, "c2", "r.c2 LIKE ? ESCAPE '\\'", like_prefix),
        (flt.plover, "plover", "r.plover LIKE ? ESCAPE '\\'", like_exact),
        (flt.status, "status", "r.status = ?", str),
    ):
        if not value:
            continue
        if column not in keys:
            return None
        conds.append(sql)
        params.append(param(value))
    boundary: list[str] = []
    if flt.date_from or flt.date_to:
        if "dm" not in keys:
            return None
        conds.append("r.dated = 1")
        if flt.date_from:
            if len(flt.date_from) <= 7:  # then date >= x  <=>  date[:7] >= x
                conds.append("r.dm >= ?")
                params.append(flt.date_from)
            else:  # months after the bound's month; its own month from the events
                conds.append("r.dm > ?")
                params.append(flt.date_from[:7])
                boundary.append(flt.date_from[:7])
        if flt.date_to:
            if len(flt.date_to) <= 7:
                conds.append("substr(r.dm, 1, length(?)) <= ?")
                params += [flt.date_to, flt.date_to]
            else:
                conds.append("r.dm < ?")
                params.append(flt.date_to[:7])
                boundary.append(flt.date_to[:7])
    return _Plan(conds, params, sorted(set(boundary)))


def _from_events(
    db: sqlite3.Connection, rollup: Rollup, group: Sequence[str], flt: EventFilter,
    extra: list[str], extra_params: list[Any], index: str | None = None,
) -> list[tuple[tuple[Any, ...], int, float, int]]:  # fmt: skip
    conds, params = event_conditions(flt)
    conds = [*conds, *extra, *([rollup.where] if rollup.where else [])]
    exprs = [rollup.expr(c) for c in group]
    sql = (
        f"SELECT {''.join(x + ', ' for x in exprs)}"
        "count(*), total(e.goldstein), count(e.goldstein) FROM events e"
        + (f" INDEXED BY {index}" if index else "")
        + where_clause(conds)
        + (f" GROUP BY {', '.join(str(i + 1) for i in range(len(group)))}" if group else "")
    )
    k = len(group)
    return [
        (tuple(r[:k]), int(r[k]), float(r[k + 1]), int(r[k + 2]))
        for r in db.execute(sql, [*params, *extra_params])
        if r[k]
    ]


def aggregate(
    db: sqlite3.Connection, rollups: Sequence[Rollup], group: Sequence[str], flt: EventFilter,
    *, use_rollups: Usable = True,
) -> dict[tuple[Any, ...], list[float]]:  # fmt: skip
    """``{key: [n, gsum, gn]}`` of the events matching ``flt``, grouped by ``group``
    (rollup column names), from the first rollup that can answer, else the events."""
    out: dict[tuple[Any, ...], list[float]] = {}

    def add(rows: list[tuple[tuple[Any, ...], int, float, int]]) -> None:
        for key, n, gsum, gn in rows:
            acc = out.setdefault(key, [0, 0.0, 0])
            acc[0] += n
            acc[1] += gsum
            acc[2] += gn

    rollups = [r for r in rollups if all(c in r.keys for c in group)]
    for rollup in _usable(rollups, use_rollups):
        plan = _plan(rollup, flt)
        if plan is None:
            continue
        cols = ", ".join(f"r.{c}" for c in group)
        sql = (
            f"SELECT {cols + ', ' if cols else ''}sum(r.n), total(r.gsum), sum(r.gn)"
            f" FROM {rollup.table} r{where_clause(plan.conditions)}"
            + (f" GROUP BY {cols}" if cols else "")
        )
        k = len(group)
        add([
            (tuple(r[:k]), int(r[k]), float(r[k + 1]), int(r[k + 2]))
            for r in db.execute(sql, plan.params) if r[k]
        ])  # fmt: skip
        for month in plan.boundary:
            low, high = month, month[:-1] + chr(ord(month[-1]) + 1)
            add(_from_events(db, rollup, group, flt, ["e.date >= ?", "e.date < ?"], [low, high],
                             index="events_dated"))  # fmt: skip
        return out
    add(_from_events(db, rollups[0], group, flt, [], []))
    return out


# -- the aggregates the server shows -------------------------------------------------
def _round(value: float) -> float:
    return round(value, 3)


def dyad_series(
    db: sqlite3.Connection, a: str, b: str, *, interval: str = "month", directed: bool = False,
    flt: EventFilter | None = None, use_rollups: Usable = True,
) -> list[dict[str, Any]]:  # fmt: skip
    """Events of the dyad a–b (both directions unless ``directed``) per period and quad class."""
    if interval not in ("month", "week"):
        raise ValueError("interval must be week or month")
    flt = flt or EventFilter()
    pairs = [(a, b)] if directed or a == b else [(a, b), (b, a)]
    buckets: dict[str, dict[str, Any]] = {}
    for s, t in pairs:
        found = aggregate(db, SERIES[interval], [interval, "quad"], replace(flt, source=s, target=t),
                          use_rollups=use_rollups)  # fmt: skip
        for (key, quad), (n, gsum, gn) in found.items():
            row = buckets.setdefault(key, {
                "period": key or None, **{q: 0 for q in QUADS.values()}, OTHER: 0,
                "events": 0, "_sum": 0.0, "_known": 0,
            })  # fmt: skip
            row[QUADS.get(int(quad), OTHER)] += int(n)
            row["events"] += int(n)
            row["_sum"] += gsum
            row["_known"] += int(gn)
    rows = []
    for key in sorted(buckets, key=lambda k: (k == NONE, k)):
        row = buckets[key]
        total, known = row.pop("_sum"), row.pop("_known")
        row["goldstein_sum"] = _round(total)
        row["goldstein_mean"] = _round(total / known) if known else None
        rows.append(row)
    return rows


def _sign(total: float) -> str:
    return "positive" if total > 0 else "negative" if total < 0 else "neutral"


def network(
    db: sqlite3.Connection, flt: EventFilter | None = None, *, use_rollups: Usable = True
) -> dict[str, list[dict[str, Any]]]:
    """Countries as nodes (events they take part in) and undirected pairs as edges."""
    found = aggregate(db, NETWORK, ["a", "b"], flt or EventFilter(),
                      use_rollups=use_rollups)  # fmt: skip
    edges = []
    nodes: dict[str, int] = {}
    for (a, b), (n, gsum, gn) in sorted(found.items(), key=lambda kv: (-kv[1][0], kv[0])):
        total = _round(gsum)
        edges.append({
            "a": a, "b": b, "count": int(n), "goldstein_sum": total,
            "goldstein_mean": _round(total / gn) if gn else None, "sign": _sign(total),
        })  # fmt: skip
        nodes[a] = nodes.get(a, 0) + int(n)
        if b != a:
            nodes[b] = nodes.get(b, 0) + int(n)
    node_rows = [{"code": c, "events": n}
                 for c, n in sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))]  # fmt: skip
    return {"nodes": node_rows, "edges": edges}


def actor_neighbours(
    db: sqlite3.Connection, code: str, *, limit: int = 20, use_rollups: Usable = True
) -> dict[str, Any]:
    """How often ``code`` (a prefix) is source and target, and the countries on the other
    side with their event counts (most first, then by code)."""
    counts = {"as_source": 0, "as_target": 0}
    neighbours: dict[str, int] = {}
    for role, flt, other in (
        ("as_source", EventFilter(source=code), "ct"),
        ("as_target", EventFilter(target=code), "cs"),
    ):
        for (value,), (n, _, _) in aggregate(db, COUNTS, [other], flt,
                                              use_rollups=use_rollups).items():  # fmt: skip
            counts[role] += int(n)
            neighbours[value] = neighbours.get(value, 0) + int(n)
    top = sorted(neighbours.items(), key=lambda kv: (-kv[1], kv[0]))[: max(limit, 0)]
    return {**counts, "neighbours": [{"code": c, "events": n} for c, n in top]}


def count_events(
    db: sqlite3.Connection, flt: EventFilter | None = None, *, use_rollups: Usable = True
) -> int:
    """How many events match ``flt`` (paging ignored)."""
    found = aggregate(db, COUNTS, [], flt or EventFilter(), use_rollups=use_rollups)
    return int(sum(v[0] for v in found.values()))


def answerable(flt: EventFilter, use: Usable = True) -> bool:
    """Whether :func:`count_events` answers ``flt`` from a rollup (cheaply)."""
    return any(_plan(rollup, flt) is not None for rollup in _usable(COUNTS, use))
