"""Stores: where documents, their sentences and the facts found in them are kept.

``open_store`` picks a backend from a location: a file path or ``sqlite:///path``
(the default backend), ``:memory:``, or a ``postgresql://`` URL (the PostgreSQL
backend, ``store/postgres.py``, which needs the ``postgres`` extra).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import UsageError
from .base import AddStatus, EventFilter, Store, event_pages
from .sqlite import SQLiteStore

DEFAULT_DB = "triangulate.db"

__all__ = [
    "DEFAULT_DB",
    "AddStatus",
    "EventFilter",
    "SQLiteStore",
    "Store",
    "default_location",
    "event_pages",
    "open_store",
]


def default_location() -> str:
    """The database used when none is given: ``$TRIANGULATE_DB`` or ``./triangulate.db``."""
    return os.environ.get("TRIANGULATE_DB", DEFAULT_DB)


def open_store(location: str | Path | None = None, *, readonly: bool = False) -> Store:
    """Open (and create or migrate) the store at ``location``."""
    loc = str(location) if location is not None else default_location()
    if loc.startswith("sqlite:///"):
        loc = loc[len("sqlite:///") :]
    elif "://" in loc:
        scheme = loc.split("://", 1)[0]
        from .postgres import SCHEMES, PostgresStore, redact  # psycopg: imported on opening

        if scheme.lower() in SCHEMES:
            return PostgresStore(loc, readonly=readonly)
        raise UsageError(
            f"unsupported store location {redact(loc)!r}: scheme {scheme!r} is not available;"
            " give a SQLite file path, sqlite:///path or postgresql://user@host:port/db"
        )
    return SQLiteStore(loc, readonly=readonly)
