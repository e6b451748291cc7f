"""Opening a PostgreSQL store: the driver, the connection, the server's checks, migrations.

psycopg 3 is imported here only when a store is opened, so SQLite users never need it
(``pip install 'triangulate[postgres]'``).  The schema is versioned by the numbered
scripts in ``store/pg_migrations/`` and recorded in a ``schema_version`` table; the
missing ones are applied on open, in one transaction, under an advisory lock so that
two processes opening a new database at once migrate it once.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from ..errors import StoreError

if TYPE_CHECKING:
    import psycopg

SCHEMES = ("postgresql", "postgres")
MIN_SERVER_VERSION = 120000  # generated columns
_LOCK_KEY = 0x7472_6961_6E67  # "triang": serialises the migrations of one database


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every PostgreSQL migration shipped with the package, in order."""
    found = []
    folder = resources.files("triangulate.store") / "pg_migrations"
    for entry in folder.iterdir():
        m = re.match(r"(\d{4})_(\w+)\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def redact(url: str) -> str:
    """``url`` without its password (for messages)."""
    try:
        parts = urlsplit(url)
        password, port = parts.password, parts.port
    except ValueError:
        return "<store URL>"
    if password is None:
        return url
    host = (parts.hostname or "") + (f":{port}" if port else "")
    netloc = f"{parts.username or ''}:***@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _driver() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(
            "a PostgreSQL store needs the psycopg driver: pip install 'triangulate[postgres]'",
            code="T302",
        ) from exc
    return psycopg


@functools.cache
def _text_dumper() -> type:
    """A ``str`` dumper that sends NUL (which PostgreSQL text cannot hold) as U+FFFD."""
    from psycopg.types.string import StrDumperUnknown

    class NulSafeStrDumper(StrDumperUnknown):
        def dump(self, obj: str) -> Any:
            return super().dump(obj.replace("\x00", "\ufffd") if "\x00" in obj else obj)

    return NulSafeStrDumper


def connect(url: str, name: str) -> psycopg.Connection[dict[str, Any]]:
    """An autocommit connection to ``url`` (called ``name`` in messages) with dict rows,
    to a server this store can use."""
    driver = _driver()
    from psycopg.rows import dict_row

    try:
        conn: psycopg.Connection[dict[str, Any]] = driver.connect(
            url, autocommit=True, row_factory=dict_row, connect_timeout=10,
            application_name="triangulate",
        )  # fmt: skip
    except driver.Error as exc:
        detail = " ".join(str(exc).split())
        raise StoreError(f"cannot connect to PostgreSQL at {name}: {detail}", code="T303") from exc
    try:
        conn.adapters.register_dumper(str, _text_dumper())
        if conn.info.server_version < MIN_SERVER_VERSION:
            raise StoreError(f"{name}: PostgreSQL 12 or newer is needed")
        row = conn.execute("SHOW server_encoding").fetchone()
        if row is None or str(row["server_encoding"]).upper() not in ("UTF8", "UTF-8"):
            raise StoreError(f"{name}: the database must use the UTF8 encoding")
    except BaseException:
        conn.close()
        raise
    return conn


def schema_version(conn: psycopg.Connection[dict[str, Any]]) -> int:
    row = conn.execute("SELECT to_regclass('schema_version') IS NOT NULL AS present").fetchone()
    if not row or not row["present"]:
        return 0
    found = conn.execute("SELECT coalesce(max(version), 0) AS v FROM schema_version").fetchone()
    return int(found["v"]) if found else 0


def refuse_newer(current: int, name: str) -> None:
    latest = migrations()[-1][0]
    if current > latest:
        raise StoreError(
            f"{name} has schema version {current}, newer than this triangulate ({latest}):"
            " upgrade triangulate"
        )


def migrate(conn: psycopg.Connection[dict[str, Any]], name: str) -> None:
    """Apply the migrations ``conn``'s database lacks (none: no write, no lock)."""
    import psycopg

    current = schema_version(conn)
    refuse_newer(current, name)
    if current == migrations()[-1][0]:
        return
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        current = schema_version(conn)  # another process may have migrated meanwhile
        refuse_newer(current, name)
        for version, label, sql in migrations():
            if version <= current:
                continue
            try:
                with conn.transaction():
                    conn.execute(sql)
            except psycopg.Error as exc:
                raise StoreError(f"migration {version:04d}_{label} failed: {exc}") from exc
            conn.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                [version, label, now()],
            )
