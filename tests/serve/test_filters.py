"""The shared filters on series, network and claims; keyset paging; single events."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
         "other")  # fmt: skip


def _events(client: TestClient, **params: str) -> list[dict]:
    return client.get("/events.json", params={"limit": "10000", **params}).json()["data"]


def _dyad(client: TestClient, a: str, b: str, **params: str) -> list[dict]:
    return _events(client, source=a, target=b, **params) + _events(
        client, source=b, target=a, **params
    )


@pytest.mark.parametrize(
    "params",
    [{}, {"status": "asserted"}, {"cameo": "0"}, {"cameo": "042"}, {"since": "2024-06-01"},
     {"until": "2024-06"}, {"since": "2019-01-01", "until": "2024-12-31", "status": "asserted"},
     {"plover": "CONSULT"}],
)  # fmt: skip
def test_series_takes_the_event_filters(client: TestClient, params: dict[str, str]) -> None:
    events = _dyad(client, "PRK", "RUS", **params)
    for interval in ("month", "week"):
        body = client.get("/dyads/PRK/RUS/series.json", params={"interval": interval, **params})
        assert body.status_code == 200
        rows = body.json()["data"]
        assert sum(r["events"] for r in rows) == len(events)
        assert all(sum(r[q] for q in QUADS) == r["events"] for r in rows)
        for name, value in params.items():
            assert body.json()["filters"][name] == value


def test_series_csv_twin_has_the_json_rows(client: TestClient) -> None:
    query = "interval=week&status=asserted"
    rows = client.get(f"/dyads/PRK/RUS/series.json?{query}").json()["data"]
    table = list(csv.DictReader(io.StringIO(client.get(f"/dyads/PRK/RUS/series.csv?{query}").text)))
    assert [r["period"] for r in table] == [r["period"] or "" for r in rows]
    assert [int(r["events"]) for r in table] == [r["events"] for r in rows]
    html = client.get(f"/dyads/PRK/RUS/series?{query}").text
    assert 'name="status" value="asserted"' in html


def test_network_takes_the_event_filters(client: TestClient) -> None:
    for params in ({"status": "attributed"}, {"plover": "consult"}, {"actor": "PRK"},
                   {"since": "2024-01-01", "until": "2024-12-31"}):  # fmt: skip
        events = [e for e in _events(client, **params) if e["source"] and e["target"]]
        edges = client.get("/network.json", params=params).json()["data"]["edges"]
        assert sum(e["count"] for e in edges) == len(events)


def test_claims_take_the_shared_filters(client: TestClient) -> None:
    every = client.get("/claims.json").json()["data"]
    assert every
    for params in ({"status": "asserted"}, {"actor": "PRK"}, {"source": "PRK", "target": "RUS"},
                   {"since": "2024-01-01"}, {"until": "2023"}):  # fmt: skip
        body = client.get("/claims.json", params=params).json()
        kept = body["data"]
        assert len(kept) <= len(every)
        for name, value in params.items():
            assert body["filters"][name] == value
        for w in kept:
            if "status" in params:
                assert any(c["status"] == params["status"] for c in w["claims"])
            if "source" in params:
                assert w["country"] in ("PRK", "RUS")
            if "since" in params and w["window"][1]:
                assert w["window"][1] >= params["since"]
    assert client.get("/claims.json", params={"status": "no-such"}).json()["data"] == []


def test_keyset_paging_through_the_api(client: TestClient) -> None:
    whole = _events(client, actor="PRK")
    walked: list[dict] = []
    after = None
    while True:
        params = {"actor": "PRK", "limit": "4", **({"after": str(after)} if after else {})}
        body = client.get("/events.json", params=params).json()
        walked += body["data"]
        after = body["filters"]["next_after"]
        if after is None:
            break
    assert walked == whole
    html = client.get("/events", params={"actor": "PRK", "limit": "4", "after": whole[0]["id"]})
    assert 'rel="next"' in html.text and f"after={whole[4]['id']}" in html.text
    assert client.get("/events.json?after=x").status_code == 400


def test_single_event_by_id(client: TestClient) -> None:
    e = _events(client)[3]
    body = client.get(f"/events/{e['id']}.json").json()
    assert body["data"] == e
    assert client.get(f"/events/{e['id']}.json?doc_id={e['doc_id']}").status_code == 200
    assert client.get(f"/events/{e['id']}.json?doc_id=other").status_code == 404
    assert client.get("/events/99999999999999999999999.json").status_code == 404


def test_actor_profile_counts_every_event(client: TestClient) -> None:
    prk = client.get("/actors/PRK.json").json()["data"]
    assert prk["as_source"] == len(_events(client, source="PRK"))
    assert prk["as_target"] == len(_events(client, target="PRK"))
    assert sum(n["events"] for n in prk["neighbours"]) <= prk["as_source"] + prk["as_target"]


def test_hostile_values_on_aggregates_are_harmless(client: TestClient) -> None:
    network = client.get("/network.json").json()["data"]
    for value in ("' OR 1=1 --", "%", "_", "\\", '"; DROP TABLE events; --', "x" * 1000):
        for name in ("status", "cameo", "plover", "since", "until", "actor"):
            for url in ("/network.json", "/dyads/PRK/RUS/series.json", "/claims.json"):
                r = client.get(url, params={name: value})
                assert r.status_code == 200, (url, name, value)
        r = client.get(f"/dyads/{value[:50]}/RUS/series.json")
        assert r.status_code in (200, 404)
    assert client.get("/network.json").json()["data"] == network
