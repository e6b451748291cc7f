"""The exporter contract and what every format shares.

An exporter is opened on a path, receives rows one by one through
:meth:`Exporter.write` and is closed with :meth:`Exporter.finish` (which writes
whatever a format can only write at the end: a network, a parquet footer).
Rows come from :func:`iter_rows`, which pages through the store
(``EventFilter(limit=PAGE)``) so that at most one page of events is in memory.
"""

from __future__ import annotations

import datetime as dt
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, ClassVar

from ..errors import UsageError
from ..store.base import EventFilter, Store, event_pages

PAGE = 10_000
LEAD_MIN = 80

#: The columns of an event row, in the order ``Store.events`` gives them, plus
#: two cheap document fields (``url``, ``title``).
EVENT_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "run_id", "source", "target", "source_text", "target_text", "cameo",
    "root", "plover", "goldstein", "status", "attributed_to", "date", "date_precision",
    "location", "geonames_id", "latitude", "longitude", "sentence_start", "sentence_end",
    "trigger_start", "trigger_end", "event_group", "group_sources", "evidence", "published",
    "url", "title",
)  # fmt: skip

CLAIM_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "run_id", "item", "value", "value_max", "approximate", "unit", "about",
    "predicate", "asserted_by", "date", "status", "text_start", "text_end", "sentence_start",
    "sentence_end", "published", "evidence",
)  # fmt: skip

QUOTE_COLUMNS: tuple[str, ...] = (
    "doc_id", "speaker", "speaker_code", "text_start", "text_end", "sentence_start",
    "sentence_end", "published", "quote", "evidence",
)  # fmt: skip

COLUMNS: dict[str, tuple[str, ...]] = {
    "events": EVENT_COLUMNS,
    "claims": CLAIM_COLUMNS,
    "quotes": QUOTE_COLUMNS,
}

#: EventFilter fields a caller may pass to ``export`` (paging is ours).
FILTER_FIELDS = frozenset(f.name for f in fields(EventFilter)) - {"limit", "offset", "after"}


class ExportError(UsageError, ValueError):
    """A bad export request (unknown format, kind, option or filter)."""


class Exporter(ABC):
    """Write rows of one kind (``what``) to ``out``; ``finish`` closes the file."""

    name: ClassVar[str]
    kinds: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(self, out: Path, *, what: str = "events") -> None:
        if what not in self.kinds:
            raise ExportError(f"format {self.name!r} exports {sorted(self.kinds)}, not {what!r}")
        self.out = out
        self.what = what
        self.columns = COLUMNS[what]
        self.count = 0

    def prepare(self, store: Store) -> None:  # noqa: B027 - optional hook
        """Called once before the first row (e.g. to count event groups)."""

    @abstractmethod
    def write(self, row: dict[str, Any]) -> None:
        """Write one row (a dict with at least ``self.columns``)."""

    @abstractmethod
    def finish(self) -> None:
        """Flush and close; the file must be valid even with no rows."""


@dataclass
class DocInfo:
    url: str | None
    title: str | None
    published: str | None
    lead_end: int  # end offset of the lead paragraph (GDELT IsRootEvent)


class DocCache:
    """Per-document fields events lack (url, title, lead paragraph), one lookup each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, DocInfo] = {}

    def get(self, doc_id: str) -> DocInfo:
        info = self._cache.get(doc_id)
        if info is None:
            doc = self.store.document(doc_id)
            if doc is None:
                info = DocInfo(None, None, None, 0)
            else:
                info = DocInfo(
                    doc.url, doc.title, doc.published, _lead_end(doc.text, doc.body_start)
                )
            self._cache[doc_id] = info
        return info


def _lead_end(text: str, body_start: int) -> int:
    """End offset of the lead paragraph: the first body line of at least
    ``LEAD_MIN`` characters (shorter lines before it are headlines, kickers)."""
    for m in re.finditer(r"[^\n]+", text[body_start:]):
        if len(m.group().strip()) >= LEAD_MIN:
            return body_start + m.end()
    return len(text)


def iter_events(store: Store, page: int | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every event matching ``filters``, one page of ``page`` (default ``PAGE``) rows
    in memory at a time."""
    page = page or PAGE
    docs = DocCache(store)
    for rows in event_pages(store, page or PAGE, **filters):
        for row in rows:
            info = docs.get(row["doc_id"])
            row["url"], row["title"] = info.url, info.title
            row["_lead"] = row["sentence_start"] < info.lead_end
            yield row



def iter_rows(store: Store, what: str = "events", **filters: Any) -> Iterator[dict[str, Any]]:
    """Rows of ``what`` (events | claims | quotes); filters apply to events only."""
    if what == "events":
        yield from iter_events(store, None, **filters)
    elif filters:
        raise ExportError(f"filters {sorted(filters)} apply to events only")
    elif what == "claims":
        yield from store.claims(limit=1_000_000)
    elif what == "quotes":
        yield from store.quotes(limit=10_000)
    else:
        raise ExportError(f"unknown kind {what!r} (events, claims or quotes)")


def country(code: str | None) -> str | None:
    """The country part of an actor code: three letters, or the whole ``IGO...`` code."""
    if not code:
        return None
    return code[:6] if code.startswith("IGO") else code[:3]


def roles(code: str | None) -> list[str]:
    """The three-letter role codes after the country part (``RUSGOVMIL`` → GOV, MIL)."""
    if not code:
        return []
    rest = code[len(country(code) or "") :]
    return [rest[i : i + 3] for i in range(0, len(rest), 3)]


def date_span(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day an event date covers (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``,
    or ``a/b`` ranges of those); None if unknown or unparsable."""
    if not value:
        return None
    parts = value.split("/")
    first, last = _bounds(parts[0]), _bounds(parts[-1])
    if first is None or last is None:
        return None
    return first[0], last[1]


def _bounds(value: str) -> tuple[dt.date, dt.date] | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(3):
            day = dt.date(year, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            month = int(m.group(2))
            start = dt.date(year, month, 1)
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            return start, nxt - dt.timedelta(days=1)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
