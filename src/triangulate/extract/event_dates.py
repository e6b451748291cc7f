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
from ..model import Sentence

__all__ = ["DateFinder", "location"]

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
        pool = inclause if status == "planned" else (inclause or times)
        if not pool and i > 0 and _DEIXIS_START.match(self.text[s.start : s.end]):
            pool = self._times(i - 1, tense)
        if not pool:
            return None, "unknown"
        best = min(pool, key=lambda x: abs(x.start - start))
        if best.precision == "day" and best.text.lower() in _NOWADAYS and best.value:
            return best.value[:7], "month"  # "heute" = nowadays (GOLD rule 23)
        return best.value, best.precision


def location(text: str, lang: str, lo: int, hi: int) -> str | None:
    """The first place name after "in/nach/bei" ("in/at/near") in the clause, as written."""
    for m in _LOC["en" if lang == "en" else "de"].finditer(text, lo, hi):
        name = m.group(1)
        if not _NOT_PLACE.match(name) and not _EVENT_NOUN_END.search(name):
            return name
    return None
