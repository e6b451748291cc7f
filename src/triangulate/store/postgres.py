"""PostgreSQL store: the same interface and answers as the SQLite store, for larger and
shared stores.

Opened from a URL (``postgresql://user@host:5432/db``; libpq's environment variables
and ``~/.pgpass`` apply); opening, the driver and migrations are in
:mod:`.postgres_schema`, the aggregates in :mod:`.postgres_aggregates`, the full-text
words in :mod:`.postgres_search`.  All SQL is parameterised; article text never
reaches a statement as SQL.  The connection runs in autocommit mode and every write
is one transaction (``batch()`` groups several), so a killed process leaves the
database at its last commit, as with SQLite.

PostgreSQL text cannot hold NUL characters: a NUL in any value sent to the server
(article text, a filter) is sent as U+FFFD, so offsets stay the same.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

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
from . import postgres_aggregates as aggregates
from . import postgres_search as fts
from .base import AddStatus, EventFilter
from .postgres_filters import event_conditions, like_prefix, where_clause
from .postgres_schema import SCHEMES, connect, migrate, migrations, redact, refuse_newer
from .postgres_schema import now as _now
from .postgres_schema import schema_version as _stored_version
from .sql_filters import POSTGRES, quote_conditions

__all__ = ["SCHEMES", "PostgresStore", "migrations", "redact"]

if TYPE_CHECKING:
    import psycopg

_DOC_FIELDS = (
    "doc_id", "hash", "text", "source", "source_line", "format", "title", "url", "author",
    "site", "language", "language_confidence", "language_source", "published",
    "published_precision", "published_source", "genre", "encoding", "body_start",
    "duplicate_of",
)  # fmt: skip
_DOC_COLUMNS = ", ".join((*_DOC_FIELDS, "meta", "fingerprint", "ingested_at"))

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
_CLAIM_COLUMNS = ", ".join(
    f"c.{c}"
    for c in (
        "id", "doc_id", "run_id", "item", "value", "value_max", "approximate", "unit", "about",
        "predicate", "asserted_by", "date", "status", "text_start", "text_end",
        "sentence_start", "sentence_end",
    )
)  # fmt: skip


def _span(start: str, end: str) -> str:
    """SQL for the characters ``start``..``end`` of the document text ``d.text``."""
    return f"substr(d.text, {start} + 1, greatest({end} - {start}, 0))"


_EVIDENCE = _span("e.sentence_start", "e.sentence_end")
#: How many documents tell an event's group (0 without a group).
_GROUP_SOURCES = (
    " CASE WHEN e.event_group IS NULL THEN 0 ELSE (SELECT count(DISTINCT g.doc_id)"
    " FROM events g WHERE g.event_group = e.event_group) END"
)
_EVENT_SELECT = (
    f"SELECT {_EVENT_COLUMNS}, {_EVIDENCE} AS evidence, d.published AS published,"
    f"{_GROUP_SOURCES} AS group_sources FROM events e JOIN documents d ON d.doc_id = e.doc_id"
)
_ORDER = "e.sort_date, e.doc_id, e.sentence_start, e.id"


class PostgresStore:
    """A store in a PostgreSQL database (12 or newer, UTF-8)."""

    def __init__(self, url: str, *, readonly: bool = False) -> None:
        self.url = url
        self.path = redact(url)  # what messages name the store by (as SQLiteStore.path)
        self.readonly = readonly
        self._conn = connect(url, self.path)
        self._depth = 0
        self._deadline: float | None = None
        self._timeout_set = False
        try:
            if readonly:
                version = self.schema_version()
                if version == 0:
                    raise StoreError(f"{self.path} is not a triangulate database (no schema)")
                refuse_newer(version, self.path)
                self._conn.execute("SET default_transaction_read_only = on")
            else:
                migrate(self._conn, self.path)
        except BaseException:
            self._conn.close()
            raise

    def schema_version(self) -> int:
        self._arm()
        return _stored_version(self._conn)

    # -- statements -----------------------------------------------------------
    def _arm(self) -> None:
        """Bound the next statement by what is left of the deadline."""
        if self._deadline is None:
            return
        left = max(1, int((self._deadline - time.monotonic()) * 1000))
        self._conn.execute("SELECT set_config('statement_timeout', %s, false)", [f"{left}ms"])
        self._timeout_set = True

    def _run(self, sql: str, params: Sequence[Any] = ()) -> psycopg.Cursor[dict[str, Any]]:
        self._arm()
        return self._conn.execute(sql, params or None)

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self._run(sql, params).fetchall()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        return self._run(sql, params).fetchone()

    def _tuples(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        from psycopg.rows import tuple_row

        self._arm()
        with self._conn.cursor(row_factory=tuple_row) as cur:
            cur.execute(sql, params or None)
            return cur.fetchall()

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        self._arm()
        with self._conn.cursor() as cur:
            cur.executemany(sql, rows)

    # -- transactions -----------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._depth = 1
        try:
            with self._conn.transaction():
                yield
        finally:
            self._depth = 0

    def close(self) -> None:
        self._conn.close()

    # -- documents ----------------------------------------------------------
    def add_document(self, doc: Document, fingerprint: int | None = None) -> AddStatus:
        known = self._stored_hash(doc.doc_id)  # first, so that a re-ingest sends no text
        if known is not None:
            return "exists" if known == doc.hash else "conflict"
        values = [getattr(doc, f) for f in _DOC_FIELDS]
        meta = json.dumps(doc.meta, ensure_ascii=False, default=str)
        with self.batch():
            added = self._one(
                f"INSERT INTO documents ({_DOC_COLUMNS})"
                f" VALUES ({', '.join(['%s'] * (len(_DOC_FIELDS) + 3))})"
                " ON CONFLICT (doc_id) DO NOTHING RETURNING doc_id",
                [*values, meta, fingerprint, _now()],
            )
            if added is None:  # another writer stored it since
                return "exists" if self._stored_hash(doc.doc_id) == doc.hash else "conflict"
            if fingerprint is not None and doc.duplicate_of is None:
                self._many(
                    "INSERT INTO fingerprint_bands (band, value, doc_id) VALUES (%s, %s, %s)"
                    " ON CONFLICT DO NOTHING",
                    [(i, b, doc.doc_id) for i, b in enumerate(_bands(fingerprint))],
                )
        return "added"

    def _stored_hash(self, doc_id: str) -> str | None:
        row = self._one("SELECT hash FROM documents WHERE doc_id = %s", [doc_id])
        return str(row["hash"]) if row else None

    def near_duplicate_candidates(self, bands: Sequence[int]) -> list[tuple[str, int]]:
        if not bands:
            return []
        clause = " OR ".join("(b.band = %s AND b.value = %s)" for _ in bands)
        params: list[int] = []
        for i, b in enumerate(bands):
            params += [i, b]
        rows = self._dicts(
            "SELECT DISTINCT d.doc_id, d.fingerprint FROM fingerprint_bands b "
            f"JOIN documents d ON d.doc_id = b.doc_id WHERE {clause} ORDER BY d.doc_id",
            params,
        )
        return [(r["doc_id"], r["fingerprint"]) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        row = self._one(f"SELECT {_DOC_COLUMNS} FROM documents WHERE doc_id = %s", [doc_id])
        return _row_to_document(row) if row else None

    def documents(
        self, *, limit: int = 100, offset: int = 0, language: str | None = None
    ) -> list[Document]:
        sql = f"SELECT {_DOC_COLUMNS} FROM documents"
        params: list[Any] = []
        if language:
            sql += " WHERE language = %s"
            params.append(language)
        sql += " ORDER BY doc_id LIMIT %s OFFSET %s"
        params += [limit if limit >= 0 else None, max(offset, 0)]  # SQLite: negative = all
        return [_row_to_document(r) for r in self._dicts(sql, params)]

    def pending(self, pipeline_version: str, *, reprocess: bool = False) -> list[str]:
        cond = "p.doc_id IS NULL" + (" OR p.pipeline_version <> %s" if reprocess else "")
        params: list[Any] = [list(SUPPORTED_LANGUAGES)]
        if reprocess:
            params.append(pipeline_version)
        rows = self._dicts(
            "SELECT d.doc_id FROM documents d LEFT JOIN processed p ON p.doc_id = d.doc_id"
            f" WHERE d.duplicate_of IS NULL AND d.language = ANY(%s::text[]) AND ({cond})"
            " ORDER BY d.seq",
            params,
        )
        return [r["doc_id"] for r in rows]

    # -- runs and facts -------------------------------------------------------
    def begin_run(self, pipeline_version: str, config: dict[str, Any]) -> int:
        with self.batch():
            row = self._one(
                "INSERT INTO runs (pipeline_version, config, started_at) VALUES (%s, %s, %s)"
                " RETURNING run_id",
                [pipeline_version, json.dumps(config, sort_keys=True, default=str), _now()],
            )
        return int(row["run_id"]) if row else 0

    def finish_run(self, run_id: int, documents: int, status: str = "done") -> None:
        with self.batch():
            self._run(
                "UPDATE runs SET finished_at = %s, documents = %s, status = %s WHERE run_id = %s",
                [_now(), documents, status, run_id],
            )

    def save_analysis(self, analysis: Analysis, run_id: int, pipeline_version: str) -> None:
        doc_id = analysis.document.doc_id
        with self.batch():
            for table in ("sentences", "actors", "mentions", "events", "claims", "quotes"):
                self._run(f"DELETE FROM {table} WHERE doc_id = %s", [doc_id])
            self._many(
                'INSERT INTO sentences (doc_id, idx, start, "end", text, tsv)'
                " VALUES (%s, %s, %s, %s, %s, %s::tsvector)",
                [(doc_id, s.index, s.start, s.end, s.text, fts.index_vector(s.text))
                 for s in analysis.sentences],
            )  # fmt: skip
            self._many(
                "INSERT INTO actors (doc_id, actor_id, name, type, code) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (doc_id, actor_id) DO UPDATE SET name = excluded.name,"
                " type = excluded.type, code = excluded.code",
                [(doc_id, a.id, a.name, a.type, a.code) for a in analysis.actors],
            )
            self._many(
                'INSERT INTO mentions (doc_id, actor_id, code, start, "end", text, sentence)'
                " VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [(doc_id, m.actor_id, m.code, m.start, m.end, m.text, m.sentence)
                 for m in analysis.mentions],
            )  # fmt: skip
            self._many(
                "INSERT INTO events (doc_id, run_id, source, target, source_text, target_text, cameo,"
                " root, plover, goldstein, status, attributed_to, date, date_precision, location,"
                " geonames_id, latitude, longitude, sentence_start, sentence_end, trigger_start,"
                " trigger_end, event_group) VALUES (" + ", ".join(["%s"] * 23) + ")",
                [(doc_id, run_id, e.source, e.target, e.source_text, e.target_text, e.cameo, e.root,
                  e.plover, e.goldstein, e.status, e.attributed_to, e.date, e.date_precision,
                  e.location, e.geonames_id, e.latitude, e.longitude, *e.sentence, *e.trigger,
                  e.group)
                 for e in analysis.events],
            )  # fmt: skip
            self._many(
                "INSERT INTO claims (doc_id, run_id, item, value, value_max, approximate, unit, about,"
                " predicate, asserted_by, date, status, text_start, text_end, sentence_start,"
                " sentence_end) VALUES (" + ", ".join(["%s"] * 16) + ")",
                [(doc_id, run_id, c.item, c.value, c.value_max, bool(c.approximate), c.unit,
                  json.dumps(c.about), c.predicate, c.asserted_by, c.date, c.status, *c.text,
                  *c.sentence) for c in analysis.claims],
            )  # fmt: skip
            self._many(
                "INSERT INTO quotes (doc_id, run_id, speaker, speaker_code, text_start, text_end,"
                " sentence_start, sentence_end) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [(doc_id, run_id, q.speaker, q.speaker_code, *q.text, *q.sentence)
                 for q in analysis.quotes],
            )  # fmt: skip
            self._run(
                "INSERT INTO processed (doc_id, pipeline_version, run_id, processed_at)"
                " VALUES (%s, %s, %s, %s) ON CONFLICT (doc_id) DO UPDATE SET"
                " pipeline_version = excluded.pipeline_version, run_id = excluded.run_id,"
                " processed_at = excluded.processed_at",
                [doc_id, pipeline_version, run_id, _now()],
            )

    def analysis(self, doc_id: str) -> Analysis | None:
        doc = self.document(doc_id)
        if doc is None:
            return None
        out = Analysis(document=doc)
        key = [doc_id]
        for r in self._dicts(
            'SELECT idx, start, "end", text FROM sentences WHERE doc_id = %s ORDER BY idx', key
        ):
            out.sentences.append(Sentence(r["idx"], r["start"], r["end"], r["text"]))
        actors: dict[str, Actor] = {}
        for r in self._dicts("SELECT * FROM actors WHERE doc_id = %s ORDER BY actor_id", key):
            actors[r["actor_id"]] = Actor(r["actor_id"], r["name"], r["type"], r["code"])
        for r in self._dicts("SELECT * FROM mentions WHERE doc_id = %s ORDER BY start, id", key):
            out.mentions.append(
                Mention(r["start"], r["end"], r["text"], r["actor_id"], r["code"], r["sentence"])
            )
            if r["actor_id"] in actors:
                actors[r["actor_id"]].mentions.append((r["start"], r["end"]))
        out.actors = list(actors.values())
        for r in self._dicts("SELECT * FROM events WHERE doc_id = %s ORDER BY id", key):
            out.events.append(_row_to_event(r))
        for r in self._dicts("SELECT * FROM claims WHERE doc_id = %s ORDER BY id", key):
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
        for r in self._dicts("SELECT * FROM quotes WHERE doc_id = %s ORDER BY id", key):
            out.quotes.append(
                Quote(r["speaker"], (r["text_start"], r["text_end"]),
                      (r["sentence_start"], r["sentence_end"]), r["speaker_code"])
            )  # fmt: skip
        return out

    # -- queries ----------------------------------------------------------
    def stats(self) -> dict[str, int]:
        counts = {
            "documents": "SELECT count(*) FROM documents",
            "duplicates": "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL",
            "unsupported": "SELECT count(*) FROM documents"
            " WHERE language IS NULL OR NOT (language = ANY(%s::text[]))",
            "processed": "SELECT count(*) FROM processed",
            "sentences": "SELECT count(*) FROM sentences",
            "actors": "SELECT count(DISTINCT code) FROM actors",
            "mentions": "SELECT count(*) FROM mentions",
            "events": "SELECT count(*) FROM events",
            "claims": "SELECT count(*) FROM claims",
            "quotes": "SELECT count(*) FROM quotes",
            "runs": "SELECT count(*) FROM runs",
        }
        sql = "SELECT " + ", ".join(f"({q}) AS {name}" for name, q in counts.items())
        row = self._one(sql, [list(SUPPORTED_LANGUAGES)])
        return {name: int(row[name]) if row else 0 for name in counts}

    def top_dyads(self, limit: int = 10) -> list[tuple[str, str, int]]:
        rows = self._tuples(
            "SELECT substr(source, 1, CASE WHEN source ILIKE 'IGO%%' THEN 6 ELSE 3 END) AS s,"
            " substr(target, 1, CASE WHEN target ILIKE 'IGO%%' THEN 6 ELSE 3 END) AS t,"
            " count(*) AS n FROM events"
            " WHERE source IS NOT NULL AND target IS NOT NULL GROUP BY s, t ORDER BY n DESC, s, t"
            " LIMIT %s",
            [limit if limit >= 0 else None],
        )
        return [(s, t, int(n)) for s, t, n in rows]

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        flt = flt or EventFilter()
        where, params = event_conditions(flt)
        if flt.after is not None:
            where.append(
                f"({_ORDER}) > (SELECT c.sort_date, c.doc_id, c.sentence_start, c.id"
                " FROM events c WHERE c.id = %s)"
            )
            params.append(flt.after)
        limit = min(max(flt.limit, 0), 10_000)
        # The page's ids first, so that the rows an offset skips are never built.
        sql = (
            f"{_EVENT_SELECT} JOIN (SELECT e.id FROM events e{where_clause(where)}"
            f" ORDER BY {_ORDER} LIMIT %s OFFSET %s) page ON page.id = e.id ORDER BY {_ORDER}"
        )
        return self._dicts(sql, [*params, limit, max(flt.offset, 0)])

    def event(self, event_id: int) -> dict[str, Any] | None:
        return self._one(f"{_EVENT_SELECT} WHERE e.id = %s", [event_id])

    def count_events(self, flt: EventFilter | None = None) -> int:
        return aggregates.count_events(self._tuples, flt)

    def dyad_series(
        self, a: str, b: str, *, interval: str = "month", directed: bool = False,
        flt: EventFilter | None = None,
    ) -> list[dict[str, Any]]:  # fmt: skip
        return aggregates.dyad_series(self._tuples, a, b, interval=interval, directed=directed,
                                      flt=flt)  # fmt: skip

    def network(self, flt: EventFilter | None = None) -> dict[str, list[dict[str, Any]]]:
        return aggregates.network(self._tuples, flt)

    def actor_neighbours(self, code: str, *, limit: int = 20) -> dict[str, Any]:
        return aggregates.actor_neighbours(self._tuples, code, limit=limit)

    def refresh_rollups(self) -> None:
        """Aggregates are GROUP BY queries over the events here, with no rollup tables:
        this refreshes the planner's statistics of the tables they read."""
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only: cannot refresh its rollups")
        for table in ("events", "documents", "mentions"):
            self._run(f"ANALYZE {table}")

    def quotes(
        self, *, speaker: str | None = None, code: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        where, params = quote_conditions(speaker, code, POSTGRES)
        sql = (
            "SELECT q.doc_id, q.speaker, q.speaker_code, q.text_start, q.text_end,"
            " q.sentence_start, q.sentence_end, d.published,"
            f" {_span('q.text_start', 'q.text_end')} AS quote,"
            f" {_span('q.sentence_start', 'q.sentence_end')} AS evidence"
            " FROM quotes q JOIN documents d ON d.doc_id = q.doc_id"
            f"{where_clause(where)}"
            " ORDER BY d.published NULLS FIRST, q.doc_id, q.text_start LIMIT %s"
        )
        params.append(min(max(limit, 0), 10_000))
        return self._dicts(sql, params)

    def claims(self, *, item: str | None = None, limit: int = 10_000) -> list[dict[str, Any]]:
        sql = (
            f"SELECT {_CLAIM_COLUMNS}, d.published,"
            f" {_span('c.sentence_start', 'c.sentence_end')} AS evidence"
            " FROM claims c JOIN documents d ON d.doc_id = c.doc_id"
        )
        params: list[Any] = []
        if item:
            sql += " WHERE c.item ILIKE %s"
            params.append("%" + like_prefix(item))
        sql += " ORDER BY d.published NULLS FIRST, c.doc_id, c.text_start LIMIT %s"
        params.append(min(max(limit, 0), 1_000_000))
        rows = self._dicts(sql, params)
        for row in rows:
            row["about"] = json.loads(row["about"] or "[]")
            row["approximate"] = bool(row["approximate"])
        return rows

    def event_mentions(self) -> list[dict[str, Any]]:
        return self._dicts(
            "SELECT e.id, e.doc_id, e.source, e.target, e.root, e.date, e.location,"
            f" {_EVIDENCE} AS evidence FROM events e JOIN documents d ON d.doc_id = e.doc_id"
            " WHERE e.source IS NOT NULL AND e.target IS NOT NULL ORDER BY e.id"
        )

    def set_event_groups(self, groups: dict[int, str]) -> None:
        with self.batch():
            self._run("UPDATE events SET event_group = NULL WHERE event_group IS NOT NULL")
            if groups:
                self._run(
                    "UPDATE events e SET event_group = g.grp"
                    " FROM unnest(%s::bigint[], %s::text[]) AS g(id, grp) WHERE e.id = g.id",
                    [list(groups), list(groups.values())],
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
            sql += " WHERE m.code ILIKE %s"
            params.append(like_prefix(prefix))
        sql += " GROUP BY m.code ORDER BY mentions DESC, m.code LIMIT %s OFFSET %s"
        params += [min(max(limit, 0), 10_000), max(offset, 0)]
        return self._dicts(sql, params)

    def set_deadline(self, seconds: float | None) -> None:
        """Each later statement gets ``statement_timeout`` = what is left of ``seconds``;
        an interrupted one raises ``psycopg.errors.QueryCanceled`` (an OperationalError)."""
        if seconds is None:
            self._deadline = None
            if self._timeout_set:
                self._conn.execute("SELECT set_config('statement_timeout', '0', false)")
                self._timeout_set = False
            return
        self._deadline = time.monotonic() + seconds

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        terms = fts.query_vector(query)  # quoted words only: no user syntax reaches SQL
        if not terms:
            return []
        rows = self._dicts(
            'SELECT s.doc_id, s.idx, s.start, s."end", s.text'
            " FROM sentences s, CAST(%s AS tsquery) AS q"
            " WHERE s.tsv @@ q ORDER BY ts_rank(s.tsv, q) DESC, s.id LIMIT %s",
            [terms, min(max(limit, 1), 1000)],
        )
        for row in rows:
            row["snippet"] = fts.snippet(row["text"], query)
        return rows


def _row_to_document(row: dict[str, Any]) -> Document:
    kwargs = {f: row[f] for f in _DOC_FIELDS}
    kwargs["meta"] = json.loads(row["meta"] or "{}")
    return Document(**kwargs)


def _row_to_event(r: dict[str, Any]) -> Event:
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
