"""Filling a Document from declared metadata, then language, date and id.

Every reader builds a bare :class:`~triangulate.model.Document`, applies the
metadata its source declares with :func:`apply_metadata` (lowest precedence
first: a later call overrides an earlier one), then calls :func:`finish`.
Precedence: forced language > metadata > detection > a declared hint (HTML
``lang``, feed channel language); published date: metadata > HTML > feed >
dateline.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from triangulate.model import GENRES, Document, stable_doc_id
from triangulate.readers import langid
from triangulate.readers.dates import find_dateline, parse_date
from triangulate.readers.options import IngestOptions

_ALIASES = {
    "id": "doc_id",
    "date": "published",
    "lang": "language",
    "link": "url",
    "sitename": "site",
    "byline": "author",
}
_STRING_FIELDS = ("title", "url", "author", "site")
#: Keys that describe the record itself and are not copied into ``meta``.
_IGNORED = frozenset({"file", "text"})


def canonical_key(key: str) -> str:
    name = key.strip().lower().replace("-", "_").replace(" ", "_")
    return _ALIASES.get(name, name)


def _string(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        text = str(value).strip()
        return text or None
    return None


def apply_metadata(doc: Document, fields: Mapping[str, Any]) -> list[str]:
    """Apply declared ``fields`` to ``doc``; return complaints about bad values."""
    complaints: list[str] = []
    items = {canonical_key(str(k)): v for k, v in fields.items()}
    for key, value in items.items():
        if key in _IGNORED or value is None or (isinstance(value, str) and not value.strip()):
            continue  # absent
        if key == "doc_id":
            doc_id = _string(value)
            if doc_id is None:
                complaints.append(f"doc_id {value!r} is not a usable id")
            else:
                doc.doc_id = doc_id
        elif key in _STRING_FIELDS:
            text = _string(value)
            if text is not None:
                setattr(doc, key, text)
        elif key == "published":
            precision = items.get("published_precision")
            date = parse_date(value, precision if isinstance(precision, str) else None)
            if date is None:
                complaints.append(f"published {value!r} is not a date")
                doc.meta["published_raw"] = value
            else:
                doc.published, doc.published_precision = date.iso, date.precision
                doc.published_source = "metadata"
        elif key == "published_precision":
            continue  # read together with "published"
        elif key == "language":
            code = langid.normalise_language(value) if isinstance(value, str) else None
            if code is None:
                complaints.append(f"language {value!r} is not a language code")
            else:
                doc.language, doc.language_confidence = code, None
                doc.language_source = "metadata"
        elif key == "genre":
            genre = value.strip().lower() if isinstance(value, str) else None
            if genre in GENRES:
                doc.genre = genre
            else:
                complaints.append(f"genre {value!r} is not one of {', '.join(GENRES)}")
                doc.meta["genre"] = value
        else:
            doc.meta[key] = value
    return complaints


def finish(doc: Document, options: IngestOptions, *, language_hint: str | None = None) -> None:
    """Settle language, dateline date and id once all metadata is applied."""
    body = doc.text[doc.body_start :]
    forced = langid.normalise_language(options.language) if options.language else None
    if forced is not None:
        doc.language, doc.language_confidence, doc.language_source = forced, None, "metadata"
    elif doc.language_source != "metadata":
        found = langid.detect(body, options.languages)
        if found.language is not None:
            doc.language, doc.language_confidence = found.language, found.confidence
            doc.language_source = "detected"
        elif language_hint and (hint := langid.normalise_language(language_hint)):
            doc.language, doc.language_confidence, doc.language_source = hint, None, "metadata"
        else:
            doc.language, doc.language_confidence, doc.language_source = None, None, "unknown"
    if doc.published is None:
        date = find_dateline(body)
        if date is not None:
            doc.published, doc.published_precision = date.iso, date.precision
            doc.published_source = "dateline"
    if not doc.doc_id:
        doc.doc_id = stable_doc_id(doc.text)
