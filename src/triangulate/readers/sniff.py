"""Which reader an input needs: by file extension, else by its first bytes."""

from __future__ import annotations

import re
from pathlib import Path

from triangulate.readers.decode import bom_encoding

TEXT = "text"
HTML = "html"
JSONL = "jsonl"
FEED = "feed"
FORMATS = (TEXT, HTML, JSONL, FEED)
#: Marker for extensions that are known not to be documents.
SKIP = "skip"
#: Marker for a JSON document that is not JSON Lines (an array).
JSON_ARRAY = "json-array"

SIDECAR_NAME = "metadata.jsonl"
#: File stems (upper-cased) of a folder's own documentation, skipped in directory walks.
FOLDER_DOCS = frozenset(
    {"README", "SOURCE", "SOURCES", "LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS",
     "CHANGELOG", "CHANGES", "HISTORY", "CONTRIBUTING"}
)  # fmt: skip

_BY_EXTENSION = {
    ".txt": TEXT, ".text": TEXT, ".md": TEXT, ".markdown": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
    ".jsonl": JSONL, ".ndjson": JSONL,
    ".rss": FEED, ".atom": FEED,
}  # fmt: skip
_NOT_DOCUMENTS = frozenset(
    [
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".bmp",
        ".tif",
        ".tiff",
        ".ico",
        ".svg",
        ".heic",
        ".avif",
        ".pdf",
        ".doc",
        ".docx",
        ".odt",
        ".rtf",
        ".xls",
        ".xlsx",
        ".ods",
        ".ppt",
        ".pptx",
        ".odp",
        ".epub",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".zst",
        ".7z",
        ".rar",
        ".tar",
        ".mp3",
        ".wav",
        ".ogg",
        ".flac",
        ".m4a",
        ".mp4",
        ".m4v",
        ".mov",
        ".avi",
        ".mkv",
        ".webm",
        ".exe",
        ".dll",
        ".so",
        ".dylib",
        ".bin",
        ".o",
        ".a",
        ".class",
        ".jar",
        ".pyc",
        ".whl",
        ".db",
        ".sqlite",
        ".sqlite3",
        ".parquet",
        ".arrow",
        ".feather",
        ".pkl",
        ".pickle",
        ".npy",
        ".npz",
        ".ttf",
        ".otf",
        ".woff",
        ".woff2",
        ".css",
        ".js",
        ".map",
    ]
)

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>/]", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_PROLOG = re.compile(rb"\s*(?:<\?xml[^>]*\?>|<!--.*?-->|<!doctype[^>]*>\s*)*\s*", re.S | re.I)


def format_for_path(path: Path) -> str | None:
    """The format an extension names, :data:`SKIP`, or None (sniff the content)."""
    suffix = path.suffix.lower()
    if suffix in _BY_EXTENSION:
        return _BY_EXTENSION[suffix]
    if suffix in _NOT_DOCUMENTS:
        return SKIP
    return None


def _ascii_head(head: bytes) -> bytes:
    """The first bytes with any BOM dropped; UTF-16/32 narrowed to ASCII bytes."""
    bom = bom_encoding(head)
    if bom in {"utf-16", "utf-32"}:
        text = head.decode(bom, "ignore")
        return text.encode("ascii", "ignore")
    if bom == "utf-8-sig":
        return head[3:]
    return head


def sniff(head: bytes, *, default: str = TEXT) -> str:
    """The format the first bytes of an input suggest; ``default`` for plain text."""
    data = _ascii_head(head[:8192])
    stripped = data.lstrip()
    if stripped.startswith(b"{"):
        return JSONL
    if stripped.startswith(b"["):
        return JSON_ARRAY
    if not stripped.startswith(b"<"):
        return default
    window = stripped[:4096]
    prolog = _PROLOG.match(window)
    body = window[prolog.end() :] if prolog else window
    if _FEED_ROOT.match(body):
        return FEED
    if _HTML_ROOT.search(window):
        return HTML
    if window[:5].lower() == b"<?xml" or _FEED_ROOT.search(window):
        return FEED
    return HTML
