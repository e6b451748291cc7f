"""``/documents`` and ``/documents/{doc_id}``: the text with every fact's sentence."""

from __future__ import annotations

from typing import Any

from ...model import Document
from ..core import Ctx, Page, not_found

_LIST_FIELDS = ("doc_id", "title", "language", "published", "source", "site", "genre",
                "duplicate_of")  # fmt: skip


def _summary(doc: Document) -> dict[str, Any]:
    return {f: getattr(doc, f) for f in _LIST_FIELDS}


def documents(ctx: Ctx) -> Page:
    language = ctx.text("language")
    limit, offset = ctx.limit(), ctx.offset()
    docs = ctx.store.documents(limit=limit, offset=offset, language=language)
    return Page(
        title="Documents",
        rows=[_summary(d) for d in docs],
        filters={"language": language, "limit": limit, "offset": offset},
    )


def document(ctx: Ctx) -> Page:
    doc_id = ctx.path["doc_id"]
    analysis = ctx.store.analysis(doc_id)
    if analysis is None:
        raise not_found(f"document {doc_id!r}")
    doc = analysis.document
    text = doc.text

    def span(s: tuple[int, int]) -> str:
        return text[s[0] : s[1]]

    facts: list[dict[str, Any]] = []
    for e in analysis.events:
        facts.append({
            "kind": "event", "sentence_start": e.sentence[0], "sentence_end": e.sentence[1],
            "what": f"{e.source or '?'} {e.cameo} {e.target or '?'}", "status": e.status,
            "date": e.date, "evidence": span(e.sentence),
        })  # fmt: skip
    for c in analysis.claims:
        about = ",".join(c.about)
        facts.append({
            "kind": "claim", "sentence_start": c.sentence[0], "sentence_end": c.sentence[1],
            "what": f"{c.item} {about} = {c.value:g} {c.unit}".strip(), "status": c.status,
            "date": c.date, "evidence": span(c.sentence),
        })  # fmt: skip
    for q in analysis.quotes:
        facts.append({
            "kind": "quote", "sentence_start": q.sentence[0], "sentence_end": q.sentence[1],
            "what": f"{q.speaker or '?'} ({q.speaker_code or '?'}): {span(q.text)}",
            "status": "asserted", "date": doc.published, "evidence": span(q.sentence),
        })  # fmt: skip
    facts.sort(key=lambda f: (f["sentence_start"], f["kind"]))
    for f in facts:
        f["doc_id"] = doc_id
    meta = doc.as_dict()
    return Page(
        title=doc.title or doc_id,
        rows=facts,
        filters={"doc_id": doc_id},
        data={"document": meta, "facts": facts},
        template="document.html",
        context={"document": meta},
    )


VIEWS = [
    ("/documents", documents, "documents"),
    ("/documents/{doc_id}", document, "document"),
]
