"""``/dashboard`` over HTTP: the page, its vendored scripts, and its CSP."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from triangulate.serve.views.dashboard import VENDOR_SCRIPTS

VENDOR = Path(__file__).resolve().parents[2] / "src/triangulate/serve/static/vendor"


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.script_text.append(data)


def _parse(html: str) -> _Tags:
    tags = _Tags()
    tags.feed(html)
    return tags


def test_dashboard_page(client: TestClient) -> None:
    r = client.get("/dashboard")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    for anchor in ('id="network"', 'id="chart"', 'id="events"', 'id="claims"', 'id="filters"'):
        assert anchor in r.text
    assert client.head("/dashboard").status_code == 200
    assert client.post("/dashboard").status_code == 405
    assert 'href="/dashboard"' in client.get("/").text


def test_dashboard_scripts_are_local_files_only(client: TestClient) -> None:
    page = _parse(client.get("/dashboard").text)
    scripts = [a for t, a in page.tags if t == "script"]
    assert [a.get("src") for a in scripts] == [f"/static/vendor/{n}" for n in VENDOR_SCRIPTS] + [
        "/static/dashboard.js"
    ]
    assert page.script_text == [], "inline script"
    for tag, attrs in page.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)  # no inline handlers
        for key in ("src", "href", "action"):
            value = attrs.get(key) or ""
            assert not re.match(r"^([a-z][a-z0-9+.-]*:|//)", value, re.I), (tag, key, value)


def test_dashboard_filters_echo_escaped(client: TestClient) -> None:
    html = client.get("/dashboard", params={"status": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in html
    assert "&#34;&gt;&lt;script&gt;" in html or "&quot;&gt;&lt;script&gt;" in html


@pytest.mark.parametrize(
    "url", [f"/static/vendor/{n}" for n in VENDOR_SCRIPTS] + ["/static/dashboard.js"]
)
def test_scripts_are_served_as_javascript(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] in ("text/javascript", "application/javascript")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert len(r.content) > 1000


def test_stylesheet_served(client: TestClient) -> None:
    r = client.get("/static/dashboard.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css")


def test_vendor_licences_and_readme() -> None:
    for lib in ("cytoscape", "vega", "vega-lite", "vega-embed", "vega-interpreter"):
        assert (VENDOR / f"LICENSE.{lib}").stat().st_size > 500
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for pin in ("3.35.0", "6.4.0", "6.4.3", "7.3.0", "2.3.2"):
        assert pin in readme
    total = sum(p.stat().st_size for p in VENDOR.iterdir())
    assert total < 3_000_000


def _directives(csp: str) -> dict[str, list[str]]:
    out = {}
    for part in csp.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def test_dashboard_csp_allows_only_self_scripts(client: TestClient) -> None:
    csp = _directives(client.get("/dashboard").headers["content-security-policy"])
    assert csp["script-src"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    joined = " ".join(v for values in csp.values() for v in values)
    assert "unsafe-inline" not in joined and "unsafe-eval" not in joined
    assert "style-src" not in csp  # so no inline <style> either


def test_other_pages_keep_script_src_none(client: TestClient) -> None:
    for url in ("/", "/events", "/network.json", "/static/dashboard.js"):
        csp = _directives(client.get(url).headers["content-security-policy"])
        assert csp["script-src"] == ["'none'"], url


def test_dashboard_js_never_writes_html() -> None:
    js = (VENDOR.parent / "dashboard.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function"):  # fmt: skip
        assert sink not in js, sink
    assert "http://" not in js and "https://" not in js
