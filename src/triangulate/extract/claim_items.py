"""What a quantity counts: the noun phrase after it, its item and its unit.

The vocabulary lives in ``triangulate/lang/<lang>/claim_items.yaml``: normalised
items (plain English) with the noun forms that name them, split into ``persons``
and ``count`` items, plus the word lists for referential numbers, labels,
"die Zahl der ..." and frequencies.  This module holds only the rules:

* :func:`counted_noun` reads the noun phrase right after a quantity ("etwa
  10.000 *Soldaten*", "Rund 90 Prozent *aller Importe*", "*Staats- und
  Regierungschefs*", "tens of thousands *of troops*") and returns its head;
* :func:`lookup` maps a noun to ``(item, unit)``: a listed form (whole word or
  compound head, longest first), else a person suffix (unit ``persons``), else
  the noun itself with unit ``count``;
* :func:`is_referential`, :func:`number_noun_before` and :func:`frequency_item`
  are the context tests the claim extractor needs.

Regex and dictionary lookups only; nothing here raises on odd text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from triangulate.language.numbers import Quantity

__all__ = [
    "OUT_OF",
    "Noun",
    "Vocabulary",
    "bare_noun",
    "contract_unit",
    "counted_noun",
    "distance_item",
    "frequency_item",
    "is_duration",
    "is_label",
    "is_referential",
    "is_year",
    "list_tail",
    "measure",
    "lookup",
    "number_noun_before",
    "subject_noun",
    "verb_gloss",
    "vocabulary",
]

_WORD = re.compile(r"[^\W\d_](?:[\w'’]|-(?=\w)|\.(?=[^\W\d_]))*(?:-(?=\s+(?:und|oder|and|or)\b))?")
_GAP = re.compile(r"[^\S\n]+")
_ADJ_DE = re.compile(r"(?:e|en|er|es|em|ische|ischen|ischer|isches)$")


@dataclass(frozen=True, slots=True)
class Noun:
    """The head noun of a counted noun phrase: ``text[start:end]``; ``phrase_start``
    is where the phrase begins (after the quantity), ``item``/``unit`` its reading."""

    start: int
    end: int
    text: str
    item: str
    unit: str
    listed: bool


@dataclass(frozen=True, slots=True)
class Vocabulary:
    lang: str
    forms: dict[str, tuple[str, str]]  # lower-case form -> (item, unit)
    multiword: tuple[tuple[str, str, str], ...]  # (lower form, item, unit), longest first
    by_length: tuple[str, ...]  # single-word forms, longest first
    min_head: int
    person_suffixes: tuple[str, ...]
    referential_max: float
    referential_nouns: frozenset[str]
    definite_max: float
    definite_words: frozenset[str]
    label_words: frozenset[str]
    number_nouns: frozenset[str]
    number_suffixes: tuple[str, ...]
    np_skip: frozenset[str]
    np_determiners: frozenset[str]
    of_words: frozenset[str]
    frequency: dict[str, str]  # verb form -> item
    currency: dict[str, str]  # lower-case noun -> ISO 4217
    measures: dict[str, tuple[str, float]]  # lower-case noun -> (unit, factor)
    time_nouns: frozenset[str]
    time_heads: tuple[str, ...]
    time_adjectives: tuple[str, ...]
    not_adjectives: frozenset[str]
    np_stop: frozenset[str]
    glosses: tuple[tuple[str, str], ...]  # (verb stem, English gloss), longest stem first
    comparatives: dict[str, str]
    year_before: frozenset[str]
    bare_links: frozenset[str]
    distance_items: tuple[tuple[str, str], ...]  # (keyword, item)
    capitalised_nouns: bool


def _low(xs: Any) -> list[str]:
    return [str(x).lower() for x in (xs or [])]


@cache
def vocabulary(lang: str) -> Vocabulary:
    """The item vocabulary of ``lang`` ("de" for German, anything else English)."""
    code = "de" if str(lang).lower().startswith("de") else "en"
    raw = (
        resources.files(f"triangulate.lang.{code}").joinpath("claim_items.yaml").read_text("utf-8")
    )
    d: dict[str, Any] = yaml.safe_load(raw) or {}
    forms: dict[str, tuple[str, str]] = {}
    for unit in ("count", "persons"):  # persons last: a form listed twice is a person
        for item, words in (d.get(unit) or {}).items():
            for w in _low(words):
                forms[" ".join(w.split())] = (str(item), unit)
    for w in d.get("persons_as_written") or []:
        forms.setdefault(" ".join(str(w).lower().split()), (str(w), "persons"))
    multi = tuple(
        sorted(((f, i, u) for f, (i, u) in forms.items() if " " in f), key=lambda x: -len(x[0]))
    )
    single = tuple(sorted((f for f in forms if " " not in f), key=lambda f: -len(f)))
    freq = {w: str(item) for item, ws in (d.get("frequency_items") or {}).items() for w in _low(ws)}
    return Vocabulary(
        lang=code,
        forms=forms,
        multiword=multi,
        by_length=single,
        min_head=int(d.get("min_head", 5)),
        person_suffixes=tuple(_low(d.get("person_suffixes"))),
        referential_max=float(d.get("referential_max", 2)),
        referential_nouns=frozenset(_low(d.get("referential_nouns"))),
        definite_max=float(d.get("definite_max", 3)),
        definite_words=frozenset(_low(d.get("definite_words"))),
        label_words=frozenset(_low(d.get("label_words"))),
        number_nouns=frozenset(_low(d.get("number_nouns"))),
        number_suffixes=tuple(_low(d.get("number_suffixes"))),
        np_skip=frozenset(_low(d.get("np_skip"))),
        np_determiners=frozenset(_low(d.get("np_determiners"))),
        of_words=frozenset(_low(d.get("of_words"))),
        frequency=freq,
        currency={str(k).lower(): str(v) for k, v in (d.get("currency_nouns") or {}).items()},
        measures={
            str(k).lower(): (str(v[0]), float(v[1])) for k, v in (d.get("measures") or {}).items()
        },
        time_nouns=frozenset(_low(d.get("time_nouns"))),
        time_heads=tuple(_low(d.get("time_heads"))),
        time_adjectives=tuple(_low(d.get("time_adjectives"))),
        not_adjectives=frozenset(_low(d.get("not_adjectives"))),
        np_stop=frozenset(_low(d.get("np_stop"))),
        glosses=tuple(
            sorted(
                ((str(k).lower(), str(v)) for k, v in (d.get("predicate_verbs") or {}).items()),
                key=lambda kv: -len(kv[0]),
            )
        ),
        comparatives={str(k).lower(): str(v) for k, v in (d.get("comparatives") or {}).items()},
        year_before=frozenset(_low(d.get("year_before"))),
        bare_links=frozenset(_low(d.get("bare_links"))),
        distance_items=tuple(
            (str(k).lower(), str(v)) for k, v in (d.get("distance_items") or {}).items()
        ),
        capitalised_nouns=code == "de",
    )


def lookup(noun: str, vocab: Vocabulary) -> tuple[str, str, bool]:
    """``(item, unit, listed)`` for a noun as written."""
    w = noun.strip().lower().rstrip(".")
    if not w:
        return "", "count", False
    hit = vocab.forms.get(w)
    if hit:
        return hit[0], hit[1], True
    for form in vocab.by_length:
        if len(form) >= vocab.min_head and len(w) > len(form) and w.endswith(form):
            # a compound head ("Minenräumspezialisten") or a hyphenated one ("US-Soldaten")
            item, unit = vocab.forms[form]
            return item, unit, True
    if any(w.endswith(s) and len(w) > len(s) + 1 for s in vocab.person_suffixes):
        return noun.strip(), "persons", False
    return noun.strip(), "count", False


def _words(text: str, pos: int, end: int, limit: int = 8) -> list[re.Match[str]]:
    """Up to ``limit`` words after ``pos``, separated by spaces only (stops at punctuation)."""
    out: list[re.Match[str]] = []
    while len(out) < limit:
        g = _GAP.match(text, pos, end)
        if g is None:
            break
        m = _WORD.match(text, g.end(), end)
        if m is None:
            break
        out.append(m)
        pos = m.end()
    return out


def _multiword(text: str, start: int, end: int, vocab: Vocabulary) -> tuple[int, str, str] | None:
    """A multi-word form starting at ``start`` ("heads of state", "Staats- und Regierungschefs")."""
    chunk = " ".join(text[start : min(end, start + 60)].lower().split())
    for form, item, unit in vocab.multiword:
        if chunk.startswith(form) and (len(chunk) == len(form) or not chunk[len(form)].isalnum()):
            # map back to an offset: count the characters of the form's words
            pos, n = start, 0
            for word in form.split():
                i = text.lower().find(word, pos, end)
                if i < 0:
                    return None
                pos, n = i + len(word), n + 1
            return pos, item, unit
    return None


def _is_adjective(w: str, vocab: Vocabulary) -> bool:
    lw = w.lower()
    return w[:1].islower() and lw not in vocab.not_adjectives and bool(_ADJ_DE.search(lw))


def counted_noun(
    text: str, pos: int, end: int, lang: str, *, after_unit: bool = False, allow_of: bool = False
) -> Noun | None:
    """The head noun of the phrase right after ``pos`` (the end of a quantity).

    German: a determiner right after the number ("Prozent *aller* Importe",
    "zwei *der* Bücher"), then "weitere" and adjectives, then the first
    capitalised word; a truncated compound ("Staats- und Regierungschefs") runs
    to its last part.  English: the first listed form within five words, else
    the first lower-case plural before a function word.  ``after_unit``: the
    quantity names its unit ("90 percent"), so in English only an "of" phrase
    follows ("of imports"); ``allow_of``: a vague or scaled number may take
    "von" / "of" ("Tausende von Soldaten", "millions of people").
    """
    vocab = vocabulary(lang)
    words = _words(text, pos, end)
    if vocab.capitalised_nouns:
        return _noun_de(text, words, end, vocab, allow_of or after_unit)
    return _noun_en(text, words, end, vocab, after_unit, allow_of)


def _noun(text: str, m: re.Match[str], vocab: Vocabulary, end: int) -> Noun:
    mw = _multiword(text, m.start(), end, vocab)
    if mw is not None:
        return Noun(m.start(), mw[0], text[m.start() : mw[0]], mw[1], mw[2], True)
    item, unit, listed = lookup(m.group(), vocab)
    return Noun(m.start(), m.end(), m.group(), item, unit, listed)


def _noun_de(
    text: str, words: list[re.Match[str]], end: int, vocab: Vocabulary, allow_of: bool
) -> Noun | None:
    skipped = 0
    for i, m in enumerate(words):
        w = m.group()
        lw = w.lower()
        if w[:1].isupper() and lw not in vocab.np_skip and lw not in vocab.np_determiners:
            if w.endswith("-") and i + 2 < len(words):  # "Staats- und Regierungschefs"
                mw = _multiword(text, m.start(), end, vocab)
                if mw is not None:
                    return Noun(m.start(), mw[0], text[m.start() : mw[0]], mw[1], mw[2], True)
                last = words[i + 2]
                item, unit, listed = lookup(last.group(), vocab)
                return Noun(m.start(), last.end(), text[m.start() : last.end()], item, unit, listed)
            return _noun(text, m, vocab, end)
        first_slot = i == 0 or (i == 1 and words[0].group().lower() in vocab.of_words)
        if lw in vocab.np_determiners and first_slot:
            continue
        if (
            (lw in vocab.of_words and i == 0 and allow_of)
            or lw in vocab.np_skip
            or _is_adjective(w, vocab)
        ):
            skipped += 1
            if skipped > 4:
                return None
            continue
        return None
    return None


def _noun_en(
    text: str,
    words: list[re.Match[str]],
    end: int,
    vocab: Vocabulary,
    after_unit: bool,
    allow_of: bool,
) -> Noun | None:
    if after_unit and (not words or words[0].group().lower() not in vocab.of_words):
        return None  # "90 percent of imports", "$2 billion of aid"; not "5 percent last year"
    first: re.Match[str] | None = None
    for i, m in enumerate(words[:5]):
        w = m.group()
        lw = w.lower()
        mw = _multiword(text, m.start(), end, vocab)
        if mw is not None:
            return Noun(m.start(), mw[0], text[m.start() : mw[0]], mw[1], mw[2], True)
        if lw in vocab.of_words:
            if i == 0 and (allow_of or after_unit):
                continue
            break
        if lw in vocab.np_determiners and i <= 1:
            continue
        if lw in vocab.forms:
            return _noun(text, m, vocab, end)
        if lw in vocab.np_skip:
            continue
        if lw in vocab.np_stop:
            break
        if lookup(w, vocab)[2]:
            return _noun(text, m, vocab, end)
        plural = lw.endswith("s") and not lw.endswith(("ss", "'s", "’s")) and len(lw) > 3
        if first is None and w[:1].islower() and plural:
            first = m
    if first is not None:
        return _noun(text, first, vocab, end)
    return None


def is_duration(text: str, qend: int, noun: Noun | None, lang: str) -> bool:
    """A count of time units ("sechs zusätzliche Tage", "zwei Kriegsjahre", "4 stündigen")."""
    vocab = vocabulary(lang)
    if noun is None:
        return False
    lw = noun.text.lower().rstrip(".")
    if lw in vocab.time_nouns:
        return True
    if any(lw.endswith(h) and len(lw) > len(h) + 2 for h in vocab.time_heads):
        return True
    between = text[qend : noun.start].lower()
    return any(a in between for a in vocab.time_adjectives)


def measure(noun: Noun | None, lang: str) -> tuple[str, float] | None:
    """Unit and factor of a noun of measure ("Fuß" -> km) or a currency ("Mark" -> DEM)."""
    if noun is None:
        return None
    vocab = vocabulary(lang)
    lw = noun.text.lower()
    if lw in vocab.currency:
        return vocab.currency[lw], 1.0
    return vocab.measures.get(lw)


def is_referential(
    text: str, qstart: int, qtext: str, value: float, noun: Noun | None, lang: str
) -> bool:
    """ "beide"/"both", a small number before "Staaten"/"Blöcke", or after "die"/"the"."""
    vocab = vocabulary(lang)
    if qtext.strip().lower() in ("beide", "beiden", "beider", "beides", "both"):
        return True
    if (
        noun is not None
        and value <= vocab.referential_max
        and noun.text.lower() in vocab.referential_nouns
    ):
        return True
    if value <= vocab.definite_max:
        prev = _prev_word(text, qstart)
        if prev.lower() in vocab.definite_words:
            return True
    return False


def is_label(text: str, qstart: int, lang: str) -> bool:
    """A number right after "Seite", "Kapitel", "page" ... is a label."""
    return _prev_word(text, qstart).lower() in vocabulary(lang).label_words


_PREV = re.compile(r"([^\W\d_][\w.\-]*)[^\S\n]+$")


def _prev_word(text: str, pos: int) -> str:
    m = _PREV.search(text, max(0, pos - 40), pos)
    return m.group(1) if m else ""


_NUMBER_OF = {
    "de": r"\s+(?:der|an|von|des)\s+(?:[a-zäöüß]+\s+){0,2}(?P<w>[A-ZÄÖÜ][\w-]*)",
    "en": r"\s+of\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?(?P<w>[a-z][\w-]*s|dead|killed|wounded)\b",
}


@cache
def _number_of(lang: str) -> re.Pattern[str]:
    """ "Zahl der <noun>" / "number of <noun>" with the language's number nouns."""
    vocab = vocabulary(lang)
    nouns = "|".join(re.escape(w) for w in sorted(vocab.number_nouns, key=len, reverse=True))
    flags = 0 if vocab.capitalised_nouns else re.IGNORECASE  # German nouns are capitalised
    return re.compile(rf"(?<!\w)(?i:{nouns or '(?!)'}){_NUMBER_OF[vocab.lang]}", flags)


_COMPOUND_NUMBER = re.compile(r"(?<!\w)(?P<w>[A-ZÄÖÜ][\wäöüß]+?)s?(?:zahl|zahlen)\b")
_DEATH_TOLL = re.compile(r"(?<!\w)death\s+toll\b", re.I)


def number_noun_before(text: str, lo: int, pos: int, lang: str) -> Noun | None:
    """What a bare number counts from "die Zahl der Toten ... 540" / "the number of dead ... 540"."""
    vocab = vocabulary(lang)
    code = vocab.lang
    best: Noun | None = None
    for m in _number_of(code).finditer(text, lo, pos):
        item, unit, listed = lookup(m.group("w"), vocab)
        best = Noun(m.start("w"), m.end("w"), m.group("w"), item, unit, listed)
    if best is None and code == "de":
        for m in _COMPOUND_NUMBER.finditer(text, lo, pos):
            stem = m.group("w")
            item, unit, listed = lookup(stem, vocab)
            if not listed:
                item, unit, listed = lookup(stem + "e", vocab)
            if listed:
                best = Noun(m.start(), m.end(), m.group(), item, unit, listed)
    if best is None and code == "en":
        tolls = list(_DEATH_TOLL.finditer(text, lo, pos))
        if tolls:
            m2 = tolls[-1]
            best = Noun(m2.start(), m2.end(), m2.group(), "casualties", "persons", True)
    return best


def frequency_item(text: str, pos: int, end: int, lang: str) -> str:
    """What "dreimal"/"three times" counts, from the verb of its clause."""
    vocab = vocabulary(lang)
    for m in _words(text, pos, end, limit=6):
        item = vocab.frequency.get(m.group().lower())
        if item:
            return item
    # the verb may come before: "Kim met Trump three times"
    window = text[max(0, pos - 80) : pos].lower()
    best = ""
    for w in re.findall(r"[^\W\d_]+", window):
        best = vocab.frequency.get(w, best)
    return best or "occurrences"


# ---------------------------------------------------------------- quantities
_LIST_LINK = re.compile(r"\s*(?:,|und|oder|sowie|and|or|&)\s*", re.IGNORECASE)
OUT_OF = re.compile(r"\s+(?:von|aus|of|out\s+of)\s+", re.IGNORECASE)
_NOUN_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


def contract_unit(q: Quantity) -> tuple[str | None, float, str | None]:
    """The records-contract unit of a quantity, its value in that unit, and an item the
    unit implies.  Percentage points are percent (the contract has no such unit), metres
    and miles km, square kilometres a count; durations and other units give None."""
    u = q.unit
    if u == "percentage_points":
        return "percent", q.value, "percentage points"
    if u == "m":
        return "km", q.value / 1000, None
    if u == "mi":
        return "km", q.value * 1.609344, None
    if u == "km2":
        return "count", q.value, "square kilometres"
    if u in ("percent", "km", "tonnes", "factor") or (
        u is not None and re.fullmatch(r"[A-Z]{3}", u)
    ):
        return u, q.value, None
    return None, q.value, None


def is_year(text: str, q: Quantity, lang: str) -> bool:
    """A four-digit year the number layer took for a count: "seit 2000 Nato-Mitglied",
    "zwischen 1904 und 1914 führte ..."."""
    years = r"\d{4}(?:\s*(?:-|–|bis|und|to|and)\s*\d{4})?"
    if q.qualifier not in ("exact", "range") or not re.fullmatch(years, q.text.strip()):
        return False
    if not (1000 <= q.value <= 2099 and (q.value_max is None or 1000 <= q.value_max <= 2099)):
        return False
    if q.value_max is not None:
        return True
    m = re.search(r"([^\W\d_]+)\W*$", text[max(0, q.start - 20) : q.start])
    return m is not None and m.group(1).lower() in vocabulary(lang).year_before


def list_tail(text: str, q: Quantity, later: list[Quantity]) -> Quantity | None:
    """The last number of a list the quantity opens ("12.000, 8.000 und 5.000 Dollar")."""
    tail, end = None, q.end
    for nq in later:
        if nq.kind != "cardinal" or not _LIST_LINK.fullmatch(text[end : nq.start]):
            break
        tail, end = nq, nq.end
    return tail


def bare_noun(
    text: str, sent: tuple[int, int], clause_start: int, q: Quantity, lang: str
) -> Noun | None:
    """What a number without a noun after it counts: "die Zahl der Toten stieg auf 540",
    "Die Verluste stiegen auf 540", "Tausende protestierten"."""
    noun = number_noun_before(text, sent[0], q.start, lang)
    if noun is not None:
        return noun
    vocab = vocabulary(lang)
    prev = re.search(r"([^\W\d_]+)\W*$", text[max(clause_start, q.start - 30) : q.start])
    if prev and prev.group(1).lower() in vocab.bare_links:
        for m in reversed(list(_NOUN_TOKEN.finditer(text, clause_start, q.start))):
            item, unit, listed = lookup(m.group(), vocab)
            if listed and (not vocab.capitalised_nouns or m.group()[:1].isupper()):
                return Noun(m.start(), m.end(), m.group(), item, unit, True)
    if q.qualifier == "vague" and q.value >= 100:
        after = re.match(r"[^\S\n]+[a-zäöüß]\w+", text[q.end : min(sent[1], q.end + 30)])
        before = text[clause_start : q.start].split()
        if after and (not before or before[-1].lower() in ("und", "and", "auch")):
            return Noun(q.start, q.end, q.text, "people", "persons", False)
    return None


def subject_noun(
    text: str, clause_start: int, q: Quantity, lang: str, any_noun: bool = False
) -> str:
    """The listed noun before a quantity in its clause ("Die chinesischen Exporte ... waren
    achtmal höher" -> exports); ``any_noun`` (German): else the clause's first noun."""
    vocab = vocabulary(lang)
    best, first = "", ""
    for m in _NOUN_TOKEN.finditer(text, clause_start, q.start):
        w = m.group()
        item, _unit, listed = lookup(w, vocab)
        if listed and (w[:1].isupper() or not vocab.capitalised_nouns):
            best = item
        elif not first and vocab.capitalised_nouns and w[:1].isupper() and m.start() > clause_start:
            first = w
    return best or (first if any_noun else "")


def distance_item(text: str, lo: int, hi: int, lang: str) -> str:
    """What a distance measures, from a keyword near it ("Grenze" -> border length)."""
    window = text[lo:hi].lower()
    return next(
        (item for key, item in vocabulary(lang).distance_items if key in window), "distance"
    )


@cache
def _gloss_pattern(lang: str) -> re.Pattern[str]:
    keys = [k for k, _ in vocabulary(lang).glosses if " " not in k]  # longest first
    alts = "|".join(re.escape(k) for k in keys) or "(?!)"
    if vocabulary(lang).capitalised_nouns:  # German: any word the stem begins
        return re.compile(rf"(?:{alts})")
    return re.compile(rf"(?:{alts})(?:s|es|d|ed|ing|ied|ies)?$")  # English: inflections only


@lru_cache(maxsize=8192)
def verb_gloss(word: str, lang: str) -> str:
    """The English gloss of a verb form ("geschickt" -> sent, "killed" -> killed), or ""."""
    vocab = vocabulary(lang)
    pat = _gloss_pattern(vocab.lang)
    forms = [word]
    if vocab.capitalised_nouns and word.startswith("ge") and len(word) > 5:
        forms.append(word[2:])  # the participle's stem: "geschickt" -> "schickt"
    best = ""
    for form in forms:
        m = pat.match(form)
        if m is not None:
            key = m.group() if vocab.capitalised_nouns else m.group()
            stem = next((k for k, _ in vocab.glosses if key.startswith(k)), "")
            if len(stem) > len(best):
                best = stem
    return dict(vocab.glosses).get(best, "")
