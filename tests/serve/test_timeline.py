"""``/timeline``: exact volume per period and a chronology with event groups folded."""

from __future__ import annotations

from fastapi.testclient import TestClient

from triangulate.serve.views.timeline import chronology
from triangulate.store import EventFilter, open_store


def _event(i: int, doc: str, group: str | None, sources: int = 0) -> dict[str, object]:
    return {"id": i, "doc_id": doc, "event_group": group, "group_sources": sources,
            "date": f"2024-01-{i:02d}"}  # fmt: skip


def test_chronology_folds_each_group_into_its_first_mention() -> None:
    rows = chronology([
        _event(1, "a", "g-1", 2), _event(2, "a", None), _event(3, "b", "g-1", 2),
        _event(4, "b", "g-1", 2), _event(5, "c", None),
    ])  # fmt: skip
    assert [r["id"] for r in rows] == [1, 2, 5]
    assert (rows[0]["mentions"], rows[0]["documents"]) == (3, 2)
    assert (rows[1]["mentions"], rows[1]["documents"]) == (1, 1)
    assert all("_docs" not in r for r in rows)


def test_chronology_takes_the_stores_source_count_when_larger() -> None:
    rows = chronology([_event(1, "a", "g-9", 4)])
    assert rows[0]["documents"] == 4


def test_periods_count_every_matching_event(client: TestClient, demo_db: str) -> None:
    store = open_store(demo_db, readonly=True)
    try:
        total = store.count_events(EventFilter())
        prk = store.count_events(EventFilter(actor="PRK", status="asserted"))
    finally:
        store.close()
    data = client.get("/timeline.json").json()["data"]
    assert sum(p["events"] for p in data["periods"]) == total
    data = client.get("/timeline.json?actor=PRK&status=asserted").json()["data"]
    assert sum(p["events"] for p in data["periods"]) == prk
    assert all(e["status"] == "asserted" for e in data["entries"])


def test_entries_are_in_date_order_and_page_by_keyset(client: TestClient) -> None:
    first = client.get("/timeline.json?limit=20").json()
    dates = [e["date"] for e in first["data"]["entries"] if e["date"]]
    assert dates == sorted(dates)
    after = first["filters"]["next_after"]
    assert after is not None
    second = client.get(f"/timeline.json?limit=20&after={after}").json()
    ids_one = {e["id"] for e in first["data"]["entries"]}
    assert ids_one.isdisjoint(e["id"] for e in second["data"]["entries"])
    page = client.get("/timeline?limit=20")
    assert f"after={after}" in page.text  # the HTML pager continues by keyset


def test_hostile_filters_are_harmless(client: TestClient) -> None:
    r = client.get("/timeline.json", params={"actor": "' OR 1=1 --", "cameo": "%", "since": "x"})
    assert r.status_code in (200, 400)
    bad = client.get("/timeline.json?interval=decade")
    assert bad.status_code == 400
