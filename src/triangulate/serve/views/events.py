"""``/events``: stored events with their evidence, filtered by the query string."""

from __future__ import annotations

from typing import Any

from ...store import EventFilter
from ..core import Ctx, Page, ServeError, not_found

#: The event filters every event view shares (events, series, network, claims).
FILTERS = ("actor", "source", "target", "cameo", "plover", "status", "since", "until", "group",
           "doc_id")  # fmt: skip


def filter_values(ctx: Ctx, names: tuple[str, ...] = FILTERS) -> dict[str, str | None]:
    return {name: ctx.text(name) for name in names}


def to_filter(values: dict[str, str | None], **paging: Any) -> EventFilter:
    """The store filter for query values named as in :data:`FILTERS`."""
    return EventFilter(
        actor=values.get("actor"), source=values.get("source"), target=values.get("target"),
        cameo=values.get("cameo"), plover=values.get("plover"), status=values.get("status"),
        date_from=values.get("since"), date_to=values.get("until"), group=values.get("group"),
        doc_id=values.get("doc_id"), **paging,
    )  # fmt: skip


def event_filter(ctx: Ctx) -> tuple[EventFilter, dict[str, Any]]:
    values = filter_values(ctx)
    limit, offset = ctx.limit(), ctx.offset()
    after = ctx.number("after", -1, low=0) if ctx.text("after") is not None else None
    flt = to_filter(values, limit=limit, offset=offset, after=after)
    return flt, {**values, "limit": limit, "offset": offset, "after": after}


#: The columns the HTML table shows (JSON and CSV carry every field).
HTML_COLUMNS = ["id", "date", "source", "cameo", "target", "plover", "goldstein", "status",
                "location", "evidence", "doc_id", "published", "event_group", "group_sources"]  # fmt: skip


def events(ctx: Ctx) -> Page:
    """A page of events; ``?after=ID`` continues after event ID (keyset: as fast on the
    thousandth page as on the first), and ``filters.next_after`` names the next page."""
    flt, filters = event_filter(ctx)
    rows = ctx.store.events(flt)
    filters["next_after"] = rows[-1]["id"] if rows and len(rows) >= flt.limit else None
    return Page(title="Events", rows=rows, filters=filters,
                context={"columns": HTML_COLUMNS, "form": [*FILTERS, "limit", "offset"]})  # fmt: skip


def event(ctx: Ctx) -> Page:
    raw = ctx.path["event_id"]
    if not raw.isdigit() or len(raw) > 18:
        raise not_found(f"event {raw!r}")
    wanted = int(raw)
    row = ctx.store.event(wanted)
    doc_id = ctx.text("doc_id")
    if row is None or (doc_id is not None and row["doc_id"] != doc_id):
        raise not_found(f"event {wanted}")
    return Page(
        title=f"Event {wanted}",
        rows=[row],
        filters={"id": wanted},
        data=row,
        context={"form": []},
    )


def check_interval(value: str | None) -> str:
    interval = value or "month"
    if interval not in ("month", "week"):
        raise ServeError(400, "T901", "interval must be week or month")
    return interval


VIEWS = [
    ("/events", events, "events"),
    ("/events/{event_id}", event, "event"),
]
