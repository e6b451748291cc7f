"""Untrusted text renders inert, hostile input is harmless, sizes and time are bounded,
and nothing can be written."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from triangulate.errors import UsageError
from triangulate.serve import create_app
from triangulate.serve.core import csv_safe

PAGES = ["/", "/documents", "/events", "/actors", "/network", "/claims", "/flows",
         "/quotes", "/search?q=x", "/documents/seed-000"]  # fmt: skip


def test_article_text_is_escaped(client: TestClient, hostile_id: str) -> None:
    for url in (f"/documents/{hostile_id}", "/documents", "/search?q=script+alert",
                f"/evidence/{hostile_id}?start=0&end=60"):  # fmt: skip
        html = client.get(url).text
        assert "<script>" not in html
        assert "<img src=x" not in html
    doc = client.get(f"/documents/{hostile_id}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in doc
    assert "&lt;img src=x onerror=alert(1)&gt;" in doc


def test_hostile_filter_values_are_harmless(client: TestClient) -> None:
    total = client.get("/events.json?limit=10000").json()["count"]
    for value in ("' OR 1=1 --", "%", "_", "\\", '"; DROP TABLE events; --', "x" * 1000):
        for name in ("actor", "source", "cameo", "status", "doc_id", "group", "since"):
            r = client.get("/events.json", params={name: value, "limit": 10000})
            assert r.status_code == 200, (name, value)
            assert r.json()["count"] < total or name == "since"
        assert client.get("/quotes.json", params={"speaker": value}).status_code == 200
        assert client.get("/search.json", params={"q": value}).status_code == 200
        assert client.get("/claims.json", params={"item": value}).status_code == 200
        html = client.get("/events", params={"actor": value})
        assert html.status_code == 200 and "<script" not in html.text
    assert client.get("/events.json?limit=10000").json()["count"] == total  # nothing dropped
    r = client.get("/events", params={"actor": '"><script>alert(1)</script>'})
    assert "<script>alert(1)" not in r.text


def test_parameter_too_long_is_400(client: TestClient) -> None:
    r = client.get("/events.json", params={"actor": "x" * 1001})
    assert r.status_code == 400 and r.json()["error"]["code"] == "T901"


def test_long_query_string_is_414(client: TestClient) -> None:
    r = client.get("/events.json?" + "a=" + "x" * 5000)
    assert r.status_code == 414
    assert r.json() == {"ok": False, "status": 414, "error": {
        "code": "T914", "message": "query string longer than 4096 bytes"}}  # fmt: skip


def test_limits_are_capped(client: TestClient) -> None:
    assert client.get("/events.json?limit=99999999").json()["filters"]["limit"] == 10_000
    html = client.get("/events?limit=99999999")
    assert html.status_code == 200
    assert 'value="1000"' in html.text  # the HTML cap


def test_get_with_body_is_rejected(client: TestClient) -> None:
    r = client.request("GET", "/events.json", content=b"x" * 100)
    assert r.status_code == 400 and r.json()["error"]["code"] == "T913"


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("url", ["/", "/events", "/events.json", "/documents/seed-000.csv"])
def test_no_write_methods(client: TestClient, method: str, url: str) -> None:
    r = client.request(method, url)
    assert r.status_code == 405
    assert r.headers["x-content-type-options"] == "nosniff"


def test_no_write_routes_even_with_allow_writes(demo_db: str) -> None:
    app = create_app(demo_db, allow_writes=True)
    for route in app.routes:
        methods = getattr(route, "methods", None) or set()
        assert methods <= {"GET", "HEAD"}, route
    with TestClient(app) as c:
        assert c.post("/events.json").status_code == 405


def test_security_headers(client: TestClient) -> None:
    for url in ("/", "/events.json", "/events.csv", "/nope"):
        r = client.get(url)
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/docs").status_code == 404  # no CDN-backed API docs
    assert client.get("/openapi.json").status_code == 404


def test_time_limit_answers_503(demo_db: str) -> None:
    with TestClient(create_app(demo_db, time_limit=0.0)) as c:
        r = c.get("/events.json")
        assert r.status_code == 503
        assert r.json()["error"]["code"] == "T903"
        assert c.get("/network").status_code == 503


def test_csv_cells_cannot_be_formulas(client: TestClient, hostile_id: str) -> None:
    assert csv_safe("=SUM(A1)") == "'=SUM(A1)"
    assert csv_safe("+1") == "'+1" and csv_safe("-1") == "'-1" and csv_safe("@x") == "'@x"
    assert csv_safe(-1.5) == -1.5 and csv_safe("ok") == "ok" and csv_safe(None) == ""
    table = client.get("/documents.csv").text
    assert "'=HYPERLINK" in table and "'@evil" in table
    for url in ("/documents.csv", f"/documents/{hostile_id}.csv", "/events.csv", "/quotes.csv"):
        for row in csv.reader(io.StringIO(client.get(url).text)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@")), (url, cell)
                assert not (cell.startswith("-") and not _number(cell)), (url, cell)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_missing_database_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UsageError):
        create_app(str(tmp_path / "missing.db"))


def test_head_is_allowed(client: TestClient) -> None:
    r = client.head("/events.json")
    assert r.status_code == 200 and r.content == b""


def test_run_binds_localhost_by_default(monkeypatch: pytest.MonkeyPatch, demo_db: str) -> None:
    import uvicorn

    seen: dict[str, object] = {}

    def fake_run(app: object, **kwargs: object) -> None:
        seen.update(kwargs, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    from triangulate.serve import run

    run(demo_db)
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    assert seen["app"] is not None
