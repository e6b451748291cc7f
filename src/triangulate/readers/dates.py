"""Publication dates: normalising declared dates and finding datelines.

:func:`parse_date` reads a date a source declares (metadata, HTML, feed) in the
common ISO, RFC 2822, German and English forms and keeps the day written, not a
UTC conversion.  :func:`find_dateline` looks only at the first and last few
short lines of a body for a dateline such as ``IZ 23.07. 25`` or ``Berlin,
5. März 2024``; a date inside a sentence does not count.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

from triangulate.model import DATE_PRECISIONS

DATELINE_MAX_CHARS = 60
DATELINE_LINES = 3  # lines looked at at each end of the body
_MAX_OTHER_WORDS = 5

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januar jänner january jan jän",
        "februar february feb febr",
        "märz maerz march mär mrz mar",
        "april apr",
        "mai may",
        "juni june jun",
        "juli july jul",
        "august aug",
        "september sept sep",
        "oktober october okt oct",
        "november nov",
        "dezember december dez dec",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2024-03-05 (also the date part of an ISO timestamp)
    re.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"),
    # 23.07.2025, 5.3.24, "23.07. 25"
    re.compile(r"(?<![\w.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4}|\d{2})(?![\d.]?\d)"),
    # 5. März 2024, 5 March 2024, 5th March 2024
    re.compile(
        rf"(?<![\w.])(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?P<mn>{_MONTH})\.?,?\s+(?P<y>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
    # March 5, 2024
    re.compile(
        rf"(?<!\w)(?P<mn>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
)
_YEAR_MONTH = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})")
_MONTH_YEAR = re.compile(rf"(?P<mn>{_MONTH})\.?\s+(?P<y>\d{{4}})", re.IGNORECASE)
_YEAR = re.compile(r"(?P<y>\d{4})")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\b")
_WORD = re.compile(r"[^\W\d_]+")
#: Lower-case words a dateline may carry besides place names and the date.
_DATELINE_WORDS = frozenset(
    [
        "am",
        "um",
        "vom",
        "von",
        "den",
        "der",
        "in",
        "uhr",
        "stand",
        "aktualisiert",
        "veröffentlicht",
        "erstellt",
        "zuletzt",
        "geändert",
        "publiziert",
        "published",
        "updated",
        "posted",
        "last",
        "modified",
        "on",
        "at",
        "by",
        "dpa",
        "afp",
        "ap",
        "rtr",
        "kna",
        "epd",
        "dts",
        "sda",
        "apa",
        "red",
        "mez",
        "mesz",
        "cet",
        "cest",
        "utc",
        "gmt",
        "est",
        "edt",
        "pst",
        "pdt",
        "bst",
        "pm",
    ]
)


@dataclass(frozen=True, slots=True)
class DateValue:
    """An ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) and its precision."""

    iso: str
    precision: str


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def _from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = _MONTHS[groups["mn"].lower()] if groups.get("mn") else int(groups["m"])
    try:
        return dt.date(_year(groups["y"]), month, int(groups["d"]))
    except ValueError:
        return None


def _day(value: dt.date) -> DateValue:
    return DateValue(value.isoformat(), "day")


def parse_date(value: object, precision: str | None = None) -> DateValue | None:
    """Normalise a declared date; ``precision`` (e.g. ``"week"``) is kept if valid."""
    result = _parse(value)
    if result is not None and precision in DATE_PRECISIONS and precision != "unknown":
        return DateValue(result.iso, str(precision))
    return result


def _parse(value: object) -> DateValue | None:
    if isinstance(value, dt.datetime):
        return _day(value.date())
    if isinstance(value, dt.date):
        return _day(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return DateValue(f"{value:04d}", "year")
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match and match.start() <= 20:
            day = _from_match(match)
            if day is not None:
                return _day(day)
    try:
        stamp = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        stamp = None
    if stamp is not None:
        return _day(stamp.date())
    for pattern, has_name in ((_YEAR_MONTH, False), (_MONTH_YEAR, True)):
        match = pattern.fullmatch(text)
        if match:
            month = _MONTHS[match["mn"].lower()] if has_name else int(match["m"])
            if 1 <= month <= 12:
                return DateValue(f"{int(match['y']):04d}-{month:02d}", "month")
    if _YEAR.fullmatch(text):
        return DateValue(text, "year")
    return None


def _short_lines(body: str) -> list[str]:
    """The first and last few non-blank lines (last one first), if short."""
    window = 4000
    head_part = body[:window]
    tail_part = body[-window:] if len(body) > window else ""
    head = [line.strip() for line in head_part.splitlines() if line.strip()]
    if tail_part:
        pieces = tail_part.splitlines()
        if body[-window - 1] not in "\r\n":
            pieces = pieces[1:]  # a cut-off line
        tail = [line.strip() for line in pieces if line.strip()][-DATELINE_LINES:]
    else:
        tail = head[DATELINE_LINES:][-DATELINE_LINES:]
    lines = head[:DATELINE_LINES] + tail[::-1]
    return [line for line in lines if len(line) <= DATELINE_MAX_CHARS]


def _is_dateline(line: str, match: re.Match[str]) -> bool:
    """The rest of the line is a place, an outlet or dateline words, not a sentence."""
    rest = _TIME.sub(" ", line[: match.start()] + " " + line[match.end() :])
    words = _WORD.findall(rest)
    if len(words) > _MAX_OTHER_WORDS:
        return False
    return all(w[0].isupper() or w.lower() in _DATELINE_WORDS for w in words)


def find_dateline(body: str, *, today: dt.date | None = None) -> DateValue | None:
    """A publication date stated in a dateline at the top or bottom of ``body``."""
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    for line in _short_lines(body):
        matches = [m for p in _PATTERNS for m in p.finditer(line)]
        for match in sorted(matches, key=lambda m: m.start()):
            day = _from_match(match)
            if day is None or not dt.date(1900, 1, 1) <= day <= latest:
                continue
            if _is_dateline(line, match):
                return _day(day)
    return None
