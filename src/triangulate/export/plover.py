"""PLOVER event data: JSON Lines with the PLOVER / POLECAT field names.

One object per event.  Field mapping (PLOVER name ← triangulate):

==================  ===========================================================
``id``              event id (``events.id``, stable across exports of a store)
``date``            event date as stored (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or
                    ``a/b`` range); null when the text gives none — the
                    publication date is *not* filled in (see ``text_info``)
``event_type``      PLOVER category (``events.plover``, from CAMEO2PLOVER);
                    null for CAMEO root 01, which PLOVER has no category for
``mode``            PLOVER mode: ``""`` (not extracted)
``context``         PLOVER contexts: ``[]`` (not extracted)
``quad_class``      PLOVER quad: 1 verbal coop (01–05), 2 material coop (06–08),
                    3 verbal conflict (09–14), 4 material conflict (15–20)
``actor``           source actor code (CAMEO-style, e.g. ``RUSGOV``)
``actor_name``      source as written (``source_text``)
``actor_country``   country part of the code (3 letters, or ``IGOxxx``)
``actor_role``      role codes after the country (``["GOV"]``)
``recipient``       target actor code; ``recipient_name`` / ``recipient_country`` /
                    ``recipient_role`` as for the actor
``location``        ``{"name", "geonames_id", "latitude", "longitude"}``
                    (``events.location`` etc.), null if no place
``text_info``       ``{"doc_id", "url", "title", "publication_date",
                    "sentence": [start, end], "trigger": [start, end],
                    "text"}``: the source document, code-point offsets into its
                    text, and the sentence itself
``status``          extra: asserted | attributed | denied | negated |
                    hypothetical | planned
``attributed_to``   extra: who the text attributes the event to
``cameo``           extra: full CAMEO code (``root`` too)
``goldstein``       extra: Goldstein scale of the CAMEO code
``date_precision``  extra: day | week | month | year | range | unknown
``event_group``     extra: id of the real-world event this mention belongs to
==================  ===========================================================
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..extract.event_codes import quad_class
from .common import Exporter, country, roles


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event row as a PLOVER object."""
    location = None
    if row.get("location") or row.get("latitude") is not None:
        location = {
            "name": row.get("location"),
            "geonames_id": row.get("geonames_id"),
            "latitude": row.get("latitude"),
            "longitude": row.get("longitude"),
        }
    return {
        "id": row["id"],
        "date": row.get("date"),
        "event_type": row.get("plover"),
        "mode": "",
        "context": [],
        "quad_class": quad_class(row.get("root")),
        "actor": row.get("source"),
        "actor_name": row.get("source_text"),
        "actor_country": country(row.get("source")),
        "actor_role": roles(row.get("source")),
        "recipient": row.get("target"),
        "recipient_name": row.get("target_text"),
        "recipient_country": country(row.get("target")),
        "recipient_role": roles(row.get("target")),
        "location": location,
        "text_info": {
            "doc_id": row["doc_id"],
            "url": row.get("url"),
            "title": row.get("title"),
            "publication_date": row.get("published"),
            "sentence": [row.get("sentence_start"), row.get("sentence_end")],
            "trigger": [row.get("trigger_start"), row.get("trigger_end")],
            "text": row.get("evidence"),
        },
        "status": row.get("status"),
        "attributed_to": row.get("attributed_to"),
        "cameo": row.get("cameo"),
        "root": row.get("root"),
        "goldstein": row.get("goldstein"),
        "date_precision": row.get("date_precision"),
        "event_group": row.get("event_group"),
    }


class PLOVERExporter(Exporter):
    name = "plover"

    def __init__(self, out: Path, *, what: str = "events") -> None:
        super().__init__(out, what=what)
        self._fh = open(out, "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, row: dict[str, Any]) -> None:
        self._fh.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        self.count += 1

    def finish(self) -> None:
        self._fh.close()
