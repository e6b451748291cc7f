"""Reading the actor data files: YAML with line numbers, TSV, and their validation.

Every problem raises :class:`~triangulate.actors.kb.ActorDataError` with the file and the line,
for the built-in data as for user actor files (see actors/data/README.md).
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from .kb import (
    _CODE,
    _DATE,
    _ID,
    _QID,
    AGENT_FILE,
    COUNTRY_FILE,
    DATA_DIR,
    ENTITY_FILES,
    ENV_VAR,
    GENDERS,
    LANGS,
    LEXICON_FILE,
    OFFICES,
    PHOENIX_AGENT_FILE,
    ROLES,
    TYPES,
    UNKNOWN_COUNTRY,
    ActorDataError,
    AgentSpec,
    Country,
    Entity,
    KnowledgeBase,
    Lexicon,
    Role,
    _day,
    group_id,
    split_code,
)

# -- YAML with line numbers --------------------------------------------------------------------


class _Map(dict[str, Any]):
    """A YAML mapping that remembers where it and each of its keys stand."""

    line: int = 0
    lines: dict[str, int]


class _Loader(yaml.SafeLoader):
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    out = _Map()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} is not text", key_node.start_mark
            )
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = line
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; syntax errors become :class:`ActorDataError` with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ActorDataError(path, None, f"cannot read: {exc}") from exc
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        detail = str(exc.problem or exc)
        if exc.context_mark is not None and exc.context_mark.line + 1 != line:
            detail += f" ({exc.context} at line {exc.context_mark.line + 1})"
        raise ActorDataError(path, line, f"malformed YAML: {detail}") from exc
    except yaml.YAMLError as exc:
        raise ActorDataError(path, None, f"malformed YAML: {exc}") from exc


# -- parsing helpers ---------------------------------------------------------------------------


def _valid_date(value: str) -> bool:
    parts = [int(x) for x in value.split("-")]
    padded = parts + [1] * (3 - len(parts))
    try:
        datetime.date(*padded)
    except ValueError:
        return False
    return True


def _lines(node: Any) -> dict[str, int]:
    """Line numbers of a mapping's keys (empty for anything but a parsed YAML mapping)."""
    lines = getattr(node, "lines", None)
    return lines if isinstance(lines, dict) else {}


def _fail(path: Path, line: int | None, message: str) -> ActorDataError:
    return ActorDataError(path, line, message)


def _str_list(value: Any, path: Path, line: int, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, line, f"{what} must be a list of non-empty names")
    return [v.strip() for v in value]


def _lang_names(value: Any, path: Path, line: int, what: str) -> dict[str, list[str]]:
    """``names`` is a list (both languages) or a mapping ``de/en/any -> list``."""
    out: dict[str, list[str]] = {lang: [] for lang in LANGS}
    if value is None:
        return out
    if isinstance(value, dict):
        for key, names in value.items():
            key_line = getattr(value, "lines", {}).get(key, line)
            if key not in (*LANGS, "any"):
                raise _fail(path, key_line, f"{what}: unknown language {key!r} (use de, en or any)")
            items = _str_list(names, path, key_line, f"{what}.{key}")
            for lang in LANGS if key == "any" else (key,):
                out[lang].extend(items)
        return out
    items = _str_list(value, path, line, what)
    for lang in LANGS:
        out[lang].extend(items)
    return out


def _check_code(code: Any, path: Path, line: int, known: Iterable[str]) -> str:
    if not isinstance(code, str) or not _CODE.match(code.strip()):
        raise _fail(
            path, line, f"malformed actor code {code!r} (ISO alpha-3 or IGO+3 letters, then roles)"
        )
    code = code.strip()
    country, roles = split_code(code)
    if not country.startswith("IGO") and country not in known and country != UNKNOWN_COUNTRY:
        raise _fail(path, line, f"unknown country code {country!r} in {code!r}")
    for i in range(0, len(roles), 3):
        if roles[i : i + 3] not in ROLES:
            raise _fail(
                path,
                line,
                f"unknown role code {roles[i : i + 3]!r} in {code!r} (one of {' '.join(sorted(ROLES))})",
            )
    return code


_ENTITY_KEYS = frozenset(
    {
        "id",
        "type",
        "code",
        "name",
        "names",
        "short",
        "coref",
        "seats",
        "gender",
        "chief",
        "qid",
        "source",
        "roles",
        "split",
        "note",
    }
)
_ROLE_KEYS = frozenset({"code", "from", "to", "office"})


def _parse_roles(value: Any, path: Path, line: int, known: Iterable[str]) -> tuple[Role, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail(path, line, "roles must be a list of {code, from, to, office}")
    roles: list[Role] = []
    for item in value:
        item_line = getattr(item, "line", line)
        if not isinstance(item, dict):
            raise _fail(path, item_line, "each role must be a mapping {code, from, to, office}")
        unknown = set(item) - _ROLE_KEYS
        if unknown:
            raise _fail(path, item_line, f"unknown role key(s): {', '.join(sorted(unknown))}")
        if "code" not in item:
            raise _fail(path, item_line, "a role needs a code")
        code = _check_code(item["code"], path, item_line, known)
        days: dict[str, str] = {}
        for key in ("from", "to"):
            raw = item.get(key)
            if raw is None:
                days[key] = ""
                continue
            raw = str(raw)
            if not _DATE.match(raw) or not _valid_date(raw):
                raise _fail(
                    path,
                    item_line,
                    f"role {key!r} must be YYYY, YYYY-MM or YYYY-MM-DD, not {raw!r}",
                )
            days[key] = _day(raw, end=key == "to")
        if days["from"] and days["to"] and days["from"] >= days["to"]:
            raise _fail(
                path,
                item_line,
                f"role ends before it starts ({item.get('from')} .. {item.get('to')})",
            )
        offices = _str_list(item.get("office"), path, item_line, "office")
        for office in offices:
            if office not in OFFICES:
                raise _fail(
                    path,
                    item_line,
                    f"unknown office {office!r} (one of {', '.join(sorted(OFFICES))})",
                )
        roles.append(Role(code, days["from"], days["to"], tuple(offices)))
    return tuple(roles)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_") or "x"


def _parse_entity(item: Any, path: Path, line: int, kb: KnowledgeBase) -> list[Entity]:
    if not isinstance(item, dict):
        raise _fail(path, line, "each actor must be a mapping (id, type, code, names, ...)")
    line = getattr(item, "line", line)
    unknown = set(item) - _ENTITY_KEYS
    if unknown:
        raise _fail(path, line, f"unknown key(s): {', '.join(sorted(unknown))}")
    known = kb.countries.keys()
    roles = _parse_roles(item.get("roles"), path, line, known)
    code_value = item.get("code")
    if code_value is None and roles:
        code_value = roles[-1].code
    if code_value is None:
        raise _fail(path, line, "an actor needs a code or roles")
    code = _check_code(code_value, path, line, known)
    raw_id = item.get("id")
    if raw_id is None:
        eid = group_id(code)
    elif not isinstance(raw_id, str) or not _ID.match(raw_id):
        raise _fail(path, line, f"malformed id {raw_id!r} (lower-case letters, digits, _ . : -)")
    else:
        eid = raw_id
    kind = item.get("type")
    if kind is None:
        kind = kb.group(code).type if raw_id is None else "organisation"
    if kind not in TYPES:
        raise _fail(path, line, f"unknown type {kind!r} (one of {', '.join(sorted(TYPES))})")
    if kind == "person" and raw_id is None:
        raise _fail(path, line, "a person needs an id")
    gender = item.get("gender", "f" if kind == "organisation" else "m" if kind == "person" else "n")
    if gender not in GENDERS:
        raise _fail(path, line, f"unknown gender {gender!r} (m, f, n or pl)")
    chief = item.get("chief")
    if chief is not None and chief not in OFFICES:
        raise _fail(path, line, f"unknown office {chief!r} for chief")
    qid = item.get("qid")
    if qid is not None and (not isinstance(qid, str) or not _QID.match(qid)):
        raise _fail(path, line, f"malformed Wikidata id {qid!r}")
    lines = getattr(item, "lines", {})
    names = _lang_names(item.get("names"), path, lines.get("names", line), "names")
    raw_name = item.get("name")
    if isinstance(raw_name, str):
        display = {lang: raw_name for lang in LANGS}
    elif isinstance(raw_name, dict) and all(isinstance(v, str) for v in raw_name.values()):
        display = {str(k): str(v) for k, v in raw_name.items()}
    elif raw_name is None:
        first = names["de"][:1] or names["en"][:1]
        display = {lang: (names[lang][:1] or first or [eid])[0] for lang in LANGS}
    else:
        raise _fail(path, lines.get("name", line), "name must be text or {de: ..., en: ...}")
    base = Entity(
        id=eid,
        type=kind,
        code=code,
        name=display,
        roles=roles,
        names=names,
        short=_str_list(item.get("short"), path, lines.get("short", line), "short"),
        coref=_str_list(item.get("coref"), path, lines.get("coref", line), "coref"),
        seats=_str_list(item.get("seats"), path, lines.get("seats", line), "seats"),
        gender=gender,
        chief=chief,
        qid=qid,
        source=str(item["source"]) if item.get("source") is not None else None,
        origin=f"{path.name}:{line}",
    )
    if not item.get("split"):
        return [base]
    out = []
    seen: set[str] = set()
    by_id: dict[str, Entity] = {}
    for lang in LANGS:
        for alias in names[lang]:
            if alias in seen:
                continue
            seen.add(alias)
            sid = f"{eid}.{_slug(alias)}"
            if sid in by_id:
                by_id[sid].names["de"].append(alias)
                by_id[sid].names["en"].append(alias)
                continue
            by_id[sid] = Entity(
                id=sid,
                type=kind,
                code=code,
                name={lg: alias for lg in LANGS},
                names={lg: [alias] for lg in LANGS},
                gender=gender,
                origin=base.origin,
            )
            out.append(by_id[sid])
    return out


def _merge(
    kb: KnowledgeBase, entity: Entity, path: Path, seen_here: set[str], replace: bool
) -> None:
    old = kb.entities.get(entity.id)
    is_group = entity.id == group_id(entity.code)
    if old is not None and not is_group and entity.id in seen_here:
        line = entity.origin.rsplit(":", 1)[-1]
        raise _fail(
            path,
            int(line) if line.isdigit() else None,
            f"duplicate id {entity.id!r} (first at {old.origin})",
        )
    seen_here.add(entity.id)
    if old is None or (replace and not is_group):
        kb.entities[entity.id] = entity
        if entity.code.startswith("IGO") and len(entity.code) == 6:
            kb.igo_entity.setdefault(entity.code, entity.id)
        return
    for lang in LANGS:
        old.names.setdefault(lang, []).extend(entity.names.get(lang, []))
    old.short.extend(entity.short)
    old.coref.extend(entity.coref)
    old.seats.extend(entity.seats)
    old.chief = old.chief or entity.chief
    if entity.roles:
        old.roles = entity.roles


def load_entities(kb: KnowledgeBase, path: Path, *, replace: bool) -> None:
    data = read_yaml(path)
    if data is None:
        return
    items = data.get("actors") if isinstance(data, dict) else data
    if isinstance(data, dict):
        unknown = set(data) - {"actors", "version"}
        if unknown:
            raise _fail(
                path,
                _lines(data).get(sorted(unknown)[0], getattr(data, "line", 1)),
                f"unknown top-level key(s): {', '.join(sorted(unknown))} (expected 'actors')",
            )
    if not isinstance(items, list):
        raise _fail(path, getattr(data, "line", 1), "expected a list of actors under 'actors:'")
    seen_here: set[str] = set()
    for item in items:
        for entity in _parse_entity(item, path, getattr(data, "line", 1), kb):
            _merge(kb, entity, path, seen_here, replace)


def load_countries(kb: KnowledgeBase, path: Path) -> None:
    header: list[str] | None = None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ActorDataError(path, None, f"cannot read: {exc}") from exc
    for number, raw in enumerate(lines, 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise _fail(
                path, number, f"expected {len(header)} tab-separated columns, found {len(cells)}"
            )
        row = dict(zip(header, (c.strip() for c in cells), strict=True))
        code = row["code"]
        if not re.match(r"^[A-Z]{3}$", code):
            raise _fail(path, number, f"malformed country code {code!r}")
        if code in kb.countries:
            raise _fail(
                path, number, f"duplicate country {code} (first at line {kb.countries[code].line})"
            )
        if row["gender"] not in GENDERS:
            raise _fail(path, number, f"unknown gender {row['gender']!r}")

        def cell(name: str, row: dict[str, str] = row) -> list[str]:
            return [v.strip() for v in row[name].split("|") if v.strip()]

        country = Country(
            code=code,
            gender=row["gender"],
            names={"de": cell("de_names"), "en": cell("en_names")},
            adjectives={"de": cell("de_adj"), "en": cell("en_adj")},
            demonyms={"de": cell("de_demonym"), "en": cell("en_demonym")},
            capitals={"de": cell("capital_de"), "en": cell("capital_en")},
            capital_adjectives=cell("capital_adj_de"),
            line=number,
        )
        if not country.names["de"] or not country.names["en"]:
            raise _fail(path, number, f"{code}: a country needs a German and an English name")
        kb.countries[code] = country
        origin = f"{path.name}:{number}"
        kb.entities[code.lower()] = Entity(
            id=code.lower(),
            type="country",
            code=code,
            name={"de": country.names["de"][0].split("(")[0], "en": country.names["en"][0]},
            gender=country.gender,
            origin=origin,
        )
        if country.capitals["de"] or country.capitals["en"]:
            gov = kb.group(code + "GOV")
            gov.seats.extend(dict.fromkeys(country.capitals["de"] + country.capitals["en"]))
    if header is None:
        raise _fail(path, None, "no header line")


_AGENT_KEYS = frozenset(
    {"role", "weak", "topic", "person", "office", "inst", "adj", "forms", "default", "country"}
)


def load_agents(kb: KnowledgeBase, path: Path) -> None:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise _fail(path, 1, "expected a mapping with 'de' and 'en'")
    for lang, entries in data.items():
        lang_line = _lines(data).get(lang, 1)
        if lang not in LANGS:
            raise _fail(path, lang_line, f"unknown language {lang!r}")
        if not isinstance(entries, dict):
            raise _fail(path, lang_line, f"{lang}: expected a mapping lemma -> role")
        for lemma, spec in entries.items():
            line = _lines(entries).get(lemma, lang_line)
            if isinstance(spec, str):
                spec = {"role": spec}
            if not isinstance(spec, dict):
                raise _fail(path, line, f"{lemma}: expected a role or a mapping")
            unknown = set(spec) - _AGENT_KEYS
            if unknown:
                raise _fail(path, line, f"{lemma}: unknown key(s) {', '.join(sorted(unknown))}")
            role = spec.get("role")
            if role != "STATE" and role not in ROLES:
                raise _fail(path, line, f"{lemma}: unknown role {role!r}")
            office = spec.get("office")
            if office is not None and office not in OFFICES:
                raise _fail(path, line, f"{lemma}: unknown office {office!r}")
            country = spec.get("country")
            if country is not None and country not in kb.countries:
                raise _fail(path, line, f"{lemma}: unknown country {country!r}")
            kb.agents[lang].append(
                AgentSpec(
                    lemma=str(lemma),
                    lang=lang,
                    role="" if role == "STATE" else str(role),
                    weak=bool(spec.get("weak")),
                    topic=bool(spec.get("topic")),
                    person=bool(spec.get("person")),
                    office=office,
                    inst=bool(spec.get("inst")),
                    adjectival=bool(spec.get("adj")),
                    forms=tuple(_str_list(spec.get("forms"), path, line, "forms")),
                    default=spec.get("default"),
                    country=country,
                )
            )


def load_phoenix_agents(kb: KnowledgeBase, path: Path) -> None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ActorDataError(path, None, f"cannot read: {exc}") from exc
    header = True
    person_words = {spec.lemma.rsplit(" ", 1)[-1] for spec in kb.agents["en"] if spec.person}
    for number, raw in enumerate(lines, 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        if header:
            header = False
            continue
        cells = raw.split("\t")
        if len(cells) != 3 or cells[1] not in ROLES:
            raise _fail(path, number, "expected phrase <TAB> role <TAB> plurals")
        forms = tuple(p for p in cells[2].split("|") if p)
        last = cells[0].rsplit(" ", 1)[-1]
        person = last in person_words or last.endswith(("man", "woman", "person", "ist"))
        kb.agents["en"].append(
            AgentSpec(
                lemma=cells[0], lang="en", role=cells[1], forms=forms, person=person, curated=False
            )
        )


def load_lexicon(kb: KnowledgeBase, path: Path) -> None:
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise _fail(path, 1, "expected a mapping with 'de', 'en' and 'common'")
    words: dict[str, dict[str, frozenset[str]]] = {}
    for lang in LANGS:
        section = data.get(lang) or {}
        if not isinstance(section, dict):
            raise _fail(
                path, _lines(data).get(lang, 1), f"{lang}: expected a mapping of word lists"
            )
        words[lang] = {
            name: frozenset(
                w.casefold() for w in _str_list(values, path, _lines(section).get(name, 1), name)
            )
            for name, values in section.items()
        }
    common = data.get("common") or {}
    regions = common.get("regions") or {}
    if not isinstance(regions, dict):
        raise _fail(
            path, _lines(common).get("regions", 1), "regions must map a place to a country code"
        )
    for place, code in regions.items():
        if code not in kb.countries:
            raise _fail(
                path,
                _lines(common).get("regions", 1),
                f"region {place!r}: unknown country {code!r}",
            )
    kb.lexicon = Lexicon(
        words=words,
        given_names=frozenset(_str_list(common.get("given_names"), path, 1, "given_names")),
        east_asian_surnames=frozenset(
            _str_list(common.get("east_asian_surnames"), path, 1, "east_asian_surnames")
        ),
        regions={str(k): str(v) for k, v in regions.items()},
    )


# -- entry points ------------------------------------------------------------------------------


def builtin_files() -> list[Path]:
    names = [COUNTRY_FILE, *ENTITY_FILES, AGENT_FILE, PHOENIX_AGENT_FILE, LEXICON_FILE]
    return [DATA_DIR / name for name in names]


def env_files() -> list[Path]:
    """Files named by ``$TRIANGULATE_ACTORS`` (os.pathsep-separated; a folder means its *.yaml)."""
    out: list[Path] = []
    for part in os.environ.get(ENV_VAR, "").split(os.pathsep):
        if not part.strip():
            continue
        path = Path(part.strip()).expanduser()
        out.extend(sorted(path.glob("*.y*ml")) if path.is_dir() else [path])
    return out


def files_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over the files' names and bytes: changes whenever the data does."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()


def load_knowledge_base(
    extra_files: Iterable[str | os.PathLike[str]] = (), *, use_env: bool = True
) -> KnowledgeBase:
    """The knowledge base from the built-in data plus user entity files (cached per file state).

    ``extra_files`` and the files in ``$TRIANGULATE_ACTORS`` (unless ``use_env`` is false) are
    entity files (see README.md in actors/data); a later file may redefine an id of an earlier
    one.  Raises :class:`ActorDataError` for a missing or malformed file.
    """
    extras = [Path(p).expanduser() for p in extra_files]
    if use_env:
        extras += env_files()
    for path in extras:
        if not path.is_file():
            raise ActorDataError(path, None, "no such actor file")
    key = tuple(
        (str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in [*builtin_files(), *extras]
    )
    return _load_cached(key)


@functools.lru_cache(maxsize=8)
def _load_cached(key: tuple[tuple[str, int, int], ...]) -> KnowledgeBase:
    paths = [Path(p) for p, _, _ in key]
    builtin = builtin_files()
    kb = KnowledgeBase(paths, files_digest(paths))
    load_countries(kb, builtin[0])
    for path in builtin[1 : 1 + len(ENTITY_FILES)]:
        load_entities(kb, path, replace=False)
    load_agents(kb, DATA_DIR / AGENT_FILE)
    load_phoenix_agents(kb, DATA_DIR / PHOENIX_AGENT_FILE)
    load_lexicon(kb, DATA_DIR / LEXICON_FILE)
    for path in paths[len(builtin) :]:
        load_entities(kb, path, replace=True)
    for lang in LANGS:
        for spec in kb.agents[lang]:
            if spec.default is not None and spec.default not in kb.entities:
                raise ActorDataError(
                    DATA_DIR / AGENT_FILE,
                    None,
                    f"{spec.lemma}: default {spec.default!r} is no known actor",
                )
    kb.index_offices()
    return kb
