"""Quantity claims: numbers the text states about the world, with who asserts them.

``extract_claims(text, sentences, lang, published, mentions)`` reads every
quantity the number layer (:func:`triangulate.language.numbers.find_quantities`)
finds in a sentence and keeps the ones that state a quantity about the world
(GOLD-README rules 26-31); a headline that repeats a figure gives its own claim.

* **kept**: cardinals that count a noun ("etwa 10.000 Soldaten", "Millionen
  Flüchtlinge", "Tausende demonstrierten"), that name a unit (percent, km,
  tonnes, a currency), that "die Zahl der Toten" / "die Verluste stiegen auf"
  names, or that share a list's unit ("12.000, 8.000 und 5.000 Dollar");
  fractions ("zwei Drittel", "jedem dritten" -> percent); multipliers ("achtmal
  höher" -> factor; "dreimal getroffen" -> a count of meetings);
* **dropped**: years, dates, clock times, ordinals, durations and ages (the
  number layer's kinds ``year``, ``date_part``, ``time``, ``ordinal``,
  ``other``, plus "seit 2000 ...", "sechs zusätzliche Tage"); referential
  numbers ("beide", "zwei souveräne Staaten", "die drei Länder"); labels
  ("Seite 5"); "one"/"eins" without a listed noun; numbers that count nothing.

Values and units (:func:`~triangulate.extract.claim_items.contract_unit`): the
number layer's value; ``percentage_points`` are written as ``percent`` (the
records contract has no such unit; the item says "percentage points"); metres,
miles and feet become km; square kilometres, which the contract lacks, are a
``count`` of "square kilometres"; old currencies by noun ("Mark" -> DEM).
``approximate`` is the number layer's (etwa, rund, über, bis zu, mindestens,
vague plurals) or an estimate cue in the sentence ("Schätzungen zufolge").

``item``: ``lang/<lang>/claim_items.yaml`` (plain English), else the noun as
written.  ``asserted_by`` comes from :mod:`triangulate.extract.attribution`
(a name as written, a label such as "unspecified reports", or "author"); with
actor mentions the asserter becomes the code of a mention inside its phrase
(with ``actors``, a person's name), and ``about`` lists the codes of the other
mentions of the claim's clause, then of its sentence.  For a nested source
("Yonhap berichtete unter Berufung auf den Geheimdienst") ``asserted_by`` is
the root source and the predicate ends "via <medium>".

``status`` (:func:`_status`): the event scale of GOLD rules 9-10.

``predicate`` is deliberately simple: an English gloss of the clause's verb
(``predicate_verbs`` in claim_items.yaml; the comparative for a factor) and the
bound in brackets -- "sent (up to)", "lost", "killed (at least)", "higher by a
factor", "(vague plural: minimal reading)" -- then "via <medium>"; None when
there is nothing to say.

``date``: the nearest resolved time expression of the claim's clause, else of
the governing clause, else of the sentence (named periods last, a future one
only for planned/hypothetical claims); for reported speech carried over from a
sentence before, the time next to that sentence's verb of saying.  From
:mod:`triangulate.language.temporal` when it is importable; else None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any

import yaml

from triangulate.extract import claim_items as ci
from triangulate.extract.attribution import (
    Attribution,
    Cues,
    DocumentAttribution,
    SentenceCues,
    Tok,
    marker_in,
    tokens,
)
from triangulate.language.numbers import Quantity, find_quantities
from triangulate.language.quotes import quote_pairs
from triangulate.model import Actor, Analysis, Claim, Mention, Sentence

_find_times_fn: Callable[..., Any] | None
try:  # the temporal resolver is optional
    from triangulate.language.temporal import find_times as _find_times_fn
except Exception:  # pragma: no cover - depends on the checkout
    _find_times_fn = None

__all__ = ["ClaimStage", "extract_claims"]

_KEEP_KINDS = frozenset({"cardinal", "fraction", "multiplier"})
_QUALIFIER_WORDS = {
    "approx": "approximately",
    "at_least": "at least",
    "more_than": "more than",
    "up_to": "up to",
    "less_than": "less than",
    "range": "range",
    "vague": "vague plural: minimal reading",
}


def _lang(lang: str | None) -> str:
    return "de" if str(lang or "de").lower().startswith("de") else "en"


def _anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", str(published).strip())
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3] or 1))
    except ValueError:
        return None


_DIGIT = re.compile(r"\d")
#: "zwölf Verletzte, drei davon schwer": the number counts what the claim before counted
_OF_THEM = re.compile(r"\s+(?:davon|darunter|of\s+them|of\s+whom|among\s+them)\b", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _number_stems(lang: str) -> tuple[str, ...] | None:
    """The number words of the number layer's vocabulary (``lang/<lang>/numbers.yaml``),
    lower case, that a word holding a number starts with; None if unreadable."""
    try:
        res = resources.files(f"triangulate.lang.{lang}").joinpath("numbers.yaml")
        d: dict[str, Any] = yaml.safe_load(res.read_text("utf-8")) or {}
        words: set[str] = set()
        for key in _NUMBER_WORD_KEYS:
            val = d.get(key) or []
            words.update(str(w) for w in (val.keys() if isinstance(val, dict) else val))
        for key in ("half", "so_comparison"):
            words.update(str(w) for w in (d.get(key) or {}).get("words") or [])
        words.update(str(d.get(k) or "") for k in ("hundred", "thousand", "half_suffix"))
        units = d.get("units") or {}
        words.update(str(k) for k, v in units.items() if str(v).startswith("percent"))
    except Exception:  # pragma: no cover - the data ships with the package
        return None
    # of a phrase ("mehrere Dutzend", "half a") the word that is a number word
    heads = {(p[-1] if len(p[-1]) > 2 else p[0]).lower() for p in (w.split() for w in words) if p}
    return tuple(sorted(h for h in heads if len(h) >= 2))


def _may_hold_number(text: str, start: int, end: int, lang: str) -> bool:
    """A cheap test before the number layer: a digit, or a word starting with a number
    word ("zwölf", "Hunderttausende", "achtmal", "einundzwanzig", "twice")."""
    if _DIGIT.search(text, start, end):
        return True
    stems = _number_stems(lang)
    if stems is None:
        return True
    for m in _LETTERS.finditer(text, start, end):
        w = m.group().lower()
        if w.startswith(stems) or (w.startswith("ein") and ("und" in w or "halb" in w)):
            return True
    return False


_NUMBER_WORD_KEYS = (
    "cardinals", "scales", "scales_glued", "currency_scales", "vague", "ordinal_irregular",
    "ordinal_words", "fraction_nouns", "fraction_nouns_singular", "half_words", "half_article",
    "bare_multipliers", "change_words", "referential",
)  # fmt: skip


class _Extractor:
    def __init__(
        self,
        text: str,
        sentences: Sequence[Sentence],
        lang: str,
        published: str | None,
        mentions: Sequence[Mention] | None,
        actors: Sequence[Actor] | None = None,
    ) -> None:
        self.text, self.lang = text, _lang(lang)
        self.sentences = [s for s in sentences if 0 <= s.start < s.end <= len(text)]
        self.anchor = _anchor(published)
        self._time_cache: dict[int, list[Any]] = {}
        self._last: Claim | None = None  # the sentence's claim before, for "drei davon"
        self.mentions = sorted(mentions or [], key=lambda m: (m.start, m.end))
        self.people = {a.id: a.name for a in actors or [] if a.type == "person" and a.name}
        self.attr = DocumentAttribution(
            text, [(s.start, s.end) for s in self.sentences], self.lang, quote_pairs(text)
        )

    def run(self) -> list[Claim]:
        out: list[Claim] = []
        for i, s in enumerate(self.sentences):
            if not _may_hold_number(self.text, s.start, s.end, self.lang):
                continue  # no digit and no number word: nothing for the number layer to find
            qs = find_quantities(self.text, self.lang, s.start, s.end)
            self._last = None
            for k, q in enumerate(qs):
                claim = self._claim(i, s, q, qs[k + 1 :])
                if claim is not None:
                    out.append(claim)
                    self._last = claim
        return out

    # ------------------------------------------------------------ filtering
    def _claim(self, index: int, s: Sentence, q: Quantity, later: list[Quantity]) -> Claim | None:
        text, lang = self.text, self.lang
        nxt = later[0] if later else None
        if q.kind not in _KEEP_KINDS:
            return None
        unit, value, unit_item = ci.contract_unit(q)
        if q.unit is not None and unit is None:
            return None  # a duration or a unit the contract cannot hold
        noun: ci.Noun | None = None
        if q.kind == "fraction":
            pos = q.end
            if (
                nxt is not None
                and nxt.start - q.end < 25
                and not re.search(r"[,;:.!?]", text[q.end : nxt.start])
            ):
                pos = nxt.end  # "zwei Drittel seiner über 30'000 Gastarbeiter"
            noun = ci.counted_noun(text, pos, s.end, lang, allow_of=True)
            item = "share of " + noun.item if noun else "share"
            return self._make(index, s, q, item, "percent", value, noun)
        if q.kind == "multiplier":
            if unit == "factor":
                subject = ci.subject_noun(
                    text, self.attr.clause(index, q.start)[0], q, lang, any_noun=True
                )
                return self._make(
                    index, s, q, (subject + " ratio") if subject else "ratio", "factor", value, None
                )
            item = ci.frequency_item(text, q.end, s.end, lang)
            return self._make(index, s, q, item, "count", value, None)
        # cardinals
        if ci.is_label(text, q.start, lang) or ci.is_year(text, q, lang):
            return None
        scaled = q.text.split()[-1][:1].isalpha()  # "Tausende von", "12 Millionen", "Millionen"
        noun = ci.counted_noun(
            text, q.end, s.end, lang, after_unit=unit is not None, allow_of=scaled
        )
        if (
            noun is None
            and unit is None
            and nxt is not None
            and ci.OUT_OF.fullmatch(text[q.end : nxt.start])
        ):
            noun = ci.counted_noun(text, nxt.end, s.end, lang)  # "40 von 45 Drohnen"
        tail = ci.list_tail(text, q, later)
        if noun is None and unit is None and tail is not None:  # "12.000, 8.000 und 5.000 Dollar"
            t_unit, t_value, t_item = ci.contract_unit(tail)
            if t_unit is not None and t_unit != "factor" and tail.value:
                unit, value, unit_item = t_unit, q.value * t_value / tail.value, t_item
            borrowed = ci.counted_noun(text, tail.end, s.end, lang, after_unit=t_unit is not None)
            noun = borrowed if t_unit is not None or (borrowed and borrowed.listed) else None
        if ci.is_referential(text, q.start, q.text, q.value, noun, lang):
            return None
        if unit is None and ci.is_duration(text, q.end, noun, lang):
            return None
        if unit is None and q.value <= 1 and q.value_max is None and not (noun and noun.listed):
            return None  # "one example", "eins der Politiker": no count worth a claim
        measured = ci.measure(noun, lang) if unit is None else None
        if measured is not None:
            unit, value = measured[0], value * measured[1]
        if unit is not None:
            if unit == "percent":
                subject = (
                    ""
                    if noun or unit_item
                    else ci.subject_noun(
                        text, self.attr.clause(index, q.start)[0], q, lang, any_noun=True
                    )
                )
                if unit_item:  # percentage points
                    item = f"{subject} ({unit_item})" if subject else unit_item
                else:
                    item = "share of " + noun.item if noun else subject or "percentage"
            elif unit == "km":
                item = ci.distance_item(
                    text, max(s.start, q.start - 60), min(s.end, q.end + 40), lang
                )
            elif (
                noun is not None and measured is None
            ):  # "20 Tonnen Munition", "1 Mrd. Dollar Hilfe"
                item = unit_item or noun.item
            else:  # the noun was the unit ("Fuß", "Mark")
                item = unit_item or ("weight" if unit == "tonnes" else "amount")
            return self._make(index, s, q, item, unit, value, noun)
        last = self._last
        if noun is None and last is not None and _OF_THEM.match(text, q.end, s.end):
            return self._make(index, s, q, last.item, last.unit, value, None)  # "drei davon"
        if noun is None:
            noun = ci.bare_noun(
                text, (s.start, s.end), self.attr.clause(index, q.start)[0], q, lang
            )
            if noun is None:
                return None
        return self._make(index, s, q, noun.item, noun.unit, value, noun)

    # ------------------------------------------------------------ building
    def _make(
        self,
        index: int,
        s: Sentence,
        q: Quantity,
        item: str,
        unit: str,
        value: float,
        noun: ci.Noun | None,
    ) -> Claim:
        a = self.attr.attribute(index, q.start, q.end)
        sent = self.attr.sentence(index)
        status = _status(self.text, self.attr.c, sent, q, a.cue != "author")
        end = q.end  # the text runs to the noun, unless it was borrowed from a later number
        if noun and q.end <= noun.start <= noun.end <= s.end:  # ("3, 4 oder 5 Panzer")
            end = q.end if re.search(r"\d", self.text[q.end : noun.start]) else noun.end
        approximate = q.approximate or sent.estimate
        in_sentence = [m for m in self.mentions if s.start <= m.start and m.end <= s.end]
        asserted_by, asserter_mentions = self._asserter(a.asserted_by, a.span)
        return Claim(
            item=item or "count",
            value=float(value),
            unit=unit,
            text=(q.start, end),
            sentence=(s.start, s.end),
            value_max=None
            if q.value_max is None
            else q.value_max * (value / q.value if q.value else 1),
            approximate=bool(approximate),
            about=self._about(index, q, in_sentence, asserter_mentions),
            predicate=self._predicate(index, q, end, a.via),
            asserted_by=asserted_by,
            date=self._date(index, s, q, status) or self._carried_date(s, a),
            status=status,
        )

    def _asserter(self, name: str, span: tuple[int, int] | None) -> tuple[str, list[Mention]]:
        """The asserter as an actor code (a person by name) when a mention lies in its phrase
        (which may be in an earlier sentence, for reported speech carried over)."""
        if span is None:
            return name, []
        inside = [m for m in self.mentions if m.start < span[1] and span[0] < m.end and m.code]
        if not inside:
            return name, []
        people = [m for m in inside if m.actor_id in self.people]
        best = people[0] if people else max(inside, key=lambda m: (m.end - m.start, -m.start))
        return (self.people[best.actor_id] if people else best.code), inside

    def _about(
        self, index: int, q: Quantity, ms: list[Mention], exclude: list[Mention]
    ) -> list[str]:
        """Codes of the actors the claim's clause (else sentence) mentions, the asserter
        left out; one code per country (the mention nearest the number), nearest first."""
        lo, hi, _ = self.attr.clause(index, q.start)
        cands = [m for m in ms if m not in exclude and m.code]
        near = [m for m in cands if lo <= m.start < hi] or cands
        near.sort(key=lambda m: min(abs(m.start - q.end), abs(q.start - m.end)))
        out: list[str] = []
        for m in near:
            country = m.code[:6] if m.code.startswith("IGO") else m.code[:3]
            if all((c[:6] if c.startswith("IGO") else c[:3]) != country for c in out):
                out.append(m.code)
        return out[:4]

    def _predicate(self, index: int, q: Quantity, end: int, via: tuple[str, ...]) -> str | None:
        lo, hi, _ = self.attr.clause(index, q.start)
        words = [
            t.low
            for t in tokens(self.text, lo, hi)
            if t.text[:1].isalpha()
            and not q.start <= t.start < end
            and (self.lang != "de" or t.text[:1].islower())  # German nouns are no verbs
        ]
        joined = " ".join(words)
        glosses = ci.vocabulary(self.lang).glosses
        gloss = next((g for key, g in glosses if " " in key and key in joined), "")
        for w in reversed(words):  # verb-final clauses put the lexical verb last
            if gloss:
                break
            gloss = ci.verb_gloss(w, self.lang)
        if q.kind == "multiplier" and q.unit == "factor":
            comparatives = ci.vocabulary(self.lang).comparatives
            last = q.text.split()[-1].lower()
            gloss = comparatives.get(last, "ratio")
            if last in comparatives and len(q.text.split()) > 1:
                gloss += " by a factor"  # "achtmal höher"; "verdoppelt" alone says it
        parts = [gloss] if gloss else []
        qual = _QUALIFIER_WORDS.get(q.qualifier)
        if qual:
            parts.append(f"({qual})")
        if via:
            parts.append("via " + ", ".join(via))
        return " ".join(parts) or None

    def _date(self, index: int, s: Sentence, q: Quantity, status: str) -> str | None:
        """The nearest resolved time of the claim's clause, else of the sentence's other
        clauses (the governing one first, named periods last)."""
        found = self._times(s)
        lo, hi, k = self.attr.clause(index, q.start)
        clauses = self.attr.clauses(index)
        governing = clauses[k - 1] if k > 0 else (lo, hi)
        best: tuple[int, int, int, str] | None = None
        for t in found:
            value = getattr(t, "value", None)
            if not value or (t.start < q.end and q.start < t.end):
                continue
            if getattr(t, "direction", None) == "future" and status not in (
                "planned",
                "hypothetical",
            ):
                continue
            where = 0 if lo <= t.start < hi else 1 if governing[0] <= t.start < governing[1] else 2
            named = 1 if where and getattr(t, "kind", "") == "named" else 0
            rank = (where, named, min(abs(t.start - q.end), abs(q.start - t.end)))
            if best is None or rank < best[:3]:
                best = (*rank, str(value))
        return best[3] if best else None

    def _times(self, s: Sentence) -> list[Any]:
        """The resolved time expressions of a sentence (once per sentence)."""
        if _find_times_fn is None or self.anchor is None:
            return []
        if s.start not in self._time_cache:
            try:
                found = list(_find_times_fn(self.text, self.lang, self.anchor, s.start, s.end))
            except Exception:
                found = []
            self._time_cache[s.start] = found
        return self._time_cache[s.start]

    def _carried_date(self, s: Sentence, a: Attribution) -> str | None:
        """Reported speech carried over ("Außerdem habe Russland ... verloren"): the time
        next to the reporting verb of the sentence that opened it ("meldete ... jüngst")."""
        if a.cue not in ("reported", "quote") or a.cue_at is None or a.cue_at >= s.start:
            return None
        src = next((x for x in self.sentences if x.start <= a.cue_at < x.end), None)
        if src is None:
            return None
        found = self._times(src)
        dated = [t for t in found if t.value and getattr(t, "direction", None) != "future"]
        best = min(dated, key=lambda t: abs(t.start - a.cue_at), default=None)
        return str(best.value) if best is not None and abs(best.start - a.cue_at) < 80 else None


# ---------------------------------------------------------------- status


def _status(text: str, c: Cues, sent: SentenceCues, q: Quantity, sourced: bool) -> str:
    """The event scale (GOLD rules 9-10): denied > negated > hypothetical > planned >
    attributed > asserted.  Modal and planning markers count in the claim's clause and,
    for a "dass"/"ob"/"zu"-clause, in the clause that governs it."""
    if sent.denial:
        return "denied"
    if _negated(c, sent, q.start):
        return "negated"
    ci = next((i for i, (a, b, _) in enumerate(sent.clauses) if a <= q.start < b), None)
    if ci is None:
        return "attributed" if sourced else "asserted"
    cs, ce, opener = sent.clauses[ci]
    spans = [(cs, ce)]
    words = [t for t in sent.toks if cs <= t.start < ce and t.text[:1].isalpha()]
    governed = opener in ("dass", "daß", "ob", "that", "whether") or (
        (len(words) > 1 and words[-2].low == "zu") or (words and words[0].low == "to")
    )
    if ci > 0 and governed:
        spans.append(sent.clauses[ci - 1][:2])
    masks = [m.span() for m in c.not_markers.finditer(text, sent.start, sent.end)]

    def marked(pat: re.Pattern[str]) -> bool:
        return any(marker_in(pat, text, a, b, masks) for a, b in spans)

    if sent.question or marked(c.hypothetical) or (not sourced and marked(c.hedges)):
        return "hypothetical"
    future = _future(c, words)
    planned = marked(c.planned) or future
    if planned and sent.reportive and not future:  # "soll ... haben" is reportive, not planned
        planned = any(t.low not in c.reportive_modal for t in words if c.planned.fullmatch(t.text))
    if planned:
        more = re.search(
            r"\b(?:weitere|weiteren|more|further|additional)\b", text[q.end : q.end + 20].lower()
        )
        return "hypothetical" if q.qualifier == "up_to" and more else "planned"
    return "attributed" if sourced else "asserted"


def _future(c: Cues, words: list[Tok]) -> bool:
    """ "wird ... schicken": a future auxiliary and an infinitive ending the clause."""
    if not c.future_aux or not any(t.low in c.future_aux for t in words):
        return False
    verbs = [t for t in words if t.low not in c.future_aux]
    if not verbs:
        return False
    last, lw = verbs[-1], verbs[-1].low
    return (
        last.text[:1].islower()
        and lw.endswith(("en", "ern", "eln"))
        and not lw.startswith("ge")
        and lw not in c.participles_en
        and lw not in ("worden", "haben", "sein")
    )


def _negated(c: Cues, sent: SentenceCues, qstart: int) -> bool:
    """A negation right before the number ("keine 10.000", "did not send 100")."""
    before = [t for t in sent.toks if t.end <= qstart]
    window = before[-1:] if c.lang == "de" else before[-3:]
    for k, t in enumerate(window):
        last = k == len(window) - 1
        if (t.low in c.negation and (t.low != "no" or last)) or (
            c.negation_suffixes and t.low.endswith(c.negation_suffixes)
        ):
            return True
    return False


def extract_claims(
    text: str,
    sentences: list[Sentence],
    lang: str,
    published: str | None = None,
    mentions: list[Mention] | None = None,
    *,
    actors: list[Actor] | None = None,
) -> list[Claim]:
    """The quantity claims of ``text``, sentence by sentence, in text order.

    ``mentions`` (actor mentions, possibly empty) give ``about`` and turn the
    asserter into an actor code; with ``actors`` a person asserter is given by
    name ("Sung-Yoon Lee"), as the records contract has it.  Never raises.
    """
    if not isinstance(text, str) or not text or not sentences:
        return []
    try:
        return _Extractor(text, sentences, lang, published, mentions, actors).run()
    except Exception:  # a last guard: one odd document must not stop a batch
        return []


class ClaimStage:
    """Pipeline stage: fills ``analysis.claims``."""

    name = "claims"
    version = "1"

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.document
        analysis.claims = extract_claims(
            doc.text,
            analysis.sentences,
            doc.language or "de",
            doc.published,
            analysis.mentions,
            actors=analysis.actors,
        )
