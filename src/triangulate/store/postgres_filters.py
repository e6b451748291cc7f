"""An :class:`EventFilter` as parameterised SQL over ``events e`` for PostgreSQL.

The same conditions as :mod:`triangulate.store.sql_filters` (SQLite), written for
PostgreSQL: ``%s`` placeholders, and ``ILIKE`` for SQLite's ``LIKE``.  The store's
text columns are ``COLLATE "C"``, under which ``ILIKE`` folds ASCII letters only,
exactly as SQLite's ``LIKE``; the prefix ranges on the upper-cased prefix let the
btree indexes narrow the rows (stored codes are upper-case).  Every value is a bound
parameter; none is ever part of the statement text.
"""

from __future__ import annotations

from typing import Any

from .base import EventFilter
from .sql_filters import like_exact, like_prefix, prefix_range

__all__ = ["event_conditions", "like_exact", "like_prefix", "prefix_condition", "where_clause"]


def prefix_condition(column: str, value: str) -> tuple[str, list[Any]]:
    """``column`` starts with ``value`` (ASCII case-insensitively): a range and the ``ILIKE``."""
    bounds = prefix_range(value)
    like = f"{column} ILIKE %s"
    if bounds is None:
        return like, [like_prefix(value)]
    return f"({column} >= %s AND {column} < %s AND {like})", [*bounds, like_prefix(value)]


def event_conditions(flt: EventFilter, alias: str = "e") -> tuple[list[str], list[Any]]:
    """The WHERE conditions (ANDed) and their parameters for ``flt`` (paging excluded)."""
    where: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: list[Any]) -> None:
        where.append(sql)
        params.extend(values)

    if flt.actor:
        s_sql, s_params = prefix_condition(f"{alias}.source", flt.actor)
        t_sql, t_params = prefix_condition(f"{alias}.target", flt.actor)
        add(f"({s_sql} OR {t_sql})", s_params + t_params)
    for column, value in (("source", flt.source), ("target", flt.target), ("cameo", flt.cameo)):
        if value:
            add(*prefix_condition(f"{alias}.{column}", value))
    if flt.plover:
        add(f"{alias}.plover ILIKE %s", [like_exact(flt.plover)])
    if flt.status:
        add(f"{alias}.status = %s", [flt.status])
    if flt.doc_id:
        add(f"{alias}.doc_id = %s", [flt.doc_id])
    if flt.group:
        add(f"{alias}.event_group = %s", [flt.group])
    if flt.date_from:
        add(f"{alias}.date >= %s", [flt.date_from])
    if flt.date_to:
        add(f"substr({alias}.date, 1, length(%s::text)) <= %s", [flt.date_to, flt.date_to])
    return where, params


def where_clause(conditions: list[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""
