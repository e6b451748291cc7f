"""Plain-text documents, with an optional ``key: value`` header block.

A header is a block of ``key: value`` lines at the very top, closed by a line
``---``; it may also open with ``---`` (Markdown front matter).  Without the
opening ``---`` the first key must be a known one (title, url, date, ...), so
an article that starts with ``Von: mk`` is not mistaken for a header.  The
document's text is the whole decoded file, header included; ``body_start`` is
the offset just after the closing ``---`` line.  A block that starts like a
header but is malformed is kept as text, with a T111 notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from triangulate.errors import Problem, Severity
from triangulate.model import Document
from triangulate.readers.decode import Decoded
from triangulate.readers.enrich import apply_metadata, finish
from triangulate.readers.options import IngestOptions, Item

MAX_HEADER_LINES = 40
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FIELD = re.compile(r"([A-Za-z][\w.-]{0,40})[ \t]*:[ \t]*(.*)")
_FENCE = "---"
HEADER_KEYS = frozenset(
    [
        "title",
        "url",
        "link",
        "published",
        "date",
        "language",
        "lang",
        "author",
        "site",
        "sitename",
        "genre",
        "doc_id",
        "id",
        "published_precision",
    ]
)


@dataclass(slots=True)
class Header:
    """What the top of a text says about itself."""

    fields: dict[str, str] = field(default_factory=dict)
    body_start: int = 0
    complaint: str | None = None  # why a header-like block was not taken as one


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_header(text: str) -> Header:
    """Split a header block off the top of ``text`` (offsets stay in ``text``)."""
    position = 0
    fields: dict[str, str] = {}
    opened = False
    for number, match in enumerate(_LINE.finditer(text), start=1):
        raw = match.group()
        if not raw:
            break
        line = raw.rstrip("\r\n").strip()
        position = match.end()
        if number == 1 and line == _FENCE:
            opened = True
            continue
        if line == _FENCE:
            if not fields:
                return Header(complaint="empty header block")
            return Header(fields, position)
        found = _FIELD.fullmatch(line)
        if number == 1 and (found is None or found.group(1).lower() not in HEADER_KEYS):
            return Header()  # an ordinary text
        if not line:
            continue
        if found is None:
            return Header(complaint=f"header line {number} is not 'key: value'")
        fields[found.group(1).lower()] = _unquote(found.group(2))
        if number >= MAX_HEADER_LINES:
            break
    start = "'---'" if opened else "'key: value' lines"
    return Header(complaint=f"starts with {start} but has no closing '---' line")


def read_text(
    decoded: Decoded,
    source: str,
    options: IngestOptions,
    *,
    sidecar: Mapping[str, Any] | None = None,
    sidecar_problem: tuple[str, int] | None = None,
) -> Iterator[Item]:
    """One Document from decoded text; notices for a bad header or metadata.

    ``sidecar`` holds the metadata a ``metadata.jsonl`` beside the file gives;
    ``sidecar_problem`` names that sidecar and its line for complaints.
    """
    text = decoded.text
    if decoded.fallback:
        yield decoded.notice(source)
    header = parse_header(text)
    if header.complaint:
        yield Problem(source, "T111", header.complaint + "; read as plain text", Severity.NOTICE)
    if not text[header.body_start :].strip():
        yield Problem(source, "T102", "header block but no body text")
        return
    doc = Document(
        doc_id="",
        text=text,
        source=source,
        format="text",
        encoding=decoded.encoding,
        body_start=header.body_start,
    )
    for complaint in apply_metadata(doc, header.fields):
        yield Problem(source, "T111", complaint, Severity.NOTICE)
    if sidecar:
        where, line = sidecar_problem or (source, 0)
        for complaint in apply_metadata(doc, sidecar):
            yield Problem(where, "T112", complaint, Severity.NOTICE, line or None)
    finish(doc, options)
    yield doc
