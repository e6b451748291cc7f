"""Data, date arithmetic and grammar behind :mod:`triangulate.language.temporal`.

* :class:`Interval` -- a resolved time: first and last day plus the precision it
  is reported at; :meth:`Interval.value` gives the records.md string.
* Calendar helpers (month arithmetic with day clamping, ISO weeks, weekends,
  seasons, quarters) and :func:`pick`, which chooses among the yearly
  occurrences of a date without a year the one a tense points to.
* :class:`Lexicon` -- the word lists of one language, read once from
  ``triangulate/lang/<lang>/temporal.yaml`` and cached.  A missing or malformed
  file gives an empty lexicon (only numeric dates are then found).
* :func:`grammar` -- the compiled rules of one language: a regular expression
  per shape of expression and a handler that turns a match into an :class:`Atom`
  (a candidate with its resolved interval).

The calendar helpers raise ``ValueError`` / ``OverflowError`` for days outside
the calendar (year 0, year 10000, 31 February); the caller catches those per
match.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

DAY, MONTH, YEAR, RANGE = "day", "month", "year", "range"
_ORDER = {DAY: 0, MONTH: 1, YEAR: 2, RANGE: 3}
PAST, FUTURE = "past", "future"
LANGUAGES = ("de", "en")


# -- intervals -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Interval:
    """A resolved time: ``first`` .. ``last`` (inclusive days) at ``precision``."""

    first: dt.date
    last: dt.date
    precision: str  # day | month | year | range

    def value(self) -> str:
        """The records.md form: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``a/b``."""
        if self.precision == DAY:
            return self.first.isoformat()
        if self.precision == MONTH:
            return f"{self.first.year:04d}-{self.first.month:02d}"
        if self.precision == YEAR:
            return f"{self.first.year:04d}"
        return f"{self.first.isoformat()}/{self.last.isoformat()}"


def day_iv(day: dt.date) -> Interval:
    return Interval(day, day, DAY)


def month_iv(year: int, month: int) -> Interval:
    first = dt.date(year, month, 1)
    return Interval(first, add_months(first, 1) - dt.timedelta(days=1), MONTH)


def year_iv(year: int) -> Interval:
    return Interval(dt.date(year, 1, 1), dt.date(year, 12, 31), YEAR)


def range_iv(first: dt.date, last: dt.date) -> Interval | None:
    """A range; ``None`` when it would run backwards."""
    if last < first:
        return None
    return Interval(first, last, RANGE)


def span_iv(a: Interval, b: Interval) -> Interval | None:
    """The range from the start of ``a`` to the end of ``b``."""
    return range_iv(a.first, b.last)


def week_iv(day: dt.date) -> Interval:
    """The Monday-Sunday week containing ``day`` (written as a range)."""
    monday = day - dt.timedelta(days=day.weekday())
    return Interval(monday, monday + dt.timedelta(days=6), RANGE)


def at_precision(day: dt.date, precision: str) -> Interval:
    """The day, month or year containing ``day``."""
    if precision == DAY:
        return day_iv(day)
    if precision == MONTH:
        return month_iv(day.year, day.month)
    return year_iv(day.year)


def coarser(a: str, b: str) -> str:
    return a if _ORDER.get(a, 3) >= _ORDER.get(b, 3) else b


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` shifted by whole months, the day clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    length = calendar.monthrange(year, month0 + 1)[1] if 1 <= year <= 9999 else 28
    return dt.date(year, month0 + 1, min(day.day, length))


def shift(day: dt.date, unit: str, count: float) -> dt.date:
    """``day`` moved by ``count`` units (day, week, month, year, decade)."""
    if unit == "day":
        return day + dt.timedelta(days=round(count))
    if unit == "week":
        return day + dt.timedelta(days=round(7 * count))
    if unit == "month":
        return add_months(day, round(count))
    if unit == "decade":
        return add_months(day, round(120 * count))
    return add_months(day, round(12 * count))


def weekend_iv(saturday: dt.date) -> Interval:
    return Interval(saturday, saturday + dt.timedelta(days=1), RANGE)


SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


def season_iv(season: str, year: int) -> Interval | None:
    """The meteorological season starting in ``year`` (winter runs into the next)."""
    months = SEASON_MONTHS.get(season)
    if months is None:
        return None
    first_month, last_month = months
    last_year = year + 1 if last_month < first_month else year
    first = dt.date(year, first_month, 1)
    last = add_months(dt.date(last_year, last_month, 1), 1) - dt.timedelta(days=1)
    return Interval(first, last, RANGE)


def quarter_iv(kind: str, index: int, year: int) -> Interval | None:
    """Quarter 1-4 or half 1-2 of ``year`` as a range."""
    size = 3 if kind == "quarter" else 6
    if not 1 <= index <= 12 // size:
        return None
    first = dt.date(year, (index - 1) * size + 1, 1)
    return Interval(first, add_months(first, size) - dt.timedelta(days=1), RANGE)


def distance(iv: Interval, day: dt.date) -> int:
    """Days between ``day`` and the interval (0 when inside)."""
    if day < iv.first:
        return (iv.first - day).days
    if day > iv.last:
        return (day - iv.last).days
    return 0


def pick(candidates: Iterable[Interval | None], anchor: dt.date, direction: str | None) -> Interval | None:
    """Choose the occurrence of a partial date the direction points to.

    ``past``: the latest occurrence that has begun by the anchor; ``future``: the
    earliest that has not ended before it; otherwise the one containing the
    anchor, else the nearest (the earlier one on a tie).
    """
    options = sorted((c for c in candidates if c is not None), key=lambda c: c.first)
    if not options:
        return None
    if direction == PAST:
        started = [c for c in options if c.first <= anchor]
        return started[-1] if started else options[0]
    if direction == FUTURE:
        pending = [c for c in options if c.last >= anchor]
        return pending[0] if pending else options[-1]
    return min(options, key=lambda c: (distance(c, anchor), c.first > anchor))


MakeYear = Callable[[int], "Interval | None"]  # a date without a year, given one
Anaphor = Callable[["Interval", "dt.date | None"], "Interval | None"]


def yearly(make: MakeYear, anchor: dt.date, span: int = 2) -> list[Interval | None]:
    """``make(year)`` for the years around the anchor (invalid ones dropped)."""
    out: list[Interval | None] = []
    for year in range(anchor.year - span, anchor.year + span + 1):
        if 1 <= year <= 9998:
            try:
                out.append(make(year))
            except (ValueError, OverflowError):
                out.append(None)
    return out


# -- lexicon -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Named:
    """A named period or day from the YAML ``named`` list."""

    pattern: re.Pattern[str]
    source: str  # the alternation of the entry's patterns (no boundaries)
    value: str | None = None  # records.md value, or "first/" (open end)
    recurring: str | None = None  # "MM-DD" or "MM-DD/MM-DD"
    near: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The temporal word lists of one language (all keys lower case)."""

    lang: str
    months: dict[str, int] = field(default_factory=dict)
    month_abbreviations: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    day_parts: tuple[str, ...] = ()
    day_words: dict[str, int] = field(default_factory=dict)
    present_day_words: frozenset[str] = frozenset()
    modifiers: dict[str, str] = field(default_factory=dict)  # word -> past | future | this
    relative_words: dict[str, tuple[str, int]] = field(default_factory=dict)
    period_parts: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # form -> day | week | ...
    numbers: dict[str, float] = field(default_factory=dict)
    vague_counts: tuple[str, ...] = ()
    approximators: dict[str, str] = field(default_factory=dict)  # word -> plain | bound
    seasons: dict[str, str] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    quarter_words: dict[str, str] = field(default_factory=dict)
    decade_words: dict[str, int] = field(default_factory=dict)
    present: tuple[str, ...] = ()
    recent: dict[str, int] = field(default_factory=dict)
    recent_year: tuple[str, ...] = ()
    weak: frozenset[str] = frozenset()
    not_before: dict[str, tuple[str, ...]] = field(default_factory=dict)
    present_not_before: frozenset[str] = frozenset()
    sets: tuple[str, ...] = ()
    quantity_words: tuple[str, ...] = ()
    number_labels: tuple[str, ...] = ()
    count_units: frozenset[str] = frozenset()
    year_followers: frozenset[str] = frozenset()
    named: tuple[Named, ...] = ()


def norm(phrase: str) -> str:
    """Lower case, single spaces: the key a matched phrase is looked up by."""
    return " ".join(phrase.lower().split())


def _words(raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list):
        return ()
    return tuple(norm(str(item)) for item in raw if isinstance(item, (str, int, float)) and str(item).strip())


def _mapping(raw: object, kind: type) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if not isinstance(raw, Mapping):
        return out
    for key, value in raw.items():
        if not isinstance(key, (str, int)) or isinstance(value, bool):
            continue
        try:
            out[norm(str(key))] = kind(value)
        except (TypeError, ValueError):
            continue
    return out


def _grouped(raw: object) -> dict[str, str]:
    """``{group: [words]}`` -> ``{word: group}``."""
    out: dict[str, str] = {}
    if isinstance(raw, Mapping):
        for group, words in raw.items():
            for word in _words(words):
                out[word] = str(group)
    return out


def _named(raw: object) -> tuple[Named, ...]:
    out: list[Named] = []
    if not isinstance(raw, list):
        return ()
    for entry in raw:
        if not isinstance(entry, Mapping):
            continue
        patterns = [p for p in entry.get("patterns") or [] if isinstance(p, str) and p]
        if not patterns:
            continue
        source = "|".join(f"(?:{p})" for p in patterns)
        try:
            pattern = re.compile(r"(?<![\w-])(?:" + source + r")(?![\w]|-\w)", re.IGNORECASE)
        except re.error:
            continue
        if pattern.groupindex:
            continue  # named groups would clash in the combined pattern
        value = entry.get("value")
        recurring = entry.get("recurring")
        out.append(
            Named(
                pattern=pattern,
                source=source,
                value=str(value) if isinstance(value, (str, dt.date)) else None,
                recurring=str(recurring) if isinstance(recurring, str) else None,
                near=_words(entry.get("near")),
            )
        )
    return tuple(out)


def _read_yaml(lang: str) -> dict[str, Any]:
    try:
        text = resources.files(f"triangulate.lang.{lang}").joinpath("temporal.yaml").read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, ModuleNotFoundError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _relative_words(raw: object) -> dict[str, tuple[str, int]]:
    out: dict[str, tuple[str, int]] = {}
    if isinstance(raw, Mapping):
        for key, value in raw.items():
            if isinstance(key, str) and isinstance(value, list) and len(value) == 2:
                try:
                    out[norm(key)] = (str(value[0]), int(value[1]))
                except (TypeError, ValueError):
                    continue
    return out


def _not_before(raw: object) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    if isinstance(raw, Mapping):
        for key, value in raw.items():
            if isinstance(key, str):
                out[norm(key)] = _words(value)
    return out


@lru_cache(maxsize=len(LANGUAGES))
def lexicon(lang: str) -> Lexicon:
    """The cached lexicon of ``lang`` (``de`` or ``en``)."""
    data = _read_yaml(lang)
    return Lexicon(
        lang=lang,
        months=_mapping(data.get("months"), int),
        month_abbreviations=_mapping(data.get("month_abbreviations"), int),
        weekdays=_mapping(data.get("weekdays"), int),
        day_parts=_words(data.get("day_parts")),
        day_words=_mapping(data.get("day_words"), int),
        present_day_words=frozenset(_words(data.get("present_day_words"))),
        modifiers=_grouped(data.get("modifiers")),
        relative_words=_relative_words(data.get("relative_words")),
        period_parts=_mapping(data.get("period_parts"), str),
        units=_grouped(data.get("units")),
        numbers=_mapping(data.get("numbers"), float),
        vague_counts=_words(data.get("vague_counts")),
        approximators=_grouped(data.get("approximators")),
        seasons=_mapping(data.get("seasons"), str),
        ordinals=_mapping(data.get("ordinals"), int),
        quarter_words=_mapping(data.get("quarter_words"), str),
        decade_words=_mapping(data.get("decade_words"), int),
        present=_words(data.get("present")),
        recent=_mapping(data.get("recent"), int),
        recent_year=_words(data.get("recent_year")),
        weak=frozenset(_words(data.get("weak"))),
        not_before=_not_before(data.get("not_before")),
        present_not_before=frozenset(_words(data.get("present_not_before"))),
        sets=_words(data.get("sets")),
        quantity_words=_words(data.get("quantity_words")),
        number_labels=_words(data.get("number_labels")),
        count_units=frozenset(_words(data.get("count_units"))),
        year_followers=frozenset(_words(data.get("year_followers"))),
        named=_named(data.get("named")),
    )


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first; spaces match white space.

    A phrase ending in ``-`` ("mid-") may be followed directly by the next word.
    Returns a pattern that never matches when ``words`` is empty.
    """
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not unique:
        return r"(?!x)x"
    parts = [r"\s+".join(re.escape(piece) for piece in w.split()) for w in unique]
    return "(?:" + "|".join(parts) + ")"


# -- weekdays and weekends -------------------------------------------------------


def weekday_date(weekday: int, anchor: dt.date, direction: str | None) -> dt.date:
    """The date of ``weekday`` (0 = Monday) seen from ``anchor``.

    ``past``: the latest on or before the anchor; ``future``: the earliest on or
    after it; otherwise the one in the anchor's Monday-Sunday week.
    """
    if direction == PAST:
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
    if direction == FUTURE:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor + dt.timedelta(days=weekday - anchor.weekday())


def weekday_strict(weekday: int, anchor: dt.date, direction: str) -> dt.date:
    """``am vergangenen Freitag`` / ``next Monday``: strictly before / after the anchor."""
    if direction == PAST:
        return anchor - dt.timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)
    return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)


def weekend(anchor: dt.date, direction: str | None, strict: bool = False) -> Interval:
    """The Saturday-Sunday a weekend mention refers to.

    ``past``: the latest weekend begun by the anchor (``strict``: one that ended
    before the anchor's week); ``future``: the earliest not yet over (``strict``:
    one that begins after the anchor); otherwise the anchor week's weekend.
    """
    this_saturday = anchor + dt.timedelta(days=5 - anchor.weekday())
    if direction == PAST:
        if strict or anchor.weekday() < 5:
            return weekend_iv(this_saturday - dt.timedelta(days=7))
        return weekend_iv(this_saturday)
    if direction == FUTURE:
        if strict and anchor.weekday() >= 5:
            return weekend_iv(this_saturday + dt.timedelta(days=7))
        return weekend_iv(this_saturday)
    return weekend_iv(this_saturday)


# -- the grammar -------------------------------------------------------------------

# Kinds of time expression.
ABSOLUTE, PARTIAL, RELATIVE, WEEKDAY = "absolute", "partial", "relative", "weekday"
NAMED, PRESENT, VAGUE, DURATION, SET = "named", "present", "vague", "duration", "set"

# What a preposition in front of an expression does to it.
SINCE, UNTIL, FROM, RANGE_START, BETWEEN, BEFORE, AFTER, PLAIN = (
    "since", "until", "from", "range_start", "between", "before", "after", "plain",
)

_PREPOSITIONS = {
    "de": {
        "seit": SINCE, "bis": UNTIL, "bis zum": UNTIL, "bis zur": UNTIL, "ab": FROM,
        "von": RANGE_START, "vom": RANGE_START, "zwischen": BETWEEN, "vor": BEFORE,
        "nach": AFTER, "im": PLAIN, "in": PLAIN, "am": PLAIN, "an": PLAIN, "um": PLAIN,
        "zum": PLAIN, "zur": PLAIN, "während": PLAIN, "bei": PLAIN, "beim": PLAIN,
        "übers": PLAIN,
    },
    "en": {
        "since": SINCE, "until": UNTIL, "till": UNTIL, "through": UNTIL, "by": UNTIL,
        "as of": FROM, "from": RANGE_START, "between": BETWEEN, "before": BEFORE,
        "after": AFTER, "in": PLAIN, "on": PLAIN, "at": PLAIN, "during": PLAIN,
        "over": PLAIN, "throughout": PLAIN, "around": PLAIN,
    },
}
_ARTICLES = {"de": ("dem", "den", "der", "des", "die", "das"), "en": ("the",)}

B = r"(?<![\w-])"  # start of a word (not inside a hyphenated compound)
E = r"(?![\w]|-\w)"  # end of a word


@dataclass(slots=True)
class Atom:
    """A time expression candidate before the final choices are made."""

    start: int
    end: int
    kind: str
    iv: Interval | None
    cue: str | None = None  # a direction the words state (past / future)
    prep: str | None = None  # role of an included preposition (SINCE, UNTIL, ...)
    weak: bool = False  # dropped when the clause has another expression
    rank: int = 0
    with_year: MakeYear | None = None  # for a date without a year
    cycle: str | None = None  # "year" / "week": the occurrence may move to end a range
    anaphor: Anaphor | None = None  # resolves "seitdem" ... against the expression before
    ref: bool = True  # may be the reference of a later "seitdem", "zwei Jahre später"
    own_start: bool = False  # a preposition in front must not join ("in den 2000 Dörfern")


@dataclass(slots=True)
class Context:
    text: str
    lo: int
    hi: int
    anchor: dt.date | None
    tense: str | None
    grammar: Grammar

    def direction(self, cue: str | None, prep: str | None) -> str | None:
        """The direction a partial expression is resolved in."""
        if cue in (PAST, FUTURE):
            return cue
        if prep == SINCE:
            return PAST
        if self.tense in (PAST, FUTURE):
            return self.tense
        if prep in (UNTIL, FROM) and self.tense is None:
            return FUTURE
        return None


Handler = Callable[[Context, "re.Match[str]", "str | None"], "Atom | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    handler: Handler
    preps: bool = False  # a preposition in front may join the expression
    article: bool = False  # a bare article in front may join it ("the Korean War")


@dataclass(frozen=True, slots=True)
class Grammar:
    lang: str
    lex: Lexicon
    rules: tuple[Rule, ...]
    prep_re: re.Pattern[str]
    prepositions: dict[str, str]

    def preposition(self, text: str, start: int, lo: int, article: bool) -> tuple[str | None, int]:
        """The role and start of a preposition (plus article) just before ``start``."""
        window = text[max(lo, start - 24) : start]
        m = self.prep_re.search(window)
        if m is None:
            return None, start
        if m.group("prep") is None:
            if not article:
                return None, start
            return None, start - len(window) + m.start()
        role = self.prepositions.get(norm(m.group("prep")), PLAIN)
        return role, start - len(window) + m.start()


def _pivot_year(two_digits: int, anchor: dt.date | None) -> int:
    if anchor is None:
        return 2000 + two_digits if two_digits <= 30 else 1900 + two_digits
    year = anchor.year // 100 * 100 + two_digits
    return year - 100 if year > anchor.year + 10 else year


def _count(lex: Lexicon, word: str | None) -> float | None:
    if not word:
        return None
    text = word.strip().replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return lex.numbers.get(norm(text))


def _upper(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isupper()


def _words_before(text: str, start: int, n: int = 3) -> str:
    return norm(" ".join(text[max(0, start - 40) : start].split()[-n:]))


def _ends_with_phrase(before: str, phrases: Iterable[str]) -> bool:
    return any(before == p or before.endswith(" " + p) for p in phrases)


_NEXT = re.compile(r"[ \t\xa0]+([^\W\d_][\w’'.-]*|%)(?:[ \t\xa0]+([^\W\d_][\w’'-]*))?")
_ADJECTIVE = re.compile(r"(?:\w+(?:isch|lich|ig)e[nmrs]?|weitere[nmrs]?|neue[nmrs]?|zusätzliche[nmrs]?|andere[nmrs]?)$")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")
_YM = re.compile(r"(\d{4})-(\d{2})$")
_MD = re.compile(r"(\d{2})-(\d{2})$")


def parse_value(value: str, anchor: dt.date | None) -> Interval | None:
    """A records.md value (``a/`` is open: it ends on ``anchor``) as an interval."""
    text = value.strip()
    if "/" in text:
        first_text, _, last_text = text.partition("/")
        first = parse_value(first_text, anchor)
        if first is None:
            return None
        if not last_text.strip():
            return range_iv(first.first, anchor) if anchor is not None else None
        last = parse_value(last_text, anchor)
        return span_iv(first, last) if last is not None else None
    if m := _ISO.match(text):
        return day_iv(dt.date(int(m[1]), int(m[2]), int(m[3])))
    if m := _YM.match(text):
        return month_iv(int(m[1]), int(m[2]))
    if re.fullmatch(r"\d{4}", text):
        return year_iv(int(text))
    return None


def _recurring(spec: str) -> MakeYear | None:
    """``"08-15"`` / ``"12-24/12-26"`` -> a function of the year."""
    parts = [_MD.match(p.strip()) for p in spec.split("/")]
    if not parts or any(p is None for p in parts):
        return None
    days = [(int(p[1]), int(p[2])) for p in parts if p is not None]

    def make(year: int) -> Interval | None:
        first = dt.date(year, *days[0])
        if len(days) == 1:
            return day_iv(first)
        last = dt.date(year, *days[1])
        if last < first:
            last = dt.date(year + 1, *days[1])
        return Interval(first, last, RANGE)

    return make


# -- handlers --------------------------------------------------------------------
# Each takes the context, the match and the role of a preposition in front (if
# the rule allows one) and returns an Atom (span = the match) or None.


def _atom(m: re.Match[str], kind: str, iv: Interval | None, **extra: Any) -> Atom:
    return Atom(m.start(), m.end(), kind, iv, **extra)


def _partial(ctx: Context, m: re.Match[str], make: MakeYear, direction: str | None) -> Atom:
    """A date without a year: pick the occurrence the direction points to."""
    iv = pick(yearly(make, ctx.anchor), ctx.anchor, direction) if ctx.anchor else None
    return _atom(m, PARTIAL, iv, with_year=make, cycle="year")


def h_iso(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    return _atom(m, ABSOLUTE, day_iv(dt.date(int(m["y"]), int(m["m"]), int(m["d"]))))


def _month_number(lex: Lexicon, name: str) -> int | None:
    key = norm(name).rstrip(".")
    return lex.months.get(key) or lex.month_abbreviations.get(key)


def _day_month(ctx: Context, m: re.Match[str], prep: str | None, month: int) -> Atom | None:
    day = int(m["d"])
    day2 = int(m["d2"]) if m.groupdict().get("d2") else None
    raw_year = m["y"]

    def make(year: int) -> Interval | None:
        first = dt.date(year, month, day)
        if day2 is None:
            return day_iv(first)
        return range_iv(first, dt.date(year, month, day2))

    if raw_year:
        year = int(raw_year)
        if len(raw_year) == 2:
            year = _pivot_year(year, ctx.anchor)
        iv = make(year)
        return _atom(m, ABSOLUTE, iv) if iv is not None else None
    dt.date(2000, month, day)  # validates (2000 is a leap year)
    return _partial(ctx, m, make, ctx.direction(None, prep))


def h_numeric_date(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    month = int(m["m"])
    if not 1 <= month <= 12:
        return None
    if not m["y"] and prep is None and not m["wd"]:
        return None  # "1.2." alone is an enumeration, not a date
    return _day_month(ctx, m, prep, month)


def h_day_month(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    if not _upper(ctx.text, m.start("mon")):
        return None
    month = _month_number(ctx.grammar.lex, m["mon"])
    return _day_month(ctx, m, prep, month) if month else None


def _relative_year(ctx: Context, mod: str | None) -> int | None:
    if ctx.anchor is None or not mod:
        return None
    offset = {PAST: -1, FUTURE: 1}.get(ctx.grammar.lex.modifiers.get(norm(mod), ""), 0)
    return ctx.anchor.year + offset


def h_month_year(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    if not _upper(ctx.text, m.start("mon")):
        return None
    month = _month_number(ctx.grammar.lex, m["mon"])
    if not month:
        return None
    if m["y"]:
        return _atom(m, ABSOLUTE, month_iv(int(m["y"]), month))
    year = _relative_year(ctx, m["rel"])
    return _atom(m, RELATIVE, month_iv(year, month) if year else None)


def h_month(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    if not _upper(ctx.text, m.start("mon")):
        return None
    month = ctx.grammar.lex.months.get(norm(m["mon"]))
    if not month or (prep is None and not m["part"] and not m["mod"]):
        return None
    anchor = ctx.anchor

    def make(year: int) -> Interval:
        return month_iv(year, month)

    mod = ctx.grammar.lex.modifiers.get(norm(m["mod"])) if m["mod"] else None
    if mod is None or anchor is None:
        return _partial(ctx, m, make, ctx.direction(None, prep))
    this_month = month_iv(anchor.year, anchor.month)
    options = [c for c in yearly(make, anchor) if c is not None]
    if mod == PAST:
        iv = max((c for c in options if c.last < this_month.first), key=lambda c: c.first, default=None)
    elif mod == FUTURE:
        iv = min((c for c in options if c.first > this_month.last), key=lambda c: c.first, default=None)
    else:
        iv = make(anchor.year)
    return _atom(m, RELATIVE, iv, cue=mod if mod in (PAST, FUTURE) else None)


def h_season(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex = ctx.grammar.lex
    word = norm(m["season"])
    season = lex.seasons.get(word)
    if season is None:
        return None
    after = ctx.text[m.end() : m.end() + 12]
    if word == "fall" and not m["y"] and re.match(r"\s+of\s+(?!\d)", after):
        return None  # "the fall of Kabul"
    if m["y"]:
        return _atom(m, ABSOLUTE, season_iv(season, int(m["y"])))
    if m.groupdict().get("rel"):
        year = _relative_year(ctx, m["rel"])
        return _atom(m, RELATIVE, season_iv(season, year) if year else None)
    if prep is None and not m["part"] and not m["mod"]:
        return None
    mod = lex.modifiers.get(norm(m["mod"])) if m["mod"] else None
    anchor = ctx.anchor
    if mod is None or anchor is None:
        return _partial(ctx, m, lambda y: season_iv(season, y), ctx.direction(None, prep))
    options = [c for c in yearly(lambda y: season_iv(season, y), anchor) if c is not None]
    if mod == PAST:
        iv = max((c for c in options if c.last < anchor), key=lambda c: c.first, default=None)
    elif mod == FUTURE:
        iv = min((c for c in options if c.first > anchor), key=lambda c: c.first, default=None)
    else:
        iv = pick(options, anchor, None)
    return _atom(m, RELATIVE, iv, cue=mod if mod in (PAST, FUTURE) else None)


def h_quarter(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex = ctx.grammar.lex
    groups = m.groupdict()
    if groups.get("qn"):
        kind, index = "quarter", int(groups["qn"])
    else:
        kind = lex.quarter_words.get(norm(m["q"]), "")
        raw = norm(m["ord"]).rstrip(".")
        index = int(raw) if raw.isdigit() else lex.ordinals.get(raw, 0)
    if kind not in ("quarter", "half"):
        return None
    if groups.get("y"):
        return _atom(m, ABSOLUTE, quarter_iv(kind, index, int(groups["y"])))
    if groups.get("rel") or groups.get("this"):
        year = _relative_year(ctx, groups.get("rel") or "this")
        return _atom(m, RELATIVE, quarter_iv(kind, index, year) if year else None)
    if prep is None:
        return None
    if quarter_iv(kind, index, 2000) is None:
        return None
    return _partial(ctx, m, lambda y: quarter_iv(kind, index, y), ctx.direction(None, prep))


def h_decade(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    groups = m.groupdict()
    if groups.get("d4"):
        first = int(groups["d4"])
    else:
        if not groups.get("art") and not (groups.get("suffix") or "").strip("n"):
            return None  # "90er" / "nineties" alone
        tens = int(groups["d2"]) if groups.get("d2") else ctx.grammar.lex.decade_words.get(norm(groups["dw"]), 0)
        if tens % 10 or not 0 <= tens <= 90:
            return None
        first = _pivot_year(tens, ctx.anchor)
    return _atom(m, ABSOLUTE, range_iv(dt.date(first, 1, 1), dt.date(first + 9, 12, 31)))


def h_century(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    number = int(m["c"])
    if not 1 <= number <= 22:
        return None
    first = (number - 1) * 100
    return _atom(m, ABSOLUTE, range_iv(dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31)))


def _year_is_count(ctx: Context, m: re.Match[str], prep: str | None) -> bool:
    """A bare four-digit number that reads as a quantity or a label."""
    g, text = ctx.grammar, ctx.text
    lex = g.lex
    before = _words_before(text, m.start())
    if _ends_with_phrase(before, lex.quantity_words) or _ends_with_phrase(before, lex.number_labels):
        return True
    nxt = _NEXT.match(text, m.end(), ctx.hi)
    if nxt is None:
        return False
    first, second = nxt.group(1), nxt.group(2)
    low = first.lower().rstrip(".")
    if low in lex.count_units or first.lower() in lex.count_units:
        return True
    if low in lex.units:
        return True  # "2000 Jahre", "2000 years"
    if prep is not None:
        return False
    if g.lang == "en":
        return first[0].islower() and low not in lex.year_followers
    if first[0].isupper():
        return low not in lex.months and low not in lex.weekdays
    return bool(second and second[0].isupper() and _ADJECTIVE.match(low))


_DETERMINERS = frozenset({
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "seine",
    "seiner", "seinen", "ihre", "ihrer", "ihren", "diese", "dieser", "diesen", "dieses",
    "the", "a", "an", "these", "those", "his", "her", "its", "their", "this", "that",
})


def h_year(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    year = int(m["y"])
    attributive = not m["jahr"] and not m["part"] and _words_before(ctx.text, m.start(), 1) in _DETERMINERS
    if attributive:
        prep = None  # "in den 2000 Dörfern", "in the 2024 election": the number qualifies a noun
    if not m["jahr"] and not m["part"] and _year_is_count(ctx, m, prep):
        return None
    if m["y2"]:
        tail = m["y2"]
        if m["sep"] == "-" and len(tail) == 2 and 1 <= int(tail) <= 12 and int(tail) <= year % 100:
            return _atom(m, ABSOLUTE, month_iv(year, int(tail)))  # ISO 2024-03
        last = int(tail) if len(tail) == 4 else year // 100 * 100 + int(tail)
        if last <= year:
            return None
        return _atom(m, ABSOLUTE, range_iv(dt.date(year, 1, 1), dt.date(last, 12, 31)), own_start=attributive)
    return _atom(m, ABSOLUTE, year_iv(year), own_start=attributive)


_TITLES = frozenset({"mr.", "mrs.", "ms.", "dr.", "st.", "hr.", "fr.", "prof."})


def h_weekday(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex, text, anchor = ctx.grammar.lex, ctx.text, ctx.anchor
    if not _upper(text, m.start("wd")):
        return None
    weekday = lex.weekdays.get(norm(m["wd"]))
    if weekday is None:
        return None
    groups = m.groupdict()
    mod = lex.modifiers.get(norm(groups["mod"])) if groups.get("mod") else None
    week_mod = lex.modifiers.get(norm(groups["wmod"])) if groups.get("wmod") else None
    if prep is None and not mod and not week_mod and not groups.get("night"):
        previous = text[max(0, m.start() - 30) : m.start()].split()
        last = previous[-1] if previous else ""
        if last[:1].isupper() and (last[-1] not in ".!?:;\"“”»«„" or norm(last) in _TITLES):
            return None  # "Black Friday", "Mr. Friday", "Schwarzer Freitag"
        if ctx.grammar.lang == "en":
            nxt = _NEXT.match(text, m.end(), ctx.hi)
            if previous and norm(previous[-1]) == "the":
                return None  # "the Friday after"
            if nxt is not None and nxt.group(1)[0].isupper() and not groups.get("part2"):
                return None  # "Sunday Times", "Friday Prayers"
    cue = mod if mod in (PAST, FUTURE) else week_mod if week_mod in (PAST, FUTURE) else None
    if anchor is None:
        return _atom(m, WEEKDAY, None, cue=cue, cycle="week")
    if week_mod is not None:
        offset = {PAST: -7, FUTURE: 7}.get(week_mod, 0)
        monday = anchor - dt.timedelta(days=anchor.weekday() - offset)
        day = monday + dt.timedelta(days=weekday)
    elif mod in (PAST, FUTURE):
        day = weekday_strict(weekday, anchor, mod)
    elif mod is not None:
        day = weekday_date(weekday, anchor, None)
    else:
        day = weekday_date(weekday, anchor, ctx.direction(None, prep))
    return _atom(m, WEEKDAY, day_iv(day), cue=cue, cycle="week")


def h_weekend(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex, anchor = ctx.grammar.lex, ctx.anchor
    mod = lex.modifiers.get(norm(m["mod"])) if m["mod"] else None
    if mod is None and prep is None:
        return None  # "das Wochenende" as a topic
    cue = mod if mod in (PAST, FUTURE) else None
    if anchor is None:
        return _atom(m, WEEKDAY, None, cue=cue)
    if mod in (PAST, FUTURE):
        iv = weekend(anchor, mod, strict=True)
    elif mod is not None:
        iv = weekend(anchor, None)
    else:
        iv = weekend(anchor, ctx.direction(None, prep))
    return _atom(m, WEEKDAY, iv, cue=cue)


def h_day_word(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex, text, anchor = ctx.grammar.lex, ctx.text, ctx.anchor
    word = norm(m["w"])
    offset = lex.day_words.get(word)
    if offset is None:
        return None
    if ctx.grammar.lang == "de" and word == "morgen" and text[m.start()].isupper():
        # "Morgen" is the noun ("am Morgen", "Guten Morgen") except at a sentence start.
        head = text[max(0, m.start() - 3) : m.start()].rstrip(" \t\xa0„“\"«»")
        if head and head[-1] not in ".!?:\n":
            return None
    if word == "morgen" and prep == RANGE_START:
        return None  # "die Welt von morgen"
    cue = PAST if offset < 0 else FUTURE if offset > 0 else None
    if word in lex.present_day_words and not m["part"] and ctx.tense not in (PAST, FUTURE):
        # "heute" / "today" without a past or future verb: nowadays.
        iv = month_iv(anchor.year, anchor.month) if anchor else None
        return _atom(m, PRESENT, iv, ref=False)
    iv = day_iv(anchor + dt.timedelta(days=offset)) if anchor else None
    return _atom(m, RELATIVE, iv, cue=cue)


def _unit_relative(anchor: dt.date, unit: str, role: str) -> Interval | None:
    offset = {PAST: -1, FUTURE: 1}.get(role, 0)
    if unit == "week":
        return week_iv(anchor + dt.timedelta(days=7 * offset))
    if unit == "month":
        day = add_months(anchor, offset)
        return month_iv(day.year, day.month)
    if unit == "year":
        return year_iv(anchor.year + offset)
    if unit == "decade":
        if role == PAST:
            return range_iv(shift(anchor, "year", -10), anchor)
        if role == FUTURE:
            return range_iv(anchor, shift(anchor, "year", 10))
        start = anchor.year // 10 * 10
        return range_iv(dt.date(start, 1, 1), dt.date(start + 9, 12, 31))
    return None


def h_relative_unit(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex = ctx.grammar.lex
    unit = lex.units.get(norm(m["unit"]))
    groups = m.groupdict()
    role = lex.modifiers.get(norm(groups["mod"])) if groups.get("mod") else "this"
    if unit is None or role is None:
        return None
    iv = _unit_relative(ctx.anchor, unit, role) if ctx.anchor else None
    return _atom(m, RELATIVE, iv, cue=role if role in (PAST, FUTURE) else None)


def h_relative_word(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    entry = ctx.grammar.lex.relative_words.get(norm(m["rw"]))
    if entry is None:
        return None
    unit, offset = entry
    role = PAST if offset < 0 else FUTURE if offset > 0 else "this"
    iv = _unit_relative(ctx.anchor, unit, role) if ctx.anchor else None
    return _atom(m, RELATIVE, iv, cue=role if role != "this" else None)


def _is_bound(lex: Lexicon, approx: str | None) -> bool:
    return bool(approx) and lex.approximators.get(norm(approx or "")) == "bound"


def _vague_point(anchor: dt.date, unit: str, sign: int) -> Interval | None:
    """``vor wenigen Wochen`` (sign -1) / ``in wenigen Wochen`` (+1)."""
    if unit == "day":
        near, far = anchor + dt.timedelta(days=sign), anchor + dt.timedelta(days=7 * sign)
        return range_iv(min(near, far), max(near, far))
    if unit == "week":
        return at_precision(anchor + dt.timedelta(days=21 * sign), MONTH)
    if unit == "month":
        near, far = add_months(anchor, sign), add_months(anchor, 6 * sign)
        return range_iv(min(near, far), max(near, far))
    if unit == "year":
        near, far = shift(anchor, "year", 2 * sign), shift(anchor, "year", 5 * sign)
        return range_iv(min(near, far), max(near, far))
    return None


def _counted_point(anchor: dt.date, unit: str, count: float) -> Interval:
    """``vor fünf Jahren`` (negative count) / ``in zwei Wochen`` (positive)."""
    day = shift(anchor, unit, count)
    if unit == "day":
        return day_iv(day)
    if unit == "week":
        return week_iv(day)
    if unit == "month":
        return at_precision(day, MONTH)
    if unit == "year" and (abs(count) < 2 or count != int(count)):
        return at_precision(day, MONTH)  # "vor einem Jahr": the month a year back
    return at_precision(day, YEAR)


def h_ago(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex, anchor = ctx.grammar.lex, ctx.anchor
    unit = lex.units.get(norm(m["unit"]))
    if unit is None:
        return None
    if _is_bound(lex, m["approx"]):
        return _atom(m, DURATION, None, cue=PAST, ref=False)
    count = _count(lex, m["n"])
    if count is None:
        iv = _vague_point(anchor, unit, -1) if anchor else None
        return _atom(m, VAGUE, iv, cue=PAST)
    iv = _counted_point(anchor, unit, -count) if anchor else None
    return _atom(m, RELATIVE, iv, cue=PAST)


def _span(anchor: dt.date, unit: str, count: float | None, role: str) -> tuple[Interval | None, str]:
    """``in den letzten (drei) Tagen`` / ``in the coming weeks``."""
    if count is None and unit == "week":
        sign = -1 if role == PAST else 1
        return at_precision(anchor + dt.timedelta(days=14 * sign), MONTH), VAGUE
    default = {"day": 7, "month": 3, "year": 3, "decade": 1}.get(unit, 1)
    n = count if count is not None else default
    if role == PAST:
        return range_iv(shift(anchor, unit, -n), anchor), RELATIVE
    return range_iv(anchor + dt.timedelta(days=1), shift(anchor, unit, n)), RELATIVE


_SINGULAR = frozenset({"tag", "woche", "monat", "jahr", "jahrzehnt", "day", "week", "month", "year", "decade"})


def h_span(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex, anchor = ctx.grammar.lex, ctx.anchor
    unit = lex.units.get(norm(m["unit"]))
    groups = m.groupdict()
    role = PAST if groups.get("recent") else lex.modifiers.get(norm(groups.get("mod") or ""), PAST)
    if unit is None:
        return None
    if role not in (PAST, FUTURE):
        return _atom(m, PRESENT, at_precision(anchor, MONTH) if anchor else None, ref=False)
    count = _count(lex, groups.get("n"))
    if count is None and not groups.get("vague") and norm(m["unit"]) in _SINGULAR:
        count = 1.0  # "over the past year"
    if anchor is None:
        return _atom(m, RELATIVE, None, cue=role)
    iv, kind = _span(anchor, unit, count, role)
    if groups.get("vague"):
        kind = VAGUE
    return _atom(m, kind, iv, cue=role)


_RELATIVE_CLAUSE = re.compile(
    r"\s*,?\s+(?:in\s+)?(?:dem|der|denen|welchem|welcher|of|when|that|which|where|in\s+which)(?!\w)",
    re.IGNORECASE,
)


def h_in(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex, anchor = ctx.grammar.lex, ctx.anchor
    unit = lex.units.get(norm(m["unit"]))
    if unit is None:
        return None
    if ctx.tense == PAST:
        return _atom(m, DURATION, None, ref=False)  # "in zwei Jahren baute er ..."
    count = _count(lex, m["n"])
    if count == 1 and m["n"] and not m["n"][0].isdigit():
        # "in a year when ...", "in einem Jahr, in dem ...": an indefinite year.
        if ctx.grammar.lang == "en" and norm(m["n"]) in ("a", "an"):
            return None
        if _RELATIVE_CLAUSE.match(ctx.text, m.end()):
            return None
    if anchor is None:
        return _atom(m, RELATIVE, None, cue=FUTURE)
    if count is None:
        return _atom(m, VAGUE, _vague_point(anchor, unit, 1), cue=FUTURE)
    return _atom(m, RELATIVE, _counted_point(anchor, unit, count), cue=FUTURE)


def _blocked(ctx: Context, start: int, key: str) -> bool:
    blockers = ctx.grammar.lex.not_before.get(key, ())
    return bool(blockers) and _ends_with_phrase(_words_before(ctx.text, start, 4), blockers)


def h_since_units(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex, anchor = ctx.grammar.lex, ctx.anchor
    unit = lex.units.get(norm(m["unit"]))
    if unit is None or _blocked(ctx, m.start(), "since"):
        return None  # "erstmals seit Jahren"
    groups = m.groupdict()
    count = _count(lex, groups.get("n"))
    if _is_bound(lex, groups.get("approx")):
        return _atom(m, DURATION, None, ref=False)
    if count is None:
        return _atom(m, PRESENT, at_precision(anchor, MONTH) if anchor else None, ref=False)
    if ctx.grammar.lang == "en":
        return _atom(m, DURATION, None, ref=False)  # "for five years"
    iv = range_iv(shift(anchor, unit, -count), anchor) if anchor else None
    return _atom(m, RELATIVE, iv, cue=PAST)


def h_present(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex, text = ctx.grammar.lex, ctx.text
    phrase = norm(m.group())
    tokens = phrase.split()
    if tokens[-1] in ("bislang", "bisher"):
        nxt = _NEXT.match(text, m.end(), ctx.hi)
        if nxt is not None and nxt.group(1).lower() in lex.present_not_before:
            return None  # "das bislang letzte Treffen"
    weak = all(t in lex.weak for t in tokens) or phrase in lex.weak
    iv = at_precision(ctx.anchor, MONTH) if ctx.anchor else None
    return _atom(m, PRESENT, iv, weak=weak, ref=False)


def h_recent(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    days = ctx.grammar.lex.recent.get(norm(m.group()))
    if days is None:
        return None
    iv = at_precision(ctx.anchor - dt.timedelta(days=days), MONTH) if ctx.anchor else None
    return _atom(m, VAGUE, iv, cue=PAST, ref=False)


def h_recent_year(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    phrase = norm(m.group())
    if _blocked(ctx, m.start(), phrase):
        return None  # "nicht zuletzt"
    iv = at_precision(ctx.anchor, YEAR) if ctx.anchor else None
    return _atom(m, VAGUE, iv, cue=PAST, weak=phrase in ctx.grammar.lex.weak, ref=False)


def h_set(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    return _atom(m, SET, None, ref=False)


def h_duration(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    if not m["pre"] and not m.groupdict().get("long"):
        return None
    return _atom(m, DURATION, None, ref=False)


def h_named(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    named = ctx.grammar.lex.named
    index = int((m.lastgroup or "n-1")[1:])
    if not 0 <= index < len(named):
        return None
    entry = named[index]
    if entry.near:
        around = ctx.text[max(0, m.start() - 80) : m.end() + 80].lower()
        if not any(word in around for word in entry.near):
            return None
    if entry.recurring:
        make = _recurring(entry.recurring)
        if make is None:
            return None
        iv = pick(yearly(make, ctx.anchor), ctx.anchor, ctx.direction(None, prep)) if ctx.anchor else None
        return _atom(m, NAMED, iv, with_year=make, cycle="year")
    iv = parse_value(entry.value, ctx.anchor) if entry.value else None
    return _atom(m, NAMED, iv)


def _anaphor_since(ref: Interval, anchor: dt.date | None) -> Interval | None:
    return range_iv(ref.first, anchor) if anchor is not None else None


def _shifted(unit: str, count: float) -> Anaphor:
    unit_precision = {"day": DAY, "week": DAY, "month": MONTH}.get(unit, YEAR)
    if unit == "year" and (abs(count) < 2 or count != int(count)):
        unit_precision = MONTH  # like "vor einem Jahr": one year keeps the month

    def resolve(ref: Interval, anchor: dt.date | None) -> Interval | None:
        base = ref.last if count > 0 and ref.precision == RANGE else ref.first
        precision = coarser(unit_precision, ref.precision if ref.precision != RANGE else unit_precision)
        return at_precision(shift(base, unit, count), precision)

    return resolve


_LATER = {"später", "danach", "darauf", "later", "afterwards", "after"}


def h_anaphor(ctx: Context, m: re.Match[str], prep: str | None) -> Atom | None:
    lex = ctx.grammar.lex
    groups = {k.rstrip("0123456789"): v for k, v in m.groupdict().items() if v}
    resolve: Anaphor
    if "since" in groups or "after_unit" in groups:
        resolve = _anaphor_since
    elif "rel" in groups:
        unit = lex.units.get(norm(groups.get("unit", "")))
        count = _count(lex, groups.get("n"))
        if unit is None or count is None or _is_bound(lex, groups.get("approx")):
            return None
        resolve = _shifted(unit, count if norm(groups["rel"]) in _LATER else -count)
    elif "next_day" in groups or "day_before" in groups:
        step = 1 if "next_day" in groups else -1

        def resolve(ref: Interval, anchor: dt.date | None) -> Interval | None:
            return day_iv(ref.first + dt.timedelta(days=step)) if ref.precision == DAY else None

    elif "same" in groups:
        unit = lex.units.get(norm(groups.get("sunit", "")), "year")

        def resolve(ref: Interval, anchor: dt.date | None) -> Interval | None:
            if unit == "month" and ref.precision in (DAY, MONTH):
                return at_precision(ref.first, MONTH)
            return at_precision(ref.first, YEAR)

    elif "year_after" in groups or "year_before" in groups:
        after = "year_after" in groups

        def resolve(ref: Interval, anchor: dt.date | None) -> Interval | None:
            return year_iv(ref.last.year + 1) if after else year_iv(ref.first.year - 1)

    else:
        return None
    return _atom(m, RELATIVE, None, anaphor=resolve)


# -- patterns --------------------------------------------------------------------

_FLAGS = re.IGNORECASE


def _patterns(lang: str, lex: Lexicon) -> list[tuple[str, str, Handler, bool, bool]]:
    """(name, regex, handler, preps, article) for one language, in rank order."""
    alt = alternation
    mon = alt(lex.months)
    monx = rf"(?:{mon}{E}|{alt(lex.month_abbreviations)}(?:\.|{E}))"
    wd = alt(lex.weekdays)
    parts = alt(lex.period_parts)
    part = rf"(?P<part>{parts})(?:\s+|(?<=-))"
    mods = alt(lex.modifiers)
    units = alt(lex.units)
    nums = rf"(?:\d{{1,3}}(?:[.,]5)?|{alt(lex.numbers)})"
    vague = alt(lex.vague_counts)
    approx = alt(lex.approximators)
    day_parts = alt(lex.day_parts)
    count = rf"(?:(?P<approx>{approx})\s+)?(?:(?P<n>{nums})\s+|(?P<vague>{vague})\s+)?"
    exact = rf"(?:(?P<approx>{approx})\s+)?(?P<n>{nums})\s+"
    seasons = alt(lex.seasons)
    ordinals = alt(lex.ordinals)
    quarters = alt(lex.quarter_words)
    decades = alt(lex.decade_words)
    y4 = r"(?P<y>\d{4})(?![\d’']|[.,]\d)"
    year_core = (
        r"(?<![\w.,’'/\-–])(?P<y>1[89]\d\d|20\d\d|2100)"
        r"(?:(?P<sep>[-–/])(?P<y2>\d{4}|\d{2}))?(?![\w’']|[.,]\d|[-–/]\d)"
    )
    rows: list[tuple[str, str, Handler, bool, bool]] = [
        ("present", rf"(?<!\w){alt(lex.present)}{E}(?:\s+{alt(lex.present)}{E})*", h_present, False, False),
        ("recent", rf"(?<!\w){alt(lex.recent)}{E}", h_recent, False, False),
        ("recent_year", rf"(?<!\w){alt(lex.recent_year)}{E}", h_recent_year, False, False),
        ("set", rf"(?<!\w){alt(lex.sets)}{E}", h_set, False, False),
    ]
    if lang == "de":
        rows += [
            ("anaphor_since", rf"(?<!\w)(?P<since>seitdem|seither){E}", h_anaphor, False, False),
            ("anaphor_after",
             rf"(?<!\w)in\s+den\s+(?P<after_unit>Tagen|Wochen|Monaten|Jahren|Jahrzehnten)\s+"
             rf"(?:danach|darauf|seither|seitdem){E}", h_anaphor, False, False),
            ("anaphor_shift",
             rf"(?<!\w){exact}(?P<unit>{units})\s+(?P<rel>später|danach|darauf|zuvor|davor|vorher|früher){E}",
             h_anaphor, False, False),
            ("anaphor_day",
             rf"(?<!\w)(?:am\s+(?:nächsten|folgenden|darauffolgenden)\s+(?P<next_day>Tag)"
             rf"|tags\s+(?:(?P<next_day2>darauf)|(?P<day_before2>zuvor))|am\s+(?P<day_before>Vortag)"
             rf"|im\s+(?:selben|gleichen)\s+(?P<same>(?P<sunit>Jahr|Monat))"
             rf"|im\s+(?:folgenden|darauffolgenden)\s+(?P<year_after>Jahr)"
             rf"|im\s+Jahr\s+(?:(?P<year_after2>darauf|danach)|(?P<year_before>zuvor|davor))"
             rf"|im\s+(?P<year_after3>Folgejahr)){E}", h_anaphor, False, False),
            ("span",
             rf"(?<!\w)(?:in|während|innerhalb|im\s+Laufe|über)\s+(?:den|der)\s+(?P<mod>{mods}|zurückliegenden)\s+"
             rf"(?:(?P<n>{nums})\s+|(?P<vague>{vague})\s+)?(?P<unit>Tagen|Wochen|Monaten|Jahren|Jahrzehnten){E}",
             h_span, False, False),
            ("since_units", rf"(?<!\w)seit\s+{count}(?P<unit>{units}){E}", h_since_units, False, False),
            ("ago", rf"(?<!\w)vor\s+{count}(?P<unit>{units}){E}", h_ago, False, False),
            ("ago_her", rf"(?<!\w){exact}(?P<unit>{units})\s+her{E}", h_ago, False, False),
            ("in", rf"(?<!\w)in\s+(?:(?P<n>{nums})\s+|(?P<vague>{vague})\s+)(?P<unit>{units}){E}", h_in, False, False),
        ]
    else:
        rows += [
            ("anaphor_since", rf"(?<!\w)(?P<since>since\s+then|ever\s+since|since\s+that\s+time){E}", h_anaphor, False, False),
            ("anaphor_after",
             rf"(?<!\w)in\s+the\s+(?:(?P<after_unit>days|weeks|months|years)\s+(?:that\s+followed|after(?:wards)?|since)"
             rf"|following\s+(?P<after_unit2>days|weeks|months|years)){E}", h_anaphor, False, False),
            ("anaphor_shift", rf"(?<!\w){exact}(?P<unit>{units})\s+(?P<rel>later|earlier|afterwards){E}", h_anaphor, False, False),
            ("anaphor_day",
             rf"(?<!\w)(?:the\s+(?:next|following)\s+(?P<next_day>day)|(?:that|the)\s+same\s+(?P<same>(?P<sunit>year|month))"
             rf"|the\s+following\s+(?P<year_after>year)){E}", h_anaphor, False, False),
            ("span",
             rf"(?<!\w)(?:in|over|during|within|for)\s+the\s+(?P<mod>{mods})\s+(?:(?P<n>{nums})\s+|(?P<vague>{vague})\s+)?"
             rf"(?P<unit>{units}){E}", h_span, False, False),
            ("span_recent", rf"(?<!\w)(?:in|over)\s+(?P<recent>recent)\s+(?P<unit>days|weeks|months|years){E}", h_span, False, False),
            ("since_units", rf"(?<!\w)for\s+{count}(?P<unit>{units}){E}", h_since_units, False, False),
            ("ago", rf"(?<!\w){count}(?P<unit>{units})\s+ago{E}", h_ago, False, False),
            ("in", rf"(?<!\w)in\s+(?:(?P<n>{nums})\s+|(?P<vague>{vague})\s+)(?P<unit>{units}){E}", h_in, False, False),
        ]
    if lex.named:
        combined = "|".join(f"(?P<n{i}>{entry.source})" for i, entry in enumerate(lex.named))
        rows.append(("named", rf"(?<![\w-])(?:{combined})(?![\w]|-\w)", h_named, True, True))
    rows.append(("iso", r"(?<![\w.\-/])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w\-]|[.,]\d)", h_iso, True, False))
    if lang == "de":
        rows += [
            ("numeric",
             rf"(?:{B}(?P<wd>{wd}),?\s+(?:de[nm]\s+)?)?(?<![\w.,/\-–])(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\."
             rf"(?:\s?(?P<y>\d{{4}}|\d{{2}}))?(?![\w’']|[.,]?\d)", h_numeric_date, True, False),
            ("day_month",
             rf"(?:{B}(?P<wd>{wd}),?\s+(?:de[nm]\s+)?)?(?<![\w.,\-–])(?P<d>\d{{1,2}})\.[ \t\xa0]*"
             rf"(?:(?:bis(?:\s+zu[mr])?|[-–—])\s*(?P<d2>\d{{1,2}})\.[ \t\xa0]*)?(?P<mon>{monx})(?:\s+{y4})?",
             h_day_month, True, False),
            ("month_year",
             rf"(?:{part})?(?<!\w)(?P<mon>{monx})\s+(?:(?:des\s+Jahres\s+)?{y4}|(?:des\s+)?(?P<rel>{mods})\s+Jahres{E})",
             h_month_year, True, False),
            ("month", rf"(?:{part}|(?P<mod>{mods})\s+)?(?<!\w)(?P<mon>{mon}){E}", h_month, True, False),
            ("season",
             rf"(?:(?P<part>{parts})\s+(?:des\s+)?|(?P<mod>{mods})\s+)?(?<!\w)(?P<season>{seasons}){E}"
             rf"(?:\s+(?:(?:des\s+Jahres\s+)?(?P<y>\d{{4}})(?:/(?:\d{{4}}|\d{{2}}))?(?!\d)|(?:des\s+)?(?P<rel>{mods})\s+Jahres{E}))?",
             h_season, True, False),
            ("quarter",
             rf"(?<!\w)(?P<ord>{ordinals}|[1-4]\.)\s+(?P<q>{quarters}){E}"
             rf"(?:\s+(?:(?:des\s+Jahres\s+)?{y4}|(?:des\s+)?(?P<rel>{mods})\s+Jahres{E}|(?P<this>des\s+Jahres){E}))?",
             h_quarter, True, False),
            ("decade",
             rf"(?:(?P<part>{parts})\s+)?(?:(?P<art>der|den|die)\s+)?(?<![\w'’.])"
             rf"(?:(?P<d4>1\d{{2}}0|20\d0)er|(?P<d2>\d0)er|(?P<dw>{decades}))(?P<suffix>\s*-?\s*jahren?|n)?{E}",
             h_decade, True, False),
            ("century", rf"(?:(?P<part>{parts})\s+(?:des\s+)?)?(?<![\w.])(?P<c>\d{{1,2}})\.\s*Jahrhunderts?{E}", h_century, True, False),
            ("year", rf"(?:{part}(?:des\s+Jahres\s+)?)?(?:(?P<jahr>Jahr(?:e|es)?)\s+)?{year_core}", h_year, True, False),
            ("weekday",
             rf"(?P<night>in\s+der\s+Nacht\s+(?:zu[mr]?|auf)\s+(?:den\s+)?)?(?:(?P<mod>{mods})\s+)?(?<!\w)(?P<wd>{wd})"
             rf"(?:{day_parts})?{E}(?:\s+(?P<part2>{day_parts}){E})?(?:\s+(?P<wmod>{mods})\s+Woche{E})?",
             h_weekday, True, False),
            ("weekend", rf"(?:(?P<mod>{mods})\s+)?(?<!\w)(?P<we>Wochenende){E}", h_weekend, True, False),
            ("day_word", rf"(?<!\w)(?P<w>{alt(lex.day_words)}){E}(?:\s+(?P<part>{day_parts}){E})?", h_day_word, True, False),
            ("relative_unit",
             rf"(?:(?P<part>{parts})\s+(?:(?:des|der)\s+)?)?(?<!\w)(?P<mod>{mods})\s+"
             rf"(?P<unit>Woche|Monats?|Jahr(?:es|s)?|Jahrzehnte?s?){E}", h_relative_unit, True, False),
            ("relative_part",
             rf"(?<!\w)(?P<part>{parts})\s+(?:des|der)\s+(?P<unit>Woche|Monats|Jahres|Jahrzehnts){E}",
             h_relative_unit, True, False),
            ("relative_word", rf"(?<!\w)(?P<rw>{alt(lex.relative_words)}){E}", h_relative_word, True, False),
            ("duration",
             rf"(?<!\w)(?:(?P<pre>für|innerhalb\s+von|binnen|nach|während)\s+)?{exact}(?P<unit>{units})(?:\s+(?P<long>lang))?{E}",
             h_duration, False, False),
        ]
    else:
        rows += [
            ("day_month",
             rf"(?:{B}(?P<wd>{wd}),?\s+)?(?:the\s+)?(?<![\w.,\-–])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
             rf"(?:\s*(?:-|–|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<mon>{monx})(?:,?\s+{y4})?",
             h_day_month, True, False),
            ("month_day",
             rf"(?:{B}(?P<wd>{wd}),?\s+)?(?<!\w)(?P<mon>{monx})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|[.,]\d)"
             rf"(?:\s*[-–]\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,?\s+{y4})?",
             h_day_month, True, False),
            ("month_year",
             rf"(?:{part})?(?<!\w)(?P<mon>{monx}),?\s+(?:(?:of\s+)?{y4}|(?:of\s+)?(?P<rel>{mods})\s+year{E})",
             h_month_year, True, False),
            ("month", rf"(?:{part}|(?P<mod>{mods})\s+)?(?<!\w)(?P<mon>{mon}){E}", h_month, True, False),
            ("season",
             rf"(?:(?P<part>{parts})(?:\s+|(?<=-))|(?P<mod>{mods})\s+)?(?:the\s+)?(?<!\w)(?P<season>{seasons}){E}"
             rf"(?:\s+(?:(?:of\s+)?(?P<y>\d{{4}})(?:/(?:\d{{4}}|\d{{2}}))?(?!\d)|(?:of\s+)?(?P<rel>{mods})\s+year{E}))?",
             h_season, True, True),
            ("quarter",
             rf"(?<!\w)(?:the\s+)?(?P<ord>{ordinals})\s+(?P<q>{quarters}){E}"
             rf"(?:\s+of\s+(?:{y4}|(?P<rel>{mods})\s+year{E}|(?P<this>the\s+year){E}))?",
             h_quarter, True, False),
            ("quarter_q", r"(?<!\w)Q(?P<qn>[1-4])\s*(?P<y>\d{4})(?!\d)", h_quarter, True, False),
            ("decade",
             rf"(?:(?P<art>the)\s+)?(?:(?P<part>early|mid|late)(?:\s+|-))?(?<![\w'’])"
             rf"(?:(?P<d4>1\d{{2}}0|20\d0)['’]?s|['’]?(?P<d2>\d0)['’]?s|(?P<dw>{decades})){E}",
             h_decade, True, False),
            ("century",
             rf"(?:the\s+)?(?:(?P<part>early|mid|late)(?:\s+|-))?(?<!\w)(?P<c>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century{E}",
             h_century, True, False),
            ("year", rf"(?:{part}(?:of\s+)?)?(?:(?P<jahr>year)\s+)?{year_core}", h_year, True, False),
            ("weekday",
             rf"(?:(?P<mod>{mods})\s+)?(?<!\w)(?P<wd>{wd}){E}(?:\s+(?P<part2>{day_parts}){E})?"
             rf"(?:\s+(?P<wmod>{mods})\s+week{E})?", h_weekday, True, False),
            ("weekend", rf"(?:(?P<mod>{mods})\s+)?(?<!\w)(?P<we>weekend){E}", h_weekend, True, False),
            ("day_word", rf"(?<!\w)(?P<w>{alt(lex.day_words)}){E}(?:\s+(?P<part>{day_parts}){E})?", h_day_word, True, False),
            ("relative_unit",
             rf"(?:{part})?(?<!\w)(?P<mod>{mods})\s+(?P<unit>week|month|year|decade){E}", h_relative_unit, True, False),
            ("relative_part", rf"(?<!\w)(?P<part>{parts})\s+the\s+(?P<unit>week|month|year|decade){E}", h_relative_unit, True, False),
            ("duration", rf"(?<!\w)(?P<pre>within|after)\s+{exact}(?P<unit>{units}){E}", h_duration, False, False),
        ]
    return rows


@lru_cache(maxsize=len(LANGUAGES))
def grammar(lang: str) -> Grammar:
    """The compiled grammar of ``lang`` (``de`` or ``en``), cached."""
    lex = lexicon(lang)
    rules = tuple(
        # Every expression starts at a word start: the leading guard lets the
        # scanner skip positions inside words cheaply.
        Rule(name, re.compile(rf"(?<!\w)(?:{pattern})", _FLAGS), handler, preps, article)
        for name, pattern, handler, preps, article in _patterns(lang, lex)
    )
    prepositions = _PREPOSITIONS[lang]
    preps = alternation(prepositions)
    articles = alternation(_ARTICLES[lang])
    bare = rf"|(?<![\w-])(?P<art>{articles})" if lang == "en" else ""
    prep_re = re.compile(rf"(?:(?<![\w-])(?P<prep>{preps})(?:\s+{articles})?{bare})\s+\Z", _FLAGS)
    return Grammar(lang, lex, rules, prep_re, prepositions)
