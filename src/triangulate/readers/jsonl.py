"""JSON Lines: one document object per line, read as a stream.

Lines are split from byte chunks without holding the file in memory; a line
longer than ``max_bytes`` is skipped unread (T103).  Each line must be a JSON
object with a non-empty string ``text``; anything else is reported with its
line number (T104, T102 for an empty text) and the other lines go on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from triangulate.errors import Problem, Severity
from triangulate.model import Document
from triangulate.readers.decode import HEAD_BYTES, decode_bytes, looks_binary
from triangulate.readers.enrich import apply_metadata, finish
from triangulate.readers.options import IngestOptions, Item

log = logging.getLogger(__name__)

CHUNK_BYTES = 1 << 20


def chunks_of(stream: BinaryIO, first: bytes = b"") -> Iterator[bytes]:
    """``first`` and then the rest of ``stream`` in chunks."""
    if first:
        yield first
    while chunk := stream.read(CHUNK_BYTES):
        yield chunk


def split_lines(chunks: Iterable[bytes], max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` pairs without line ends; ``None`` for an oversized line."""
    number = 0
    buffer = b""
    oversized = False
    for chunk in chunks:
        buffer += chunk
        start = 0
        while True:
            end = buffer.find(b"\n", start)
            if end < 0:
                break
            number += 1
            if oversized or end - start > max_bytes:
                yield number, None
            else:
                yield number, buffer[start:end]
            oversized = False
            start = end + 1
        buffer = buffer[start:]
        if len(buffer) > max_bytes:
            oversized = True
            buffer = b""
    if buffer or oversized:
        yield number + 1, None if oversized or len(buffer) > max_bytes else buffer


def read_jsonl(chunks: Iterable[bytes], source: str, options: IngestOptions) -> Iterator[Item]:
    """Documents for the lines of a JSON Lines stream."""
    iterator = iter(chunks)
    first = b""
    for chunk in iterator:  # the first non-empty chunk decides binary or not
        first = chunk
        if chunk:
            break
    if looks_binary(first[:HEAD_BYTES]):
        yield Problem(source, "T101", "NUL bytes or control characters in the first 8 KB")
        return
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
    seen = False

    def all_chunks() -> Iterator[bytes]:
        yield first
        yield from iterator

    for number, line in split_lines(all_chunks(), options.max_bytes):
        if line is None:
            detail = f"line longer than the limit of {options.max_bytes:,} bytes"
            yield Problem(source, "T103", detail, line=number)
            seen = True
            continue
        if not line.strip():
            continue
        seen = True
        yield from _record(line, number, source, options)
    if not seen:
        yield Problem(source, "T102", "no JSON lines")


def _record(line: bytes, number: int, source: str, options: IngestOptions) -> Iterator[Item]:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError:
        fallback = decode_bytes(line)
        decoded = fallback.text
        yield fallback.notice(source, number)
    try:
        record = json.loads(decoded)
    except (ValueError, RecursionError) as exc:
        yield Problem(source, "T104", f"not JSON ({exc})", line=number)
        return
    if not isinstance(record, dict):
        yield Problem(source, "T104", f"a JSON {type(record).__name__}, not an object", line=number)
        return
    text = record.get("text")
    if text is None:
        yield Problem(source, "T104", "no 'text' field", line=number)
        return
    if not isinstance(text, str):
        detail = f"'text' is a JSON {type(text).__name__}, not a string"
        yield Problem(source, "T104", detail, line=number)
        return
    if not text.strip():
        yield Problem(source, "T102", "'text' is empty", line=number)
        return
    doc = Document(doc_id="", text=text, source=source, source_line=number, format="jsonl")
    for complaint in apply_metadata(doc, record):
        yield Problem(source, "T104", complaint, Severity.NOTICE, number)
    finish(doc, options)
    yield doc
