"""The public surface is a list: a missing or extra name fails here (httpx's habit)."""

from __future__ import annotations

import triangulate

EXPECTED = {
    "__version__",
    "open_store",
    "Store",
    "EventFilter",
    "ingest",
    "process",
    "run",
    "records",
    "evaluate",
    "events",
    "search",
    "quotes",
    "claims",
    "flows",
    "Pipeline",
    "IngestOptions",
    "Document",
    "Analysis",
    "Sentence",
    "Actor",
    "Mention",
    "Event",
    "Claim",
    "Quote",
    "Problem",
    "TriangulateError",
}


def test_exported_names():
    assert set(triangulate.__all__) == EXPECTED


def test_every_name_resolves():
    for name in triangulate.__all__:
        assert getattr(triangulate, name) is not None


def test_api_round_trip(tmp_path):
    from .conftest import SEEDS

    store = triangulate.open_store(tmp_path / "api.db")
    report = triangulate.run([SEEDS], store)
    assert report.ingest.added == 5 and report.process.processed == 5
    assert triangulate.search("Kim", store)
    store.close()
