"""The actor linker: who is meant, mention by mention, in raw text with sentence spans.

``ActorLinker.link(text, sentences, lang, published)`` finds the actor mentions of one
document and links each to an actor of the knowledge base (or to an unknown person the text
introduces).  It works on tokens and sentence spans only (no parser):

1. longest-match gazetteer lookup over tokens, with German inflection, hyphen and closed
   compounds (units.py);
2. surnames and other short names resolved against the document's full names (coreference);
3. agent-noun phrases, appositions and affiliations (phrases.py);
4. standalone names, with the place rule for capitals ("in Peking" is a place);
5. possessives ("seine Truppen") and quantified groups ("etwa 10.000 Soldaten") from the
   clause's subject;
6. unknown persons ("Politologe Max Mustermann") registered with what the text says, and
   their surnames linked later in the document.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Iterable, Sequence

from ..model import Actor, Mention, Sentence
from .context import ContextRules, UnknownPerson
from .gazetteer import Entry, Tok, gazetteer_for, tokenize
from .kb import UNKNOWN_COUNTRY, KnowledgeBase, document_day, split_code
from .loaders import load_knowledge_base
from .phrases import Phrase
from .units import Cand, Unit, UnitBuilder

_QUANTIFIED_ROLES = frozenset({"MIL", "LAB", "REF", "CVL", "REB"})
#: A full name this close before a surname decides for it even against a more frequent namesake.
_NEAR_TOKENS = 60
_CHIEF_NOUNS = frozenset({"chef", "chefin", "chief", "head"})
_GENITIVE_MARKS = frozenset({"des", "eines", "seines", "ihres", "seiner", "ihrer", "unseres", "of"})


class ActorLinker:
    """Links actor mentions to the knowledge base; the knowledge base is loaded on first use.

    ``extra_files`` are user actor files (see actors/data/README.md); so are the files named in
    ``$TRIANGULATE_ACTORS`` unless ``use_env`` is false.  ``emit_unresolved=False`` drops
    unknown persons whose country the text does not tell (code ``XXX...``).
    """

    def __init__(
        self,
        extra_files: Iterable[str | os.PathLike[str]] = (),
        *,
        use_env: bool = True,
        emit_unresolved: bool = True,
    ) -> None:
        self.extra_files = tuple(extra_files)
        self.use_env = use_env
        self.emit_unresolved = emit_unresolved
        self._kb: KnowledgeBase | None = None

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_knowledge_base(self.extra_files, use_env=self.use_env)
        return self._kb

    def link(
        self, text: str, sentences: Sequence[Sentence], lang: str | None, published: str | None
    ) -> tuple[list[Actor], list[Mention]]:
        """Actors (with their mention spans) and mentions of one document."""
        doc = _Document(self.kb, text, sentences, lang or "de", published)
        actors, mentions = doc.run()
        if not self.emit_unresolved:
            keep = {a.id for a in actors if not a.code.startswith(UNKNOWN_COUNTRY)}
            actors = [a for a in actors if a.id in keep]
            mentions = [m for m in mentions if m.actor_id in keep]
        return actors, mentions


class _Document(ContextRules):
    """The linking of one document (all state lives here, the linker itself is stateless)."""

    def __init__(
        self,
        kb: KnowledgeBase,
        text: str,
        sentences: Sequence[Sentence],
        lang: str,
        published: str | None,
    ) -> None:
        self.kb = kb
        self.lang = lang if lang in ("de", "en") else "de"
        self.gaz = gazetteer_for(kb, self.lang)
        self.day = document_day(published)
        self.text = text
        self.tokens: list[Tok] = tokenize(text)
        self.sentences = sorted(sentences, key=lambda s: s.start)
        self.units: list[list[Unit]] = []
        self.sentence_index: list[int | None] = []
        self.cands: list[Cand] = []
        self.unknown: dict[str, UnknownPerson] = {}
        self.surnames: dict[str, str] = {}
        self.full: dict[str, list[int]] = {}
        self._lex_cache: dict[str, frozenset[str]] = {}

    # -- the run ----------------------------------------------------------------------------------

    def run(self) -> tuple[list[Actor], list[Mention]]:
        self._segment()
        self._collect_full_names()
        for units in self.units:
            self._resolve_short_names(units)
        for pos, units in enumerate(self.units):
            deferred: list[tuple[Phrase, str]] = []
            for u, unit in enumerate(units):
                if (
                    unit.consumed == 2
                    or unit.kind not in ("agent", "compound")
                    or unit.agent is None
                ):
                    continue
                if (
                    self.lang == "en"
                    and u + 1 < len(units)
                    and units[u + 1].kind in ("agent", "compound")
                ):
                    continue  # "foreign ministry spokesman": the first noun modifies the second
                self._emit_phrase(units, self.agent_phrase(units, u), pos, deferred)
            self._standalone(units, pos)
            for phrase, role in deferred:
                self._emit_deferred(units, phrase, role, pos)
        return self._assemble()

    def _segment(self) -> None:
        builder = UnitBuilder(self.kb, self.gaz, self.lang)
        starts = [t.start for t in self.tokens]
        spans: list[tuple[int | None, int, int]] = [
            (s.index, s.start, s.end) for s in self.sentences
        ]
        if not spans:
            spans = [(None, 0, len(self.text))]
        for index, start, end in spans:
            a = bisect.bisect_left(starts, start)
            b = bisect.bisect_left(starts, end)
            units = builder.build(self.tokens, a, b)
            pos = len(self.units)
            for unit in units:
                unit.sentence = pos
            self._mark_credits(units)
            self.units.append(units)
            self.sentence_index.append(index)

    def _mark_credits(self, units: list[Unit]) -> None:
        """Photo credits ("© KCNA/AFP") name no actors: skip to the end of the line."""
        markers = self.lex("credit_markers")
        skipping = False
        for k, unit in enumerate(units):
            tok = self.tokens[unit.i]
            if skipping and tok.line_start:
                skipping = False
            if tok.text in markers or (
                tok.norm + ":" in markers
                and k + 1 < len(units)
                and self.tokens[units[k + 1].i].text == ":"
            ):
                skipping = True
            if skipping:
                unit.consumed = 2

    # -- names and coreference --------------------------------------------------------------------

    def _collect_full_names(self) -> None:
        for units in self.units:
            for unit in units:
                if unit.kind == "name" and unit.entity:
                    self.full.setdefault(unit.entity, []).append(unit.i)
                elif unit.kind == "compound" and unit.mod_entity:
                    self.full.setdefault(unit.mod_entity, []).append(unit.i)

    def _resolve_short_names(self, units: list[Unit]) -> None:
        for unit in units:
            if unit.kind in ("short", "coref"):
                unit.entity = self._resolve(unit.entries, unit.i)
                if unit.entity is None:
                    unit.kind = "word"
            elif (
                unit.kind in ("compound", "event") and unit.mod_entity is None and unit.mod_entries
            ):
                unit.mod_entity = self._resolve(unit.mod_entries, unit.i)
                if unit.kind == "event":
                    unit.entity = unit.mod_entity

    def _resolve(self, entries: Sequence[Entry], tok: int) -> str | None:
        """The person (or entity) a short name stands for at token ``tok`` (see persons.yaml)."""
        named = [e.target for e in entries if e.kind == "name"]
        if named:
            return named[0]
        short = [e.target for e in entries if e.kind == "short"]
        coref = [e.target for e in entries if e.kind == "coref"]
        present = [c for c in dict.fromkeys([*short, *coref]) if c in self.full]
        if present:
            before = [(p, c) for c in present for p in self.full[c] if p < tok]
            if before:
                nearest_pos, nearest = max(before)
                counts = {c: sum(1 for p in self.full[c] if p < tok) for c in present}
                if tok - nearest_pos < _NEAR_TOKENS or counts[nearest] == max(counts.values()):
                    return nearest
                return max(present, key=lambda c: counts[c])
            return min((p, c) for c in present for p in self.full[c])[1]
        return short[0] if short else None

    # -- emitting -----------------------------------------------------------------------------------

    def entity_code(self, entity_id: str) -> str:
        person = self.unknown.get(entity_id)
        if person is not None:
            return person.code
        entity = self.kb.entities.get(entity_id)
        return entity.code_at(self.day) if entity is not None else UNKNOWN_COUNTRY

    def add(self, start_tok: int, end_tok: int, actor: str, pos: int, kind: str = "name") -> Cand:
        first = self.tokens[start_tok]
        entity = self.kb.entities.get(actor)
        gender = (
            entity.gender
            if entity is not None and kind == "name"
            else ("m" if actor in self.unknown else "?")
        )
        country = split_code(self.entity_code(actor))[0]
        cand = Cand(
            start=first.start,
            end=self.tokens[end_tok - 1].end,
            actor=actor,
            sentence=pos,
            tok=start_tok,
            gender=gender,
            country=None if country == UNKNOWN_COUNTRY else country,
            after_preposition=self._after_preposition(start_tok),
            genitive_marked=first.norm in _GENITIVE_MARKS,
            kind=entity.type if entity is not None else "person",
        )
        self.cands.append(cand)
        return cand

    def _after_preposition(self, tok: int) -> bool:
        preps = self.lex("prepositions") | self.lex("attribution")
        skip = self.lex("articles") | self.lex("possessive_masc") | self.lex("possessive_fem")
        k = tok - 1
        for _ in range(4):
            if k < 0:
                return False
            t = self.tokens[k]
            if t.norm in preps:
                return True
            if (
                t.norm in skip
                or t.kind == "num"
                or (t.kind == "word" and not t.upper and self.lang == "de")
            ):
                k -= 1
                continue
            return False
        return False

    def _emit_phrase(
        self, units: list[Unit], ph: Phrase, pos: int, deferred: list[tuple[Phrase, str]]
    ) -> None:
        spec = units[ph.unit].agent
        assert spec is not None
        role = self._phrase_role(units, ph)
        actors = self._phrase_actors(units, ph, role)
        if not actors:
            if ph.possessive is not None or (ph.quantified and spec.role in _QUANTIFIED_ROLES):
                deferred.append((ph, role))
            return
        for k, level in ph.consumed.items():
            units[k].consumed = max(units[k].consumed, level)
        for actor in actors:
            self.add(ph.start, ph.end, actor, pos, kind="phrase")
        if ph.ellipsis is not None:
            other = units[ph.ellipsis]
            if other.country and not other.country.startswith("IGO"):
                self.add(
                    other.i, other.j, self.kb.group(other.country + role).id, pos, kind="phrase"
                )
        if ph.person is not None:
            end_unit = next((k for k, unit in enumerate(units) if unit.j == ph.end), None)
            if end_unit is not None:
                self._affiliation_after(units, end_unit + 1, ph.person)

    def _phrase_role(self, units: list[Unit], ph: Phrase) -> str:
        spec = units[ph.unit].agent
        assert spec is not None
        if not spec.role:
            return ""
        if spec.weak:
            if ph.mod_role:
                return ph.mod_role
            if ph.comp_agent and ph.comp_role:
                return ph.comp_role
            if ph.leader_role:
                return ph.leader_role
        return spec.role

    def _phrase_actors(self, units: list[Unit], ph: Phrase, role: str) -> list[str]:
        spec = units[ph.unit].agent
        assert spec is not None
        country = ph.country or ph.comp_country
        countries = [country] if country else (ph.origins or ([ph.located] if ph.located else []))
        if ph.person is not None:
            unknown = self.unknown.get(ph.person)
            if unknown is not None:
                unknown.country = unknown.country or (countries[0] if countries else None)
                unknown.role = unknown.role or role or None
            return [ph.person]
        if ph.organisation is not None:
            return [ph.organisation]
        if not countries:
            return [spec.default] if spec.default else []
        if spec.weak and ph.country is None and ph.comp_kind == "country":
            return []  # "unter der Führung der USA": the country alone is the mention
        office = spec.office
        if (
            office is None
            and spec.weak
            and ph.mod_entity
            and self.tokens[units[ph.unit].j - 1].norm.endswith(tuple(_CHIEF_NOUNS))
        ):
            modifier = self.kb.entities.get(ph.mod_entity)
            office = modifier.chief if modifier is not None else None
        before = self.tokens[ph.start - 1].norm if ph.start > 0 else ""
        generic = before in self.lex("indefinite_articles")  # "ein Kreml-Sprecher": any one
        if office and ph.country and not ph.comp_agent and len(countries) == 1 and not generic:
            holder = self.office_holder(
                ph.country, office, "" if ph.country.startswith("IGO") else role
            )
            if holder is not None:
                return [holder]
        out: list[str] = []
        for c in countries:
            if c.startswith("IGO"):
                mod = ph.mod_entity
                out.append(
                    mod if mod and self.entity_code(mod).startswith(c) else self.kb.group(c).id
                )
            else:
                out.append(self.kb.group(c + role).id)
        return list(dict.fromkeys(out))

    def _standalone(self, units: list[Unit], pos: int) -> None:
        for u, unit in enumerate(units):
            if unit.consumed == 2:
                continue
            if unit.kind in ("name", "short", "coref") and unit.entity:
                if unit.seat and (self._is_place(units, u) or self._before_name_head(units, u)):
                    continue
                self.add(unit.i, unit.j, unit.entity, pos)
                entity = self.kb.entities.get(unit.entity)
                if entity is not None and entity.type == "person":
                    self._affiliation_after(units, u + 1, unit.entity)
            elif unit.kind == "event" and unit.entity:
                self.add(unit.i, unit.j, unit.entity, pos)
            elif unit.kind == "dem" and unit.country and self._demonym_is_mention(units, u):
                self.add(unit.i, unit.j, self.kb.group(unit.country).id, pos)
            elif unit.kind == "word" and self.tokens[unit.i].upper:
                found = self.unknown_name(units, u, titled=False)
                if found is not None:
                    last, person = found
                    for k in range(u, last):
                        units[k].consumed = 2
                    self.add(unit.i, units[last - 1].j, person, pos)
                    self._affiliation_after(units, last, person)
                    continue
                surname = self.surnames.get(self.tokens[unit.i].norm)
                if surname is not None:
                    self.add(unit.i, unit.j, surname, pos)

    def _demonym_is_mention(self, units: list[Unit], u: int) -> bool:
        unit = units[u]
        if self.lang == "de":
            # "die Deutsche Bahn": an adjectival demonym before a name is part of the name
            nxt = units[u + 1] if u + 1 < len(units) else None
            return not (
                "adj" in unit.kinds()
                and nxt is not None
                and nxt.kind == "word"
                and self.tokens[nxt.i].upper
            )
        if unit.plural:
            return True
        if u + 1 >= len(units):
            return True
        nxt = units[u + 1]
        return nxt.kind == "punct" or self.norm(nxt) in {
            "and",
            "or",
            "who",
            "said",
            "say",
            "says",
            "have",
            "has",
            "are",
            "were",
            "is",
            "was",
        }

    def _emit_deferred(self, units: list[Unit], ph: Phrase, role: str, pos: int) -> None:
        head = units[ph.unit]
        if ph.possessive is not None:
            cand = self._antecedent(pos, ph.possessive, ph.possessive_gender)
        else:
            cand = self._subject(pos, head.i)
        if cand is None or cand.country is None:
            return
        country = cand.country
        actor = self.kb.group(country if country.startswith("IGO") else country + role).id
        for k, level in ph.consumed.items():
            units[k].consumed = max(units[k].consumed, level)
        self.add(ph.start, ph.end, actor, pos, kind="phrase")

    # -- output -------------------------------------------------------------------------------------

    def _assemble(self) -> tuple[list[Actor], list[Mention]]:
        seen: set[tuple[int, int, str]] = set()
        cands: list[Cand] = []
        for cand in sorted(self.cands, key=lambda c: (c.start, -c.end)):
            key = (cand.start, cand.end, cand.actor)
            if key not in seen:
                seen.add(key)
                cands.append(cand)
        actors: dict[str, Actor] = {}
        mentions: list[Mention] = []
        for cand in cands:
            code = self.entity_code(cand.actor)
            actor = actors.get(cand.actor)
            if actor is None:
                actor = Actor(
                    id=cand.actor,
                    name=self._name(cand.actor),
                    type=self._type(cand.actor),
                    code=code,
                )
                actors[cand.actor] = actor
            actor.mentions.append((cand.start, cand.end))
            mentions.append(
                Mention(
                    cand.start,
                    cand.end,
                    self.text[cand.start : cand.end],
                    cand.actor,
                    code,
                    self.sentence_index[cand.sentence],
                )
            )
        return list(actors.values()), mentions

    def _name(self, actor: str) -> str:
        person = self.unknown.get(actor)
        if person is not None:
            return person.name
        entity = self.kb.entities.get(actor)
        return entity.display_name(self.lang) if entity is not None else actor

    def _type(self, actor: str) -> str:
        if actor in self.unknown:
            return "person"
        entity = self.kb.entities.get(actor)
        return entity.type if entity is not None else "group"
