"""``/timeline``: what happened when — the chronology of events and their volume over time.

Two parts, both under the usual event filters (actor, dyad, CAMEO, PLOVER, status,
dates, group, document):

* ``periods``: every matching event counted per month (or ``?interval=week``) by quad
  class with Goldstein sum and mean — an exact store aggregate
  (``Store.dyad_series`` over all actors), however many events there are;
* ``entries``: the chronology, one row per real-world event: events in event-date
  order (undated last) with the mentions of one event group (the same event told
  in other sentences or articles) folded into its first mention, which carries how
  many mentions and documents tell it.  It pages like ``/events``: ``?after=ID``
  continues after the last event of the page (``filters.next_after``).
"""

from __future__ import annotations

from typing import Any

from ..core import Ctx, Page
from .events import FILTERS, check_interval, filter_values, to_filter

#: The chronology's columns in the HTML table (JSON and CSV carry every field).
COLUMNS = ["date", "source", "cameo", "target", "status", "mentions", "documents",
           "event_group", "evidence", "doc_id", "id"]  # fmt: skip


def chronology(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events (already in list order) with every event group folded into its first row."""
    entries: list[dict[str, Any]] = []
    first: dict[str, dict[str, Any]] = {}
    for event in events:
        group = event.get("event_group")
        if group and group in first:
            entry = first[group]
            entry["mentions"] += 1
            entry["_docs"].add(event["doc_id"])
            continue
        entry = {**event, "mentions": 1, "_docs": {event["doc_id"]}}
        if group:
            first[group] = entry
        entries.append(entry)
    for entry in entries:
        docs = entry.pop("_docs")
        # the group's count over the whole store when known, else what this page saw
        entry["documents"] = max(len(docs), int(entry.get("group_sources") or 0))
    return entries


def timeline(ctx: Ctx) -> Page:
    values = filter_values(ctx)
    interval = check_interval(ctx.text("interval"))
    limit = ctx.limit()
    after = ctx.number("after", -1, low=0) if ctx.text("after") is not None else None
    periods = ctx.store.dyad_series("", "", interval=interval, directed=True,
                                    flt=to_filter(values))  # fmt: skip
    events = ctx.store.events(to_filter(values, limit=limit, after=after))
    entries = chronology(events)
    next_after = events[-1]["id"] if events and len(events) >= limit else None
    filters: dict[str, Any] = {**values, "interval": interval, "limit": limit, "after": after,
                               "next_after": next_after}  # fmt: skip
    return Page(
        title="Timeline",
        rows=entries,
        filters=filters,
        data={"periods": periods, "entries": entries},
        context={
            "columns": COLUMNS,
            "form": [*FILTERS, "interval", "limit"],
            "sections": [(f"Events per {interval}", periods)],
        },
    )


VIEWS = [("/timeline", timeline, "timeline")]
