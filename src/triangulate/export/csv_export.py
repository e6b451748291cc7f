"""CSV: one row per event (or claim, quote), every column, a header line.

RFC 4180 quoting (``csv`` module), UTF-8, so tabs, newlines and quotes in
text survive.  Against CSV/formula injection, text cells starting with
``= + - @`` (or a tab / carriage return) get a leading ``'``; numbers are
written as numbers and never prefixed.  Lists (a claim's ``about``) are
joined with ``;``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from .common import Exporter

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A cell value that spreadsheets will not run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        value = ";".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_DANGEROUS):
        return "'" + value
    return value


class CSVExporter(Exporter):
    name = "csv"
    kinds = frozenset({"events", "claims", "quotes"})

    def __init__(self, out: Path, *, what: str = "events") -> None:
        super().__init__(out, what=what)
        self._fh = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._writer = csv.writer(self._fh)
        self._writer.writerow(self.columns)

    def write(self, row: dict[str, Any]) -> None:
        self._writer.writerow([safe_cell(row.get(c)) for c in self.columns])
        self.count += 1

    def finish(self) -> None:
        self._fh.close()
