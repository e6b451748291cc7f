"""``/events``: stored events with their evidence, filtered by the query string."""

from __future__ import annotations

from typing import Any

from ...store import EventFilter, Store
from ..core import Ctx, Page, not_found

FILTERS = ("actor", "source", "target", "cameo", "status", "since", "until", "group", "doc_id")


def event_filter(ctx: Ctx) -> tuple[EventFilter, dict[str, Any]]:
    values = {name: ctx.text(name) for name in FILTERS}
    limit, offset = ctx.limit(), ctx.offset()
    flt = EventFilter(
        actor=values["actor"], source=values["source"], target=values["target"],
        cameo=values["cameo"], status=values["status"], date_from=values["since"],
        date_to=values["until"], group=values["group"], doc_id=values["doc_id"],
        limit=limit, offset=offset,
    )  # fmt: skip
    return flt, {**values, "limit": limit, "offset": offset}


def all_events(store: Store, flt: EventFilter, cap: int = 200_000) -> list[dict[str, Any]]:
    """Every event matching ``flt`` (paged through the store, at most ``cap``)."""
    out: list[dict[str, Any]] = []
    page_size = 10_000
    while len(out) < cap:
        page = store.events(
            EventFilter(actor=flt.actor, source=flt.source, target=flt.target, cameo=flt.cameo,
                        status=flt.status, date_from=flt.date_from, date_to=flt.date_to,
                        doc_id=flt.doc_id, group=flt.group, limit=page_size, offset=len(out))
        )  # fmt: skip
        out += page
        if len(page) < page_size:
            break
    return out


#: The columns the HTML table shows (JSON and CSV carry every field).
HTML_COLUMNS = ["id", "date", "source", "cameo", "target", "plover", "goldstein", "status",
                "location", "evidence", "doc_id", "published", "event_group", "group_sources"]  # fmt: skip


def events(ctx: Ctx) -> Page:
    flt, filters = event_filter(ctx)
    return Page(title="Events", rows=ctx.store.events(flt), filters=filters,
                context={"columns": HTML_COLUMNS})  # fmt: skip


def event(ctx: Ctx) -> Page:
    raw = ctx.path["event_id"]
    if not raw.isdigit():
        raise not_found(f"event {raw!r}")
    wanted = int(raw)
    doc_id = ctx.text("doc_id")
    # The store lists events by filter, not by id: look in the named document
    # (links carry it) or, failing that, through every event.
    pool = all_events(ctx.store, EventFilter(doc_id=doc_id))
    rows = [e for e in pool if e.get("id") == wanted]
    if not rows:
        raise not_found(f"event {wanted}")
    return Page(
        title=f"Event {wanted}",
        rows=rows,
        filters={"id": wanted},
        data=rows[0],
        context={"form": []},
    )


VIEWS = [
    ("/events", events, "events"),
    ("/events/{event_id}", event, "event"),
]
