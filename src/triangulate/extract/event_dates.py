"""Event dates and places: the time expression and the place name that go with a trigger.

Dates (GOLD rules 21-25) come from :func:`triangulate.language.temporal.find_times`:
the expression in the trigger's clause nearest to the trigger, else the nearest in the
sentence, else -- when the sentence continues the previous one ("Dabei ...", "Das ...")
-- one from the sentence before.  An event noun takes only an expression attached to
it; a planned event only one of its own clause.  No expression: ``(None, "unknown")``,
never the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from ..language.temporal import TimeExpression, find_times
from ..model import Event, Sentence
from .event_context import context_rules
from .event_status import clause_bounds

__all__ = ["DateFinder", "carry_meeting_dates", "location"]

_LOC = {
    "de": re.compile(
        r"(?<![\w-])(?:in|nach|bei|im)\s+(?:der|dem|den|die|das)?\s*((?:[A-ZÄÖÜ][\w-]+)(?:\s+[A-ZÄÖÜ][\w-]+)?)"
    ),
    "en": re.compile(r"(?<![\w-])(?:in|at|near)\s+(?:the\s+)?((?:[A-Z][\w-]+)(?:\s+[A-Z][\w-]+)?)"),
}
_NOT_PLACE = re.compile(
    r"^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|"
    r"June|July|October|December|Zukunft|Vergangenheit|Folge|Zeit|Jahr|Jahren|Wochen|Monaten|Tagen|Kraft|Form|Bezug|"
    r"Richtung|Fall|Frage|Lage|Summe|Rahmen|Zuge|Kürze|Hinblick|Anbetracht|Wirklichkeit|Krieg|Kampf|[\w]+-Krieg|"
    r"Gespräch|Interview|Moment|Sachen|Bezug|Vergleich|Grunde|Gegenzug|Verbindung|Gegenteil|Übrigen|Mittelpunkt)\b"
)
#: Closed compounds naming an event or a state, not a place ("im Koreakrieg", "in der Ukrainekrise").
_EVENT_NOUN_END = re.compile(
    r"(?:krieg|kriegs|konflikt|konflikts|kampf|kämpfen|krise|gipfel|parade|treffen|prozess|"
    r"verhandlungen|gesprächen|\bwar|\bconflict|\bcrisis|\bsummit|\btalks)$",
    re.IGNORECASE,
)
_DEIXIS_START = re.compile(r"^\W*(?:Dabei|Das|Dies|Diese[rs]?|Damals|Dort|There|This|That|Then)\b")
_PAST = {
    "de": re.compile(
        r"(?<![\w-])(?:hat|haben|hatte|hatten|war|waren|wurde|wurden|ist|sind)(?![\w-])|\w+te[nt]?\b",
        re.IGNORECASE,
    ),
    "en": re.compile(r"(?<![\w-])(?:had|has|have|was|were|did)(?![\w-])|\w+ed\b", re.IGNORECASE),
}
_EN_RELATIVE_START = re.compile(r"\W*(?:which|who|whom|whose)\b", re.IGNORECASE)
_EN_PERFECT = re.compile(r"(?<![\w-])(?:has|have)\s+(?:\w+ly\s+|not\s+|never\s+)?$", re.IGNORECASE)
_NOWADAYS = ("heute", "heutzutage", "today", "nowadays")


class DateFinder:
    """Time expressions of one document, found once per sentence and tense."""

    def __init__(
        self, text: str, lang: str, anchor: dt.date | None, sentences: list[Sentence]
    ) -> None:
        self.text, self.lang, self.anchor, self.sentences = text, lang, anchor, sentences
        self.cache: dict[tuple[int, str | None], list[TimeExpression]] = {}

    def _times(self, i: int, tense: str | None) -> list[TimeExpression]:
        key = (i, tense)
        if key not in self.cache:
            s = self.sentences[i]
            found = find_times(self.text, self.lang, self.anchor, s.start, s.end, tense=tense)
            self.cache[key] = [x for x in found if x.value]
        return self.cache[key]

    def date(
        self,
        i: int,
        s: Sentence,
        start: int,
        end: int,
        noun: bool,
        lo: int,
        hi: int,
        status: str,
    ) -> tuple[str | None, str]:
        """``(date, precision)`` of the event with trigger ``text[start:end]`` in clause
        ``text[lo:hi]`` of sentence ``i``."""
        past = _PAST["en" if self.lang == "en" else "de"].search(self.text, lo, hi)
        tense = "future" if status == "planned" else ("past" if past else None)
        times = self._times(i, tense)
        inclause = [x for x in times if lo <= x.start and x.end <= hi]
        if noun:  # a noun takes only a time expression attached to it
            inclause = [x for x in inclause if -40 < x.start - end < 40 or -40 < start - x.end < 40]
            times = inclause
        own = status == "planned" or (self.lang == "en" and self._own_clause(lo, start, status))
        pool = inclause if own else (inclause or times)
        if not pool and own and status != "planned" and status != "hypothetical":
            pool = [x for x in times if self._since_clause(s, x.start)]  # "has ... since"
        if not pool and i > 0 and _DEIXIS_START.match(self.text[s.start : s.end]):
            pool = self._times(i - 1, tense)
        if not pool:
            return None, "unknown"
        best = min(pool, key=lambda x: abs(x.start - start))
        if best.precision == "day" and best.text.lower() in _NOWADAYS and best.value:
            return best.value[:7], "month"  # "heute" = nowadays (GOLD rule 23)
        if not inclause and self._since_clause(s, best.start):
            span = self._since_span(best.value)
            if span is not None:
                return span, "range"
        return best.value, best.precision

    def _own_clause(self, lo: int, start: int, status: str) -> bool:
        """English events that take a time only from their own clause: hypothetical ones,
        those of a relative clause (", which it accused of ..."), and present perfects
        ("has shipped"), whose time is not that of the sentence's statement."""
        if status == "hypothetical":
            return True
        head = self.text[lo:start]
        return bool(_EN_RELATIVE_START.match(head) or _EN_PERFECT.search(head))

    def _since_clause(self, s: Sentence, pos: int) -> bool:
        """The expression at ``pos`` stands in a "seit ..." / "since ..." clause."""
        lo, _ = clause_bounds(self.text, s.start, s.end, pos)
        return bool(context_rules(self.lang).since.match(self.text[lo:pos].lstrip()))

    def _since_span(self, value: str | None) -> str | None:
        """ "seit X" for an event of another clause: from the start of X to the publication
        date (GOLD rule 21; a start known to the month or year uses its first day)."""
        if not value or self.anchor is None:
            return None
        first = value.split("/")[0]
        if len(first) == 4:
            first += "-01-01"
        elif len(first) == 7:
            first += "-01"
        if len(first) != 10 or first > self.anchor.isoformat():
            return None
        return f"{first}/{self.anchor.isoformat()}"


def location(text: str, lang: str, lo: int, hi: int) -> str | None:
    """The first place name after "in/nach/bei" ("in/at/near") in the clause, as written,
    that the offline gazetteer knows: German capitalises every noun, so "im Vorfeld",
    "im Koreakrieg" or "in Medienberichten" look like places but do not resolve."""
    from .geocode import geocode  # the tables load on first use

    for m in _LOC["en" if lang == "en" else "de"].finditer(text, lo, hi):
        name = m.group(1)
        if _NOT_PLACE.match(name) or _EVENT_NOUN_END.search(name):
            continue
        if geocode(name, lang) is not None:
            return name
        first = name.split()[0]
        if first != name and geocode(first, lang) is not None:
            return first  # "in Pjöngjang Gespräche": the place is the first word
    return None


#: statements, intents, meetings and praise: told around the meeting that the text dates
_AROUND_MEETING = ("01", "03", "04", "05")


def carry_meeting_dates(events: list[Event], starts: list[int], after: int = 4) -> None:
    """A report dates one meeting to the day ("sagte Xi am Donnerstag bei einem Treffen mit
    Kim") and tells its statements around it without a time word of their own: an undated
    statement, intent, meeting or praise between the same two states, from the headline up
    to ``after`` sentences past the dated meeting, takes the meeting's date (GOLD rule 21,
    the same event told across sentences).  Hypothetical events, and planned ones other
    than intents (03x, dated to their statement), keep none."""
    index = {s: k for k, s in enumerate(starts)}
    for m in events:
        if m.root != "04" or m.date_precision != "day" or not m.date:
            continue
        pair = {m.source[:3] if m.source else "", m.target[:3] if m.target else ""}
        k = index.get(m.sentence[0], -1)
        for e in events:
            if e.date or e.root not in _AROUND_MEETING or e.status == "hypothetical":
                continue
            if e.root != "03" and e.status not in ("asserted", "attributed"):
                continue  # an intent is planned by convention, dated to its statement (rule 11)
            j = index.get(e.sentence[0], -1)
            same = {e.source[:3] if e.source else "", e.target[:3] if e.target else ""} == pair
            if same and 0 <= j <= k + after:
                e.date, e.date_precision = m.date, m.date_precision
