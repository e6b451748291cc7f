"""Event coding: who did what to whom, with CAMEO code, status, date and place.

``extract_events(text, sentences, lang, published, mentions)`` reads each sentence
with the trigger lexicon (``lang/<lang>/event_lexicon.yaml``), finds source and
target among the actor mentions (:mod:`.event_args`), codes the event from the
codes table (:mod:`.event_codes`), decides its status (:mod:`.event_status`,
precedence denied > negated > hypothetical > planned > attributed > asserted) and
resolves its date from a time expression of the same clause or sentence
(:func:`triangulate.language.temporal.find_times`).  Participants the clause does not
name -- genitive attributes, a shared subject, "Beide", guests and their host, the
partner of "bilateral", a recipient "das Land" -- come from :mod:`.event_context`
(data in ``lang/<lang>/event_context.yaml``).  Rules and data only: no
sentence-specific rules.  Never raises.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import hashlib
import re
from importlib import resources

from ..language.quotes import quote_pairs
from ..model import Analysis, Event, Mention, Sentence
from .attribution import AUTHOR, DocumentAttribution
from .event_args import (
    Arg,
    antecedent,
    arguments,
    coordinated,
    country,
    outermost,
    prepositions,
    zu_infinitive,
)
from .event_codes import lookup
from .event_context import (
    HostMemory,
    Slot,
    context_arguments,
    context_rules,
    destination_mentions,
    instead_copies,
    instrument_arguments,
    mark_genitives,
    nominal_targets,
    war_deployments,
)
from .event_dates import DateFinder, carry_meeting_dates, location
from .event_guests import GuestRules, _Trigger
from .event_lexicon import LEXICON_FILES, data_text, lexicon
from .event_status import (
    EN_ACCUSED_OF,
    StatusCues,
    clause_bounds,
    clause_breaks,
    en_status,
    has,
    negated,
    scoped,
    status_cues,
)

__all__ = ["EventStage", "extract_events"]

RULES_VERSION = "5"
_PRECEDENCE = ("denied", "negated", "hypothetical", "planned", "attributed", "asserted")
_SYMMETRIC = ("04", "05")
_INTENT_CODE = {
    "04": "036",
    "05": "032",
    "061": "0311",
    "062": "0312",
    "06": "031",
    "072": "0332",
    "07": "033",
    "08": "035",
}
_PRONOUN = re.compile(
    r"(?<![\w-])(?:[Ee]r|[Ss]ie|[Ee]s|das Land|die Regierung|das Regime|[Dd]ieser|Das Land|Die Regierung|Das Regime|"
    r"He|he|She|she|It|it|They|they|the country|the government|The country|The government)(?![\w-])"
)


_PRONOUN_SUBJECT = re.compile(
    r"\W*(?:(?:Und|Auch|Doch|Aber|Dann|Danach|Später|Zudem|And|But|Then|Later)\s+)?"
    r"(?:Er|Sie|Es|er|sie|es|He|She|It|They|he|she|it|they)\s"
)
# "in die russische Provinz Kursk": a country adjective on a destination
_PLACE_PREP = re.compile(r"(?<![\w-])(?:in|nach|ins|into|to)\s+(?:die|den|das|dem|der|the)?\s*$")
# English: a country adjective opening an object noun phrase ("blacklisted two Chinese
# shipping firms", "condemned the Iranian decision") stands for its country
_EN_NP_DET = re.compile(
    r"(?<![\w-])(?:the|a|an|two|three|four|five|six|seven|eight|nine|ten|several|some|"
    r"many|\d[\d,]*|its|their|his|her)\s+$",
    re.IGNORECASE,
)
_EN_NP_NEXT = re.compile(r"\s+[a-z][a-z-]+")
# an apposition that makes a named speaker an expert or a former official, not a state voice
_EN_NOT_OFFICIAL = re.compile(
    r"[\w .'’-]{0,30},\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:researcher|analyst|fellow|"
    r"professor|expert|scholar|academic|lecturer|economist|former)\b",
    re.IGNORECASE,
)
_HARM = ("14", "15", "17", "18", "19", "20")
_EN_PASSIVE = re.compile(
    r"(?<![\w-])(?:been|was|were|is|are|be|being|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
_EN_BY = re.compile(r"(?<![\w-])by(?![\w-])", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\s*(?:dass|daß|ob|that|whether)\s", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
# "..., wonach Russland ...": the clause reports what the previous clause's source says
_REPORTIVE_CLAUSE = re.compile(
    r"\s*(?:wonach|demnach|demzufolge|denen zufolge|nach denen|according to which)\s", re.IGNORECASE
)
_DENIED_OBJECT = {
    "de": re.compile(
        r"(?<![\w-])(?:Vorw[uü]rfe?|Anschuldigung\w*|Bericht\w*|Darstellung\w*|Behauptung\w*|Angaben)(?![\w-])"
    ),
    "en": re.compile(
        r"(?<![\w-])(?:accusations?|allegations?|claims?|reports?|charges?)(?![\w-])", re.IGNORECASE
    ),
}
_NOT_OFFICIAL = ("MED", "ELI", "EDU", "CVL", "BUS", "LAB")
_RECIPROCAL = {
    "de": re.compile(
        r"(?<![\w-])(?:beide[n]?\s+(?:Ländern?|Staaten|Regierungen|Seiten|Regime|Staatschefs|Staatsoberhäupter|Verbündeten|Machthaber)|die beiden|einander|gegenseitig\w*|bilateral\w*)(?![\w-])"
    ),
    "en": re.compile(
        r"(?<![\w-])(?:both (?:countries|states|governments|sides|leaders)|the two (?:countries|states|leaders|sides)|each other|one another|bilateral)(?![\w-])",
        re.IGNORECASE,
    ),
}


def _implicit(a: Arg) -> Arg:
    m = a.mention
    return Arg(Mention(m.start, m.end, "", m.actor_id, m.code, m.sentence), None)


def _anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        parts = [int(p) for p in str(published)[:10].split("-")]
        while len(parts) < 3:
            parts.append(1)
        return dt.date(parts[0], parts[1], parts[2])
    except (ValueError, TypeError):
        return None


class _Extractor(GuestRules):
    _pronoun = _PRONOUN

    def __init__(
        self,
        text: str,
        sentences: list[Sentence],
        lang: str,
        published: str | None,
        mentions: list[Mention],
    ) -> None:
        self.text = text
        self.lang = "en" if str(lang or "").lower().startswith("en") else "de"
        self.sentences = [s for s in sentences if 0 <= s.start < s.end <= len(text)]
        self.anchor = _anchor(published)
        self.mentions = sorted(mentions or [], key=lambda m: (m.start, m.end))
        self.lex = lexicon(self.lang)
        self.cues: StatusCues = status_cues(self.lang)
        self.quotes = quote_pairs(text)
        self.attr = DocumentAttribution(
            text, [(s.start, s.end) for s in self.sentences], self.lang, self.quotes
        )
        self.dates = DateFinder(text, self.lang, self.anchor, self.sentences)
        self._antecedent: Arg | None = None
        self._doc_hits: dict[re.Pattern[str], list[tuple[int, int]]] = {}
        self._asked: dict[re.Pattern[str], int] = {}
        self._breaks: dict[int, list[tuple[int, int]]] = {}
        self.ctx = context_rules(self.lang)
        self.hosts = HostMemory()
        self._recent: list[list[Arg]] = []  # the arguments of the last three sentences

    def _clauses(self, s: Sentence) -> list[tuple[int, int]]:
        out = []
        pos = s.start
        while pos < s.end:
            lo, hi = self._clause(s, pos)
            out.append((lo, hi))
            pos = max(hi + 1, pos + 1)
        return out

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Event]:
        out: list[Event] = []
        self._done = out  # the events of the sentences before (nominal_targets)
        prev_args: list[Arg] = []
        prev_events: list[Event] = []
        for i, s in enumerate(self.sentences):
            ms = outermost([m for m in self.mentions if s.start <= m.start and m.end <= s.end])
            ms = outermost(ms + self._adjective_mentions(s, ms) + self._capital_mentions(s, ms))
            ms = outermost(
                ms + destination_mentions(self.text, s.start, s.end, s.index, ms, self.lang)
            )
            args = prepositions(self.text, ms, s.start, self.lang)
            mark_genitives(self.text, args, ms, s.start, self.ctx)
            events = self._sentence(i, s, args, prev_args, self._antecedent)
            events += self._denied_copies(s, events, prev_events)
            out.extend(events)
            if any(e.root not in ("01", "12") for e in events):
                prev_events = events
            if args:
                prev_args = args
                self._recent = [*self._recent[-2:], args]
                if not _PRONOUN_SUBJECT.match(self.text, s.start) or self._antecedent is None:
                    self._antecedent = antecedent(self.text, args, self._clauses(s))
        out = war_deployments(out)
        carry_meeting_dates(out, [s.start for s in self.sentences])
        return out

    def _denied_copies(self, s: Sentence, events: list[Event], prev: list[Event]) -> list[Event]:
        """GOLD rule 12: "X hat den Vorwurf zurückgewiesen" also records the denied event
        (told in the sentence before) again, with status denied."""
        out: list[Event] = []
        for d in events:
            if (
                d.root != "12"
                or not _DENIED_OBJECT[self.lang].search(
                    self.text, d.trigger[0], min(s.end, d.trigger[1] + 60)
                )
                and not _DENIED_OBJECT[self.lang].search(
                    self.text, max(s.start, d.trigger[0] - 60), d.trigger[0]
                )
            ):
                continue
            denier = country(d.source)
            for e in prev:
                if e.root in ("01", "12") or denier not in (country(e.source), country(e.target)):
                    continue
                if any(
                    x.cameo == e.cameo and x.source == e.source and x.target == e.target
                    for x in out
                ):
                    continue
                out.append(
                    Event(
                        source=e.source,
                        target=e.target,
                        cameo=e.cameo,
                        sentence=(s.start, s.end),
                        trigger=d.trigger,
                        root=e.root,
                        plover=e.plover,
                        goldstein=e.goldstein,
                        status="denied",
                        attributed_to=d.source,
                        date=e.date,
                        date_precision=e.date_precision,
                        location=e.location,
                    )
                )
        return out

    def _adjective_mentions(self, s: Sentence, ms: list[Mention]) -> list[Mention]:
        """Country adjectives right before an event noun ("den russischen Einmarsch")."""
        out: list[Mention] = []
        lex = self.lex
        for m in lex.adjectives.finditer(self.text, s.start, s.end):
            if any(x.start < m.end() and m.start() < x.end for x in ms):
                continue
            before = self.text[max(s.start, m.start() - 14) : m.start()]
            if (
                not lex.nouns.match(self.text, m.end())
                and not _PLACE_PREP.search(before)
                and not (
                    self.lang == "en"
                    and _EN_NP_DET.search(before)
                    and _EN_NP_NEXT.match(self.text, m.end())
                )
            ):
                continue
            code = lex.adjective_codes.get(m.group(1).lower())
            if code:
                out.append(Mention(m.start(), m.end(), m.group(), "adj:" + code, code, s.index))
        return out

    def _capital_mentions(self, s: Sentence, ms: list[Mention]) -> list[Mention]:
        """Capitals used as places ("in Peking eingetroffen"): the host government."""
        out: list[Mention] = []
        lex = self.lex
        for m in lex.capitals.finditer(self.text, s.start, s.end):
            a, b = m.span(1)
            if any(x.start < b and a < x.end for x in ms):
                continue
            code = lex.capital_codes.get(m.group(1))
            if code:
                out.append(Mention(a, b, m.group(1), "place:" + code, code, s.index))
        return out

    def _clause(self, s: Sentence, pos: int) -> tuple[int, int]:
        breaks = self._breaks.get(s.start)
        if breaks is None:
            breaks = self._breaks[s.start] = clause_breaks(self.text, s.start, s.end)
        return clause_bounds(self.text, s.start, s.end, pos, breaks)

    def _hits(self, pattern: re.Pattern[str], s: Sentence) -> list[tuple[int, int]]:
        """The matches of a trigger pattern inside sentence ``s``.  A pattern asked for in a
        few sentences runs on them; one asked for often runs once over the whole document
        (the word pre-check makes most patterns rare)."""
        hits = self._doc_hits.get(pattern)
        if hits is None:
            asked = self._asked[pattern] = self._asked.get(pattern, 0) + 1
            if asked <= 3:
                return [
                    m.span()
                    for m in pattern.finditer(self.text, s.start, s.end)
                    if m.end() <= s.end
                ]
            hits = self._doc_hits[pattern] = [m.span() for m in pattern.finditer(self.text)]
        k = bisect.bisect_left(hits, (s.start, -1))
        out = []
        while k < len(hits) and hits[k][0] < s.end:
            if hits[k][1] <= s.end:
                out.append(hits[k])
            k += 1
        return out

    def _triggers(self, s: Sentence, args: list[Arg]) -> list[_Trigger]:
        text = self.text
        found: list[_Trigger] = []
        words = set(_WORD.findall(text[s.start : s.end].lower()))
        words.update(p for w in list(words) if "-" in w for p in w.split("-"))
        for e in self.lex.candidates(words):
            for a, b in self._hits(e.pattern, s):
                if any(t.start < b and a < t.end for t in found):
                    continue
                host = next((x for x in args if x.mention.start <= a and b <= x.mention.end), None)
                if host is not None and not (
                    e.compound and b == host.mention.end and text[a - 1 : a] == "-"
                ):
                    continue
                if self.lang == "de":
                    first = text[a]
                    initial = a == s.start or not text[s.start : a].strip(" \"„“»«‚‘'()-–")
                    if e.kind == "noun" and not first.isupper():
                        continue
                    if e.kind == "verb" and first.isupper() and not initial:
                        continue
                lo, hi = self._clause(s, a)
                if e.need is not None and not e.need.search(text, max(lo, a - 70), min(hi, b + 70)):
                    continue
                if e.particle is not None and not e.particle.search(text, b, hi):
                    continue
                reach = 90 if e.receive else 40  # "von Russland ... erhalten": the giver precedes
                if e.require_target and not any(
                    x.prep in e.targets and x.mention.start >= a - reach for x in args
                ):
                    continue
                found.append(_Trigger(e, a, b, host))
        found.sort(key=lambda t: t.start)
        return found

    # ---------------------------------------------------------------- sentence
    def _sentence(
        self, i: int, s: Sentence, args: list[Arg], prev_args: list[Arg], ante: Arg | None
    ) -> list[Event]:
        text = self.text
        out: list[Event] = []
        seen: set[tuple[str, ...]] = set()
        implicit = _implicit(ante) if ante is not None else None
        all_args = args
        for t in self._triggers(s, all_args):
            # a city named as a destination stands for its country only for travel (04)
            args = all_args if t.entry.code[:2] == "04" else [
                a for a in all_args if not a.mention.actor_id.startswith("dest:")
            ]  # fmt: skip
            lo, hi = self._clause(s, t.start)
            srcs, tgts = arguments(
                text,
                args,
                lo,
                hi,
                t.start,
                t.end,
                t.entry.kind,
                t.entry.targets,
                self.lang,
                implicit,
            )
            acc = EN_ACCUSED_OF.search(text, max(s.start, t.start - 60), t.start)
            if self.lang == "en" and acc is not None and not t.entry.speech:
                accused = [a for a in args if acc.start() < a.mention.start < acc.end()]
                if accused:  # "accused Iran of supplying drones": Iran supplies
                    srcs = accused[:1]
                    tgts = [a for a in tgts if a is not accused[0]]
            if not srcs and implicit is not None and _PRONOUN.search(text, lo, t.start):
                srcs = [implicit]
            if t.compound is not None:
                srcs = [x for x in srcs if x is not t.compound]
                tgts = [x for x in tgts if x is not t.compound]
                if t.entry.compound == "source":
                    srcs = [t.compound]
                else:
                    tgts = [t.compound]
                    if not srcs and implicit is not None:
                        srcs = [implicit]
            if t.entry.receive:
                srcs, tgts = tgts, srcs
            if t.entry.speech:
                srcs, tgts = self._speech(s, args, t, srcs)
            else:
                prev_clause = self._clause(s, lo - 2) if lo > s.start + 1 else None
                slot = Slot(
                    lo, hi, t.start, t.end, t.entry.kind, t.entry.code, t.entry.targets,
                    s.start, s.end, prev_clause,
                )  # fmt: skip
                pool = [a for recent in self._recent for a in recent] + args
                srcs, tgts = context_arguments(
                    text, args, prev_args, pool, srcs, tgts, slot, implicit,
                    _RECIPROCAL[self.lang], self.ctx,
                )  # fmt: skip
                if not tgts:
                    isrcs, itgts = instrument_arguments(text, args, slot, out, self.ctx)
                    if itgts:
                        srcs, tgts = isrcs, itgts
            if srcs and not tgts and t.entry.kind == "verb" and not t.entry.speech:
                codes = nominal_targets(
                    text, t.end, s.start, self._done, self.lang, srcs[0].mention.code
                )
                tgts = [
                    Arg(Mention(t.end, t.end, "", "anaphor:" + c, c, s.index), None) for c in codes
                ]  # fmt: skip
            if srcs and not tgts and t.entry.implicit_target and prev_args:
                cs = {country(a.mention.code) for a in srcs}
                prev = next(
                    (a for a in prev_args if a.prep is None and country(a.mention.code) not in cs),
                    None,
                )
                if prev is not None:
                    tgts = [_implicit(prev)]
            if not srcs and len(tgts) >= 2:
                srcs, tgts = tgts, []
            if srcs and srcs[0].prep in ("zwischen", "between"):  # "Krieg zwischen X und Y"
                pair = coordinated(text, args, srcs[0])
                if len(pair) >= 2:
                    self._reciprocal(i, s, t, pair[:2], lo, hi, seen, out)
                    continue
            if not tgts and (len(srcs) >= 2 or not srcs):
                pair = srcs if len(srcs) >= 2 else self._pair(i, s, args, lo, hi, prev_args)
                if len(pair) >= 2 and (
                    t.entry.kind != "noun" or t.entry.code[:2] in (*_SYMMETRIC, "03")
                ):
                    self._reciprocal(i, s, t, pair, lo, hi, seen, out)
                continue
            if not srcs or not tgts or self._agentless_passive(t, lo, hi):
                continue
            self._emit(i, s, t, srcs, tgts, lo, hi, seen, out)
        args = [a for a in all_args if not a.mention.actor_id.startswith("dest:")]
        out.extend(self._presence(i, s, args, seen))
        out.extend(self._guests(i, s, all_args, out, seen))
        out.extend(self._alongside(i, s, args, seen))
        out.extend(instead_copies(self.text, out, args, lambda p: self._clause(s, p), self.ctx))
        self._note_hosts(i, all_args, out)
        # a statement is not coded 010 when its speaker has a more specific event here (rule 3)
        specific = {country(e.source) for e in out if e.root != "01"}
        out = [e for e in out if e.root != "01" or country(e.source) not in specific]
        return out

    def _agentless_passive(self, t: _Trigger, lo: int, hi: int) -> bool:
        """English "soldiers had been killed" without a "by" agent: the clause names the
        victims only, so the actor of another clause (the speaker) is no source."""
        if self.lang != "en" or t.entry.code[:2] not in _HARM or t.entry.kind != "verb":
            return False
        before, after = self.text[lo : t.start], self.text[t.end : hi]
        return bool(_EN_PASSIVE.search(before)) and not _EN_BY.search(after)

    def _speech(
        self, s: Sentence, args: list[Arg], t: _Trigger, srcs: list[Arg]
    ) -> tuple[list[Arg], list[Arg]]:
        """A statement by an official (not media, experts) about another actor -> 010."""

        def dist(a: Arg) -> int:
            return a.mention.start - t.end if a.mention.start >= t.end else t.start - a.mention.end

        speaker = [a for a in args if a.prep in (None, "aus", "von", "seitens") and dist(a) < 40]
        speaker = [a for a in speaker if a.mention.code[3:6] not in _NOT_OFFICIAL]
        if not speaker:
            return [], []
        sp = min(speaker, key=dist)
        if self.lang == "en" and _EN_NOT_OFFICIAL.match(self.text, sp.mention.end, s.end):
            return [], []  # "..., said Li Wei, a researcher at ..."
        about = [
            a for a in args if a is not sp and country(a.mention.code) != country(sp.mention.code)
        ]
        if not about:
            return [sp], []
        group = coordinated(self.text, args, about[0])  # one entry per actor spoken about
        return [sp], [a for a in group if country(a.mention.code) != country(sp.mention.code)]

    def _pair(
        self, i: int, s: Sentence, args: list[Arg], lo: int, hi: int, prev_args: list[Arg]
    ) -> list[Arg]:
        """Two participants of a reciprocal event: coordinated mentions in the clause,
        or the two last-named actors for "beide Länder", "einander"."""
        unmarked = [
            a
            for a in args
            if lo <= a.mention.start < hi and a.prep in (None, "zwischen", "between")
        ]
        for k in range(len(unmarked) - 1):
            grp = [unmarked[k], unmarked[k + 1]]
            gap = self.text[grp[0].mention.end : grp[1].mention.start]
            if re.fullmatch(r"\s*(?:,|und|sowie|and|&)\s*(?:die|der|den|das|the)?\s*", gap):
                return grp
        if _RECIPROCAL[self.lang].search(self.text, lo, hi):
            pool = [a for a in prev_args + args if a.mention.start < hi]
            out: list[Arg] = []
            for a in reversed(pool):
                if all(country(a.mention.code) != country(b.mention.code) for b in out):
                    out.insert(0, _implicit(a))
                if len(out) == 2:
                    return out
        return []

    def _reciprocal(
        self,
        i: int,
        s: Sentence,
        t: _Trigger,
        pair: list[Arg],
        lo: int,
        hi: int,
        seen: set[tuple[str, ...]],
        out: list[Event],
    ) -> None:
        self._emit(i, s, t, pair[:1], pair[1:2], lo, hi, seen, out)
        if t.entry.code[:2] not in _SYMMETRIC:
            self._emit(i, s, t, pair[1:2], pair[:1], lo, hi, seen, out)

    def _presence(
        self, i: int, s: Sentence, args: list[Arg], seen: set[tuple[str, ...]]
    ) -> list[Event]:
        """Troops of one state in another ("US-Truppen in Südkorea") -> 062 (GOLD rule 13)."""
        out: list[Event] = []
        for k in range(len(args) - 1):
            a, b = args[k], args[k + 1]
            if a.mention.code[3:6] != "MIL" or b.prep not in ("in", "nach", "zu"):
                continue
            gap = self.text[a.mention.end : b.mention.start]
            if len(gap.split()) > 4 or country(a.mention.code) == country(b.mention.code):
                continue
            code = "062"
            key = (country(a.mention.code), country(b.mention.code), code[:2])
            if key in seen:
                continue
            seen.add(key)
            trig = _Trigger(self.lex.entries[0], a.mention.start, b.mention.end)
            lo, hi = self._clause(s, a.mention.start)
            ev = self._event(i, s, trig, code, a, b, lo, hi)
            if ev is not None:
                out.append(ev)
        return out

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
    ) -> None:
        code = t.entry.code
        for sa in srcs:
            for ta in tgts:
                cs, ct = country(sa.mention.code), country(ta.mention.code)
                if not cs or not ct or cs == ct:
                    continue
                root = code[:2]
                key: tuple[str, ...] = (cs, ct, code if root in _SYMMETRIC else root)
                person = ("with", cs, ct, ta.mention.actor_id)
                if key in seen and root == "04" and person not in seen:
                    # "er traf Kim Jong-il, er traf Kim Jong-un": a meeting with another person
                    key = (cs, ct, code, ta.mention.actor_id)
                if root == "04":
                    seen.add(person)
                if key in seen:
                    continue
                seen.add(key)
                ev = self._event(i, s, t, code, sa, ta, lo, hi)
                if ev is not None:
                    out.append(ev)

    # ------------------------------------------------------------------- event
    def _event(
        self, i: int, s: Sentence, t: _Trigger, code: str, sa: Arg, ta: Arg, lo: int, hi: int
    ) -> Event | None:
        text, cues = self.text, self.cues
        trig = (t.start, t.end)
        attributed_to = self._source(i, t, lo, hi)
        if t.entry.speech and attributed_to == sa.mention.code:
            attributed_to = None  # the speaker's own statement
        if attributed_to is None and _REPORTIVE_CLAUSE.match(text, lo):
            before = [m for m in self.mentions if s.start <= m.start and m.end <= lo]
            attributed_to = before[-1].code if before else "unspecified reports"
        status = self._status(i, code, lo, hi, t)
        if self.lang == "en":
            status = en_status(
                text, s.start, lo, hi, t.start, status, attributed_to, sa.mention.code, cues
            )
        if status == "asserted" and attributed_to is None and has(cues.hedges, text, lo, hi):
            status = "hypothetical"  # evidential hedge without a source (rule 10)
        intent = cues.intent.search(text, lo, hi)
        gov = self._governing(s, lo, t)
        if intent is None and gov is not None:
            intent = cues.intent.search(text, gov[0], gov[1])
        if (
            intent is not None
            and code[:2] in ("04", "05", "06", "07", "08")
            and intent.start() < t.start + 60
        ):
            code = _INTENT_CODE.get(code[:3], _INTENT_CODE.get(code[:2], "030"))
            trig = intent.span()
            if status not in ("denied", "negated", "hypothetical"):
                status = "planned"
        elif (
            intent is not None
            and code[:2] >= "10"
            and intent.start() < t.start
            and status not in ("denied", "negated", "hypothetical")
        ):
            status = "planned"  # a conflictual intention keeps its action code (rule 11)
        elif code[:2] == "03" and status not in ("denied", "negated", "hypothetical"):
            status = "planned"
        if status == "asserted" and attributed_to is not None:
            status = "attributed"
        info = lookup(code)
        # an intent (03x) is dated to its statement, not to the intended act (rule 11)
        date, precision = self.dates.date(
            i, s, t.start, t.end, t.entry.kind == "noun", lo, hi,
            "asserted" if code[:2] == "03" and status == "planned" else status,
        )  # fmt: skip
        return Event(
            source=sa.mention.code,
            target=ta.mention.code,
            cameo=code,
            sentence=(s.start, s.end),
            trigger=trig,
            source_text=sa.mention.text or None,
            target_text=ta.mention.text or None,
            root=code[:2],
            plover=info.plover if info else None,
            goldstein=info.goldstein if info else None,
            status=status,
            attributed_to=attributed_to,
            date=date,
            date_precision=precision,
            location=location(text, self.lang, lo, hi),
        )

    def _governing(self, s: Sentence, lo: int, t: _Trigger) -> tuple[int, int] | None:
        """The clause that governs a zu-infinitive or a dass/ob clause."""
        if lo <= s.start:
            return None
        text = self.text
        sub = zu_infinitive(text, lo, t.start, t.end) or bool(_SUBORDINATE.match(text, lo))
        return self._clause(s, lo - 2) if sub else None

    def _status(self, i: int, code: str, lo: int, hi: int, t: _Trigger) -> str:
        text, cues = self.text, self.cues
        s = self.sentences[i]
        found: list[str] = []
        gov = self._governing(s, lo, t)
        if gov is not None and has(cues.hypothetical, text, gov[0], gov[1], cues):
            found.append("hypothetical")
        if code[:2] != "12" and has(cues.denial, text, s.start, s.end):
            found.append("denied")
        if negated(text, lo, hi, t.start, t.end, cues, t.entry.kind == "noun"):
            found.append("negated")
        noun = t.entry.kind == "noun"
        if scoped(cues.hypothetical, text, lo, hi, t.start, t.end, cues, self.lang, noun) or text[
            s.start : s.end
        ].rstrip(' „“"»«').endswith("?"):
            found.append("hypothetical")
        if (
            scoped(cues.planned, text, lo, hi, t.start, t.end, cues, self.lang, noun, False)
            and not has(cues.reportive, text, lo, hi)
            and self._infinitive(t)
        ):
            found.append("planned")
        found.append("asserted")
        return min(found, key=_PRECEDENCE.index)

    def _infinitive(self, t: _Trigger) -> bool:
        w = self.text[t.start : t.end].lower()
        if self.lang == "en":
            return not w.endswith("ed")
        return t.entry.kind == "noun" or (
            w.endswith(("en", "ern", "eln")) and not w.startswith("ge")
        )

    def _source(self, i: int, t: _Trigger, lo: int, hi: int) -> str | None:
        a = self.attr.attribute(i, t.start, t.end)
        if a.asserted_by == AUTHOR or not a.asserted_by:
            return None
        if t.entry.speech and a.cue not in ("source", "citing", "reportive"):
            return None  # a statement is held by its speaker, not by itself
        if a.cue == "speech" and a.span is not None and lo <= a.span[0] < hi:
            return None  # the speaker's own act in the clause of the speech verb, not its content
        if a.span is not None:
            span = a.span
            over = [m for m in self.mentions if m.start < span[1] and span[0] < m.end]
            if over:
                return max(over, key=lambda m: m.end - m.start).code
        return a.asserted_by


def extract_events(
    text: str, sentences: list[Sentence], lang: str, published: str | None, mentions: list[Mention]
) -> list[Event]:
    """The events of one document (see the module docstring).  Never raises."""
    try:
        return _Extractor(text, sentences, lang, published, mentions).run()
    except Exception:  # a last guard: the event coder must never break the pipeline
        return []


def _data_digest() -> str:
    h = hashlib.sha256()
    for lang in ("de", "en"):
        for name in (*LEXICON_FILES, "status_cues.yaml", "event_context.yaml"):
            with contextlib.suppress(OSError, FileNotFoundError, ModuleNotFoundError):
                h.update(data_text(lang, name).encode("utf-8"))
    with contextlib.suppress(OSError, FileNotFoundError, ModuleNotFoundError):
        tsv = resources.files("triangulate.extract").joinpath("data/cameo_codes.tsv")
        h.update(tsv.read_bytes())
    return h.hexdigest()[:8]


class EventStage:
    """Fills ``analysis.events`` from the text, sentences and actor mentions."""

    name = "events"
    version = RULES_VERSION

    def __init__(self) -> None:
        self.version = f"{RULES_VERSION}.{_data_digest()}"

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.document
        analysis.events = extract_events(
            doc.text, analysis.sentences, doc.language or "de", doc.published, analysis.mentions
        )
