"""Tokens and the gazetteer: every surface form the knowledge base knows, indexed by token sequence.

A gazetteer is built once per language from the knowledge base (names with their German
genitives, country adjectives with their endings, demonyms, agent nouns with their case and
number forms, titles, regions) and looked up by the case-folded token sequence of the text
(longest match first).  Case is checked per token: acronyms ("USA", "WHO") only match in
capitals, capitalised names only capitalised words, lower-case entries (adjectives, English
agent nouns) any case.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import inflect
from .kb import LANGS, AgentSpec, KnowledgeBase

_ABBREVIATIONS = (
    "Prof",
    "Dr",
    "St",
    "Mr",
    "Mrs",
    "Ms",
    "Gen",
    "Sen",
    "Rep",
    "Lt",
    "Col",
    "bzw",
    "ca",
    "Nr",
)
_COORD = r"(?:und|oder|bzw|sowie|and|or)\b"
TOKEN_RE = re.compile(
    r"(?P<abbr>(?:[A-Z]\.){2,}|(?:" + "|".join(_ABBREVIATIONS) + r")\.)"
    r"|(?P<word>[^\W\d_]\w*(?:[-‐‑'’‘]\w+)*(?:-(?=\s+" + _COORD + r"))?)"
    r"|(?P<num>\d(?:[\d.,’'\u202f]*\d)?)"
    r"|(?P<punct>\S)"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})

CASE_ANY, CASE_UPPER, CASE_EXACT = 0, 1, 2


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str  # as written, without an English possessive 's
    norm: str  # case-folded, apostrophes and hyphens normalised
    kind: str  # word | num | punct | abbr
    poss: bool = False  # an English possessive ('s) was stripped
    line_start: bool = False
    upper: bool = False  # starts with a capital letter

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "abbr")


def normalise(text: str) -> str:
    return text.translate(_APOSTROPHES).casefold()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    out: list[Tok] = []
    stop = len(text) if end is None else end
    line_start = True
    prev_end = start
    for m in TOKEN_RE.finditer(text, start, stop):
        kind = m.lastgroup or "punct"
        raw = m.group()
        poss = False
        shown = raw
        if kind == "word" and len(raw) > 2 and raw[-2] in "'’‘" and raw[-1] in "sS":
            shown = raw[:-2]
            poss = True
        begin = m.start()
        newline = "\n" in text[prev_end:begin]
        out.append(
            Tok(
                begin,
                m.end(),
                shown,
                normalise(shown),
                kind,
                poss,
                line_start or newline,
                shown[:1].isupper(),
            )
        )
        prev_end = m.end()
        line_start = False
    return out


def surface_tokens(form: str) -> list[Tok]:
    return tokenize(form)


def _case_mode(token: str) -> int:
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return CASE_EXACT
    if token[:1].isupper():
        return CASE_UPPER
    return CASE_ANY


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str  # name | short | coref | adj | dem | agent | title | region
    target: str  # entity id (name/short/coref) or country code (adj/dem/region); "" otherwise
    surface: tuple[str, ...]
    cases: tuple[int, ...]
    genitive: bool = False
    seat: bool = False
    plural: bool = False
    agent: AgentSpec | None = None

    def matches(self, tokens: Sequence[Tok]) -> bool:
        for tok, surface, mode in zip(tokens, self.surface, self.cases, strict=True):
            if mode == CASE_EXACT:
                if tok.text.translate(_APOSTROPHES) != surface.translate(_APOSTROPHES):
                    return False
            elif mode == CASE_UPPER and not tok.upper:
                return False
        return True


def flat(text: str) -> str:
    """Letters and digits only, case-folded: the key compound modifiers are looked up by."""
    return "".join(c for c in normalise(text) if c.isalnum())


@functools.lru_cache(maxsize=16)
def gazetteer_for(kb: KnowledgeBase, lang: str) -> Gazetteer:
    """The gazetteer of ``kb`` for a language (German for any other), built once."""
    return Gazetteer(kb, lang if lang in LANGS else "de")


class Gazetteer:
    """Surface forms of one language, indexed by case-folded token sequences."""

    def __init__(self, kb: KnowledgeBase, lang: str) -> None:
        self.kb = kb
        self.lang = lang
        self.index: dict[tuple[str, ...], list[Entry]] = {}
        self.maxlen: dict[str, int] = {}
        self.flat_index: dict[str, list[Entry]] = {}
        self.agent_words: dict[str, list[Entry]] = {}  # single-word agent forms (decompounding)
        self._build()

    # -- building -------------------------------------------------------------------------------

    def _add(self, form: str, kind: str, target: str, **flags: object) -> None:
        toks = surface_tokens(form)
        if not toks:
            return
        key = tuple(t.norm for t in toks)
        entry = Entry(
            kind=kind,
            target=target,
            surface=tuple(t.text for t in toks),
            cases=tuple(_case_mode(t.text) for t in toks),
            genitive=bool(flags.get("genitive")),
            seat=bool(flags.get("seat")),
            plural=bool(flags.get("plural")),
            agent=flags.get("agent"),  # type: ignore[arg-type]
        )
        bucket = self.index.setdefault(key, [])
        if any(
            e.kind == entry.kind
            and e.target == entry.target
            and e.agent == entry.agent
            and e.cases == entry.cases
            for e in bucket
        ):
            return
        bucket.append(entry)
        self.maxlen[key[0]] = max(self.maxlen.get(key[0], 0), len(key))
        if kind in ("name", "short", "coref", "region") or (kind == "agent" and len(key) == 1):
            self.flat_index.setdefault(flat(form), []).append(entry)
        if kind == "agent" and len(key) == 1:
            self.agent_words.setdefault(key[0], []).append(entry)

    def _add_name(
        self, name: str, kind: str, target: str, *, person: bool = False, seat: bool = False
    ) -> None:
        for form in inflect.expand_optional(name):
            for variant in inflect.name_variants(form) if person else [form]:
                self._add(variant, kind, target, seat=seat)
                if self.lang == "de":
                    for gen in inflect.german_genitive_forms(variant):
                        self._add(gen, kind, target, seat=seat, genitive=True)

    def _build(self) -> None:
        kb, lang = self.kb, self.lang
        other = "en" if lang == "de" else "de"
        for code, country in kb.countries.items():
            cid = code.lower()
            for name in country.names[lang]:
                self._add_name(name, "name", cid)
            for stem in country.adjectives[lang]:
                for form in inflect.expand_optional(stem):
                    forms = inflect.german_adjective_forms(form) if lang == "de" else [form]
                    for adj in forms:
                        self._add(adj, "adj", code)
            if lang == "de":
                for adj in country.capital_adjectives:
                    self._add(adj, "adj", code)
            for base in country.demonyms[lang]:
                if lang == "de":
                    for form in inflect.german_demonym_forms(base):
                        self._add(form, "dem", code, plural=form != base)
                else:
                    for form in inflect.english_demonym_forms(base):
                        self._add(form, "dem", code, plural=form != base)
        for entity in kb.entities.values():
            person = entity.type == "person"
            for name in [*entity.names.get(lang, []), *entity.names.get(other, [])]:
                self._add_name(name, "name", entity.id, person=person)
            for name in entity.short:
                self._add_name(name, "short", entity.id)
            for name in entity.coref:
                self._add_name(name, "coref", entity.id)
            for name in entity.seats:
                self._add_name(name, "name", entity.id, seat=True)
        curated = set()
        for spec in kb.agents[lang]:
            if not spec.curated:
                continue
            for form in self._agent_forms(spec):
                curated.add(normalise(form))
                self._add(form, "agent", "", agent=spec)
        for spec in kb.agents[lang]:
            if spec.curated:
                continue
            forms = [f for f in self._agent_forms(spec) if normalise(f) not in curated]
            for form in forms:
                self._add(form, "agent", "", agent=spec)
        for title in kb.lexicon.get(lang, "titles"):
            self._add(title, "title", "")
        for place, code in kb.lexicon.regions.items():
            self._add(place, "region", code)
            if lang == "de":
                for gen in inflect.german_genitive_forms(place):
                    self._add(gen, "region", code, genitive=True)

    def _agent_forms(self, spec: AgentSpec) -> list[str]:
        out: list[str] = []
        for lemma in inflect.expand_optional(spec.lemma):
            if self.lang == "de":
                out += inflect.german_noun_forms(
                    lemma, person=spec.person, adjectival=spec.adjectival
                )
            else:
                out += [lemma, inflect.english_plural(lemma)]
        out += list(spec.forms)
        return list(dict.fromkeys(out))

    # -- lookup ---------------------------------------------------------------------------------

    def longest(self, tokens: Sequence[Tok], i: int, stop: int) -> tuple[int, list[Entry]]:
        """The longest gazetteer match starting at token ``i`` (before ``stop``): (length, entries)."""
        first = tokens[i].norm
        limit = min(self.maxlen.get(first, 0), stop - i)
        for n in range(limit, 0, -1):
            window = tokens[i : i + n]
            entries = self.index.get(tuple(t.norm for t in window))
            if entries:
                ok = [e for e in entries if e.matches(window)]
                if ok:
                    return n, ok
        return 0, []

    def by_flat(self, text: str, kinds: Iterable[str]) -> list[Entry]:
        wanted = set(kinds)
        return [e for e in self.flat_index.get(flat(text), []) if e.kind in wanted]

    def agent_word(self, word: str) -> list[Entry]:
        return self.agent_words.get(normalise(word), [])
