"""Numbers and quantity expressions in German and English news text.

``find_quantities`` returns every number expression ("etwa 10.000", "bis zu 30.000",
"Rund 90 Prozent", "1,5 Millionen", "achtmal höher", "zwei Drittel", "tens of
thousands", "$1.5 billion") with absolute offsets, value, interval qualifier, the unit
the expression itself names, and a ``kind`` that lets the claim extractor drop years,
dates, ordinals and clock times.  ``parse_number`` reads one number ("254.920",
"zwölf Millionen", "twenty-five", "1,5 Mio.").  The language data lives in
``triangulate/lang/<lang>/numbers.yaml``; this module holds only the rules.  Regex
based, linear time, never raises.

Conventions where the gold rules are silent:

* ``value``: lower bound of a range; first number of a date ("23.07.25" -> 23);
  hours of a clock time ("14.30 Uhr" -> 14.5).
* Bare frequencies ("dreimal getroffen", "three times") are ``kind="multiplier"``
  with ``unit=None`` (a count of occurrences); a comparative ("achtmal höher"),
  "-fach"/"-fold" or "verdoppelt"/"doubled" make ``unit="factor"``.
* "neun von zehn" / "nine out of ten" is a fraction: 90 percent.
* Durations and ages ("fünf Jahre", "75-Jahr-Feier", "40-Jährige") are
  ``kind="other"`` with a time unit ("years", "days"); other number-noun compounds
  ("Zwei-Staaten-Lösung", "10-Punkte-Plan") are ``kind="other"``, ``unit=None``.
* Ranges are ``approximate`` only when a qualifier word precedes them.
* Labels ("Nr. 1", "Artikel 5"), model names ("F-16", "G7", "Covid-19"), scores
  ("3:1") and numbers inside URLs are not reported at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

import yaml

__all__ = ["Quantity", "find_quantities", "parse_number"]

S = r"[^\S\n]"  # horizontal white space (incl. no-break spaces), never a line break
_GS = " '’\u00a0\u202f\u2009"  # thousands separators besides "." and ","
_BOUNDS = {"at_least", "more_than", "up_to", "less_than"}
_APPROX = {"approx", "vague"} | _BOUNDS
_URL = re.compile(r"(?<!\S)\S{0,40}(?:https?://|www\.)\S*|(?<![\w.+-])[\w.+-]{1,64}@[\w-]+\.[\w.]+")
_NEXT_WORD = re.compile(S + r"+(?P<w>[^\W\d_][\w'’]*)")
_PREV_WORD = re.compile(r"(?P<w>[^\W\d_]\w*\.?)" + S + r"+\Z")
_HYPHEN = re.compile(r"-(?P<h>[^\W\d_][\w-]*)")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number expression; ``text == source[start:end]``."""

    start: int
    end: int
    value: float
    value_max: float | None
    qualifier: str  # exact | approx | at_least | more_than | up_to | less_than | range | vague
    approximate: bool
    unit: str | None  # percent | percentage_points | factor | km | tonnes | ISO 4217 | time unit
    kind: str  # cardinal | year | date_part | ordinal | fraction | multiplier | time | other
    text: str


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _alt(words: Iterable[Any], bounded: bool = True) -> str:
    """Alternation of literal words (longest first); spaces match runs of spaces.
    ``bounded``: a word starting/ending with a letter or digit must not continue one."""
    items = sorted({str(w) for w in words if str(w)}, key=lambda w: (-len(w), w))
    if not items:
        return r"(?!)"
    groups: dict[bool, list[str]] = {True: [], False: []}
    for w in items:
        p = (S + "+").join(re.escape(x) for x in w.split())
        groups[bounded and w[0].isalnum()].append(p + (r"(?!\w)" if bounded and w[-1].isalnum() else ""))
    alts = [r"(?<![^\W\d_])(?:" + "|".join(groups[True]) + ")"] if groups[True] else []
    alts += groups[False]
    return "(?:" + "|".join(alts) + ")"


def _atoms(words: Iterable[str]) -> list[str]:
    """The words that are not concatenations of other words ("dreizehn" = "drei" +
    "zehn" is left out), so that a compound splits in exactly one way and the
    regex cannot backtrack exponentially."""
    ws = sorted({w for w in words if w})

    def splits(w: str, first: bool) -> bool:
        return not w or any(w.startswith(x) and (not first or x != w) and splits(w[len(x):], False) for x in ws)

    return [w for w in ws if not splits(w, True)]


def _dmap(m: Mapping[Any, Any] | None) -> dict[str, Decimal]:
    return {_norm(str(k)): Decimal(str(v)) for k, v in (m or {}).items()}


def _smap(m: Mapping[Any, Any] | None) -> dict[str, str]:
    return {_norm(str(k)): str(v) for k, v in (m or {}).items()}


def _lset(xs: Iterable[Any] | None) -> set[str]:
    return {_norm(str(x)) for x in (xs or [])}


@lru_cache(maxsize=4)
def _digit_patterns(dec: str) -> list[tuple[re.Pattern[str], str | None]]:
    o = "." if dec == "," else ","
    d, o = re.escape(dec), re.escape(o)
    pats = [
        (rf"\d{{1,3}}(?:[{_GS}]\d{{3}})+(?:[.,]\d+)?", None),  # "10 000", "30'000"
        (rf"\d{{1,3}}(?:{o}\d{{3}})+(?:{d}\d+)?", dec),  # "10.000,5" (de) / "10,000.5" (en)
        (rf"\d+(?:{d}\d+)?", dec),  # "1,5" (de) / "1.5" (en)
        (rf"\d+(?:{o}\d+)?", "." if dec == "," else ","),  # lenient: "1.5" in German text
        (rf"\d{{1,3}}(?:{d}\d{{3}})+(?:{o}\d+)?", "." if dec == "," else ","),  # other convention
    ]
    return [(re.compile(p), mark) for p, mark in pats]


def _digits_value(tok: str, dec: str) -> Decimal | None:
    """Digits grouped per the decimal mark ``dec`` ("," German, "." English)."""
    t = tok.strip().replace("−", "-")
    neg = t.startswith("-")
    t = t[1:] if neg else t
    for pat, mark in _digit_patterns(dec):
        if pat.fullmatch(t):
            if mark is None:  # space/apostrophe groups: a final "." or "," is decimal
                m = re.search(r"[.,](\d+)$", t)
                intpart, frac = (t[: m.start()], m.group(1)) if m else (t, "")
            else:
                intpart, _, frac = t.rpartition(mark) if mark in t else (t, "", "")
            try:
                v = Decimal(re.sub(r"\D", "", intpart) + ("." + frac if frac else ""))
            except InvalidOperation:
                return None
            return -v if neg else v
    return None


class _Num(NamedTuple):
    value: Decimal
    base: Decimal  # before the scale word
    core_end: int
    end: int
    form: str  # k_num | k_card | k_art | k_halfa
    scaled: bool


class _Lang:
    """Compiled vocabulary and rules of one language."""

    def __init__(self, d: dict[str, Any]) -> None:
        g = d.get
        self.dec = str(g("decimal_mark", "."))
        self.cap_nouns = bool(g("capitalised_nouns", False))
        self.cardinals = _dmap(g("cardinals"))
        self.ones = _dmap(g("ones"))
        self.hundred, self.thousand = str(g("hundred", "")), str(g("thousand", ""))
        self.und, self.half_suffix = str(g("and_word", "")), str(g("half_suffix", "") or "")
        self.referential = _dmap(g("referential"))
        self.article_one = _lset(g("article_one"))
        self.scales, self.scales_glued = _dmap(g("scales")), _dmap(g("scales_glued"))
        self.cur_scales = _dmap(g("currency_scales"))
        self.vague = _dmap(g("vague"))
        self.ord_irr, self.ord_words = _dmap(g("ordinal_irregular")), _dmap(g("ordinal_words"))
        self.ord_context, self.ord_nouns = _lset(g("ordinal_context")), _lset(g("ordinal_nouns"))
        self.frac = _dmap(g("fraction_nouns")) | _dmap(g("fraction_nouns_singular"))
        self.of_dens = {Decimal(str(x)) for x in g("of_denominators", [])}
        self.bare = _dmap(g("bare_multipliers"))
        so = g("so_comparison") or {}
        self.so_words = _dmap(so.get("words"))
        self.change = _dmap(g("change_words"))
        self.qual = {_norm(str(w)): c for c, ws in (g("qualifiers") or {}).items() for w in ws}
        self.blocked = {_norm(k): [str(x) for x in v] for k, v in (g("qualifier_blocked_by") or {}).items()}
        self.units, self.durations = _smap(g("units")), _smap(g("durations"))
        self.cur_prefix = {str(k): str(v) for k, v in (g("currency_prefix") or {}).items()}
        self.months = {str(x) for x in g("months", [])}
        self.year_ctx, self.year_weak = _lset(g("year_context")), _lset(g("year_context_weak"))
        self.func, self.counted = _lset(g("function_words")), _lset(g("counted_nouns"))
        self.not_nouns = {str(x) for x in g("not_nouns", [])}
        self.hyphen_counts = _lset(g("hyphen_counts"))
        self._compile(d)

    # ------------------------------------------------------------- regexes
    def _compile(self, d: dict[str, Any]) -> None:
        g = d.get
        low = [k for k, v in self.cardinals.items() if v < 100]
        morph = _alt(_atoms(low + list(self.ones) + [self.hundred, self.thousand, self.und, self.half_suffix]), False)
        en = not self.ones
        if en:  # word sequences: "two hundred and fifty thousand", "twenty-five"
            ew = _alt(low + [self.hundred] + [k for k in self.scales if k.isalpha()], False)
            card = rf"{ew}(?:(?:{S}+(?:{self.und}{S}+)?|-){ew}){{0,12}}"
            tens = _alt([k for k, v in self.cardinals.items() if v >= 20], False)
            ordw = rf"(?:{tens}-)?{_alt(self.ord_words, False)}"
        else:  # one compound word: "zweihundertfünfzigtausend"
            card = rf"(?:{morph}){{1,16}}"
            irr, ends = _alt(self.ord_irr, False), _alt(g("ordinal_endings", []), False)
            ordw = rf"(?:{morph}){{0,16}}(?:{irr}|(?:{morph})s?t){ends}"
        lb, rb = r"(?<![\w.,])", r"(?!\w)"
        card_b = rf"(?<!\w)(?:{card}|{_alt(self.referential, False)}){rb}"
        art1 = _alt(g("article_one", []), False)
        halfw = _alt(g("half_words", []), False)
        scale_words = _alt(self.scales)
        pct_words = _alt([k for k, v in self.units.items() if v.startswith("percent") and k[0].isalpha()])
        months = rf"(?-i:{_alt(self.months)})"
        self.month_after = re.compile(rf"\.?{S}*{months}")
        self.month_before = re.compile(rf"{months}{S}+\Z")
        half = g("half") or {}
        numer = rf"(?:{art1}|{card}|\d{{1,3}})"
        frac = [rf"(?P<k_frac>{lb}(?P<fn>{numer})(?:{S}+|-)(?P<fd>{_alt(_dmap(g('fraction_nouns')), False)})n?{rb})"]
        if g("fraction_nouns_singular"):
            frac.append(rf"(?P<k_fracs>{lb}(?P<sn>{art1}|{card})(?:{S}+|-)(?P<sd>{_alt(_dmap(g('fraction_nouns_singular')), False)})(?={S}+of{rb}))")
        hw = _alt(half.get("words", []), False)
        if half.get("before"):
            frac.append(rf"(?P<k_half>(?<!\w){_alt(half['before'], False)}{S}+{hw}{rb})")
        else:
            frac.append(rf"(?P<k_half>(?<!\w){hw}(?={S}+{_alt(half.get('after', []))}))")
        frac.append(rf"(?P<k_every>(?<!\w){_alt(g('every', []), False)}{S}+(?P<eo>{ordw}){rb})")
        frac.append(rf"(?P<k_of>{lb}(?P<on>{card}|\d{{1,3}}){rb}{S}+{_alt(g('of_words', []), False)}{S}+(?P<od>{card}|\d{{1,4}})(?!\w|[.,]\d))")
        num_any = rf"(?:{card}|\d{{1,4}}(?:[.,]\d+)?)"
        mult = [
            rf"(?P<k_so>(?<!\w)(?P<so>{_alt(self.so_words, False)}){S}+{re.escape(str((g('so_comparison') or {}).get('link', 'so')))}{S}+[^\W\d_]+)",
            rf"(?P<k_times>{lb}(?P<tn>{num_any})(?:-|{S}*)(?P<tt>{_alt(g('times_suffix', []), False)}){rb})",
            rf"(?P<k_fold>{lb}(?P<fo>{num_any})-?(?P<ff>{_alt(g('fold_suffix', []), False)}){rb})",
            rf"(?P<k_bare>{_alt(self.bare)})",
            rf"(?P<k_chg>{_alt(self.change)})",
        ]
        after = _alt(g("time_after", []))
        date = r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)(?!\d)"
        if g("dotted_dates"):
            date = (rf"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:\d{{4}}(?!\d)|\d\d(?!\d)"
                    rf"|{S}(?:\d{{4}}|\d\d)(?![\w.,]|{S}*[^\W\d_]))?|") + date
        num = rf"[-−]?(?:\d{{1,3}}(?:[{_GS}.,]\d{{3}})+(?:[.,]\d+)?|\d{{1,15}}(?:[.,]\d+)?)(?!\d)"
        self.core_alts = [
            rf"(?P<k_art>(?<!\w){art1}(?={S}+(?:{halfw}{S}+)?(?:{scale_words}|{pct_words})))",
            rf"(?P<k_halfa>(?<!\w){_alt(g('half_article', []), False)}(?={S}+{scale_words}))",
            rf"(?P<k_card>{card_b})",
            rf"(?P<k_num>(?<![\w.,'’/#:\-−]){num})",
        ]
        master = [
            rf"(?P<k_date>(?<![\w.,])(?:{date}))",
            r"(?P<k_season>(?<![\w.,])(?:19|20)\d\d/(?:\d{4}|\d\d)(?!\d))",
            rf"(?P<k_time>(?<![\w.,:])(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?{S}*{after}|(?<![\w.,:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]))",
            *frac, *mult,
            rf"(?P<k_vague>{_alt(self.vague)})",
            rf"(?P<k_ord>(?<!\w){ordw}{rb})",
            *self.core_alts,
        ]
        flags = re.IGNORECASE
        self.master = re.compile("|".join(master), flags)
        self.core = re.compile("|".join(self.core_alts), flags)
        # the second number of "10-12": preceded by the hyphen
        self.core_free = re.compile("|".join(self.core_alts[:-1] + [rf"(?P<k_num>(?<![\w.,]){num})"]), flags)
        self.time_after = re.compile(rf"{S}*{after}", flags)
        self.halfw_re = re.compile(rf"{S}+{halfw}(?!\w)", flags)
        self.scale_re = re.compile(rf"(?:{S}+|-)(?P<sc>{scale_words})|{S}*(?P<sg>{_alt(self.scales_glued)})", flags)
        self.cur_scale_re = re.compile(rf"{S}*(?P<cs>{_alt(self.cur_scales)})", flags)
        self.unit_re = re.compile(rf"(?:{S}*|-)(?P<u>{_alt(self.units)})", flags)
        self.dur_re = re.compile(rf"(?:{S}+|-)(?P<u>{_alt(self.durations)})", flags)
        self.cmp_re = re.compile(rf"{S}+{_alt(g('comparatives', []))}", flags)
        self.cur_re = re.compile(rf"(?P<c>{_alt(self.cur_prefix)}){S}?\Z")
        self.minus_re = re.compile(rf"{_alt(g('minus', []))}{S}+\Z", flags)
        self.qual_re = re.compile(rf"(?P<q>{_alt(self.qual)}){S}+\Z", flags)
        self.label_re = re.compile(rf"{_alt(g('not_quantity_before', []))}{S}*\Z", flags)
        self.skip_re = re.compile(_alt(g("skip_phrases", [])), flags)
        to_words = [w for w in g("range_to", []) if str(w)[0].isalpha()]
        to_syms = [w for w in g("range_to", []) if not str(w)[0].isalpha()]
        self.to_word_re = re.compile(rf"{S}+{_alt(to_words)}{S}+", flags)
        self.to_sym_re = re.compile(rf"{S}*{_alt(to_syms, False)}{S}*")
        self.and_re = re.compile(rf"{S}+{_alt(g('range_and', []))}{S}+", flags)
        suf = _alt(g("ordinal_suffixes", []), False)
        self.ord_suffix = re.compile(rf"{suf}(?!\w)", flags) if g("ordinal_suffixes") else None
        dec_after = _alt(g("decade_after", []), False)
        self.decade = re.compile(rf"{re.escape(str(g('decade_suffix', '')))}(?:(?:{S}+|(?=-)){dec_after})?(?!\w)")

    # ------------------------------------------------------------- values
    def word_value(self, w: str) -> tuple[Decimal, int] | None:
        """Value of a number word (sequence) and how many characters it covers."""
        lw = w.lower()
        if _norm(lw) in self.referential:
            return self.referential[_norm(lw)], len(w)
        if self.ones:
            v = self._compound(lw)
            return None if v is None else (v, len(w))
        total, cur, last, last_scale, val, end = Decimal(0), Decimal(0), "", Decimal("Infinity"), None, 0
        for m in re.finditer(r"[a-z]+", lw):
            t = m.group()
            if t == self.und and last in ("hundred", "scale"):
                continue
            if t in self.cardinals:
                v = self.cardinals[t]
                cat = "unit" if v < 10 else "teen" if v < 20 else "tens"
                if not (last in ("", "hundred", "scale") or (cat == "unit" and last == "tens")):
                    break
                cur, last = cur + v, cat
            elif t == self.hundred and last in ("", "unit", "teen") and cur < 100:
                cur, last = (cur if cur else Decimal(1)) * 100, "hundred"
            elif t in self.scales and last and self.scales[t] < last_scale:
                last_scale, last = self.scales[t], "scale"
                total, cur = total + (cur if cur else Decimal(1)) * last_scale, Decimal(0)
            else:
                break
            val, end = total + cur, m.end()
        return None if val is None else (val, end)

    def _compound(self, w: str) -> Decimal | None:
        if w in self.cardinals:
            return self.cardinals[w]
        hs = self.half_suffix
        if hs and w.endswith(hs) and len(w) > len(hs):
            base = Decimal(1) if w[: -len(hs)] in self.ones and self.ones[w[: -len(hs)]] == 1 else self._compound(w[: -len(hs)])
            return None if base is None else base + Decimal("0.5")
        i = w.find(self.thousand)
        if i < 0:
            return self._below1000(w)
        left, right = w[:i], w[i + len(self.thousand):]
        lv = Decimal(1) if left == "" else self._below1000(left, inner=True)
        rv = self._below1000(right[len(self.und):] if right.startswith(self.und) else right) if right else Decimal(0)
        return None if lv is None or rv is None else lv * 1000 + rv

    def _below1000(self, s: str, inner: bool = False) -> Decimal | None:
        """0..999; ``inner``: before "tausend", where "ein" is a number ("einhunderteintausend")."""
        i = s.find(self.hundred)
        if i < 0:
            return self._below100(s, inner)
        left, right = s[:i], s[i + len(self.hundred):]
        lv = Decimal(1) if left == "" else self.ones.get(left)
        if right.startswith(self.und):
            right = right[len(self.und):]
        rv = self._below100(right, inner) if right else Decimal(0)
        return None if lv is None or rv is None else lv * 100 + rv

    def _below100(self, s: str, inner: bool = False) -> Decimal | None:
        v = self.cardinals.get(s, self.ones.get(s) if inner else None)
        if v is not None and v < 100 and v == v.to_integral_value():
            return v
        i = s.find(self.und)
        if i > 0:
            u, t = self.ones.get(s[:i]), self.cardinals.get(s[i + len(self.und):])
            if u is not None and t is not None and t >= 20 and t % 10 == 0 and t < 100:
                return u + t
        return None

    def ordinal_value(self, w: str) -> Decimal | None:
        lw = w.lower()
        if not self.ones:  # English: "twenty-first"
            tens, _, o = lw.rpartition("-")
            v = self.ord_words.get(o)
            return None if v is None else v + (self.cardinals.get(tens, Decimal(0)) if tens else 0)
        stem = re.sub(r"(?:e|er|en|em|es)$", "", lw)
        for irr, v in self.ord_irr.items():
            if stem.endswith(irr):
                pre = stem[: -len(irr)]
                pv = Decimal(0) if not pre else self._compound(pre[: -len(self.und)] if pre.endswith(self.und) else pre)
                return None if pv is None else pv + v
        base = stem[:-2] if stem.endswith("st") and len(stem) > 3 and self._compound(stem[:-2]) else stem[:-1]
        return self._compound(base) if stem.endswith("t") else None

    def number_at(self, text: str, pos: int, hi: int, cur: bool = False, free: bool = False) -> _Num | None:
        """A number (digits or words, plus a scale word) starting exactly at ``pos``."""
        m = (self.core_free if free else self.core).match(text, pos, hi)
        if m is None:
            return None
        g, e = m.lastgroup or "", m.end()
        v: Decimal | None
        if g == "k_num":
            v = _digits_value(m.group(), self.dec)
        elif g == "k_card":
            wv = self.word_value(m.group())
            v, e = (None, e) if wv is None else (wv[0], pos + wv[1])
        elif g == "k_halfa":
            v = Decimal("0.5")
        else:  # the article before a scale word; "eine halbe Million"
            hm = self.halfw_re.match(text, e, hi)
            v, e = (Decimal("0.5"), hm.end()) if hm else (Decimal(1), e)
        if v is None:
            return None
        sm = self.scale_re.match(text, e, hi)
        if sm:
            k = _norm(sm.group("sc") or sm.group("sg") or "")
            return _Num(v * (self.scales.get(k) or self.scales_glued.get(k) or 1), v, e, sm.end(), g, True)
        cm = self.cur_scale_re.match(text, e, hi) if cur and g == "k_num" else None
        if cm:
            return _Num(v * self.cur_scales[_norm(cm.group("cs"))], v, e, cm.end(), g, True)
        return _Num(v, v, e, e, g, False)

    # ------------------------------------------------------------- context
    def prev_word(self, text: str, s: int) -> str:
        m = _PREV_WORD.search(text, max(0, s - 30), s)
        return m.group("w") if m else ""

    def counted_next(self, text: str, pos: int) -> bool:
        """Does a counted noun follow (possibly after adjectives)?  ("2000 Soldaten")"""
        for _ in range(3):
            m = _NEXT_WORD.match(text, pos)
            if m is None:
                return False
            w, pos = m.group("w"), m.end()
            lw = w.lower()
            if self.cap_nouns:
                if w[0].isupper():
                    return w not in self.not_nouns and w not in self.months
                if lw in self.func or not re.search(r"(?:e|en|er|es|em)$", lw) or len(lw) < 4:
                    return False
            else:
                if lw in self.func:
                    return False
                if lw in self.counted or (w[0].islower() and len(w) > 3 and lw.endswith("s") and not lw.endswith("ss")):
                    return True
        return False

    def is_year(self, text: str, s: int, e: int, v: Decimal, qualified: bool) -> bool:
        pw = self.prev_word(text, s)
        if _norm(pw) in self.year_ctx or pw.rstrip(".") in self.months or pw in self.months:
            return True
        if qualified or self.counted_next(text, e):
            return False
        return 1900 <= v <= 2099 or _norm(pw) in self.year_weak

    def left(self, text: str, s: int, lo: int) -> tuple[int, int, str | None, str | None, bool]:
        """Currency prefix, "minus" and qualifier before ``s``: (plain start, start, class, cur, neg)."""
        start, cur, neg, qcls = s, None, False, None
        m = self.cur_re.search(text, max(lo, s - 5), s)
        if m:
            cur, start = self.cur_prefix[m.group("c")], m.start()
        m = self.minus_re.search(text, max(lo, start - 8), start)
        if m:
            neg, start = True, m.start()
        plain = start
        m = self.qual_re.search(text, max(lo, start - 40), start)
        if m:
            key = _norm(m.group("q"))
            before = re.split(r"[.!?]\s", text[max(0, m.start() - 80): m.start()].lower())[-1]
            if not any(stem in before for stem in self.blocked.get(key, [])):
                qcls, start = self.qual[key], m.start()
        return plain, start, qcls, cur, neg


def _lang(lang: str) -> _Lang:
    return _load("de" if str(lang).lower().startswith("de") else "en")


@cache
def _load(code: str) -> _Lang:
    raw = resources.files(f"triangulate.lang.{code}").joinpath("numbers.yaml").read_text("utf-8")
    return _Lang(yaml.safe_load(raw) or {})


def _q(text: str, s: int, e: int, v: Decimal, kind: str, unit: str | None = None,
       qual: str = "exact", vmax: Decimal | None = None, approx: bool | None = None) -> Quantity:
    ap = qual in _APPROX if approx is None else approx
    return Quantity(s, e, float(v), None if vmax is None else float(vmax), qual, ap, unit, kind, text[s:e])


def _percent(n: Decimal, d: Decimal) -> Decimal:
    return round(n / d * 100, 2)


_CORE = ("k_art", "k_halfa", "k_card", "k_num")
_FRACTIONS = ("k_frac", "k_fracs", "k_half", "k_every", "k_of")


class _Finder:
    def __init__(self, text: str, cfg: _Lang, lo: int, hi: int) -> None:
        self.t, self.c, self.lo, self.hi = text, cfg, lo, hi
        self.blocked: list[tuple[int, int]] = [m.span() for m in _URL.finditer(text, lo, hi)]
        self.blocked += [m.span() for m in cfg.skip_re.finditer(text, lo, hi)]

    def run(self) -> list[Quantity]:
        out: list[Quantity] = []
        pos = last = self.lo
        while pos < self.hi:
            m = self.c.master.search(self.t, pos, self.hi)
            if m is None:
                break
            q = None if any(a <= m.start() < b for a, b in self.blocked) else self.handle(m, last)
            if q is None or q.start < last or q.end <= q.start or q.end > self.hi:
                pos = m.start() + 1
                continue
            out.append(q)
            pos = last = q.end
        return out

    def value_of(self, s: str) -> Decimal | None:
        if s[:1].isdigit():
            return _digits_value(s, self.c.dec)
        if _norm(s) in self.c.article_one:
            return Decimal(1)
        wv = self.c.word_value(s)
        return wv[0] if wv and wv[1] == len(s) else None

    def handle(self, m: re.Match[str], lo: int) -> Quantity | None:
        t, c, g, s = self.t, self.c, m.lastgroup or "", m.start()
        if g in _CORE:
            return self.number(s, lo)
        if g in ("k_date", "k_season", "k_time"):
            nums = re.findall(r"\d+", m.group())
            v = Decimal(nums[0]) + (Decimal(nums[1]) / 60 if g == "k_time" and len(nums) > 1 else 0)
            return _q(t, s, m.end(), v, {"k_date": "date_part", "k_season": "year", "k_time": "time"}[g])
        if g == "k_ord":
            ov = c.ordinal_value(m.group())
            return None if ov is None else _q(t, s, m.end(), ov, "ordinal")
        if g == "k_vague":
            v, e = c.vague[_norm(m.group())], m.end()
            sm = c.scale_re.match(t, e, self.hi)
            if sm and sm.group("sc"):
                v, e = v * c.scales[_norm(sm.group("sc"))], sm.end()
            um = c.unit_re.match(t, e, self.hi)
            plain, start, qcls, _, _ = c.left(t, s, lo)
            qual = qcls if qcls in _BOUNDS else "vague"
            begin = start if qcls in _APPROX else plain
            return _q(t, begin, um.end() if um else e, v, "cardinal", c.units[_norm(um.group("u"))] if um else None, qual)
        q = self.special(m, g, lo)
        return q if q is not None else self.number(s, lo)

    def special(self, m: re.Match[str], g: str, lo: int) -> Quantity | None:
        """Fractions and multipliers; None when the match is not one after all."""
        t, c, e = self.t, self.c, m.end()
        v: Decimal | None = None
        unit: str | None = "percent"
        if g in ("k_frac", "k_fracs"):
            n = self.value_of(m.group("fn" if g == "k_frac" else "sn"))
            d = c.frac.get(_norm(m.group("fd" if g == "k_frac" else "sd")))
            v = None if n is None or d is None or n <= 0 else _percent(n, d)
        elif g == "k_half":
            v = Decimal(50)
        elif g == "k_every":
            d = c.ordinal_value(m.group("eo"))
            v = None if d is None or d < 2 else _percent(Decimal(1), d)
        elif g == "k_of":
            n, d = self.value_of(m.group("on")), self.value_of(m.group("od"))
            v = None if n is None or d is None or d not in c.of_dens or not 0 < n < d else _percent(n, d)
        elif g == "k_so":
            v, unit = c.so_words[_norm(m.group("so"))], "factor"
        elif g == "k_chg":
            v, unit = c.change[_norm(m.group())], "factor"
        elif g == "k_fold":
            v, unit = self.value_of(m.group("fo")), "factor"
        elif g in ("k_times", "k_bare"):
            v = c.bare.get(_norm(m.group())) if g == "k_bare" else self.value_of(m.group("tn"))
            cm = c.cmp_re.match(t, e, self.hi)
            unit, e = ("factor", cm.end()) if cm else (None, e)
        if v is None or v <= 0 or (g in ("k_times", "k_fold") and v == 1):
            return None
        _, start, qcls, _, _ = c.left(t, m.start(), lo)
        qual = qcls if qcls in _APPROX else "exact"
        kind = "fraction" if g in _FRACTIONS else "multiplier"
        return _q(t, start if qual != "exact" else m.start(), e, v, kind, unit, qual)

    def number(self, s: int, lo: int) -> Quantity | None:
        t, c, hi = self.t, self.c, self.hi
        if c.label_re.search(t, max(0, s - 16), s):
            return None
        plain, start, qcls, cur, neg = c.left(t, s, lo)
        n1 = c.number_at(t, s, hi, cur is not None)
        if n1 is None:
            return None
        v, ec, e = n1.value, n1.core_end, n1.end
        tok = t[s:ec]
        is_int = n1.form == "k_num" and tok.isdigit()
        if is_int and not n1.scaled:
            dq = self.digit_forms(s, ec, v, tok, lo)
            if dq is not None:
                return dq
        vmax: Decimal | None = None
        if qcls == "range_open":
            rm = c.and_re.match(t, e, hi)
        else:
            rm = c.to_word_re.match(t, e, hi) or (c.to_sym_re.match(t, e, hi) if n1.form == "k_num" else None)
        n2 = c.number_at(t, rm.end(), hi, free=True) if rm else None
        if rm and n2 and (rm.group().strip().isalpha() or n2.form == "k_num"):
            v1 = v * n2.value / n2.base if n2.scaled and not n1.scaled and v < n2.base else v
            if n2.value > v1:
                v, vmax, e = v1, n2.value, n2.end
        if vmax is None and qcls in ("range_open", "range_from"):
            qcls, start = None, plain
        unit, kind = cur, "cardinal"
        um = c.unit_re.match(t, e, hi)
        dm = None if um else c.dur_re.match(t, e, hi)
        tm = None if um or dm or vmax is None else c.time_after.match(t, e, hi)
        if um:
            unit, e = c.units[_norm(um.group("u"))], um.end()
        elif dm:
            unit, kind, e = c.durations[_norm(dm.group("u"))], "other", dm.end()
        elif tm:
            return _q(t, s, tm.end(), v, "time", qual="range", vmax=vmax)
        if n1.form == "k_num" and e == ec and (t[ec:ec + 1].isalpha() or re.match(r"[:/]\d", t[ec:ec + 2])):
            return None  # "5G", "3D": digits glued to letters; "3:1", "24/7"
        hm = None if n1.scaled or um or dm or vmax is not None else _HYPHEN.match(t, e, hi)
        if hm and not any(hm.group("h").lower().startswith(h) for h in c.hyphen_counts):
            kind = "other"  # "Zwei-Staaten-Lösung", "10-Punkte-Plan"
        if neg and vmax is None:
            v = -v
        yearish = is_int and kind == "cardinal" and unit is None and not n1.scaled and len(tok) == 4
        if yearish and 1000 <= v <= 2099 and c.is_year(t, s, e, v, qcls in _APPROX):
            return _q(t, s, e, v, "year", qual="range" if vmax is not None else "exact", vmax=vmax)
        if vmax is not None:
            return _q(t, start, e, v, kind, unit, "range", vmax, approx=qcls in _APPROX)
        return _q(t, start, e, v, kind, unit, qcls or "exact")

    def digit_forms(self, s: int, ec: int, v: Decimal, tok: str, lo: int) -> Quantity | None:
        """Decades, ordinals and dates written with digits ("1990er", "70.", "9. September")."""
        t, c, hi = self.t, self.c, self.hi
        dm = c.decade.match(t, ec, hi) if len(tok) in (2, 4) and tok.endswith("0") else None
        if dm and dm.end() > ec:
            return _q(t, s, dm.end(), v, "year")
        om = c.ord_suffix.match(t, ec, hi) if c.ord_suffix else None
        e = om.end() if om else ec
        if 1 <= v <= 31:
            mm = c.month_after.match(t, e, hi)
            if mm:
                return _q(t, s, mm.end(), v, "date_part")
            mb = None if c.cap_nouns else c.month_before.search(t, max(lo, s - 12), s)
            if mb and not t[ec:ec + 1].isdigit():
                return _q(t, mb.start(), e, v, "date_part")
        if om:
            return _q(t, s, e, v, "ordinal")
        if c.cap_nouns and t[ec:ec + 1] == "." and ec + 1 <= hi and len(tok) <= 3:
            nw = _NEXT_WORD.match(t, ec + 1)
            line = t[t.rfind("\n", 0, s) + 1: s]
            pw = _norm(c.prev_word(t, s))
            if (not line.strip() and nw) or pw in c.ord_context or (
                nw and (nw.group("w")[0].islower() or _norm(nw.group("w")) in c.ord_nouns)
            ):
                return _q(t, s, ec + 1, v, "ordinal")
        return None


def find_quantities(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """All quantity expressions in ``text[start:end]``, sorted and non-overlapping."""
    if not isinstance(text, str) or not text:
        return []
    n = len(text)
    lo = max(0, min(int(start or 0), n))
    hi = n if end is None else max(lo, min(int(end), n))
    return _Finder(text, _lang(lang), lo, hi).run()


def parse_number(s: str, lang: str) -> float | None:
    """One number: "10.000", "1,5" (de), "1.5" (en), "zwölf Millionen", "1,5 Mio.",
    "twenty-five", "1.5 million".  None if ``s`` is not exactly one number."""
    if not isinstance(s, str):
        return None
    s = s.strip()
    if not s or len(s) > 300:
        return None
    c = _lang(lang)
    r = c.number_at(s, 0, len(s))
    if r is None or r.end != len(s):
        return None
    return float(r.value)
