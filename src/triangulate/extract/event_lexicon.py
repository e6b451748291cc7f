"""Event triggers: verbs and nouns with their CAMEO code and argument frame.

Data in ``triangulate/lang/<lang>/event_lexicon.yaml`` (format described there);
compiled once per language and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["Entry", "Lexicon", "lexicon", "data_text"]


@dataclass(frozen=True, slots=True)
class Entry:
    code: str
    pattern: re.Pattern[str]
    kind: str  # verb | noun
    need: re.Pattern[str] | None
    targets: tuple[str, ...]
    particle: re.Pattern[str] | None
    require_target: bool
    order: int
    implicit_target: bool = False
    speech: bool = False
    receive: bool = False  # "X erhält von Y": the subject is the recipient, "von Y" the giver
    literal: frozenset[str] | None = None
    stems: frozenset[str] | None = None  # literal stems of regular-expression forms
    compound: str | None = (
        None  # role of an actor prefix "X-<noun>": source | target  # first words of literal forms, for a fast pre-check
    )


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    entries: tuple[Entry, ...]
    adjectives: re.Pattern[str]
    adjective_codes: dict[str, str]
    nouns: re.Pattern[str]
    capitals: re.Pattern[str]
    capital_codes: dict[str, str]
    always: tuple[int, ...] = ()  # entries with regular-expression forms: tried on every sentence
    by_word: dict[str, tuple[int, ...]] | None = None  # first word -> literal entries
    # first four letters of a stem -> (stem, entry) for regular-expression forms that
    # start with a literal stem ("schick\w*"): tried only when a word has that stem
    by_stem: dict[str, tuple[tuple[str, int], ...]] | None = None

    def candidates(self, words: set[str]) -> list[Entry]:
        """The entries that can match a sentence with these (lower-cased) words, in order."""
        idx = set(self.always)
        by_word, by_stem = self.by_word or {}, self.by_stem or {}
        for w in words:
            idx.update(by_word.get(w, ()))
            for stem, i in by_stem.get(w[:_STEM], ()):
                if i not in idx and w.startswith(stem):
                    idx.add(i)
        return [self.entries[i] for i in sorted(idx)]


def data_text(lang: str, name: str) -> str:
    lang = lang if lang in ("de", "en") else "de"
    return resources.files(f"triangulate.lang.{lang}").joinpath(name).read_text("utf-8")


def _entries(raw: dict[str, Any], order: int, lang: str) -> list[Entry]:
    """One entry for the verb forms and one for the noun forms (capitalised in German)."""
    forms = [str(f) for f in raw.get("forms") or [] if str(f).strip()]
    kind = str(raw.get("kind", "verb"))
    if lang != "de" or kind == "noun":
        e = _entry(raw, forms, kind, order)
        return [e] if e else []
    out = []
    verbs = [f for f in forms if not f[:1].isupper()]
    nouns = [f for f in forms if f[:1].isupper()]
    for group, k in ((verbs, "verb"), (nouns, "noun")):
        if group:
            e = _entry(raw, group, k, order)
            if e:
                out.append(e)
    return out


def _entry(raw: dict[str, Any], forms: list[str], kind: str, order: int) -> Entry | None:
    code = str(raw.get("code", "")).strip()
    if not forms or not code.isdigit():
        return None
    forms.sort(key=len, reverse=True)
    body = "|".join(f.replace(" ", r"\s+") for f in forms)
    try:
        lookbehind = r"(?<!\w)" if raw.get("compound") else r"(?<![\w-])"
        pattern = re.compile(lookbehind + r"(?:" + body + r")(?![\w])", re.IGNORECASE)
        need_raw = raw.get("need")
        need = re.compile(str(need_raw), re.IGNORECASE) if need_raw else None
        part_raw = raw.get("particle")
        particle = (
            re.compile(r"(?<![\w-])" + str(part_raw) + r"(?![\w-])", re.IGNORECASE)
            if part_raw
            else None
        )
    except re.error:
        return None
    # YAML 1.1 reads a bare "on" as True
    targets = tuple("on" if t is True else str(t).lower() for t in raw.get("target") or ["obj"])
    return Entry(
        code=code,
        pattern=pattern,
        kind=kind,
        need=need,
        targets=targets,
        particle=particle,
        require_target=bool(raw.get("require_target", False)),
        implicit_target=bool(raw.get("implicit_target", False)),
        speech=bool(raw.get("speech", False)),
        receive=bool(raw.get("receive", False)),
        literal=_literal(forms),
        stems=None if _literal(forms) is not None else _stems(forms),
        compound=str(raw["compound"]) if raw.get("compound") in ("source", "target") else None,
        order=order,
    )


_META = re.compile(r"[\\()\[\]?*+|{}.^$]")
_STEM = 4


def _stems(forms: list[str]) -> frozenset[str] | None:
    """The lower-cased literal stems that every form starts with ("schick\\w*" -> "schick",
    "Kämpfe?n?" -> "kämpf"), or None when a form has no stem of four letters."""
    out = set()
    for f in forms:
        m = _META.search(f)
        stem = f if m is None else f[: m.start()]
        if m is not None and f[m.start()] in "?*{" and stem:
            stem = stem[:-1]  # the last letter is optional
        stem = stem.split()[0] if stem.split() else ""
        if m is not None and " " in f[: m.start()]:
            stem = f.split()[0] if not _META.search(f.split()[0]) else stem
        if len(stem) < _STEM or not stem.replace("-", "").isalpha():
            return None
        out.add(stem.lower())
    return frozenset(out)


def _literal(forms: list[str]) -> frozenset[str] | None:
    """The lower-cased first words of the forms when all of them are plain words."""
    if any(_META.search(f) for f in forms):
        return None
    return frozenset(f.split()[0].lower() for f in forms if f.split())


#: The trigger files of a language folder, in priority order: curated overrides (English:
#: frames tried first plus a ``drop`` list that removes noisy forms from the later files),
#: the hand-tuned lexicon, then (German) the broad general-news lexicon that only adds coverage.
LEXICON_FILES = ("event_lexicon_overrides.yaml", "event_lexicon.yaml", "event_lexicon_general.yaml")


def _drops(data: dict[str, Any]) -> list[tuple[frozenset[str], frozenset[str] | None]]:
    """The ``drop`` rules of an overrides file: (lower-cased forms, codes or None for all)."""
    out = []
    for d in data.get("drop") or []:
        if not isinstance(d, dict):
            continue
        forms = frozenset(str(f).lower() for f in d.get("forms") or [])
        codes = d.get("codes")
        out.append((forms, frozenset(str(c) for c in codes) if codes else None))
    return out


def _apply_drops(raw: Any, drops: list[tuple[frozenset[str], frozenset[str] | None]]) -> Any:
    """A copy of a trigger entry without the forms that a drop rule removes for its code."""
    if not drops or not isinstance(raw, dict):
        return raw
    code = str(raw.get("code", "")).strip()
    gone = set().union(*(f for f, codes in drops if codes is None or code in codes))
    forms = [f for f in raw.get("forms") or [] if str(f).lower() not in gone]
    if len(forms) == len(raw.get("forms") or []):
        return raw
    return {**raw, "forms": forms}  # forms may be a shared YAML anchor: never mutate it


@cache
def lexicon(lang: str) -> Lexicon:
    lang = lang if lang in ("de", "en") else "de"
    raws: list[Any] = []
    drops: list[tuple[frozenset[str], frozenset[str] | None]] = []
    for name in LEXICON_FILES:  # in order: an earlier file's entries are tried first
        try:
            text = data_text(lang, name)
        except (FileNotFoundError, OSError):
            continue
        data = yaml.safe_load(text) or {}
        raws += [_apply_drops(r, drops) for r in data.get("triggers") or []]
        drops += _drops(data)  # a file's drops apply to the files after it
    entries = []
    for i, raw in enumerate(raws):
        if isinstance(raw, dict):
            entries.extend(_entries(raw, i, lang))
    adj = _adjectives(lang)
    stems = sorted(adj, key=len, reverse=True)
    if lang == "de":
        adj_rx = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(s) for s in stems) + r")(?:e|en|er|es|em)(?![\w-])",
            re.IGNORECASE,
        )
    else:
        adj_rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(s) for s in stems) + r")(?![\w-])")
    noun_forms = [e.pattern.pattern for e in entries if e.kind == "noun"]
    nouns = re.compile(
        r"\s*(?:" + "|".join(noun_forms) + r")" if noun_forms else r"(?!x)x", re.IGNORECASE
    )
    caps = _capitals()
    caps.update(_regions(lang, caps))
    cap_rx = re.compile(
        r"(?<![\w-])(?:in|nach|bei|aus|to|in|at|from|visit\w*|besuch\w*)\s+("
        + "|".join(re.escape(c) for c in sorted(caps, key=len, reverse=True))
        + r")(?![\w-])"
        if caps
        else r"(?!x)x"
    )
    entry_stems = [e.stems for e in entries]
    always = tuple(i for i, e in enumerate(entries) if e.literal is None and entry_stems[i] is None)
    index: dict[str, list[int]] = {}
    for i, e in enumerate(entries):
        for w in e.literal or ():
            index.setdefault(w, []).append(i)
    by_stem: dict[str, list[tuple[str, int]]] = {}
    for i, st in enumerate(entry_stems):
        for stem in st or ():
            by_stem.setdefault(stem[:_STEM], []).append((stem, i))
    return Lexicon(
        lang,
        tuple(entries),
        adj_rx,
        {k.lower(): v for k, v in adj.items()},
        nouns,
        cap_rx,
        caps,
        always,
        {w: tuple(v) for w, v in index.items()},
        {k: tuple(v) for k, v in by_stem.items()},
    )


def _rows() -> list[dict[str, str]]:
    try:
        raw = (
            resources.files("triangulate.actors").joinpath("data/countries.tsv").read_text("utf-8")
        )
    except (OSError, FileNotFoundError, ModuleNotFoundError):
        return []
    header: list[str] = []
    out = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = cells
            continue
        out.append(dict(zip(header, cells, strict=False)))
    return out


def _regions(lang: str, known: dict[str, str]) -> dict[str, str]:
    """Compass-point regions of a country ("Ostrussland", "Nordostchina") -> its code."""
    if lang != "de":
        return {}
    out: dict[str, str] = {}
    names = {n.strip() for row in _rows() for n in (row.get("de_names") or "").split("|")}
    for row in _rows():
        code = (row.get("code") or "").strip()
        first = (row.get("de_names") or "").split("|")[0].strip()
        if len(code) != 3 or not first.isalpha():
            continue
        for p in (
            "Ost",
            "West",
            "Nord",
            "Süd",
            "Zentral",
            "Nordost",
            "Nordwest",
            "Südost",
            "Südwest",
        ):
            name = p + first.lower()
            if name not in names and name not in known:
                out[name] = code
    return out


def _capitals() -> dict[str, str]:
    """Capital names (German and English) -> the country's government code."""
    out: dict[str, str] = {}
    for row in _rows():
        code = (row.get("code") or "").strip()
        if len(code) != 3:
            continue
        for col in ("capital_de", "capital_en"):
            for name in (row.get(col) or "").split("|"):
                name = name.strip()
                if len(name) > 2:
                    out.setdefault(name, code + "GOV")
    return out


def _adjectives(lang: str) -> dict[str, str]:
    """Country adjective stems -> country code, read from the actor knowledge base."""
    out: dict[str, str] = {}
    try:
        raw = (
            resources.files("triangulate.actors").joinpath("data/countries.tsv").read_text("utf-8")
        )
    except (OSError, FileNotFoundError, ModuleNotFoundError):
        return out
    header: list[str] = []
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = cells
            continue
        row = dict(zip(header, cells, strict=False))
        col = "de_adj" if lang == "de" else "en_adj"
        first = (row.get(col) or "").split("|")[0].strip()
        code = (row.get("code") or "").strip()
        if first and len(first) > 3 and code:
            out[first] = code
    return out
