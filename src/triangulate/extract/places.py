"""Pipeline stage: geocode every event's location (GeoNames id and coordinates).

The location string is the place as written ("Provinz Kursk", "Pjöngjang");
:func:`~triangulate.extract.geocode.geocode` resolves it offline, preferring
places in the countries of the event's own participants.
"""

from __future__ import annotations

from ..model import Analysis
from .geocode import geocode


class GeocodeStage:
    """Fill ``geonames_id``, ``latitude`` and ``longitude`` of events with a location."""

    name = "places"
    version = "1"

    def __call__(self, analysis: Analysis) -> None:
        lang = analysis.document.language or "de"
        for event in analysis.events:
            if not event.location:
                continue
            countries = [
                c[:3] for c in (event.source, event.target) if c and not c.startswith("IGO")
            ]
            place = geocode(event.location, lang, countries=countries)
            if place is not None:
                event.geonames_id = place.geonames_id
                event.latitude = place.latitude
                event.longitude = place.longitude
