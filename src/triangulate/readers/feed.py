"""RSS and Atom feeds: one Document per item, via feedparser.

An item's text comes from its full content (``content:encoded``, Atom
``content``) or else its summary, turned from HTML into plain text.  Item
numbers (1-based, in feed order) stand in for line numbers: they are the
``line`` of a T107 problem and the ``source_line`` of a Document.  An item's
doc_id derives from its guid/id, else its link, else its text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Iterator
from typing import Any

from triangulate.errors import Problem, Severity
from triangulate.model import Document
from triangulate.readers.dates import DateValue, parse_date
from triangulate.readers.enrich import finish
from triangulate.readers.html import html_to_text
from triangulate.readers.options import IngestOptions, Item

log = logging.getLogger(__name__)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


def feed_doc_id(key: str) -> str:
    """A doc_id from an item's guid or link: ``feed-`` and 16 hex digits."""
    return "feed-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _as_text(detail: Any) -> str:
    value = detail.get("value") if hasattr(detail, "get") else None
    if not isinstance(value, str) or not value.strip():
        return ""
    kind = str(detail.get("type") or "text/html").lower()
    if kind in _HTML_TYPES or "<" in value:
        return html_to_text(value)
    return value.strip()


def item_text(entry: Any) -> str:
    """The fullest text an item carries: content, else summary."""
    for content in entry.get("content") or []:
        text = _as_text(content)
        if text:
            return text
    summary = entry.get("summary_detail") or (
        {"value": entry.get("summary"), "type": "text/html"} if entry.get("summary") else None
    )
    return _as_text(summary) if summary else ""


def _item_date(entry: Any) -> DateValue | None:
    for key in ("published", "updated", "created"):
        date = parse_date(entry.get(key))
        if date is not None:
            return date
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if isinstance(stamp, time.struct_time):
            return parse_date(dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday))
    return None


def _parse(data: bytes) -> Any:
    import feedparser

    return feedparser.parse(data, resolve_relative_uris=False)


def read_feed(data: bytes, source: str, options: IngestOptions) -> Iterator[Item]:
    """Documents for a feed's items; T107 per broken item, T110 for a non-feed."""
    try:
        parsed = _parse(data)
    except Exception as exc:  # feedparser is lenient; this is a last resort
        log.debug("feedparser failed on %s", source, exc_info=True)
        yield Problem(source, "T110", f"cannot parse ({type(exc).__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    reason = parsed.get("bozo_exception")
    if not entries:
        if parsed.get("version") and not parsed.get("bozo"):
            yield Problem(source, "T102", "the feed has no items", Severity.NOTICE)
        else:
            yield Problem(source, "T110", f"not an RSS or Atom feed ({reason or 'no items'})")
        return
    if parsed.get("bozo"):
        detail = f"not well-formed ({reason}); items read leniently"
        yield Problem(source, "T110", detail, Severity.NOTICE)
    channel = parsed.get("feed") or {}
    channel_language = channel.get("language")
    site = channel.get("title") or None
    encoding = str(parsed.get("encoding") or "utf-8")
    for number, entry in enumerate(entries, start=1):
        try:
            yield from _item(entry, number, source, options, site, channel_language, encoding)
        except Exception as exc:  # one odd item must not end the feed
            log.debug("feed item %d of %s failed", number, source, exc_info=True)
            yield Problem(source, "T107", f"{type(exc).__name__}: {exc}", line=number)


def _item(
    entry: Any,
    number: int,
    source: str,
    options: IngestOptions,
    site: str | None,
    channel_language: str | None,
    encoding: str,
) -> Iterator[Item]:
    title = entry.get("title") or None
    text = item_text(entry)
    if not text:
        named = f" ({title!r})" if title else ""
        yield Problem(source, "T107", f"item {number}{named} has no text", line=number)
        return
    doc = Document(
        doc_id="",
        text=text,
        source=source,
        source_line=number,
        format="feed",
        title=title,
        url=entry.get("link") or None,
        author=entry.get("author") or None,
        site=site,
        encoding=encoding,
    )
    guid = entry.get("id") or entry.get("guid")
    key = guid or doc.url
    if key:
        doc.doc_id = feed_doc_id(str(key))
    if guid:
        doc.meta["guid"] = guid
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        doc.meta["tags"] = tags
    date = _item_date(entry)
    if date is not None:
        doc.published, doc.published_precision = date.iso, date.precision
        doc.published_source = "feed"
    finish(doc, options, language_hint=channel_language)
    yield doc
