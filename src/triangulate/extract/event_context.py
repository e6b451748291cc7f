"""Context rules of the event coder: participants that the clause itself does not name.

Data in ``lang/<lang>/event_context.yaml``.  Each rule is a small, general reading
of news German / English:

* genitive attributes ("der Segen Pekings", "Einschätzungen ihres Geheimdienstes")
  belong to the noun before them: they are marked ``gen`` and never taken as a
  verb's subject or object; an event noun takes them as its source ("der Angriff
  Russlands auf ...");
* a verb-first clause after a main clause shares its subject ("China liefert keine
  Waffen, hält Putin aber den Rücken frei");
* "Beide wollen ..." stands for the two actors named just before;
* "X ... gemeinsam mit Y" gives Y the role of X;
* a recipient anaphor ("versorgt das Land mit Waffen") is the last other actor named;
* guests ("Gäste aus China", "zu Gast", "zu den geladenen Gästen gehörten X") visit
  the host that the sentence or the text just before names (a "bei X", the subject,
  the capital or host of the last visit);
* a troop deployment into a state that the sender, or the state it sends the troops
  to help, is fighting in the same text is coded as fighting (GOLD rule 13).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml

from ..model import Event, Mention
from .event_args import Arg, coordinated, country
from .event_codes import lookup
from .event_lexicon import data_text

__all__ = [
    "alongside_frames",
    "ContextRules",
    "HostMemory",
    "context_rules",
    "destination_mentions",
    "instead_copies",
    "instrument_arguments",
    "mark_genitives",
    "war_deployments",
]


def _words(items: Any, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    words = sorted((str(w) for w in items or [] if str(w).strip()), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    body = "|".join(w.replace(" ", r"\s+") for w in words)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", flags)


def _genitive(items: Any) -> re.Pattern[str]:
    words = [str(w) for w in items or [] if str(w).strip()]
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(
        r"([A-ZÄÖÜ][\w-]*)\s+(?:" + "|".join(words) + r")\s+(?:[a-zäöüß][\w-]*\s+){0,2}$"
    )


def _instrument(items: Any) -> re.Pattern[str]:
    words = [str(w) for w in items or [] if str(w).strip()]
    if not words:
        return re.compile(r"(?!x)x")
    # "mit der (umfangreichen) Lieferung": the preposition, a determiner, up to two adjectives
    return re.compile(
        r"(?<![\w-])(?:" + "|".join(words) + r")\s+(?:[a-zäöüß][\w-]*\s+){0,3}$", re.IGNORECASE
    )


@dataclass(frozen=True, slots=True)
class ContextRules:
    lang: str
    genitive_determiners: re.Pattern[str]  # "<Noun> des [adjectives] " before a mention
    not_nouns: frozenset[str]
    subordinators: re.Pattern[str]
    clause_openers: re.Pattern[str]
    continuation: re.Pattern[str]
    both_subject: re.Pattern[str]
    co_agent: re.Pattern[str]
    recipient_anaphora: re.Pattern[str]
    guest_nouns: re.Pattern[str]
    guest_list: re.Pattern[str]
    guest_predicate: re.Pattern[str]
    invited: re.Pattern[str]
    anaphora: re.Pattern[str]
    instead: re.Pattern[str]
    since: re.Pattern[str]
    instrument: re.Pattern[str]
    alongside: re.Pattern[str]
    attendance: re.Pattern[str]
    alongside_not: re.Pattern[str]
    guest_origin: tuple[str, ...]
    host_prep: tuple[str, ...]


@cache
def context_rules(lang: str) -> ContextRules:
    lang = lang if lang in ("de", "en") else "de"
    try:
        data = yaml.safe_load(data_text(lang, "event_context.yaml")) or {}
    except (OSError, FileNotFoundError, ModuleNotFoundError, yaml.YAMLError):
        data = {}
    return ContextRules(
        lang=lang,
        genitive_determiners=_genitive(data.get("genitive_determiners")),
        not_nouns=frozenset(str(w) for w in data.get("not_nouns") or []),
        subordinators=_words(data.get("subordinators")),
        clause_openers=_words(data.get("clause_openers")),
        continuation=_words(data.get("continuation_conjunctions")),
        both_subject=_words(data.get("both_subject"), 0),
        co_agent=_words(data.get("co_agent")),
        recipient_anaphora=_words(data.get("recipient_anaphora")),
        guest_nouns=_words(data.get("guest_nouns"), 0),
        guest_list=_words(data.get("guest_list")),
        guest_predicate=_words(data.get("guest_predicate")),
        invited=_words(data.get("invited")),
        anaphora=_words(data.get("anaphora"), 0),
        instead=_words(data.get("instead")),
        since=_words(data.get("since")),
        instrument=_instrument(data.get("instrument")),
        alongside=_words(data.get("alongside")),
        attendance=_words(data.get("attendance")),
        alongside_not=_words(data.get("alongside_not")),
        guest_origin=tuple(str(w) for w in data.get("guest_origin") or []),
        host_prep=tuple(str(w) for w in data.get("host_prep") or []),
    )


# -------------------------------------------------------------------- genitives
_NOUN_BEFORE = re.compile(r"([A-ZÄÖÜ][\w-]*)[“\"»«]?\s+$")


def _is_noun(text: str, word_start: int, word: str, s_start: int, rules: ContextRules) -> bool:
    if word in rules.not_nouns:
        return False
    before = text[s_start:word_start]
    # a capitalised word that opens the sentence, a quote or a clause may be any word
    return bool(before.strip(" \"„“»«‚‘'()")) and not re.search(r"[:.!?„“\"»«]\s*$", before)


def mark_genitives(
    text: str, args: list[Arg], mentions: list[Mention], s_start: int, rules: ContextRules
) -> None:
    """Set ``prep = "gen"`` on mentions that are genitive attributes of a noun before them
    (German only; English possessives precede their noun and need no rule)."""
    if rules.lang != "de":
        return
    spans = [(m.start, m.end) for m in mentions]
    for a in args:
        if a.prep is not None:
            continue
        m = a.mention
        before = text[max(s_start, m.start - 60) : m.start]
        base = max(s_start, m.start - 60)
        hit = rules.genitive_determiners.search(before)
        noun_start = -1
        if hit:
            noun_start, word = base + hit.start(1), hit.group(1)
        elif m.text.endswith("s") and (bare := _NOUN_BEFORE.search(before)):
            noun_start, word = base + bare.start(1), bare.group(1)
        if noun_start < 0:
            continue
        if any(a0 <= noun_start < b0 for a0, b0 in spans):
            continue  # "Peking der Ukraine": the word before is itself an actor
        if _is_noun(text, noun_start, word, s_start, rules):
            a.prep = "gen"


# ----------------------------------------------------------------- destinations
_DESTINATION = {
    "de": re.compile(
        r"(?<![\w-])(?:nach|Richtung)\s+([A-ZÄÖÜ][\w-]+)(?![\w-])(?!\s+(?:des|der|eines|einer)\s)"
    ),
    "en": re.compile(r"(?<![\w-])(?:to|towards)\s+([A-Z][\w-]+)(?![\w-])(?!\s+of\s)"),
}


def destination_mentions(
    text: str, s_start: int, s_end: int, index: int, ms: list[Mention], lang: str
) -> list[Mention]:
    """Cities and regions named as a destination ("unterwegs nach Wladiwostok") stand for
    their country (GeoNames, offline), as a capital stands for its government."""
    from .geocode import geocode  # the tables load on first use

    out: list[Mention] = []
    for m in _DESTINATION["en" if lang == "en" else "de"].finditer(text, s_start, s_end):
        a, b = m.span(1)
        if any(x.start < b and a < x.end for x in ms):
            continue
        place = geocode(m.group(1), lang)
        if place is None or not place.country or place.kind not in ("city", "admin", "region"):
            continue
        out.append(Mention(a, b, m.group(1), "dest:" + place.country, place.country, index))
    return out


# ------------------------------------------------------------- clause subjects
def verb_first_subject(
    text: str,
    args: list[Arg],
    s_start: int,
    lo: int,
    trig_start: int,
    prev_clause: tuple[int, int] | None,
    rules: ContextRules,
) -> Arg | None:
    """The subject of the main clause before ``lo`` when the clause ``text[lo:...]`` is a
    verb-first continuation of it ("X liefert ..., hält Y aber ..."), else None."""
    if prev_clause is None or lo <= s_start:
        return None
    plo, phi = prev_clause
    if rules.subordinators.match(text, _skip(text, plo)):
        return None
    if re.search(r"[„“\"»«]\s*$", text[plo:phi]):
        return None  # "„...“, sagte X": the quote's speaker follows the verb
    pos = _skip(text, lo)
    conj = rules.continuation.match(text, pos)
    if conj:
        pos = _skip(text, conj.end())
    word = re.match(r"[\w-]+", text[pos:])
    if word is None or pos > trig_start:
        return None
    w = word.group()
    if rules.subordinators.fullmatch(w):
        return None
    if rules.lang == "de":
        if not w[:1].islower() or rules.clause_openers.fullmatch(w):
            return None
    else:
        if conj is None or rules.clause_openers.fullmatch(w.lower()):
            return None
    subj = [a for a in args if plo <= a.mention.start < phi and a.prep is None]
    return subj[0] if subj else None


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " ,;:–—-\"„“»«'()\n\t":
        pos += 1
    return pos


def both_pair(
    text: str, lo: int, trig_start: int, pool: list[Arg], rules: ContextRules
) -> list[Arg]:
    """ "Beide wollen ...": the two last-named actors of different countries."""
    hit = rules.both_subject.search(text, lo, trig_start)
    if hit is None or text[lo : hit.start()].strip(" ,;:–—\"„“»«'("):
        return []
    out: list[Arg] = []
    for a in reversed([a for a in pool if a.mention.start < lo and a.prep in (None, "gen")]):
        if all(country(a.mention.code) != country(b.mention.code) for b in out):
            out.insert(0, a)
        if len(out) == 2:
            return out
    return []


def co_agents(
    text: str, args: list[Arg], src: Arg, lo: int, hi: int, rules: ContextRules
) -> list[Arg]:
    """Mentions joined to the source by "gemeinsam mit" / "together with"."""
    out = []
    for a in args:
        if a is src or not lo <= a.mention.start < hi:
            continue
        gap = text[max(lo, a.mention.start - 40) : a.mention.start]
        hit = rules.co_agent.search(gap)
        if hit and not gap[hit.end() :].strip(" ").count(" ") > 1:
            out.append(a)
    return out


# ------------------------------------------------------------------- guests/hosts
@dataclass(slots=True)
class GuestFrame:
    """Guests named around a guest noun, the host's preposition-marked mention if any,
    and whether the guests visit (042, guest -> host) or are invited (043, host -> guest)."""

    guests: list[Arg]
    host: Arg | None
    code: str
    trigger: tuple[int, int]
    predicate: bool  # "X war zu Gast": a verbal frame (dates from the whole clause)


def guest_frames(
    text: str,
    args: list[Arg],
    s_start: int,
    s_end: int,
    clause: Any,
    rules: ContextRules,
) -> list[GuestFrame]:
    """Guest frames of one sentence; ``clause(pos)`` gives the clause bounds of a position."""
    out: list[GuestFrame] = []
    nouns = list(rules.guest_nouns.finditer(text, s_start, s_end))
    for k, g in enumerate(nouns):
        lo, hi = clause(g.start())
        nxt = nouns[k + 1].start() if k + 1 < len(nouns) else s_end
        guests: list[Arg] = []
        pred = next(
            (
                p
                for p in rules.guest_predicate.finditer(
                    text, max(s_start, g.start() - 12), g.end() + 1
                )
                if p.start() <= g.start() < p.end()
            ),
            None,
        )
        listed = rules.guest_list.match(text, _skip(text, g.end()))
        if pred is not None:
            before = [a for a in args if a.mention.end <= pred.start() and a.prep is None]
            if before:
                guests = coordinated(text, args, before[-1])
        elif listed is not None:
            guests = [
                a
                for a in args
                if a.mention.start >= listed.end() and a.prep in (None, "neben", "and")
            ]
        else:
            guests = [
                a
                for a in args
                if g.end() <= a.mention.start < min(nxt, g.end() + 80)
                and a.prep in rules.guest_origin
            ]
        if not guests:
            continue
        host = next(
            (
                a
                for a in args
                if lo <= a.mention.start < hi and a.prep in rules.host_prep and a not in guests
            ),
            None,
        )
        invited = rules.invited.search(text, g.end(), s_end)
        code = "043" if invited is not None and pred is None and listed is None else "042"
        out.append(GuestFrame(guests, host, code, (pred or g).span(), pred is not None))
    return out


@dataclass(slots=True)
class HostMemory:
    """The host of the last visit, hosting or capital-as-place of the text."""

    host: Arg | None = None
    sentence: int = -1
    date: tuple[str, str] | None = None  # the date of the visit that named the host

    def note(self, i: int, a: Arg, date: tuple[str, str] | None = None) -> None:
        if self.sentence == i and self.date is not None and date is None:
            return  # keep the visit's host over a later capital of the same sentence
        self.host, self.sentence, self.date = a, i, date

    def recent(self, i: int, window: int = 2) -> Arg | None:
        if self.host is not None and 0 <= i - self.sentence <= window:
            return self.host
        return None


# ------------------------------------------------------------------ deployments
def war_deployments(events: list[Event]) -> list[Event]:
    """Recode a 062 deployment into a state that the sender, or its main partner (the
    state it most often sends troops to in this text), fights in the same text as 190
    against that state (GOLD rule 13).  Drops the recoded event when the same sentence
    already has that fight."""
    fights = {(country(e.source), country(e.target)) for e in events if e.root == "19"}
    sent: dict[str, dict[str, int]] = {}
    for e in events:
        if e.cameo == "062":
            c = sent.setdefault(country(e.source), {})
            c[country(e.target)] = c.get(country(e.target), 0) + 1
    out: list[Event] = []
    for e in events:
        if e.cameo == "062":
            s, t = country(e.source), country(e.target)
            counts = sent.get(s, {})
            partner = max(counts, key=lambda k: counts[k]) if counts else s
            if (s, t) in fights or (partner != t and (partner, t) in fights):
                if any(
                    x.root == "19"
                    and x.sentence == e.sentence
                    and (country(x.source), country(x.target)) == (s, t)
                    for x in events
                ):
                    continue
                info = lookup("190")
                e.cameo, e.root = "190", "19"
                e.plover = info.plover if info else e.plover
                e.goldstein = info.goldstein if info else e.goldstein
        out.append(e)
    return out


# ------------------------------------------------------------ missing arguments
#: roots whose verb may continue the subject of the clause before ("..., hält Y ... frei");
#: verbs of saying, criticising and rejecting often follow their content with inversion.
_CONTINUING_ROOTS = ("03", "04", "05", "06", "07", "08", "15", "16", "17", "18", "19", "20")
_GIVING_ROOTS = ("06", "07")
#: event nouns that may take their source from outside their clause: meetings, praise,
#: support (not conflict nouns: "der Krieg in der Ukraine" is a bare frame, GOLD rule 1)
_NOMINAL_FALLBACK_ROOTS = ("03", "04", "05", "06", "07")
#: intents, meetings and cooperation "between the two countries" name their partner earlier
_RECIPROCAL_ROOTS = ("03", "04", "05")


@dataclass(slots=True)
class Slot:
    """What the coder knows about one trigger when its arguments are filled from context."""

    lo: int
    hi: int
    start: int
    end: int
    kind: str
    code: str
    targets: tuple[str, ...]
    s_start: int
    s_end: int
    prev_clause: tuple[int, int] | None


def _other(pool: list[Arg], before: int, exclude: set[str]) -> Arg | None:
    for a in reversed([a for a in pool if a.mention.start < before]):
        if a.prep in (None, "gen") and country(a.mention.code) not in exclude:
            return a
    return None


def context_arguments(
    text: str,
    args: list[Arg],
    prev_args: list[Arg],
    pool: list[Arg],
    srcs: list[Arg],
    tgts: list[Arg],
    x: Slot,
    implicit: Arg | None,
    reciprocal: re.Pattern[str],
    rules: ContextRules,
) -> tuple[list[Arg], list[Arg]]:
    """Fill a missing source or target from the sentence or the sentence before."""
    root = x.code[:2]
    inclause = [a for a in args if x.lo <= a.mention.start < x.hi]
    # "China liefert keine Waffen, hält Putin aber den Rücken frei": the shared subject
    if x.kind == "verb" and root in _CONTINUING_ROOTS and (not srcs or srcs[0] in inclause):
        subj = verb_first_subject(text, args, x.s_start, x.lo, x.start, x.prev_clause, rules)
        if subj is not None and subj not in srcs:
            old = [a for a in srcs if a in inclause]
            srcs = coordinated(text, args, subj)
            if not tgts and "obj" in x.targets and old:
                tgts = old
            tgts = [a for a in tgts if a not in srcs]
    # "Beide wollen ...": the two actors named just before
    if x.kind == "verb" and tgts and (not srcs or srcs[0].mention.start >= x.end):
        pair = both_pair(text, x.lo, x.start, prev_args + args, rules)
        if pair:
            srcs = [_implicit(a) for a in pair]
    # "X ... gemeinsam mit Y": Y shares the source role
    if srcs:
        extra = [a for a in co_agents(text, args, srcs[0], x.lo, x.hi, rules) if a not in srcs]
        if extra:
            srcs = srcs + extra
            tgts = [a for a in tgts if a not in extra]
    # an event noun with a target but no source: the subject of the sentence, or the
    # antecedent ("nach dem Treffen mit Xi", "... Parteinahme für Russland")
    if (
        x.kind == "noun"
        and not srcs
        and root in _NOMINAL_FALLBACK_ROOTS
        and (tgts or (root == "03" and reciprocal.search(text, x.s_start, x.s_end)))
    ):
        tc = {country(a.mention.code) for a in tgts}
        subj = next(
            (
                a
                for a in args
                if x.s_start <= a.mention.start < x.start
                and a.prep in (None, "gen")
                and country(a.mention.code) not in tc
                and not (x.lo <= a.mention.start < x.hi)
            ),
            None,
        )
        if subj is not None:
            srcs = [subj]
        elif (
            implicit is not None
            and country(implicit.mention.code) not in tc
            and rules.anaphora.search(text, x.s_start, x.hi)
        ):
            srcs = [implicit]
    if srcs and not tgts:
        sc = {country(a.mention.code) for a in srcs}
        ana = None
        if root in _GIVING_ROOTS:  # "versorgt das Land mit Waffen": the last other actor named
            ana = rules.recipient_anaphora.search(text, x.lo, x.hi)
        if ana is None and root in _RECIPROCAL_ROOTS:
            ana = reciprocal.search(text, x.s_start, x.s_end)  # "die bilateralen Beziehungen"
        if ana is not None:
            other = _other(pool, x.start, sc)
            if other is not None:
                tgts = [other if other in args else _implicit(other)]
    return srcs, tgts


def _implicit(a: Arg) -> Arg:
    m = a.mention
    return Arg(Mention(m.start, m.end, "", m.actor_id, m.code, m.sentence), None)


def instead_copies(
    text: str, events: list[Event], args: list[Arg], clause: Any, rules: ContextRules
) -> list[Event]:
    """ "X wandte sich Indien zu statt Pakistan": the same event towards the alternative,
    negated."""
    out: list[Event] = []
    for e in events:
        lo, hi = clause(e.trigger[0])
        for hit in rules.instead.finditer(text, lo, hi):
            alt = next(
                (
                    a
                    for a in args
                    if hit.end() <= a.mention.start < hit.end() + 40
                    and len(text[hit.end() : a.mention.start].split()) <= 3
                ),
                None,
            )
            if alt is None or country(alt.mention.code) in (country(e.source), country(e.target)):
                continue
            out.append(
                dataclasses.replace(
                    e,
                    target=alt.mention.code,
                    target_text=alt.mention.text or None,
                    status="negated",
                    trigger=hit.span(),
                )
            )
    return out


def instrument_arguments(
    text: str, args: list[Arg], x: Slot, done: list[Event], rules: ContextRules
) -> tuple[list[Arg], list[Arg]]:
    """ "unterstützt Moskau diplomatisch und mit der Lieferung von Gütern": an event noun in
    a "mit"-phrase takes the source and target of the event verb before it in its clause."""
    if x.kind != "noun" or not rules.instrument.search(text[max(x.lo, x.start - 50) : x.start]):
        return [], []
    for e in reversed(done):
        if not (x.lo <= e.trigger[0] < x.start) or e.root not in ("05", "06", "07"):
            continue
        src = next(
            (a for a in args if a.mention.code == e.source and a.mention.start < x.start), None
        )
        tgt = next(
            (a for a in args if a.mention.code == e.target and a.mention.start < x.start), None
        )
        if src is not None and tgt is not None:
            return [src], [tgt]
    return [], []


def alongside_frames(
    text: str, args: list[Arg], s_start: int, s_end: int, rules: ContextRules
) -> list[tuple[tuple[int, int], list[Arg]]]:
    """ "nahm er an der Parade teil, an der Seite von X und Y": (trigger span, partners)
    for an appearance together at an occasion."""
    if not rules.attendance.search(text, s_start, s_end) or rules.alongside_not.search(
        text, s_start, s_end
    ):
        return []
    out = []
    for hit in rules.alongside.finditer(text, s_start, s_end):
        first = next((a for a in args if hit.end() <= a.mention.start < hit.end() + 30), None)
        if first is not None:
            out.append((hit.span(), coordinated(text, args, first)))
    return out


# English: "Seoul condemned the new agreement", "the EU condemned the veto": an object noun
# that names an event told before stands for that event's actors
_EN_NOMINAL = re.compile(
    r"\s+(?:the|this|that|its|their)\s+(?:new\s+|latest\s+|recent\s+|planned\s+)?"
    r"(veto|deal|agreement|pact|treaty|accord|launch|deployment|visit|trip|appeal|warning|"
    r"threats?|proposal|offer|blacklisting|sanctions)\b",
    re.IGNORECASE,
)
_PARTIES = ("deal", "agreement", "pact", "treaty", "accord")
#: the trigger stems of the earlier event a noun can refer to
_NOMINAL_STEMS = {
    "veto": ("veto",),
    "launch": ("launch", "fire", "fired", "test"),
    "deployment": ("deploy", "send", "sent", "dispatch", "station", "rotat"),
    "visit": ("visit", "travel", "trip"),
    "trip": ("visit", "travel", "trip"),
    "appeal": ("appeal", "urg", "call", "press"),
    "warning": ("warn", "threat"),
    "threat": ("threat", "warn"),
    "threats": ("threat", "warn"),
    "proposal": ("propos", "offer"),
    "offer": ("offer", "propos"),
    "blacklisting": ("blacklist", "sanction"),
    "sanctions": ("blacklist", "sanction", "impos"),
}


def nominal_targets(
    text: str, trig_end: int, s_start: int, events: list[Event], lang: str, source: str
) -> list[str]:
    """The actor codes that an English object noun after a verb trigger refers to ("X
    criticised the deal": the two parties of the last agreement told before), or []."""
    m = _EN_NOMINAL.match(text, trig_end) if lang == "en" else None
    if m is None:
        return []
    noun = m.group(1).lower()
    for e in reversed(events):
        if e.sentence[0] >= s_start or e.sentence[0] < s_start - 700:
            continue
        word = text[e.trigger[0] : e.trigger[1]].lower()
        if noun in _PARTIES:
            if e.root in ("03", "04", "05", "06") or word.startswith(("agre", "deal", "sign")):
                return [c for c in (e.source, e.target) if c and c[:3] != source[:3]]
            continue
        stems = _NOMINAL_STEMS.get(noun, (noun[:5],))
        if e.source and word.startswith(stems) and e.source[:3] != source[:3]:
            return [e.source]
    return []
