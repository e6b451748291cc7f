"""Who asserts a claim: the sources a sentence names, and the cues for its status.

The cue words live in ``triangulate/lang/<lang>/attribution.yaml``; this module
holds the rules, regular expressions over tokens, no parser:

* **sources** of a sentence (outside quotations): "laut X", "nach Angaben X",
  "X zufolge", ", so X", "according to X"; a verb of saying with its subject
  ("X sagte, ...", "..., sagte X", "So meldete X, dass ...", "X said");
  "unter Berufung auf X" / "citing X" (the *root* source, the medium that cites
  it goes to ``via``); "Wie X berichtete, ..." (``via`` only, unless nothing
  else names a source).  A source head ("laut einer Studie des Instituts",
  "Schätzungen aus Südkorea zufolge") gives way to its complement; a bare
  generic one ("Berichten zufolge", "Experten") to a label such as
  ``unspecified reports``; a pronoun to the last named source before;
* a number **inside a quotation** belongs to the quotation's speaker (the
  speech verb outside the marks, else the previous or next sentence's source);
* **reported speech without a source of its own** -- Konjunktiv I ("habe",
  "seien"), "hätten" after a reported sentence -- continues the source of the
  sentence before; "soll ... haben" and "angeblich" without a source are
  ``unspecified reports``;
* "nach eigenen Angaben" is the sentence's subject; a next sentence "Das
  sagte X" names the source of the one before; "hieß es aus X" is X; a passive
  report ("wird auf ... geschätzt", "is estimated") is ``unspecified estimates``
  or ``unspecified reports``;
* the status on the event scale is decided in :mod:`triangulate.extract.claims`
  from the markers collected here (:class:`SentenceCues`).

Everything here is total: odd text gives "author"/"asserted", never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from typing import Any

import yaml

from triangulate.language.numbers import parse_number

__all__ = [
    "Attribution",
    "Cues",
    "DocumentAttribution",
    "SentenceCues",
    "Source",
    "Tok",
    "cues",
    "marker_in",
    "tokens",
]

AUTHOR = "author"
_IMPERSONAL = frozenset({"it", "this", "that", "es", "man", "dies", "das"})
UNSPECIFIED = "unspecified source"
_TOK = re.compile(r"\w(?:[\w'’]|[-.](?=\w))*|[^\w\s]")
_BOUNDARY = frozenset(',;:–—()[]„“”«»"‚‘›‹?!')
_QUOTES = frozenset('„“”«»"‚‘›‹')
_ADJ_DE = re.compile(r"(?:e|en|er|es|em)$")
_TIME_NOUN = re.compile(
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|Januar|Februar|März|April|Mai"
    r"|Juni|Juli|August|September|Oktober|November|Dezember|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|January|February|March|June|July|October|December|Jahr|Woche|Monat)\b"
)


def _low(xs: Any) -> list[str]:
    return [str(x).lower() for x in (xs or [])]


def _pattern(entries: Any) -> re.Pattern[str]:
    """Alternation of entries; spaces match runs of spaces, "…" a gap of up to ten words."""
    alts = []
    for e in sorted({str(x) for x in entries or []}, key=lambda x: (-len(x), x)):
        parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in e.split("…") if p.strip()]
        if parts:
            alts.append(r"(?:\s+[^\s,.;:!?„“”»«\"]+){0,10}?\s+".join(parts))
    if not alts:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cues:
    """One language's cue lists, compiled (see ``lang/<lang>/attribution.yaml``)."""

    lang: str
    source_before: re.Pattern[str]
    source_after: re.Pattern[str]
    source_after_comma: re.Pattern[str]
    citing: re.Pattern[str]
    as_reported: frozenset[str]
    speech: re.Pattern[str]
    not_speech: re.Pattern[str]
    konjunktiv: frozenset[str]
    konjunktiv_2: frozenset[str]
    first_person: frozenset[str]
    reportive_modal: frozenset[str]
    reportive_end: frozenset[str]
    reportive: re.Pattern[str]
    source_heads: frozenset[str]
    complement_links: frozenset[str]
    generic: dict[str, str]
    pronouns: frozenset[str]
    estimate: re.Pattern[str]
    hypothetical: re.Pattern[str]
    hedges: re.Pattern[str]
    not_markers: re.Pattern[str]
    planned: re.Pattern[str]
    future_aux: frozenset[str]
    participles_en: frozenset[str]
    negation: frozenset[str]
    negation_suffixes: tuple[str, ...]
    denial: re.Pattern[str]
    openers: frozenset[str]
    subordinators: frozenset[str]
    not_subjects: frozenset[str]
    determiners: frozenset[str]
    name_links: frozenset[str]
    phrase_stop: frozenset[str]
    skip_before_verb: frozenset[str]
    impersonal: re.Pattern[str]
    impersonal_links: frozenset[str]
    passive_aux: frozenset[str]
    self_sources: re.Pattern[str]
    refer: frozenset[str]
    passive_reports: frozenset[str]


#: yaml keys that differ from the Cues field names
_ALIASES = {"speech": "speech_verbs", "openers": "clause_openers", "generic": "generic_sources"}


@cache
def cues(lang: str) -> Cues:
    """The compiled cues of ``lang`` ("de" for German, anything else English)."""
    code = "de" if str(lang).lower().startswith("de") else "en"
    res = resources.files(f"triangulate.lang.{code}").joinpath("attribution.yaml")
    d: dict[str, Any] = yaml.safe_load(res.read_text("utf-8")) or {}
    # Konjunktiv I forms the quote extractor lists too (read only); its verbs of saying are
    # not taken: near a quotation "zählten", "beschrieb", "kündigte" attribute, near a number
    # they mostly do not ("60 Alteigentümer kündigten ihre Mitgliedschaft").
    d["konjunktiv"] = [*(d.get("konjunktiv") or []), *_reported_forms(code)]
    kw: dict[str, Any] = {}
    for f in fields(Cues):  # the field's type says how its yaml list is compiled
        raw = d.get(_ALIASES.get(f.name, f.name))
        if f.name == "lang":
            continue
        if f.type == "re.Pattern[str]":
            kw[f.name] = _pattern(raw)
        elif f.type == "frozenset[str]":
            kw[f.name] = frozenset(_low(raw))
        elif f.type == "tuple[str, ...]":
            kw[f.name] = tuple(_low(raw))
        else:  # generic sources: label by lower-case phrase
            kw[f.name] = {" ".join(str(k).lower().split()): str(v) for k, v in (raw or {}).items()}
    return Cues(lang=code, **kw)


def _reported_forms(code: str) -> list[str]:
    """The ``@reported`` (Konjunktiv I) entries of ``lang/<lang>/reporting_verbs.txt``, the
    quote extractor's data, when that file is there."""
    try:
        raw = resources.files(f"triangulate.lang.{code}").joinpath("reporting_verbs.txt")
        lines = raw.read_text("utf-8").splitlines()
    except (OSError, ValueError):
        return []
    out = []
    for line in lines:
        words = line.split("#", 1)[0].split()
        if words and words[-1] == "@reported" and len(words) == 2:
            out.append(words[0])
    return out


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Source:
    """A source a sentence names: ``name`` as written (or a label), its span (or None)."""

    name: str
    span: tuple[int, int] | None
    cue: tuple[int, int]
    kind: str  # source | speech | citing | via
    generic: bool = False
    pronoun: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    asserted_by: str
    span: tuple[int, int] | None
    status: str
    via: tuple[str, ...] = ()
    cue: str = ""  # quote | source | speech | citing | reported | reportive | author
    cue_at: int | None = None  # where the source's cue stands (in another sentence if carried)


@dataclass(slots=True)
class SentenceCues:
    """The cues of one sentence, outside quotations unless said otherwise."""

    start: int
    end: int
    toks: list[Tok]
    clauses: list[tuple[int, int, str]]  # start, end, opener (lower) of each clause
    quotes: list[tuple[int, int]]
    sources: list[Source] = field(default_factory=list)
    konjunktiv: bool = False
    konjunktiv_2: bool = False
    reportive: bool = False
    denial: bool = False
    estimate: bool = False
    question: bool = False
    quoted_only: bool = False


def tokens(text: str, start: int, end: int) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in _TOK.finditer(text, start, end)]


def _clauses(toks: list[Tok], c: Cues) -> list[tuple[int, int, str]]:
    """Clause spans: split at punctuation; a list item after a comma stays in its clause."""
    out: list[tuple[int, int, str]] = []
    cur: list[Tok] = []
    for i, t in enumerate(toks):
        if t.text in _BOUNDARY:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            nxt2 = toks[i + 2] if i + 2 < len(toks) else None
            list_item = (
                t.text == ","
                and nxt is not None
                and (
                    nxt.text[:1].isdigit()
                    or (
                        nxt.low in ("und", "oder", "sowie", "and", "or")
                        and nxt2 is not None
                        and nxt2.text[:1].isdigit()
                    )
                )
            )
            if list_item:
                continue
            if cur:
                out.append((cur[0].start, cur[-1].end, cur[0].low))
            cur = []
            continue
        cur.append(t)
    if cur:
        out.append((cur[0].start, cur[-1].end, cur[0].low))
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    for o, e in spans:
        if o < pos < e:
            return (o, e)
    return None


def marker_in(
    pat: re.Pattern[str], text: str, lo: int, hi: int, masks: list[tuple[int, int]]
) -> bool:
    """A marker word in ``text[lo:hi]``, lower-case unless it opens the stretch (no nouns)."""
    for m in pat.finditer(text, lo, hi):
        if any(a <= m.start() < b for a, b in masks):
            continue
        if m.group()[:1].isupper() and text[lo : m.start()].strip(' „“"»«‚‘–—-'):
            continue
        return True
    return False


class DocumentAttribution:
    """Attribution state of one document: sentence cues plus the source carried over."""

    def __init__(
        self, text: str, spans: list[tuple[int, int]], lang: str, quotes: list[tuple[int, int]]
    ) -> None:
        self.text, self.c, self.spans, self.quotes = text, cues(lang), spans, quotes
        self._sents: dict[int, SentenceCues] = {}
        self._carried: dict[int, Source | None] = {}

    def sentence(self, index: int) -> SentenceCues:
        """What sentence ``index`` holds: tokens, clauses, quotations, sources, markers
        (analysed on first use: only sentences with claims and the reported speech before
        them are ever read)."""
        sent = self._sents.get(index)
        if sent is None:
            s, e = self.spans[index]
            sent = self._analyse(s, e, [q for q in self.quotes if q[0] < e and q[1] > s])
            self._sents[index] = sent
        return sent

    def carried(self, index: int) -> Source | None:
        """The source reported speech in sentence ``index`` continues: the last named source
        of the sentences before, through a chain of reported or quoted sentences."""
        if index in self._carried:
            return self._carried[index]
        out: Source | None = None
        k = index - 1
        chain: list[int] = []
        while k >= 0:
            prev = self.sentence(k)
            own = self._best(prev.sources)
            if own is not None and not own.generic:
                out = self._resolve(own, k)
                break
            cont = prev.konjunktiv or prev.quoted_only or prev.reportive or prev.konjunktiv_2
            if not cont or k in self._carried:
                out = self._carried.get(k) if cont else None
                break
            chain.append(k)
            k -= 1
        for j in [index, *chain]:
            self._carried[j] = out
        return out

    def _referred(self, index: int) -> Source | None:
        """The source of a next sentence that refers back: "Das kündigte X an", "That, X said"."""
        if index + 1 >= len(self.spans):
            return None
        nxt = self.sentence(index + 1)
        if not nxt.toks or nxt.toks[0].low not in self.c.refer:
            return None
        near = [
            x
            for x in nxt.sources
            if x.kind == "speech" and x.cue[0] <= nxt.toks[min(2, len(nxt.toks) - 1)].start
        ]
        return near[0] if near else None

    def _resolve(self, src: Source, index: int) -> Source:
        """A pronoun source ("er sagte") stands for the source carried into its sentence."""
        if not src.pronoun:
            return src
        return self.carried(index) or src

    # ------------------------------------------------------------ sentences
    def _analyse(self, s: int, e: int, quotes: list[tuple[int, int]]) -> SentenceCues:
        text, c = self.text, self.c
        toks = tokens(text, s, e)
        sent = SentenceCues(s, e, toks, _clauses(toks, c), quotes)
        outside = [t for t in toks if _inside(t.start, quotes) is None and t.text not in _QUOTES]
        sent.quoted_only = bool(toks) and not [t for t in outside if t.text not in _BOUNDARY]
        low = [t.low for t in outside]
        for i, t in enumerate(outside):
            if (
                t.low in c.konjunktiv
                and t.text[:1].islower()
                and (i == 0 or low[i - 1] not in c.first_person)
            ):
                sent.konjunktiv = True
            if t.low in c.konjunktiv_2 and t.text[:1].islower():
                sent.konjunktiv_2 = True  # reported only after a reported sentence
        masks = [m.span() for m in c.not_markers.finditer(text, s, e)]
        sent.reportive = marker_in(
            c.reportive, text, s, e, masks + quotes
        ) or self._reportive_modal(sent)
        sent.denial = marker_in(c.denial, text, s, e, masks)
        sent.estimate = bool(c.estimate.search(text, s, e))
        sent.question = text[s:e].rstrip(' „“”"»«').endswith("?")
        sent.sources = self._sources(sent)
        return sent

    def _reportive_modal(self, sent: SentenceCues) -> bool:
        """ "soll ... geschickt haben", "sollen darunter ... sein": the clause ends in haben/sein."""
        if not self.c.reportive_modal:
            return False
        for cs, ce, _ in sent.clauses:
            words = [t for t in sent.toks if cs <= t.start < ce and t.text[:1].isalpha()]
            if (
                any(t.low in self.c.reportive_modal for t in words)
                and words[-1].low in self.c.reportive_end
            ):
                return True
        return False

    def _sources(self, sent: SentenceCues) -> list[Source]:
        text, c, s, e = self.text, self.c, sent.start, sent.end
        out: list[Source] = []

        def ok(m: re.Match[str]) -> bool:
            return _inside(m.start(), sent.quotes) is None

        for m in c.source_before.finditer(text, s, e):
            if ok(m):
                np = self._np_forward(sent, m.end(), link=True)
                last = m.group().split()[-1].lower()
                if np is None and last in c.generic:  # "Nach Schätzungen sind ..."
                    out.append(Source(c.generic[last], None, m.span(), "source", True))
                    continue
                self._add(out, np, m, "source")
        for m in c.source_after_comma.finditer(text, s, e):
            if ok(m) and text[s : m.start()].rstrip().endswith(","):
                self._add(out, self._np_forward(sent, m.end()), m, "source")
        for m in c.source_after.finditer(text, s, e):
            if ok(m):
                self._add(out, self._np_backward(sent, m.start()), m, "source")
        for m in c.self_sources.finditer(text, s, e):  # "nach eigenen Angaben": the subject
            first = [t for t in sent.toks if t.text not in _QUOTES][:1]
            if ok(m) and first and first[0].low not in c.not_subjects:
                self._add(
                    out,
                    self._grab([t for t in sent.toks if t.start >= first[0].start]),
                    m,
                    "source",
                )
        for m in c.citing.finditer(text, s, e):
            if ok(m):
                self._add(out, self._np_forward(sent, m.end()), m, "citing")
        muted = [m.span() for m in c.not_speech.finditer(text, s, e)]
        for m in c.speech.finditer(text, s, e):
            if any(a <= m.start() < b for a, b in muted):
                continue
            before = text[max(s, m.start() - 5) : m.start()].split()
            after = text[m.end() : m.end() + 30].split()[:1]
            adverb = c.estimate.fullmatch(m.group()) and m.group().lower().startswith("ge")
            if (before and before[-1].lower() in ("a", "an", "the")) or (
                adverb
                and after
                and (after[0][:1].isdigit() or parse_number(after[0], c.lang) is not None)
            ):
                continue  # "the reported deaths", "an estimated 12 million", "geschätzt zwölf"
            if not ok(m) or not m.group()[:1].islower():
                continue
            if c.impersonal.fullmatch(m.group()):  # "hieß es aus Kreisen der Regierung"
                nxt = [t for t in sent.toks if t.start >= m.end()][:1]
                np = (
                    self._np_forward(sent, nxt[0].end)
                    if nxt and nxt[0].low in c.impersonal_links
                    else None
                )
                if np is None:
                    out.append(Source("unspecified reports", None, m.span(), "speech", True))
                else:
                    self._add(out, np, m, "speech")
            elif self._passive(sent, m):  # "wird auf 1,5 Milliarden Euro geschätzt"
                if m.group().split()[0].lower() not in c.passive_reports:
                    continue  # "are added": no report
                label = (
                    "unspecified estimates"
                    if c.estimate.fullmatch(m.group())
                    else "unspecified reports"
                )
                out.append(Source(label, None, m.span(), "speech", True))
            else:
                kind = "via" if self._clause_opener(sent, m.start()) in c.as_reported else "speech"
                self._add(out, self._subject(sent, m), m, kind)
        return out

    def _passive(self, sent: SentenceCues, m: re.Match[str]) -> bool:
        """A participle under a passive auxiliary: no subject to assert anything."""
        c, word = self.c, m.group().split()[0].lower()
        cs, ce = next(
            ((a, b) for a, b, _ in sent.clauses if a <= m.start() < b), (sent.start, sent.end)
        )
        if c.lang == "de":
            participle = word.startswith("ge") or word.endswith("t")
            return participle and any(
                t.low in c.passive_aux for t in sent.toks if cs <= t.start < ce
            )
        before = [t for t in sent.toks if cs <= t.start < m.start()][-2:]
        return any(t.low in c.passive_aux for t in before)

    def _add(
        self,
        out: list[Source],
        np: tuple[int, int] | None,
        m: re.Match[str],
        kind: str,
    ) -> None:
        if np is None:
            return
        name, span, generic = self._name(np)
        if not name:
            return
        head = re.split(r"['’]", name.lower())[0]  # "er", "they'll"
        if head in _IMPERSONAL:
            return  # "it showed", "man sagt": nobody in particular
        out.append(Source(name, span, m.span(), kind, generic, head in self.c.pronouns))

    def _name(self, np: tuple[int, int]) -> tuple[str, tuple[int, int] | None, bool]:
        """The name a noun phrase gives: its complement after a source head, or a label."""
        c = self.c
        toks = [t for t in tokens(self.text, np[0], np[1])]
        while toks and toks[0].low in c.determiners:
            toks = toks[1:]
        if not toks:
            return "", None, False
        if toks[0].low in c.source_heads:
            rest, linked = toks[1:], False
            if rest and rest[0].low in c.complement_links and len(rest) > 1:
                rest, linked = rest[1:], True
            if rest and (linked or rest[0].low in c.determiners or rest[0].text[:1].isupper()):
                while rest and rest[0].low in c.determiners:
                    rest = rest[1:]
                if rest:
                    return self._name((rest[0].start, rest[-1].end))
            label = c.generic.get(toks[0].low)
            return (label or "unspecified reports"), None, True
        phrase = " ".join(t.low for t in toks)
        label = c.generic.get(phrase) or (c.generic.get(toks[0].low) if len(toks) == 1 else None)
        if label:
            return label, None, True
        return self.text[toks[0].start : toks[-1].end], (toks[0].start, toks[-1].end), False

    def _clause_opener(self, sent: SentenceCues, pos: int) -> str:
        for cs, ce, op in sent.clauses:
            if cs <= pos < ce:
                return op
        return ""

    # ------------------------------------------------------------ noun phrases
    def _np_forward(
        self, sent: SentenceCues, pos: int, link: bool = False
    ) -> tuple[int, int] | None:
        toks = [t for t in sent.toks if t.start >= pos]
        if (
            link
            and toks
            and toks[0].low in self.c.complement_links
            and toks[0].low not in self.c.determiners
        ):
            toks = toks[1:]  # "nach Angaben von Experten"
        return self._grab(toks)

    def _grab(self, toks: list[Tok]) -> tuple[int, int] | None:
        c, de = self.c, self.c.lang == "de"
        last: Tok | None = None
        first: Tok | None = None
        prev = ""  # what the previous token was: det | noun | link | adj
        opened = False  # a determiner waits for its noun after a prepositional attribute
        for i, t in enumerate(toks[:14]):
            lw = t.low
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if t.text in _BOUNDARY or t.text in ".":
                break
            if lw in c.determiners and prev != "det":
                first, prev = first or t, "det"
                continue
            if t.text[:1].isupper() or (t.text[:1].isdigit() and last is not None):
                if de and prev == "noun" and last is not None and last.low in c.source_heads:
                    break
                first, last, prev = first or t, t, "noun"
                continue
            if (
                (last is not None or prev == "det")  # "das von der Hamas kontrollierte ..."
                and lw in c.name_links
                and nxt is not None
                and (nxt.text[:1].isupper() or nxt.low in c.determiners or _ADJ_DE.search(nxt.low))
                and not _TIME_NOUN.match(nxt.text)  # "der Polizei vom Montag"
            ):
                opened = opened or prev == "det"  # "das von der Hamas kontrollierte Ministerium"
                prev = "link"
                continue
            attributive = opened and nxt is not None and nxt.text[:1].isupper()
            if (
                de
                and _ADJ_DE.search(lw)
                and lw not in c.openers
                and (prev != "noun" or attributive)
            ):
                first, prev = first or t, "adj"
                continue
            if (
                not de
                and lw not in c.phrase_stop
                and t.text[:1].isalpha()
                and not c.speech.fullmatch(t.text)
            ):
                first, last = first or t, t
                continue
            break
        if first is None or last is None:
            return None
        return (first.start, last.end)

    def _np_backward(self, sent: SentenceCues, pos: int) -> tuple[int, int] | None:
        toks = [t for t in sent.toks if t.end <= pos]
        c = self.c
        i = len(toks)
        while i > 0 and toks[i - 1].low in c.skip_before_verb and c.lang == "en":
            i -= 1
        if c.lang == "en" and i > 0 and toks[i - 1].low in c.pronouns:
            return (toks[i - 1].start, toks[i - 1].end)  # "he said", "they told"
        j = i
        while j > 0 and i - j < 8:
            t = toks[j - 1]
            if (
                t.text in _BOUNDARY
                or t.text == "."
                or t.low in c.openers
                or t.low in c.not_subjects
            ):
                break
            right = toks[j] if j < i else None
            if (
                c.lang == "de"
                and right is not None
                and t.text[:1].isupper()
                and right.text[:1].isupper()
                and (right.low in c.source_heads or right.low in c.generic)
            ):
                break
            if (
                c.lang == "de"
                and t.text[:1].islower()
                and not (t.low in c.determiners or t.low in c.name_links or _ADJ_DE.search(t.low))
            ):
                break
            if c.lang == "en" and t.low in c.phrase_stop and t.low not in c.determiners:
                break
            j -= 1
        if j >= i:
            return None
        return self._grab(toks[j:i])

    def _subject(self, sent: SentenceCues, m: re.Match[str]) -> tuple[int, int] | None:
        """The subject of a speech verb: after it (inversion) or before it."""
        c = self.c
        before = [t for t in sent.toks if t.end <= m.start()]
        prev = before[-1].text if before else ""
        first_word_end = m.start() + len(m.group().split()[0])
        if c.lang == "en":
            if prev and (prev in _BOUNDARY or prev in _QUOTES):
                return self._np_forward(sent, first_word_end)
            return self._np_backward(sent, m.start())
        if not before or prev in _BOUNDARY or prev in _QUOTES:
            return self._after_verb(sent, first_word_end)
        # the clause holding the verb: subordinate (verb-final) or main (V2)
        ci = next((k for k, (a, b, _) in enumerate(sent.clauses) if a <= m.start() < b), 0)
        cs = sent.clauses[ci][0] if sent.clauses else sent.start
        ctoks = [t for t in before if t.start >= cs and t.text not in _QUOTES]
        if not ctoks:
            return self._after_verb(sent, first_word_end)
        head = ctoks[0].low
        if head in c.subordinators:  # verb-final: "wie X berichtete", "nachdem X mitteilte"
            return self._grab(ctoks[1:])
        if head in c.not_subjects or head in c.openers and head not in c.determiners:
            return self._after_verb(sent, first_word_end)  # "So meldete X", "Im Juni erklärte X"
        return self._grab(ctoks) or self._after_verb(sent, first_word_end)  # "Das sagte X"

    def _after_verb(self, sent: SentenceCues, pos: int) -> tuple[int, int] | None:
        """The subject after an inverted verb, past adverbs ("sagte unlängst eine Sprecherin")."""
        c = self.c
        skip = [t for t in sent.toks if t.start >= pos]
        k = 0
        while k < len(skip) and k < 4:
            t = skip[k]
            if t.text[:1].islower() and t.low not in c.determiners and not _ADJ_DE.search(t.low):
                k += 1  # an adverb
            elif (
                t.low in ("am", "im", "vor", "on", "in", "last")
                and k + 1 < len(skip)
                and skip[k + 1].text[:1].isupper()
                and _TIME_NOUN.match(skip[k + 1].text)
            ):
                k += 2  # "am Montag", "im Juni"
            else:
                break
        return self._grab(skip[k:])

    # ------------------------------------------------------------ claims
    def _best(
        self, sources: list[Source], pos: int | None = None, exclude: tuple[int, int] | None = None
    ) -> Source | None:
        cands = [
            s
            for s in sources
            if s.kind != "via"
            and not (exclude and s.span and s.span[0] < exclude[1] and exclude[0] < s.span[1])
        ]
        if not cands:
            return None
        citing = [s for s in cands if s.kind == "citing"]
        if citing:
            return citing[0]
        if pos is None:
            return min(cands, key=lambda s: s.generic)
        # a named source before a label, one before the claim, then the nearest
        return min(cands, key=lambda s: (s.generic, s.cue[0] > pos, abs(s.cue[0] - pos)))

    def attribute(self, index: int, qstart: int, qend: int) -> Attribution:
        """The asserter of the quantity ``text[qstart:qend]`` in sentence ``index``; ``status``
        is "attributed" when a source holds it, else "asserted" (the claim extractor refines it
        on the event scale)."""
        try:
            return self._attribute(index, qstart, qend)
        except Exception:  # a guard: attribution must never break extraction
            return Attribution(AUTHOR, None, "asserted")

    def _attribute(self, index: int, qstart: int, qend: int) -> Attribution:
        sent, carried = self.sentence(index), self.carried(index)
        vias = tuple(s.name for s in sent.sources if s.kind in ("via", "speech") and not s.generic)
        quote = _inside(qstart, sent.quotes)
        src: Source | None = None
        cue = "author"
        if quote is not None:
            src = self._best([s for s in sent.sources if s.kind == "speech"], qstart) or self._best(
                sent.sources, qstart
            )
            if src is None:
                nxt = self.sentence(index + 1).sources if index + 1 < len(self.spans) else []
                src = carried or self._best(nxt)
            src = src or Source(UNSPECIFIED, None, (qstart, qstart), "speech")
            cue = "quote"
        else:
            src = self._best(sent.sources, qstart, (qstart, qend))
            if src is not None:
                cue = src.kind
            elif (ref := self._referred(index)) is not None:  # "... Das sagte X."
                src, cue = ref, "speech"
            elif any(s.kind == "via" for s in sent.sources):
                src, cue = next(s for s in sent.sources if s.kind == "via"), "speech"
            elif sent.reportive:
                src, cue = (
                    Source("unspecified reports", None, (qstart, qstart), "source", True),
                    "reportive",
                )
            elif sent.konjunktiv or (sent.konjunktiv_2 and carried is not None):
                src = carried or Source(UNSPECIFIED, None, (qstart, qstart), "source", True)
                cue = "reported"
        via = (
            tuple(v for v in vias if src is None or v != src.name)
            if src is not None and src.kind == "citing"
            else ()
        )
        if src is None:
            return Attribution(AUTHOR, None, "asserted", (), "author")
        src = self._resolve(src, index)
        return Attribution(src.name, src.span, "attributed", via, cue, src.cue[0])

    def clause(self, index: int, pos: int) -> tuple[int, int, int]:
        """``(start, end, number)`` of the clause holding ``pos`` in sentence ``index``."""
        sent = self.sentence(index)
        for k, (a, b, _) in enumerate(sent.clauses):
            if a <= pos < b:
                return a, b, k
        return sent.start, sent.end, -1

    def clauses(self, index: int) -> list[tuple[int, int]]:
        return [(a, b) for a, b, _ in self.sentence(index).clauses]
