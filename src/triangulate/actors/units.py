"""Units: the tokens of a sentence grouped into what the gazetteer recognises.

A unit is one gazetteer match (a name, an adjective, an agent noun ...), a hyphen or closed
compound the rules can read ("Nordkorea-Soldaten", "Kreml-Sprecher", "Armeeausbilder",
"Armeeausbilder"), or a single plain token.  The phrase rules (phrases.py) then work on units.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer, Tok
from .kb import AgentSpec, KnowledgeBase

#: Which kind a unit takes when the gazetteer offers several (the others stay available).
_PRIORITY = ("name", "short", "coref", "agent", "dem", "adj", "title", "region")
_FUGEN = ("s", "es", "n", "en", "e")


@dataclass(slots=True)
class Cand:
    """A mention found: a span, the actor it names (an entity id) and what the rules know of it."""

    start: int
    end: int
    actor: str
    sentence: int  # position of the sentence in the document
    tok: int  # first token
    gender: str = "n"
    country: str | None = None
    after_preposition: bool = False
    genitive_marked: bool = False
    kind: str = "name"


@dataclass(slots=True)
class Unit:
    i: int  # first token (index into the document's tokens)
    j: int  # one past the last token
    kind: str  # name short coref agent dem adj title region compound event word num punct
    entries: list[Entry] = field(default_factory=list)
    entity: str | None = None  # resolved entity id (name, short, coref, event)
    country: str | None = None  # adj, dem, region: the country code
    agent: AgentSpec | None = None  # agent and compound: the head noun
    mod_entries: list[Entry] = field(default_factory=list)  # compound: the modifier's entries
    mod_entity: str | None = None  # compound: the modifier entity once resolved
    mod_country: str | None = None  # compound: a region or adjective modifier's country
    mod_role: str | None = None  # compound: the role of a domain-noun modifier ("Armee-")
    genitive: bool = False
    seat: bool = False
    plural: bool = False
    consumed: int = 0  # 0 free, 1 inside a phrase but also a mention itself, 2 inside a phrase only
    sentence: int = 0  # position of the sentence in the document

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries} | {self.kind}

    def first(self, kind: str) -> Entry | None:
        return next((e for e in self.entries if e.kind == kind), None)


class UnitBuilder:
    """Turns a sentence's tokens into units with one gazetteer and the knowledge base."""

    def __init__(self, kb: KnowledgeBase, gaz: Gazetteer, lang: str) -> None:
        self.kb = kb
        self.gaz = gaz
        self.lang = lang
        lex = kb.lexicon
        self.event_heads = lex.get(lang, "event_heads")

    def build(self, tokens: list[Tok], start: int, stop: int) -> list[Unit]:
        units: list[Unit] = []
        i = start
        while i < stop:
            tok = tokens[i]
            if tok.is_word:
                n, entries = self.gaz.longest(tokens, i, stop)
                if n:
                    units.append(self._from_entries(i, i + n, entries))
                    i += n
                    continue
                unit = self._compound(tok, i) if tok.kind == "word" else None
                if unit is not None:
                    units.append(unit)
                    i += 1
                    continue
            units.append(Unit(i, i + 1, tok.kind if tok.kind in ("num", "punct") else "word"))
            i += 1
        return units

    def _from_entries(self, i: int, j: int, entries: list[Entry]) -> Unit:
        kinds = {e.kind for e in entries}
        kind = next(k for k in _PRIORITY if k in kinds)
        unit = Unit(i, j, kind, entries)
        entry = unit.first(kind)
        assert entry is not None
        unit.genitive = entry.genitive
        unit.seat = entry.seat
        unit.plural = any(e.plural for e in entries)
        if kind == "name":
            unit.entity = entry.target
        elif kind in ("adj", "dem", "region"):
            unit.country = entry.target
        elif kind == "agent":
            unit.agent = entry.agent
        for e in entries:
            if e.kind in ("adj", "dem", "region") and unit.country is None:
                unit.country = e.target
            if e.kind == "agent" and unit.agent is None:
                unit.agent = e.agent
        return unit

    # -- compounds ------------------------------------------------------------------------------

    def _compound(self, tok: Tok, i: int) -> Unit | None:
        text = tok.text.replace("‐", "-").replace("‑", "-")
        if "-" in text.strip("-"):
            return self._hyphen_compound(text.strip("-"), i)
        if self.lang == "de" and tok.upper and len(text) >= 7:
            return self._closed_compound(text, i)
        return None

    def _head_agent(self, head: str) -> AgentSpec | None:
        entries = self.gaz.agent_word(head)
        return entries[0].agent if entries else None

    def _modifier(self, unit: Unit, mod: str) -> bool:
        """Fill a compound unit's modifier from ``mod``; False when the modifier means nothing."""
        entries = self.gaz.by_flat(mod, ("name", "short", "coref", "region"))
        if entries:
            unit.mod_entries = entries
            named = next((e for e in entries if e.kind == "name"), None)
            if named is not None:
                unit.mod_entity = named.target
            region = next((e for e in entries if e.kind == "region"), None)
            if region is not None and named is None:
                unit.mod_country = region.target
            return True
        for variant in self._fugen_variants(mod):
            domain = self.gaz.agent_word(variant)
            if domain and domain[0].agent is not None and domain[0].agent.role:
                unit.mod_role = domain[0].agent.role
                return True
        return False

    def _fugen_variants(self, word: str) -> list[str]:
        out = [word]
        for suffix in _FUGEN:
            if word.lower().endswith(suffix) and len(word) - len(suffix) >= 3:
                out.append(word[: -len(suffix)])
        return out

    def _hyphen_compound(self, text: str, i: int) -> Unit | None:
        parts = text.split("-")
        head, mod = parts[-1], "-".join(parts[:-1])
        if not head[:1].isupper():
            return None
        agent = self._head_agent(head)
        if agent is None and self.lang == "de" and len(head) >= 7:
            closed = self._closed_compound(head, i)
            if closed is not None and closed.kind == "compound" and closed.mod_entity is None:
                agent = closed.agent
        if agent is not None:
            unit = Unit(i, i + 1, "compound", agent=agent)
            self._modifier(unit, mod)
            return unit
        if head.casefold() in self.event_heads:
            unit = Unit(i, i + 1, "event")
            if self._modifier(unit, mod) and unit.mod_entries:
                unit.entries = unit.mod_entries
                unit.entity = unit.mod_entity
                return unit
            return None
        return None

    def _closed_compound(self, word: str, i: int) -> Unit | None:
        low = word.casefold()
        for k in range(3, len(low) - 3):
            entries = self.gaz.agent_word(low[k:])
            if not entries:
                continue
            agent = entries[0].agent
            if agent is None:
                continue
            unit = Unit(i, i + 1, "compound", agent=agent)
            known = self._modifier(unit, word[:k])
            if not agent.role and not (known and unit.mod_entity):
                return None  # "Nachbarland", "Ausland": no state named
            return unit
        return None
