"""SQL-side aggregates give exactly what computing from ``Store.events`` gives.

The reference functions below are the server's former Python aggregation over
every listed event; the store must agree with them on every filter, through its
rollups, through its boundary-month scans and through its plain GROUP BY.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from triangulate.analysis.ledger import country_of
from triangulate.extract.event_codes import quad_class
from triangulate.model import Analysis, Event
from triangulate.pipeline import process
from triangulate.store import EventFilter, SQLiteStore, open_store
from triangulate.store import sqlite_aggregates as agg
from triangulate.store.sqlite_aggregates import period

from ..conftest import SEEDS, build_store

QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict",
         4: "material_conflict"}  # fmt: skip

TABLES = [rollup.table for rollup in agg.ROLLUPS]
FILTERS = [
    EventFilter(),
    EventFilter(status="asserted"),
    EventFilter(status="attributed"),
    EventFilter(cameo="0"),
    EventFilter(cameo="04"),
    EventFilter(cameo="042"),
    EventFilter(plover="consult"),
    EventFilter(date_from="2019-04"),
    EventFilter(date_from="2019-04-15"),
    EventFilter(date_to="2019"),
    EventFilter(date_to="2023-08-15"),
    EventFilter(date_from="1950-06-25", date_to="2023-08"),
    EventFilter(date_from="2000-01-01", date_to="2024-12-31", status="asserted"),
    EventFilter(doc_id="seed-000"),
    EventFilter(actor="prk"),
    EventFilter(actor="PRKGOV"),
    EventFilter(source="IGO"),
    EventFilter(target="IGOUNO", status="asserted"),
    EventFilter(source="RUS", target="PRK", date_from="2019-04-02", date_to="2024"),
    EventFilter(source="RUS", cameo="0"),
    EventFilter(status="x' OR 1=1 --"),
    EventFilter(cameo="%"),
    EventFilter(actor="_"),
    EventFilter(date_from="'; DROP TABLE events; --"),
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("agg") / "demo.db", SEEDS)


@pytest.fixture
def store(demo: str):
    st = open_store(demo, readonly=True)
    yield st
    st.close()


def every_event(store: Any, flt: EventFilter) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        page = store.events(replace(flt, limit=10_000, offset=len(out)))
        out += page
        if len(page) < 10_000:
            return out


# -- the reference: aggregation over listed events ------------------------------------
def ref_network(store: Any, flt: EventFilter) -> dict[str, list[dict[str, Any]]]:
    nodes: dict[str, int] = defaultdict(int)
    edges: dict[tuple[str, str], list[float | None]] = defaultdict(list)
    for e in every_event(store, flt):
        if not e.get("source") or not e.get("target"):
            continue
        a, b = country_of(e["source"]), country_of(e["target"])
        nodes[a] += 1
        if b != a:
            nodes[b] += 1
        edges[(min(a, b), max(a, b))].append(e.get("goldstein"))
    edge_rows = []
    for (a, b), scores in sorted(edges.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        known = [s for s in scores if s is not None]
        total = round(sum(known), 3)
        sign = "positive" if total > 0 else "negative" if total < 0 else "neutral"
        edge_rows.append({"a": a, "b": b, "count": len(scores), "goldstein_sum": total,
                          "goldstein_mean": round(total / len(known), 3) if known else None,
                          "sign": sign})  # fmt: skip
    node_rows = [{"code": c, "events": n}
                 for c, n in sorted(nodes.items(), key=lambda kv: (-kv[1], kv[0]))]  # fmt: skip
    return {"nodes": node_rows, "edges": edge_rows}


def ref_series(
    store: Any, a: str, b: str, interval: str, directed: bool, flt: EventFilter
) -> list[dict[str, Any]]:
    pairs = [(a, b)] if directed or a == b else [(a, b), (b, a)]
    found: list[dict[str, Any]] = []
    for s, t in pairs:
        found += every_event(store, replace(flt, source=s, target=t))
    buckets: dict[str | None, dict[str, Any]] = {}
    for e in found:
        key = period(e.get("date") or e.get("published"), interval)
        row = buckets.setdefault(key, {"period": key, **{q: 0 for q in QUADS.values()},
                                       "other": 0, "events": 0, "_g": []})  # fmt: skip
        q = quad_class(e.get("root") or e.get("cameo"))
        row[QUADS[q] if q else "other"] += 1
        row["events"] += 1
        if e.get("goldstein") is not None:
            row["_g"].append(e["goldstein"])
    rows = []
    for key in sorted(buckets, key=lambda k: (k is None, k or "")):
        row = buckets[key]
        scores = row.pop("_g")
        row["goldstein_sum"] = round(sum(scores), 3)
        row["goldstein_mean"] = round(sum(scores) / len(scores), 3) if scores else None
        rows.append(row)
    return rows


def ref_neighbours(store: Any, code: str) -> dict[str, Any]:
    as_source = every_event(store, EventFilter(source=code))
    as_target = every_event(store, EventFilter(target=code))
    counts: Counter[str] = Counter()
    for e in as_source:
        counts[country_of(e.get("target"))] += 1
    for e in as_target:
        counts[country_of(e.get("source"))] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    return {"as_source": len(as_source), "as_target": len(as_target),
            "neighbours": [{"code": c, "events": n} for c, n in top]}  # fmt: skip


def _approx(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _approx(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_approx(v) for v in value]
    if isinstance(value, float):
        # Sums added in another order may differ in the last bit, and a mean exactly
        # halfway (10.7 / 8 = 1.3375) may then round to the other third decimal.
        return pytest.approx(value, abs=1.01e-3)
    return value


# -- the tests ------------------------------------------------------------------------
def test_demo_has_events_to_aggregate(store: Any) -> None:
    assert store.count_events() > 50
    assert store.network()["edges"]


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_network_matches_events(store: Any, flt: EventFilter) -> None:
    expected = ref_network(store, flt)
    assert store.network(flt) == _approx(expected)
    assert agg.network(store._db, flt, use_rollups=False) == _approx(expected)


@pytest.mark.parametrize("flt", FILTERS, ids=repr)
def test_count_matches_events(store: Any, flt: EventFilter) -> None:
    expected = len(every_event(store, flt))
    assert store.count_events(flt) == expected
    assert agg.count_events(store._db, flt, use_rollups=False) == expected


@pytest.mark.parametrize("interval", ["month", "week"])
@pytest.mark.parametrize("dyad", [("PRK", "RUS"), ("RUS", "UKR"), ("PRKGOV", "RUS"),
                                  ("CHN", "CHN"), ("prk", "rus"), ("ZZZ", "RUS"), ("IGO", "RUS"),
                                  ("P", "R"), ("", "RUS"), ("RU%", "P_K")])  # fmt: skip
def test_series_matches_events(store: Any, dyad: tuple[str, str], interval: str) -> None:
    a, b = dyad
    for flt in FILTERS:
        for directed in (False, True):
            expected = ref_series(store, a, b, interval, directed, flt)
            got = store.dyad_series(a, b, interval=interval, directed=directed, flt=flt)
            assert got == _approx(expected), (flt, directed)
            plain = agg.dyad_series(store._db, a, b, interval=interval, directed=directed,
                                    flt=flt, use_rollups=False)  # fmt: skip
            assert plain == _approx(expected), (flt, directed)


def test_series_rejects_other_intervals(store: Any) -> None:
    with pytest.raises(ValueError):
        store.dyad_series("PRK", "RUS", interval="year")


@pytest.mark.parametrize("code", ["PRK", "RUS", "PRKGOV", "CHN", "IGO", "IGOUNO", "ZZZ", "%"])
def test_neighbours_match_events(store: Any, code: str) -> None:
    assert store.actor_neighbours(code) == ref_neighbours(store, code)


def test_event_by_id_is_the_listed_event(store: Any) -> None:
    listed = store.events(EventFilter(limit=5))
    for e in listed:
        assert store.event(e["id"]) == e
    assert store.event(10**9) is None
    assert "sort_date" not in listed[0]


def test_keyset_pages_walk_the_whole_list(store: Any) -> None:
    for flt in (EventFilter(), EventFilter(actor="PRK"), EventFilter(status="asserted")):
        whole = every_event(store, flt)
        walked: list[dict[str, Any]] = []
        after = None
        while True:
            page = store.events(replace(flt, limit=7, after=after))
            if not page:
                break
            walked += page
            after = page[-1]["id"]
        assert walked == whole
        assert store.events(replace(flt, limit=3, offset=2)) == whole[2:5]


def _rollup_tables(path: str) -> dict[str, list[tuple[Any, ...]]]:
    con = sqlite3.connect(path)
    try:
        return {
            table: sorted(
                tuple(round(v, 6) if isinstance(v, float) else v for v in row)
                for row in con.execute(f"SELECT * FROM {table} WHERE n > 0")
            )
            for table in TABLES
        }
    finally:
        con.close()


def _rebuilt(path: str, tmp_path: Path) -> dict[str, list[tuple[Any, ...]]]:
    tmp_path.mkdir(exist_ok=True)
    copy = tmp_path / "rebuilt.db"
    src, dst = sqlite3.connect(path), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    st = open_store(copy)
    st.refresh_rollups()
    st.close()
    return _rollup_tables(str(copy))


def test_rollups_follow_reprocessing_and_regrouping(tmp_path: Path) -> None:
    db = build_store(tmp_path / "r.db", SEEDS)
    before = _rollup_tables(db)
    assert before["series_month_f"] and before == _rebuilt(db, tmp_path / "a")
    con = sqlite3.connect(db)
    con.execute("UPDATE processed SET pipeline_version = 'older'")
    con.commit()
    con.close()
    st = open_store(db)
    try:
        report = process(st, reprocess=True)
        assert report.processed > 0
        st.set_event_groups({})
    finally:
        st.close()
    assert _rollup_tables(db) == before


def test_rollups_follow_changed_facts(tmp_path: Path) -> None:
    db = build_store(tmp_path / "c.db", SEEDS)
    st = open_store(db)
    assert isinstance(st, SQLiteStore)
    try:
        doc_id = st.events(EventFilter(actor="PRK", limit=1))[0]["doc_id"]
        old = st.analysis(doc_id)
        assert old is not None
        changed = Analysis(document=old.document, sentences=old.sentences)
        changed.events = [
            Event(source="PRKMIL", target="UKR", cameo="190", root="19", goldstein=-10.0,
                  status="denied", date="2024-11-03", sentence=old.events[0].sentence,
                  trigger=old.events[0].trigger),
            Event(source=None, target="RUS", cameo="042", root="04", goldstein=None,
                  status="asserted", date=None, sentence=old.events[0].sentence,
                  trigger=old.events[0].trigger),
        ]  # fmt: skip
        st.save_analysis(changed, st.begin_run("test", {}), "test")
        for flt in FILTERS[:12]:
            assert st.network(flt) == _approx(ref_network(st, flt))
            got = st.dyad_series("PRK", "UKR", interval="week", flt=flt)
            assert got == _approx(ref_series(st, "PRK", "UKR", "week", False, flt))
        assert st.actor_neighbours("PRKMIL") == ref_neighbours(st, "PRKMIL")
    finally:
        st.close()
    assert _rollup_tables(db) == _rebuilt(db, tmp_path)


def test_old_schema_read_only_answers_from_events(tmp_path: Path, demo: str) -> None:
    copy = tmp_path / "old.db"
    src, dst = sqlite3.connect(demo), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    for table in TABLES:
        dst.execute(f"DROP TABLE {table}")
    dst.execute("DROP INDEX events_order")
    dst.execute("ALTER TABLE events DROP COLUMN sort_date")
    dst.execute("PRAGMA user_version = 2")
    dst.commit()
    dst.close()
    old, new = open_store(copy, readonly=True), open_store(demo, readonly=True)
    try:
        assert old.network() == new.network()
        assert old.dyad_series("PRK", "RUS") == new.dyad_series("PRK", "RUS")
        assert old.events(EventFilter(limit=50)) == new.events(EventFilter(limit=50))
        first = new.events(EventFilter(limit=3))
        assert old.events(EventFilter(after=first[-1]["id"], limit=4)) == new.events(
            EventFilter(after=first[-1]["id"], limit=4)
        )
    finally:
        old.close()
        new.close()


def test_migrating_an_existing_store_fills_the_rollups(tmp_path: Path, demo: str) -> None:
    copy = tmp_path / "mig.db"
    src, dst = sqlite3.connect(demo), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    expected = _rollup_tables(str(copy))
    for table in TABLES:
        dst.execute(f"DROP TABLE {table}")
    for index in (
        "events_order",
        "events_target",
        "events_status",
        "events_dated",
        "quotes_speaker_code",
    ):
        dst.execute(f"DROP INDEX {index}")
    dst.execute("ALTER TABLE events DROP COLUMN sort_date")
    dst.execute("PRAGMA user_version = 2")
    dst.commit()
    dst.close()
    open_store(copy).close()
    assert _rollup_tables(str(copy)) == expected


def test_stored_codes_are_upper_case(store: Any) -> None:
    """The index-friendly prefix ranges rely on it (see store/sql_filters.py)."""
    for e in every_event(store, EventFilter()):
        for code in (e["source"], e["target"], e["cameo"]):
            assert code is None or code == code.upper()


def test_generated_corpus_aggregates_match_events(tmp_path: Path, make_corpus: Any) -> None:
    db = build_store(tmp_path / "gen.db", make_corpus(40, seed=5), SEEDS)
    st = open_store(db, readonly=True)
    try:
        assert st.count_events() > 0
        for flt in FILTERS[:8]:
            assert st.network(flt) == _approx(ref_network(st, flt))
            assert st.count_events(flt) == len(every_event(st, flt))
        for a, b in (("RUS", "PRK"), ("CHN", "RUS")):
            for interval in ("month", "week"):
                got = st.dyad_series(a, b, interval=interval)
                assert got == _approx(ref_series(st, a, b, interval, False, EventFilter()))
        assert st.actor_neighbours("RUS") == ref_neighbours(st, "RUS")
    finally:
        st.close()
