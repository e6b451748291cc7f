"""``/quotes``, ``/search`` (FTS over sentences) and ``/evidence/{doc_id}`` (a span in place)."""

from __future__ import annotations

from ..core import Ctx, Page, ServeError, not_found


def quotes(ctx: Ctx) -> Page:
    speaker, code, limit = ctx.text("speaker"), ctx.text("code"), ctx.limit()
    rows = ctx.store.quotes(speaker=speaker, code=code, limit=limit)
    return Page(title="Quotes", rows=rows,
                filters={"speaker": speaker, "code": code, "limit": limit})  # fmt: skip


def search(ctx: Ctx) -> Page:
    q, limit = ctx.text("q"), ctx.limit(default=20)
    rows = ctx.store.search(q, limit=max(min(limit, 1000), 1)) if q and limit else []
    return Page(title="Search", rows=rows, filters={"q": q, "limit": limit})


def evidence(ctx: Ctx) -> Page:
    doc_id = ctx.path["doc_id"]
    doc = ctx.store.document(doc_id)
    if doc is None:
        raise not_found(f"document {doc_id!r}")
    n = len(doc.text)
    start = ctx.number("start", 0, low=0)
    end = ctx.number("end", start, low=0)
    if start > n or end > n or end < start:
        raise ServeError(400, "T901", f"span {start}-{end} is outside the document (0-{n})")
    row = {
        "doc_id": doc_id, "start": start, "end": end, "text": doc.text[start:end],
        "source": doc.source, "site": doc.site, "url": doc.url, "published": doc.published,
        "title": doc.title,
    }  # fmt: skip
    parts = {"before": doc.text[:start], "mark": doc.text[start:end], "after": doc.text[end:]}
    return Page(title=f"Evidence in {doc.title or doc_id}", rows=[row],
                filters={"doc_id": doc_id, "start": start, "end": end},
                data=row, template="evidence.html", context={"parts": parts, "row": row})  # fmt: skip


VIEWS = [
    ("/quotes", quotes, "quotes"),
    ("/search", search, "search"),
    ("/evidence/{doc_id}", evidence, "evidence"),
]
