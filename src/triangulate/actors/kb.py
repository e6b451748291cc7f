"""The actor knowledge base: its records, dated roles and offices, and loading it (cached).

The data lives in ``actors/data/`` (see its README.md): ``countries.tsv``, the entity files
``igos.yaml``, ``institutions.yaml`` and ``persons.yaml``, the agent nouns ``agents.yaml`` and
``agents_phoenix_en.tsv``, and ``lexicon.yaml``.  Users add entity files of the same format
(``ActorLinker(extra_files=[...])`` or ``$TRIANGULATE_ACTORS``).  Every malformed entry raises
:class:`ActorDataError` naming the file and the line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TriangulateError

DATA_DIR = Path(__file__).resolve().parent / "data"
ENV_VAR = "TRIANGULATE_ACTORS"

ENTITY_FILES = ("igos.yaml", "institutions.yaml", "persons.yaml")
COUNTRY_FILE = "countries.tsv"
AGENT_FILE = "agents.yaml"
PHOENIX_AGENT_FILE = "agents_phoenix_en.tsv"
LEXICON_FILE = "lexicon.yaml"

#: The role codes of docs/records.md ("Actor codes").
ROLES = frozenset(
    {
        "GOV",
        "MIL",
        "SPY",
        "MED",
        "BUS",
        "CVL",
        "LEG",
        "JUD",
        "ELI",
        "EDU",
        "REF",
        "LAB",
        "OPP",
        "REB",
    }
)
OFFICES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "leader",
        "foreign_minister",
        "defence_minister",
        "secretary_general",
        "spokesperson",
    }
)
TYPES = frozenset({"person", "country", "organisation", "group"})
GENDERS = frozenset({"m", "f", "n", "pl"})
LANGS = ("de", "en")

#: A country code with no country (ICAO Doc 9303 "unspecified nationality"): unknown persons.
UNKNOWN_COUNTRY = "XXX"

ROLE_LABELS = {
    "GOV": ("Regierung", "government"),
    "MIL": ("Militär", "military"),
    "SPY": ("Geheimdienst", "intelligence"),
    "MED": ("Medien", "media"),
    "BUS": ("Wirtschaft", "business"),
    "CVL": ("Zivilisten", "civilians"),
    "LEG": ("Parlament", "legislature"),
    "JUD": ("Justiz", "judiciary"),
    "ELI": ("Experten", "experts"),
    "EDU": ("Wissenschaft", "academia"),
    "REF": ("Flüchtlinge", "refugees"),
    "LAB": ("Arbeiter", "workers"),
    "OPP": ("Opposition", "opposition"),
    "REB": ("Rebellen", "rebels"),
}
_GROUP_ROLES = frozenset({"MIL", "CVL", "REF", "LAB", "OPP", "REB", "ELI"})

_CODE = re.compile(r"^(?:IGO[A-Z]{3}|[A-Z]{3})(?:[A-Z]{3})*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_QID = re.compile(r"^Q[1-9]\d*$")


class ActorDataError(TriangulateError, ValueError):
    """A malformed actor data file (built in or the user's); names the file and the line."""

    code = "T501"

    def __init__(self, path: str | os.PathLike[str], line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line
        self.detail = message


# -- records -----------------------------------------------------------------------------------


def _day(value: str, *, end: bool) -> str:
    """A comparable day string: partial dates open ("-00") or close ("-99") their period."""
    pad = "-99" if end else "-00"
    while len(value) < 10:
        value += pad
    return value


def document_day(published: str | None) -> str | None:
    """The day a document's date stands for: a year its middle, a month its middle."""
    if not published or not _DATE.match(published[:10]):
        return None
    value = published[:10]
    if len(value) == 4:
        return value + "-07-01"
    if len(value) == 7:
        return value + "-15"
    return value


def _ordinal(day: str) -> int:
    y, m, d = (int(x) for x in day.split("-"))
    return y * 372 + m * 31 + min(d, 31)


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    start: str = ""  # comparable day, "" = open
    end: str = ""  # exclusive, "" = open
    offices: tuple[str, ...] = ()

    def contains(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day < self.end)

    def distance(self, day: str) -> int:
        if self.contains(day):
            return 0
        if self.end and day >= self.end:
            return _ordinal(day) - _ordinal(self.end.replace("-99", "-28").replace("-00", "-01"))
        return _ordinal(self.start.replace("-00", "-01")) - _ordinal(day)


@dataclass(slots=True)
class Entity:
    """A knowledge-base actor: a country, a country-role group, an organisation or a person."""

    id: str
    type: str
    code: str
    name: dict[str, str] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    names: dict[str, list[str]] = field(default_factory=dict)  # lang -> full names
    short: list[str] = field(default_factory=list)
    coref: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    gender: str = "n"
    chief: str | None = None
    qid: str | None = None
    source: str | None = None
    origin: str = ""

    def code_at(self, day: str | None) -> str:
        """The entity's code on ``day`` (see persons.yaml: nearest role outside all periods)."""
        if not self.roles:
            return self.code
        if day is None:
            current = [r for r in self.roles if not r.end]
            return (current or sorted(self.roles, key=lambda r: r.end))[-1].code
        inside = [r for r in self.roles if r.contains(day)]
        if inside:
            return max(inside, key=lambda r: r.start).code
        return min(self.roles, key=lambda r: r.distance(day)).code

    def display_name(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("de") or self.name.get("en") or self.id


@dataclass(slots=True)
class Country:
    code: str
    gender: str
    names: dict[str, list[str]]
    adjectives: dict[str, list[str]]
    demonyms: dict[str, list[str]]
    capitals: dict[str, list[str]]
    capital_adjectives: list[str]
    line: int


@dataclass(frozen=True, slots=True)
class AgentSpec:
    lemma: str
    lang: str
    role: str  # "" = the state itself
    weak: bool = False
    topic: bool = False
    person: bool = False
    office: str | None = None
    inst: bool = False
    adjectival: bool = False
    forms: tuple[str, ...] = ()
    default: str | None = None
    country: str | None = None  # the noun names its state ("Bundeskanzler": DEU)
    curated: bool = True


@dataclass(slots=True)
class Lexicon:
    words: dict[str, dict[str, frozenset[str]]]  # lang -> list name -> words (casefolded)
    given_names: frozenset[str]
    east_asian_surnames: frozenset[str]
    regions: dict[str, str]

    def has(self, lang: str, name: str, word: str) -> bool:
        return word.casefold() in self.words.get(lang, {}).get(name, frozenset())

    def get(self, lang: str, name: str) -> frozenset[str]:
        return self.words.get(lang, {}).get(name, frozenset())


def group_id(code: str) -> str:
    """The id of the country-role group a code names: ``RUSGOV`` -> ``rus_gov``, ``PRK`` -> ``prk``."""
    width = 6 if code.startswith("IGO") else 3
    parts = [code[:width].lower()] + [code[i : i + 3].lower() for i in range(width, len(code), 3)]
    return "_".join(parts)


def split_code(code: str) -> tuple[str, str]:
    width = 6 if code.startswith("IGO") else 3
    return code[:width], code[width:]


class KnowledgeBase:
    """Everything the linker knows, validated (``loaders.load_knowledge_base`` builds it)."""

    def __init__(self, files: Sequence[Path], digest: str) -> None:
        self.files = list(files)
        self.digest = digest
        self.countries: dict[str, Country] = {}
        self.entities: dict[str, Entity] = {}
        self.agents: dict[str, list[AgentSpec]] = {lang: [] for lang in LANGS}
        self.lexicon = Lexicon({}, frozenset(), frozenset(), {})
        self.igo_entity: dict[str, str] = {}  # IGO code -> its main entity id
        self._offices: dict[tuple[str, str], list[tuple[Role, str]]] = {}

    # -- lookups ------------------------------------------------------------------------------

    def group(self, code: str) -> Entity:
        """The entity for a bare code: a country, an IGO, or a country-role group (made on demand)."""
        country, role = split_code(code)
        if code.startswith("IGO") and code in self.igo_entity:
            return self.entities[self.igo_entity[code]]
        gid = group_id(code)
        entity = self.entities.get(gid)
        if entity is not None:
            return entity
        base = self.entities.get(group_id(country))
        names: dict[str, str] = {}
        for i, lang in enumerate(LANGS):
            base_name = base.display_name(lang) if base else country
            label = " ".join(
                ROLE_LABELS[role[k : k + 3]][i]
                for k in range(0, len(role), 3)
                if role[k : k + 3] in ROLE_LABELS
            )
            names[lang] = f"{base_name} ({label})" if label else base_name
        kind = "country" if not role else ("group" if role[:3] in _GROUP_ROLES else "organisation")
        entity = Entity(id=gid, type=kind, code=code, name=names, origin="derived")
        self.entities[gid] = entity
        return entity

    def holders(self, country: str, office: str) -> list[tuple[Role, str]]:
        return self._offices.get((country, office), [])

    def holder(self, country: str, office: str, day: str | None) -> str | None:
        """The entity id holding ``office`` for ``country`` on ``day`` (None if unknown)."""
        periods = self.holders(country, office)
        if not periods:
            return None
        if day is None:
            open_ = [eid for role, eid in periods if not role.end]
            return open_[-1] if open_ else None
        inside = [(role, eid) for role, eid in periods if role.contains(day)]
        if not inside:
            return None
        return max(inside, key=lambda p: p[0].start)[1]

    # -- building -----------------------------------------------------------------------------

    def index_offices(self) -> None:
        self._offices = {}
        for entity in self.entities.values():
            for role in entity.roles:
                for office in role.offices:
                    key = (split_code(role.code)[0], office)
                    self._offices.setdefault(key, []).append((role, entity.id))
