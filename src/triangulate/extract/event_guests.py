"""Guests, hosts and appearances together: the visit events that a sentence tells without
a visit verb ("Gäste aus China", "waren ... zu Gast", "zu den geladenen Gästen gehörten X",
"an der Seite von X und Y").  A mixin of the event coder (:mod:`.events`); the frames
themselves are found by :func:`.event_context.guest_frames` and
:func:`.event_context.alongside_frames`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Event, Mention, Sentence
from .event_args import Arg, country
from .event_context import (
    ContextRules,
    HostMemory,
    _implicit,
    alongside_frames,
    guest_frames,
)
from .event_lexicon import Entry, Lexicon

__all__ = ["GuestRules"]


@dataclass(slots=True)
class _Trigger:
    entry: Entry
    start: int
    end: int
    compound: Arg | None = None  # "UNO-Sanktionen", "Russland-Reise": the actor prefix


def _official(a: Arg) -> Arg:
    """A bare state as guest or host of a visit is its government ("Gäste aus China")."""
    m = a.mention
    if len(m.code) != 3 or m.code.startswith("IGO"):
        return a
    return Arg(Mention(m.start, m.end, m.text, m.actor_id, m.code + "GOV", m.sentence), a.prep)


class GuestRules:
    """The guest and appearance rules of :class:`.events._Extractor`."""

    if TYPE_CHECKING:  # provided by the event coder
        text: str
        ctx: ContextRules
        hosts: HostMemory
        lex: Lexicon
        _antecedent: Arg | None
        _pronoun: re.Pattern[str]

        def _clause(self, s: Sentence, pos: int) -> tuple[int, int]: ...

        def _event(
            self, i: int, s: Sentence, t: _Trigger, code: str, sa: Arg, ta: Arg, lo: int, hi: int
        ) -> Event | None: ...

        def _emit(
            self,
            i: int,
            s: Sentence,
            t: _Trigger,
            srcs: list[Arg],
            tgts: list[Arg],
            lo: int,
            hi: int,
            seen: set[tuple[str, ...]],
            out: list[Event],
        ) -> None: ...

    def _guests(
        self, i: int, s: Sentence, args: list[Arg], done: list[Event], seen: set[tuple[str, ...]]
    ) -> list[Event]:
        """Guests visit a host that the sentence or the text just before names."""
        out: list[Event] = []
        for f in guest_frames(
            self.text, args, s.start, s.end, lambda p: self._clause(s, p), self.ctx
        ):
            host = f.host or self._host_here(args, done, f.guests) or self.hosts.recent(i)
            if host is None:
                continue
            entry = dataclasses.replace(
                self.lex.entries[0], code=f.code, kind="verb" if f.predicate else "noun"
            )
            t = _Trigger(entry, f.trigger[0], f.trigger[1])
            lo, hi = self._clause(s, t.start)
            for g in f.guests:
                if country(g.mention.code) == country(host.mention.code) or any(
                    e.root == "04"
                    and g.mention.text
                    and g.mention.text in (e.source_text, e.target_text)
                    for e in done + out
                ):
                    continue
                h = host if s.start <= host.mention.start < s.end else _implicit(host)
                gg, h = _official(g), _official(h)
                src, tgt = (gg, h) if f.code == "042" else (h, gg)
                ev = self._event(i, s, t, f.code, src, tgt, lo, hi)
                if ev is not None:
                    if ev.date is None and self.hosts.sentence == i - 1 and self.hosts.date:
                        ev.date, ev.date_precision = self.hosts.date
                    out.append(ev)
        return out

    def _alongside(
        self, i: int, s: Sentence, args: list[Arg], seen: set[tuple[str, ...]]
    ) -> list[Event]:
        """Appearing together at an occasion "an der Seite von X" (040), the sentence's
        subject (or the antecedent of its pronoun) with each partner."""
        out: list[Event] = []
        for span, partners in alongside_frames(self.text, args, s.start, s.end, self.ctx):
            subj = next(
                (
                    a
                    for a in args
                    if a.prep is None and a.mention.start < span[0] and a not in partners
                ),
                None,
            )
            if (
                subj is None
                and self._antecedent is not None
                and self._pronoun.search(self.text, s.start, span[0])
            ):
                subj = _implicit(self._antecedent)
            if subj is None:
                continue
            entry = dataclasses.replace(self.lex.entries[0], code="040", kind="noun")
            t = _Trigger(entry, span[0], span[1])
            lo, hi = self._clause(s, span[0])
            self._emit(i, s, t, [subj], partners, lo, hi, seen, out)
        return out

    def _host_here(self, args: list[Arg], done: list[Event], guests: list[Arg]) -> Arg | None:
        """The host named in this sentence: of a visit or hosting event, a capital used as
        a place, or an unmarked actor of another country in the sentence."""
        gc = {country(g.mention.code) for g in guests}
        codes = [
            e.target if e.cameo in ("042", "040") else e.source for e in done if e.root == "04"
        ]
        for c in codes:
            a = next((x for x in args if x.mention.code == c and country(c) not in gc), None)
            if a is not None:
                return a
        for a in args:
            if a.mention.actor_id.startswith("place:") and country(a.mention.code) not in gc:
                return a
        return next(
            (
                a
                for a in args
                if a.prep is None and a not in guests and country(a.mention.code) not in gc
            ),
            None,
        )

    def _note_hosts(self, i: int, args: list[Arg], events: list[Event]) -> None:
        for e in events:
            if e.root != "04" or e.cameo not in ("042", "043"):
                continue
            c = e.target if e.cameo == "042" else e.source
            a = next((x for x in args if x.mention.code == c), None)
            if a is not None:
                self.hosts.note(i, a, (e.date, e.date_precision) if e.date else None)
        for a in args:
            if a.mention.actor_id.startswith("place:"):
                self.hosts.note(i, a)
