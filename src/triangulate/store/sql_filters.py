"""An :class:`EventFilter` as parameterised SQL over ``events e`` (shared by lists and aggregates).

Every value reaches SQLite as a bound parameter; a value is never part of the
statement text.  Code prefixes (``actor``, ``source``, ``target``, ``cameo``)
keep their meaning: a case-insensitive ``LIKE 'value%'`` (ASCII case, as
SQLite's ``LIKE``).  To let an index answer them, a prefix also gets a range
condition on the upper-cased prefix (``source >= 'PRK' AND source < 'PRL'``):
actor and CAMEO codes are stored upper-case (CAMEO codes are), so the range
only narrows the rows the ``LIKE`` then checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .base import EventFilter

_ASCII_UPPER = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def like_prefix(value: str) -> str:
    """A ``LIKE`` pattern (with ``ESCAPE '\\'``) matching strings that start with ``value``."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def like_exact(value: str) -> str:
    """A ``LIKE`` pattern matching ``value`` itself (ASCII case-insensitively)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def prefix_range(value: str) -> tuple[str, str] | None:
    """``(low, high)`` with ``low <= s < high`` for every upper-case ``s`` starting with
    the (ASCII upper-cased) ``value``; None if no such bound can be written."""
    low = value.translate(_ASCII_UPPER)
    if not low:
        return None
    last = ord(low[-1])
    if last >= 0x10FFFF or 0xD7FF <= last <= 0xDFFF:
        return None
    return low, low[:-1] + chr(last + 1)


@dataclass(frozen=True)
class Dialect:
    """How a backend spells the few things that differ: the placeholder, a
    case-insensitive ``LIKE`` (escape ``\\``) and the length of a text parameter."""

    mark: str = "?"
    like: str = "LIKE {mark} ESCAPE '\\'"
    length: str = "length({mark})"


SQLITE = Dialect()
#: PostgreSQL: ``ILIKE`` under ``COLLATE "C"`` folds ASCII letters only, as SQLite's ``LIKE``
#: (whose default escape is already the backslash).
POSTGRES = Dialect(mark="%s", like="ILIKE {mark}", length="length({mark}::text)")


def prefix_condition(
    column: str, value: str, dialect: Dialect = SQLITE
) -> tuple[str, list[Any]]:
    """``column`` starts with ``value``: an index-friendly range and the exact ``LIKE``."""
    m = dialect.mark
    bounds = prefix_range(value)
    like = f"{column} {dialect.like.format(mark=m)}"
    if bounds is None:
        return like, [like_prefix(value)]
    return f"({column} >= {m} AND {column} < {m} AND {like})", [*bounds, like_prefix(value)]


def event_conditions(
    flt: EventFilter, alias: str = "e", dialect: Dialect = SQLITE
) -> tuple[list[str], list[Any]]:
    """The WHERE conditions (ANDed) and their parameters for ``flt`` (paging excluded)."""
    m = dialect.mark
    where: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: list[Any]) -> None:
        where.append(sql)
        params.extend(values)

    if flt.actor:
        s_sql, s_params = prefix_condition(f"{alias}.source", flt.actor, dialect)
        t_sql, t_params = prefix_condition(f"{alias}.target", flt.actor, dialect)
        add(f"({s_sql} OR {t_sql})", s_params + t_params)
    for column, value in (("source", flt.source), ("target", flt.target), ("cameo", flt.cameo)):
        if value:
            add(*prefix_condition(f"{alias}.{column}", value, dialect))
    if flt.plover:
        add(f"{alias}.plover {dialect.like.format(mark=m)}", [like_exact(flt.plover)])
    if flt.status:
        add(f"{alias}.status = {m}", [flt.status])
    if flt.doc_id:
        add(f"{alias}.doc_id = {m}", [flt.doc_id])
    if flt.group:
        add(f"{alias}.event_group = {m}", [flt.group])
    if flt.date_from:
        add(f"{alias}.date >= {m}", [flt.date_from])
    if flt.date_to:
        length = dialect.length.format(mark=m)
        add(f"substr({alias}.date, 1, {length}) <= {m}", [flt.date_to, flt.date_to])
    return where, params


def quote_conditions(
    speaker: str | None, code: str | None, dialect: Dialect = SQLITE
) -> tuple[list[str], list[Any]]:
    """Quotes (``q``) whose speaker contains ``speaker`` and whose speaker code starts with
    ``code``."""
    where: list[str] = []
    params: list[Any] = []
    if speaker:
        where.append(f"q.speaker {dialect.like.format(mark=dialect.mark)}")
        params.append("%" + like_prefix(speaker))
    if code:
        code_sql, code_params = prefix_condition("q.speaker_code", code, dialect)
        where.append(code_sql)
        params += code_params
    return where, params


def where_clause(conditions: list[str]) -> str:
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""
