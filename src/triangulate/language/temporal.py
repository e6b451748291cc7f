"""Time expressions in German and English news text, resolved to calendar dates.

:func:`find_times` finds the time expressions in a stretch of a document and
resolves each against the publication date (the *anchor*) to a value in the
records.md format -- ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or
``YYYY-MM-DD/YYYY-MM-DD`` -- with its precision (``day``, ``month``, ``year``,
``range``; ``unknown`` when it cannot be resolved).  The conventions follow the
gold standard (``examples/eval/GOLD-README.md``, rules 21-25):

* weekday names -> that weekday within the publication week (Monday-Sunday); a
  past-tense verb picks the latest such day on or before the anchor, a future
  one the next on or after it ("am vergangenen Freitag" / "next Monday" are
  strictly before / after);
* "vergangene Woche" -> the previous Monday-Sunday, "diese Woche" the current
  one, "am Wochenende" that Saturday-Sunday (weeks are written as ranges);
* "im Juni", "Anfang Juli" -> month precision, in the year the tense points to
  (the nearest June not after the anchor for the past tense); modifiers such as
  Anfang / Mitte / Ende never refine the precision ("Ende 2024" -> ``2024``);
* "im vergangenen Jahr", "vor fünf Jahren" -> year; "vor einem Jahr" -> the month
  a year back; "vor drei Tagen" -> day; "vor zwei Wochen" -> that week;
* "in den letzten Tagen" -> the week up to the anchor (a range), "in den
  kommenden Tagen" the week after it; vague weeks ("vor wenigen Wochen", "in den
  nächsten Wochen") -> the month three / two weeks back or ahead;
* "seit X" -> the range from the start of X to the anchor; "seitdem", "in den
  Monaten danach" -> from the last expression before (within 400 characters) to
  the anchor; "ein halbes Jahr später", "ein Jahr zuvor" shift that expression;
* vague recency ("unlängst", "jüngst", "kürzlich") -> the month a week before the
  anchor; "zuletzt" -> the publication year;
* present-time words (derzeit, jetzt, nun, bereits, "dieser Tage", "seit Monaten";
  "heute" unless the verb is past or future) -> the publication month; weak ones
  (bereits, zuletzt, nun, jetzt) are dropped when their clause holds another
  time expression ("bereits 2014", "zuletzt im Juni 2019");
* named periods and days from ``lang/<lang>/temporal.yaml`` (the Korean War,
  Trump's first term, North Korea's Liberation Day, ...); fuzzy ones (the Cold
  War, the pandemic) are found but stay unresolved;
* "nach X" / "vor X" (after / before a date) and durations ("mehr als fünf Jahre
  her", "drei Jahre lang") are found but have no value; habits ("montags",
  "every year") are kind ``set`` without a value.

Everything is regular expressions over the text plus date arithmetic: no model,
deterministic, and it never raises.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from triangulate.language import temporal_rules as tr

__all__ = ["TimeExpression", "find_times", "resolve_weekday"]

#: Tenses a caller may pass; anything else counts as unknown.
TENSES = ("past", "present", "future")
#: How far back "seitdem" / "zwei Jahre später" look for their reference.
ANAPHORA_WINDOW = 400

_CLAUSE_BREAK = re.compile(r"[.;:!?\n–—,]")
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One time expression: its span, its resolved value and how it was read.

    ``start``/``end`` are absolute offsets into the text passed to
    :func:`find_times` (``text[start:end] == self.text``).  ``value`` is in the
    records.md format or ``None`` when it cannot be resolved (no anchor for a
    relative expression, a fuzzy period, a duration).  ``precision`` is ``day``,
    ``month``, ``year``, ``range`` or ``unknown``.  ``kind`` is ``absolute``,
    ``relative``, ``weekday``, ``partial``, ``named``, ``present``, ``vague``,
    ``duration`` or ``set``.  ``direction`` is where a non-absolute expression
    points from the anchor: ``past`` when its value lies before the anchor,
    ``future`` when after, otherwise the direction its words state ("seit 2022",
    "in den letzten Tagen" -> ``past``), else ``None``.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    kind: str
    direction: str | None


def resolve_weekday(weekday: int, anchor: dt.date, tense: str | None) -> dt.date:
    """The date a weekday name refers to in a text published on ``anchor``.

    ``weekday`` counts from 0 = Monday to 6 = Sunday.  With ``tense="past"`` it
    is the latest such day on or before the anchor ("Kim traf am Dienstag ...");
    with ``"future"`` the earliest on or after it; with ``"present"`` or ``None``
    the one in the anchor's Monday-Sunday week (gold rule 21).

    >>> resolve_weekday(6, dt.date(2023, 9, 11), "past")   # Monday's text, "am Sonntag"
    datetime.date(2023, 9, 10)
    >>> resolve_weekday(6, dt.date(2023, 9, 11), None)
    datetime.date(2023, 9, 17)
    """
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0 (Monday) .. 6 (Sunday), not {weekday!r}")
    return tr.weekday_date(weekday, anchor, _tense(tense))


def find_times(
    text: str,
    lang: str,
    anchor: dt.date | None,
    start: int = 0,
    end: int | None = None,
    *,
    tense: str | None = None,
) -> list[TimeExpression]:
    """The time expressions in ``text[start:end]``, in text order, not overlapping.

    ``lang`` is ``de`` or ``en`` (``de-AT``, ``en_GB`` ... are fine; any other
    language uses both grammars).  ``anchor`` is the publication date (a
    ``datetime`` counts as its date); without it -- or outside the years
    2-9997 -- only absolute expressions get a value.  ``tense`` ("past",
    "present", "future"; anything else counts as ``None``), the tense of the
    governing verb, decides between the past and the coming occurrence of a
    weekday or a month without a year.  Offsets are absolute; the text before
    ``start`` is read for the reference of "seitdem" / "zwei Jahre später" but
    never becomes part of an expression.  Never raises.
    """
    try:
        return _find(text, lang, anchor, start, end, tense)
    except Exception:  # a last guard: a date resolver must never break the pipeline
        return []


def _tense(tense: object) -> str | None:
    return tense if isinstance(tense, str) and tense in TENSES else None


def _languages(lang: object) -> tuple[str, ...]:
    code = lang.strip().lower().replace("_", "-").split("-", 1)[0] if isinstance(lang, str) else ""
    return (code,) if code in tr.LANGUAGES else tr.LANGUAGES


def _anchor(anchor: object) -> dt.date | None:
    if isinstance(anchor, dt.datetime):
        return anchor.date()
    if isinstance(anchor, dt.date) and 2 <= anchor.year <= 9997:
        return anchor
    return None


def _find(
    text: object,
    lang: object,
    anchor: object,
    start: object = 0,
    end: object = None,
    tense: object = None,
) -> list[TimeExpression]:
    """:func:`find_times` without the last guard (the tests call this one)."""
    if not isinstance(text, str) or not text:
        return []
    size = len(text)
    lo = min(max(start, 0), size) if isinstance(start, int) else 0
    hi = min(max(end, lo), size) if isinstance(end, int) else size
    day = _anchor(anchor)
    mood = _tense(tense)
    atoms: list[tr.Atom] = []
    for code in _languages(lang):
        atoms.extend(_candidates(tr.Context(text, lo, hi, day, mood, tr.grammar(code))))
    chosen = _merge_ranges(text, _drop_weak(text, _select(atoms)), day)
    _resolve_anaphora(text, chosen, lang, day, lo)
    return [_expression(text, atom, day) for atom in chosen]


def _candidates(ctx: tr.Context) -> list[tr.Atom]:
    g, text = ctx.grammar, ctx.text
    found: list[tr.Atom] = []
    for rank, rule in enumerate(g.rules):
        for m in rule.regex.finditer(text, ctx.lo, ctx.hi):
            if m.end() <= m.start():
                continue
            role, begin = (None, m.start())
            if rule.preps:
                role, begin = g.preposition(text, m.start(), ctx.lo, rule.article)
            try:
                atom = rule.handler(ctx, m, role)
            except (ValueError, ArithmeticError):
                atom = None  # an impossible date such as 31. Februar
            if atom is None:
                continue
            if begin < m.start() and not atom.own_start:
                atom = _with_preposition(ctx, atom, role, begin)
            atom.rank = rank
            found.append(atom)
    return found


def _with_preposition(ctx: tr.Context, atom: tr.Atom, role: str | None, begin: int) -> tr.Atom:
    """Extend the span over its preposition and apply what the preposition means."""
    atom.start, atom.prep = begin, role
    if role == tr.SINCE:
        anchor, iv = ctx.anchor, atom.iv
        if iv is not None and anchor is not None and iv.first <= anchor:
            atom.iv = tr.range_iv(iv.first, anchor)
        elif iv is not None:
            atom.iv = None
        atom.kind, atom.cue, atom.cycle, atom.with_year = tr.RELATIVE, tr.PAST, None, None
    elif role in (tr.BEFORE, tr.AFTER):
        atom.iv, atom.with_year, atom.cycle, atom.ref = None, None, None, False
    return atom


def _select(atoms: list[tr.Atom]) -> list[tr.Atom]:
    """Leftmost-longest non-overlapping choice; the earlier rule wins a tie."""
    atoms.sort(key=lambda a: (a.start, a.start - a.end, a.rank))
    chosen: list[tr.Atom] = []
    last_end = -1
    for atom in atoms:
        if atom.start >= last_end:
            chosen.append(atom)
            last_end = atom.end
    return chosen


def _drop_weak(text: str, atoms: list[tr.Atom]) -> list[tr.Atom]:
    """Drop weak present words ("bereits") whose clause holds another expression."""
    if not any(a.weak for a in atoms):
        return atoms
    keep: list[tr.Atom] = []
    for i, atom in enumerate(atoms):
        if atom.weak and (_clause_mate(text, atoms, i, -1) or _clause_mate(text, atoms, i, 1)):
            continue
        keep.append(atom)
    return keep


def _clause_mate(text: str, atoms: list[tr.Atom], i: int, step: int) -> bool:
    """Whether a non-weak atom before (step -1) or after (+1) atom ``i`` shares its clause."""
    j = i + step
    while 0 <= j < len(atoms):
        left, right = (atoms[j], atoms[i]) if step < 0 else (atoms[i], atoms[j])
        gap = text[left.end : right.start]
        if len(gap) >= 200 or _CLAUSE_BREAK.search(gap) is not None:
            return False
        if not atoms[j].weak:
            return True
        j += step
    return False


def _merge_ranges(text: str, atoms: list[tr.Atom], anchor: dt.date | None) -> list[tr.Atom]:
    """Join "von 1950 bis 1953", "1950 bis 1953", "zwischen 2017 und 2021", "June to August"."""
    out: list[tr.Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        if i + 1 < len(atoms):
            try:
                merged = _join(text, a, atoms[i + 1])
            except (ValueError, OverflowError):
                merged = None  # the range would leave the calendar (year 0 or 10000)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_JOINABLE = (tr.ABSOLUTE, tr.PARTIAL, tr.WEEKDAY, tr.RELATIVE, tr.NAMED)


def _join(text: str, a: tr.Atom, b: tr.Atom) -> tr.Atom | None:
    if a.kind not in _JOINABLE or b.kind not in _JOINABLE or a.anaphor or b.anaphor:
        return None
    if a.prep in (tr.SINCE, tr.UNTIL, tr.BEFORE, tr.AFTER, tr.FROM):
        return None
    gap = text[a.end : b.start]
    joiner = gap.strip().lower()
    if len(gap) > 12 or "\n" in gap:
        return None
    dash = joiner in ("-", "–", "—")
    joined = (
        (dash and b.prep is None)
        or (joiner == "" and b.prep == tr.UNTIL and gap.isspace())
        or (joiner in ("to", "through", "until", "till") and b.prep is None and a.prep in (tr.RANGE_START, None))
        or (joiner in ("und", "and") and a.prep == tr.BETWEEN and b.prep is None)
    )
    if not joined or a.iv is None or b.iv is None:
        return None
    first, last = a.iv, b.iv
    if a.with_year is not None and b.with_year is None:
        first = a.with_year(last.first.year) or first
        if first.first > last.last:
            first = a.with_year(last.first.year - 1) or first
    elif b.with_year is not None and last.last < first.first:
        for year in (first.first.year, first.first.year + 1):
            candidate = b.with_year(year)
            if candidate is not None and candidate.last >= first.first:
                last = candidate
                break
    elif b.cycle == "week" and last.last < first.first:
        moved = last.first + dt.timedelta(days=7)
        last = tr.day_iv(moved)
    iv = tr.span_iv(first, last)
    if iv is None:
        return None
    kinds = {a.kind, b.kind}
    kind = a.kind if len(kinds) == 1 else tr.ABSOLUTE if kinds <= {tr.ABSOLUTE, tr.PARTIAL} else tr.RELATIVE
    return tr.Atom(a.start, b.end, kind, iv, cue=a.cue or b.cue, prep=a.prep, rank=a.rank)


def _resolve_anaphora(text: str, atoms: list[tr.Atom], lang: object, anchor: dt.date | None, lo: int) -> None:
    """Resolve "seitdem", "zwei Jahre später" ... against the expression before."""
    if not any(a.anaphor for a in atoms):
        return
    previous: tr.Atom | None = None
    lookback_done = False
    for atom in atoms:
        if atom.anaphor is not None:
            ref = previous if previous is not None and _reachable(text, previous.end, atom.start) else None
            if ref is None and not lookback_done:
                lookback_done = True
                ref = _lookback(text, lang, anchor, lo, atom.start)
            if ref is not None and ref.iv is not None:
                try:
                    atom.iv = atom.anaphor(ref.iv, anchor)
                except (ValueError, OverflowError):
                    atom.iv = None  # "zwei Jahre später" after the year 9999
                if atom.iv is not None and anchor is not None:
                    atom.cue = tr.PAST if atom.iv.last <= anchor else tr.FUTURE
        if atom.iv is not None and atom.ref:
            previous = atom


def _reachable(text: str, ref_end: int, start: int) -> bool:
    return 0 <= start - ref_end <= ANAPHORA_WINDOW and _PARAGRAPH.search(text, ref_end, start) is None


def _lookback(text: str, lang: object, anchor: dt.date | None, lo: int, start: int) -> tr.Atom | None:
    """The last referable expression in the text before ``lo`` (for the first anaphor)."""
    if lo <= 0:
        return None
    begin = max(0, lo - ANAPHORA_WINDOW)
    found: list[tr.Atom] = []
    for code in _languages(lang):
        found.extend(_candidates(tr.Context(text, begin, lo, anchor, None, tr.grammar(code))))
    for atom in reversed(_select(found)):
        if atom.iv is not None and atom.ref and atom.anaphor is None:
            return atom if _reachable(text, atom.end, start) else None
    return None


def _expression(text: str, atom: tr.Atom, anchor: dt.date | None) -> TimeExpression:
    iv = atom.iv
    direction: str | None = None
    if atom.kind not in (tr.ABSOLUTE, tr.NAMED):
        direction = atom.cue
        if iv is not None and anchor is not None:
            if iv.last < anchor:
                direction = tr.PAST
            elif iv.first > anchor:
                direction = tr.FUTURE
    return TimeExpression(
        start=atom.start,
        end=atom.end,
        text=text[atom.start : atom.end],
        value=iv.value() if iv is not None else None,
        precision=iv.precision if iv is not None else "unknown",
        kind=atom.kind,
        direction=direction,
    )
