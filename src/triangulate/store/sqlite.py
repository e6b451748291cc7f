"""SQLite store (the default backend): WAL journal, FTS5 over sentences, versioned schema.

All SQL is parameterised; article text never reaches a statement as SQL.
Writes happen in explicit transactions (``batch()``), so a killed process
leaves the database at the last commit and a re-run completes the rest.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import (
    SUPPORTED_LANGUAGES,
    Actor,
    Analysis,
    Claim,
    Document,
    Event,
    Mention,
    Quote,
    Sentence,
)
from ..readers.dedup import bands as _bands
from . import sqlite_aggregates as aggregates
from .base import AddStatus, EventFilter
from .sql_filters import SQLITE, event_conditions, like_prefix, quote_conditions, where_clause

_DOC_FIELDS = (
    "doc_id", "hash", "text", "source", "source_line", "format", "title", "url", "author",
    "site", "language", "language_confidence", "language_source", "published",
    "published_precision", "published_source", "genre", "encoding", "body_start",
    "duplicate_of",
)  # fmt: skip


#: The stored columns of an event, in table order (``sort_date`` is derived, not shown).
_EVENT_COLUMNS = ", ".join(
    f"e.{c}"
    for c in (
        "id", "doc_id", "run_id", "source", "target", "source_text", "target_text", "cameo",
        "root", "plover", "goldstein", "status", "attributed_to", "date", "date_precision",
        "location", "geonames_id", "sentence_start", "sentence_end", "trigger_start",
        "trigger_end", "event_group", "latitude", "longitude",
    )
)  # fmt: skip
#: How many documents tell an event's group (0 without a group); the index is named so
#: that statistics over mostly ungrouped events never turn it into a table scan.
_GROUP_SOURCES = (
    " CASE WHEN e.event_group IS NULL THEN 0 ELSE (SELECT count(DISTINCT g.doc_id)"
    " FROM events g INDEXED BY events_group WHERE g.event_group = e.event_group) END"
)
ROLLUP_SCHEMA = 3  # the first schema version with the rollups and the keyset order


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration shipped with the package, in order."""
    found = []
    folder = resources.files("triangulate.store") / "migrations"
    for entry in folder.iterdir():
        m = re.match(r"(\d{4})_(\w+)\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


class SQLiteStore:
    """The default store: one SQLite file (or ``:memory:``)."""

    def __init__(self, path: str | Path = "triangulate.db", *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self._db = sqlite3.connect(uri, uri=True, isolation_level=None,
                                           check_same_thread=False)  # fmt: skip
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, isolation_level=None,
                                           check_same_thread=False)  # fmt: skip
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite database {self.path}: {exc}") from exc
        self._db.row_factory = sqlite3.Row
        self._depth = 0
        db = self._db
        aggregates.register_functions(db)
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            if self.path != ":memory:":
                db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        elif self.schema_version() == 0:
            raise StoreError(f"{self.path} is not a triangulate database (no schema)")
        # An older database opened read-only has fewer rollups or none: aggregates then
        # read events for what its rollups cannot answer.
        self._rollups = self.schema_version() >= ROLLUP_SCHEMA
        self._rollup_tables = aggregates.rollup_tables(db) if self._rollups else frozenset()

    # -- schema -------------------------------------------------------------
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version()
        todo = [m for m in migrations() if m[0] > current]
        latest = migrations()[-1][0]
        if current > latest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this triangulate "
                f"({latest}): upgrade triangulate"
            )
        for version, name, sql in todo:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                before = aggregates.rollup_tables(self._db)
                for statement in _split_sql(sql):
                    self._db.execute(statement)
                if version >= ROLLUP_SCHEMA:  # fill the rollups this migration made
                    aggregates.rebuild(self._db, aggregates.rollup_tables(self._db) - before)
                self._db.execute(f"PRAGMA user_version = {int(version)}")
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._db.execute("ROLLBACK")
                raise StoreError(f"migration {version:04d}_{name} failed: {exc}") from exc

    # -- transactions -------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._db.execute("ROLLBACK")
            raise
        self._depth = 0
        self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    # -- documents ----------------------------------------------------------
    def add_document(self, doc: Document, fingerprint: int | None = None) -> AddStatus:
        row = self._db.execute(
            "SELECT hash FROM documents WHERE doc_id = ?", (doc.doc_id,)
        ).fetchone()
        if row is not None:
            return "exists" if row["hash"] == doc.hash else "conflict"
        values = [getattr(doc, f) for f in _DOC_FIELDS]
        with self.batch():
            self._db.execute(
                f"INSERT INTO documents ({', '.join(_DOC_FIELDS)}, meta, fingerprint, ingested_at)"
                f" VALUES ({', '.join('?' * len(_DOC_FIELDS))}, ?, ?, ?)",
                (
                    *values,
                    json.dumps(doc.meta, ensure_ascii=False, default=str),
                    fingerprint,
                    _now(),
                ),
            )
            if fingerprint is not None and doc.duplicate_of is None:
                self._db.executemany(
                    "INSERT OR IGNORE INTO fingerprint_bands (band, value, doc_id) VALUES (?, ?, ?)",
                    [(i, b, doc.doc_id) for i, b in enumerate(_bands(fingerprint))],
                )
        return "added"

    def near_duplicate_candidates(self, bands: Sequence[int]) -> list[tuple[str, int]]:
        if not bands:
            return []
        clause = " OR ".join("(b.band = ? AND b.value = ?)" for _ in bands)
        params: list[int] = []
        for i, b in enumerate(bands):
            params += [i, b]
        rows = self._db.execute(
            "SELECT DISTINCT d.doc_id, d.fingerprint FROM fingerprint_bands b "
            f"JOIN documents d ON d.doc_id = b.doc_id WHERE {clause}",
            params,
        ).fetchall()
        return [(r["doc_id"], r["fingerprint"]) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        row = self._db.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return _row_to_document(row) if row else None

    def documents(
        self, *, limit: int = 100, offset: int = 0, language: str | None = None
    ) -> list[Document]:
        sql = "SELECT * FROM documents"
        params: list[Any] = []
        if language:
            sql += " WHERE language = ?"
            params.append(language)
        sql += " ORDER BY doc_id LIMIT ? OFFSET ?"
        params += [limit, offset]
        return [_row_to_document(r) for r in self._db.execute(sql, params)]

    def pending(self, pipeline_version: str, *, reprocess: bool = False) -> list[str]:
        langs = ",".join("?" * len(SUPPORTED_LANGUAGES))
        cond = "p.doc_id IS NULL" + (" OR p.pipeline_version != ?" if reprocess else "")
        params: list[Any] = [*SUPPORTED_LANGUAGES]
        if reprocess:
            params.append(pipeline_version)
        rows = self._db.execute(
            "SELECT d.doc_id FROM documents d LEFT JOIN processed p ON p.doc_id = d.doc_id "
            f"WHERE d.duplicate_of IS NULL AND d.language IN ({langs}) AND ({cond}) "
            "ORDER BY d.rowid",
            params,
        ).fetchall()
        return [r["doc_id"] for r in rows]

    # -- runs and facts -------------------------------------------------------
    def begin_run(self, pipeline_version: str, config: dict[str, Any]) -> int:
        with self.batch():
            cur = self._db.execute(
                "INSERT INTO runs (pipeline_version, config, started_at) VALUES (?, ?, ?)",
                (pipeline_version, json.dumps(config, sort_keys=True, default=str), _now()),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, documents: int, status: str = "done") -> None:
        with self.batch():
            self._db.execute(
                "UPDATE runs SET finished_at = ?, documents = ?, status = ? WHERE run_id = ?",
                (_now(), documents, status, run_id),
            )

    def save_analysis(self, analysis: Analysis, run_id: int, pipeline_version: str) -> None:
        doc_id = analysis.document.doc_id
        db = self._db
        with self.batch():
            aggregates.apply_document(db, doc_id, -1, self._rollup_tables)
            for table in ("sentences", "actors", "mentions", "events", "claims", "quotes"):
                db.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
            db.executemany(
                "INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (?, ?, ?, ?, ?)",
                [(doc_id, s.index, s.start, s.end, s.text) for s in analysis.sentences],
            )
            db.executemany(
                "INSERT OR REPLACE INTO actors (doc_id, actor_id, name, type, code) VALUES (?, ?, ?, ?, ?)",
                [(doc_id, a.id, a.name, a.type, a.code) for a in analysis.actors],
            )
            db.executemany(
                "INSERT INTO mentions (doc_id, actor_id, code, start, end, text, sentence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, m.actor_id, m.code, m.start, m.end, m.text, m.sentence)
                 for m in analysis.mentions],
            )  # fmt: skip
            db.executemany(
                "INSERT INTO events (doc_id, run_id, source, target, source_text, target_text, cameo,"
                " root, plover, goldstein, status, attributed_to, date, date_precision, location,"
                " geonames_id, latitude, longitude, sentence_start, sentence_end, trigger_start,"
                " trigger_end, event_group)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, run_id, e.source, e.target, e.source_text, e.target_text, e.cameo, e.root,
                  e.plover, e.goldstein, e.status, e.attributed_to, e.date, e.date_precision,
                  e.location, e.geonames_id, e.latitude, e.longitude, *e.sentence, *e.trigger,
                  e.group)
                 for e in analysis.events],
            )  # fmt: skip
            aggregates.apply_document(db, doc_id, 1, self._rollup_tables)
            db.executemany(
                "INSERT INTO claims (doc_id, run_id, item, value, value_max, approximate, unit, about,"
                " predicate, asserted_by, date, status, text_start, text_end, sentence_start,"
                " sentence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, run_id, c.item, c.value, c.value_max, int(c.approximate), c.unit,
                  json.dumps(c.about), c.predicate, c.asserted_by, c.date, c.status, *c.text,
                  *c.sentence) for c in analysis.claims],
            )  # fmt: skip
            db.executemany(
                "INSERT INTO quotes (doc_id, run_id, speaker, speaker_code, text_start, text_end,"
                " sentence_start, sentence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(doc_id, run_id, q.speaker, q.speaker_code, *q.text, *q.sentence)
                 for q in analysis.quotes],
            )  # fmt: skip
            db.execute(
                "INSERT OR REPLACE INTO processed (doc_id, pipeline_version, run_id, processed_at)"
                " VALUES (?, ?, ?, ?)",
                (doc_id, pipeline_version, run_id, _now()),
            )

    def analysis(self, doc_id: str) -> Analysis | None:
        doc = self.document(doc_id)
        if doc is None:
            return None
        db = self._db
        out = Analysis(document=doc)
        for r in db.execute("SELECT * FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,)):
            out.sentences.append(Sentence(r["idx"], r["start"], r["end"], r["text"]))
        actors: dict[str, Actor] = {}
        for r in db.execute("SELECT * FROM actors WHERE doc_id = ? ORDER BY actor_id", (doc_id,)):
            actors[r["actor_id"]] = Actor(r["actor_id"], r["name"], r["type"], r["code"])
        for r in db.execute("SELECT * FROM mentions WHERE doc_id = ? ORDER BY start", (doc_id,)):
            out.mentions.append(
                Mention(r["start"], r["end"], r["text"], r["actor_id"], r["code"], r["sentence"])
            )
            if r["actor_id"] in actors:
                actors[r["actor_id"]].mentions.append((r["start"], r["end"]))
        out.actors = list(actors.values())
        for r in db.execute("SELECT * FROM events WHERE doc_id = ? ORDER BY id", (doc_id,)):
            out.events.append(_row_to_event(r))
        for r in db.execute("SELECT * FROM claims WHERE doc_id = ? ORDER BY id", (doc_id,)):
            out.claims.append(
                Claim(
                    item=r["item"], value=r["value"], unit=r["unit"],
                    text=(r["text_start"], r["text_end"]),
                    sentence=(r["sentence_start"], r["sentence_end"]), value_max=r["value_max"],
                    approximate=bool(r["approximate"]), about=json.loads(r["about"]),
                    predicate=r["predicate"], asserted_by=r["asserted_by"], date=r["date"],
                    status=r["status"],
                )
            )  # fmt: skip
        for r in db.execute("SELECT * FROM quotes WHERE doc_id = ? ORDER BY id", (doc_id,)):
            out.quotes.append(
                Quote(r["speaker"], (r["text_start"], r["text_end"]),
                      (r["sentence_start"], r["sentence_end"]), r["speaker_code"])
            )  # fmt: skip
        return out

    # -- queries ----------------------------------------------------------
    def stats(self) -> dict[str, int]:
        db = self._db

        def one(sql: str) -> int:
            return int(db.execute(sql).fetchone()[0])

        return {
            "documents": one("SELECT count(*) FROM documents"),
            "duplicates": one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            "unsupported": one(
                "SELECT count(*) FROM documents WHERE language IS NULL OR language NOT IN "
                f"({','.join(repr(x) for x in SUPPORTED_LANGUAGES)})"
            ),
            "processed": one("SELECT count(*) FROM processed"),
            "sentences": one("SELECT count(*) FROM sentences"),
            "actors": one("SELECT count(DISTINCT code) FROM actors"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "events": one("SELECT count(*) FROM events"),
            "claims": one("SELECT count(*) FROM claims"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "runs": one("SELECT count(*) FROM runs"),
        }

    def top_dyads(self, limit: int = 10) -> list[tuple[str, str, int]]:
        rows = self._db.execute(
            "SELECT substr(source, 1, CASE WHEN source LIKE 'IGO%' THEN 6 ELSE 3 END) AS s,"
            " substr(target, 1, CASE WHEN target LIKE 'IGO%' THEN 6 ELSE 3 END) AS t,"
            " count(*) AS n FROM events"
            " WHERE source IS NOT NULL AND target IS NOT NULL GROUP BY s, t ORDER BY n DESC, s, t"
            " LIMIT ?",
            (limit,),
        ).fetchall()
        return [(r["s"], r["t"], r["n"]) for r in rows]

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        flt = flt or EventFilter()
        where, params = event_conditions(flt)
        filtered = bool(where)
        order = self._order_key()
        if self._rollups:  # the same date bounds on the list-order column: an index range
            if flt.date_from:
                where.append("e.sort_date >= ?")
                params.append(flt.date_from)
            if flt.date_to:
                where.append("e.sort_date <= ?")
                params.append(flt.date_to + "\U0010ffff")
        if flt.after is not None:
            where.append(
                f"({order}, e.doc_id, e.sentence_start, e.id) > "
                f"(SELECT {order.replace('e.', 'c.')}, c.doc_id, c.sentence_start, c.id"
                " FROM events c WHERE c.id = ?)"
            )
            params.append(flt.after)
        limit = min(max(flt.limit, 0), 10_000)
        # A broad filter is answered fastest by walking the list order until the page
        # is full; a narrow one by its own index and a small sort.  Rollups tell which.
        hint = ""
        if self._rollups and filtered and aggregates.answerable(flt, self._rollup_tables):
            matching = aggregates.count_events(self._db, flt)
            if matching * 200 > self._event_total() and (flt.offset + limit) * 20 < matching:
                hint = " INDEXED BY events_order"
        sql = (
            f"SELECT {_EVENT_COLUMNS}, substr(d.text, e.sentence_start + 1,"
            " e.sentence_end - e.sentence_start) AS evidence, d.published AS published,"
            f"{_GROUP_SOURCES} AS group_sources FROM events e{hint} JOIN documents d ON d.doc_id = e.doc_id"
            f"{where_clause(where)}"
            f" ORDER BY {order}, e.doc_id, e.sentence_start, e.id LIMIT ? OFFSET ?"
        )
        params += [limit, max(flt.offset, 0)]
        return [dict(r) for r in self._db.execute(sql, params)]

    def event(self, event_id: int) -> dict[str, Any] | None:
        row = self._db.execute(
            f"SELECT {_EVENT_COLUMNS}, substr(d.text, e.sentence_start + 1,"
            " e.sentence_end - e.sentence_start) AS evidence, d.published AS published,"
            f"{_GROUP_SOURCES} AS group_sources FROM events e JOIN documents d ON d.doc_id = e.doc_id"
            " WHERE e.id = ?",
            (event_id,),
        ).fetchone()
        return dict(row) if row else None

    def count_events(self, flt: EventFilter | None = None) -> int:
        return aggregates.count_events(self._db, flt, use_rollups=self._rollup_tables)

    def dyad_series(
        self, a: str, b: str, *, interval: str = "month", directed: bool = False,
        flt: EventFilter | None = None,
    ) -> list[dict[str, Any]]:  # fmt: skip
        return aggregates.dyad_series(self._db, a, b, interval=interval, directed=directed,
                                      flt=flt, use_rollups=self._rollup_tables)  # fmt: skip

    def network(self, flt: EventFilter | None = None) -> dict[str, list[dict[str, Any]]]:
        return aggregates.network(self._db, flt, use_rollups=self._rollup_tables)

    def actor_neighbours(self, code: str, *, limit: int = 20) -> dict[str, Any]:
        return aggregates.actor_neighbours(self._db, code, limit=limit,
                                           use_rollups=self._rollup_tables)  # fmt: skip

    def refresh_rollups(self) -> None:
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only: cannot refresh its rollups")
        with self.batch():
            aggregates.rebuild(self._db)

    def _order_key(self) -> str:
        """The list order's first key: dated events by date, undated ones last."""
        return "e.sort_date" if self._rollups else "coalesce(e.date, char(1114111))"

    def _event_total(self) -> int:
        row = self._db.execute("SELECT max(id) FROM events").fetchone()
        return int(row[0] or 0)

    def quotes(
        self, *, speaker: str | None = None, code: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        where, params = quote_conditions(speaker, code, SQLITE)
        sql = (
            "SELECT q.doc_id, q.speaker, q.speaker_code, q.text_start, q.text_end,"
            " q.sentence_start, q.sentence_end, d.published,"
            " substr(d.text, q.text_start + 1, q.text_end - q.text_start) AS quote,"
            " substr(d.text, q.sentence_start + 1, q.sentence_end - q.sentence_start) AS evidence"
            # quotes first (CROSS JOIN keeps that order): never a walk over every document
            " FROM quotes q CROSS JOIN documents d ON d.doc_id = q.doc_id"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.published, q.doc_id, q.text_start LIMIT ?"
        params.append(min(max(limit, 0), 10_000))
        return [dict(r) for r in self._db.execute(sql, params)]

    def claims(self, *, item: str | None = None, limit: int = 10_000) -> list[dict[str, Any]]:
        sql = (
            "SELECT c.*, d.published,"
            " substr(d.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) AS evidence"
            " FROM claims c JOIN documents d ON d.doc_id = c.doc_id"
        )
        params: list[Any] = []
        if item:
            sql += " WHERE c.item LIKE ? ESCAPE '\\'"
            params.append("%" + like_prefix(item))
        sql += " ORDER BY d.published, c.doc_id, c.text_start LIMIT ?"
        params.append(min(max(limit, 0), 1_000_000))
        rows = []
        for r in self._db.execute(sql, params):
            row = dict(r)
            row["about"] = json.loads(row["about"] or "[]")
            row["approximate"] = bool(row["approximate"])
            rows.append(row)
        return rows

    def event_mentions(self) -> list[dict[str, Any]]:
        rows = self._db.execute(
            "SELECT e.id, e.doc_id, e.source, e.target, e.root, e.date, e.location,"
            " substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS evidence"
            " FROM events e JOIN documents d ON d.doc_id = e.doc_id"
            " WHERE e.source IS NOT NULL AND e.target IS NOT NULL ORDER BY e.id"
        )
        return [dict(r) for r in rows]

    def set_event_groups(self, groups: dict[int, str]) -> None:
        with self.batch():
            self._db.execute("UPDATE events SET event_group = NULL WHERE event_group IS NOT NULL")
            self._db.executemany(
                "UPDATE events SET event_group = ? WHERE id = ?",
                [(g, i) for i, g in groups.items()],
            )

    def actor_counts(
        self, *, prefix: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        sql = (
            "SELECT m.code AS code, count(*) AS mentions, count(DISTINCT m.doc_id) AS documents,"
            " (SELECT a.name FROM actors a WHERE a.code = m.code GROUP BY a.name"
            "  ORDER BY count(*) DESC, a.name LIMIT 1) AS name"
            " FROM mentions m"
        )
        params: list[Any] = []
        if prefix:
            sql += " WHERE m.code LIKE ? ESCAPE '\\'"
            params.append(like_prefix(prefix))
        sql += " GROUP BY m.code ORDER BY mentions DESC, m.code LIMIT ? OFFSET ?"
        params += [min(max(limit, 0), 10_000), max(offset, 0)]
        return [dict(r) for r in self._db.execute(sql, params)]

    def set_deadline(self, seconds: float | None) -> None:
        if seconds is None:
            self._db.set_progress_handler(None, 0)
            return
        deadline = time.monotonic() + seconds
        self._db.set_progress_handler(lambda: int(time.monotonic() > deadline), 200)

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        fts = _fts_query(query)
        if not fts:
            return []
        rows = self._db.execute(
            "SELECT s.doc_id, s.idx, s.start, s.end, s.text,"
            " snippet(sentences_fts, 0, '[', ']', '…', 12) AS snippet"
            " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
            " WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?",
            (fts, min(max(limit, 1), 1000)),
        ).fetchall()
        return [dict(r) for r in rows]


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (CREATE TRIGGER bodies kept whole)."""
    statements, buf, in_trigger = [], [], False
    for line in script.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("--"):
            continue
        buf.append(line)
        upper = stripped.upper()
        if upper.startswith("CREATE TRIGGER"):
            in_trigger = True
        if (in_trigger and upper == "END;") or (not in_trigger and stripped.endswith(";")):
            statements.append("\n".join(buf))
            buf, in_trigger = [], False
    if buf:
        statements.append("\n".join(buf))
    return statements


def _fts_query(query: str) -> str:
    """Turn free text into a safe FTS5 query: every word quoted, all required."""
    words = re.findall(r"\w+", query)[:32]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _row_to_document(row: sqlite3.Row) -> Document:
    kwargs = {f: row[f] for f in _DOC_FIELDS}
    kwargs["meta"] = json.loads(row["meta"] or "{}")
    return Document(**kwargs)


def _row_to_event(r: sqlite3.Row) -> Event:
    return Event(
        source=r["source"], target=r["target"], cameo=r["cameo"],
        sentence=(r["sentence_start"], r["sentence_end"]),
        trigger=(r["trigger_start"], r["trigger_end"]), source_text=r["source_text"],
        target_text=r["target_text"], root=r["root"], plover=r["plover"],
        goldstein=r["goldstein"], status=r["status"], attributed_to=r["attributed_to"],
        date=r["date"], date_precision=r["date_precision"], location=r["location"],
        geonames_id=r["geonames_id"], latitude=r["latitude"], longitude=r["longitude"],
        group=r["event_group"],
    )  # fmt: skip
