"""Evaluation records: an :class:`~triangulate.model.Analysis` as the JSON of ``docs/records.md``.

One JSON object per document, one document per line (JSON Lines, UTF-8).
Keys appear in the order the contract documents them; spans are two-element
lists of Unicode code-point offsets.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from triangulate.errors import EvaluationError
from triangulate.model import Actor, Analysis, Claim, Event, Quote, Span

DEFAULT_GENRE = "report"

_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY_RANGE = re.compile(r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$")


def _span(span: Span | list[int] | tuple[int, ...]) -> list[int]:
    start, end = span
    return [int(start), int(end)]


def _number(value: float | int | None) -> float | int | None:
    """Integral floats as ints (``10000.0`` -> ``10000``), other numbers unchanged."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _published(value: str | None) -> str | None:
    """The publication date as an ISO date (a timestamp loses its time part), or None."""
    if not value or not value.strip():
        return None
    return value.strip().split("T", 1)[0]


def _event_date(date: str | None, precision: str) -> tuple[str | None, str]:
    """The model knows a ``week`` precision that the contract does not: write it as a range.

    An ISO week (``2024-W44``) becomes its Monday–Sunday range; a week already
    written as a day range keeps its dates with precision ``range``.
    """
    if precision != "week" or date is None:
        return date, precision
    week = _ISO_WEEK.match(date.strip())
    if week:
        try:
            monday = dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        except ValueError:
            return date, precision
        sunday = monday + dt.timedelta(days=6)
        return f"{monday.isoformat()}/{sunday.isoformat()}", "range"
    if _DAY_RANGE.match(date.strip()):
        return date.strip(), "range"
    return date, precision


def actor_record(actor: Actor, extra_mentions: Iterable[Span] = ()) -> dict[str, Any]:
    mentions = sorted({tuple(_span(m)) for m in [*actor.mentions, *extra_mentions]})
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "code": actor.code,
        "mentions": [list(m) for m in mentions],
    }


def event_record(event: Event) -> dict[str, Any]:
    date, precision = _event_date(event.date, event.date_precision)
    return {
        "source": event.source,
        "target": event.target,
        "source_text": event.source_text,
        "target_text": event.target_text,
        "cameo": event.cameo,
        "root": event.root or event.cameo[:2],
        "plover": event.plover,
        "goldstein": event.goldstein,
        "status": event.status,
        "attributed_to": event.attributed_to,
        "date": date,
        "date_precision": precision,
        "location": event.location,
        "sentence": _span(event.sentence),
        "trigger": _span(event.trigger),
    }


def claim_record(claim: Claim) -> dict[str, Any]:
    return {
        "item": claim.item,
        "value": _number(claim.value),
        "value_max": _number(claim.value_max),
        "approximate": bool(claim.approximate),
        "unit": claim.unit,
        "about": list(claim.about),
        "predicate": claim.predicate,
        "asserted_by": claim.asserted_by,
        "date": claim.date,
        "status": claim.status,
        "text": _span(claim.text),
        "sentence": _span(claim.sentence),
    }


def quote_record(quote: Quote) -> dict[str, Any]:
    return {
        "speaker": quote.speaker,
        "speaker_code": quote.speaker_code,
        "text": _span(quote.text),
        "sentence": _span(quote.sentence),
    }


def to_record(analysis: Analysis) -> dict[str, Any]:
    """The evaluation record of one analysed document, exactly as ``docs/records.md`` fixes it.

    Actor mentions are the actor's own ``mentions`` together with the
    analysis-level :class:`~triangulate.model.Mention` entries that point at
    the actor, deduplicated and sorted.
    """
    document = analysis.document
    by_actor: dict[str, list[Span]] = {}
    for mention in analysis.mentions:
        by_actor.setdefault(mention.actor_id, []).append((mention.start, mention.end))
    return {
        "doc_id": document.doc_id,
        "language": document.language,
        "published": _published(document.published),
        "genre": document.genre or DEFAULT_GENRE,
        "actors": [actor_record(a, by_actor.get(a.id, ())) for a in analysis.actors],
        "events": [event_record(e) for e in analysis.events],
        "claims": [claim_record(c) for c in analysis.claims],
        "quotes": [quote_record(q) for q in analysis.quotes],
    }


def dumps_record(record: dict[str, Any]) -> str:
    """One record as a single JSON line (UTF-8 characters kept, no trailing newline)."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def write_records(
    records: Iterable[dict[str, Any]], path_or_stream: str | os.PathLike[str] | IO[str]
) -> int:
    """Write records as JSON Lines to a path (UTF-8, replaced) or an open text stream.

    Returns the number of records written.
    """
    if isinstance(path_or_stream, (str, os.PathLike)):
        with open(path_or_stream, "w", encoding="utf-8", newline="\n") as stream:
            return _write(records, stream)
    return _write(records, path_or_stream)


def _write(records: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write(dumps_record(record) + "\n")
        count += 1
    return count


def _read_lines(path: str | os.PathLike[str]) -> list[str]:
    """The file's lines, split on ``\\n`` only: JSON text may hold U+2028 or U+0085 unescaped."""
    try:
        return Path(path).read_text(encoding="utf-8-sig").split("\n")
    except UnicodeDecodeError as exc:
        raise EvaluationError(
            f"{os.fspath(path)}: not UTF-8 ({exc.reason} at byte {exc.start})"
        ) from exc
    except OSError as exc:
        raise EvaluationError(f"{os.fspath(path)}: cannot read ({exc.strerror or exc})") from exc


def load_records(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a JSON Lines file of records; blank lines are skipped.

    A line that is not valid JSON, or not a JSON object, raises
    :class:`EvaluationError` (T401) naming the file and the line number.
    """
    name = os.fspath(path)
    records: list[dict[str, Any]] = []
    for number, line in enumerate(_read_lines(path), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(
                f"{name}:{number}: malformed JSON ({exc.msg}, column {exc.colno})"
            ) from exc
        if not isinstance(value, dict):
            raise EvaluationError(
                f"{name}:{number}: expected a JSON object, got {type(value).__name__}"
            )
        records.append(value)
    return records


def load_docs(path: str | os.PathLike[str]) -> dict[str, str]:
    """Read a documents file (JSON Lines with ``doc_id`` and ``text``) as ``{doc_id: text}``.

    This is the mapping :func:`~triangulate.evaluation.report.format_errors` and
    :func:`~triangulate.evaluation.validate.validate_records` take for excerpts
    and span bounds.
    """
    name = os.fspath(path)
    docs: dict[str, str] = {}
    for number, record in enumerate(load_records(path), 1):
        doc_id, text = record.get("doc_id"), record.get("text")
        if not isinstance(doc_id, str) or not isinstance(text, str):
            raise EvaluationError(f"{name}: record {number}: needs a string 'doc_id' and 'text'")
        if doc_id in docs:
            raise EvaluationError(f"{name}: record {number}: duplicate doc_id {doc_id!r}")
        docs[doc_id] = text
    return docs
