"""The store interface: what the pipeline, the analysis and the server need of a backend.

SQLite (``sqlite.py``) is the default; a PostgreSQL backend implements the same
methods.  Methods take and return the plain records of :mod:`triangulate.model`
or plain dicts; no backend type leaks out.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from ..model import Analysis, Document

AddStatus = Literal["added", "exists", "conflict"]


@dataclass(frozen=True)
class EventFilter:
    """Filters for listing events; every field is optional."""

    actor: str | None = None  # code prefix matched on source or target (e.g. "PRK")
    source: str | None = None
    target: str | None = None
    cameo: str | None = None  # code prefix (root "06" or full "062")
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    doc_id: str | None = None
    group: str | None = None  # an event group id (the same real event told elsewhere)
    plover: str | None = None  # a PLOVER event type (case-insensitive, whole)
    limit: int = 100
    offset: int = 0
    after: int | None = None  # keyset paging: the events after this event id in list order


class Store(Protocol):
    """A place to keep documents, their language layer and the facts found in them."""

    # -- documents -------------------------------------------------------
    def add_document(self, doc: Document, fingerprint: int | None = None) -> AddStatus:
        """Store ``doc`` unless its id is already there (``exists`` if same text,
        ``conflict`` if different text: never silently replaced)."""
        ...

    def near_duplicate_candidates(self, bands: Sequence[int]) -> list[tuple[str, int]]:
        """(doc_id, fingerprint) of stored canonical documents sharing a band."""
        ...

    def document(self, doc_id: str) -> Document | None: ...

    def documents(
        self, *, limit: int = 100, offset: int = 0, language: str | None = None
    ) -> list[Document]: ...

    def pending(self, pipeline_version: str, *, reprocess: bool = False) -> list[str]:
        """Ids of canonical documents in a supported language not yet processed
        by ``pipeline_version`` (with ``reprocess``: not processed by it, or
        processed by another version)."""
        ...

    # -- runs and facts --------------------------------------------------
    def begin_run(self, pipeline_version: str, config: dict[str, Any]) -> int: ...

    def finish_run(self, run_id: int, documents: int, status: str = "done") -> None: ...

    def save_analysis(self, analysis: Analysis, run_id: int, pipeline_version: str) -> None:
        """Replace every fact of the document by those of ``analysis`` atomically
        and mark the document processed by ``pipeline_version``."""
        ...

    # -- queries ----------------------------------------------------------
    def stats(self) -> dict[str, int]: ...

    def top_dyads(self, limit: int = 10) -> list[tuple[str, str, int]]: ...

    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        """Events matching ``flt`` with evidence sentence and publication date, ordered by
        event date (undated last), document, sentence and id; a page is ``limit`` rows
        after the event ``after`` (keyset, fast at any depth) and then ``offset`` rows."""
        ...

    def event(self, event_id: int) -> dict[str, Any] | None:
        """One event (the fields of :meth:`events`) by id."""
        ...

    # -- aggregates (exact, computed by the backend, not from listed events) --------
    def count_events(self, flt: EventFilter | None = None) -> int:
        """How many events match ``flt`` (paging ignored)."""
        ...

    def dyad_series(
        self, a: str, b: str, *, interval: str = "month", directed: bool = False,
        flt: EventFilter | None = None,
    ) -> list[dict[str, Any]]:  # fmt: skip
        """Events of a–b (code prefixes; both directions unless ``directed``) matching
        ``flt`` per ``interval`` (``month`` or ISO ``week`` of the event date, else the
        publication date; ``period`` None if unknown, last): counts per quad class
        (``verbal_cooperation`` … ``material_conflict``, ``other``), ``events``,
        ``goldstein_sum`` and ``goldstein_mean`` (3 decimals)."""
        ...

    def network(self, flt: EventFilter | None = None) -> dict[str, list[dict[str, Any]]]:
        """``nodes`` (country code, events it takes part in) and undirected ``edges``
        (``a`` <= ``b``, ``count``, ``goldstein_sum``, ``goldstein_mean``, ``sign``) of the
        events with both participants matching ``flt``; most events first."""
        ...

    def actor_neighbours(self, code: str, *, limit: int = 20) -> dict[str, Any]:
        """``as_source`` and ``as_target`` counts of ``code`` (a prefix) and its
        ``neighbours``: the countries on the other side with their event counts."""
        ...

    def refresh_rollups(self) -> None:
        """Recompute whatever the backend keeps to answer aggregates fast (the store
        keeps it current by itself; this is for bulk loads that bypass it)."""
        ...

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]: ...

    def actor_counts(
        self, *, prefix: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Actor codes with their mention and document counts and most common name."""
        ...

    def set_deadline(self, seconds: float | None) -> None:
        """Interrupt any statement running past ``seconds`` from now (None: no limit);
        an interrupted statement raises the backend's operational error."""
        ...

    def event_mentions(self) -> list[dict[str, Any]]:
        """Every event with both participants, with what grouping compares."""
        ...

    def set_event_groups(self, groups: dict[int, str]) -> None:
        """Replace every event's group id by ``groups[event id]``."""
        ...

    def claims(self, *, item: str | None = None, limit: int = 10_000) -> list[dict[str, Any]]:
        """Stored claims (``about`` as a list) with publication date and evidence sentence."""
        ...

    def quotes(
        self, *, speaker: str | None = None, code: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        """Stored direct quotes, optionally by speaker name (substring) or code prefix."""
        ...

    def analysis(self, doc_id: str) -> Analysis | None:
        """The stored analysis of one document, rebuilt as records."""
        ...

    # -- lifecycle ----------------------------------------------------------
    def batch(self) -> AbstractContextManager[None]:
        """Group writes into one transaction (commit at exit, roll back on error)."""
        ...

    def schema_version(self) -> int: ...

    def close(self) -> None: ...


def iter_chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def event_pages(
    store: Store, page: int = 10_000, **filters: Any
) -> Iterator[list[dict[str, Any]]]:
    """Every event matching ``filters`` in list order, a page at a time, by keyset
    (each page continues after the last event of the one before: as fast at the end of
    a million events as at the start)."""
    after: int | None = None
    while True:
        rows = store.events(EventFilter(**filters, limit=page, after=after))
        if rows:
            yield rows
        if len(rows) < page:
            return
        after = rows[-1]["id"]
