"""The PostgreSQL store's own concerns: opening, schema, read-only use, deadlines, the
SQL key functions and the full-text words (what both backends share is in
``test_backends.py``)."""

from __future__ import annotations

import socket
import sys
import threading
import time
from typing import Any

import pytest

from triangulate.analysis.ledger import country_of
from triangulate.errors import StoreError, UsageError
from triangulate.extract.event_codes import quad_class
from triangulate.model import Analysis, Document, Sentence
from triangulate.store import open_store
from triangulate.store.postgres import PostgresStore, migrations, redact
from triangulate.store.postgres_search import index_vector, query_vector, snippet, words
from triangulate.store.sqlite_aggregates import period


def _doc(doc_id: str = "d1", text: str = "Russland und Nordkorea. Kim traf Putin.") -> Document:
    return Document(doc_id=doc_id, text=text, language="de", source="test")


@pytest.fixture
def store(pg_url: str):
    st = open_store(pg_url)
    yield st
    st.close()


# -- opening ------------------------------------------------------------------------
def test_open_store_takes_a_url_and_the_environment(pg_url: str, monkeypatch) -> None:
    st = open_store(pg_url)
    assert isinstance(st, PostgresStore) and st.schema_version() == migrations()[-1][0]
    st.close()
    monkeypatch.setenv("TRIANGULATE_DB", pg_url)
    st = open_store()
    assert isinstance(st, PostgresStore)
    st.close()
    st = open_store(pg_url.replace("postgresql://", "postgres://", 1), readonly=True)
    assert isinstance(st, PostgresStore)
    st.close()


def test_other_schemes_are_usage_errors_without_their_password() -> None:
    with pytest.raises(UsageError, match="postgresql://") as err:
        open_store("mysql://user:secret@localhost/x")
    assert "secret" not in str(err.value)


def test_missing_driver_is_a_clear_store_error(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError
    with pytest.raises(StoreError, match=r"triangulate\[postgres\]") as err:
        open_store("postgresql://localhost/x")
    assert err.value.code == "T302"


def test_unreachable_server_is_a_clear_store_error() -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens there once closed
    started = time.monotonic()
    with pytest.raises(StoreError, match="cannot connect") as err:
        open_store(f"postgresql://me:secret@127.0.0.1:{port}/db")
    assert err.value.code == "T303" and "secret" not in str(err.value)
    assert time.monotonic() - started < 15


def test_redact_hides_only_the_password() -> None:
    assert redact("postgresql://u:pw@h:5432/db?x=1") == "postgresql://u:***@h:5432/db?x=1"
    assert redact("postgresql://u@h/db") == "postgresql://u@h/db"


# -- schema ---------------------------------------------------------------------------
def test_migrations_are_numbered_and_recorded(store: Any) -> None:
    versions = [v for v, _, _ in migrations()]
    assert versions == sorted(versions) and versions[0] == 1
    rows = store._dicts("SELECT version, name FROM schema_version ORDER BY version")
    assert [(r["version"], r["name"]) for r in rows] == [(v, n) for v, n, _ in migrations()]


def test_concurrent_opening_migrates_once(pg_url: str) -> None:
    errors: list[BaseException] = []

    def open_one() -> None:
        try:
            open_store(pg_url).close()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    st = open_store(pg_url)
    assert st._dicts("SELECT count(*) AS n FROM schema_version")[0]["n"] == len(migrations())
    st.close()


def test_newer_schema_is_refused(store: Any, pg_url: str) -> None:
    store._run("INSERT INTO schema_version VALUES (999, 'future', 'now')")
    with pytest.raises(StoreError, match="newer"):
        open_store(pg_url)
    with pytest.raises(StoreError, match="newer"):
        open_store(pg_url, readonly=True)


def test_read_only_needs_a_schema_and_refuses_writes(pg_url: str) -> None:
    import psycopg

    with pytest.raises(StoreError, match="no schema"):
        open_store(pg_url, readonly=True)
    writer = open_store(pg_url)
    writer.add_document(_doc())
    writer.close()
    reader = open_store(pg_url, readonly=True)
    try:
        assert reader.document("d1") is not None and reader.stats()["documents"] == 1
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            reader.add_document(_doc("d2"))
        with pytest.raises(StoreError, match="read-only"):
            reader.refresh_rollups()
        assert reader.stats()["documents"] == 1
    finally:
        reader.close()


def test_refresh_rollups_keeps_the_answers(store: Any) -> None:
    store.add_document(_doc())
    before = store.network(), store.count_events()
    store.refresh_rollups()
    assert (store.network(), store.count_events()) == before


# -- deadlines ---------------------------------------------------------------------------
def test_deadline_interrupts_a_long_statement(store: Any) -> None:
    import psycopg

    store.set_deadline(0.3)
    started = time.monotonic()
    with pytest.raises(psycopg.OperationalError):  # QueryCanceled
        store._run("SELECT pg_sleep(5)")
    assert time.monotonic() - started < 3
    time.sleep(0.35)
    with pytest.raises(psycopg.OperationalError):  # what is left of the deadline: nothing
        store._run("SELECT pg_sleep(1)")
    store.set_deadline(None)
    store._run("SELECT pg_sleep(0.5)")
    assert store.stats()["documents"] == 0


def test_deadline_inside_a_batch_rolls_it_back(store: Any) -> None:
    import psycopg

    store.set_deadline(0.3)
    with pytest.raises(psycopg.OperationalError), store.batch():
        store.add_document(_doc())
        store._run("SELECT pg_sleep(5)")
    store.set_deadline(None)
    assert store.stats()["documents"] == 0


# -- the SQL key functions are the Python ones ------------------------------------------
DAYS = [None, "", "2024", "2024-1", "2024-11", "2024-11-06", "2024-11-06T10:00:00",
        "2020-12-31", "2021-01-03", "2024-02-29", "2023-02-29", "2024-13-01", "2024-00-10",
        "0000-01-01", "0001-01-01", "abcdefghij", "2024-W01-1", "2024/11/06", "20241106",
        "9999-12-31", "2024-11-0x", "1950-06-25", "2024W01-01", "2024W011xx", "2024-W53-1",
        "2020-W53-7", "2024-W00-1", "2024-W01-0", "2024-W01-8", "20241106xx", "2024-1106xx",
        "2024W01", "2024-W01", "2024-W1-1", "0001-W01-1", "9999-W52-7", "9999-W52-5",
        "２０２４-11-06", "2024-11-06 ", "2024W0145", "2024-11-é6", "2024-+1-06", "2026-W53-1",
        "2015-W53-4", "1999-12-31xyz"]  # fmt: skip
CODES = [None, "", "0", "01", "05", "06", "08", "09", "14", "15", "20", "21", "00", "+5", " 5",
         "-1", "ab", "190", "042", "1", "5 "]  # fmt: skip
ACTORS = [None, "", "P", "PRK", "PRKGOV", "IGO", "IGOUNO", "IGOUNOWFP", "igo", "Ü", "RU"]


def test_sql_periods_are_python_periods(store: Any) -> None:
    for day in DAYS:
        row = store._dicts("SELECT tri_month(%s::text) AS m, tri_week(%s::text) AS w", [day, day])
        assert (row[0]["m"], row[0]["w"]) == (period(day, "month"), period(day, "week")), day


def test_sql_quads_and_countries_are_python_ones(store: Any) -> None:
    for root in CODES:
        for cameo in ("", "190", "ab"):
            got = store._dicts("SELECT tri_quad(%s::text, %s::text) AS q", [root, cameo])[0]["q"]
            assert got == (quad_class(root or cameo) or 0), (root, cameo)
    for code in ACTORS:
        got = store._dicts("SELECT tri_country(%s::text) AS c", [code])[0]["c"]
        assert got == country_of(code), code


# -- full-text words ---------------------------------------------------------------------
TRICKY = ("10.000 Soldaten, U.S.-Truppen; e-mail foo@bar.com http://x.y/z?q=1 1e5 v1.2.3 "
          "Nord-Korea Straße ÄRGER naïve Pjöngjang 東京 ١٢٣ under_score 3/4 -12 C++ ½ "
          "Ⅻ x²")  # fmt: skip


def test_the_index_holds_exactly_the_folded_words(store: Any) -> None:
    doc = _doc(text=TRICKY)
    store.add_document(doc)
    a = Analysis(document=doc, sentences=[Sentence(0, 0, len(TRICKY), TRICKY)])
    store.save_analysis(a, store.begin_run("v1", {}), "v1")
    row = store._dicts("SELECT tsvector_to_array(tsv) AS lexemes FROM sentences")[0]
    assert sorted(row["lexemes"]) == sorted(set(words(TRICKY)))
    for word in TRICKY.split():
        if words(word):
            assert store.search(word), word
    assert store.search("pjongjang arger")[0]["snippet"].count("[") == 2  # ä is a, not ae
    assert store.search("aerger") == []
    assert store.search("PJÖNGJANG ärger strasse") == []  # ß is not ss (as in FTS5)


def test_words_queries_and_snippets() -> None:
    assert words("Der Präsident, Kim-Jong Un: 6.000!") == ["der", "prasident", "kim", "jong",
                                                          "un", "6", "000"]  # fmt: skip
    assert query_vector(" ".join(f"w{i}" for i in range(40))).count("&") == 31
    assert query_vector("Kim kim KIM") == "'kim'" and query_vector("x " + "a" * 3000) == ""
    assert query_vector("'; --") == "" and index_vector("") == ""
    assert index_vector("Kim traf Kim.") == "'kim':1,3 'traf':2"
    assert snippet("Kim traf Putin.", "putin") == "Kim traf [Putin]."
    long = " ".join(f"w{i}" for i in range(30)) + " Putin " + " ".join(f"v{i}" for i in range(30))
    assert snippet(long, "putin") == "…w25 w26 w27 w28 w29 [Putin] v0 v1 v2 v3 v4 v5…"
    assert snippet("...", "x") == "..."


# -- the command line ----------------------------------------------------------------------
def test_the_command_line_takes_a_url(pg_url: str, make_corpus) -> None:
    import json

    from typer.testing import CliRunner

    from triangulate.cli import app

    runner = CliRunner()
    folder = make_corpus(3)
    res = runner.invoke(app, ["ingest", str(folder), "--db", pg_url, "--quiet"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["summary", "--db", pg_url, "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["stats"]["documents"] == 3
    res = runner.invoke(app, ["search", "Russland", "--db", pg_url])
    assert res.exit_code == 0 and "[Russland]" in res.output
    res = runner.invoke(app, ["summary", "--db", "postgresql://nobody@127.0.0.1:1/x"])
    assert res.exit_code == 1 and "T303" in res.output


def test_the_server_answers_503_when_postgres_cancels_at_the_deadline(pg_url: str) -> None:
    from triangulate.serve.core import ServeError, opened

    open_store(pg_url).close()  # migrate
    with pytest.raises(ServeError) as caught, opened(pg_url, 0.2) as store:
        store._run("SELECT pg_sleep(5)")  # type: ignore[attr-defined]
    assert (caught.value.status, caught.value.code) == (503, "T903")
