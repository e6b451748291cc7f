"""JSON Lines: one JSON object per event (or claim, quote), every column.

UTF-8, ``ensure_ascii=False``; nulls stay ``null``; keys in column order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .common import Exporter


class JSONLExporter(Exporter):
    name = "jsonl"
    kinds = frozenset({"events", "claims", "quotes"})

    def __init__(self, out: Path, *, what: str = "events") -> None:
        super().__init__(out, what=what)
        self._fh = open(out, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, row: dict[str, Any]) -> None:
        obj = {c: row.get(c) for c in self.columns}
        self._fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.count += 1

    def finish(self) -> None:
        self._fh.close()
