"""``event_pages``: every matching event once, in list order, a keyset page at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from triangulate.store import EventFilter, event_pages, open_store

from ..conftest import SEEDS, build_store


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(Path(tmp_path_factory.mktemp("pages")) / "seeds.db", SEEDS)


@pytest.mark.parametrize("page", [1, 7, 50, 10_000])
@pytest.mark.parametrize("filters", [{}, {"actor": "PRK"}, {"status": "asserted", "cameo": "0"}])
def test_pages_concatenate_to_the_whole_list(seeded: str, page: int, filters: dict) -> None:
    store = open_store(seeded, readonly=True)
    try:
        whole = store.events(EventFilter(**filters, limit=10_000))
        pages = list(event_pages(store, page, **filters))
    finally:
        store.close()
    assert [r["id"] for p in pages for r in p] == [r["id"] for r in whole]
    assert all(0 < len(p) <= page for p in pages)
