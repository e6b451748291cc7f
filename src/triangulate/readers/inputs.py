"""Paths, directories and standard input to Documents and Problems.

Nothing here raises for bad input: a missing path, an unreadable file or a
failure inside a reader becomes a :class:`~triangulate.errors.Problem` and the
next input is read.  Directories are walked recursively in sorted name order;
hidden entries are skipped, ``metadata.jsonl`` sidecars are read as metadata
for their directory (never as documents), and files with a non-document
extension (images, PDFs, archives, ...) or named like the folder's own
documentation (README, SOURCE, LICENSE, ...) are skipped with a T114 notice.
Explicitly named files are always read (a non-document extension is then a
T114 error).
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from triangulate.errors import Problem, Severity
from triangulate.readers import sniff as fmt_
from triangulate.readers.decode import HEAD_BYTES, declared_charset, decode_document
from triangulate.readers.feed import read_feed
from triangulate.readers.html import read_html
from triangulate.readers.jsonl import chunks_of, read_jsonl
from triangulate.readers.options import IngestOptions, Item
from triangulate.readers.sidecar import Entry, Sidecar, load_sidecar
from triangulate.readers.text import read_text

log = logging.getLogger(__name__)

STDIN_SOURCE = "<stdin>"


def _too_large(source: str, size: int | None, limit: int) -> Problem:
    amount = f"{size:,} bytes" if size is not None else "more bytes"
    detail = f"{amount} exceeds the limit of {limit:,} bytes (IngestOptions.max_bytes)"
    return Problem(source, "T103", detail)


def _internal(source: str, exc: Exception) -> Problem:
    log.exception("reading %s failed", source)
    return Problem(source, "T108", f"unexpected failure ({type(exc).__name__}: {exc})")


def read_stream(
    stream: BinaryIO,
    source: str,
    options: IngestOptions,
    *,
    fmt: str | None = None,
    size: int | None = None,
    entry: Entry | None = None,
    sidecar_path: str | None = None,
) -> Iterator[Item]:
    """Read one input from a binary stream in format ``fmt`` (sniffed if None).

    ``size`` (when known) lets an oversized input be refused before reading.
    ``entry`` is sidecar metadata for a single-document input.
    """
    if fmt is not None and fmt not in fmt_.FORMATS:
        yield Problem(source, "T114", f"unknown format {fmt!r}; use one of {fmt_.FORMATS}")
        return
    if fmt == fmt_.JSONL:
        yield from read_jsonl(chunks_of(stream), source, options)
        return
    if fmt is not None and size is not None and size > options.max_bytes:
        yield _too_large(source, size, options.max_bytes)
        return
    head = stream.read(HEAD_BYTES)
    if fmt is None:
        fmt = fmt_.sniff(head)
        if fmt == fmt_.JSON_ARRAY:
            detail = "a JSON array, not JSON Lines (one object per line)"
            yield Problem(source, "T114", detail)
            return
        if fmt == fmt_.JSONL:
            yield from read_jsonl(chunks_of(stream, head), source, options)
            return
    if size is not None and size > options.max_bytes:
        yield _too_large(source, size, options.max_bytes)
        return
    data = head + stream.read(options.max_bytes + 1 - len(head))
    if len(data) > options.max_bytes:
        yield _too_large(source, None, options.max_bytes)
        return
    yield from read_data(data, source, options, fmt, entry=entry, sidecar_path=sidecar_path)


def read_data(
    data: bytes,
    source: str,
    options: IngestOptions,
    fmt: str,
    *,
    entry: Entry | None = None,
    sidecar_path: str | None = None,
) -> Iterator[Item]:
    """Read a whole text, HTML or feed input already in memory."""
    if fmt == fmt_.FEED:
        decoded = decode_document(data, source)  # only to refuse binary and empty input
        if isinstance(decoded, Problem):
            yield decoded
        else:
            yield from read_feed(data, source, options)
        return
    declared = declared_charset(data[:HEAD_BYTES]) if fmt == fmt_.HTML else None
    decoded = decode_document(data, source, declared=declared)
    if isinstance(decoded, Problem):
        yield decoded
        return
    fields = entry.fields if entry else None
    where = (sidecar_path, entry.line) if entry and sidecar_path else None
    reader = read_html if fmt == fmt_.HTML else read_text
    yield from reader(decoded, source, options, sidecar=fields, sidecar_problem=where)


def read_bytes(
    data: bytes,
    source: str,
    options: IngestOptions = IngestOptions(),  # noqa: B008 - frozen, shared safely
    *,
    fmt: str | None = None,
) -> Iterator[Item]:
    """Read one input given as bytes (standard input, tests); never raises."""
    try:
        yield from read_stream(io.BytesIO(data), source, options, fmt=fmt, size=len(data))
    except Exception as exc:
        yield _internal(source, exc)


class _Walker:
    """One ingestion run: the sidecars read so far and directories visited."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self.sidecars: dict[Path, Sidecar | None] = {}
        self.visited: set[tuple[int, int]] = set()

    def path(self, path: Path) -> Iterator[Item]:
        source = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            kind = "broken symbolic link" if path.is_symlink() else "no such file or directory"
            yield Problem(source, "T108", kind)
            return
        except OSError as exc:
            yield Problem(source, "T108", exc.strerror or str(exc))
            return
        if path.is_dir():
            yield from self.directory(path)
        elif not path.is_file():
            yield Problem(source, "T108", "not a regular file")
        else:
            yield from self.file(path, info.st_size, explicit=True)

    def directory(self, path: Path) -> Iterator[Item]:
        try:
            info = path.stat()
            key = (info.st_dev, info.st_ino)
            if key in self.visited:
                log.debug("directory %s already read (symbolic link loop?)", path)
                return
            self.visited.add(key)
            with os.scandir(path) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            yield Problem(str(path), "T108", f"cannot list directory ({exc.strerror or exc})")
            return
        for item in entries:
            if item.name.startswith("."):
                continue
            child = Path(item.path)
            try:
                is_dir = item.is_dir()
                is_file = item.is_file()
                size = item.stat().st_size if is_file else 0
            except OSError as exc:
                yield Problem(str(child), "T108", exc.strerror or str(exc))
                continue
            if is_dir:
                yield from self.directory(child)
            elif is_file:
                yield from self.file(child, size, explicit=False)
            elif item.is_symlink():
                yield Problem(str(child), "T108", "broken symbolic link")
            else:  # FIFOs, sockets, devices: reading them could block
                log.debug("skipping %s: not a regular file", child)

    def sidecar(self, directory: Path) -> Iterator[Problem]:
        key = Path(os.path.abspath(directory))
        if key not in self.sidecars:
            sidecar = load_sidecar(directory, self.options.max_bytes)
            self.sidecars[key] = sidecar
            if sidecar is not None:
                yield from sidecar.problems

    def file(self, path: Path, size: int, *, explicit: bool) -> Iterator[Item]:
        source = str(path)
        if path.name == fmt_.SIDECAR_NAME:
            yield from self.sidecar(path.parent)
            return
        fmt = fmt_.format_for_path(path)
        if fmt == fmt_.SKIP:
            severity = Severity.ERROR if explicit else Severity.NOTICE
            detail = f"{path.suffix.lower()} files are not documents; skipped"
            yield Problem(source, "T114", detail, severity)
            return
        if not explicit and path.name.split(".", 1)[0].upper() in fmt_.FOLDER_DOCS:
            detail = "the folder's own documentation, not a document; skipped (name it to read it)"
            yield Problem(source, "T114", detail, Severity.NOTICE)
            return
        entry: Entry | None = None
        sidecar_path: str | None = None
        if fmt in (fmt_.TEXT, fmt_.HTML, None):
            yield from self.sidecar(path.parent)
            sidecar = self.sidecars.get(Path(os.path.abspath(path.parent)))
            if sidecar is not None:
                entry = sidecar.lookup(path.name)
                sidecar_path = str(sidecar.path)
        try:
            with path.open("rb") as stream:
                if path.suffix.lower() == ".xml":  # a feed, unless it is XHTML
                    is_html = fmt_.sniff(stream.read(HEAD_BYTES)) == fmt_.HTML
                    fmt = fmt_.HTML if is_html else fmt_.FEED
                    stream.seek(0)
                yield from read_stream(
                    stream,
                    source,
                    self.options,
                    fmt=fmt,
                    size=size,
                    entry=entry,
                    sidecar_path=sidecar_path,
                )
        except OSError as exc:
            yield Problem(source, "T108", exc.strerror or str(exc))


def iter_inputs(
    paths: Sequence[str | Path],
    options: IngestOptions = IngestOptions(),  # noqa: B008 - frozen, shared safely
) -> Iterator[Item]:
    """Documents and Problems for files, directories and ``-`` (standard input)."""
    if isinstance(paths, str | Path):  # one path given bare, not in a list
        paths = [paths]
    walker = _Walker(options)
    for raw in paths:
        source = STDIN_SOURCE if str(raw) == "-" else str(raw)
        try:
            if str(raw) == "-":
                stream = getattr(sys.stdin, "buffer", None)
                if stream is None:
                    yield Problem(STDIN_SOURCE, "T108", "standard input is not available")
                else:
                    yield from read_stream(stream, STDIN_SOURCE, options)
            else:
                yield from walker.path(Path(raw))
        except Exception as exc:
            yield _internal(source, exc)
