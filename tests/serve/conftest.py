"""One demo store for every serve test: ``examples/seeds`` plus a hostile document."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from triangulate.serve import create_app
from triangulate.store import open_store

from ..conftest import SEEDS, build_store

HOSTILE = (
    '=HYPERLINK("http://evil") <script>alert(1)</script>\n\n'
    "Russland und Nordkorea unterzeichneten am 19. Juni 2024 in Pjöngjang ein Abkommen. "
    "<img src=x onerror=alert(1)> Die Regierung in Moskau lieferte Waffen.\n"
)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("serve")
    hostile = folder / "hostile"
    hostile.mkdir()
    (hostile / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    record = {"doc_id": "evil-json", "title": '=HYPERLINK("http://evil")', "site": "@evil",
              "text": HOSTILE, "published": "2024-06-20"}  # fmt: skip
    (hostile / "evil.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return build_store(folder / "demo.db", SEEDS, hostile)


@pytest.fixture(scope="session")
def hostile_id(demo_db: str) -> str:
    store = open_store(demo_db, readonly=True)
    try:
        for doc in store.documents(limit=1000):
            if "<script>" in doc.text and doc.format == "text":
                return doc.doc_id
    finally:
        store.close()
    raise AssertionError("hostile document not stored")


@pytest.fixture(scope="session")
def client(demo_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(demo_db)) as c:
        yield c
