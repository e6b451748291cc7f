"""Context rules of the linker: the place rule, antecedents and subjects, unknown persons.

* The place rule: a capital or seat after a place preposition ("in Peking", "im Kreml") or in
  a dateline ("Moskau/Pjöngjang –") is a place, not the government; an impersonal clause ("hat
  man in Peking registriert") or a reaction verb ("sorgt in Peking für Unmut") keeps it an actor.
* Antecedents of possessives ("seine Truppen") and subjects of quantified groups ("etwa 10.000
  Soldaten"): the first mention of the sentence (or the clause) that no preposition governs.
* Unknown persons: a capitalised name after a person noun ("Politologe Max Mustermann"), or a
  known given name / East Asian family name with a surname, registered with what the text says;
  their surnames link later mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Tok
from .kb import UNKNOWN_COUNTRY
from .phrases import PhraseRules
from .units import Cand, Unit

_ROMANISED = re.compile(r"^[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?$")
_NAME_PARTICLES = frozenset(
    {"von", "van", "de", "da", "del", "di", "al", "bin", "ibn", "le", "la", "du", "zu"}
)


@dataclass(slots=True)
class UnknownPerson:
    id: str
    name: str
    country: str | None = None
    role: str | None = None
    fallback: str | None = None
    surnames: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        country = self.country or self.fallback
        if country and country.startswith("IGO"):
            return country
        return (country or UNKNOWN_COUNTRY) + (self.role or "")


class ContextRules(PhraseRules):
    """Mixin of the document linker (state lives in the linker's ``_Document``)."""

    tokens: list[Tok]
    cands: list[Cand]
    unknown: dict[str, UnknownPerson]
    surnames: dict[str, str]

    def _antecedent(self, pos: int, tok: int, genders: str) -> Cand | None:
        def fits(c: Cand) -> bool:
            gender_ok = (
                c.gender == "?"
                or c.gender in ("m", "n")
                and "mn" in genders
                or c.gender in ("f", "pl")
                and "fpl" in genders
            )
            return (
                gender_ok
                and not c.after_preposition
                and not c.genitive_marked
                and c.country is not None
            )

        here = [c for c in self.cands if c.sentence == pos and c.tok < tok and fits(c)]
        if here:
            return min(here, key=lambda c: c.tok)
        before = [c for c in self.cands if c.sentence == pos - 1 and fits(c)]
        return min(before, key=lambda c: c.tok) if before else None

    def _subject(self, pos: int, tok: int) -> Cand | None:
        start = self._clause_start(tok)
        here = [
            c
            for c in self.cands
            if c.sentence == pos
            and start <= c.tok < tok
            and not c.after_preposition
            and not c.genitive_marked
            and c.country
        ]
        return min(here, key=lambda c: c.tok) if here else None

    def _clause_start(self, tok: int) -> int:
        breaks = self.lex("clause_breaks")
        k = tok - 1
        while (
            k >= 0
            and self.tokens[k].norm not in breaks
            and not (k + 1 <= tok and self.tokens[k].text in ".!?")
        ):
            k -= 1
        return k + 1

    # -- the place rule -----------------------------------------------------------------------------

    def _is_place(self, units: list[Unit], u: int) -> bool:
        """A seat is a place after a place preposition ("in Peking") or in a dateline."""
        unit = units[u]
        first = units[0].i
        prev = self.tokens[unit.i - 1] if unit.i - 1 >= first else None
        nxt = self.tokens[unit.j] if unit.j < len(self.tokens) and unit.j < units[-1].j else None
        if (prev is not None and prev.text == "/") or (nxt is not None and nxt.text == "/"):
            return True
        if self._dateline(unit.i):
            return True
        if prev is None or prev.norm not in self.lex("place_prepositions"):
            return False
        if unit.i - 2 >= first and self.tokens[unit.i - 2].norm in self.lex("reaction_verbs"):
            return False
        return not self._impersonal_clause(unit.i, first, units[-1].j)

    def _dateline(self, i: int) -> bool:
        k = i
        while k > 0 and not self.tokens[k].line_start:
            k -= 1
        if i - k > 5:
            return False
        dashes = self.lex("dashes")
        for m in range(k, min(len(self.tokens), k + 8)):
            t = self.tokens[m]
            if m > k and t.line_start:
                return False
            if t.text in dashes and m > i:
                return True
            if t.kind == "word" and not t.upper:
                return False
        return False

    def _impersonal_clause(self, i: int, first: int, stop: int) -> bool:
        breaks = self.lex("clause_breaks")
        impersonal = self.lex("impersonal")
        if not impersonal:
            return False
        k = i - 1
        while k >= first and self.tokens[k].norm not in breaks:
            if self.tokens[k].norm in impersonal:
                return True
            k -= 1
        k = i + 1
        while k < stop and self.tokens[k].norm not in breaks:
            if self.tokens[k].norm in impersonal:
                return True
            k += 1
        return False

    def _before_name_head(self, units: list[Unit], u: int) -> bool:
        if u + 1 >= len(units):
            return False
        nxt = self.tokens[units[u + 1].i]
        return nxt.upper and nxt.norm in self.lex("name_heads")

    # -- unknown persons ----------------------------------------------------------------------------

    def unknown_name(
        self, units: list[Unit], k: int, *, titled: bool, guess_country: bool = True
    ) -> tuple[int, str] | None:
        """An unknown person's name starting at unit ``k``: (end unit, person id) or None.

        Without a title the name must start with a known given name ("Alexander Kalinin") or a
        Chinese/Korean family name ("Feng Yujun"); a name alone on its line (byline) is skipped.
        ``guess_country``: take the country of the nearest mention before when the text gives
        none (not for experts, whose country is rarely the topic's).
        """
        parts: list[int] = []
        m = k
        stop_words = self.lex("articles") | self.lex("prepositions") | self.lex("coordinators")
        while m < len(units) and len(parts) < 4:
            unit = units[m]
            tok = self.tokens[unit.i]
            if (
                unit.kind == "word"
                and tok.kind == "word"
                and tok.upper
                and tok.norm not in stop_words
                and unit.consumed == 0
            ):
                parts.append(m)
                m += 1
                continue
            if (
                parts
                and unit.kind == "word"
                and tok.norm in _NAME_PARTICLES
                and m + 1 < len(units)
                and self.tokens[units[m + 1].i].upper
            ):
                parts.append(m)
                m += 1
                continue
            break
        if not parts:
            return None
        first = self.tokens[units[parts[0]].i]
        if len(parts) == 1:
            person = self.surnames.get(first.norm)
            return (parts[0] + 1, person) if titled and person else None
        lex = self.kb.lexicon
        second = self.tokens[units[parts[1]].i]
        if not titled:
            east_asian = first.text in lex.east_asian_surnames and _ROMANISED.match(second.text)
            if first.text not in lex.given_names and not east_asian:
                return None
            after = units[parts[-1] + 1] if parts[-1] + 1 < len(units) else None
            if first.line_start and (after is None or self.tokens[after.i].line_start):
                return None  # a byline or signature: the name is the whole line
        start = self.tokens[units[parts[0]].i].start
        end = self.tokens[units[parts[-1]].j - 1].end
        name = self.text[start:end]
        family_first = (
            len(parts) == 2
            and first.text in lex.east_asian_surnames
            and bool(_ROMANISED.match(second.text))
        )
        surname = first.norm if family_first else self.tokens[units[parts[-1]].i].norm
        pid = self._register(
            name, surname, units[parts[0]].sentence, units[parts[0]].i, guess=guess_country
        )
        return parts[-1] + 1, pid

    def _register(self, name: str, surname: str, pos: int, tok: int, *, guess: bool) -> str:
        pid = "p:" + re.sub(r"\W+", "_", name.casefold()).strip("_")
        person = self.unknown.get(pid)
        if person is None:
            person = UnknownPerson(
                pid, name, fallback=self._nearby_country(pos, tok) if guess else None
            )
            self.unknown[pid] = person
            person.surnames.append(surname)
            self.surnames.setdefault(surname, pid)
        return pid

    def _nearby_country(self, pos: int, tok: int) -> str | None:
        for cand in reversed(self.cands):
            if cand.sentence < pos - 1:
                break
            if cand.tok < tok and cand.country and not cand.country.startswith("IGO"):
                return cand.country
        return None

    def _affiliation_after(self, units: list[Unit], r: int, person: str) -> None:
        got = self.affiliation(units, r)
        if got is None:
            return
        _, country, role = got
        unknown = self.unknown.get(person)
        if unknown is not None:
            unknown.country = unknown.country or country
            unknown.role = unknown.role or role
