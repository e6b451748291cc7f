"""Exports of a store: tables (csv, jsonl, parquet), event data (plover, gdelt)
and actor networks (gexf, graphml).

>>> export(store, "gdelt", "events.tsv", header=True, cameo="06")  # doctest: +SKIP

``export`` streams the rows of ``what`` (events | claims | quotes; only csv,
jsonl and parquet export claims and quotes) through the exporter of ``fmt``
(see :data:`EXPORTERS`) and returns the rows written (for gexf / graphml: the
events counted in the network, i.e. those with both participants).  Keyword
arguments that are :class:`~triangulate.store.base.EventFilter` fields
(actor, source, target, cameo, status, date_from, date_to, doc_id, group)
filter events; any other is an option of the format (gdelt: ``header``).
Bad requests raise :class:`ExportError` (a ``UsageError`` and a ``ValueError``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store.base import Store
from .common import FILTER_FIELDS, Exporter, ExportError, iter_rows
from .csv_export import CSVExporter
from .gdelt import GDELTExporter
from .gexf import GEXFExporter
from .graphml import GraphMLExporter
from .jsonl import JSONLExporter
from .parquet import ParquetExporter
from .plover import PLOVERExporter

EXPORTERS: dict[str, type[Exporter]] = {
    cls.name: cls
    for cls in (
        CSVExporter,
        JSONLExporter,
        PLOVERExporter,
        GDELTExporter,
        ParquetExporter,
        GEXFExporter,
        GraphMLExporter,
    )  # fmt: skip
}

FORMATS = tuple(EXPORTERS)
KINDS = ("events", "claims", "quotes")


def export(store: Store, fmt: str, out: str | Path, *, what: str = "events", **options: Any) -> int:
    """Write ``what`` of ``store`` as ``fmt`` to ``out``; return the rows written."""
    cls = EXPORTERS.get(fmt)
    if cls is None:
        raise ExportError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    if what not in KINDS:
        raise ExportError(f"unknown kind {what!r} (one of {', '.join(KINDS)})")
    filters = {k: v for k, v in options.items() if k in FILTER_FIELDS and v is not None}
    extra = {k: v for k, v in options.items() if k not in FILTER_FIELDS}
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        exporter = cls(path, what=what, **extra)
    except TypeError as exc:
        raise ExportError(f"format {fmt!r} takes no option(s) {sorted(extra)}") from exc
    try:
        exporter.prepare(store)
        for row in iter_rows(store, what, **filters):
            exporter.write(row)
    finally:
        exporter.finish()
    return exporter.count


__all__ = ["EXPORTERS", "FORMATS", "KINDS", "ExportError", "Exporter", "export"]
