"""``metadata.jsonl`` sidecars: per-file metadata beside the files it describes.

Each line is a JSON object with a ``file`` key naming a file in the same
directory (by name) and metadata for it (``doc_id``, ``published``,
``published_precision``, ``language``, ``genre``, ``title``, ``url``, ...).
A malformed line is a T112 notice; the files still ingest without it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from triangulate.errors import Problem, Severity
from triangulate.readers.sniff import SIDECAR_NAME

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entry:
    line: int
    fields: dict[str, Any]


@dataclass(slots=True)
class Sidecar:
    path: Path
    entries: dict[str, Entry] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def lookup(self, name: str) -> Entry | None:
        return self.entries.get(name)


def _notice(path: Path, detail: str, line: int | None = None) -> Problem:
    return Problem(str(path), "T112", detail, Severity.NOTICE, line)


def parse_sidecar(path: Path, data: bytes) -> Sidecar:
    """Parse the bytes of a sidecar; every bad line becomes a notice."""
    sidecar = Sidecar(path)
    text = data.decode("utf-8-sig", "replace")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            sidecar.problems.append(_notice(path, f"not JSON ({exc})", number))
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            sidecar.problems.append(_notice(path, f"a JSON {kind}, not an object", number))
            continue
        name = record.get("file")
        if not isinstance(name, str) or not name.strip():
            sidecar.problems.append(_notice(path, "no 'file' key naming the file", number))
            continue
        key = PurePosixPath(name.strip().replace("\\", "/")).as_posix()
        if key.startswith("./"):
            key = key[2:]
        if key in sidecar.entries:
            first = sidecar.entries[key].line
            detail = f"second entry for {key!r} (first on line {first}); this one wins"
            sidecar.problems.append(_notice(path, detail, number))
        sidecar.entries[key] = Entry(number, record)
    return sidecar


def load_sidecar(directory: Path, max_bytes: int) -> Sidecar | None:
    """The sidecar in ``directory``, or None when there is none."""
    path = directory / SIDECAR_NAME
    try:
        if not path.is_file():
            return None
        size = path.stat().st_size
        if size > max_bytes:
            sidecar = Sidecar(path)
            detail = f"{size:,} bytes exceeds the limit of {max_bytes:,}; ignored"
            sidecar.problems.append(_notice(path, detail))
            return sidecar
        data = path.read_bytes()
    except OSError as exc:
        sidecar = Sidecar(path)
        sidecar.problems.append(_notice(path, f"cannot read ({exc.strerror or exc}); ignored"))
        return sidecar
    log.debug("read sidecar %s", path)
    return parse_sidecar(path, data)
