"""Every view answers as HTML, JSON and CSV, and the three agree."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

VIEWS = [
    ("/", ""),
    ("/documents", ""),
    ("/documents/seed-000", ""),
    ("/events", "actor=PRK&cameo=06"),
    ("/events", ""),
    ("/events/1", ""),
    ("/actors", ""),
    ("/actors/PRK", ""),
    ("/network", ""),
    ("/dyads/PRK/RUS/series", ""),
    ("/dyads/PRK/RUS/series", "interval=week"),
    ("/dyads/PRK/RUS/series", "interval=week&status=asserted&since=2019-01-01&cameo=0"),
    ("/network", "status=asserted&until=2024-12-31"),
    ("/timeline", ""),
    ("/timeline", "actor=PRK&interval=week&limit=10"),
    ("/events", "actor=PRK&limit=5&after=1"),
    ("/claims", ""),
    ("/claims", "contradictions=1"),
    ("/claims", "status=asserted&actor=PRK"),
    ("/flows", ""),
    ("/quotes", ""),
    ("/search", "q=Russland"),
    ("/evidence/seed-000", "start=0&end=40"),
]


def _urls(path: str, query: str) -> tuple[str, str, str]:
    base = "/index" if path == "/" else path
    q = f"?{query}" if query else ""
    return f"{path}{q}", f"{base}.json{q}", f"{base}.csv{q}"


@pytest.mark.parametrize(("path", "query"), VIEWS)
def test_three_formats_agree(client: TestClient, path: str, query: str) -> None:
    html_url, json_url, csv_url = _urls(path, query)
    html = client.get(html_url)
    assert html.status_code == 200, html.text
    assert html.headers["content-type"].startswith("text/html")
    body = client.get(json_url)
    assert body.status_code == 200, body.text
    assert body.headers["content-type"].startswith("application/json")
    env = body.json()
    assert env["ok"] is True and "filters" in env and "data" in env
    table = client.get(csv_url)
    assert table.status_code == 200
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(table.text)))
    n = env["count"]
    assert max(len(rows) - 1, 0) == n
    assert html.text.count('<tr class="row">') == n
    if isinstance(env["data"], list):
        assert len(env["data"]) == n
    # the HTML page links its twins
    assert 'rel="alternate" type="application/json"' in html.text
    assert ".json" in html.text and ".csv" in html.text


def test_index_links_every_view(client: TestClient) -> None:
    html = client.get("/").text
    for view in ("/documents", "/events", "/actors", "/network", "/claims", "/flows",
                 "/quotes", "/search"):  # fmt: skip
        assert f'href="{view}"' in html
    data = client.get("/index.json").json()["data"]
    assert data["stats"]["documents"] >= 5
    assert data["top_dyads"]


def test_format_query_parameter(client: TestClient) -> None:
    a = client.get("/events?format=json&limit=5").json()
    b = client.get("/events.json?limit=5").json()
    assert a == b
    assert client.get("/events?format=csv").headers["content-type"].startswith("text/csv")
    assert client.get("/events?format=xml").status_code == 400


def test_static_css_is_served(client: TestClient) -> None:
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "text/css" in r.headers["content-type"]
