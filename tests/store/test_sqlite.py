"""The SQLite store: schema, idempotent documents, atomic fact replacement, safe queries."""

from __future__ import annotations

import sqlite3

import pytest

from triangulate.errors import StoreError, UsageError
from triangulate.model import Analysis, Claim, Document, Event, Quote, Sentence
from triangulate.store import EventFilter, open_store
from triangulate.store.sqlite import migrations


def _doc(doc_id: str = "d1", text: str = "Russland und Nordkorea. Kim traf Putin.") -> Document:
    return Document(doc_id=doc_id, text=text, language="de", source="test")


def _analysis(doc: Document) -> Analysis:
    a = Analysis(document=doc)
    a.sentences = [Sentence(0, 0, 23, doc.text[0:23]), Sentence(1, 24, 39, doc.text[24:39])]
    a.events = [
        Event(source="PRKGOV", target="RUSGOV", cameo="042", sentence=(24, 39), trigger=(28, 32))
    ]
    a.claims = [Claim(item="soldiers", value=10000, unit="persons", text=(0, 5), sentence=(0, 23))]
    a.quotes = [Quote(speaker="Kim", text=(24, 30), sentence=(24, 39))]
    return a


@pytest.fixture
def store(tmp_path):
    st = open_store(tmp_path / "t.db")
    yield st
    st.close()


def test_schema_is_versioned_and_migrations_are_ordered(store):
    versions = [v for v, _, _ in migrations()]
    assert versions == sorted(versions) and versions[0] == 1
    assert store.schema_version() == versions[-1]


def test_reopening_does_not_migrate_twice(tmp_path):
    open_store(tmp_path / "x.db").close()
    st = open_store(tmp_path / "x.db")
    assert st.schema_version() == migrations()[-1][0]
    st.close()


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 999")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_wal_journal(tmp_path):
    st = open_store(tmp_path / "w.db")
    mode = st._db.execute("PRAGMA journal_mode").fetchone()[0]  # type: ignore[attr-defined]
    assert mode == "wal"
    st.close()


def test_add_document_is_idempotent_and_never_replaces(store):
    assert store.add_document(_doc()) == "added"
    assert store.add_document(_doc()) == "exists"
    assert store.add_document(_doc(text="anderer Text")) == "conflict"
    assert store.stats()["documents"] == 1
    assert store.document("d1").text == _doc().text


def test_document_round_trip_keeps_every_field(store):
    doc = _doc()
    doc.meta = {"outlet": "X", "n": 3}
    doc.published, doc.published_source, doc.body_start = "2024-11-06", "metadata", 0
    store.add_document(doc, fingerprint=-5)
    back = store.document("d1")
    assert back == doc


def test_save_analysis_replaces_facts_and_marks_processed(store):
    doc = _doc()
    store.add_document(doc)
    run = store.begin_run("v1", {})
    store.save_analysis(_analysis(doc), run, "v1")
    store.save_analysis(_analysis(doc), run, "v1")
    s = store.stats()
    assert (s["sentences"], s["events"], s["claims"], s["quotes"], s["processed"]) == (
        2,
        1,
        1,
        1,
        1,
    )
    assert store.pending("v1") == []
    assert store.pending("v2") == []  # a new version is explicit ...
    assert store.pending("v2", reprocess=True) == ["d1"]  # ... with reprocess
    back = store.analysis("d1")
    assert back is not None and back.events[0].cameo == "042" and back.events[0].root == "04"
    assert back.claims[0].value == 10000 and back.quotes[0].speaker == "Kim"


def test_failed_save_rolls_back(store):
    doc = _doc()
    store.add_document(doc)
    run = store.begin_run("v1", {})
    store.save_analysis(_analysis(doc), run, "v1")
    bad = _analysis(doc)
    bad.events[0].cameo = None  # type: ignore[assignment]  # NOT NULL violation
    with pytest.raises(sqlite3.IntegrityError):
        store.save_analysis(bad, run, "v1")
    assert store.stats()["events"] == 1 and store.stats()["sentences"] == 2


def test_unsupported_and_duplicates_are_not_pending(store):
    store.add_document(Document(doc_id="fr", text="Bonjour", language="fr"))
    store.add_document(_doc("a"))
    dup = _doc("b", text="Russland und Nordkorea. Kim traf Putin!")
    dup.duplicate_of = "a"
    store.add_document(dup)
    assert store.pending("v1") == ["a"]
    assert store.stats()["unsupported"] == 1 and store.stats()["duplicates"] == 1


def test_fts_search_and_hostile_queries(store):
    doc = _doc()
    store.add_document(doc)
    store.save_analysis(_analysis(doc), store.begin_run("v1", {}), "v1")
    hits = store.search("Putin")
    assert [h["idx"] for h in hits] == [1]
    for hostile in [
        '"',
        "NEAR(",
        "*",
        "') OR 1=1 --",
        "a AND",
        "^",
        'Putin"; DROP TABLE events;--',
    ]:
        store.search(hostile)  # never raises
    assert store.stats()["events"] == 1


def test_event_filters_are_parameterised(store):
    doc = _doc()
    store.add_document(doc)
    store.save_analysis(_analysis(doc), store.begin_run("v1", {}), "v1")
    assert len(store.events(EventFilter(actor="PRK"))) == 1
    assert len(store.events(EventFilter(cameo="04"))) == 1
    assert store.events(EventFilter(actor="%")) == []
    assert store.events(EventFilter(source="' OR 1=1 --")) == []
    row = store.events(EventFilter(actor="RUS"))[0]
    assert row["evidence"] == "Kim traf Putin."


def test_top_dyads(store):
    doc = _doc()
    store.add_document(doc)
    store.save_analysis(_analysis(doc), store.begin_run("v1", {}), "v1")
    assert store.top_dyads() == [("PRK", "RUS", 1)]


def test_readonly_store_needs_an_existing_database(tmp_path):
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing.db", readonly=True)


def test_unknown_backend_is_a_usage_error():
    with pytest.raises(UsageError, match="SQLite"):
        open_store("mysql://localhost/x")


def test_an_old_database_is_migrated_in_place(tmp_path):
    from triangulate.store.sqlite import _split_sql

    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    version, _, sql = migrations()[0]
    for statement in _split_sql(sql):
        con.execute(statement)
    con.execute(f"PRAGMA user_version = {version}")
    con.execute(
        "INSERT INTO documents (doc_id, hash, text, ingested_at) VALUES ('old', 'h', 'Text', 'now')"
    )
    con.commit()
    con.close()
    st = open_store(path)
    assert st.schema_version() == migrations()[-1][0]
    assert st.document("old").text == "Text"
    cols = {r[1] for r in st._db.execute("PRAGMA table_info(events)")}  # type: ignore[attr-defined]
    assert {"latitude", "longitude", "event_group"} <= cols
    st.close()


def test_actor_counts_and_deadline(store):
    from triangulate.model import Mention

    doc = _doc()
    store.add_document(doc)
    a = _analysis(doc)
    a.mentions = [Mention(0, 8, "Russland", "rus", "RUS"), Mention(28, 31, "Kim", "kim", "PRKGOV"),
                  Mention(13, 22, "Nordkorea", "prk", "PRK")]  # fmt: skip
    store.save_analysis(a, store.begin_run("v1", {}), "v1")
    rows = store.actor_counts()
    assert {r["code"]: r["mentions"] for r in rows} == {"RUS": 1, "PRKGOV": 1, "PRK": 1}
    assert [r["code"] for r in store.actor_counts(prefix="PRK")] == ["PRK", "PRKGOV"]
    assert store.actor_counts(prefix="%") == []
    store.set_deadline(0)
    heavy = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000) SELECT count(*) FROM c"
    with pytest.raises(sqlite3.OperationalError, match="interrupt"):
        store._db.execute(heavy).fetchone()  # type: ignore[attr-defined]
    store.set_deadline(None)
    assert store.stats()["documents"] == 1
