"""Phrase rules: agent-noun phrases, appositions, affiliations and the place rule.

An agent noun ("Soldaten", "Sprecher", "Regierung") names an actor once the phrase around it
says whose it is:

* left modifiers: a country adjective ("nordkoreanische Soldaten"), a genitive name ("Chinas
  Außenministerium", "Kims Truppen", "Russia's army"), an English noun modifier ("US troops"),
  a compound modifier ("Kreml-Sprecher", "Nordkorea-Soldaten"), a possessive pronoun;
* right complements: a genitive ("Sprecher des chinesischen Außenministeriums"), an origin
  ("Soldaten aus Nordkorea"), a seat for institutions ("Regierung in Seoul"), an apposition
  ("Verteidigungsminister Sergej Schoigu", "Nachrichtenagentur KCNA").

A phrase with an office ("der russische Verteidigungsminister") names the office holder on
the document date.  The span runs from the first modifier (articles excluded) to the end of the
last complement; country names inside stay mentions of their own (nested), seats and
adjectives do not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Tok
from .kb import AgentSpec, KnowledgeBase, split_code
from .units import Unit

_QUOTES = frozenset("„“”\"«»‚‘›‹'")
_EN_ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ern", "ior", "ian", "ish", "ese", "ed")
_FALLBACK_OFFICE = {
    "head_of_state": "leader",
    "leader": "head_of_state",
    "head_of_government": "head_of_state",
}


@dataclass(slots=True)
class Phrase:
    """What the rules found around one agent noun."""

    unit: int  # index of the agent unit
    start: int  # first token of the span
    end: int  # one past the last token of the span
    country: str | None = None  # from a left modifier or the compound
    mod_role: str | None = None
    mod_entity: str | None = None  # an IGO, organisation or person in a modifier
    comp_country: str | None = None
    comp_role: str | None = None
    comp_agent: bool = False
    comp_kind: str = ""  # agent | country | person | organisation
    leader_role: str | None = None  # "Delegation rund um Verteidigungsminister X": X's role
    origins: list[str] = field(default_factory=list)
    located: str | None = None
    person: str | None = None  # apposition: a person's entity id
    organisation: str | None = None  # apposition: an organisation's entity id
    possessive: int | None = None  # token index of a possessive pronoun
    possessive_gender: str = ""
    quantified: bool = False
    ellipsis: int | None = None  # unit index of "russischen" in "russischen und chinesischen X"
    consumed: dict[int, int] = field(default_factory=dict)  # unit index -> consumed level


class PhraseRules:
    """Mixin of the document linker: the rules that read phrases from units."""

    kb: KnowledgeBase
    lang: str
    day: str | None
    text: str
    tokens: list[Tok]

    # -- helpers provided here, used by the linker --------------------------------------------------

    _lex_cache: dict[str, frozenset[str]]

    def lex(self, name: str) -> frozenset[str]:
        """A word list of lexicon.yaml for the document's language (case-folded)."""
        words = self._lex_cache.get(name)
        if words is None:
            words = self._lex_cache[name] = self.kb.lexicon.get(self.lang, name)
        return words

    def norm(self, unit: Unit) -> str:
        return self.tokens[unit.i].norm if unit.j - unit.i == 1 else ""

    def is_word(self, unit: Unit, name: str) -> bool:
        return unit.kind == "word" and self.norm(unit) in self.lex(name)

    def is_quote(self, unit: Unit) -> bool:
        return unit.kind == "punct" and self.tokens[unit.i].text in _QUOTES

    def is_plain_adjective(self, unit: Unit) -> bool:
        if unit.kind != "word":
            return False
        tok = self.tokens[unit.i]
        if tok.upper or tok.norm in self.lex("articles") or tok.norm in self.lex("prepositions"):
            return False
        if tok.norm in self.lex("coordinators") or tok.norm in self.lex("quantity_words"):
            return False
        if self.lang == "de":
            return tok.norm.endswith(("e", "en", "er", "es", "em"))
        return tok.norm in self.lex("adjective_words") or tok.norm.endswith(_EN_ADJECTIVE_ENDINGS)

    def is_quantity(self, unit: Unit) -> bool:
        if unit.kind == "num":
            return True
        return unit.kind == "word" and self.tokens[unit.i].norm in self.lex("quantity_words")

    def entity_code(self, entity_id: str) -> str:
        raise NotImplementedError  # the linker knows unknown persons too

    def entity_country(self, entity_id: str) -> str | None:
        country = split_code(self.entity_code(entity_id))[0]
        return country or None

    # -- the agent phrase -------------------------------------------------------------------------

    def agent_phrase(self, units: list[Unit], u: int) -> Phrase:
        head = units[u]
        spec = head.agent
        assert spec is not None
        ph = Phrase(unit=u, start=head.i, end=head.j)
        ph.consumed[u] = 2
        if spec.country:
            ph.country = spec.country
        if head.kind == "compound":
            self._compound_modifier(head, spec, ph)
        self._left(units, u, spec, ph)
        r = u + 1
        if (
            r < len(units)
            and self.is_quote(units[r])
            and ph.start < head.i
            and self.is_quote(units[u - 1])
        ):
            ph.end = units[r].j  # chinesische „Freiwillige“: the closing quote too
            r += 1
        r = self._apposition(units, r, spec, ph)
        if ph.person is None and ph.organisation is None:
            r = self._complements(units, r, spec, ph)
            self._comma_apposition(units, r, spec, ph)
        if spec.weak and ph.person is None:
            ph.leader_role = self._leader_role(units, r)
        return ph

    def _leader_role(self, units: list[Unit], r: int) -> str | None:
        """ "eine Delegation rund um Verteidigungsminister Schoigu": the leader's role (MIL)."""
        led_by = self.lex("led_by")
        if not led_by or r >= len(units) or self.norm(units[r]) not in led_by:
            return None
        for k in range(r + 1, min(len(units), r + 6)):
            unit = units[k]
            if unit.kind in ("name", "short", "coref") and unit.entity:
                entity = self.kb.entities.get(unit.entity)
                if entity is not None and entity.type == "person":
                    return split_code(self.entity_code(unit.entity))[1][:3] or None
                return None
            if unit.kind == "punct":
                return None
        return None

    def _compound_modifier(self, head: Unit, spec: AgentSpec, ph: Phrase) -> None:
        if head.mod_role:
            ph.mod_role = head.mod_role
        if head.mod_country and not spec.topic:
            ph.country = head.mod_country
        if head.mod_entity is None or spec.topic:
            return
        entity = self.kb.entities.get(head.mod_entity)
        code = self.entity_code(head.mod_entity)
        country, role = split_code(code)
        ph.country = country
        if entity is not None and entity.type != "country":
            ph.mod_entity = head.mod_entity
            if role:
                ph.mod_role = role

    def _left(self, units: list[Unit], u: int, spec: AgentSpec, ph: Phrase) -> None:
        k = u - 1
        skipped = 0
        possessives = self.lex("possessive_masc") | self.lex("possessive_fem")
        while k >= 0:
            unit = units[k]
            if unit.kind == "word" and self.norm(unit) in possessives:
                masc = self.norm(unit) in self.lex("possessive_masc")
                fem = self.norm(unit) in self.lex("possessive_fem")
                ph.possessive = unit.i
                ph.possessive_gender = (
                    "mn" if masc and not fem else "fpl" if fem and not masc else "mnfpl"
                )
                if ph.country is None:
                    ph.start = min(ph.start, unit.i)
                return
            if self.is_quote(unit) or (self.is_plain_adjective(unit) and skipped < 3):
                skipped += 1
                k -= 1
                continue
            if self.is_quantity(unit):
                ph.quantified = True
                k -= 1
                continue
            if (
                self.lang == "en"
                and unit.kind in ("agent", "compound")
                and unit.agent is not None
                and unit.consumed == 0
            ):
                if unit.agent.role and ph.mod_role is None:
                    ph.mod_role = unit.agent.role
                ph.start = min(ph.start, unit.i)
                ph.consumed[k] = 2
                k -= 1
                continue
            if "adj" in unit.kinds() and unit.kind in ("adj", "dem") and unit.country:
                if ph.country is None:
                    ph.country = unit.country
                ph.start = min(ph.start, unit.i)
                ph.consumed[k] = 2
                before = units[k - 2] if k >= 2 else None
                if (
                    before is not None
                    and self.is_word(units[k - 1], "coordinators")
                    and before.kind in ("adj", "dem")
                    and before.country
                    and "adj" in before.kinds()
                ):
                    ph.ellipsis = k - 2
                    ph.consumed[k - 2] = 2
                k -= 1
                continue
            if (
                unit.kind in ("name", "short", "coref")
                and unit.entity
                and (unit.genitive or self.tokens[unit.j - 1].poss)
            ):
                self._genitive_modifier(unit, k, ph)
                return
            if unit.kind == "name" and unit.entity and self.lang == "en":
                self._genitive_modifier(unit, k, ph, keep=False)
                return
            return

    def _genitive_modifier(self, unit: Unit, k: int, ph: Phrase, keep: bool = True) -> None:
        assert unit.entity is not None
        entity = self.kb.entities.get(unit.entity)
        country, role = split_code(self.entity_code(unit.entity))
        if ph.country is None:
            ph.country = country
        is_person_or_country = entity is None or entity.type in ("person", "country")
        if not is_person_or_country:
            ph.mod_entity = ph.mod_entity or unit.entity
        if role and ph.mod_role is None and entity is not None and entity.type != "country":
            ph.mod_role = role
        ph.start = min(ph.start, unit.i)
        ph.consumed[k] = 1 if keep and is_person_or_country and not unit.seat else 2

    def _apposition(self, units: list[Unit], r: int, spec: AgentSpec, ph: Phrase) -> int:
        n = len(units)
        while r < n and units[r].kind == "title":
            r += 1
        q = r + 1 if r < n and self.is_quote(units[r]) else r
        if q >= n:
            return r
        unit = units[q]
        if unit.kind in ("name", "short", "coref") and unit.entity:
            entity = self.kb.entities.get(unit.entity)
            kind = entity.type if entity is not None else "person"
            if kind == "person" and spec.person:
                ph.person = unit.entity
            elif kind in ("organisation", "group") and spec.inst and not unit.seat:
                ph.organisation = unit.entity
            else:
                return r
            for k in range(r, q + 1):
                ph.consumed[k] = 2
            end = q + 1
            if q != r and end < n and self.is_quote(units[end]):
                end += 1
            ph.end = units[end - 1].j
            return end
        if spec.person and unit.kind == "word" and q == r:
            found = self.unknown_name(units, q, titled=True, guess_country=not spec.topic)
            if found is not None:
                last, person = found
                ph.person = person
                for k in range(q, last):
                    ph.consumed[k] = 2
                ph.end = units[last - 1].j
                return last
        return r

    def _complements(self, units: list[Unit], r: int, spec: AgentSpec, ph: Phrase) -> int:
        n = len(units)
        if r >= n:
            return r
        unit = units[r]
        norm = self.norm(unit)
        if unit.kind == "word" and (
            norm in self.lex("genitive_articles")
            or norm == "of"
            or (self.lang == "de" and norm in ("von", "vom"))
        ):
            got = self._genitive_complement(units, r, ph)
            if got:
                return got
        elif (
            self.lang == "de"
            and unit.kind == "name"
            and unit.genitive
            and unit.entity
            and not unit.seat
            and ph.possessive is None
        ):
            self._take_name_complement(unit, r, ph)
            return r + 1
        if (
            unit.kind == "word"
            and norm in self.lex("from_prepositions")
            and norm not in ("von", "of")
        ):
            got = self._origins(units, r, ph)
            if got:
                return got
        if (
            unit.kind == "word"
            and norm in self.lex("in_prepositions")
            and (spec.inst or spec.role == "REB")
            and ph.country is None
        ):
            got = self._located(units, r, ph)
            if got:
                return got
        if unit.kind == "region":
            k = r
            while k < n and units[k].kind == "region":
                ph.origins.append(units[k].country or "")
                ph.consumed[k] = 2
                ph.end = units[k].j
                k += 1
                if (
                    k + 1 < n
                    and self.is_word(units[k], "coordinators")
                    and units[k + 1].kind == "region"
                ):
                    k += 1
            return k
        return r

    def _skip_articles(self, units: list[Unit], k: int) -> int:
        while k < len(units) and self.is_word(units[k], "articles"):
            k += 1
        return k

    def _genitive_complement(self, units: list[Unit], r: int, ph: Phrase) -> int:
        n = len(units)
        k = self._skip_articles(units, r + 1)
        adj_country = None
        while k < n:
            unit = units[k]
            if unit.kind in ("adj", "dem") and "adj" in unit.kinds() and unit.country:
                adj_country = adj_country or unit.country
                k += 1
            elif self.is_plain_adjective(unit) or self.is_quote(unit):
                k += 1
            else:
                break
        if k >= n:
            return 0
        unit = units[k]
        if unit.kind in ("agent", "compound") and unit.agent is not None:
            sub = Phrase(unit=k, start=unit.i, end=unit.j)
            if unit.kind == "compound":
                self._compound_modifier(unit, unit.agent, sub)
            country = adj_country or sub.country
            role = unit.agent.role
            if unit.agent.weak and sub.mod_role:
                role = sub.mod_role
            end = k + 1
            if (
                country is None
                and end < n
                and self.norm(units[end]) in self.lex("genitive_articles")
            ):
                deeper = Phrase(unit=k, start=unit.i, end=unit.j)
                got = self._genitive_complement(units, end, deeper)
                if got:
                    country = deeper.comp_country
                    end = got
                    for key, level in deeper.consumed.items():
                        ph.consumed[key] = level
            if country is None and unit.agent.default is None and sub.mod_entity is None:
                return 0
            ph.comp_country = country
            if (
                sub.mod_entity
                and self.kb.entities.get(sub.mod_entity) is not None
                and ph.mod_entity is None
            ):
                ph.mod_entity = sub.mod_entity
            if country is None and unit.agent.default:
                ph.comp_country = split_code(self.entity_code(unit.agent.default))[0]
                ph.mod_entity = ph.mod_entity or unit.agent.default
            ph.comp_role = role
            ph.comp_agent = True
            ph.comp_kind = "agent"
            for key in range(r, end):
                ph.consumed.setdefault(key, 2)
            ph.end = units[end - 1].j
            return end
        if unit.kind in ("name", "short", "coref") and unit.entity and not unit.seat:
            if unit.genitive and self.norm(units[r]) in ("von", "vom", "of"):
                return 0  # "Regime von Kim Jong-uns Großvater": the name belongs to the next noun
            for key in range(r, k):
                ph.consumed[key] = 2
            self._take_name_complement(unit, k, ph)
            return k + 1
        return 0

    def _take_name_complement(self, unit: Unit, k: int, ph: Phrase) -> None:
        assert unit.entity is not None
        entity = self.kb.entities.get(unit.entity)
        country, role = split_code(self.entity_code(unit.entity))
        ph.comp_country = country
        ph.comp_role = role or None
        ph.comp_kind = entity.type if entity is not None else "person"
        if entity is not None and entity.type not in ("country", "person"):
            ph.mod_entity = ph.mod_entity or unit.entity
        keep = entity is None or entity.type in ("country", "person")
        ph.consumed[k] = 1 if keep else 2
        ph.end = unit.j

    def _place_country(self, unit: Unit) -> str | None:
        if unit.kind == "region":
            return unit.country
        if unit.kind == "name" and unit.entity:
            entity = self.kb.entities.get(unit.entity)
            if entity is not None and (entity.type == "country" or unit.seat):
                return split_code(self.entity_code(unit.entity))[0]
        return None

    def _origins(self, units: list[Unit], r: int, ph: Phrase) -> int:
        n = len(units)
        k = self._skip_articles(units, r + 1)
        found: list[tuple[int, str]] = []
        while k < n:
            country = self._place_country(units[k])
            if country is None:
                break
            found.append((k, country))
            nxt = k + 1
            if nxt < n and self.is_word(units[nxt], "coordinators"):
                after = self._skip_articles(units, nxt + 1)
                if after < n and self._place_country(units[after]):
                    k = after
                    continue
            break
        if not found:
            return 0
        for key in range(r, found[-1][0] + 1):
            ph.consumed.setdefault(key, 2)
        for key, _ in found:
            ph.consumed[key] = 1 if units[key].kind == "name" and not units[key].seat else 2
        ph.origins = [c for _, c in found]
        ph.end = units[found[-1][0]].j
        return found[-1][0] + 1

    def _located(self, units: list[Unit], r: int, ph: Phrase) -> int:
        k = self._skip_articles(units, r + 1)
        if k >= len(units):
            return 0
        country = self._place_country(units[k])
        if country is None:
            return 0
        for key in range(r, k):
            ph.consumed.setdefault(key, 2)
        ph.consumed[k] = 1 if units[k].kind == "name" and not units[k].seat else 2
        ph.located = country
        ph.end = units[k].j
        return k + 1

    def _comma_apposition(self, units: list[Unit], r: int, spec: AgentSpec, ph: Phrase) -> None:
        if not spec.person or r + 1 >= len(units) or self.tokens[units[r].i].text != ",":
            return
        unit = units[r + 1]
        if unit.kind in ("name", "short", "coref") and unit.entity:
            entity = self.kb.entities.get(unit.entity)
            if entity is not None and entity.type == "person" and (ph.comp_agent or ph.country):
                ph.person = unit.entity
                ph.consumed[r] = 2
                ph.consumed[r + 1] = 2
                ph.end = unit.j

    # -- offices ----------------------------------------------------------------------------------

    def office_holder(self, country: str, office: str, role: str) -> str | None:
        """The holder of ``office`` on the document date, if their role agrees with the phrase."""
        holder = self.kb.holder(country, office, self.day)
        if holder is None and office in _FALLBACK_OFFICE:
            alternative = _FALLBACK_OFFICE[office]
            if office != "head_of_government" or not self.kb.holders(country, office):
                holder = self.kb.holder(country, alternative, self.day)
        if holder is None:
            return None
        if split_code(self.entity_code(holder))[1] != role:
            return None
        return holder

    # -- unknown names ----------------------------------------------------------------------------

    def unknown_name(
        self, units: list[Unit], k: int, *, titled: bool, guess_country: bool = True
    ) -> tuple[int, str] | None:
        raise NotImplementedError  # the linker keeps the register of unknown persons

    # -- affiliations -----------------------------------------------------------------------------

    def affiliation(self, units: list[Unit], r: int) -> tuple[int, str | None, str | None] | None:
        """ "von der US-Denkfabrik Wilson Center", "vom Londoner King's College": (end, country, role).

        The affiliation tells an unknown person's code and is not a mention of its own.
        """
        n = len(units)
        if r >= n or not self.is_word(units[r], "affiliation_prepositions"):
            return None
        k = self._skip_articles(units, r + 1)
        country: str | None = None
        role: str | None = None
        evidence = False
        start = k
        while k < n:
            unit = units[k]
            if unit.kind in ("adj", "dem") and unit.country:
                country = country or unit.country
            elif unit.kind in ("agent", "compound") and unit.agent is not None:
                role = role or unit.agent.role or None
                if unit.kind == "compound" and unit.mod_entity and not unit.agent.topic:
                    country = country or self.entity_country(unit.mod_entity)
                evidence = True
            elif unit.kind == "name" and unit.entity:
                entity = self.kb.entities.get(unit.entity)
                if entity is not None and entity.type == "country" and k == start:
                    return None
                c, rl = split_code(self.entity_code(unit.entity))
                country = country or c
                if not unit.seat:
                    role = role or rl or None
                evidence = True
            elif (
                unit.kind == "word"
                and self.tokens[unit.i].upper
                and not self.is_word(unit, "articles")
            ):
                pass
            else:
                break
            k += 1
        if k == start or not (evidence or country):
            return None
        for key in range(r, k):
            units[key].consumed = 2
        return k, country, role
