"""Store fixtures: a throwaway PostgreSQL server for the session, a fresh store (schema) per use."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from .pg_server import TempPostgres


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TempPostgres]:
    """The session's PostgreSQL server (skips the test where none can be had)."""
    server = TempPostgres()
    reason = server.unavailable()
    if reason:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    try:
        server.start()  # binaries that are there but fail to start are an error, not a skip
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_store_url(pg_server: TempPostgres) -> Iterator[Callable[[], str]]:
    """Make URLs of new, empty stores (dropped after the test)."""
    made: list[str] = []

    def make() -> str:
        made.append(pg_server.create_store())
        return made[-1]

    yield make
    for url in made:
        pg_server.drop_store(url)


@pytest.fixture
def pg_url(pg_store_url: Callable[[], str]) -> str:
    """The URL of a new, empty store."""
    return pg_store_url()
