"""The data behind the views: filters, network, dyad series, evidence, errors."""

from __future__ import annotations

from fastapi.testclient import TestClient

from triangulate.extract.event_codes import quad_class
from triangulate.store.sqlite_aggregates import period


def _all_events(client: TestClient, query: str = "") -> list[dict]:
    return client.get(f"/events.json?limit=10000&{query}").json()["data"]


def test_event_filters(client: TestClient) -> None:
    rows = client.get("/events.json?actor=PRK&cameo=06").json()
    assert rows["count"] > 0
    for e in rows["data"]:
        assert e["cameo"].startswith("06")
        assert e["source"].startswith("PRK") or e["target"].startswith("PRK")
    assert rows["filters"]["actor"] == "PRK" and rows["filters"]["cameo"] == "06"
    one = client.get("/events.json?doc_id=seed-000").json()["data"]
    assert one and {e["doc_id"] for e in one} == {"seed-000"}
    page = client.get("/events.json?limit=3&offset=2").json()
    assert page["count"] == 3 and page["data"] == _all_events(client)[2:5]


def test_network_edge_counts_both_directions(client: TestClient) -> None:
    events = _all_events(client)
    expected = sum(
        1
        for e in events
        if (e["source"] or "")[:3] + (e["target"] or "")[:3] in ("PRKRUS", "RUSPRK")
    )
    assert expected > 0
    net = client.get("/network.json").json()["data"]
    edge = next(e for e in net["edges"] if {e["a"], e["b"]} == {"PRK", "RUS"})
    assert edge["count"] == expected
    assert edge["sign"] in ("positive", "negative", "neutral")
    assert any(n["code"] == "PRK" and n["events"] > 0 for n in net["nodes"])
    series = client.get("/dyads/PRK/RUS/series.json").json()["data"]
    assert sum(r["events"] for r in series) == expected
    quads = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
             "material_conflict", "other")  # fmt: skip
    assert all(sum(r[q] for q in quads) == r["events"] for r in series)
    weekly = client.get("/dyads/PRK/RUS/series.json?interval=week").json()["data"]
    assert sum(r["events"] for r in weekly) == expected
    assert client.get("/dyads/PRK/RUS/series.json?interval=year").status_code == 400


def test_quad_classes_and_periods() -> None:
    assert [quad_class(r) for r in ("01", "05", "06", "08", "09", "14", "15", "20")] == [
        1, 1, 2, 2, 3, 3, 4, 4,
    ]  # fmt: skip
    assert quad_class("") is None and quad_class("99") is None
    assert period("2024-06-19", "month") == "2024-06"
    assert period("2024-06-19", "week") == "2024-W25"
    assert period("2024", "month") is None


def test_actors(client: TestClient) -> None:
    actors = client.get("/actors.json").json()["data"]
    assert any(a["code"].startswith("PRK") and a["mentions"] > 0 for a in actors)
    prk = client.get("/actors/PRK.json").json()["data"]
    assert prk["as_source"] + prk["as_target"] > 0
    assert any(n["code"] == "RUS" for n in prk["neighbours"])
    assert client.get("/actors/ZZZZZZ.json").status_code == 404


def test_document_lists_facts(client: TestClient) -> None:
    data = client.get("/documents/seed-000.json").json()["data"]
    assert data["document"]["doc_id"] == "seed-000"
    kinds = {f["kind"] for f in data["facts"]}
    assert "event" in kinds
    text = data["document"]["text"]
    for f in data["facts"]:
        assert text[f["sentence_start"] : f["sentence_end"]] == f["evidence"]


def test_evidence_highlights_span(client: TestClient) -> None:
    e = _all_events(client, "doc_id=seed-001")[0]
    url = f"/evidence/seed-001?start={e['sentence_start']}&end={e['sentence_end']}"
    html = client.get(url).text
    start = html.index('<mark id="evidence">') + len('<mark id="evidence">')
    marked = html[start : html.index("</mark>", start)]
    assert marked.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&") == e["evidence"]
    data = client.get(url.replace("seed-001?", "seed-001.json?")).json()["data"]
    assert data["text"] == e["evidence"] and data["source"]
    assert client.get("/evidence/seed-001.json?start=5&end=999999").status_code == 400


def test_claims_flows_quotes_search(client: TestClient) -> None:
    claims = client.get("/claims.json").json()
    assert claims["count"] == len(claims["data"]) > 0
    assert all("claims" in w for w in claims["data"])
    contra = client.get("/claims.json?contradictions=1").json()["data"]
    assert len(contra) <= claims["count"]
    flows = client.get("/flows.json?giver=PRK").json()["data"]
    assert all(f["giver"].startswith("PRK") for f in flows)
    quotes = client.get("/quotes.json?code=RUS").json()["data"]
    assert all((q["speaker_code"] or "").startswith("RUS") for q in quotes)
    hits = client.get("/search.json?q=Russland").json()
    assert hits["count"] > 0 and all("snippet" in h for h in hits["data"])
    assert client.get("/search.json").json()["count"] == 0


def test_unknown_document_is_404_with_envelope(client: TestClient) -> None:
    for url in ("/documents/nope.json", "/evidence/nope.json?start=0&end=1", "/events/999999.json"):
        r = client.get(url)
        assert r.status_code == 404
        body = r.json()
        assert body["ok"] is False and body["status"] == 404
        assert body["error"]["code"] == "T904" and body["error"]["message"]
    html = client.get("/documents/nope")
    assert html.status_code == 404 and "T904" in html.text
    assert client.get("/no/such/page.json").json()["error"]["code"] == "T904"


def test_bad_parameters_are_400(client: TestClient) -> None:
    for url in ("/events.json?limit=abc", "/events.json?limit=-1", "/events.json?offset=x"):
        r = client.get(url)
        assert r.status_code == 400 and r.json()["error"]["code"] == "T901"


def test_html_pager_links(client: TestClient) -> None:
    """The first page continues by keyset (fast at any depth); an offset page by offset."""
    first = client.get("/events.json?actor=PRK&limit=5").json()
    html = client.get("/events?actor=PRK&limit=5").text
    after = first["filters"]["next_after"]
    assert 'rel="next"' in html and f"after={after}" in html and "actor=PRK" in html
    assert "offset=" not in html.split('rel="next"')[0].rsplit("<a", 1)[-1]
    nxt = client.get(f"/events.json?actor=PRK&limit=5&after={after}").json()["data"]
    assert [e["id"] for e in nxt][:1] != [e["id"] for e in first["data"]][:1]
    second = client.get("/events?actor=PRK&limit=5&offset=5").text
    assert 'rel="previous"' in second and "offset=10" in second


def test_concurrent_requests_each_get_their_own_connection(demo_db: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from triangulate.serve import create_app

    with TestClient(create_app(demo_db)) as c:
        expected = c.get("/network.json").json()

        def fetch(_: int) -> dict:
            return c.get("/network.json").json()

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(fetch, range(32)))
    assert all(r == expected for r in results)


def test_group_filter_and_link(client: TestClient) -> None:
    grouped = [e for e in _all_events(client) if e["event_group"]]
    assert grouped
    g = grouped[0]["event_group"]
    rows = client.get("/events.json", params={"group": g}).json()["data"]
    assert rows and all(r["event_group"] == g for r in rows)
    assert f'href="/events?group={g}"' in client.get("/events?limit=1000").text
