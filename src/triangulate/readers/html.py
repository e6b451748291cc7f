"""HTML pages (main text via trafilatura) and HTML fragments to plain text.

:func:`read_html` keeps trafilatura's main text as the document text (offsets
refer to that text, not to the markup) and takes title, author, site name,
date and URL from the page's metadata.  :func:`html_to_text` turns a fragment
(a feed item's content) into text with blank lines between block elements.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from triangulate.errors import Problem, Severity
from triangulate.model import Document
from triangulate.readers.dates import parse_date
from triangulate.readers.decode import Decoded
from triangulate.readers.enrich import apply_metadata, finish
from triangulate.readers.options import IngestOptions, Item

log = logging.getLogger(__name__)

_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)", re.I)
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "ul",
    ]
)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "iframe"})
_SPACES = re.compile(r"[ \t\f\v\r\n\u00a0]+")


def _extract(markup: str) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def read_html(
    decoded: Decoded,
    source: str,
    options: IngestOptions,
    *,
    sidecar: Mapping[str, Any] | None = None,
    sidecar_problem: tuple[str, int] | None = None,
) -> Iterator[Item]:
    """One Document from an HTML page, or T105 when no main text is found."""
    if decoded.fallback:
        yield decoded.notice(source)
    try:
        result = _extract(decoded.text)
    except Exception as exc:  # trafilatura/lxml on hostile markup
        log.debug("trafilatura failed on %s", source, exc_info=True)
        yield Problem(source, "T105", f"extraction failed ({type(exc).__name__}: {exc})")
        return
    text = getattr(result, "text", None) if result is not None else None
    if not isinstance(text, str) or not any(ch.isalpha() for ch in text):
        yield Problem(source, "T105", "no main text found in the page")
        return
    doc = Document(doc_id="", text=text, source=source, format="html", encoding=decoded.encoding)
    doc.title = getattr(result, "title", None) or None
    doc.author = getattr(result, "author", None) or None
    doc.site = getattr(result, "sitename", None) or None
    doc.url = getattr(result, "url", None) or None
    for key in ("hostname", "description"):
        value = getattr(result, key, None)
        if value:
            doc.meta[key] = value
    date = parse_date(getattr(result, "date", None))
    if date is not None:
        doc.published, doc.published_precision = date.iso, date.precision
        doc.published_source = "html"
    if sidecar:
        where, line = sidecar_problem or (source, 0)
        for complaint in apply_metadata(doc, sidecar):
            yield Problem(where, "T112", complaint, Severity.NOTICE, line or None)
    declared = _LANG.search(decoded.text[:20_000])
    finish(doc, options, language_hint=declared.group(1) if declared else None)
    yield doc


_BREAK = "\x00"  # stands for <br>: never in parsed text (XML and HTML drop NUL)


def _collapse(pieces: list[str]) -> str:
    lines = ("".join(pieces)).split(_BREAK)
    return "\n".join(s for s in (_SPACES.sub(" ", line).strip() for line in lines) if s)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment; block elements become paragraphs."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _SPACES.sub(" ", re.sub(r"<[^>]*>", " ", markup)).strip()
    paragraphs: list[str] = []
    pieces: list[str] = []

    def flush() -> None:
        paragraph = _collapse(pieces)
        if paragraph:
            paragraphs.append(paragraph)
        pieces.clear()

    # An explicit stack instead of recursion: hostile markup can nest deeply.
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        name = element.tag.lower() if isinstance(element.tag, str) else None
        if closing:
            if name in _BLOCKS:
                flush()
            if element.tail and element is not root:
                pieces.append(element.tail)
            continue
        if name is None or name in _SKIPPED:  # comments, scripts: only the tail counts
            if element.tail:
                pieces.append(element.tail)
            continue
        if name in _BLOCKS:
            flush()
        elif name == "br":
            pieces.append(_BREAK)
        if element.text:
            pieces.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return "\n\n".join(paragraphs)
