"""The dashboard in a real headless Chromium against a real server (``-m browser``)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from .conftest import ARTIFACTS, Tab

pytestmark = pytest.mark.browser

DRAWN = "body[data-network=drawn]"  # set by dashboard.js once Cytoscape has drawn
EVIDENCE = "#events li a.evidence"


def _open(tab: Tab, query: str = "") -> None:
    tab.page.goto(f"{tab.base}/dashboard{query}", wait_until="load")
    # Selectors, not wait_for_function: Playwright evaluates a function string, which
    # the page's CSP (no 'unsafe-eval') rightly refuses.
    tab.page.wait_for_selector(DRAWN, state="attached", timeout=20_000)


EDGE_AT = """(id) => {
  const cy = window.dashboard.cy, e = cy.getElementById(id);
  if (e.empty()) return null;
  const m = e.renderedMidpoint();
  const covered = cy.nodes().some((n) => {
    const b = n.renderedBoundingBox();
    return m.x >= b.x1 && m.x <= b.x2 && m.y >= b.y1 && m.y <= b.y2;
  });
  return {x: m.x, y: m.y, covered: covered};
}"""


def _click_edge(page: Any, edge_id: str) -> None:
    """Click the edge where Cytoscape draws it (its rendered midpoint); if a node
    happens to cover that point, tap the edge through Cytoscape's API instead."""
    box = page.locator("#network").bounding_box()
    mid = page.evaluate(EDGE_AT, edge_id)
    assert mid is not None, f"edge {edge_id} not in the network"
    if mid["covered"]:
        page.evaluate("(id) => window.dashboard.cy.getElementById(id).emit('tap')", edge_id)
    else:
        page.mouse.click(box["x"] + mid["x"], box["y"] + mid["y"])


def test_edge_click_shows_dyad_evidence(tab: Tab) -> None:
    page = tab.page
    _open(tab)
    first_render = page.evaluate("performance.getEntriesByName('network-drawn')[0].startTime")
    print(f"\nfirst render (navigation start -> network drawn): {first_render:.0f} ms")
    assert page.evaluate("window.dashboard.cy.nodes().length") > 3

    _click_edge(page, "PRK|RUS")
    page.wait_for_selector(EVIDENCE, timeout=10_000)
    page.wait_for_selector("#chart svg", timeout=10_000)
    metas = page.locator("#events li .meta").all_text_contents()
    assert metas
    for meta in metas:
        assert "PRK" in meta and "RUS" in meta, meta
    links = page.locator(EVIDENCE)
    href = links.first.get_attribute("href") or ""
    assert href.startswith("/evidence/") and "start=" in href and "end=" in href
    assert "a=PRK" in page.url and "b=RUS" in page.url

    # Article text with <script> is shown as text, never run or parsed as markup.
    texts = links.all_text_contents()
    assert any("<script>" in t for t in texts), "the hostile sentence is not listed"
    assert page.locator("#events script, #events img").count() == 0
    assert tab.dialogs == []

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)

    # A bar of the chart opens that month's evidence.
    page.locator("#chart svg .mark-rect path").first.click()
    page.locator("#events-title", has_text=" in ").wait_for(timeout=10_000)
    assert "month=" in page.url
    assert page.locator(EVIDENCE).count() >= 1

    # The evidence link opens the sentence highlighted in its document.
    assert page.evaluate("window.__csp") == []
    page.goto(tab.base + href)
    assert page.locator("mark").count() == 1

    assert tab.outside == [], tab.outside
    assert tab.errors == [], tab.errors


def test_state_in_url_and_node_filter(tab: Tab) -> None:
    page = tab.page
    _open(tab, "?a=PRK&b=RUS&status=attributed")
    page.wait_for_selector(EVIDENCE, timeout=10_000)
    for meta in page.locator("#events li .meta").all_text_contents():
        assert meta.endswith("attributed"), meta
    assert page.input_value("input[name=status]") == "attributed"
    # The chart follows the same filter: its bars add up to the listed events.
    page.wait_for_selector("#chart svg .mark-rect path", timeout=10_000)
    listed = page.locator("#events li .meta").count()
    charted = page.evaluate(
        "window.dashboard.chart.data('source_0').reduce((n, d) => n + d.count, 0)"
    )
    assert charted == listed

    page.evaluate("window.dashboard.cy.getElementById('CHN').emit('tap')")
    page.locator("#selection", has_text="actor CHN").wait_for(timeout=10_000)
    assert "actor=CHN" in page.url and "status=attributed" in page.url
    # The label changes before the new events arrive: wait for the list itself to follow.
    # (polled with evaluate: wait_for_function needs eval, which the page's CSP refuses)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        metas = page.locator("#events li .meta").all_text_contents()
        if metas and all("CHN" in m for m in metas):
            break
        page.wait_for_timeout(100)
    for meta in page.locator("#events li .meta").all_text_contents():
        assert "CHN" in meta, meta
    assert page.evaluate("window.__csp") == []
    assert tab.outside == [] and tab.errors == [], (tab.outside, tab.errors)


def test_claims_ledger_and_no_csp_violation(tab: Tab) -> None:
    page = tab.page
    _open(tab)
    page.wait_for_selector("#claims tbody tr", timeout=10_000)
    assert page.locator("#claims tbody tr").count() > 0
    _click_edge(page, "PRK|RUS")
    page.wait_for_selector("#chart svg", timeout=10_000)
    assert page.evaluate("window.__csp") == [], "Vega/Cytoscape broke the CSP"
    assert tab.errors == [], tab.errors
