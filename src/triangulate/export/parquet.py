"""Parquet: events (or claims, quotes) via pyarrow, typed columns, written in batches.

Integers (ids, offsets, GeoNames id, group size) are ``int64``, scores and
coordinates ``float64``, everything else ``string``; a claim's ``about`` is
``list<string>`` and ``approximate`` ``bool``.  Rows are buffered up to
``BATCH`` and written as one row group each; an empty export is a valid file
with the schema and no rows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .common import COLUMNS, Exporter

BATCH = 10_000

_INT = {
    "id", "run_id", "geonames_id", "sentence_start", "sentence_end", "trigger_start",
    "trigger_end", "group_sources", "text_start", "text_end",
}  # fmt: skip
_FLOAT = {"goldstein", "latitude", "longitude", "value", "value_max"}


def _type(column: str) -> pa.DataType:
    if column in _INT:
        return pa.int64()
    if column in _FLOAT:
        return pa.float64()
    if column == "about":
        return pa.list_(pa.string())
    if column == "approximate":
        return pa.bool_()
    return pa.string()


def schema(what: str) -> pa.Schema:
    return pa.schema([pa.field(c, _type(c)) for c in COLUMNS[what]])


class ParquetExporter(Exporter):
    name = "parquet"
    kinds = frozenset({"events", "claims", "quotes"})

    def __init__(self, out: Path, *, what: str = "events") -> None:
        super().__init__(out, what=what)
        self.schema = schema(what)
        self._writer = pq.ParquetWriter(str(out), self.schema)
        self._buffer: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        self._buffer.append({c: row.get(c) for c in self.columns})
        self.count += 1
        if len(self._buffer) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            table = pa.Table.from_pylist(self._buffer, schema=self.schema)
            self._writer.write_table(table)
            self._buffer = []

    def finish(self) -> None:
        self._flush()
        self._writer.close()
