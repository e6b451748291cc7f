"""GDELT 2.0 event table: tab-separated, 61 columns in GDELT 2.0 order, no header.

One line per event.  No field contains a tab or newline (runs of whitespace
become one space); like GDELT's own files there is no quoting, so read with
``pandas.read_csv(path, sep="\t", header=None, quoting=csv.QUOTE_NONE)`` to
keep double quotes in names verbatim.  Unknown values are empty, as in GDELT.  ``header=True``
adds a header line with the GDELT column names.  Column sources:

 1 GlobalEventID         ``events.id`` (stable within a store)
 2 Day                   event date as ``YYYYMMDD``; month precision → first day
                         of the month, year → 1 January, range → its first
                         day; empty when the event date is unknown (the
                         publication date is never put here: see DATEADDED)
 3 MonthYear             ``YYYYMM`` of Day;  4 Year ``YYYY`` of Day
 5 FractionDate          Year + (day of year − 1) / days in year, 4 decimals
 6 Actor1Code            source actor code (``RUSGOV``)
 7 Actor1Name            source as written (``source_text``)
 8 Actor1CountryCode     first three letters of the code (empty for ``IGO...``)
 9 Actor1KnownGroupCode  the three letters after ``IGO`` (``IGONAT`` → ``NAT``)
10–12 Ethnic/Religion1/Religion2   empty (not extracted)
13–15 Actor1Type1..3Code role codes after the country part (``GOV``, ``MIL``);
                         ``IGO`` for international organisations
16–25 Actor2*            the same for the target actor
26 IsRootEvent           1 if the event's sentence is in the first paragraph of
                         the document body, else 0
27 EventCode             CAMEO code;  28 EventBaseCode its first three digits;
29 EventRootCode         CAMEO root
30 QuadClass             root 01–05 → 1, 06–08 → 2, 09–14 → 3, 15–20 → 4
31 GoldsteinScale        ``events.goldstein``
32 NumMentions           events of the same event group in the store (1 without group)
33 NumSources            documents of the event group (``group_sources``, ≥ 1)
34 NumArticles           the same as NumSources (one article per document)
35 AvgTone               empty (no tone analysis)
36–43 Actor1Geo_*        empty (actors' own locations are not extracted)
44–51 Actor2Geo_*        empty
52 ActionGeo_Type        empty (feature class not stored)
53 ActionGeo_FullName    ``events.location`` as written
54–56 ActionGeo_CountryCode/ADM1Code/ADM2Code   empty
57 ActionGeo_Lat, 58 ActionGeo_Long   ``latitude`` / ``longitude``
59 ActionGeo_FeatureID   GeoNames id (GDELT uses GNS/GNIS ids: a different space)
60 DATEADDED             publication date as ``YYYYMMDDHHMMSS`` (missing month or
                         day → 01, time 000000); empty if unknown
61 SOURCEURL             document URL, else the document id
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..store.base import Store, event_pages
from . import common
from .common import Exporter, country, date_span, roles
from .plover import quad_class

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO), "DATEADDED", "SOURCEURL",
)  # fmt: skip
assert len(GDELT_COLUMNS) == 61

_WS = re.compile(r"\s+")


def clean(value: Any) -> str:
    """A GDELT field: text on one line without tabs; None → empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value.is_integer() else repr(value)
    return _WS.sub(" ", str(value)).strip()


def _actor(code: str | None, name: str | None) -> list[str]:
    cc = country(code) or ""
    types = roles(code)
    group = ""
    if cc.startswith("IGO"):
        group, cc, types = cc[3:], "", ["IGO", *types]
    types = (types + ["", "", ""])[:3]
    return [clean(code), clean(name), cc, group, "", "", "", *types]


def _dateadded(published: str | None) -> str:
    span = date_span(published)
    return span[0].strftime("%Y%m%d") + "000000" if span else ""


def gdelt_fields(row: dict[str, Any], mentions: int | None = None) -> list[str]:
    """The 61 GDELT fields of one event row."""
    span = date_span(row.get("date"))
    if span:
        day = span[0]
        length = 366 if day.year % 4 == 0 and (day.year % 100 or day.year % 400 == 0) else 365
        when = [
            day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year),
            f"{day.year + (day.timetuple().tm_yday - 1) / length:.4f}",
        ]  # fmt: skip
    else:
        when = ["", "", "", ""]
    cameo = row.get("cameo") or ""
    quad = quad_class(row.get("root"))
    sources = row.get("group_sources") or 1
    geo_empty = [""] * 8
    action = [
        "", clean(row.get("location")), "", "", "",
        clean(row.get("latitude")), clean(row.get("longitude")), clean(row.get("geonames_id")),
    ]  # fmt: skip
    fields = [
        clean(row["id"]), *when,
        *_actor(row.get("source"), row.get("source_text")),
        *_actor(row.get("target"), row.get("target_text")),
        "1" if row.get("_lead") else "0", clean(cameo), clean(cameo[:3]),
        clean(row.get("root")), "" if quad is None else str(quad), clean(row.get("goldstein")),
        str(mentions or 1), str(sources), str(sources), "",
        *geo_empty, *geo_empty, *action,
        _dateadded(row.get("published")), clean(row.get("url") or row.get("doc_id")),
    ]  # fmt: skip
    return fields


class GDELTExporter(Exporter):
    name = "gdelt"

    def __init__(self, out: Path, *, what: str = "events", header: bool = False) -> None:
        super().__init__(out, what=what)
        self._mentions: dict[str, int] = {}
        self._fh = open(out, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        if header:
            self._fh.write("\t".join(GDELT_COLUMNS) + "\n")

    def prepare(self, store: Store) -> None:
        """Count the mentions of every event group (one page in memory at a time)."""
        for rows in event_pages(store, common.PAGE):
            for r in rows:
                if r.get("event_group"):
                    g = r["event_group"]
                    self._mentions[g] = self._mentions.get(g, 0) + 1

    def write(self, row: dict[str, Any]) -> None:
        mentions = self._mentions.get(row.get("event_group") or "")
        self._fh.write("\t".join(gdelt_fields(row, mentions)) + "\n")
        self.count += 1

    def finish(self) -> None:
        self._fh.close()
