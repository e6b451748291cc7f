"""``/network`` (countries and dyads) and ``/dyads/{a}/{b}/series`` (a dyad over time).

Both are aggregates the store computes (``Store.network``, ``Store.dyad_series``):
exact over every matching event, however many there are.
"""

from __future__ import annotations

from ..core import Ctx, Page
from .events import check_interval, filter_values, to_filter

#: The filters of the network and the series (named as in the events view).
NETWORK_FILTERS = ("actor", "source", "target", "cameo", "plover", "status", "since", "until",
                   "group", "doc_id")  # fmt: skip
SERIES_FILTERS = ("cameo", "plover", "status", "since", "until", "group", "doc_id")


def network(ctx: Ctx) -> Page:
    values = filter_values(ctx, NETWORK_FILTERS)
    data = ctx.store.network(to_filter(values))
    return Page(title="Network", rows=data["edges"], filters=values, data=data,
                context={"sections": [("Nodes", data["nodes"])]})  # fmt: skip


def series(ctx: Ctx) -> Page:
    a, b = ctx.path["a"].strip(), ctx.path["b"].strip()
    interval = check_interval(ctx.text("interval"))
    directed = ctx.flag("directed")
    values = filter_values(ctx, SERIES_FILTERS)
    rows = ctx.store.dyad_series(a, b, interval=interval, directed=directed,
                                 flt=to_filter(values))  # fmt: skip
    return Page(title=f"Dyad {a}–{b} per {interval}", rows=rows,
                filters={"a": a, "b": b, "interval": interval, "directed": directed, **values},
                context={"form": ["interval", "directed", *SERIES_FILTERS]})  # fmt: skip


VIEWS = [
    ("/network", network, "network"),
    ("/dyads/{a}/{b}/series", series, "series"),
]
