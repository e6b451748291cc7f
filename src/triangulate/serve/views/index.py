"""``/``: what the store holds, the top dyads and a link to every view."""

from __future__ import annotations

from ..core import Ctx, Page

LINKS = [
    ("/documents", "Documents"),
    ("/events", "Events"),
    ("/actors", "Actors"),
    ("/network", "Network"),
    ("/timeline", "Timeline"),
    ("/claims", "Claims ledger"),
    ("/flows", "Flows"),
    ("/quotes", "Quotes"),
    ("/search", "Search"),
]


def index(ctx: Ctx) -> Page:
    stats = ctx.store.stats()
    dyads = [
        {"source": s, "target": t, "events": n}
        for s, t, n in ctx.store.top_dyads(ctx.number("dyads", 10, low=1, high=100))
    ]
    return Page(
        title="triangulate",
        rows=dyads,
        data={"stats": stats, "top_dyads": dyads, "views": [p for p, _ in LINKS]},
        template="index.html",
        context={"stats": stats, "links": LINKS},
    )


VIEWS = [("/", index, "index")]
