"""An :class:`EventFilter` as parameterised SQL over ``events e`` for PostgreSQL.

The conditions of :mod:`triangulate.store.sql_filters` in the PostgreSQL dialect:
``%s`` placeholders, and ``ILIKE`` for SQLite's ``LIKE``.  The store's text columns
are ``COLLATE "C"``, under which ``ILIKE`` folds ASCII letters only, exactly as
SQLite's ``LIKE``; the prefix ranges on the upper-cased prefix let the btree indexes
narrow the rows (stored codes are upper-case).  Every value is a bound parameter;
none is ever part of the statement text.
"""

from __future__ import annotations

from typing import Any

from . import sql_filters
from .base import EventFilter
from .sql_filters import POSTGRES, like_exact, like_prefix, where_clause

__all__ = ["event_conditions", "like_exact", "like_prefix", "prefix_condition", "where_clause"]


def prefix_condition(column: str, value: str) -> tuple[str, list[Any]]:
    """``column`` starts with ``value`` (ASCII case-insensitively): a range and the ``ILIKE``."""
    return sql_filters.prefix_condition(column, value, POSTGRES)


def event_conditions(flt: EventFilter, alias: str = "e") -> tuple[list[str], list[Any]]:
    """The WHERE conditions (ANDed) and their parameters for ``flt`` (paging excluded)."""
    return sql_filters.event_conditions(flt, alias, POSTGRES)
