"""Check records against ``docs/records.md`` before they are scored.

A malformed gold row should fail first and clearly, not show up later as a
puzzling score.  :func:`validate_record` lists every problem of one record as
a human-readable string ("seed-002: events[4]: root '06' != cameo[:2] '07'");
:func:`validate_records` does so for a whole file and adds what only shows
across records (duplicate ``doc_id``\\ s) and, given the document texts, what
needs them (spans past the end of the text, quotes not inside quotation marks).

Keys the contract does not name (the gold's ``annotator`` and ``note``) are
allowed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from triangulate.model import GENRES, STATUSES

from .rules import as_span

RECORD_KEYS = ("doc_id", "language", "published", "genre", "actors", "events", "claims", "quotes")
ACTOR_KEYS = ("id", "name", "type", "code", "mentions")
EVENT_KEYS = (
    "source", "target", "source_text", "target_text", "cameo", "root", "plover", "goldstein",
    "status", "attributed_to", "date", "date_precision", "location", "sentence", "trigger",
)  # fmt: skip
CLAIM_KEYS = (
    "item", "value", "value_max", "approximate", "unit", "about", "predicate", "asserted_by",
    "date", "status", "text", "sentence",
)  # fmt: skip
QUOTE_KEYS = ("speaker", "speaker_code", "text", "sentence")

ACTOR_TYPES = ("person", "country", "organisation", "group")
# fmt: off
ROLE_CODES = frozenset((
    "GOV", "MIL", "SPY", "MED", "BUS", "CVL", "LEG", "JUD", "ELI", "EDU", "REF", "LAB", "OPP", "REB",
))
PLOVER_TYPES = frozenset((
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
))
# fmt: on
DATE_PRECISIONS = ("day", "month", "year", "range", "unknown")
#: Fixed units; an ISO 4217 currency code (three capital letters) is allowed besides.
UNITS = frozenset({"persons", "count", "percent", "km", "factor", "tonnes"})
QUOTE_MARKS = frozenset("„“”\"«»‚‘’‹›'")

_CODE = re.compile(r"^(IGO[A-Z]{3}|[A-Z]{3})((?:[A-Z]{3})*)$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_YEAR = re.compile(r"^\d{4}$")


# -- small checks (each returns a problem or None) ---------------------------


def code_problem(code: object, *, nullable: bool = False) -> str | None:
    """What is wrong with an actor code, or None when it is well formed."""
    if code is None:
        return None if nullable else "missing code"
    if not isinstance(code, str):
        return f"code {code!r} is not a string"
    match = _CODE.match(code)
    if not match:
        return f"code {code!r} is not a country code (3 capitals or IGO+3) plus 3-letter roles"
    roles = [match[2][i : i + 3] for i in range(0, len(match[2]), 3)]
    unknown = [r for r in roles if r not in ROLE_CODES]
    if unknown:
        return f"code {code!r} has unknown role code(s) {', '.join(unknown)}"
    return None


def _valid_day(text: str) -> bool:
    if not _DAY.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _valid_range(text: str) -> bool:
    start, sep, end = text.partition("/")
    return bool(sep) and _valid_day(start) and _valid_day(end) and start <= end


def date_problem(date: object, precision: object) -> str | None:
    """What is wrong with an event's date/date_precision pair, or None."""
    if precision not in DATE_PRECISIONS:
        return f"unknown date_precision {precision!r} (one of {', '.join(DATE_PRECISIONS)})"
    if date is None:
        return (
            None if precision == "unknown" else f"date is null but date_precision is {precision!r}"
        )
    if not isinstance(date, str):
        return f"date {date!r} is not a string"
    checks = {
        "day": (_valid_day, "YYYY-MM-DD"),
        "month": (lambda s: bool(_MONTH.match(s)), "YYYY-MM"),
        "year": (lambda s: bool(_YEAR.match(s)), "YYYY"),
        "range": (_valid_range, "YYYY-MM-DD/YYYY-MM-DD with start <= end"),
    }
    if precision == "unknown":
        return f"date {date!r} given but date_precision is 'unknown'"
    check, shape = checks[str(precision)]
    return None if check(date) else f"date {date!r} does not fit precision {precision!r} ({shape})"


def any_date_problem(date: object, *, field: str = "date") -> str | None:
    """A date without a stated precision (claims, ``published``): any contract format or null."""
    if date is None:
        return None
    if isinstance(date, str) and (
        _valid_day(date) or _MONTH.match(date) or _YEAR.match(date) or _valid_range(date)
    ):
        return None
    return f"{field} {date!r} is not YYYY-MM-DD, YYYY-MM, YYYY, a day range, or null"


def span_problem(value: object, name: str, text_length: int | None = None) -> str | None:
    """What is wrong with a ``[start, end]`` span, or None."""
    span = as_span(value)
    if span is None:
        return f"{name} {value!r} is not a [start, end] pair of integers"
    start, end = span
    if start < 0:
        return f"{name} {list(span)} starts before 0"
    if start > end:
        return f"{name} {list(span)} has start > end"
    if start == end:
        return f"{name} {list(span)} is empty"
    if text_length is not None and end > text_length:
        return f"{name} {list(span)} ends past the text ({text_length} characters)"
    return None


def _inside(inner: object, outer: object) -> bool:
    a, b = as_span(inner), as_span(outer)
    return a is None or b is None or (b[0] <= a[0] and a[1] <= b[1])


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _opt_str(value: object) -> bool:
    return value is None or isinstance(value, str)


# -- items -------------------------------------------------------------------


class _Collector:
    """Collects problems under a location prefix."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.problems: list[str] = []

    def add(self, where: str, problem: str | None) -> None:
        if problem:
            self.problems.append(
                f"{self.prefix}: {where}: {problem}" if where else f"{self.prefix}: {problem}"
            )

    def keys(self, where: str, item: Mapping[str, Any], keys: Sequence[str]) -> None:
        missing = [k for k in keys if k not in item]
        if missing:
            self.add(where, f"missing key(s) {', '.join(missing)}")

    def span(self, where: str, item: Mapping[str, Any], key: str, n: int | None) -> None:
        if key in item:
            self.add(where, span_problem(item[key], key, n))


def _check_actor(c: _Collector, where: str, actor: Mapping[str, Any], n: int | None) -> None:
    c.keys(where, actor, ACTOR_KEYS)
    if "id" in actor and (not isinstance(actor["id"], str) or not actor["id"]):
        c.add(where, f"id {actor['id']!r} is not a non-empty string")
    if "name" in actor and not isinstance(actor["name"], str):
        c.add(where, f"name {actor['name']!r} is not a string")
    if "type" in actor and actor["type"] not in ACTOR_TYPES:
        c.add(where, f"unknown type {actor['type']!r} (one of {', '.join(ACTOR_TYPES)})")
    if "code" in actor:
        c.add(where, code_problem(actor["code"]))
    mentions = actor.get("mentions", [])
    if not isinstance(mentions, list):
        c.add(where, "mentions is not a list")
        return
    for i, span in enumerate(mentions):
        c.add(where, span_problem(span, f"mentions[{i}]", n))
    seen = [tuple(m) for m in mentions if as_span(m) is not None]
    if len(seen) != len(set(seen)):
        c.add(where, "the same mention span is listed twice")


def _check_event(c: _Collector, where: str, event: Mapping[str, Any], n: int | None) -> None:
    c.keys(where, event, EVENT_KEYS)
    for key in ("source", "target"):
        if key in event:
            c.add(where, _prefixed(key, code_problem(event[key], nullable=True)))
    for key in ("source_text", "target_text", "attributed_to", "location"):
        if key in event and not _opt_str(event[key]):
            c.add(where, f"{key} {event[key]!r} is neither a string nor null")
    cameo, root = event.get("cameo"), event.get("root")
    if "cameo" in event and (not isinstance(cameo, str) or not _CAMEO.match(cameo)):
        c.add(where, f"cameo {cameo!r} is not a string of 2 to 4 digits")
    elif isinstance(cameo, str):
        if "root" in event and root != cameo[:2]:
            c.add(where, f"root {root!r} != cameo[:2] {cameo[:2]!r}")
        if not 1 <= int(cameo[:2]) <= 20:
            c.add(where, f"cameo {cameo!r} has no root 01..20")
        plover = event.get("plover")
        if "plover" in event and plover is not None and plover not in PLOVER_TYPES:
            c.add(where, f"unknown plover {plover!r}")
        elif cameo[:2] == "01" and plover is not None:
            c.add(where, f"plover {plover!r} for root 01 (must be null)")
        elif cameo[:2] in ("02", "10") and "plover" in event and plover != "REQUEST":
            c.add(where, f"plover {plover!r} for root {cameo[:2]} (must be REQUEST)")
    goldstein = event.get("goldstein")
    if goldstein is not None and (not _is_number(goldstein) or not -10 <= goldstein <= 10):
        c.add(where, f"goldstein {goldstein!r} is not a number in -10..10")
    if "status" in event and event["status"] not in STATUSES:
        c.add(where, f"unknown status {event['status']!r} (one of {', '.join(STATUSES)})")
    if "date" in event or "date_precision" in event:
        c.add(where, date_problem(event.get("date"), event.get("date_precision")))
    c.span(where, event, "sentence", n)
    c.span(where, event, "trigger", n)
    if not _inside(event.get("trigger"), event.get("sentence")):
        c.add(where, "trigger lies outside its sentence")


def _prefixed(key: str, problem: str | None) -> str | None:
    return f"{key}: {problem}" if problem else None


def _check_claim(c: _Collector, where: str, claim: Mapping[str, Any], n: int | None) -> None:
    c.keys(where, claim, CLAIM_KEYS)
    value, value_max = claim.get("value"), claim.get("value_max")
    if "value" in claim and not _is_number(value):
        c.add(where, f"value {value!r} is not a number")
    if value_max is not None:
        if not _is_number(value_max):
            c.add(where, f"value_max {value_max!r} is neither a number nor null")
        elif _is_number(value) and value_max < value:
            c.add(where, f"value_max {value_max!r} < value {value!r}")
    if "approximate" in claim and not isinstance(claim["approximate"], bool):
        c.add(where, f"approximate {claim['approximate']!r} is not true/false")
    unit = claim.get("unit")
    if "unit" in claim and not (unit in UNITS or (isinstance(unit, str) and _CURRENCY.match(unit))):
        c.add(where, f"unit {unit!r} not in {', '.join(sorted(UNITS))} or an ISO 4217 code")
    about = claim.get("about", [])
    if not isinstance(about, list):
        c.add(where, "about is not a list")
    else:
        for i, code in enumerate(about):
            c.add(where, _prefixed(f"about[{i}]", code_problem(code)))
    for key in ("item", "predicate", "asserted_by"):
        if key in claim and not _opt_str(claim[key]):
            c.add(where, f"{key} {claim[key]!r} is neither a string nor null")
    c.add(where, any_date_problem(claim.get("date")))
    if "status" in claim and claim["status"] not in STATUSES:
        c.add(where, f"unknown status {claim['status']!r} (one of {', '.join(STATUSES)})")
    c.span(where, claim, "text", n)
    c.span(where, claim, "sentence", n)
    if not _inside(claim.get("text"), claim.get("sentence")):
        c.add(where, "text lies outside its sentence")


def _check_quote(c: _Collector, where: str, quote: Mapping[str, Any], text: str | None) -> None:
    n = None if text is None else len(text)
    c.keys(where, quote, QUOTE_KEYS)
    speaker = quote.get("speaker")
    if "speaker" in quote and (not isinstance(speaker, str) or not speaker.strip()):
        c.add(where, f"speaker {speaker!r} is not a non-empty string")
    if "speaker_code" in quote:
        c.add(where, _prefixed("speaker_code", code_problem(quote["speaker_code"], nullable=True)))
    c.span(where, quote, "text", n)
    c.span(where, quote, "sentence", n)
    span, sentence = as_span(quote.get("text")), as_span(quote.get("sentence"))
    if span and sentence and not (span[0] < sentence[1] and sentence[0] < span[1]):
        c.add(where, "text does not overlap its sentence")
    if text is not None and span and 0 <= span[0] < span[1] <= len(text):
        before = text[span[0] - 1] if span[0] > 0 else ""
        after = text[span[1]] if span[1] < len(text) else ""
        if before not in QUOTE_MARKS or after not in QUOTE_MARKS:
            c.add(where, f"text {list(span)} is not directly inside quotation marks")


# -- records -----------------------------------------------------------------


def validate_record(rec: Mapping[str, Any], *, text: str | None = None) -> list[str]:
    """Every problem of one record, as readable strings (an empty list when it is valid).

    With ``text`` (the document text) spans are also checked against its
    length and quote texts against the quotation marks around them.
    """
    if not isinstance(rec, Mapping):
        return [f"record: not a JSON object ({type(rec).__name__})"]
    doc_id = rec.get("doc_id")
    c = _Collector(doc_id if isinstance(doc_id, str) and doc_id else "record")
    c.keys("", rec, RECORD_KEYS)
    if "doc_id" in rec and (not isinstance(doc_id, str) or not doc_id):
        c.add("", f"doc_id {doc_id!r} is not a non-empty string")
    language = rec.get("language")
    if language is not None and (not isinstance(language, str) or not language):
        c.add("", f"language {language!r} is neither a language code nor null")
    c.add("", any_date_problem(rec.get("published"), field="published"))
    if isinstance(rec.get("published"), str) and "/" in rec["published"]:
        c.add("", "published is a range, not a date")
    if "genre" in rec and rec["genre"] not in GENRES:
        c.add("", f"unknown genre {rec['genre']!r} (one of {', '.join(GENRES)})")
    n = None if text is None else len(text)
    for key in ("actors", "events", "claims", "quotes"):
        items = rec.get(key, [])
        if not isinstance(items, list):
            c.add("", f"{key} is not a list")
            continue
        for i, item in enumerate(items):
            where = f"{key}[{i}]"
            if not isinstance(item, Mapping):
                c.add(where, "not a JSON object")
            elif key == "actors":
                _check_actor(c, where, item, n)
            elif key == "events":
                _check_event(c, where, item, n)
            elif key == "claims":
                _check_claim(c, where, item, n)
            else:
                _check_quote(c, where, item, text)
    actors = rec.get("actors")
    if isinstance(actors, list):
        ids = [a.get("id") for a in actors if isinstance(a, Mapping) and "id" in a]
        dups = sorted({str(i) for i in ids if ids.count(i) > 1})
        if dups:
            c.add("actors", f"duplicate actor id(s) {', '.join(dups)}")
    return c.problems


def validate_records(
    records: Sequence[Mapping[str, Any]],
    *,
    docs: Mapping[str, str] | None = None,
    source: str | None = None,
) -> list[str]:
    """Every problem of a file of records, duplicate ``doc_id``\\ s across it included.

    ``docs`` maps doc ids to texts for span and quotation-mark checks (a record
    whose document is missing from ``docs`` is reported); ``source`` (a file
    name) prefixes every problem.
    """
    problems: list[str] = []
    first_seen: dict[str, int] = {}
    for number, rec in enumerate(records, 1):
        doc_id = rec.get("doc_id") if isinstance(rec, Mapping) else None
        text = None
        if docs is not None and isinstance(doc_id, str):
            text = docs.get(doc_id)
            if text is None:
                problems.append(f"{doc_id}: no document text for this doc_id")
        problems.extend(validate_record(rec, text=text))
        if isinstance(doc_id, str):
            if doc_id in first_seen:
                problems.append(
                    f"{doc_id}: duplicate doc_id (records {first_seen[doc_id]} and {number})"
                )
            else:
                first_seen[doc_id] = number
    return [f"{source}: {p}" for p in problems] if source else problems
